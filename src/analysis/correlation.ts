import { ranksOf } from './ranks.js';
import { readNumerics, sameLength, type ExactValue, type Numeric } from './numeric.js';

/** Pearson's r of two equally long lists of doubles: `null` with fewer than 2 pairs or a list without spread; clamped to [-1, 1]. @internal */
export function pearsonOf(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** The pairs where both values are present. @internal */
export function completePairs(xs: readonly (ExactValue | null)[], ys: readonly (ExactValue | null)[]): [ExactValue[], ExactValue[]] {
  const a: ExactValue[] = [];
  const b: ExactValue[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    a.push(x);
    b.push(y);
  }
  return [a, b];
}

/** Spearman's rho of complete pairs: Pearson's r of their ranks, ties averaged. @internal */
export function spearmanOf(xs: readonly ExactValue[], ys: readonly ExactValue[]): number | null {
  return pearsonOf(ranksOf(xs), ranksOf(ys));
}

/**
 * Pearson's correlation of two equally long lists, over the positions where
 * both have a value (pairwise complete). `null` with fewer than two pairs, or
 * when either list has no spread there. Analysis, not a published figure:
 * computed in float64 (each decimal read as its nearest double, two-pass
 * sums) and clamped to [-1, 1]. Throws a `DtiError` when the lists differ in
 * length (`analysis/length-mismatch`) or hold something that is not a number
 * (`schema/decimal`).
 *
 * @param xs - decimals as exact text or numbers, `null` for none
 * @param ys - as `xs`, as long
 * @returns r in [-1, 1], or `null`
 * @example
 * ```ts
 * import { pearson } from 'dti-criteria/analysis';
 * console.log(pearson(['1', '2', '3', null], ['2.0', '4.0', '6.0', '1'])); // 1
 * console.log(pearson([1, 2, 3, 4], [1, 3, 2, 4])); // 0.8
 * console.log(pearson([1, 1, 1], [1, 2, 3])); // null
 * ```
 * @category Statistics
 */
export function pearson(xs: readonly (Numeric | null)[], ys: readonly (Numeric | null)[]): number | null {
  sameLength(ys, xs.length, ['ys']);
  const [a, b] = completePairs(readNumerics(xs, 'xs'), readNumerics(ys, 'ys'));
  return pearsonOf(a.map((v) => v.number), b.map((v) => v.number));
}

/**
 * Spearman's rank correlation of two equally long lists, over the positions
 * where both have a value: Pearson's r of their ranks, ties given their
 * average rank (as `scipy.stats.spearmanr` and R's `cor(method =
 * "spearman")`). Ranks compare the decimals exactly; the correlation of the
 * ranks is computed in float64. `null` and errors as {@link pearson}.
 *
 * @param xs - decimals as exact text or numbers, `null` for none
 * @param ys - as `xs`, as long
 * @returns rho in [-1, 1], or `null`
 * @example
 * ```ts
 * import { spearman } from 'dti-criteria/analysis';
 * console.log(spearman(['1', '2', '3', '4'], ['1', '4', '9', '16'])); // 1
 * console.log(spearman([1, 2, 2, 3], [3, 2, 2, 1])); // -1
 * console.log(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])); // 0.8
 * ```
 * @category Statistics
 */
export function spearman(xs: readonly (Numeric | null)[], ys: readonly (Numeric | null)[]): number | null {
  sameLength(ys, xs.length, ['ys']);
  const [a, b] = completePairs(readNumerics(xs, 'xs'), readNumerics(ys, 'ys'));
  return spearmanOf(a, b);
}
