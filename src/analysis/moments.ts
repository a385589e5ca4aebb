/** Mean, sample standard deviation and adjusted skewness of doubles (float64). */
export interface Moments {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly skew: number | null;
}

/**
 * The moments of a list of doubles, two-pass: the mean; the sample standard
 * deviation (divisor `n − 1`; `null` below 2 values); the adjusted
 * Fisher–Pearson skewness `G1 = √(n(n−1))/(n−2) · m3/m2^1.5` with `mk` the
 * k-th central moment over `n` (Excel's `SKEW`, `scipy.stats.skew(bias=False)`;
 * `null` below 3 values or without spread).
 *
 * @internal
 */
export function momentsOf(xs: readonly number[]): Moments {
  const n = xs.length;
  if (n === 0) return { mean: null, sd: null, skew: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const sd = n < 2 ? null : Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  const skew = n < 3 || m2 === 0 ? null : (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
  return { mean, sd, skew };
}
