import { Exact } from './exact.js';

/** Most significant digits a decimal the library reads may have (trailing zeros of a whole number count). */
export const MAX_SIGNIFICANT_DIGITS = 30;

/** Lowest exponent of a non-zero decimal the library reads: at least `10^-30`. */
export const MIN_EXPONENT = -30;

/**
 * Shared instances of the small whole numbers (immutable: the same value
 * whichever input spelled it), allocated at full length so that V8 keeps a
 * plain array rather than a hash table.
 */
const SMALL_LIMIT = 1 << 16;
const SMALL = new Array<Exact | undefined>(SMALL_LIMIT);

function small(n: number): Exact {
  return (SMALL[n] ??= Exact.fromSafe(n, 0));
}

/**
 * A plain decimal text (`-?\d+(\.\d+)?`) with at most 15 significant digits
 * and 15 decimals, read with safe integers (small whole numbers shared);
 * `undefined` for anything else (other syntax, or longer: {@link parseExact}
 * reads those).
 */
function readShort(text: string): Exact | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (length > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let significant = 0;
  let whole = 0;
  let scale = 0;
  let dot = false;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (dot || whole === 0) return undefined;
      dot = true;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    if (dot) scale++;
    else whole++;
    if ((m !== 0 || c !== 48) && ++significant > 15) return undefined;
    m = m * 10 + (c - 48);
  }
  if (whole === 0 || (dot && scale === 0) || scale > 15) return undefined;
  // Trailing zeros of the decimals say nothing: 1.50 is 1.5.
  while (scale > 0 && m % 10 === 0 && m !== 0) {
    m /= 10;
    scale--;
  }
  if (m === 0) return small(0);
  if (scale === 0 && !negative && m < SMALL_LIMIT) return small(m);
  return Exact.fromSafe(negative ? -m : m, scale);
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads the text of a decimal exactly, at any length and with no limit:
 * `-?digits(.digits)?`, and an exponent (`1.5e-7`) when `exponent` is true.
 * `undefined` for anything else.
 *
 * @example
 * ```ts
 * import { parseExact } from 'dti-criteria';
 * console.log(parseExact('0.50')?.toString()); // 0.5
 * console.log(parseExact('1.5e-7', { exponent: true })?.toString()); // 0.00000015
 * console.log(parseExact('1.5e-7')); // undefined
 * ```
 */
export function parseExact(text: string, options: { readonly exponent?: boolean } = {}): Exact | undefined {
  const short = readShort(text);
  if (short !== undefined) return short;
  const match = DECIMAL_TEXT.exec(text);
  if (match === null || (match[4] !== undefined && options.exponent !== true)) return undefined;
  const fraction = match[3] ?? '';
  let digits = (match[2]! + fraction).replace(/^0+(?=\d)/, '');
  let scale = fraction.length - Number(match[4] ?? 0);
  if (!Number.isSafeInteger(scale)) return undefined;
  if (/^0+$/.test(digits)) return Exact.fromSafe(0, 0);
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const coefficient = BigInt(digits);
  return Exact.fromBig(match[1] === '-' ? -coefficient : coefficient, scale);
}

/**
 * Whether a value read is inside the limits on the library's decimals: at
 * most {@link MAX_SIGNIFICANT_DIGITS} significant digits (counted from the
 * first non-zero digit to the last non-zero decimal, or to the units digit of
 * a whole number) and, unless 0, at least `10^-30`.
 */
function withinLimits(value: Exact): boolean {
  if (value.isZero()) return true;
  // The coefficient has no trailing zeros when the scale is > 0 (parseExact strips them).
  const digits = value.big < 0n ? String(-value.big).length : String(value.big).length;
  return digits <= MAX_SIGNIFICANT_DIGITS && digits - 1 - value.s >= MIN_EXPONENT;
}

/**
 * Reads a decimal as the format defines it (spec, "Decimal"): a plain decimal
 * string (`"12.5"`, surrounding spaces and leading zeros tolerated) or a
 * finite JSON number read through its shortest round-trip text (`0.8` is
 * `"0.8"`), with at most 30 significant digits and, unless 0, at least
 * `10^-30`. Returns `undefined` for anything else (`"1e3"`, `"1,5"`, `NaN`).
 *
 * @example
 * ```ts
 * import { readExact } from 'dti-criteria';
 * console.log(readExact(0.8)?.toString()); // 0.8
 * console.log(readExact(' 007.50 ')?.toString()); // 7.5
 * console.log(readExact('1e3')); // undefined
 * console.log(readExact('1' + '0'.repeat(30))); // undefined
 * ```
 */
export function readExact(input: unknown): Exact | undefined {
  let value: Exact | undefined;
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input)) {
      // A safe integer has at most 16 digits: always inside the limits.
      return input >= 0 && input < SMALL_LIMIT ? small(input === 0 ? 0 : input) : Exact.fromSafe(input, 0);
    }
    if (!Number.isFinite(input)) return undefined;
    value = parseExact(String(input), { exponent: true });
  } else if (typeof input === 'string') {
    const text = input.trim();
    // At most 15 significant digits and 15 decimals: always inside the limits.
    const short = readShort(text);
    if (short !== undefined) return short;
    value = parseExact(text);
  }
  return value !== undefined && withinLimits(value) ? value : undefined;
}
