import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, divideRounded, readDecimal, toFixed } from '../src/index.js';

/** Reference: round n/d half-up to `places` with BigInt only. */
function bigRound(n: bigint, d: bigint, places: number): string {
  const scaled = n * 10n ** BigInt(places);
  let q = scaled / d;
  if ((scaled % d) * 2n >= d) q += 1n;
  const text = q.toString().padStart(places + 1, '0');
  return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
}

describe('divideRounded', () => {
  it('rounds half-up exactly where binary floats fail', () => {
    expect(toFixed(divideRounded(new Dec(201 * 2), new Dec(400), 2), 2)).toBe('1.01');
    expect(Math.round((201 / 400) * 2 * 100) / 100).toBe(1); // float64 rounds the exact 1.005 down: why exactness matters
    expect(toFixed(divideRounded(new Dec('9.375'), new Dec(1), 2), 2)).toBe('9.38');
    expect(toFixed(divideRounded(new Dec(50), new Dec(3), 2), 2)).toBe('16.67');
    expect(toFixed(divideRounded(new Dec(800), new Dec(970), 4), 4)).toBe('0.8247');
    expect(toFixed(divideRounded(new Dec('1.005'), new Dec(1), 2), 2)).toBe('1.01');
  });

  it('agrees with an exact BigInt reference on random fractions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), (n, d, places) => {
        expect(toFixed(divideRounded(new Dec(n.toString()), new Dec(d.toString()), places), places)).toBe(bigRound(n, d, places));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readDecimal', () => {
  it('reads strings and numbers exactly, numbers through their shortest text', () => {
    expect(readDecimal(0.8)?.toString()).toBe('0.8');
    expect(readDecimal('12.50')?.toFixed(2)).toBe('12.50');
    expect(readDecimal(-0)?.toString()).toBe('0');
  });
  it('rejects what is not a plain finite decimal', () => {
    for (const bad of ['1e400', '1,5', 'abc', '', ' ', '0x10', 'Infinity', 'NaN', '1.', '.5', Number.NaN, Number.POSITIVE_INFINITY, null, true, {}, [], '9'.repeat(40)]) {
      expect(readDecimal(bad), String(bad)).toBeUndefined();
    }
  });
});
