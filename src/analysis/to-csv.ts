import { Dec, isPlainDecimalString } from '../decimal.js';
import { DtiError, makeIssue, type Issue } from '../errors.js';
import type { Cell, Column, Row, Table } from './table.js';

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /**
   * Decimals with a comma (`812,50`), as a Vietnamese Excel reads them;
   * no thousands separator. The delimiter then defaults to `;`.
   */
  readonly decimalComma?: boolean;
  /** Between cells: `,` (default), `;` (default with `decimalComma`) or a tab. */
  readonly delimiter?: ',' | ';' | '\t';
  /** Start with a UTF-8 byte order mark, so Excel on Windows reads Vietnamese text right; default `false`. */
  readonly bom?: boolean;
  /** Between lines: `\r\n` (default, RFC 4180) or `\n`. */
  readonly lineEnding?: '\r\n' | '\n';
  /**
   * Text a spreadsheet program would run as a formula (it starts with `=`,
   * `+`, `-`, `@`, a tab or a carriage return) is written with a leading
   * `'` (default `true`); numbers are never changed.
   */
  readonly neutraliseFormulas?: boolean;
}

const FORMULA = /^[=+\-@\t\r]/;

/** A finite number as a plain decimal (its shortest round-trip text, never in exponent form). */
function numberText(value: number): string {
  return Number.isInteger(value) && Number.isSafeInteger(value) ? String(value) : new Dec(value).toFixed();
}

/** The columns of plain rows: every key, in the order first met; a string cell that is a plain decimal counts as a number. */
function columnsOf(rows: readonly Row[]): Column[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row)) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  }
  return names.map((name) => ({ name, type: rows.some((row) => typeof row[name] === 'string' && !isPlainDecimalString(row[name] as string)) ? 'text' : 'decimal' }));
}

/**
 * A table as CSV text (RFC 4180): a header line of column names, then one
 * line per row; a cell holding the delimiter, a quote or a line break is
 * quoted, its quotes doubled. Decimals are written exactly as the table
 * holds them (a JavaScript number through its shortest round-trip text),
 * with a decimal comma under `decimalComma`; `true`/`false` as words; an
 * empty cell (`null`) as nothing. `rows` may be a {@link Table} (its columns
 * in order, their types say which cells are numbers) or plain rows (every
 * key in the order first met; a text cell that is a plain decimal is written
 * as a number). Throws a `DtiError` (`analysis/not-a-cell`) for a cell that
 * is not text, a finite number, `true`/`false` or `null`.
 *
 * @param rows - a table from `toRows`, or plain rows
 * @param options - decimal comma, delimiter, byte order mark, line ending
 * @returns the CSV text
 * @example
 * ```ts
 * import { toCsv } from 'dti-criteria/analysis';
 * const rows = [{ unit: 'cai-khe', name: 'Phường "Cái Khế", Ninh Kiều', points: '812.50', scored: true, rank: 1 }, { unit: 'an-binh', name: null, points: null, scored: false, rank: null }];
 * console.log(JSON.stringify(toCsv(rows))); // "unit,name,points,scored,rank\r\ncai-khe,\"Phường \"\"Cái Khế\"\", Ninh Kiều\",812.50,true,1\r\nan-binh,,,false,\r\n"
 * const excel = toCsv(rows.slice(0, 1), { decimalComma: true, bom: true, lineEnding: '\n' });
 * console.log(excel.startsWith('\uFEFF')); // true
 * console.log(JSON.stringify(excel.slice(1))); // "unit;name;points;scored;rank\ncai-khe;\"Phường \"\"Cái Khế\"\", Ninh Kiều\";812,50;true;1\n"
 * console.log(toCsv([{ name: '=HYPERLINK("x")', change: '-1.5' }]).split('\r\n')[1]); // "'=HYPERLINK(""x"")",-1.5
 * ```
 * @category Tables
 */
export function toCsv(rows: Table | readonly Row[], options: CsvOptions = {}): string {
  const columns = 'columns' in rows ? rows.columns : columnsOf(rows);
  const list = 'columns' in rows ? rows.rows : rows;
  const delimiter = options.delimiter ?? (options.decimalComma === true ? ';' : ',');
  const neutralise = options.neutraliseFormulas !== false;
  const quote = (text: string): string => (text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const decimal = (text: string): string => (options.decimalComma === true ? text.replace('.', ',') : text);
  const issues: Issue[] = [];
  const cellText = (cell: Cell | undefined, column: Column, position: number): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'boolean') return cell ? 'true' : 'false';
    if (typeof cell === 'number') {
      if (Number.isFinite(cell)) return decimal(numberText(cell));
    } else if (typeof cell === 'string') {
      if ((column.type === 'decimal' || column.type === 'integer') && isPlainDecimalString(cell)) return decimal(cell);
      return neutralise && FORMULA.test(cell) ? `'${cell}` : cell;
    }
    issues.push(makeIssue('analysis/not-a-cell', ['rows', position, column.name], { column: column.name, found: typeof cell === 'number' ? String(cell) : typeof cell }));
    return '';
  };
  const lines = [columns.map((column) => quote(column.name)).join(delimiter)];
  list.forEach((row, position) => {
    lines.push(columns.map((column) => quote(cellText(row[column.name], column, position))).join(delimiter));
  });
  if (issues.length > 0) throw new DtiError(issues);
  const eol = options.lineEnding ?? '\r\n';
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
