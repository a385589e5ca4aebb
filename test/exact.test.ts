// The exact layer (src/exact/) against BigInt and decimal.js, on values of
// every size the format accepts and beyond: safe integers, 30-digit values,
// exponents at ±30, products of 120 digits.
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/exact/exact.js';
import { ExactSum } from '../src/exact/exact-sum.js';
import { fixedText } from '../src/exact/fixed-text.js';
import { parseExact, readExact } from '../src/exact/read-exact.js';
import { roundQuotient } from '../src/exact/round-quotient.js';

/** decimal.js at a precision no test value reaches: the independent reading. */
const Big = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** What the format accepts, written from the documented rule with decimal.js (not with src/exact). */
function referenceRead(input: unknown): string | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    text = Object.is(input, -0) ? '0' : String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
    if (!/^-?\d+(?:\.\d+)?$/.test(text)) return undefined;
  } else return undefined;
  const value = new Big(text);
  if (value.isZero()) return '0';
  if (value.sd(true) > 30 || Math.abs(value.e) > 30) return undefined;
  return value.toFixed();
}

const plain = (m: bigint, s: number): string => {
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(s + 1, '0');
  const text = s === 0 ? digits : `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  return negative ? `-${text}` : text;
};

/** Any exact value: small and safe, at the safe-integer edge, 30 digits, 120 digits; scales 0 to 70. */
const exactArb: fc.Arbitrary<{ m: bigint; s: number }> = fc.record({
  m: fc.oneof(
    fc.bigInt({ min: -1000n, max: 1000n }),
    fc.bigInt({ min: -(2n ** 53n) - 5n, max: 2n ** 53n + 5n }),
    fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n) + 1n, -(2n ** 53n), 0n, 1n, -1n, 10n ** 15n),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    fc.bigInt({ min: -(10n ** 120n), max: 10n ** 120n }),
  ),
  s: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 70 })),
});
const exactOf = ({ m, s }: { m: bigint; s: number }): Exact => Exact.scaled(m, s);
const at = ({ m, s }: { m: bigint; s: number }, scale: number): bigint => m * 10n ** BigInt(scale - s);

describe('Exact arithmetic = BigInt', () => {
  it('+, −, ×, comparisons and signs are exact, whichever form the coefficient takes', () => {
    fc.assert(
      fc.property(exactArb, exactArb, (a, b) => {
        const [x, y] = [exactOf(a), exactOf(b)];
        const S = Math.max(a.s, b.s);
        const [p, q] = [at(a, S), at(b, S)];
        expect(x.plus(y).toString()).toBe(new Big(plain(p + q, S)).toFixed());
        expect(x.minus(y).toString()).toBe(new Big(plain(p - q, S)).toFixed());
        expect(x.times(y).toString()).toBe(new Big(plain(a.m * b.m, a.s + b.s)).toFixed());
        expect(x.comparedTo(y)).toBe(p < q ? -1 : p > q ? 1 : 0);
        expect(x.eq(y)).toBe(p === q);
        expect(x.sign()).toBe(a.m < 0n ? -1 : a.m > 0n ? 1 : 0);
        expect(x.abs().toString()).toBe(new Big(plain(a.m < 0n ? -a.m : a.m, a.s)).toFixed());
        expect(x.isInteger()).toBe(a.m % 10n ** BigInt(a.s) === 0n);
        expect(x.toString()).toBe(new Big(plain(a.m, a.s)).toFixed());
      }),
      { numRuns: 4000 },
    );
  });

  it('ExactSum adds any number of values of any size and scale exactly, and starts again when cleared', () => {
    fc.assert(
      fc.property(fc.array(exactArb, { maxLength: 12 }), fc.array(exactArb, { maxLength: 4 }), fc.integer({ min: 0, max: 6 }), (values, more, scale) => {
        const sum = new ExactSum();
        for (const v of more) sum.add(exactOf(v));
        sum.clear(scale);
        for (const v of values) sum.add(exactOf(v));
        const S = Math.max(scale, ...values.map((v) => v.s));
        const expected = values.reduce((acc, v) => acc + at(v, S), 0n);
        expect(sum.value().toString()).toBe(new Big(plain(expected, S)).toFixed());
      }),
      { numRuns: 3000 },
    );
  });

  it('roundQuotient rounds the exact quotient once, half-up, ties away from zero, any signs', () => {
    fc.assert(
      fc.property(exactArb, exactArb, fc.integer({ min: 0, max: 12 }), (a, b, places) => {
        fc.pre(b.m !== 0n);
        const S = Math.max(a.s, b.s);
        const [n, d] = [at(a, S), at(b, S)];
        const scaled = (n < 0n ? -n : n) * 10n ** BigInt(places);
        const den = d < 0n ? -d : d;
        let q = scaled / den;
        if ((scaled % den) * 2n >= den) q += 1n;
        const expected = (n < 0n) !== (d < 0n) ? -q : q;
        const got = roundQuotient(exactOf(a), exactOf(b), places);
        expect(got.s).toBe(places);
        expect(got.big).toBe(expected);
      }),
      { numRuns: 4000 },
    );
    expect(() => roundQuotient(Exact.scaled(1, 0), Exact.scaled(0, 3), 2)).toThrow(RangeError);
  });

  it('fixedText writes what the library always wrote (decimal.js toFixed, half-up, no "-0")', () => {
    fc.assert(
      fc.property(exactArb, fc.integer({ min: 0, max: 12 }), (a, places) => {
        const text = new Big(plain(a.m, a.s)).toFixed(places, DecimalJs.ROUND_HALF_UP);
        expect(fixedText(exactOf(a), places)).toBe(/^-0(?:\.0+)?$/.test(text) ? text.slice(1) : text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readExact reads what the format accepts, exactly', () => {
  const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });
  const decimalText: fc.Arbitrary<string> = fc
    .tuple(fc.boolean(), fc.integer({ min: 1, max: 35 }), fc.integer({ min: 0, max: 65 }), fc.boolean())
    .chain(([negative, whole, fraction, pad]) =>
      fc.tuple(digits(whole), digits(fraction)).map(([w, f]) => `${pad ? ' ' : ''}${negative ? '-' : ''}${w}${fraction > 0 ? `.${f}` : ''}${pad ? ' ' : ''}`),
    );
  /** Mostly zeros with a few digits: the exponent edges (10^-30, 10^29) and trailing zeros. */
  const sparse: fc.Arbitrary<string> = fc
    .tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 999 }), fc.boolean())
    .map(([zerosBefore, zerosAfter, d, whole]) =>
      whole ? `${d}${'0'.repeat(zerosAfter)}` : `0.${'0'.repeat(zerosBefore)}${d}${'0'.repeat(zerosAfter % 5)}`,
    );
  const anything: fc.Arbitrary<unknown> = fc.oneof(
    decimalText,
    sparse,
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e21, 1e-7, 1.5e-30, 1e-31, 9.999e29, 1e30, 5e-324, Number.MAX_VALUE, 0.1 + 0.2, -0, '1e3', '1,5', '.5', '5.', '+3', '', ' ', '0x10', 'NaN', null, true, {}, []),
  );

  it('accepts and rejects exactly as the documented rule says, and reads the same value', () => {
    fc.assert(
      fc.property(anything, (input) => {
        expect(readExact(input)?.toString(), String(input)).toBe(referenceRead(input));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseExact reads any length, with an exponent only when asked', () => {
    expect(parseExact(`1${'0'.repeat(80)}`)?.toString()).toBe(`1${'0'.repeat(80)}`);
    expect(parseExact(`0.${'0'.repeat(80)}1`)?.toString()).toBe(`0.${'0'.repeat(80)}1`);
    expect(parseExact('2.50e3', { exponent: true })?.toString()).toBe('2500');
    expect(parseExact('2.5e3')).toBeUndefined();
    expect(parseExact('-0.000')?.toString()).toBe('0');
  });
});
