import type { Localized } from '../format/localized.js';
import type { Lang } from './layout.js';

/** How a choice cell's text is compared: trimmed, NFC, lower case (locale-independent). */
function key(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/**
 * The texts that name each option of a choice leaf in a cell: its id, its
 * Vietnamese label, its English label. A text is kept only when it names
 * one option: an id always wins over another option's label, and a label
 * shared by two options names neither (the id must be used).
 *
 * @internal
 */
export function choiceLookup(options: readonly { readonly id: string; readonly label: Localized }[]): ReadonlyMap<string, string> {
  const ids = new Set(options.map((option) => key(option.id)));
  const lookup = new Map<string, string | null>();
  for (const option of options) {
    const k = key(option.id);
    lookup.set(k, lookup.has(k) ? null : option.id);
  }
  for (const option of options) {
    for (const label of [option.label.vi, option.label.en]) {
      if (label === undefined) continue;
      const k = key(label);
      if (ids.has(k)) continue;
      const existing = lookup.get(k);
      if (existing === undefined) lookup.set(k, option.id);
      else if (existing !== option.id) lookup.set(k, null);
    }
  }
  const out = new Map<string, string>();
  for (const [k, id] of lookup) if (id !== null) out.set(k, id);
  return out;
}

/**
 * Maps a choice cell's text to an option id; `undefined` when it names no
 * option unambiguously (the text is then passed on as it is, and reported
 * as an unknown option).
 *
 * @internal
 */
export function choiceId(lookup: ReadonlyMap<string, string>, text: string): string | undefined {
  return lookup.get(key(text));
}

/**
 * The entries of a choice leaf's drop-down list: the labels in `lang` when
 * every one of them reads back as its own option, else the option ids.
 *
 * @internal
 */
export function choiceEntries(options: readonly { readonly id: string; readonly label: Localized }[], lang: Lang): string[] {
  const lookup = choiceLookup(options);
  const labels = options.map((option) => (lang === 'en' ? (option.label.en ?? option.label.vi) : option.label.vi).trim());
  const readable = options.every((option, index) => choiceId(lookup, labels[index]!) === option.id);
  return readable ? labels : options.map((option) => option.id);
}
