import { Dec, readDecimal } from '../../decimal.js';
import { compareScaled, plainText } from './safe-int.js';

/**
 * An exact decimal read from a submission or a criteria set. When it has at
 * most 15 significant digits and at most 15 decimals it is also `m × 10^-s`
 * with `m` a safe integer (the integer fast path's form); otherwise `m` is
 * `NaN`. Its {@link Dec} is built on first use only: from the integer form,
 * or else from the input by {@link readDecimal}; decimal.js keeps every value
 * in one normalised form, so either way it is the same Dec.
 */
export class Exact {
  /** Integer mantissa (any sign), or `NaN` when the value has no safe-integer form. */
  readonly m: number;
  /** Decimals of the mantissa (`0..15`). */
  readonly s: number;
  #dec: Dec | undefined;
  #text: string | undefined;
  readonly #raw: unknown;

  constructor(m: number, s: number, raw: unknown, dec: Dec | undefined) {
    this.m = m;
    this.s = s;
    this.#raw = raw;
    this.#dec = dec;
  }

  /** The value as a {@link Dec}. */
  get dec(): Dec {
    if (this.#dec === undefined) {
      const m = this.m;
      this.#dec = m !== m ? readDecimal(this.#raw)! : this.s === 0 ? new Dec(m) : new Dec(`${m}e-${this.s}`);
    }
    return this.#dec;
  }

  /** The value written as decimal.js's `toFixed()` writes it: plain, no trailing zeros (built once). */
  get text(): string {
    if (this.#text === undefined) this.#text = this.m === this.m ? plainText(this.m, this.s) : this.dec.toFixed();
    return this.#text;
  }
}

/** Shared instances of the small whole numbers (immutable, and the same value whichever input spelled them). */
const SMALL: (Exact | undefined)[] = [];
const SMALL_LIMIT = 1 << 16;

function small(m: number, raw: unknown): Exact {
  return (SMALL[m] ??= new Exact(m, 0, raw, undefined));
}

/** Scale of the last successful {@link parseSmall}. */
let parsedScale = 0;

/**
 * Mantissa of a plain decimal text (`-?\d+(\.\d+)?`) with at most 15
 * significant digits and 15 decimals; its scale is left in `parsedScale`.
 * `NaN` for anything else (other syntax, or too long: decimal.js reads those).
 */
function parseSmall(text: string): number {
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
      if (dot || whole === 0) return Number.NaN;
      dot = true;
      continue;
    }
    if (c < 48 || c > 57) return Number.NaN;
    if (dot) scale++;
    else whole++;
    if ((m !== 0 || c !== 48) && ++significant > 15) return Number.NaN;
    m = m * 10 + (c - 48);
  }
  if (whole === 0 || (dot && scale === 0) || scale > 15) return Number.NaN;
  parsedScale = scale;
  return negative && m !== 0 ? -m : m;
}

/**
 * Reads a decimal exactly as {@link readDecimal} does (same inputs accepted,
 * same value), keeping the safe-integer form when there is one.
 */
export function readExact(input: unknown): Exact | undefined {
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input)) {
      if (input >= 0 && input < SMALL_LIMIT) return small(input === 0 ? 0 : input, input);
      return new Exact(input, 0, input, undefined);
    }
    if (Number.isFinite(input)) {
      const m = parseSmall(String(input));
      if (m === m) return new Exact(m, parsedScale, input, undefined);
    }
  } else if (typeof input === 'string') {
    const m = parseSmall(input.trim());
    if (m === m) return parsedScale === 0 && m >= 0 && m < SMALL_LIMIT ? small(m, input) : new Exact(m, parsedScale, input, undefined);
  }
  const dec = readDecimal(input);
  return dec === undefined ? undefined : exactOf(dec);
}

/** The {@link Exact} form of a decimal already read. */
export function exactOf(value: Dec): Exact {
  const m = parseSmall(value.toFixed());
  return m === m ? new Exact(m, parsedScale, undefined, value) : new Exact(Number.NaN, 0, undefined, value);
}

/** Compares two exact decimals (-1, 0, 1), with integers where they fit. */
export function compareExact(a: Exact, b: Exact): number {
  const c = compareScaled(a.m, a.s, b.m, b.s);
  return c === c ? c : a.dec.comparedTo(b.dec);
}
