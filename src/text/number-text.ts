import type { Exact } from '../exact/exact.js';

/** The languages numbers are written in for people: `vi` (decimal comma, thousands dots) or `en` (as data holds them). */
export type NumberLanguage = 'vi' | 'en';

/** A plain decimal as data holds it: optional `-`, digits, optional `.` and digits. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Vietnamese digits of a plain decimal's parts: the decimals after a comma,
 * the whole part in groups of three separated by dots when `group` is set.
 * The one place Vietnamese digits are put together: {@link formatNumber} and
 * the CSV cell writer (which decides when to group differently) both call it.
 *
 * @internal
 */
export function vietnameseDigits(sign: string, whole: string, decimals: string | undefined, group: boolean): string {
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return `${sign}${grouped}${decimals === undefined ? '' : `,${decimals}`}`;
}

/**
 * A number as people read it in `lang`: the one number format of every text
 * the library writes for people (explanations, rules in words, reports,
 * charts, the command line's table).
 *
 * - `vi`: a decimal comma, and the whole part in groups of three separated by
 *   dots as soon as it has four digits or more (`0,9346`, `16,00`,
 *   `1.000,00`, `1.200.000.000`, `-4,5`), as Vietnamese documents write them.
 *   The text reads back to the same value with the Vietnamese reader
 *   (`parseDecimalCell(text, 'vi')` of `dti-criteria/csv`). Digits are copied,
 *   never rounded or padded: `16.00` stays `16,00`.
 * - `en`: unchanged (`0.9346`, `1000.00`): a dot before the decimals and no
 *   thousands separators, as data holds numbers, so English texts and every
 *   figure of JSON and CSV data are written the same way.
 *
 * `value` is a plain decimal string (`"-1234.5"`, as results hold figures) or
 * an exact number; any other text (`"—"`, `""`, `"n/a"`) is returned as it is.
 *
 * @param value - A plain decimal string or an exact number.
 * @param lang - The language of the text the number goes into.
 * @returns The number written for people in `lang`.
 * @example
 * ```ts
 * import { formatNumber, readExact } from 'dti-criteria';
 * console.log(formatNumber('0.9346', 'vi')); // 0,9346
 * console.log(formatNumber('1000.00', 'vi')); // 1.000,00
 * console.log(formatNumber('1200000000', 'vi')); // 1.200.000.000
 * console.log(formatNumber(readExact('-4.5')!, 'vi')); // -4,5
 * console.log(formatNumber('0.9346', 'en')); // 0.9346
 * console.log(formatNumber('—', 'vi')); // —
 * ```
 */
export function formatNumber(value: string | Exact, lang: NumberLanguage): string {
  const text = typeof value === 'string' ? value : value.toString();
  if (lang === 'en') return text;
  const match = PLAIN.exec(text);
  if (match === null) return text;
  const whole = match[2]!;
  return vietnameseDigits(match[1]!, whole, match[3], whole.length >= 4 && !whole.startsWith('0'));
}
