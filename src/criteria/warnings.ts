import { makeIssue, type Issue } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import { criteriaInForce, isInForce, type VersionFacts } from './in-force.js';
import { periodRange } from './period.js';

/**
 * Warnings a scored report carries about the set it was scored with
 * ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí)): the set is a draft (`version/draft`); the period cannot be read
 * (`version/period-format`); or the period's last day lies outside the set's
 * dates, or another version is in force then (`version/out-of-period`, naming
 * the version in force among `versions`, e.g. a registry's `list()`).
 *
 * @example
 * ```ts
 * import { criteriaWarnings } from 'dti-criteria';
 * import { canTho2022, embeddedCriteria } from 'dti-criteria/sets';
 * console.log(criteriaWarnings(canTho2022, '2022', embeddedCriteria.list()).length); // 0
 * const late = criteriaWarnings(canTho2022, '2024', embeddedCriteria.list())[0];
 * console.log(late?.code); // version/out-of-period
 * console.log(late?.params.inForce); // can-tho@2023.1.0
 * ```
 */
export function criteriaWarnings(criteria: CriteriaSet, period: string | undefined, versions: readonly VersionFacts[] = []): Issue[] {
  const warnings: Issue[] = [];
  const ref = `${criteria.id}@${criteria.version}`;
  if (criteria.status === 'draft') warnings.push(makeIssue('version/draft', 'criteria', { ref }));
  if (period === undefined) return warnings;
  const range = periodRange(period);
  if (!range) return [...warnings, makeIssue('version/period-format', 'period', { period })];
  const inForce = criteriaInForce(criteria.id, range.end, [...versions, criteria]);
  const fits = criteria.status === 'draft' || !inForce ? isInForce(criteria, range.end) : inForce.version === criteria.version;
  if (fits) return warnings;
  warnings.push(
    makeIssue('version/out-of-period', 'period', {
      period,
      end: range.end,
      used: ref,
      from: criteria.effective.from,
      ...(criteria.effective.to !== null ? { to: criteria.effective.to } : {}),
      ...(inForce ? { inForce: `${inForce.id}@${inForce.version}` } : {}),
    }),
  );
  return warnings;
}
