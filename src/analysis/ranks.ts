import { compareExact, readNumerics, type ExactValue, type Numeric } from './numeric.js';

/**
 * Ranks of exact values, 1 for the smallest, ties given the average of the
 * ranks they span (the ranks Spearman's correlation uses). @internal
 */
export function ranksOf(values: readonly ExactValue[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => compareExact(values[a]!, values[b]!) || a - b);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && compareExact(values[order[start]!]!, values[order[end]!]!) === 0) end += 1;
    // Positions start..end-1 hold ranks start+1..end: their average.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * The ranks of the values, 1 for the smallest, ties averaged (`[10, 20, 20,
 * 30]` ranks `[1, 2.5, 2.5, 4]`), compared exactly (decimal strings are
 * never rounded to compare); `null` stays `null` and is not ranked. Throws a
 * `DtiError` (`schema/decimal`) for a value that is not a number.
 *
 * @param values - decimals as exact text or numbers, `null` for none
 * @returns the rank of each value, in the same order
 * @example
 * ```ts
 * import { averageRanks } from 'dti-criteria/analysis';
 * console.log(averageRanks(['10.00', '20.00', '20.0', null, '30'])); // [1,2.5,2.5,null,4]
 * console.log(averageRanks(['0.30000000000000000001', '0.3'])); // [2,1]
 * ```
 * @category Statistics
 */
export function averageRanks(values: readonly (Numeric | null)[]): (number | null)[] {
  const read = readNumerics(values, 'values');
  const present = read.flatMap((value, i) => (value === null ? [] : [i]));
  const ranks = ranksOf(present.map((i) => read[i]!));
  const out: (number | null)[] = read.map(() => null);
  present.forEach((i, k) => {
    out[i] = ranks[k]!;
  });
  return out;
}
