import DecimalJs from 'decimal.js';

/**
 * The library's own decimal.js constructor: 60 significant digits, half-up
 * (ties away from zero), exponent notation switched off. Never the global
 * `Decimal` configuration, so a host application's settings cannot change a score.
 *
 * @example
 * ```ts
 * import { Dec } from 'dti-criteria';
 * console.log(new Dec('0.1').plus('0.2').toString()); // 0.3
 * ```
 */
export const Dec = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An exact decimal value of the library's own constructor. */
export type Dec = InstanceType<typeof Dec>;

/** Truncating twin of {@link Dec}, used only to compute an exact quotient's floor. */
const DecDown = DecimalJs.clone({
  precision: 80,
  rounding: DecimalJs.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** `10^-places` per `places`, built once each. */
const ULPS: InstanceType<typeof DecDown>[] = [];

/** `10^-places` as an exact {@link DecDown}, cached. */
function unitInLastPlace(places: number): InstanceType<typeof DecDown> {
  let ulp = ULPS[places];
  if (ulp === undefined) {
    ulp = new DecDown(10).pow(-places);
    if (Number.isInteger(places) && places >= 0 && places <= 64) ULPS[places] = ulp;
  }
  return ulp;
}

const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const LOOSE_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Largest number of digits a decimal input may hold (guards against `"1e400"`-style blow-ups). */
export const MAX_DECIMAL_DIGITS = 30;

/**
 * Reads a decimal exactly: a plain decimal string (`"12.5"`, leading zeros
 * tolerated) or a finite JSON number, read through its shortest round-trip
 * text (`0.8` is `"0.8"`). Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * import { readDecimal } from 'dti-criteria';
 * console.log(readDecimal(0.8)?.toString()); // 0.8
 * console.log(readDecimal('1,5')); // undefined
 * ```
 */
export function readDecimal(input: unknown): Dec | undefined {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    text = Object.is(input, -0) ? '0' : String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
    if (!LOOSE_DECIMAL.test(text)) return undefined;
  } else {
    return undefined;
  }
  const value = new Dec(text);
  if (!value.isFinite()) return undefined;
  if (value.isZero()) return new Dec(0);
  if (value.sd(true) > MAX_DECIMAL_DIGITS || Math.abs(value.e) > MAX_DECIMAL_DIGITS) return undefined;
  return value;
}

/** `true` when the string is a canonical plain decimal (`"0.8"`, `"12"`, `"-3.25"`). */
export function isPlainDecimalString(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/**
 * Formats with exactly `places` decimals, never in exponent notation.
 *
 * @example
 * ```ts
 * import { Dec, toFixed } from 'dti-criteria';
 * console.log(toFixed(new Dec('1e-7'), 8)); // 0.00000010
 * ```
 */
export function toFixed(value: Dec, places: number): string {
  const text = value.toFixed(places, Dec.ROUND_HALF_UP);
  // A negative value that rounds to zero prints "-0.00" in decimal.js: a published figure is never "-0".
  return /^-0(?:\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Rounds half-up (ties away from zero) to `places` decimals.
 *
 * @example
 * ```ts
 * import { Dec, roundHalfUp } from 'dti-criteria';
 * console.log(roundHalfUp(new Dec('9.375'), 2).toString()); // 9.38
 * ```
 */
export function roundHalfUp(value: Dec, places: number): Dec {
  return value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/**
 * The exact quotient `numerator / denominator` (both finite decimals,
 * denominator > 0, numerator >= 0), rounded once, half-up, to `places`
 * decimals. The quotient's truncation is checked against the exact remainder,
 * so a non-terminating quotient (50/3) and an exact tie (9.375 at 2 places)
 * both round exactly as on paper.
 *
 * @example
 * ```ts
 * import { Dec, divideRounded } from 'dti-criteria';
 * console.log(divideRounded(new Dec(402), new Dec(400), 2).toFixed(2)); // 1.01
 * console.log(divideRounded(new Dec(50), new Dec(3), 2).toFixed(2)); // 16.67
 * ```
 */
export function divideRounded(numerator: Dec, denominator: Dec, places: number): Dec {
  if (denominator.lte(0)) throw new RangeError('divideRounded: denominator must be > 0');
  // n/1 is n itself: a single half-up rounding, exact at any number of digits.
  if (denominator.eq(1) && !numerator.isNeg()) return numerator.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  // decimal.js copies another instance's digits as they are (no string round trip, no rounding).
  const n = new DecDown(numerator);
  const d = new DecDown(denominator);
  const ulp = unitInLastPlace(places);
  const truncated = n.div(d).toDecimalPlaces(places, DecDown.ROUND_DOWN);
  const remainder = n.minus(truncated.times(d));
  const step = d.times(ulp);
  if (remainder.isNeg() || remainder.gte(step)) {
    throw new RangeError('divideRounded: precision exhausted');
  }
  const result = remainder.times(2).gte(step) ? truncated.plus(ulp) : truncated;
  return new Dec(result);
}
