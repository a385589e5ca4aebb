import { Dec } from '../decimal.js';
import { DtiError, makeIssue } from '../errors.js';
import { compareExact, readNumeric, readNumerics, type ExactValue, type Numeric } from './numeric.js';

/**
 * The type-7 quantile of values sorted ascending (Hyndman and Fan's
 * definition 7, R's default and numpy's `linear`): with `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`,
 * exactly. `undefined` for no value. @internal
 */
export function sortedQuantile(sorted: readonly ExactValue[], p: Dec): Dec | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const h = p.times(n - 1);
  const j = h.floor().toNumber();
  const low = sorted[j]!.exact;
  if (j + 1 >= n) return low;
  return low.plus(h.minus(j).times(sorted[j + 1]!.exact.minus(low)));
}

/** Exact values sorted ascending. @internal */
export function sortExact(values: readonly ExactValue[]): ExactValue[] {
  return [...values].sort(compareExact);
}

/** A quantile as text: with at least `places` decimals (those of the data), more only where interpolation needs them. @internal */
export function quantileText(value: Dec, places: number): string {
  return value.toFixed(Math.max(places, value.decimalPlaces()));
}

/**
 * The quantile `p` of the values, exactly: type 7 of Hyndman and Fan (R's
 * default, numpy's `linear`, Excel's `QUARTILE.INC`): with the `n` values
 * sorted and `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`.
 * Computed on the exact decimals (nothing is rounded), and written with at
 * least as many decimals as the values have. `null` values are left out;
 * `null` when none is left. Throws a `DtiError`: `schema/decimal` for a value
 * that is not a number, `schema/range` for `p` outside [0, 1].
 *
 * @param values - decimals as exact text or numbers, `null` for none
 * @param p - the probability, in [0, 1] (`0.25`, `"0.5"`)
 * @returns the quantile as a plain decimal string, or `null`
 * @example
 * ```ts
 * import { quantile } from 'dti-criteria/analysis';
 * console.log(quantile(['10.00', '7.50', '0.00', '2.50'], 0.25)); // 1.875
 * console.log(quantile(['10.00', '7.50', '0.00', '2.50'], 0.5)); // 5.00
 * console.log(quantile([0.1, 0.2], '0.5')); // 0.15
 * console.log(quantile([null], 0.5)); // null
 * ```
 * @category Statistics
 */
export function quantile(values: readonly (Numeric | null)[], p: Numeric): string | null {
  const issues: ReturnType<typeof makeIssue>[] = [];
  const at = readNumeric(p, ['p'], issues);
  if (at !== null && (at.exact.lt(0) || at.exact.gt(1))) issues.push(makeIssue('schema/range', ['p'], { range: '[0, 1]' }));
  if (issues.length > 0) throw new DtiError(issues);
  const present = readNumerics(values, 'values').filter((value): value is ExactValue => value !== null);
  const q = sortedQuantile(sortExact(present), at!.exact);
  if (q === undefined) return null;
  return quantileText(q, Math.max(0, ...present.map((value) => value.places)));
}
