/**
 * Exact sums of fractions for analysis (means of indices, pooled shares):
 * kept as one numerator over one denominator, never divided until the single
 * rounding at the end; and the published figures they are made of.
 */
import { Exact } from '../exact/exact.js';
import { parseExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import type { NodeResult } from '../scoring/result-types.js';

/** An exact fraction `n / d` (`d > 0`). @internal */
export interface Fraction {
  readonly n: Exact;
  readonly d: Exact;
}

const ONE = Exact.scaled(1, 0);
const ZERO = Exact.scaled(0, 0);

/** `0 / 1`. @internal */
export const ZERO_FRACTION: Fraction = { n: ZERO, d: ONE };

/** `a + b`, exactly. @internal */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.d.eq(b.d)) return { n: a.n.plus(b.n), d: a.d };
  return { n: a.n.times(b.d).plus(b.n.times(a.d)), d: a.d.times(b.d) };
}

/** `f / k` for a whole `k > 0`, exactly. @internal */
export function divideFraction(f: Fraction, k: Exact): Fraction {
  return { n: f.n, d: f.d.times(k) };
}

/** `f` rounded once, half-up, to `places` decimals. @internal */
export function roundFraction(f: Fraction, places: number): Exact {
  return roundQuotient(f.n, f.d, places);
}

/** The mean of some fractions, exactly; `undefined` for none. @internal */
export function meanOf(parts: readonly Fraction[]): Fraction | undefined {
  if (parts.length === 0) return undefined;
  return divideFraction(parts.reduce(addFractions, ZERO_FRACTION), Exact.scaled(parts.length, 0));
}

/**
 * A figure of a results file (points, a maximum: a plain decimal), exactly,
 * at any length (a sum of points may pass the 30 digits of input); `undefined`
 * for `null` or absent. @internal
 */
export function publishedFigure(text: string | null | undefined): Exact | undefined {
  return text === null || text === undefined ? undefined : parseExact(text);
}

/** `points / maxPoints` as published, exactly; `undefined` when either is `null` or the maximum is 0. @internal */
export function publishedShare(points: string | null | undefined, max: string | null | undefined): Fraction | undefined {
  const p = publishedFigure(points);
  const m = publishedFigure(max);
  return p === undefined || m === undefined || m.isZero() ? undefined : { n: p, d: m };
}

/** A node's `points / maxPoints` and its maximum when it counts for the unit (not `info`, a maximum above 0). @internal */
export function nodeShare(node: NodeResult | undefined): { readonly share: Fraction; readonly max: Exact } | undefined {
  if (node === undefined || node.status === 'info') return undefined;
  const share = publishedShare(node.points, node.maxPoints);
  return share === undefined ? undefined : { share, max: share.d };
}
