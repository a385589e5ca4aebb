import { EMBEDDED_CRITERIA } from '../criteria/embedded.js';
import { compareVersions } from '../criteria/resolve.js';
import type { CriteriaSet } from '../format/types.js';
import { byCodeUnits } from '../order.js';

/** `true` when `date` (`YYYY-MM-DD`) lies within the set's `effective` dates. */
export function isInForce(set: CriteriaSet, date: string): boolean {
  return set.effective.from <= date && (set.effective.to === null || date <= set.effective.to);
}

/**
 * The published version of set `id` in force on `date`: the one with the latest
 * `effective.from` on or before the date (and not ended by `effective.to`).
 * Looks among `sets` (default: the embedded sets).
 *
 * @example
 * ```ts
 * import { criteriaInForce } from 'dti-criteria';
 * console.log(criteriaInForce('can-tho', '2024-12-31')?.version); // 2023.1.0
 * console.log(criteriaInForce('can-tho', '2025-07-01')?.version); // 2025.1.0
 * console.log(criteriaInForce('can-tho', '2021-12-31')); // undefined
 * ```
 */
export function criteriaInForce(id: string, date: string, sets: readonly CriteriaSet[] = Object.values(EMBEDDED_CRITERIA)): CriteriaSet | undefined {
  return sets
    .filter((set) => set.id === id && set.status === 'published' && isInForce(set, date))
    .sort((a, b) => byCodeUnits(a.effective.from, b.effective.from) || compareVersions(a.version, b.version))
    .at(-1);
}
