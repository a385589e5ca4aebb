import { vietnameseDigits } from '../text/number-text.js';
import { readTypedNumber, type TypedNumber, type TypedNumberOptions } from '../format/typed-number.js';

/**
 * How numbers are written in a CSV file's cells (and a workbook's text cells).
 *
 * - `en` (the default for CSV): data as a program writes it, plain decimals
 *   only, a dot before the decimals and no thousands separators:
 *   `1200000000`, `4.5`, `-0.25`. `1,200` is rejected, so nothing is guessed.
 * - `vi`: numbers as people type them ({@link readTypedNumber}): the
 *   Vietnamese convention (`1.200.000.000`, `4,5`, `1.234,56`) and the
 *   English one where it cannot be mistaken (`4.5`, `1,234.56`), full-width
 *   digits too. A text that reads two ways for the leaf (`1.000`: one, or a
 *   thousand?) is `value/ambiguous-number`, asking which was meant.
 *
 * Neither accepts exponents (`1.22E+09`, as a narrow spreadsheet column may
 * export), currency symbols or a leading `+`.
 */
export type CsvLocale = 'en' | 'vi';

/**
 * Reads the text of a number cell (already trimmed) written in `locale`: a
 * plain decimal string, or why not (see {@link TypedNumber}). `options` are
 * the leaf's bounds, which tell the two readings of an ambiguous text apart
 * under `vi`.
 *
 * @example
 * ```ts
 * import { readExact } from 'dti-criteria';
 * import { readNumberCell } from 'dti-criteria/csv';
 * console.log(readNumberCell('1.234,5', 'vi')); // {"ok":true,"value":"1234.5"}
 * console.log(readNumberCell('1.000', 'vi').ok); // false
 * console.log(readNumberCell('1.000', 'vi', { whole: true, max: readExact(100) })); // {"ok":true,"value":"1.000"}
 * console.log(readNumberCell('4,5', 'en')); // {"ok":false,"problem":"not-a-number"}
 * ```
 */
export function readNumberCell(text: string, locale: CsvLocale, options: TypedNumberOptions = {}): TypedNumber {
  if (locale === 'vi') return readTypedNumber(text, options);
  const value = parseDecimalCell(text, 'en');
  return value === undefined ? { ok: false, problem: 'not-a-number' } : { ok: true, value };
}

const EN_NUMBER = /^(-?)(\d+)(?:\.(\d+))?$/;
const VI_NUMBER = /^(-?)([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

function canonicalInteger(digits: string): string {
  const stripped = digits.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

/**
 * Reads the text of a number cell (already trimmed) written in `locale`, and
 * returns it as a plain decimal string (`"1234.56"`): digits are copied, never
 * passed through a binary float, so every digit is kept. Leading zeros of the
 * integer part are dropped; trailing zeros of the decimals are kept. Returns
 * `undefined` when the text is not a number in that locale.
 *
 * @example
 * ```ts
 * import { parseDecimalCell } from 'dti-criteria/csv';
 * console.log(parseDecimalCell('1.200.000.000', 'vi')); // "1200000000"
 * console.log(parseDecimalCell('1.234,56', 'vi')); // "1234.56"
 * console.log(parseDecimalCell('0.1', 'en')); // "0.1"
 * console.log(parseDecimalCell('1,200', 'en')); // undefined
 * ```
 */
export function parseDecimalCell(text: string, locale: CsvLocale): string | undefined {
  const match = (locale === 'vi' ? VI_NUMBER : EN_NUMBER).exec(text);
  if (!match) return undefined;
  const sign = match[1] ?? '';
  const integer = canonicalInteger((match[2] ?? '').replace(/\./g, ''));
  const decimals = match[3];
  return `${sign}${integer}${decimals === undefined ? '' : `.${decimals}`}`;
}

/**
 * Writes a plain decimal string (`"1234.56"`) the way `locale` reads it back,
 * for cells a program or a person reads in again (CSV data, a workbook's text
 * cells). Texts for people only (reports, explanations) use `formatNumber`,
 * which groups every whole part of four digits or more (`1.234`):
 * unchanged for `en`; for `vi` with a decimal comma and thousands dots, in a
 * form that cannot be read two ways ({@link readNumberCell}): a whole number
 * of one thousands group is written without its dot (`"1234"`, not the
 * ambiguous `"1.234"`), and a number below 1000 with exactly three decimals
 * with a leading zero (`"01,234"`, not `"1,234"`). Text that is not a plain
 * decimal is returned unchanged. For every plain decimal `d` without leading
 * zeros, `parseDecimalCell(formatDecimalCell(d, locale), locale) === d` and
 * `readNumberCell(formatDecimalCell(d, locale), locale)` reads `d`.
 *
 * @example
 * ```ts
 * import { formatDecimalCell } from 'dti-criteria/csv';
 * console.log(formatDecimalCell('1200000000', 'vi')); // "1.200.000.000"
 * console.log(formatDecimalCell('1234', 'vi')); // "1234"
 * console.log(formatDecimalCell('1234.5', 'vi')); // "1.234,5"
 * console.log(formatDecimalCell('1.234', 'vi')); // "01,234"
 * console.log(formatDecimalCell('-4.5', 'vi')); // "-4,5"
 * console.log(formatDecimalCell('4.5', 'en')); // "4.5"
 * ```
 */
export function formatDecimalCell(decimal: string, locale: CsvLocale): string {
  const match = EN_NUMBER.exec(decimal);
  if (!match || locale === 'en') return decimal;
  const sign = match[1] ?? '';
  const integer = match[2] ?? '';
  const decimals = match[3];
  // `1.234` (one group) and `1,234` (three decimals after 1 to 999) read two ways: never written so.
  const groups = Math.ceil(integer.length / 3);
  const group = !/^0\d/.test(integer) && (groups >= 3 || (groups === 2 && decimals !== undefined));
  const padded = decimals?.length === 3 && /^[1-9]\d{0,2}$/.test(integer) ? `0${integer}` : integer;
  return vietnameseDigits(sign, padded, decimals, group);
}
