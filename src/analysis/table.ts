/**
 * A table cell: a decimal as exact text (`"812.50"`; a JavaScript number
 * instead with `numbers: 'number'`), a whole number (ranks), text, a yes/no,
 * or `null` for an empty cell (not applicable, missing, nothing given: the
 * status column says which).
 */
export type Cell = string | number | boolean | null;

/**
 * What a column holds: `decimal` (exact text, or numbers with `numbers:
 * 'number'`), `integer` (ranks, as numbers), `boolean`, or `text`. A program
 * reading the table converts `decimal` columns with its own exact type (or
 * lets its CSV reader see numbers).
 */
export type ColumnType = 'text' | 'decimal' | 'integer' | 'boolean';

/** One column of a {@link Table}: its name (the row key), its type, and for a node's column its code and what it holds. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Wide tables: the node the column belongs to. */
  readonly code?: string;
  /** Wide tables: which figure of the node it holds. */
  readonly value?: TableValue;
}

/** One row: a cell per column name. */
export type Row = Readonly<Record<string, Cell>>;

/** The two shapes of a results table: one row per unit, or one row per unit and node. */
export type TableShape = 'wide' | 'long';

/**
 * The figures a table can hold per node (see `toRows`):
 *
 * - `input`: the raw inputs kept in the results (`keepInputs`): `input` as
 *   the unit gave it (a fraction as `input.numerator` and
 *   `input.denominator`; a checklist as the ids of the items met, separated
 *   by spaces), `appraisedInput` likewise where some unit has an appraised
 *   value; `"n/a"` as an empty cell;
 * - `points`, `maxPoints`, `selfPoints` (where some unit has appraised values);
 * - `index`: aggregates only;
 * - `status`: `scored`, `not-applicable`, `missing` or `info`.
 */
export type TableValue = 'input' | 'points' | 'maxPoints' | 'index' | 'status' | 'selfPoints';

/**
 * Every {@link TableValue}, in the order a table lists them.
 *
 * @example
 * ```ts
 * import { TABLE_VALUES } from 'dti-criteria/analysis';
 * console.log(TABLE_VALUES); // ["input","points","maxPoints","index","status","selfPoints"]
 * ```
 * @category Tables
 */
export const TABLE_VALUES: readonly TableValue[] = ['input', 'points', 'maxPoints', 'index', 'status', 'selfPoints'];

/** A table of results: its shape, its columns in order, and its rows (plain data, ready for `toCsv`, `console.table` or a data frame). */
export interface Table {
  readonly shape: TableShape;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}
