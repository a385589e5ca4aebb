
/** How equal keys share ranks: competition `1, 1, 3` or dense `1, 1, 2`. */
export type TieRule = 'competition' | 'dense';

/** A ranking key: anything that compares itself with another of its kind (an `Exact`, a `Dec`). */
export interface RankKey<K> {
  comparedTo(other: K): number;
}

/**
 * Ranks entries by `key`, highest first, within the groups given by `cohort`.
 * Entries whose key is `undefined` get rank `null`. Returns ranks in input order.
 * Keys are exact numbers (`Exact` or `Dec`); equal keys share a rank.
 *
 * @example
 * ```ts
 * import { rankEntries, Dec } from 'dti-criteria';
 * const keys = ['0.9', '0.8', '0.9'].map((k) => new Dec(k));
 * console.log(rankEntries(keys, () => 'all', 'competition')); // [1, 3, 1]
 * ```
 */
export function rankEntries<K extends RankKey<K>>(keys: readonly (K | undefined)[], cohort: (position: number) => string, ties: TieRule): (number | null)[] {
  const ranks: (number | null)[] = keys.map(() => null);
  const cohorts = new Map<string, number[]>();
  keys.forEach((key, position) => {
    if (key === undefined) return;
    const name = cohort(position);
    const members = cohorts.get(name) ?? [];
    members.push(position);
    cohorts.set(name, members);
  });
  for (const members of cohorts.values()) {
    const sorted = [...members].sort((a, b) => keys[b]!.comparedTo(keys[a]!) || a - b);
    let rank = 0;
    let distinct = 0;
    sorted.forEach((position, i) => {
      const previous = sorted[i - 1];
      if (previous === undefined || keys[previous]!.comparedTo(keys[position]!) !== 0) {
        distinct += 1;
        rank = ties === 'dense' ? distinct : i + 1;
      }
      ranks[position] = rank;
    });
  }
  return ranks;
}
