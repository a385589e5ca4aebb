/**
 * Exact arithmetic on safe integers (|x| <= 2^53 − 1), for the integer fast
 * path. Every operation either gives the exact result or `NaN` ("does not fit":
 * the caller falls back to decimal.js). `NaN` inputs propagate.
 */

/** Largest safe integer, 2^53 − 1. */
export const MAX = Number.MAX_SAFE_INTEGER;

const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** `10^k` for `0 <= k <= 15` (all exact and safe); `NaN` otherwise. */
export function pow10(k: number): number {
  return k >= 0 && k <= 15 ? POW10[k]! : Number.NaN;
}

/**
 * The exact product of two safe integers (any signs), or `NaN` when it may not be safe.
 * A true product of 2^53 or more rounds to a double of 2^53 or more, so the check is exact.
 */
export function mul(a: number, b: number): number {
  const r = a * b;
  return r <= MAX && r >= -MAX ? r : Number.NaN;
}

/** The exact sum of two safe integers, or `NaN` when it may not be safe. */
export function add(a: number, b: number): number {
  const r = a + b;
  return r <= MAX && r >= -MAX ? r : Number.NaN;
}

/** `m × 10^(to − from)` for `to >= from`: a mantissa at scale `from` rewritten at scale `to`; `NaN` when unsafe. */
export function rescale(m: number, from: number, to: number): number {
  return to === from ? m : mul(m, pow10(to - from));
}

/**
 * Sign of `am·10^-as − bm·10^-bs` (-1, 0 or 1) for safe integers of any sign, or `NaN`
 * when aligning the scales does not fit.
 */
export function compareScaled(am: number, as: number, bm: number, bs: number): number {
  let a = am;
  let b = bm;
  if (as > bs) b = rescale(bm, bs, as);
  else if (bs > as) a = rescale(am, as, bs);
  if (a !== a || b !== b) return Number.NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `n × 10^e / d` rounded once, half-up, to a whole number, for safe integers
 * `n >= 0`, `d > 0` and any integer `e`; `NaN` when a step does not fit.
 * The quotient and remainder are exact: `a % b` is exact on doubles, and `a − r` is a multiple of `b`.
 */
export function roundScaled(n: number, d: number, e: number): number {
  const a = e >= 0 ? mul(n, pow10(e)) : n;
  const b = e >= 0 ? d : mul(d, pow10(-e));
  if (!(a >= 0 && b > 0)) return Number.NaN;
  const r = a % b;
  const q = (a - r) / b;
  return 2 * r >= b ? q + 1 : q;
}

/** `m × 10^-s` (`m >= 0`) rounded half-up to `places` decimals, as a whole number of `10^-places`; `NaN` when unsafe. */
export function roundToPlaces(m: number, s: number, places: number): number {
  return s <= places ? rescale(m, s, places) : roundScaled(m, 1, places - s);
}

/**
 * A whole number `units` of `10^-places` (any sign) written as decimal.js's
 * `toFixed()` writes that value: plain, without trailing zeros (`2500, 4` → `"0.25"`).
 */
export function plainText(units: number, places: number): string {
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  if (places > 0 && units !== 0) {
    if (digits.length <= places) digits = digits.padStart(places + 1, '0');
    let end = digits.length;
    const point = end - places;
    while (end > point && digits.charCodeAt(end - 1) === 48) end--;
    digits = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * `(nm × 10^-ns) / (dm × 10^-ds)` for safe integers of any sign (`dm ≠ 0`),
 * rounded half-up (ties away from zero) to `places` decimals: the whole
 * number of `10^-places` and whether the quotient is exactly that; `undefined`
 * when a step does not fit.
 */
export function quotient(nm: number, ns: number, dm: number, ds: number, places: number): { readonly units: number; readonly exact: boolean } | undefined {
  const e = places + ds - ns;
  const n = nm < 0 ? -nm : nm;
  const d = dm < 0 ? -dm : dm;
  if (!(n <= MAX && d <= MAX)) return undefined;
  const a = e >= 0 ? mul(n, pow10(e)) : n;
  const b = e >= 0 ? d : mul(d, pow10(-e));
  if (!(a >= 0 && b > 0)) return undefined;
  const r = a % b;
  const q = (a - r) / b;
  const units = 2 * r >= b ? q + 1 : q;
  return { units: (nm < 0) !== (dm < 0) ? -units : units, exact: r === 0 };
}

const TEXT_CACHE_SIZE = 1 << 16;
const texts: string[][] = [];

function plainFixed(units: number, places: number): string {
  const digits = String(units);
  if (places === 0) return digits;
  const padded = digits.length > places ? digits : digits.padStart(places + 1, '0');
  return `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
}

/**
 * A whole number `units >= 0` of `10^-places` written with exactly `places`
 * decimals (`1234, 2` → `"12.34"`); small values are cached, so repeated
 * points share one string.
 */
export function fixedText(units: number, places: number): string {
  if (units >= TEXT_CACHE_SIZE) return plainFixed(units, places);
  const cache = (texts[places] ??= []);
  return (cache[units] ??= plainFixed(units, places));
}

/**
 * A safe integer `x` of `10^-scale` (any sign) rounded half-up (ties away from
 * zero) to `places <= scale` decimals and written as the library's `toFixed`
 * does: a minus sign for a negative value, none for one that rounds to zero.
 */
export function formatScaled(x: number, scale: number, places: number): string {
  const negative = x < 0;
  const magnitude = negative ? -x : x;
  const rounded = scale === places ? magnitude : roundScaled(magnitude, pow10(scale - places), 0);
  const text = fixedText(rounded, places);
  return negative && rounded !== 0 ? `-${text}` : text;
}
