import { byCodeUnits } from '../order.js';
import { compareVersions } from './versions.js';

/** What resolution by date needs to know of a version: a set, or a registry's listing of one. */
export interface VersionFacts {
  readonly id: string;
  readonly version: string;
  readonly status: 'draft' | 'published';
  readonly effective: { readonly from: string; readonly to: string | null };
}

/**
 * `true` when `date` (`YYYY-MM-DD`) lies within the set's `effective` dates
 * (both ends included).
 *
 * @example
 * ```ts
 * import { isInForce } from 'dti-criteria';
 * import { canTho2023 } from 'dti-criteria/sets';
 * console.log(canTho2023.effective); // {"from":"2023-01-01","to":null}
 * console.log(isInForce(canTho2023, '2024-12-31')); // true
 * console.log(isInForce(canTho2023, '2022-12-31')); // false
 * ```
 */
export function isInForce(set: VersionFacts, date: string): boolean {
  return set.effective.from <= date && (set.effective.to === null || date <= set.effective.to);
}

/**
 * The published version of set `id` in force on `date` ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí)): of
 * the versions whose dates include the day, the one with the latest
 * `effective.from` (then the highest version). `undefined` when none is.
 *
 * @example
 * ```ts
 * import { criteriaInForce } from 'dti-criteria';
 * import { embeddedCriteria } from 'dti-criteria/sets';
 * const versions = embeddedCriteria.list();
 * console.log(criteriaInForce('can-tho', '2024-12-31', versions)?.version); // 2023.1.0
 * console.log(criteriaInForce('can-tho', '2025-07-01', versions)?.version); // 2025.1.0
 * console.log(criteriaInForce('can-tho', '2021-12-31', versions)); // undefined
 * ```
 */
export function criteriaInForce<T extends VersionFacts>(id: string, date: string, versions: readonly T[]): T | undefined {
  return versions
    .filter((set) => set.id === id && set.status === 'published' && isInForce(set, date))
    .sort((a, b) => byCodeUnits(a.effective.from, b.effective.from) || compareVersions(a.version, b.version))
    .at(-1);
}
