/**
 * The evidence sheet (**Minh chứng**) of a filled-in workbook read into the
 * unit's `evidence` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): one row per leaf, found by its code; each
 * document on its own line of the cells (Alt+Enter in Excel), the same line
 * in every cell of the row.
 */
import type { Worksheet } from 'exceljs';
import type { CompiledCriteria } from '../compile/compiled.js';
import type { IssueArgs, IssueCode } from '../errors.js';
import type { EvidenceEntry } from '../format/evidence-entry.js';
import { formatPath } from '../path.js';
import { contentText, plainText, readCell, type CellContent } from './cells.js';
import { cellAddress, type EvidenceColumns } from './layout.js';
import type { EvidenceLayout } from './meta.js';

/** Reports a problem at a cell of the evidence sheet. */
export type EvidenceProblem = <C extends IssueCode>(address: string, code: C, ...args: IssueArgs<C>) => void;

/** What the evidence sheet gave: entries by leaf code, and where each entry's fields are. */
export interface EvidenceSheetReading {
  readonly evidence: Readonly<Record<string, readonly EvidenceEntry[]>>;
  /** A submission path (`units[0].evidence["CQS.2.1"][1].url`, or an entry's own path) → its cell. */
  readonly places: ReadonlyMap<string, string>;
}

/** The cells of an entry, in the order their lines are matched. */
const FIELDS = ['number', 'date', 'issuer', 'summary', 'link'] as const;
type Field = (typeof FIELDS)[number];

const SHA256 = /^[0-9a-fA-F]{64}$/;
/** `dd/mm/yyyy` (or `d/m/yyyy`, `-` or `.` between), as Vietnamese write a date. */
const VIETNAMESE_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date as typed in a text cell, as the data's `YYYY-MM-DD`: `dd/mm/yyyy`
 * (day first, as in Vietnam) is rewritten; anything else is kept as typed,
 * for the evidence check to refuse (`value/date`) at the cell.
 */
function isoDate(text: string): string {
  const match = VIETNAMESE_DATE.exec(text);
  if (!match) return text;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/**
 * The lines of a cell, none when it is empty or blank. An empty line stands for a document without
 * this detail, the last one too (`45/KH-STTTT⏎` gives the first of two documents a number):
 * nothing is dropped, so the documents of a row are matched line by line or refused.
 */
function linesOf(content: CellContent): string[] {
  if (content.kind === 'date') return [content.iso];
  const text = contentText(content);
  if (text.trim() === '') return [];
  return text.split(/\r\n|\r|\n/).map((line) => line.trim().normalize('NFC'));
}

/**
 * One document from the `i`-th line of each cell. Its kind follows from what
 * is given: a number or an issuer make it a `document`; otherwise a SHA-256
 * in the link cell a `file`, an address a `link`; a summary or a date alone a
 * `document`. The link cell holds an address (`url`) or a file's SHA-256.
 */
function entryOf(fields: Readonly<Partial<Record<Field, string>>>): EvidenceEntry {
  const { number, date, issuer, summary, link } = fields;
  const sha256 = link !== undefined && SHA256.test(link) ? link : undefined;
  const url = link !== undefined && sha256 === undefined ? link : undefined;
  const kind = number !== undefined || issuer !== undefined ? 'document' : sha256 !== undefined ? 'file' : url !== undefined && summary === undefined && date === undefined ? 'link' : 'document';
  return {
    kind,
    ...(number !== undefined ? { number } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(summary !== undefined ? { title: summary } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(sha256 !== undefined ? { sha256 } : {}),
  };
}

/** The path in the submission of an entry's field (`url` for the link cell, `title` for the summary). */
function fieldPath(code: string, index: number, field: Field, entry: EvidenceEntry): string {
  const key = field === 'summary' ? 'title' : field === 'link' ? (entry.sha256 !== undefined ? 'sha256' : 'url') : field;
  return formatPath(['units', 0, 'evidence', code, index, key]);
}

/**
 * Reads the evidence sheet: the entries of every row whose entry cells hold
 * something, keyed by the row's code. Problems of the sheet itself go to
 * `problem` at their cells: a code that is not a leaf of the set
 * (`submission/unknown-leaf`, `submission/not-a-leaf`), a code given twice
 * (`xlsx/duplicate-row`), entries in a row without a code
 * (`schema/required`), cells of one row with different numbers of lines
 * (`xlsx/evidence-lines`), an Excel error or a formula without a result.
 * The entries themselves are checked by the scorer ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)), whose issues
 * the caller moves to the cells through `places`.
 *
 * @internal
 */
export function readEvidenceSheet(
  sheet: Worksheet,
  layout: EvidenceLayout,
  criteria: CompiledCriteria,
  unit: string,
  problem: EvidenceProblem,
  cellPath: (address: string) => string,
): EvidenceSheetReading {
  const evidence: Record<string, EvidenceEntry[]> = {};
  const places = new Map<string, string>();
  const firstRow = new Map<string, number>();
  const columns: EvidenceColumns = layout.columns;
  for (let row = layout.headerRow + 1; row <= sheet.rowCount; row++) {
    const cells = new Map<Field, { address: string; lines: string[] }>();
    let unreadable = false;
    for (const field of FIELDS) {
      const address = cellAddress(columns[field], row);
      const content = readCell(sheet.getCell(address));
      if (content.kind === 'error' || content.kind === 'no-result') {
        problem(address, 'value/shape', { unit, expected: 'value', reason: content.kind === 'error' ? 'cell-error' : 'no-result', ...(content.kind === 'error' ? { found: content.error } : {}) });
        unreadable = true;
        continue;
      }
      const lines = linesOf(content);
      if (lines.length > 0) cells.set(field, { address, lines: field === 'date' && content.kind !== 'date' ? lines.map(isoDate) : lines });
    }
    const codeAddress = cellAddress(columns.code, row);
    const code = plainText(readCell(sheet.getCell(codeAddress)));
    if (cells.size === 0 && !unreadable) continue;
    if (code === '') {
      problem(codeAddress, 'schema/required');
      continue;
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      problem(codeAddress, 'xlsx/duplicate-row', { code, first: cellPath(cellAddress(columns.code, first)) }, { node: code });
      continue;
    }
    firstRow.set(code, row);
    const node = criteria.byCode.get(code);
    if (!node) {
      problem(codeAddress, 'submission/unknown-leaf', { unit, code });
      continue;
    }
    if (!node.leaf) {
      problem(codeAddress, 'submission/not-a-leaf', { unit, code });
      continue;
    }
    if (unreadable) continue;
    // The row's entry cells, where a problem of the whole row or of one entry is pointed at.
    const span = `${cellAddress(columns.number, row)}:${cellAddress(columns.link, row)}`;
    const counts = [...cells.values()].map((cell) => cell.lines.length);
    const documents = Math.max(...counts);
    if (counts.some((count) => count !== documents)) {
      const lines = [...cells].map(([field, cell]) => `${columns[field]}: ${cell.lines.length}`);
      problem(span, 'xlsx/evidence-lines', { unit, code, lines }, { node: code });
      continue;
    }
    const entries: EvidenceEntry[] = [];
    for (let index = 0; index < documents; index++) {
      const fields: Partial<Record<Field, string>> = {};
      for (const [field, cell] of cells) if (cell.lines[index] !== '') fields[field] = cell.lines[index]!;
      if (Object.keys(fields).length === 0) continue;
      const entry = entryOf(fields);
      places.set(formatPath(['units', 0, 'evidence', code, entries.length]), span);
      for (const field of Object.keys(fields) as Field[]) places.set(fieldPath(code, entries.length, field, entry), cells.get(field)!.address);
      entries.push(entry);
    }
    if (entries.length > 0) {
      evidence[code] = entries;
      places.set(formatPath(['units', 0, 'evidence', code]), span);
    }
  }
  return { evidence, places };
}
