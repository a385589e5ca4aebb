/** Small deterministic PRNG helpers for the benchmark (no dependency, same output on every machine). */
import { Sfc32 } from '../src/analysis/random.js';

/** FNV-1a 32-bit hash of a string: a stable per-leaf seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * sfc32 (the library's generator, src/analysis/random.ts) seeded as the benchmarks always were:
 * three fixed words, the seed as the counter, 15 warm-up steps; `next()` is uniform in [0, 1).
 */
export class Rng extends Sfc32 {
  constructor(seed: number) {
    super(0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0, 15);
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** `true` with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Roughly normal (Irwin–Hall of 4), mean 0, sd 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }

  /** Log-uniform in [lo, hi]. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Clamps into [0, 1]. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
