import { parse } from 'csv-parse/sync';
import { makeIssue, type Issue } from '../errors.js';
import { CSV_SYNTAX, csvCellPath } from '../input/paths.js';

/** A field delimiter: comma, semicolon (spreadsheets set to a decimal comma) or tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Guesses the delimiter from the header line: the one of `,`, `;` and tab that
 * occurs most often outside quotes; a comma when tied (a one-column file).
 *
 * @example
 * ```ts
 * import { detectDelimiter } from 'dti-criteria/csv';
 * console.log(detectDelimiter('id;name;level;"a,b,c"\n')); // ";"
 * console.log(detectDelimiter('id,name,level\n')); // ","
 * ```
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** One data row of a CSV table. */
export interface CsvRow {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  /** The file line the row starts on (differs from `row` after a cell with line breaks). */
  readonly line: number;
  /** The raw cells, exactly as many as the header has. */
  readonly cells: readonly string[];
}

/** A parsed CSV table: the header and the data rows that are not blank. */
export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

interface RawRecord {
  readonly cells: string[];
  readonly line: number;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

function syntaxIssue(error: unknown, header: readonly string[] | undefined, lastLine: number, records: number): Issue {
  const e = error as { code?: string; message?: string; column?: unknown };
  const row = records + 1;
  const line = lastLine + 1;
  const column = typeof e.column === 'number' && header ? header[e.column] : undefined;
  const path = csvCellPath(row, column);
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return makeIssue(CSV_SYNTAX, path, { problem: 'unclosed-quote', row, line });
  }
  if (e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return makeIssue(CSV_SYNTAX, path, { problem: 'stray-quote', row, line });
  }
  return makeIssue(CSV_SYNTAX, path, { problem: 'other', row, line, detail: e.message ?? String(error) });
}

/**
 * Parses CSV text into a header and data rows with `csv-parse`. Accepts a
 * UTF-8 byte order mark, CRLF, LF or CR line endings (also mixed), quoted cells
 * with delimiters, quotes (`""`) and line breaks. Rows whose cells are all
 * empty (blank lines, the `,,,,` rows spreadsheets leave) are skipped. Reports
 * malformed text and rows with a different number of cells than the header,
 * with their spreadsheet row number, file line and {@link CSV_SYNTAX} code.
 * Never throws.
 *
 * @example
 * ```ts
 * import { readCsvTable } from 'dti-criteria/csv';
 * const { table } = readCsvTable('\uFEFFid;name\r\nx;"A; B"\r\n');
 * console.log(table?.delimiter); // ";"
 * console.log(table?.rows[0]?.cells); // ["x", "A; B"]
 * ```
 */
export function readCsvTable(text: string, delimiter?: CsvDelimiter): { table: CsvTable | undefined; issues: Issue[] } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const used = delimiter ?? detectDelimiter(clean);
  const records: RawRecord[] = [];
  let lastLine = 0;
  try {
    parse(clean, {
      delimiter: used,
      record_delimiter: '\n',
      relax_column_count: true,
      on_record: (cells: string[], context: { lines: number }): null => {
        records.push({ cells, line: lastLine + 1 });
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    return { table: undefined, issues: [syntaxIssue(error, records[0]?.cells.map((cell) => cell.trim()), lastLine, records.length)] };
  }
  const issues: Issue[] = [];
  const first = records[0];
  if (first === undefined) return { table: { delimiter: used, header: [], rows: [] }, issues };
  const header = first.cells;
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (isBlank(record.cells)) return;
    if (record.cells.length !== header.length) {
      issues.push(makeIssue(CSV_SYNTAX, csvCellPath(row), { problem: 'cell-count', row, line: record.line, cells: record.cells.length, expected: header.length }));
      return;
    }
    rows.push({ row, line: record.line, cells: record.cells });
  });
  return { table: { delimiter: used, header, rows }, issues };
}
