import { EMBEDDED_CRITERIA } from '../criteria/embedded.js';
import { makeIssue, type Issue } from '../errors.js';
import type { CriteriaSet } from '../format/types.js';
import { criteriaInForce } from './in-force.js';
import { periodRange } from './period.js';

/**
 * Warnings when a submission's period does not match the chosen version: the
 * period cannot be read, or the version in force at the period's last day is
 * another one (named in the warning).
 *
 * @example
 * ```ts
 * import { getCriteria, periodWarnings } from 'dti-criteria';
 * console.log(periodWarnings(getCriteria('can-tho@2022.1.0'), '2022').length); // 0
 * console.log(periodWarnings(getCriteria('can-tho@2022.1.0'), '2024')[0]?.code); // version/out-of-period
 * ```
 */
export function periodWarnings(criteria: CriteriaSet, period: string | undefined, versions: readonly CriteriaSet[] = []): Issue[] {
  if (period === undefined) return [];
  const range = periodRange(period);
  if (!range) return [makeIssue('version/period-format', 'period', { period })];
  const known = [...Object.values(EMBEDDED_CRITERIA), ...versions, criteria];
  const inForce = criteriaInForce(criteria.id, range.end, known);
  if (inForce && inForce.version === criteria.version) return [];
  if (!inForce && criteria.effective.from <= range.end && (criteria.effective.to === null || range.end <= criteria.effective.to)) return [];
  return [
    makeIssue('version/out-of-period', 'period', {
      period,
      end: range.end,
      used: `${criteria.id}@${criteria.version}`,
      range: `${criteria.effective.from} → ${criteria.effective.to ?? '…'}`,
      inForce: inForce ? `${inForce.id}@${inForce.version}` : 'không có / none',
    }),
  ];
}
