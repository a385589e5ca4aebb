import { Exact } from '../exact/exact.js';
import { parseExact } from '../exact/read-exact.js';

const HUNDREDTH = Exact.scaled(1, 2);
const HUNDRED = Exact.scaled(100, 0);

/**
 * A percentage as a person types it (`"3"`, `"4.35"`, plain decimal text)
 * turned into the fraction data holds (`"0.03"`, `"0.0435"`), exactly: the
 * digits move, nothing is rounded. `undefined` for text that is not a plain decimal.
 *
 * @example
 * ```ts
 * import { percentToFraction } from 'dti-criteria';
 * console.log(percentToFraction('3')); // "0.03"
 * console.log(percentToFraction('4.35')); // "0.0435"
 * console.log(percentToFraction('0.8')); // "0.008"
 * ```
 */
export function percentToFraction(text: string): string | undefined {
  return parseExact(text)?.times(HUNDREDTH).toString();
}

/**
 * A fraction as data holds it (`"0.03"`) written as the percentage a person
 * reads and types (`"3"`), exactly. `undefined` for text that is not a plain decimal.
 *
 * @example
 * ```ts
 * import { fractionToPercent } from 'dti-criteria';
 * console.log(fractionToPercent('0.0435')); // "4.35"
 * console.log(fractionToPercent('1')); // "100"
 * ```
 */
export function fractionToPercent(text: string): string | undefined {
  return parseExact(text)?.times(HUNDRED).toString();
}

/**
 * A fraction's bound as a person types it in a `%` field (`1` → `100`), exactly;
 * `undefined` stays `undefined` (an open bound).
 *
 * @internal
 */
export function inPercentUnits(value: Exact | undefined): Exact | undefined {
  return value?.times(HUNDRED);
}
