import type { Exact } from '../exact/exact.js';

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
  return rankWith(keys, (a, b) => keys[b]!.comparedTo(keys[a]!), cohort, ties);
}

/**
 * The ranks of the entries with a key, highest first within each cohort;
 * `byKey(a, b)` orders positions `a` and `b` (negative: `a` ranks first, 0: a tie).
 */
function rankWith(keys: readonly unknown[], byKey: (a: number, b: number) => number, cohort: (position: number) => string, ties: TieRule): (number | null)[] {
  const ranks: (number | null)[] = new Array<number | null>(keys.length).fill(null);
  const cohorts = new Map<string, number[]>();
  for (let position = 0; position < keys.length; position++) {
    if (keys[position] === undefined) continue;
    const name = cohort(position);
    const members = cohorts.get(name);
    if (members === undefined) cohorts.set(name, [position]);
    else members.push(position);
  }
  for (const members of cohorts.values()) {
    members.sort((a, b) => byKey(a, b) || a - b);
    assignRanks(members, byKey, ties, ranks);
  }
  return ranks;
}

/**
 * Writes into `ranks` the rank of each position of `order`, the positions of
 * one cohort in rank order (highest key first, then by position); `byKey`
 * compares two positions' keys (0: a tie, which shares the rank).
 */
export function assignRanks(order: readonly number[], byKey: (a: number, b: number) => number, ties: TieRule, ranks: (number | null)[]): void {
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const position = order[i]!;
    if (i === 0 || byKey(order[i - 1]!, position) !== 0) rank = ties === 'dense' ? rank + 1 : i + 1;
    ranks[position] = rank;
  }
}

/** The coefficients of keys that are all safe integers at one scale, to compare as numbers; `undefined` otherwise. */
function integerKeys(keys: readonly (Exact | undefined)[]): Float64Array | undefined {
  const out = new Float64Array(keys.length);
  let scale: number | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === undefined) continue;
    if (key.m === undefined || (scale !== undefined && key.s !== scale)) return undefined;
    scale = key.s;
    out[i] = key.m;
  }
  return out;
}

/**
 * {@link rankEntries} for exact keys, the same ranks: keys that are all safe
 * integers at one scale (the set's decimals: every batch in practice) are
 * compared as those integers, exactly; any other keys as exact numbers.
 */
export function rankExact(keys: readonly (Exact | undefined)[], cohort: (position: number) => string, ties: TieRule): (number | null)[] {
  return rankWith(keys, keyOrder(keys), cohort, ties);
}

/**
 * The order of positions by exact key, highest first (negative: `a` ranks
 * first, 0: a tie), for keys that are all defined at the positions compared:
 * as integers when every key is a safe integer at one scale (the set's
 * decimals: every batch in practice), else as exact numbers; the same order.
 */
export function keyOrder(keys: readonly (Exact | undefined)[]): (a: number, b: number) => number {
  const integers = integerKeys(keys);
  // The difference of two safe integers may round, but never to 0 nor across 0: its sign is exact.
  return integers === undefined ? (a, b) => keys[b]!.comparedTo(keys[a]!) : (a, b) => integers[b]! - integers[a]!;
}
