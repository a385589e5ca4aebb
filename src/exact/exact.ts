import { bigPow10, fits, MAX_SAFE, pow10 } from './safe-integer.js';

const BIG_MAX_SAFE = BigInt(MAX_SAFE);


/**
 * An exact decimal: `coefficient × 10^-scale`, with a whole coefficient and a
 * scale of `0` or more. The coefficient is kept as a safe integer when it
 * fits, which makes the everyday arithmetic a few machine operations, and as a
 * BigInt when it does not: the switch happens inside every operation, so a
 * caller never sees it and no operation ever rounds. `+`, `−`, `×` and the
 * comparisons are exact for any size; the one division the library needs is
 * {@link roundQuotient}, rounded once. Immutable.
 *
 * @example
 * ```ts
 * import { Exact, readExact } from 'dti-criteria';
 * const x = readExact('0.1')!;
 * console.log(x.plus(readExact('0.2')!).toString()); // 0.3
 * const big = readExact('123456789012345678901234567890')!;
 * console.log(big.times(big).toString()); // 15241578753238836750495351562536198787501905199875019052100
 * console.log(Exact.scaled(1234, 2).toString()); // 12.34
 * ```
 */
export class Exact {
  // Declared, not defined: the constructor's three assignments are the object's whole layout
  // (class-field definitions would add an initializer step to every construction).
  /**
   * The coefficient when it is a safe integer; `undefined` when it is not (then it is `b`).
   *
   * @internal
   */
  declare readonly m: number | undefined;
  /**
   * The scale: the value is the coefficient times `10^-s`.
   *
   * @internal
   */
  declare readonly s: number;
  /**
   * The coefficient as a BigInt when it is not a safe integer; `undefined` otherwise.
   *
   * @internal
   */
  declare readonly b: bigint | undefined;

  private constructor(m: number | undefined, s: number, b: bigint | undefined) {
    this.m = m;
    this.s = s;
    this.b = b;
  }

  /**
   * The value `coefficient × 10^-scale`. A `number` coefficient must be a safe
   * integer; `scale` a whole number `>= 0`.
   *
   * @example
   * ```ts
   * import { Exact } from 'dti-criteria';
   * console.log(Exact.scaled(-5, 3).toString()); // -0.005
   * console.log(Exact.scaled(10n ** 40n, 40).toString()); // 1
   * ```
   */
  static scaled(coefficient: number | bigint, scale: number): Exact {
    if (!(Number.isInteger(scale) && scale >= 0)) throw new RangeError('Exact.scaled: the scale must be a whole number >= 0');
    if (typeof coefficient === 'bigint') return Exact.fromBig(coefficient, scale);
    if (!Number.isSafeInteger(coefficient)) throw new RangeError('Exact.scaled: a number coefficient must be a safe integer');
    return Exact.fromSafe(coefficient, scale);
  }

  /**
   * A safe-integer coefficient, for the exact layer's own modules (not checked).
   *
   * @internal
   */
  static fromSafe(m: number, s: number): Exact {
    return new Exact(m === 0 ? 0 : m, s, undefined); // never -0
  }

  /**
   * A BigInt coefficient, kept as a safe integer when it fits (not checked).
   *
   * @internal
   */
  static fromBig(b: bigint, s: number): Exact {
    if (b <= BIG_MAX_SAFE && b >= -BIG_MAX_SAFE) return Exact.fromSafe(Number(b), s);
    return new Exact(undefined, s, b);
  }

  /** The coefficient as a BigInt. */
  get big(): bigint {
    return this.b ?? BigInt(this.m!);
  }

  /** `-1`, `0` or `1`. */
  sign(): number {
    const m = this.m;
    if (m !== undefined) return m > 0 ? 1 : m < 0 ? -1 : 0;
    return this.b! > 0n ? 1 : -1;
  }

  /** Whether the value is 0. */
  isZero(): boolean {
    return this.m === 0;
  }

  /** Whether the value is below 0. */
  isNegative(): boolean {
    return this.sign() < 0;
  }

  /** Whether the value is a whole number. */
  isInteger(): boolean {
    const m = this.m;
    if (this.s === 0 || m === 0) return true;
    if (m !== undefined) return this.s <= 15 && m % pow10(this.s) === 0;
    return this.b! % bigPow10(this.s) === 0n;
  }

  /** `this + other`, exactly. */
  plus(other: Exact): Exact {
    const s = this.s;
    const t = other.s;
    const x = this.m;
    const y = other.m;
    if (x !== undefined && y !== undefined) {
      if (s === t) {
        const r = x + y;
        if (fits(r)) return Exact.fromSafe(r, s);
      } else if (s < t) {
        const a = x * pow10(t - s);
        const r = a + y;
        if (fits(a) && fits(r)) return Exact.fromSafe(r, t);
      } else {
        const b = y * pow10(s - t);
        const r = x + b;
        if (fits(b) && fits(r)) return Exact.fromSafe(r, s);
      }
    }
    const scale = s > t ? s : t;
    return Exact.fromBig(this.big * bigPow10(scale - s) + other.big * bigPow10(scale - t), scale);
  }

  /** `this − other`, exactly. */
  minus(other: Exact): Exact {
    return this.plus(other.negated());
  }

  /** `this × other`, exactly. */
  times(other: Exact): Exact {
    const x = this.m;
    const y = other.m;
    if (x !== undefined && y !== undefined) {
      const r = x * y;
      if (fits(r)) return Exact.fromSafe(r, this.s + other.s);
    }
    return Exact.fromBig(this.big * other.big, this.s + other.s);
  }

  /** `−this`. */
  negated(): Exact {
    const m = this.m;
    if (m === 0) return this;
    return m !== undefined ? Exact.fromSafe(-m, this.s) : new Exact(undefined, this.s, -this.b!);
  }

  /** `|this|`. */
  abs(): Exact {
    return this.sign() < 0 ? this.negated() : this;
  }

  /** `-1`, `0` or `1` as `this` is below, equal to or above `other`. */
  comparedTo(other: Exact): number {
    const s = this.s;
    const t = other.s;
    const x = this.m;
    const y = other.m;
    if (x !== undefined && y !== undefined) {
      if (s === t) return x < y ? -1 : x > y ? 1 : 0;
      const a = s < t ? x * pow10(t - s) : x;
      const b = t < s ? y * pow10(s - t) : y;
      if (fits(a) && fits(b)) return a < b ? -1 : a > b ? 1 : 0;
    }
    const scale = s > t ? s : t;
    const p = this.big * bigPow10(scale - s);
    const q = other.big * bigPow10(scale - t);
    return p < q ? -1 : p > q ? 1 : 0;
  }

  /** Whether the two values are equal (whatever their scales). */
  eq(other: Exact): boolean {
    return this.comparedTo(other) === 0;
  }

  /** `this < other`. */
  lt(other: Exact): boolean {
    return this.comparedTo(other) < 0;
  }

  /** `this <= other`. */
  lte(other: Exact): boolean {
    return this.comparedTo(other) <= 0;
  }

  /** `this > other`. */
  gt(other: Exact): boolean {
    return this.comparedTo(other) > 0;
  }

  /** `this >= other`. */
  gte(other: Exact): boolean {
    return this.comparedTo(other) >= 0;
  }

  /**
   * The value written plainly, without exponent and without trailing zeros
   * (`"12.5"`, `"-0.005"`, `"0"`): what decimal.js's `toFixed()` writes.
   */
  toString(): string {
    const m = this.m;
    return m !== undefined ? plainDigits(m < 0, String(m < 0 ? -m : m), this.s) : plainDigits(this.b! < 0n, String(this.b! < 0n ? -this.b! : this.b!), this.s);
  }
}

/** `digits` (no sign, no leading zeros but for "0") at `scale` decimals, written without trailing zeros. */
function plainDigits(negative: boolean, digits: string, scale: number): string {
  let text = digits;
  if (scale > 0 && digits !== '0') {
    if (text.length <= scale) text = text.padStart(scale + 1, '0');
    let end = text.length;
    const point = end - scale;
    while (end > point && text.charCodeAt(end - 1) === 48) end--;
    text = end === point ? text.slice(0, point) : `${text.slice(0, point)}.${text.slice(point, end)}`;
  }
  return negative ? `-${text}` : text;
}
