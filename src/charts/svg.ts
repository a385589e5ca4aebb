// Internal helpers shared by the charts and the HTML report: escaping, number
// formatting for coordinates, text-width estimates and the font stack. No DOM.

/** Fonts with full Vietnamese coverage first, then common fallbacks. */
export const FONT_STACK = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Characters XML 1.0 does not allow (controls, non-characters, lone surrogates). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML/HTML text node or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate or length with at most 2 decimals, no exponent, no `-0` (deterministic). */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/** Visible characters of a text (NFC, combining marks count as part of their letter). */
export function charCount(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** Estimated rendered width in px of `text` at `size` px (no DOM: an average glyph width). */
export function textWidth(text: string, size: number): number {
  return charCount(text) * size * 0.58;
}

/** Shortens `text` to fit about `maxWidth` px at `size` px, ending with "…". */
export function fitText(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text.normalize('NFC')];
  const keep = Math.max(1, Math.floor(maxWidth / (size * 0.58)) - 1);
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

/** Splits `text` into at most `lines` lines of about `perLine` characters, on spaces; the last line ends with "…" when cut. */
export function wrapText(text: string, perLine: number, lines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (charCount(candidate) <= perLine || current === '') {
      current = candidate;
      continue;
    }
    if (out.length === lines - 1) {
      out.push(`${current}…`);
      return out;
    }
    out.push(current);
    current = word;
  }
  if (current !== '') out.push(current);
  return out.map((line) => (charCount(line) > perLine + 1 ? `${[...line.normalize('NFC')].slice(0, perLine).join('')}…` : line));
}

/** A safe XML id fragment: lowercase ASCII letters, digits and `-`. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii === '' ? 'x' : ascii;
}

/** Builds an element: `el('rect', { x: 1 }, children?)`; attribute values are escaped, `undefined` ones left out. */
export function el(name: string, attrs: Readonly<Record<string, string | number | undefined>>, children?: string): string {
  const list = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`)
    .join('');
  return children === undefined ? `<${name}${list}/>` : `<${name}${list}>${children}</${name}>`;
}

/** A `<text>` element with escaped content. */
export function text(x: number, y: number, content: string, attrs: Readonly<Record<string, string | number | undefined>> = {}): string {
  return el('text', { x, y, ...attrs }, escapeXml(content));
}

/** The root `<svg>` with an accessible name (`<title>`) and description (`<desc>`). */
export function svgDocument(id: string, width: number, height: number, title: string, desc: string, body: string, lang: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${escapeXml(id)}" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}"` +
    ` role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" lang="${escapeXml(lang)}"` +
    ` font-family="${escapeXml(FONT_STACK)}" font-size="13" fill="#1a1a1a">` +
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>` +
    `<desc id="${escapeXml(id)}-desc">${escapeXml(desc)}</desc>` +
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>` +
    body +
    `</svg>`
  );
}

/** The visible heading of a chart: the title (bold, wrapped on up to `most` lines, 2 by default) and a grey subtitle; returns the markup and the y below it. */
export function heading(title: string, subtitle: string, width: number, most = 2): { svg: string; bottom: number } {
  const perLine = Math.max(20, Math.floor((width - 32) / (15 * 0.58)));
  const lines = wrapText(title, perLine, most);
  const parts = lines.map((line, i) => text(16, 26 + i * 20, line, { 'font-size': 15, 'font-weight': 'bold' }));
  const y = 26 + (lines.length - 1) * 20 + 19;
  parts.push(text(16, y, fitText(subtitle, width - 32, 12), { 'font-size': 12, fill: '#555555' }));
  return { svg: parts.join(''), bottom: y + 17 };
}
