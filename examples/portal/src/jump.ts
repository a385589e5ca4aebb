// Jumping to a field from the error list (or the score bar): the field scrolled
// fully into view below whatever sticks to the top of the window (the score bar on
// a phone, a pillar's heading on a desktop), then its first input with an error
// focused. The CSS `scroll-padding-top` does the same for the keyboard's own
// scrolling (Tab); this makes sure of it whatever the heights are.

/** Elements that stick to the top of the window and may cover a field's title. */
const STICKY = '.score-bar, .form-section.depth-1 > .section-head';

/** How far down the window the sticky elements at its top reach, in px. */
function coveredTop(): number {
  let bottom = 0;
  for (const el of document.querySelectorAll<HTMLElement>(STICKY)) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || (style.position !== 'sticky' && style.position !== 'fixed')) continue;
    const box = el.getBoundingClientRect();
    if (box.height > 0 && box.top <= 1 && box.bottom > 0) bottom = Math.max(bottom, box.bottom);
  }
  return bottom;
}

/** Scrolls `el` so that its top is just below the sticky elements (and as much of it as fits is in view). */
export function scrollFullyIntoView(el: HTMLElement): void {
  el.scrollIntoView({ block: 'start' });
  // Sticky headings take their place only once scrolled: measure again, twice at most.
  for (let i = 0; i < 2; i++) {
    const gap = 8;
    const top = el.getBoundingClientRect().top;
    const covered = coveredTop();
    if (top >= covered + gap - 1 && top <= covered + gap + 1) break;
    window.scrollBy(0, top - covered - gap);
  }
}

/** The element to focus in a field: the first input flagged invalid, else the first enabled input. */
function focusTarget(container: HTMLElement): HTMLElement | null {
  return (
    container.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)') ??
    container.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)')
  );
}

/** Shows a field (or an evidence entry) fully and focuses its input, without the browser scrolling again. */
export function jumpTo(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  scrollFullyIntoView(el);
  focusTarget(el)?.focus({ preventScroll: true });
  return true;
}
