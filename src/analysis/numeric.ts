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
 * A value read for the statistics: its exact decimal (built when first
 * needed: most values are compared, summed and correlated as doubles), its
 * nearest double (for the moments and correlations, computed in float64),
 * whether that double is the decimal's value exactly written (its shortest
 * text reads back equal), and the decimals it was written with.
 *
 * @internal
 */
export class ExactValue {
  /** The nearest double. */
  readonly number: number;
  /** Decimals it was written with (`"16.00"`: 2), which order statistics keep. */
  readonly places: number;
  /** Whether `number` is the decimal exactly written (then equal doubles mean equal decimals). */
  readonly roundTrips: boolean;
  #exact: Dec | undefined;
  readonly #text: string;

  constructor(value: string | number) {
    this.#text = typeof value === 'number' ? new Dec(value).toFixed() : value;
    this.number = Number(this.#text);
    const dot = this.#text.indexOf('.');
    this.places = dot < 0 ? 0 : this.#text.length - dot - 1;
    // At most 15 significant digits: the double is the decimal's nearest, and its shortest text is the decimal.
    const digits = this.#text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
    this.roundTrips = digits <= 15 || new Dec(this.number).eq(this.exact);
  }

  /** The exact decimal. */
  get exact(): Dec {
    return (this.#exact ??= new Dec(this.#text));
  }
}

/** A plain decimal text or a finite number read for the statistics. @internal */
export function exactValue(value: string | number): ExactValue {
  return new ExactValue(value);
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
