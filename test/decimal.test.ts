import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, divideRounded, readDecimal, safeScoreBatch, toFixed } from '../src/index.js';

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

/** `m × 10^-s` written plainly. */
function plainText(m: bigint, s: number): string {
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(s + 1, '0');
  const text = s === 0 ? digits : `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  return negative ? `-${text}` : text;
}

/** The BigInt coefficient of a plain decimal at `scale` decimals. */
function at(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const m = BigInt(whole + fraction) * 10n ** BigInt(scale - fraction.length);
  return negative ? -m : m;
}

/**
 * A decimal at the format's limits (30 significant digits, exponent -30 to 29):
 * `digits` significant digits whose first one is at 10^exponent, either sign.
 */
const extreme: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: -30, max: 29 }), fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }))
  .map(([digits, exponent, negative, seed]) => {
    const count = Math.min(digits, 30 - Math.max(0, exponent)); // sd counted with trailing whole zeros stays <= 30
    const m = 10n ** BigInt(count - 1) + (seed % (9n * 10n ** BigInt(count - 1)));
    const scale = count - 1 - exponent; // the last digit at 10^(exponent − count + 1)
    const text = scale >= 0 ? plainText(m, scale) : (m * 10n ** BigInt(-scale)).toString();
    return negative ? `-${text}` : text;
  });

describe('exact at the format limits (30 significant digits, exponent within ±30)', () => {
  it('the values generated are exactly those readDecimal accepts at its edges', () => {
    fc.assert(
      fc.property(extreme, (text) => {
        expect(readDecimal(text)?.toFixed(), text).toBe(new Dec(text).toFixed());
      }),
      { numRuns: 500 },
    );
    expect(readDecimal(`0.${'0'.repeat(29)}1`)?.toFixed()).toBe(`0.${'0'.repeat(29)}1`); // 10^-30
    expect(readDecimal(`0.${'0'.repeat(30)}1`)).toBeUndefined(); // 10^-31
    expect(readDecimal('9'.repeat(30))?.toFixed()).toBe('9'.repeat(30));
    expect(readDecimal(`1${'0'.repeat(30)}`)).toBeUndefined(); // 10^30: 31 digits
  });

  it('+, − and × never round: sums, differences and products of accepted decimals and P × (x − from)', () => {
    fc.assert(
      fc.property(extreme, extreme, extreme, (a, b, c) => {
        const S = 60;
        const [x, y, z] = [at(a, S), at(b, S), at(c, S)];
        const [da, db, dc] = [readDecimal(a)!, readDecimal(b)!, readDecimal(c)!];
        expect(da.plus(db).toFixed()).toBe(new Dec(plainText(x + y, S)).toFixed());
        expect(da.minus(db).toFixed()).toBe(new Dec(plainText(x - y, S)).toFixed());
        expect(da.times(db).toFixed()).toBe(new Dec(plainText(x * y, 2 * S)).toFixed());
        expect(dc.times(da.minus(db)).toFixed()).toBe(new Dec(plainText(z * (x - y), 2 * S)).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('divideRounded rounds the exact quotient of 30-digit, 60-digit and 120-digit operands, either sign of the numerator', () => {
    fc.assert(
      fc.property(extreme, extreme, extreme, extreme, fc.integer({ min: 0, max: 12 }), (a, b, c, d, places) => {
        const S = 60;
        const n = at(a, S) * at(b, S); // up to 60 significant digits, scale 2S
        const m = at(c, S) * (at(d, S) < 0n ? -at(d, S) : at(d, S)); // the denominator, made > 0
        if (m === 0n) return;
        const denominator = m < 0n ? -m : m;
        const numerator = new Dec(plainText(n, 2 * S));
        const dec = new Dec(plainText(denominator, 2 * S));
        // BigInt reference: |n| × 10^places / denominator, half-up, then the sign.
        const scaled = (n < 0n ? -n : n) * 10n ** BigInt(places);
        let q = scaled / denominator;
        if ((scaled % denominator) * 2n >= denominator) q += 1n;
        const expected = plainText(n < 0n && q !== 0n ? -q : q, places);
        expect(toFixed(divideRounded(numerator, dec, places), places)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a linear rule with 30-digit inputs publishes the exact 172.19 (the 60-digit product gave 172.20)', () => {
    // test/golden/cases/exact-linear-30-digit-inputs.json has the arithmetic by hand.
    const set = {
      format: 1, id: 'exact-probe', version: '2024.1.0', status: 'draft', title: { vi: 'x' }, basis: [], effective: { from: '2024-01-01', to: null },
      levels: [{ id: 'commune', name: { vi: 'UBND xã' } }],
      nodes: [{
        code: 'A', name: { vi: 'A' }, points: '199.99',
        rule: { kind: 'linear', from: '-0.00000000000000000000000000000494369490915632307969059183306', to: '0.597271791991974215279189252506' },
      }],
    };
    const x = '0.514261794199999999999999966674';
    // The exact value is below the tie: 172.195 × (to − from) − P × (x − from) > 0.
    const S = 62;
    const [from, to] = [at(set.nodes[0]!.rule.from, S), at(set.nodes[0]!.rule.to, S)];
    const gap = at('172.195', 3) * (to - from) * 100n - at('199.99', 2) * (at(x, S) - from) * 1000n;
    expect(gap > 0n).toBe(true);
    for (const explain of [true, false]) {
      const outcome = safeScoreBatch(set as never, { units: [{ id: 'u', level: 'commune', values: { A: x } }] }, { explain });
      expect(outcome.ok && outcome.value.results[0]?.nodes.A?.points).toBe('172.19');
    }
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
