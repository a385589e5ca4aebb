// Tiny DOM helpers: no framework, no innerHTML for user or criteria text.

export type Child = Node | string | null | undefined | false;
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Creates an element; `true` sets an empty attribute, `false` / `null` / `undefined` leave it out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Vietnamese text with its English subtitle (`lang="en"`), or the Vietnamese alone when both are the same. */
export function bilingual(vi: string, en: string, className = 'sub'): DocumentFragment {
  const out = document.createDocumentFragment();
  out.append(h('span', { class: 'vi' }, vi));
  if (en && en !== vi) out.append(' ', h('span', { class: className, lang: 'en' }, en));
  return out;
}

/** An element by id that must exist in index.html. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}
