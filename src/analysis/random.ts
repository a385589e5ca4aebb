/**
 * The seeded random numbers of the uncertainty analysis: sfc32 (Chris Doty-
 * Humphrey's small fast counting generator, 128-bit state), one stream per
 * (seed, sample, input), so that a sample's draws never depend on which other
 * samples were drawn, nor in which thread. Float64 arithmetic only where a
 * draw is made (V8's `Math.log`, `Math.exp` and `Math.sqrt` give the same
 * result on every machine); whatever is drawn is quantised to a decimal
 * before anything exact uses it.
 */

/** MurmurHash3's 32-bit finaliser: a bijection of 32-bit words that spreads every input bit. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32: a fast 32-bit generator with a 128-bit state (`a`, `b`, `c` and a
 * counter `d`), mixed by `warmUp` steps before the first draw. `next()` is
 * uniform on the multiples of 2⁻³² in [0, 1).
 *
 * @internal
 */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number, warmUp: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < warmUp; i++) this.next();
  }

  /** Uniform in [0, 1), a multiple of 2⁻³². */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

/**
 * The stream of draws of one uncertain input in one sample: sfc32 whose four
 * state words are the seed's low and high 32 bits, the sample's stream number
 * and the input's position, each through MurmurHash3's finaliser (a
 * bijection: distinct triples give distinct states), then 16 warm-up steps.
 *
 * @internal
 */
export function sampleStream(seed: number, stream: number, input: number): Sfc32 {
  const low = seed % 4294967296;
  const high = Math.floor(seed / 4294967296);
  return new Sfc32(fmix32(low ^ 0x9e3779b9), fmix32(high ^ 0x243f6a88), fmix32(stream ^ 0xb7e15162), fmix32(input ^ 0x85a308d3), 16);
}

/** A whole number uniform in [lo, hi] (`hi − lo` below 2²⁰: the bias of 32 random bits is then below 2⁻¹²). @internal */
export function uniformInteger(random: Sfc32, lo: number, hi: number): number {
  return lo + Math.floor(random.next() * (hi - lo + 1));
}

/** A standard normal variate (Box–Muller, its cosine branch; `1 − u` keeps the logarithm finite). @internal */
export function standardNormal(random: Sfc32): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A gamma variate of shape `shape` (> 0) and scale 1: Marsaglia and Tsang's
 * method (2000) for a shape of 1 or more; below 1, a variate of shape
 * `shape + 1` times `U^(1/shape)`. @internal
 */
export function gammaVariate(random: Sfc32, shape: number): number {
  if (shape < 1) {
    const boost = Math.pow(1 - random.next(), 1 / shape);
    return gammaVariate(random, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
