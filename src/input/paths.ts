import type { IssueCode } from '../errors.js';
import { formatPath } from '../path.js';

/**
 * Where a problem in a CSV file is: `header["CQS.9.9"]` for a header cell,
 * `rows[3]` for a whole row, `rows[3]["CQS.1.3.numerator"]` for a cell.
 *
 * The number in `rows[N]` is the spreadsheet row number: the header is row 1,
 * the first unit row 2, exactly the number a spreadsheet (Excel, LibreOffice,
 * Google Sheets) shows in its margin, even when a quoted cell spans several
 * lines of the file. Blank rows are counted, as a spreadsheet shows them. The
 * column is named by its header text as written in the file.
 *
 * @example
 * ```ts
 * import { csvCellPath, csvHeaderPath } from 'dti-criteria/csv';
 * console.log(csvCellPath(3, 'CQS.1.3.numerator')); // rows[3]["CQS.1.3.numerator"]
 * console.log(csvCellPath(2, 'id')); // rows[2].id
 * console.log(csvHeaderPath('CQS.9.9')); // header["CQS.9.9"]
 * ```
 */
export function csvCellPath(row: number, column?: string): string {
  return formatPath(column === undefined ? ['rows', row] : ['rows', row, column]);
}

/**
 * Path of a header cell, by its text (or by its 1-based column number when the
 * text is empty). See {@link csvCellPath}.
 *
 * @example
 * ```ts
 * import { csvHeaderPath } from 'dti-criteria/csv';
 * console.log(csvHeaderPath('level')); // header.level
 * console.log(csvHeaderPath('', 7)); // header[7]
 * ```
 */
export function csvHeaderPath(column: string, position?: number): string {
  return formatPath(['header', column === '' && position !== undefined ? position : column]);
}

/**
 * The issue code for text that is not well-formed CSV (an unclosed quote, a
 * stray quote, a row with the wrong number of cells). The catalogue has no
 * `csv/syntax` code yet, so the generic `schema/format` is used; the message
 * says what was expected and on which line.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { CSV_SYNTAX, safeParseSubmissionsCsv } from 'dti-criteria/csv';
 * const result = safeParseSubmissionsCsv('id,level\nx,"commune\n', getCriteria('can-tho@2022.1.0'));
 * if (!result.ok) console.log(result.issues[0]?.code === CSV_SYNTAX); // true
 * if (!result.ok) console.log(result.issues[0]?.path); // rows[2].level
 * ```
 */
export const CSV_SYNTAX = 'csv/syntax' satisfies IssueCode;
