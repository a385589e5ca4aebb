import { Exact } from './exact.js';
import { bigPow10, fits, pow10 } from './safe-integer.js';

/**
 * A running exact sum: `add` values one by one, read the total with
 * `value()`, start again with `clear()`. The total is kept as a safe integer
 * while it fits and as a BigInt once it does not, so a sum of many figures
 * makes one number at the end instead of one per step. Mutable: it belongs
 * to the code that sums and is never shared.
 *
 * @example
 * ```ts
 * import { ExactSum, readExact } from 'dti-criteria';
 * const sum = new ExactSum();
 * for (const points of ['16.00', '7.5', '0.125']) sum.add(readExact(points)!);
 * console.log(sum.value().toString()); // 23.625
 * sum.clear();
 * console.log(sum.value().toString()); // 0
 * ```
 */
export class ExactSum {
  /** The coefficient while it is a safe integer; `undefined` once it is kept in `big`. */
  private m: number | undefined = 0;
  private big = 0n;
  private s = 0;

  /** Starts again from 0 (at `scale` decimals, where the values to come have them: fewer rescalings). */
  clear(scale = 0): void {
    this.m = 0;
    this.s = scale;
  }

  /** Adds `value` exactly. */
  add(value: Exact): void {
    const m = this.m;
    const v = value.m;
    if (this.s === value.s && m !== undefined && v !== undefined) {
      const r = m + v;
      if (fits(r)) {
        this.m = r;
        return;
      }
    }
    this.addSlowly(value);
  }

  private addSlowly(value: Exact): void {
    const s = this.s;
    const t = value.s;
    const m = this.m;
    const v = value.m;
    if (m !== undefined && v !== undefined) {
      const a = s < t ? m * pow10(t - s) : m;
      const b = t < s ? v * pow10(s - t) : v;
      const r = a + b;
      if (fits(a) && fits(b) && fits(r)) {
        this.m = r;
        if (t > s) this.s = t;
        return;
      }
    }
    const scale = s > t ? s : t;
    const current = m !== undefined ? BigInt(m) : this.big;
    this.big = current * bigPow10(scale - s) + value.big * bigPow10(scale - t);
    this.m = undefined;
    this.s = scale;
  }

  /** The sum so far. */
  value(): Exact {
    return this.m !== undefined ? Exact.fromSafe(this.m, this.s) : Exact.fromBig(this.big, this.s);
  }
}
