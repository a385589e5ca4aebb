import { Exact } from './exact.js';
import { roundQuotient } from './round-quotient.js';

const ONE = Exact.scaled(1, 0);
const CACHE_LIMIT = 1 << 16;
/**
 * Texts of the small non-negative values per number of decimals: a pure memo
 * (the same string for the same value). Each row is allocated at full length,
 * so V8 keeps it a plain array (a first write far past the end of an empty
 * array would make it a hash table).
 */
const TEXTS: (string | undefined)[][] = [];

function fixedDigits(negative: boolean, digits: string, places: number): string {
  if (places === 0) return negative ? `-${digits}` : digits;
  const padded = digits.length > places ? digits : digits.padStart(places + 1, '0');
  const text = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  return negative ? `-${text}` : text;
}

/**
 * The value rounded half-up (ties away from zero) to `places` decimals and
 * written with exactly `places` decimals, never in exponent notation and never
 * as `-0` (`"12.50"`, `"0.00"`): how every published figure is written.
 *
 * @example
 * ```ts
 * import { fixedText, readExact } from 'dti-criteria';
 * console.log(fixedText(readExact('12.5')!, 2)); // 12.50
 * console.log(fixedText(readExact('9.375')!, 2)); // 9.38
 * console.log(fixedText(readExact('-0.001')!, 2)); // 0.00
 * ```
 */
export function fixedText(value: Exact, places: number): string {
  const rounded = value.s === places ? value : roundQuotient(value, ONE, places);
  const m = rounded.m;
  if (m !== undefined) {
    if (m >= 0 && m < CACHE_LIMIT) {
      const cache = (TEXTS[places] ??= new Array<string | undefined>(CACHE_LIMIT));
      return (cache[m] ??= fixedDigits(false, String(m), places));
    }
    return fixedDigits(m < 0, String(m < 0 ? -m : m), places);
  }
  const big = rounded.big;
  return fixedDigits(big < 0n, String(big < 0n ? -big : big), places);
}
