import { Dec, isPlainDecimalString } from '../decimal.js';
import { DtiError, makeIssue, type Issue } from '../errors.js';
import type { PathSegment } from '../path.js';

/**
 * A number given to the statistics of `dti-criteria/analysis`: a decimal as
 * exact text (`"16.25"`, as results publish figures) or a JavaScript number
 * (read through its shortest round-trip text, `0.1` is `"0.1"`).
 */
export type Numeric = number | string;

/**
 * A value read for the statistics: its exact decimal, its nearest double (for
 * the moments and correlations, computed in float64) and whether the double
 * is the decimal's value exactly written (its shortest text reads back equal).
 *
 * @internal
 */
export interface ExactValue {
  readonly exact: Dec;
  /** Decimals it was written with (`"16.00"`: 2), which order statistics keep. */
  readonly places: number;
  readonly number: number;
  readonly roundTrips: boolean;
}

/** The decimals a plain decimal text is written with. */
function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A decimal's exact value and nearest double: from its text (keeping its decimals) or a number. @internal */
export function exactValue(value: string | number): ExactValue {
  const exact = new Dec(value);
  const number = exact.toNumber();
  return { exact, places: typeof value === 'string' ? placesOf(value) : Math.max(0, exact.decimalPlaces()), number, roundTrips: new Dec(number).eq(exact) };
}

/**
 * Reads one value (`null` and `undefined` are no value); pushes
 * `schema/decimal` at `path` for anything but a plain decimal string or a
 * finite number.
 *
 * @internal
 */
export function readNumeric(value: unknown, path: readonly PathSegment[], issues: Issue[]): ExactValue | null {
  if (value === null || value === undefined) return null;
  if ((typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && isPlainDecimalString(value))) return exactValue(value);
  issues.push(makeIssue('schema/decimal', path));
  return null;
}

/** Reads a list of values (see {@link readNumeric}); throws a `DtiError` listing every value that is not a number. @internal */
export function readNumerics(values: readonly (Numeric | null)[], name: string): (ExactValue | null)[] {
  const issues: Issue[] = [];
  const read = values.map((value, i) => readNumeric(value, [name, i], issues));
  if (issues.length > 0) throw new DtiError(issues);
  return read;
}

/** Throws `analysis/length-mismatch` unless `values` has `expected` entries. @internal */
export function sameLength(values: readonly unknown[], expected: number, path: readonly PathSegment[]): void {
  if (values.length !== expected) throw new DtiError([makeIssue('analysis/length-mismatch', path, { length: values.length, expected })]);
}

/** Exact order of two values: by their doubles, and exactly where the doubles tie (rounding is monotone, so `a < b` as doubles means `a < b`). @internal */
export function compareExact(a: ExactValue, b: ExactValue): number {
  if (a.number < b.number) return -1;
  if (a.number > b.number) return 1;
  if (a.roundTrips && b.roundTrips) return 0;
  return a.exact.cmp(b.exact);
}
