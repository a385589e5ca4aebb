/**
 * Where things are in a filled-in workbook, as its hidden `_meta` sheet
 * records them (else layout 1's defaults): the sheet names, the identity
 * cells, the form's columns and header row. The reader finds the cells it
 * reads through this, and so do the scripts that fill templates the way
 * other programs do (test/fixtures/xlsx/programs/make.ts), so that neither
 * hard-codes an address the template owns.
 *
 * Nothing here depends on how the sheet is hidden (`veryHidden` as written,
 * merely `hidden` after LibreOffice or Google Sheets saved the workbook, or
 * shown by a person): the `_meta` sheet is found by its name and read by its
 * cells.
 */
import type { Workbook } from 'exceljs';
import { plainText, readCell } from './cells.js';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_HEADER_ROW,
  FORM_COLUMNS,
  FORM_HEADER_ROW,
  UNIT_CELLS,
  UNIT_FIELDS,
  XLSX_SHEETS,
  columnNumber,
  splitAddress,
  type EvidenceColumns,
  type FormColumns,
  type Lang,
  type UnitField,
} from './layout.js';

/** The last column (XFD) and row of a sheet. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/**
 * One `_meta` entry: its value as text and the address of the value cell.
 *
 * @internal
 */
export interface MetaEntry {
  readonly value: string;
  readonly address: string;
}

/**
 * The `_meta` sheet as key → value text (the first row of a key wins); empty
 * when the workbook has no `_meta` sheet. A value cell left empty (as
 * LibreOffice writes an empty text: no cell at all) reads as `""`.
 *
 * @internal
 */
export function readMeta(workbook: Workbook): Map<string, MetaEntry> {
  const meta = new Map<string, MetaEntry>();
  const sheet = workbook.getWorksheet(XLSX_SHEETS.meta);
  if (!sheet) return meta;
  for (let row = 1; row <= sheet.rowCount; row++) {
    const key = plainText(readCell(sheet.getCell(`A${row}`)));
    if (key !== '' && !meta.has(key)) meta.set(key, { value: plainText(readCell(sheet.getCell(`B${row}`))), address: `B${row}` });
  }
  return meta;
}

/**
 * Where a workbook's cells are.
 *
 * @internal
 */
export interface TemplateLayout {
  /** The sheet names of the identity sheet and the form. */
  readonly sheetNames: { readonly unit: string; readonly form: string };
  /** The identity sheet's value cells. */
  readonly unitCells: Readonly<Record<UnitField, string>>;
  /** The form's columns, by role. */
  readonly columns: FormColumns;
  /** The form's header row: leaf rows are below it. */
  readonly headerRow: number;
  /** The language the template was made in (its drop-down labels are in it). */
  readonly lang: Lang;
  /**
   * The evidence sheet (one row per leaf: its documents), when the template
   * has one (`_meta` records `sheet.evidence`); `undefined` for templates made
   * before it, which carry no evidence.
   */
  readonly evidence: EvidenceLayout | undefined;
}

/**
 * Where the evidence sheet's cells are.
 *
 * @internal
 */
export interface EvidenceLayout {
  readonly sheet: string;
  /** Its header row: leaf rows are below it. */
  readonly headerRow: number;
  /** Its columns, by role. */
  readonly columns: EvidenceColumns;
}

/**
 * A `_meta` value that is no place on a sheet (a column past XFD, row 0): reported as `xlsx/bad-meta`.
 *
 * @internal
 */
export interface BadMetaEntry extends MetaEntry {
  readonly key: string;
}

/**
 * The layout a workbook's `_meta` records, key by key, each falling back to
 * layout 1's default when not recorded; `bad` lists the recorded values that
 * name no place on a sheet (the reader reports them, never guesses).
 *
 * @internal
 */
export function templateLayout(meta: ReadonlyMap<string, MetaEntry>): { readonly layout: TemplateLayout; readonly bad: readonly BadMetaEntry[] } {
  const bad: BadMetaEntry[] = [];
  const value = (key: string): string | undefined => meta.get(key)?.value || undefined;
  const recorded = <T>(key: string, read: (text: string) => T | undefined): T | undefined => {
    const entry = meta.get(key);
    if (entry === undefined || entry.value === '') return undefined;
    const result = read(entry.value);
    if (result === undefined) bad.push({ key, ...entry });
    return result;
  };
  const onSheet = (column: string, row: number): boolean => columnNumber(column) <= MAX_COLUMN && row >= 1 && row <= MAX_ROW;
  const address = (key: string): string | undefined =>
    recorded(key, (text) => {
      const at = splitAddress(text);
      return at && onSheet(at.column, at.row) ? text : undefined;
    });
  const letters = (key: string): string | undefined => recorded(key, (text) => (/^[A-Z]{1,3}$/.test(text) && onSheet(text, 1) ? text : undefined));
  const unitCells = Object.fromEntries(UNIT_FIELDS.map((field) => [field, address(`unit.${field}`) ?? UNIT_CELLS[field]])) as Record<UnitField, string>;
  const columns = Object.fromEntries((Object.keys(FORM_COLUMNS) as (keyof FormColumns)[]).map((role) => [role, letters(`column.${role}`) ?? FORM_COLUMNS[role]])) as unknown as FormColumns;
  const row = (key: string): number | undefined => recorded(key, (text) => (/^\d{1,7}$/.test(text) && onSheet('A', Number(text)) ? Number(text) : undefined));
  const headerRow = row('form.headerRow') ?? FORM_HEADER_ROW;
  const evidenceSheet = value('sheet.evidence');
  const evidence: EvidenceLayout | undefined = evidenceSheet === undefined ? undefined : {
    sheet: evidenceSheet,
    headerRow: row('evidence.headerRow') ?? EVIDENCE_HEADER_ROW,
    columns: Object.fromEntries((Object.keys(EVIDENCE_COLUMNS) as (keyof EvidenceColumns)[]).map((role) => [role, letters(`evidence.column.${role}`) ?? EVIDENCE_COLUMNS[role]])) as unknown as EvidenceColumns,
  };
  return {
    layout: {
      sheetNames: { unit: value('sheet.unit') ?? XLSX_SHEETS.unit, form: value('sheet.form') ?? XLSX_SHEETS.form },
      unitCells,
      columns,
      headerRow,
      lang: value('lang') === 'en' ? 'en' : 'vi',
      evidence,
    },
    bad,
  };
}
