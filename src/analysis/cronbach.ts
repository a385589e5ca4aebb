import { DtiError } from '../errors.js';
import { readNumeric, sameLength, type Numeric } from './numeric.js';
import type { Issue } from '../errors.js';

/** The sample variance (divisor `n − 1`) of doubles. */
function variance(xs: readonly number[]): number {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let sum = 0;
  for (const x of xs) sum += (x - mean) * (x - mean);
  return sum / (n - 1);
}

/** Cronbach's alpha of items given as columns of doubles over the same units (complete). @internal */
export function alphaOf(columns: readonly (readonly number[])[]): number | null {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 2) return null;
  const totals = new Array<number>(n).fill(0);
  let itemVariances = 0;
  for (const column of columns) {
    itemVariances += variance(column);
    column.forEach((x, i) => {
      totals[i]! += x;
    });
  }
  const total = variance(totals);
  if (total === 0) return null;
  return (k / (k - 1)) * (1 - itemVariances / total);
}

/**
 * Cronbach's alpha of `k` items scored over the same units:
 * `k/(k−1) · (1 − Σ var(item) / var(Σ items))`, sample variances (the raw
 * alpha, not the standardised one). `items[i][u]` is item `i`'s score for
 * unit `u`; a unit missing any item (`null`) is left out (listwise). `null`
 * with fewer than 2 items or 2 complete units, or when the totals have no
 * spread. Analysis, not a published figure: computed in float64. Throws a
 * `DtiError` when the items differ in length (`analysis/length-mismatch`) or
 * hold something that is not a number (`schema/decimal`).
 *
 * @param items - one list per item, each with one score per unit
 * @returns alpha (at most 1; negative when the items work against each other), or `null`
 * @example
 * ```ts
 * import { cronbachAlpha } from 'dti-criteria/analysis';
 * console.log(cronbachAlpha([['1', '2', '3'], ['1', '2', '3']])); // 1
 * console.log(cronbachAlpha([[2, 4, 3, 5, 1], [3, 5, 2, 4, 1], [2, 5, 3, 4, 2]])?.toFixed(4)); // 0.9322
 * ```
 * @category Statistics
 */
export function cronbachAlpha(items: readonly (readonly (Numeric | null)[])[]): number | null {
  const units = items[0]?.length ?? 0;
  items.forEach((item, i) => sameLength(item, units, ['items', i]));
  const issues: Issue[] = [];
  const read = items.map((item, i) => item.map((value, u) => readNumeric(value, ['items', i, u], issues)));
  if (issues.length > 0) throw new DtiError(issues);
  const complete: number[] = [];
  for (let u = 0; u < units; u++) if (read.every((item) => item[u] !== null)) complete.push(u);
  return alphaOf(read.map((item) => complete.map((u) => item[u]!.number)));
}
