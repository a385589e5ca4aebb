/**
 * How numbers are written in a CSV file's cells.
 *
 * - `en` (the default): plain decimals only, a dot before the decimals and no
 *   thousands separators: `1200000000`, `4.5`, `-0.25`. `1,200` is rejected
 *   (it would mean 1.2 in a Vietnamese file), so nothing is guessed.
 * - `vi`: the Vietnamese convention, a decimal comma and optional thousands
 *   dots in groups of exactly three: `1.200.000.000`, `4,5`, `1.234,56`; plain
 *   integers (`1200`) are also accepted. A dot that does not separate groups of
 *   three (`4.5`, `0.044`) is rejected, so a dot-decimal file read as `vi`
 *   fails loudly instead of being misread. Caveat: `1.200` is 1200 under `vi`
 *   and 1.2 under `en`; pick the locale the file was written in.
 *
 * Neither accepts exponents (`1.22E+09`, as a narrow spreadsheet column may
 * export), percent signs, currency symbols or a leading `+`.
 */
export type CsvLocale = 'en' | 'vi';

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
 * Writes a plain decimal string (`"1234.56"`) the way `locale` reads it back:
 * unchanged for `en`, with thousands dots and a decimal comma for `vi`
 * (`"1.234,56"`). Text that is not a plain decimal is returned unchanged.
 * For every plain decimal `d` without leading zeros,
 * `parseDecimalCell(formatDecimalCell(d, locale), locale) === d`.
 *
 * @example
 * ```ts
 * import { formatDecimalCell } from 'dti-criteria/csv';
 * console.log(formatDecimalCell('1200000000', 'vi')); // "1.200.000.000"
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
  const grouped = /^0\d/.test(integer) ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped}${decimals === undefined ? '' : `,${decimals}`}`;
}
