// The geometric mean of safeAlternativeIndex estimated in float64 and decided by 50-digit decimals only
// near a rounding boundary: always the figure of the 50-digit computation alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometricMean, wideGeometricMean } from '../src/analysis/alternative-index.js';
import { Exact } from '../src/exact/exact.js';
import { fixedText } from '../src/exact/fixed-text.js';

type Part = { readonly share: { readonly n: Exact; readonly d: Exact }; readonly weight: Exact };

/** A share `n / d` of points over a maximum, both with two decimals, `n <= d`. */
const share = fc.integer({ min: 1, max: 200_000 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => ({ n: Exact.scaled(n, 2), d: Exact.scaled(d, 2) })));
const part: fc.Arbitrary<Part> = fc.record({ share, weight: fc.integer({ min: 1, max: 100_000 }).map((w) => Exact.scaled(w, 2)) });
const text = (value: Exact | undefined, places: number): string | undefined => (value === undefined ? undefined : fixedText(value, places));

describe('the geometric mean, fast path', () => {
  it('gives the 50-digit figure for random shares and weights', () => {
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 6 }), (parts, places) => {
      expect(text(geometricMean(parts, places), places)).toBe(text(wideGeometricMean(parts, places), places));
    }), { numRuns: 2000 });
    // 2,000 cases of 50-digit arithmetic take ~2 s alone, several times that on a loaded 2-core machine.
  }, 60_000);

  it('gives the 50-digit figure on rounding boundaries (equal shares: the mean is the share itself)', () => {
    // 0.12345 is exactly half-way at 4 decimals: the float estimate cannot decide, the 50 digits do.
    const boundary = fc.integer({ min: 1, max: 99_999 }).map((k) => k * 10 + 5);
    fc.assert(fc.property(boundary, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 1000 }), (k, count, weight) => {
      const parts: Part[] = Array.from({ length: count }, () => ({ share: { n: Exact.scaled(k, 6), d: Exact.scaled(1, 0) }, weight: Exact.scaled(weight, 0) }));
      expect(text(geometricMean(parts, 5), 5)).toBe(text(wideGeometricMean(parts, 5), 5));
    }), { numRuns: 300 });
  });

  it('is 0 when a share is 0', () => {
    const parts: Part[] = [{ share: { n: Exact.scaled(0, 0), d: Exact.scaled(1, 0) }, weight: Exact.scaled(1, 0) }, { share: { n: Exact.scaled(1, 0), d: Exact.scaled(1, 0) }, weight: Exact.scaled(1, 0) }];
    expect(text(geometricMean(parts, 4), 4)).toBe('0.0000');
  });
});
