// Seeded random helpers shared by the example generators (synthetic data only).
// Deterministic: mulberry32 and exact operations on doubles, so a seed always gives the same files.

/** mulberry32: a small, well-known 32-bit PRNG; returns uniform numbers in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
export const dec = (x, places) => String(Number(x.toFixed(places))); // "0.025", "4.1", "0"
export const roundTo = (x, step) => Math.round(x / step) * step;

/** The helpers that draw from one seeded stream. */
export function randomHelpers(seed) {
  const rand = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // whole number in [lo, hi]
  const chance = (p) => rand() < p;
  // roughly bell-shaped noise in [-1, 1] (mean of three uniforms)
  const noise = () => (rand() + rand() + rand()) * (2 / 3) - 1;
  // a quality-driven fraction: around base + slope × q, jittered, kept in [lo, hi]
  const frac = (q, base, slope, jitter = 0.1, lo = 0, hi = 1) => clamp(base + slope * q + jitter * noise(), lo, hi);
  return { rand, int, chance, noise, frac };
}

/** A ratio value `{ numerator, denominator }` with n = round(d × f), kept within [0, d]. */
export const ratio = (d, f) => ({ numerator: clamp(Math.round(d * f), 0, d), denominator: d });
/** The same for a ratio that allows n > d. */
export const over = (d, f) => ({ numerator: Math.max(0, Math.round(d * f)), denominator: d });

/** ASCII kebab-case id from a Vietnamese name. */
export const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
