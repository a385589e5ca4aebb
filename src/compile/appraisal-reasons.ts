import type { AppraisalReason, CriteriaSet } from './types.js';

/**
 * The reasons an appraisal may give when the set declares none ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)):
 * `evidence-missing`, `evidence-insufficient` (the evidence does not support
 * the value), `value-recomputed`, `not-applicable` and `other`, which needs a
 * `note`.
 *
 * @example
 * ```ts
 * import { DEFAULT_APPRAISAL_REASONS } from 'dti-criteria';
 * console.log(DEFAULT_APPRAISAL_REASONS.map((reason) => reason.id)); // ["evidence-missing","evidence-insufficient","value-recomputed","not-applicable","other"]
 * console.log(DEFAULT_APPRAISAL_REASONS[4]?.noteRequired); // true
 * ```
 */
export const DEFAULT_APPRAISAL_REASONS: readonly AppraisalReason[] = Object.freeze([
  Object.freeze({ id: 'evidence-missing', label: Object.freeze({ vi: 'Không có minh chứng', en: 'No evidence' }) }),
  Object.freeze({ id: 'evidence-insufficient', label: Object.freeze({ vi: 'Minh chứng không chứng minh được số liệu', en: 'The evidence does not support the value' }) }),
  Object.freeze({ id: 'value-recomputed', label: Object.freeze({ vi: 'Tính lại số liệu', en: 'Value recomputed' }) }),
  Object.freeze({ id: 'not-applicable', label: Object.freeze({ vi: 'Không áp dụng cho đơn vị', en: 'Not applicable to the unit' }) }),
  Object.freeze({ id: 'other', label: Object.freeze({ vi: 'Lý do khác (ghi rõ)', en: 'Other (explained in the note)' }), noteRequired: true }),
]);

/**
 * The reasons an appraisal under `criteria` may give: the set's own
 * `appraisalReasons`, else {@link DEFAULT_APPRAISAL_REASONS}.
 *
 * @example
 * ```ts
 * import { appraisalReasonsOf } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * console.log(appraisalReasonsOf(getCriteria('can-tho@2022.1.0')).length); // 5
 * ```
 */
export function appraisalReasonsOf(criteria: Pick<CriteriaSet, 'appraisalReasons'>): readonly AppraisalReason[] {
  return criteria.appraisalReasons ?? DEFAULT_APPRAISAL_REASONS;
}
