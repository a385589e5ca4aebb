import { makeIssue, type Issue } from '../errors.js';
import { cellText, expectedNumber, isNotApplicableCell, parseBooleanCell, readScalarCell } from './cells.js';
import { scalarInputOf, type LeafColumns } from './columns.js';
import { readNumberCell, type CsvLocale } from './numbers.js';
import type { TypedNumber, TypedNumberOptions } from '../format/typed-number.js';
import type { InputShape } from '../rules/input-shape.js';
import { inPercentUnits } from '../format/percent.js';
import { Exact } from '../exact/exact.js';

const ZERO = Exact.scaled(0, 0);
const NON_NEGATIVE: TypedNumberOptions = { min: ZERO };
import { csvCellPath } from './paths.js';

/** Where a row's cells are read: its number, its unit (for messages), the header names and the locale. */
export interface RowContext {
  readonly row: number;
  readonly unit: string;
  readonly cells: readonly string[];
  readonly names: readonly string[];
  readonly locale: CsvLocale;
  readonly issues: Issue[];
  /**
   * Per cell, whether it holds a number a spreadsheet stored (written as a
   * plain decimal): read as such, never as typed text (a stored 1000 is not
   * the ambiguous `1.000`).
   */
  readonly stored?: readonly boolean[];
  /** The scalar cell of a `%` leaf holds percent units (a workbook's): its bounds are 0 to 100, not 0 to 1. */
  readonly percentUnits?: boolean;
}

/**
 * A leaf's value read from a row: `missing` (every cell empty), the submission
 * value (`"n/a"`, a boolean, a decimal string, an option id, a
 * `{ numerator, denominator }` of decimal strings, a list of item ids), or
 * `invalid` after at least one issue was pushed.
 */
export type LeafReading = { readonly state: 'missing' } | { readonly state: 'value'; readonly value: unknown } | { readonly state: 'invalid' };

const MISSING: LeafReading = { state: 'missing' };
const INVALID: LeafReading = { state: 'invalid' };
const NA: LeafReading = { state: 'value', value: 'n/a' };

function text(ctx: RowContext, position: number): string {
  return cellText(ctx.cells[position] ?? '');
}

function shapeIssue(ctx: RowContext, position: number, expected: string, reason?: string): LeafReading {
  ctx.issues.push(makeIssue('value/shape', csvCellPath(ctx.row, ctx.names[position] ?? ''), { unit: ctx.unit, expected, ...(reason !== undefined ? { reason } : {}) }));
  return INVALID;
}

function ambiguityIssue(ctx: RowContext, position: number, text: string, readings: readonly [string, string]): LeafReading {
  ctx.issues.push(makeIssue('value/ambiguous-number', csvCellPath(ctx.row, ctx.names[position] ?? ''), { unit: ctx.unit, text, readings: [...readings] }));
  return INVALID;
}

/** The bounds a leaf's number is read against, to tell the readings of an ambiguous text apart (in the units typed). */
function boundsOf(input: InputShape, percentUnits: boolean): TypedNumberOptions {
  switch (input.type) {
    case 'number': {
      const typed = input.percent && percentUnits;
      return { whole: input.whole, min: typed ? inPercentUnits(input.min) : input.min, max: typed ? inPercentUnits(input.max) : input.max };
    }
    case 'points':
      return { min: ZERO, max: input.max };
    default:
      return {};
  }
}

/** How the cell at `position` is read: a stored number as the plain decimal it is, typed text in the row's locale. */
function localeAt(ctx: RowContext, position: number): CsvLocale {
  return ctx.stored?.[position] === true ? 'en' : ctx.locale;
}

/** A number cell (see {@link localeAt}). */
function numberAt(ctx: RowContext, position: number, text: string, bounds: TypedNumberOptions): TypedNumber {
  return readNumberCell(text, localeAt(ctx, position), bounds);
}

function readFraction(ctx: RowContext, numerator: number, denominator: number): LeafReading {
  const cells = [numerator, denominator].map((position) => ({ position, text: text(ctx, position) }));
  if (cells.every((cell) => cell.text === '')) return MISSING;
  if (cells.some((cell) => isNotApplicableCell(cell.text))) {
    if (cells.every((cell) => cell.text === '' || isNotApplicableCell(cell.text))) return NA;
    const at = cells.find((cell) => isNotApplicableCell(cell.text))!;
    return shapeIssue(ctx, at.position, expectedNumber(ctx.locale), 'na-both');
  }
  const values: string[] = [];
  let bad = false;
  for (const cell of cells) {
    const reading = cell.text === '' ? undefined : numberAt(ctx, cell.position, cell.text, NON_NEGATIVE);
    if (reading === undefined || !reading.ok) {
      if (reading !== undefined && reading.problem === 'ambiguous') ambiguityIssue(ctx, cell.position, cell.text, reading.readings);
      else shapeIssue(ctx, cell.position, expectedNumber(ctx.locale), cell.text === '' ? 'pair-half' : undefined);
      bad = true;
    } else {
      values.push(reading.value);
    }
  }
  if (bad) return INVALID;
  return { state: 'value', value: { numerator: values[0], denominator: values[1] } };
}

function readChecklist(ctx: RowContext, items: ReadonlyMap<string, number>): LeafReading {
  const cells = [...items].map(([item, position]) => ({ item, position, text: text(ctx, position) }));
  if (cells.every((cell) => cell.text === '')) return MISSING;
  if (cells.every((cell) => cell.text === '' || isNotApplicableCell(cell.text))) return NA;
  const chosen: string[] = [];
  let bad = false;
  for (const cell of cells) {
    if (cell.text === '') continue;
    const flag = isNotApplicableCell(cell.text) ? undefined : parseBooleanCell(cell.text);
    if (flag === undefined) {
      shapeIssue(ctx, cell.position, 'boolean-or-empty', isNotApplicableCell(cell.text) ? 'na-all' : undefined);
      bad = true;
    } else if (flag) {
      chosen.push(cell.item);
    }
  }
  return bad ? INVALID : { state: 'value', value: chosen };
}

/**
 * Reads one leaf's value (for one target) from a row's cells:
 *
 * - a scalar column: empty is missing, `n/a` is `"n/a"`, otherwise the cell is
 *   converted by the rule kind (yes/no words, an exact decimal string in the
 *   locale, or the trimmed text of an option id or an `info` note);
 * - a `CODE.numerator` / `CODE.denominator` pair: both empty is missing; `n/a`
 *   in both, or in one with the other empty, is `"n/a"`; a number in one cell
 *   and nothing (or `n/a`) in the other is an error;
 * - a bands leaf may have both a `CODE` column and a pair: a row fills one;
 * - checklist item columns: all empty is missing, all `n/a` (or empty) is
 *   `"n/a"`; otherwise each cell is a yes/no word and an empty cell is "not
 *   done"; the value is the list of the items done, in the criteria's order.
 *
 * Conversion problems are pushed as `value/shape` with the cell's path; value
 * checks (`n > d`, unknown option ids, negative counts) are the scorer's.
 *
 * @internal
 */
export function readLeafValue(ctx: RowContext, columns: LeafColumns): LeafReading {
  if (columns.items) return readChecklist(ctx, columns.items);
  const hasPair = columns.numerator !== undefined && columns.denominator !== undefined;
  const scalar = columns.value === undefined ? '' : text(ctx, columns.value);
  const pairGiven = hasPair && (text(ctx, columns.numerator!) !== '' || text(ctx, columns.denominator!) !== '');
  if (scalar !== '' && pairGiven) {
    return shapeIssue(ctx, columns.value!, `this cell or the numerator/denominator cells, not both / chỉ điền một dạng`);
  }
  if (pairGiven) return readFraction(ctx, columns.numerator!, columns.denominator!);
  if (scalar === '' || columns.value === undefined) return MISSING;
  if (isNotApplicableCell(scalar)) return NA;
  const input = scalarInputOf(columns.input) ?? 'text';
  const reading = readScalarCell(scalar, input, localeAt(ctx, columns.value), boundsOf(columns.input, ctx.percentUnits === true));
  if (reading.ok) return { state: 'value', value: reading.value };
  return reading.readings !== undefined ? ambiguityIssue(ctx, columns.value, scalar, reading.readings) : shapeIssue(ctx, columns.value, reading.expected);
}
