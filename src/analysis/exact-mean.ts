/**
 * Exact sums of fractions for analysis (means of indices, pooled shares):
 * kept as one numerator over one denominator, never divided until the single
 * rounding at the end.
 */
import { Exact } from '../exact/exact.js';
import { roundQuotient } from '../exact/round-quotient.js';

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
