/**
 * `dti-criteria/csv`: self-assessments as CSV, one row per unit, read into a
 * submission batch ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)) and written back, with exact decimals and
 * every problem reported with its spreadsheet row and column.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeParseSubmissionsCsv } from 'dti-criteria/csv';
 * const result = safeParseSubmissionsCsv('id,level,CQS.2.1\nninh-kieu,district,có\n', getCriteria('can-tho@2022.1.0'));
 * if (result.ok) console.log(result.value.units[0]?.values); // {"CQS.2.1":true}
 * ```
 *
 * @packageDocumentation
 */
export { BOOLEAN_CELL, BOOLEAN_WORDS, cellText, expectedNumber, isNotApplicableCell, parseBooleanCell, readScalarCell, type CellReading, type ScalarInput } from '../input/cells.js';
export {
  APPRAISED_PREFIX,
  csvColumnName,
  mapCsvHeader,
  scalarInputOf,
  UNIT_COLUMNS,
  type CsvColumnMap,
  type CsvTarget,
  type LeafColumns,
  type LeafPart,
  type UnitColumn,
} from '../input/columns.js';
export { formatDecimalCell, parseDecimalCell, readNumberCell, type CsvLocale } from '../input/numbers.js';
export { safeParseSubmissionsCsv, type SubmissionsCsvOptions } from './parse-submissions-csv.js';
export { CSV_SYNTAX, csvCellPath, csvHeaderPath } from '../input/paths.js';
export { submissionToCsv, type SubmissionCsvWriteOptions } from './submission-to-csv.js';
export { detectDelimiter, readCsvTable, type CsvDelimiter, type CsvRow, type CsvTable } from './table.js';
