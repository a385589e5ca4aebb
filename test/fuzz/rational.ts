/**
 * Exact rational arithmetic on BigInt numerator / denominator, for the fuzz
 * reference scorer and the generators. Deliberately independent of the
 * library (no decimal.js, nothing from src/).
 */

/** An exact rational `n / d`, always normalised: `d > 0`, `gcd(|n|, d) = 1`. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds a normalised rational; throws on a zero denominator. */
export function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g === 1n || g === 0n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Q = { n: 0n, d: 1n };
export const ONE: Q = { n: 1n, d: 1n };

export const add = (a: Q, b: Q): Q => (a.d === b.d ? q(a.n + b.n, a.d) : q(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Q, b: Q): Q => (a.d === b.d ? q(a.n - b.n, a.d) : q(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export function div(a: Q, b: Q): Q {
  if (b.n === 0n) throw new RangeError('rational: division by zero');
  return q(a.n * b.d, a.d * b.n);
}
/** -1, 0 or 1. */
export function cmp(a: Q, b: Q): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const eq = (a: Q, b: Q): boolean => a.n === b.n && a.d === b.d;
export const lt = (a: Q, b: Q): boolean => cmp(a, b) < 0;
export const le = (a: Q, b: Q): boolean => cmp(a, b) <= 0;
export const gt = (a: Q, b: Q): boolean => cmp(a, b) > 0;
export const ge = (a: Q, b: Q): boolean => cmp(a, b) >= 0;
export const min = (a: Q, b: Q): Q => (le(a, b) ? a : b);
export const max = (a: Q, b: Q): Q => (ge(a, b) ? a : b);
export const isZero = (a: Q): boolean => a.n === 0n;
export const isNeg = (a: Q): boolean => a.n < 0n;
export const isInteger = (a: Q): boolean => a.d === 1n;
export const sum = (xs: readonly Q[]): Q => xs.reduce(add, ZERO);

const POW10: bigint[] = [];
export function pow10(k: number): bigint {
  let p = POW10[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    POW10[k] = p;
  }
  return p;
}

/** Rounds half-up (ties away from zero) to `places` decimals. */
export function roundHalfUp(a: Q, places: number): Q {
  const scale = pow10(places);
  const neg = a.n < 0n;
  const absN = (neg ? -a.n : a.n) * scale;
  let whole = absN / a.d;
  const rem = absN - whole * a.d;
  if (2n * rem >= a.d) whole += 1n;
  return q(neg ? -whole : whole, scale);
}

/** Exactly `places` decimals; the value must already have at most `places` decimals. */
export function toFixed(a: Q, places: number): string {
  const scale = pow10(places);
  const scaled = a.n * scale;
  if (scaled % a.d !== 0n) throw new RangeError(`rational: ${a.n}/${a.d} has more than ${places} decimals`);
  let v = scaled / a.d;
  const neg = v < 0n;
  if (neg) v = -v;
  let digits = v.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** Shortest plain decimal text of a rational with a terminating expansion (for generators). */
export function toPlain(a: Q): string {
  for (let k = 0; k <= 1100; k++) {
    if ((a.n * pow10(k)) % a.d === 0n) return toFixed(a, k);
  }
  throw new RangeError('rational: not a terminating decimal');
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * Reads a decimal written as text: `[-]digits[.digits]`, plus an exponent when
 * `allowExponent` (the shortest round-trip text of a JS number may have one).
 * Returns `undefined` for anything else.
 */
export function parseDecimalText(text: string, allowExponent = false): Q | undefined {
  const m = (allowExponent ? NUMBER_TEXT : PLAIN).exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const int = m[2] ?? '0';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  let n = BigInt(int + frac) * sign;
  let shift = frac.length - exp;
  if (shift < 0) {
    n *= pow10(-shift);
    shift = 0;
  }
  return q(n, pow10(shift));
}

/**
 * The spec's "decimal": a JSON string holding a plain decimal, or a finite JSON
 * number read through its shortest round-trip text (`String(x)`).
 */
export function readDecimal(raw: unknown): Q | undefined {
  if (typeof raw === 'string') return parseDecimalText(raw);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    return parseDecimalText(String(raw), true);
  }
  return undefined;
}

/**
 * Significant digits of a terminating decimal as the library counts them
 * (docs/guides/criteria-format.md, "Decimals"): from the first non-zero digit
 * to the last non-zero decimal, or to the units digit for a whole number (the
 * trailing zeros of `1000` are significant: 4 digits). 0 has 1.
 */
export function significantDigits(a: Q): number {
  if (isZero(a)) return 1;
  const text = toPlain(a).replace('-', '');
  const point = text.indexOf('.');
  const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1);
  return digits.replace(/^0+/, '').length;
}

/**
 * The decimal exponent of a non-zero value: `k` with `10^k <= |a| < 10^(k+1)`.
 */
export function exponentOf(a: Q): number {
  const n = a.n < 0n ? -a.n : a.n;
  // |a| = n / d: compare digit counts, then correct by one.
  let k = n.toString().length - a.d.toString().length;
  if (cmp({ n, d: a.d }, k >= 0 ? q(pow10(k)) : q(1n, pow10(-k))) < 0) k -= 1;
  return k;
}

/**
 * Whether a decimal is inside the library's documented limits: at most 30
 * significant digits (as {@link significantDigits} counts them) and a
 * magnitude of at least 10^-30 unless it is 0 (so every digit lies between
 * 10^29 and 10^-59).
 */
export function withinLimits(a: Q): boolean {
  if (isZero(a)) return true;
  if (a.d !== 1n && toPlainOrUndefined(a) === undefined) return false;
  return significantDigits(a) <= 30 && exponentOf(a) >= -30;
}

function toPlainOrUndefined(a: Q): string | undefined {
  try {
    return toPlain(a);
  } catch {
    return undefined;
  }
}

/** `[g, x, y]` with `a·x + b·y = g = gcd(a, b)` (a, b >= 0). */
export function extendedGcd(a: bigint, b: bigint): [bigint, bigint, bigint] {
  let [r0, r1, x0, x1, y0, y1] = [a, b, 1n, 0n, 0n, 1n];
  while (r1 !== 0n) {
    const t = r0 / r1;
    [r0, r1] = [r1, r0 - t * r1];
    [x0, x1] = [x1, x0 - t * x1];
    [y0, y1] = [y1, y0 - t * y1];
  }
  return [r0, x0, y0];
}
