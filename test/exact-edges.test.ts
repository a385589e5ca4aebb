// Edges of the exact layer (src/exact/) that random values rarely reach: the
// checks of Exact.scaled, the documented representation (a safe-integer
// coefficient whenever it fits, never -0), whole numbers at 15 and 16 decimals,
// the shared instances of small whole numbers, exponents beyond any safe scale,
// and the safe-integer edge of every fast path. Expected values come from BigInt.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/exact/exact.js';
import { ExactSum } from '../src/exact/exact-sum.js';
import { fixedText } from '../src/exact/fixed-text.js';
import { parseExact, readExact } from '../src/exact/read-exact.js';
import { roundQuotient } from '../src/exact/round-quotient.js';
import { bigPow10, fits, MAX_SAFE, pow10 } from '../src/exact/safe-integer.js';

const SAFE = 2n ** 53n - 1n;

/** `m × 10^-s` written plainly without trailing zeros, from BigInt only. */
function plain(m: bigint, s: number): string {
  let [mm, ss] = [m, s];
  while (ss > 0 && mm % 10n === 0n && mm !== 0n) {
    mm /= 10n;
    ss--;
  }
  if (mm === 0n) return '0';
  const negative = mm < 0n;
  const digits = (negative ? -mm : mm).toString().padStart(ss + 1, '0');
  const text = ss === 0 ? digits : `${digits.slice(0, digits.length - ss)}.${digits.slice(digits.length - ss)}`;
  return negative ? `-${text}` : text;
}

/** The documented representation: `m` a safe integer (never -0) exactly when the coefficient fits, else `b`. */
function expectCanonical(x: Exact, coefficient: bigint): void {
  const fitsSafe = coefficient >= -SAFE && coefficient <= SAFE;
  if (fitsSafe) {
    expect(x.m, String(coefficient)).toBe(Number(coefficient));
    expect(Object.is(x.m, -0)).toBe(false);
    expect(x.b).toBeUndefined();
  } else {
    expect(x.m, String(coefficient)).toBeUndefined();
    expect(x.b).toBe(coefficient);
  }
  expect(x.big).toBe(coefficient);
}

/** Coefficients around the safe-integer edge, and 0. */
const edgeCoefficient: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: SAFE - 3n, max: SAFE + 3n }),
  fc.bigInt({ min: -SAFE - 3n, max: -SAFE + 3n }),
  fc.bigInt({ min: -5n, max: 5n }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);

describe('Exact.scaled checks its arguments', () => {
  it('takes a whole scale >= 0 and a safe-integer or BigInt coefficient', () => {
    for (const scale of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => Exact.scaled(1, scale), String(scale)).toThrow(RangeError);
      expect(() => Exact.scaled(1n, scale), String(scale)).toThrow(/scale/);
    }
    for (const coefficient of [1.5, 2 ** 53, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => Exact.scaled(coefficient, 0), String(coefficient)).toThrow(RangeError);
      expect(() => Exact.scaled(coefficient, 0), String(coefficient)).toThrow(/coefficient/);
    }
    expect(Exact.scaled(MAX_SAFE, 0).toString()).toBe(SAFE.toString());
    expect(Exact.scaled(-MAX_SAFE, 0).toString()).toBe((-SAFE).toString());
    expect(Exact.scaled(7, 0).toString()).toBe('7');
    expect(Exact.scaled(2n ** 80n, 0).toString()).toBe((2n ** 80n).toString());
  });
});

describe('the representation is canonical', () => {
  it('a coefficient is a safe integer (never -0) exactly when it fits, whatever made it', () => {
    fc.assert(
      fc.property(edgeCoefficient, edgeCoefficient, fc.integer({ min: 0, max: 3 }), (p, q, s) => {
        const [x, y] = [Exact.scaled(p, s), Exact.scaled(q, s)];
        expectCanonical(x, p);
        expectCanonical(Exact.scaled(p <= SAFE && p >= -SAFE ? Number(p) : p, s), p);
        expectCanonical(x.plus(y), p + q);
        expectCanonical(x.minus(y), p - q);
        expectCanonical(x.negated(), -p);
        expectCanonical(x.abs(), p < 0n ? -p : p);
        expectCanonical(x.times(y), p * q);
        const sum = new ExactSum();
        sum.clear(s);
        sum.add(x);
        sum.add(y);
        expectCanonical(sum.value(), p + q);
      }),
      { numRuns: 1500 },
    );
    expectCanonical(Exact.scaled(0, 2).times(Exact.scaled(-5, 1)), 0n);
    expectCanonical(Exact.scaled(-3, 0).plus(Exact.scaled(3, 0)), 0n);
    expectCanonical(Exact.scaled(-0, 0), 0n);
    expectCanonical(Exact.scaled(0n, 4).negated(), 0n);
  });

  it('sign, isZero, isNegative and abs on both forms', () => {
    for (const m of [SAFE + 1n, -(SAFE + 1n), 10n ** 40n, -(10n ** 40n), SAFE, -SAFE, 1n, -1n, 0n]) {
      const x = Exact.scaled(m, 3);
      const sign = m > 0n ? 1 : m < 0n ? -1 : 0;
      expect(x.sign(), String(m)).toBe(sign);
      expect(x.isZero()).toBe(m === 0n);
      expect(x.isNegative()).toBe(m < 0n);
      expect(x.abs().big).toBe(m < 0n ? -m : m);
      expect(x.negated().sign()).toBe(sign === 0 ? 0 : -sign);
      expect(x.negated().negated().eq(x)).toBe(true);
    }
  });
});

describe('whole numbers at every scale', () => {
  it('isInteger = BigInt divisibility, at 15 and 16 decimals and on both forms', () => {
    const cases: [bigint, number][] = [
      [10n ** 15n, 15], [9n * 10n ** 15n, 15], [-(10n ** 15n), 15], [10n ** 15n + 1n, 15],
      [SAFE, 15], [10n ** 16n, 16], [10n ** 16n + 10n, 16], [5n * 10n ** 15n, 16],
      [10n ** 14n, 14], [10n ** 14n + 1n, 14], [7n, 0], [0n, 20], [123n, 1], [120n, 1],
      [10n ** 40n, 40], [10n ** 40n + 1n, 40], [-(10n ** 40n), 39], [SAFE + 1n, 0],
    ];
    for (const [m, s] of cases) expect(Exact.scaled(m, s).isInteger(), `${m}e-${s}`).toBe(m % 10n ** BigInt(s) === 0n);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 12, max: 17 }), fc.boolean(), (d, k, s, negative) => {
        const m = (negative ? -1n : 1n) * BigInt(d) * 10n ** BigInt(k);
        expect(Exact.scaled(m, s).isInteger()).toBe(m % 10n ** BigInt(s) === 0n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('arithmetic and comparison where the scales differ by more than 15', () => {
  it('plus, minus, comparedTo and the sum rescale through BigInt and stay exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -SAFE, max: SAFE }), fc.bigInt({ min: -SAFE, max: SAFE }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 14, max: 20 }), (p, q, s, gap) => {
        const t = s + gap;
        const [x, y] = [Exact.scaled(Number(p), s), Exact.scaled(Number(q), t)];
        const [P, Qv] = [p * 10n ** BigInt(gap), q];
        expect(x.plus(y).toString()).toBe(plain(P + Qv, t));
        expect(y.plus(x).toString()).toBe(plain(P + Qv, t));
        expect(x.minus(y).toString()).toBe(plain(P - Qv, t));
        expect(x.comparedTo(y)).toBe(P < Qv ? -1 : P > Qv ? 1 : 0);
        expect(y.comparedTo(x)).toBe(Qv < P ? -1 : Qv > P ? 1 : 0);
        expect(x.lt(y)).toBe(P < Qv);
        expect(x.lte(y)).toBe(P <= Qv);
        expect(x.gt(y)).toBe(P > Qv);
        expect(x.gte(y)).toBe(P >= Qv);
        const sum = new ExactSum();
        sum.add(x);
        sum.add(y);
        sum.add(x);
        expect(sum.value().toString()).toBe(plain(2n * P + Qv, t));
      }),
      { numRuns: 500 },
    );
  });

  it('equal values at different scales compare equal; lt/lte/gt/gte at equality', () => {
    const a = Exact.scaled(15, 1);
    const b = Exact.scaled(1500, 3);
    expect(a.eq(b)).toBe(true);
    expect(a.lt(b)).toBe(false);
    expect(a.lte(b)).toBe(true);
    expect(a.gt(b)).toBe(false);
    expect(a.gte(b)).toBe(true);
    const big = Exact.scaled(10n ** 30n, 30);
    expect(big.eq(Exact.scaled(1, 0))).toBe(true);
    expect(big.comparedTo(Exact.scaled(1, 0))).toBe(0);
  });

  it('a running sum that outgrows the safe integers, then is cleared, starts from 0 at the scale asked', () => {
    const sum = new ExactSum();
    sum.add(Exact.scaled(MAX_SAFE, 0));
    sum.add(Exact.scaled(MAX_SAFE, 0));
    expect(sum.value().big).toBe(2n * SAFE);
    sum.add(Exact.scaled(1, 2));
    expect(sum.value().toString()).toBe(plain(2n * SAFE * 100n + 1n, 2));
    sum.clear();
    expect(sum.value().isZero()).toBe(true);
    sum.add(Exact.scaled(5, 1));
    expect(sum.value().toString()).toBe('0.5');
    sum.clear(4);
    expect(sum.value().isZero()).toBe(true);
    sum.add(Exact.scaled(3, 2));
    sum.add(Exact.scaled(MAX_SAFE, 4));
    expect(sum.value().toString()).toBe(plain(300n + SAFE, 4));
    // A sum at a larger scale than the values added keeps that scale's coefficient exact.
    const wide = new ExactSum();
    wide.clear(20);
    wide.add(Exact.scaled(1, 0));
    wide.add(Exact.scaled(1, 20));
    expect(wide.value().toString()).toBe(plain(10n ** 20n + 1n, 20));
  });
});

describe('ExactSum keeps its total as a safe integer while it fits (its documented representation)', () => {
  /** The running total's own fields (private: read here only to hold the class to what its documentation promises). */
  const state = (sum: ExactSum): { m: number | undefined; s: number } => sum as unknown as { m: number | undefined; s: number };

  it('adding values at fewer or more decimals than the total, whose sum fits, keeps a safe integer at the larger scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 8 }), (start, values) => {
        const sum = new ExactSum();
        sum.clear(start);
        let scale = start;
        let total = 0n;
        for (const [m, s] of values) {
          const next = Math.max(scale, s);
          total = total * 10n ** BigInt(next - scale) + BigInt(m) * 10n ** BigInt(next - s);
          scale = next;
          sum.add(Exact.scaled(m, s));
          expect(state(sum).m, `${m}e-${s}`).toBe(Number(total));
          expect(state(sum).s).toBe(scale);
        }
        expect(sum.value().toString()).toBe(plain(total, scale));
      }),
      { numRuns: 300 },
    );
  });

  it('goes to BigInt once the total does not fit, and stays exact', () => {
    const sum = new ExactSum();
    sum.add(Exact.scaled(MAX_SAFE, 0));
    expect(state(sum).m).toBe(MAX_SAFE);
    sum.add(Exact.scaled(1, 1));
    expect(state(sum).m).toBeUndefined();
    expect(sum.value().toString()).toBe(plain(SAFE * 10n + 1n, 1));
    sum.add(Exact.scaled(-1, 0));
    expect(sum.value().toString()).toBe(plain(SAFE * 10n - 9n, 1));
  });
});

describe('readExact: shared instances and the short reader', () => {
  it('small whole numbers are one instance however they are spelt', () => {
    for (const [a, b] of [[0, '0'], [0, '-0'], [0, '0.000'], [0, -0], [1, '1.0'], [1, ' 1 '], [65535, '65535.00'], [7, '007']] as const) {
      const x = readExact(a);
      expect(x, `${a} ${b}`).toBe(readExact(b));
      expect(x?.toString()).toBe(String(a));
    }
  });

  it('reads the boundaries of the short form the same as the long one', () => {
    const texts = [
      '123456789012345', '1234567890123456', '-123456789012345', '-1234567890123456',
      '0.123456789012345', '0.1234567890123456', '1.00000000000000', '1.000000000000000', '1.0000000000000000',
      '000000000000000000001.5', '-0000000000000000000.000000000000000000001', '10.000', '65536', '-65535', '-1',
      '9007199254740991', '9007199254740993', '0.000000000000001', '0.0000000000000001',
    ];
    for (const text of texts) {
      const [, sign = '', whole = '', fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
      const m = BigInt(`${sign}${whole}${fraction}`);
      expect(readExact(text)?.toString(), text).toBe(plain(m, fraction.length));
      expect(parseExact(text)?.toString(), text).toBe(plain(m, fraction.length));
    }
  });

  it('rejects what is not a plain decimal, at any length', () => {
    for (const text of ['', '-', '.', '.5', '5.', '-.5', '1..2', '1.2.3', '--1', '+1', '1-', '1 2', '١٢', '0x1', '1_000', `${'1'.repeat(20)}.`, `.${'1'.repeat(20)}`, '1e3', 'e3']) {
      expect(readExact(text), JSON.stringify(text)).toBeUndefined();
      expect(parseExact(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('parseExact with exponents: huge and tiny exponents, none beyond a safe scale', () => {
    const e = { exponent: true } as const;
    expect(parseExact('1e99999999999999999999', e)).toBeUndefined();
    expect(parseExact('1e-99999999999999999999', e)).toBeUndefined();
    expect(parseExact('1.5e-400', e)?.toString()).toBe(`0.${'0'.repeat(399)}15`);
    expect(parseExact('25e+2', e)?.toString()).toBe('2500');
    expect(parseExact('0e5', e)?.toString()).toBe('0');
    expect(parseExact('-0.0e-3', e)?.toString()).toBe('0');
    expect(parseExact('1.2300E2', e)?.toString()).toBe('123');
    expect(parseExact(`-${'9'.repeat(40)}.${'0'.repeat(10)}`)?.toString()).toBe(`-${'9'.repeat(40)}`);
    expect(parseExact(`${'0'.repeat(30)}`)?.isZero()).toBe(true);
    // As a number, readExact reads the shortest round-trip text, exponent included.
    expect(readExact(1e21)?.toString()).toBe(`1${'0'.repeat(21)}`);
    expect(readExact(2 ** 53)?.toString()).toBe((2n ** 53n).toString());
    // The spec reads a number through its shortest round-trip text: -(2^60) is "-1152921504606847000".
    expect(readExact(-(2 ** 60))?.toString()).toBe(String(-(2 ** 60)));
    expect(String(-(2 ** 60))).toBe('-1152921504606847000');
    expect(readExact(-12)?.toString()).toBe('-12');
    expect(readExact(70000)?.toString()).toBe('70000');
    expect(readExact(1.5e-7)?.toString()).toBe('0.00000015');
    expect(readExact(Number.NaN)).toBeUndefined();
    expect(readExact(Number.NEGATIVE_INFINITY)).toBeUndefined();
    expect(readExact(undefined)).toBeUndefined();
    expect(readExact(12n)).toBeUndefined();
  });

  it('the limits: 30 significant digits, exponent >= -30, counted on the coefficient', () => {
    expect(readExact(`${'9'.repeat(30)}`)?.toString()).toBe('9'.repeat(30));
    expect(readExact(`${'9'.repeat(31)}`)).toBeUndefined();
    expect(readExact(`-${'9'.repeat(30)}`)?.toString()).toBe(`-${'9'.repeat(30)}`);
    expect(readExact(`-${'9'.repeat(31)}`)).toBeUndefined();
    expect(readExact(`0.${'0'.repeat(29)}1`)?.toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(readExact(`0.${'0'.repeat(30)}1`)).toBeUndefined();
    expect(readExact(`-0.${'0'.repeat(29)}1`)?.toString()).toBe(`-0.${'0'.repeat(29)}1`);
    expect(readExact(`0.${'0'.repeat(29)}10000`)?.toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(readExact(`0.${'0'.repeat(40)}`)?.toString()).toBe('0');
    expect(readExact(`1.${'0'.repeat(28)}1`)?.toString()).toBe(`1.${'0'.repeat(28)}1`);
    expect(readExact(`1.${'0'.repeat(29)}1`)).toBeUndefined();
    expect(readExact(1e-30)?.toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(readExact(1e-31)).toBeUndefined();
  });
});

describe('roundQuotient and fixedText at the safe-integer edge', () => {
  it('a quotient whose rounded coefficient is 2^53 − 1, 2^53 or beyond, either sign', () => {
    for (const [n, d, places] of [
      [SAFE, 1n, 0], [SAFE * 2n + 1n, 2n, 0], [SAFE * 2n - 1n, 2n, 0], [SAFE, 10n, 1], [SAFE + 1n, 1n, 0], [-SAFE, 1n, 0], [-(SAFE * 2n + 1n), 2n, 0],
      [SAFE, 3n, 2], [1n, 3n, 15], [2n, 3n, 16], [-2n, 3n, 16], [SAFE, SAFE, 3], [5n, 10n, 0], [-5n, 10n, 0], [15n, 10n, 0], [25n, 100n, 1],
    ] as [bigint, bigint, number][]) {
      const scaled = (n < 0n ? -n : n) * 10n ** BigInt(places);
      let q = scaled / d;
      if ((scaled % d) * 2n >= d) q += 1n;
      const expected = n < 0n ? -q : q;
      const got = roundQuotient(Exact.scaled(n, 0), Exact.scaled(d, 0), places);
      expect(got.big, `${n}/${d} at ${places}`).toBe(expected);
      expect(got.s).toBe(places);
      expectCanonical(got, expected);
    }
  });

  it('dividing by 1 at the same scale, by 1 at another scale, and by a scaled 1', () => {
    const x = Exact.scaled(12345, 3);
    expect(roundQuotient(x, Exact.scaled(1, 0), 3)).toBe(x);
    expect(roundQuotient(x, Exact.scaled(1, 0), 2).toString()).toBe('12.35');
    expect(roundQuotient(x, Exact.scaled(10, 1), 3).toString()).toBe('12.345');
    expect(roundQuotient(x, Exact.scaled(10, 1), 3).s).toBe(3);
    expect(roundQuotient(x, Exact.scaled(-1, 0), 3).toString()).toBe('-12.345');
    expect(roundQuotient(Exact.scaled(12345, 2), Exact.scaled(1, 0), 3).toString()).toBe('123.45');
    expect(roundQuotient(Exact.scaled(12345, 2), Exact.scaled(1, 0), 3).s).toBe(3);
    expect(() => roundQuotient(x, Exact.scaled(0n, 0), 1)).toThrow(/zero/);
  });

  it('fixedText: exactly `places` decimals, small values (shared texts) and big ones, no -0', () => {
    const reference = (m: bigint, s: number, places: number): string => {
      // half-up to `places`, then written with exactly `places` decimals.
      const negative = m < 0n;
      let a = negative ? -m : m;
      if (places >= s) a *= 10n ** BigInt(places - s);
      else {
        const p = 10n ** BigInt(s - places);
        const r = a % p;
        a = a / p + (r * 2n >= p ? 1n : 0n);
      }
      const digits = a.toString().padStart(places + 1, '0');
      const text = places === 0 ? digits : `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
      return negative && a !== 0n ? `-${text}` : text;
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: -70000n, max: 70000n }), fc.bigInt({ min: 65530n, max: 65540n }), fc.bigInt({ min: -SAFE - 2n, max: -SAFE + 2n }), fc.bigInt({ min: SAFE - 2n, max: SAFE + 2n })),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (m, s, places) => {
          const x = Exact.scaled(m, s);
          expect(fixedText(x, places), `${m}e-${s} at ${places}`).toBe(reference(m, s, places));
          // Twice: the second answer may come from the shared texts.
          expect(fixedText(x, places)).toBe(reference(m, s, places));
        },
      ),
      { numRuns: 1500 },
    );
    expect(fixedText(Exact.scaled(65535, 2), 2)).toBe('655.35');
    expect(fixedText(Exact.scaled(65536, 2), 2)).toBe('655.36');
    expect(fixedText(Exact.scaled(0, 2), 2)).toBe('0.00');
    expect(fixedText(Exact.scaled(-4, 3), 2)).toBe('0.00');
    expect(fixedText(Exact.scaled(-5, 3), 2)).toBe('-0.01');
    expect(fixedText(Exact.scaled(5, 0), 0)).toBe('5');
    expect(fixedText(Exact.scaled(-5, 0), 0)).toBe('-5');
  });
});

describe('safe-integer helpers', () => {
  it('pow10 is exact for 0..15 and NaN outside; fits is the safe range; bigPow10 any k', () => {
    for (let k = -2; k <= 18; k++) {
      if (k >= 0 && k <= 15) expect(pow10(k), String(k)).toBe(Number(10n ** BigInt(k)));
      else expect(pow10(k), String(k)).toBeNaN();
    }
    expect(fits(MAX_SAFE)).toBe(true);
    expect(fits(-MAX_SAFE)).toBe(true);
    expect(fits(MAX_SAFE + 1)).toBe(false);
    expect(fits(-MAX_SAFE - 1)).toBe(false);
    expect(fits(Number.NaN)).toBe(false);
    expect(fits(0)).toBe(true);
    expect(MAX_SAFE).toBe(Number(SAFE));
    for (const k of [0, 1, 15, 16, 400, 401, 450]) {
      expect(bigPow10(k)).toBe(10n ** BigInt(k));
      expect(bigPow10(k)).toBe(10n ** BigInt(k));
    }
  });
});
