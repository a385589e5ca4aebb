/**
 * The workbook layout shared by the template writer and the reader: sheet
 * names, the columns of the form, the cells of the unit's identity and the
 * keys of the hidden `_meta` sheet. A template records all of it in `_meta`,
 * so a later layout can move things and older readers still find them; the
 * values here are the defaults for layout {@link XLSX_LAYOUT_VERSION}.
 */
import { takesFraction } from '../input/columns.js';
import type { InputShape } from '../rules/input-shape.js';

/**
 * The version of the template layout written by `buildTemplate` (recorded in
 * the hidden `_meta` sheet; the reader rejects a newer one). It changes only
 * when an older reader could not follow the record in `_meta`: moving a
 * column or adding a sheet (the evidence sheet) is recorded there, and
 * keeps the number.
 *
 * @example
 * ```ts
 * import { XLSX_LAYOUT_VERSION } from 'dti-criteria/xlsx';
 * console.log(XLSX_LAYOUT_VERSION); // 1
 * ```
 */
export const XLSX_LAYOUT_VERSION = 1;

/** A value cell of a leaf's own row: the value (or numerator), or the denominator. */
export type ValueRole = 'value' | 'denominator';

/**
 * The value cells of its own row a leaf takes, in the template and on
 * reading: a scalar one, a pair when its value may be `n/d`, or none (a
 * checklist's items have rows of their own).
 *
 * @internal
 */
export function valueRoles(input: InputShape): readonly ValueRole[] {
  if (input.type === 'any-of') return [];
  return takesFraction(input) ? ['value', 'denominator'] : ['value'];
}

/**
 * The sheet names of a template: the unit's identity, the self-assessment
 * form, the evidence for each criterion, and two sheets hidden from users
 * (`veryHidden`: Excel's menus cannot show them): the layout record and the
 * lists behind the drop-downs.
 *
 * @example
 * ```ts
 * import { XLSX_SHEETS } from 'dti-criteria/xlsx';
 * console.log(XLSX_SHEETS.form); // Tự đánh giá
 * console.log(XLSX_SHEETS.evidence); // Minh chứng
 * ```
 */
export const XLSX_SHEETS = { unit: 'Đơn vị', form: 'Tự đánh giá', evidence: 'Minh chứng', meta: '_meta', lists: '_lists' } as const;

/** The columns of the form sheet, by role.
 *
 * @internal
 */
export interface FormColumns {
  /** Leaf code, checklist item key (`CODE.itemId`) or section code. */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly rule: string;
  readonly points: string;
  /** The value, or a ratio's numerator. */
  readonly value: string;
  /** A ratio's denominator (or a bands leaf given as a fraction). */
  readonly denominator: string;
  readonly notes: string;
  /** The DIC's appraised value (or numerator). */
  readonly appraisedValue: string;
  readonly appraisedDenominator: string;
}

/**
 * The form's columns. A template records them in `_meta` (`column.value`,
 * ...), and the reader takes them from there: templates written before the
 * evidence moved to its own sheet (evidence in H, notes in I, the appraising
 * body's cells in J and K) read as before.
 *
 * @internal
 */
export const FORM_COLUMNS: FormColumns = {
  code: 'A',
  nameVi: 'B',
  nameEn: 'C',
  rule: 'D',
  points: 'E',
  value: 'F',
  denominator: 'G',
  notes: 'H',
  appraisedValue: 'I',
  appraisedDenominator: 'J',
};

/** The header row of the form in layout 1 (a title and the instructions are above it).
 *
 * @internal
 */
export const FORM_HEADER_ROW = 3;

/** The columns of the evidence sheet, by role: one row per leaf, found by its code.
 *
 * @internal
 */
export interface EvidenceColumns {
  readonly code: string;
  readonly name: string;
  /** What evidence the set asks for (the node's `evidence` text). */
  readonly asked: string;
  /** The document's number (`12/KH-UBND`). */
  readonly number: string;
  /** The date the document was issued. */
  readonly date: string;
  /** The body that issued it. */
  readonly issuer: string;
  /** What it is about (trích yếu). */
  readonly summary: string;
  /** A link to it, or the name of its file. */
  readonly link: string;
}

/** The evidence sheet's columns (the fields of a `document` evidence entry, [format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)).
 *
 * @internal
 */
export const EVIDENCE_COLUMNS: EvidenceColumns = {
  code: 'A',
  name: 'B',
  asked: 'C',
  number: 'D',
  date: 'E',
  issuer: 'F',
  summary: 'G',
  link: 'H',
};

/** The header row of the evidence sheet (a title and the instructions are above it).
 *
 * @internal
 */
export const EVIDENCE_HEADER_ROW = 3;

/** The fields of the identity sheet, in row order.
 *
 * @internal
 */
export const UNIT_FIELDS = ['criteria', 'id', 'name', 'level', 'group', 'parent', 'period'] as const;

/** One field of the identity sheet.
 *
 * @internal
 */
export type UnitField = (typeof UNIT_FIELDS)[number];

/** The identity sheet's value cells in layout 1: labels in A, values in B, hints in C.
 *
 * @internal
 */
export const UNIT_CELLS: Readonly<Record<UnitField, string>> = {
  criteria: 'B3',
  id: 'B4',
  name: 'B5',
  level: 'B6',
  group: 'B7',
  parent: 'B8',
  period: 'B9',
};

/** The value written in `_meta` under `format`, which marks a workbook as one of ours.
 *
 * @internal
 */
export const META_FORMAT = 'dti-criteria/xlsx-template';

/** Column letter (`"A"`, `"AB"`) to 1-based number.
 *
 * @internal
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

/** 1-based column number to letters.
 *
 * @internal
 */
export function columnLetters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}

/** The address of a cell: `cellAddress('F', 12)` is `"F12"`.
 *
 * @internal
 */
export function cellAddress(column: string, row: number): string {
  return `${column}${row}`;
}

/** Splits `"F12"` into its column letters and row; `undefined` when it is not an address.
 *
 * @internal
 */
export function splitAddress(address: string): { column: string; row: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return match ? { column: match[1]!.toUpperCase(), row: Number(match[2]) } : undefined;
}

/**
 * Where something is in a workbook, as issue paths give it:
 * `workbook!sheet!cell` (`form-a.xlsx!Tự đánh giá!F12`), `workbook!sheet` for a
 * whole sheet, a range (`F12:G12`) for a pair of cells. Sheet names are
 * written as they are, without the quotes Excel formulas put around names
 * with spaces.
 *
 * @example
 * ```ts
 * import { xlsxPath } from 'dti-criteria/xlsx';
 * console.log(xlsxPath('form-a.xlsx', 'Tự đánh giá', 'F12')); // form-a.xlsx!Tự đánh giá!F12
 * console.log(xlsxPath('form-a.xlsx', 'Đơn vị')); // form-a.xlsx!Đơn vị
 * ```
 */
export function xlsxPath(workbook: string, sheet: string, cell?: string): string {
  return cell === undefined ? `${workbook}!${sheet}` : `${workbook}!${sheet}!${cell}`;
}

/** The language of a workbook's texts.
 *
 * @internal
 */
export type Lang = 'vi' | 'en';

/** The language of a template's words: one language, or Vietnamese then English.
 *
 * @internal
 */
export type Labels = Lang | 'both';
