/**
 * Safe-integer helpers of the exact layer: every result is either the exact
 * value or `NaN` ("does not fit", the caller then uses BigInt). A true result
 * of 2^53 or more rounds to a double of 2^53 or more, so one comparison
 * proves a product or sum of safe integers exact.
 */

/** Largest safe integer, 2^53 − 1. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** `10^k` for `0 <= k <= 15` (all exact and safe); `NaN` otherwise. */
export function pow10(k: number): number {
  return k >= 0 && k <= 15 ? POW10[k]! : Number.NaN;
}

/** `true` for a number that is a safe integer (never for `NaN`). */
export function fits(x: number): boolean {
  return x <= MAX_SAFE && x >= -MAX_SAFE;
}

const BIG_POW10: bigint[] = [];

/** `10^k` as a BigInt (`k >= 0`), built once each. */
export function bigPow10(k: number): bigint {
  let p = BIG_POW10[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    if (k <= 400) BIG_POW10[k] = p;
  }
  return p;
}
