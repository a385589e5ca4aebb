import DecimalJs from 'decimal.js';
import type { Exact } from './exact/exact.js';
import { MAX_SIGNIFICANT_DIGITS, parseExact, readExact } from './exact/read-exact.js';
import { roundQuotient } from './exact/round-quotient.js';

/**
 * Significant digits {@link Dec} keeps: enough that no sum, difference or
 * product the library forms from accepted input is ever rounded.
 *
 * Every decimal the library reads (values, rule parameters, points, caps)
 * has at most {@link MAX_DECIMAL_DIGITS} significant digits and an exponent
 * within ±30, so its digits lie between 10^29 and 10^-59; points and caps
 * have at most 10 decimals (`rounding.points` <= 10). The longest exact
 * results are then: a difference of two such decimals (linear `x − from`),
 * at most 90 digits; that times `P` (30 digits), at most 120; a checklist's
 * sum of `fraction × P` terms (digits between 10^29 and 10^-69), at most
 * 99 digits plus one per tenfold more items; a sum of rounded points over
 * 20,000 nodes, at most 45. 200 digits hold all of them with room to spare,
 * and decimal.js computes `plus`, `minus` and `times` exactly before it rounds
 * to this precision, so it costs nothing where the digits are fewer. The one
 * division that decides a score, {@link divideRounded}, is exact at any length.
 */
export const EXACT_PRECISION = 200;

/**
 * The library's own decimal.js constructor: 200 significant
 * digits (so sums, differences and products of accepted input are exact),
 * half-up (ties away from zero), exponent notation switched off. Never the
 * global `Decimal` configuration, so a host application's settings cannot
 * change a score.
 *
 * @example
 * ```ts
 * import { Dec } from 'dti-criteria';
 * console.log(new Dec('0.1').plus('0.2').toString()); // 0.3
 * const x = new Dec('0.514261794199999999999999966674');
 * const from = new Dec('-0.00000000000000000000000000000494369490915632307969059183306');
 * console.log(x.minus(from).times('199.99').toFixed()); // 102.8472162220579999999999933361219495448821730527073214606936694
 * ```
 */
export const Dec = DecimalJs.clone({
  precision: EXACT_PRECISION,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An exact decimal value of the library's own constructor. */
export type Dec = InstanceType<typeof Dec>;

const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Largest number of digits a decimal input may hold (guards against `"1e400"`-style blow-ups). */
export const MAX_DECIMAL_DIGITS = MAX_SIGNIFICANT_DIGITS;

/**
 * Reads a decimal exactly: a plain decimal string (`"12.5"`, leading zeros
 * tolerated) or a finite JSON number, read through its shortest round-trip
 * text (`0.8` is `"0.8"`); at most 30 significant digits and, unless 0, at
 * least `10^-30`. Returns `undefined` for anything else. The same reading as
 * `readExact`, as a {@link Dec}.
 *
 * @example
 * ```ts
 * import { readDecimal } from 'dti-criteria';
 * console.log(readDecimal(0.8)?.toString()); // 0.8
 * console.log(readDecimal('1,5')); // undefined
 * ```
 */
export function readDecimal(input: unknown): Dec | undefined {
  const value = readExact(input);
  return value === undefined ? undefined : new Dec(value.toString());
}

/** A {@link Dec} as an exact number (any size: a Dec's digits are always a plain decimal). */
export function exactOf(value: Dec): Exact {
  return parseExact(value.toFixed())!;
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
 * The exact quotient `numerator / denominator` (finite decimals, denominator
 * > 0) rounded once, half-up (ties away from zero), to `places` decimals: the
 * library's one rounding, `roundQuotient`, for {@link Dec} operands. It is
 * decided on the floor and the exact remainder of whole numbers, so a
 * non-terminating quotient (50/3), an exact tie (9.375 at 2 places) and a
 * quotient of 60-digit operands all round exactly as on paper.
 *
 * @example
 * ```ts
 * import { Dec, divideRounded } from 'dti-criteria';
 * console.log(divideRounded(new Dec(402), new Dec(400), 2).toFixed(2)); // 1.01
 * console.log(divideRounded(new Dec(50), new Dec(3), 2).toFixed(2)); // 16.67
 * console.log(divideRounded(new Dec(-1), new Dec(8), 2).toFixed(2)); // -0.13
 * ```
 */
export function divideRounded(numerator: Dec, denominator: Dec, places: number): Dec {
  if (!(denominator.gt(0) && numerator.isFinite())) throw new RangeError('divideRounded: finite numerator and denominator > 0 required');
  if (!(Number.isInteger(places) && places >= 0)) throw new RangeError('divideRounded: places must be a whole number >= 0');
  return new Dec(roundQuotient(exactOf(numerator), exactOf(denominator), places).toString());
}
