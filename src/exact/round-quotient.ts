import { Exact } from './exact.js';
import { bigPow10, fits, MAX_SAFE, pow10 } from './safe-integer.js';

/**
 * The exact quotient `numerator / denominator` rounded once, half-up (ties
 * away from zero), to `places` decimals: the library's one rounding. The
 * quotient is never formed: the rounding is decided on the floor and the
 * exact remainder of two whole numbers (safe integers where they fit,
 * BigInt otherwise), so a non-terminating quotient (50/3), an exact tie
 * (9.375 at 2 places) and a quotient of 120-digit operands all round exactly
 * as on paper. The result has scale `places`.
 *
 * @example
 * ```ts
 * import { Exact, readExact, roundQuotient } from 'dti-criteria';
 * console.log(roundQuotient(readExact(402)!, readExact(400)!, 2).toString()); // 1.01
 * console.log(roundQuotient(readExact(50)!, readExact(3)!, 2).toString()); // 16.67
 * console.log(roundQuotient(readExact('9.375')!, Exact.scaled(1, 0), 2).toString()); // 9.38
 * console.log(roundQuotient(readExact(-1)!, readExact(8)!, 2).toString()); // -0.13
 * ```
 */
export function roundQuotient(numerator: Exact, denominator: Exact, places: number): Exact {
  const dm = denominator.m;
  if (dm === 0) throw new RangeError('roundQuotient: division by zero');
  // n / 1 with `places` decimals already: n itself (points given whole, most often).
  if (dm === 1 && denominator.s === 0 && numerator.s === places) return numerator;
  const nm = numerator.m;
  if (nm !== undefined && dm !== undefined) {
    const e = places + denominator.s - numerator.s;
    // |n| × 10^e / |d| (or |n| / (|d| × 10^-e)), both safe integers when they fit.
    const a = e >= 0 ? (nm < 0 ? -nm : nm) * pow10(e) : nm < 0 ? -nm : nm;
    const b = e >= 0 ? (dm < 0 ? -dm : dm) : (dm < 0 ? -dm : dm) * pow10(-e);
    if (fits(a) && fits(b)) {
      // a % b is exact on doubles, and a − r is a multiple of b: both steps exact.
      const r = a % b;
      let q = (a - r) / b;
      if (2 * r >= b) q += 1;
      if (q <= MAX_SAFE) return Exact.fromSafe((nm < 0) !== (dm < 0) ? -q : q, places);
    }
  }
  const e = places + denominator.s - numerator.s;
  const n = numerator.big;
  const d = denominator.big;
  const top = (n < 0n ? -n : n) * (e >= 0 ? bigPow10(e) : 1n);
  const bottom = (d < 0n ? -d : d) * (e >= 0 ? 1n : bigPow10(-e));
  const floor = top / bottom;
  const rounded = (top - floor * bottom) * 2n >= bottom ? floor + 1n : floor;
  return Exact.fromBig((n < 0n) !== (d < 0n) ? -rounded : rounded, places);
}
