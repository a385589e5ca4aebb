import type { Cell, CellValue } from 'exceljs';
import { readDecimal, type Dec } from '../decimal.js';
import { formatDecimalCell } from '../input/numbers.js';

/**
 * What a cell holds, as the reader sees it. A formula is replaced by its
 * cached result (the value Excel last computed and saved); a number is its
 * shortest round-trip decimal text.
 *
 * @internal
 */
export type CellContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly decimal: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'error'; readonly error: string }
  /** A number beyond the library's decimal limits (30 significant digits, magnitudes 10^±30), or not finite. */
  | { readonly kind: 'number-beyond-limits'; readonly text: string }
  | { readonly kind: 'no-result' };

const EMPTY: CellContent = { kind: 'empty' };

/**
 * The decimal text of a number read from a workbook: Excel stores binary
 * doubles, and the text is the shortest one that reads back as the same
 * double (`0.1` is `"0.1"`, a stored `4.3499999999999996` is `"4.35"`),
 * never in exponent notation. `undefined` for a non-finite number or one
 * beyond the library's decimal limits.
 *
 * @internal
 */
export function numberText(value: number): string | undefined {
  return readDecimal(value)?.toFixed();
}

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function contentOf(value: CellValue | undefined): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    const decimal = numberText(value);
    return decimal === undefined ? { kind: 'number-beyond-limits', text: String(value) } : { kind: 'number', decimal };
  }
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', error: 'date' } : { kind: 'date', iso: isoDate(value) };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) return contentOf(value.richText.map((run) => run.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'no-result' };
    return contentOf(result as CellValue);
  }
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return contentOf(typeof text === 'string' ? text : (text as CellValue));
  }
  return { kind: 'error', error: 'unsupported cell content' };
}

/**
 * Reads a cell's content (merged cells are the caller's business: this reads
 * what exceljs gives for the address).
 *
 * @internal
 */
export function readCell(cell: Cell): CellContent {
  return contentOf(cell.value);
}

/**
 * The text a CSV cell would hold for this content, so that the CSV layer's
 * converters read it: numbers their plain decimal (the reader is told they
 * are stored numbers, never typed text: `RowContext.stored`); booleans
 * `true`/`false`; dates (only ever asked for `text` input) `YYYY-MM-DD`.
 * Errors and missing formula results are the caller's to report first.
 *
 * @internal
 */
export function contentText(content: CellContent): string {
  switch (content.kind) {
    case 'empty':
    case 'no-result':
    case 'error':
      return '';
    case 'text':
      return content.text;
    case 'number':
      return content.decimal;
    case 'boolean':
      return content.value ? 'true' : 'false';
    case 'date':
      return content.iso;
    case 'number-beyond-limits':
      return content.text;
  }
}

/**
 * The formula of a cell without its `=` (a shared formula's own, as the
 * spreadsheet program shows it in that cell), `undefined` when the cell holds none.
 *
 * @internal
 */
export function formulaText(cell: Cell): string | undefined {
  const value = cell.value;
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return undefined;
  const formula = (cell as { formula?: unknown }).formula ?? (value as { formula?: unknown }).formula;
  return typeof formula === 'string' ? formula.replace(/^=/, '') : '';
}

/**
 * A published decimal (`"812.50"`, `"0.8125"`) as an Excel number when the
 * number reads back as exactly that decimal (its shortest round-trip text
 * has the same value, always so up to 15 significant digits); `undefined`
 * when it would not, and the caller writes the text instead.
 *
 * @internal
 */
export function exactNumber(decimal: string): number | undefined {
  const exact = readDecimal(decimal);
  if (exact === undefined) return undefined;
  const number = Number(decimal);
  const back = readDecimal(number);
  return back !== undefined && back.eq(exact) ? number : undefined;
}

/**
 * The Excel number format that shows exactly `places` decimals, with
 * thousands grouping (`#,##0.00`). The format is the same in every locale:
 * the spreadsheet program shows the separators of its own (`1.234,50` in a
 * Vietnamese Excel, `1,234.50` in an English one).
 *
 * @internal
 */
export function fixedFormat(places: number): string {
  return places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}

/**
 * Writes a decimal into a cell: as a number with a fixed-decimals format
 * when exact (see {@link exactNumber}), else as text, which no program
 * localises: in Vietnamese (`locale: 'vi'`) with Vietnamese separators
 * (`1.234,50`, as `formatDecimalCell` writes it).
 *
 * @internal
 */
export function writeDecimal(cell: Cell, decimal: string | Dec, places?: number, locale: 'vi' | 'en' = 'en'): void {
  const text = typeof decimal === 'string' ? decimal : decimal.toFixed();
  const number = exactNumber(text);
  if (number === undefined) {
    cell.value = formatDecimalCell(text, locale);
    cell.alignment = { ...cell.alignment, horizontal: 'right' };
    return;
  }
  cell.value = number;
  if (places !== undefined) cell.numFmt = fixedFormat(places);
}

/** Plain text of a content for identity fields and codes (numbers as plain decimals). */
export function plainText(content: CellContent): string {
  return contentText(content).trim().normalize('NFC');
}
