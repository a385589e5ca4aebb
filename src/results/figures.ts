import { Dec, divideRounded, isPlainDecimalString, toFixed } from '../decimal.js';

/** How a published figure is shown in an issue's parameters: the decimal as written, `null`, or `absent`. */
export function shown(value: string | number | null | undefined): string {
  return value === undefined ? 'absent' : value === null ? 'null' : String(value);
}

/**
 * Equal published values: both absent, both `null`, the same decimal value
 * (`"0.80"` and `"0.8"` alike: the number of decimals is checked apart) or
 * the same text (a status, a rating).
 */
export function sameFigure(published: string | null | undefined, expected: string | null | undefined): boolean {
  if (typeof published !== 'string' || typeof expected !== 'string') return published === expected;
  if (isPlainDecimalString(published) && isPlainDecimalString(expected)) return new Dec(published).eq(expected);
  return published === expected;
}

/**
 * The index a report must publish for `points` of `max` ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)):
 * `points / max` rounded half-up to `places` decimals, `null` when the maximum
 * is 0; `undefined` when the figures are out of range (negative), which is
 * reported apart.
 */
export function expectedIndex(points: Dec, max: Dec, places: number): Dec | null | undefined {
  if (points.isNeg() || max.isNeg()) return undefined;
  if (max.isZero()) return null;
  return divideRounded(points, max, places);
}

/** {@link expectedIndex} as published text. */
export function expectedIndexText(points: Dec, max: Dec, places: number): string | null | undefined {
  const index = expectedIndex(points, max, places);
  return index === undefined || index === null ? index : toFixed(index, places);
}

/** `min(cap, value)` when there is a cap. */
export function capped(value: Dec, cap: Dec | undefined): Dec {
  return cap !== undefined && cap.lt(value) ? cap : value;
}

/** The sum of decimals. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, value) => acc.plus(value), new Dec(0));
}
