/**
 * The library's zod schemas as values, for programs that check data with
 * them. The scorer does not import this module: it builds its schemas on
 * first use, so that loading it (or `dti score` on valid input) builds none.
 */
import type * as z from 'zod';
import { submissionSchemas } from '../format/submission-schema.js';
import { schemasOf } from './criteria-schema.js';

/**
 * Strict schema of a rule object, one branch per rule kind, chosen by `kind`.
 *
 * @example
 * ```ts
 * import { ruleSchema } from 'dti-criteria';
 * console.log(ruleSchema.safeParse({ kind: 'ratio', target: '0.8' }).success); // true
 * console.log(ruleSchema.safeParse({ kind: 'ratio', taget: '0.8' }).success); // false
 * ```
 */
export const ruleSchema = /* @__PURE__ */ schemasOf().rule;

/**
 * Strict schema of a criteria tree node (leaf or aggregate; which one is checked after parsing).
 *
 * @example
 * ```ts
 * import { nodeSchema } from 'dti-criteria';
 * console.log(nodeSchema.safeParse({ code: 'CQS.2.1', name: { vi: 'Kế hoạch' }, rule: { kind: 'boolean' }, points: '20' }).success); // true
 * ```
 */
export const nodeSchema: z.ZodType = /* @__PURE__ */ schemasOf().node;

/**
 * Strict schema of a criteria set file ([format reference §1 to §4](../../docs/reference/criteria-format.md#1-tệp-bộ-tiêu-chí)): the shape only;
 * `safeParseCriteria` adds the cross-field checks.
 *
 * @example
 * ```ts
 * import { criteriaSetSchema } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * console.log(criteriaSetSchema.safeParse(getCriteria('can-tho@2022.1.0')).success); // true
 * ```
 */
export const criteriaSetSchema = /* @__PURE__ */ schemasOf().set;

/**
 * Strict schema of one unit's submission ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)), for server-side
 * checks. The unit's `id` and `parent` follow the identity rules of [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)
 * (see `safeNormalizeId`), and two `values` (or `appraised`) keys equal after
 * trimming and NFC are `submission/duplicate-code`; the readers
 * (`safeParseSubmission`, `safeScoreBatch`) then use the normalised ids and
 * codes.
 *
 * @example
 * ```ts
 * import { unitSubmissionSchema } from 'dti-criteria';
 * console.log(unitSubmissionSchema.safeParse({ id: 'an-binh', level: 'commune', values: {} }).success); // true
 * console.log(unitSubmissionSchema.safeParse({ id: 'an-binh\u200b', level: 'commune', values: {} }).success); // false
 * ```
 */
export const unitSubmissionSchema = /* @__PURE__ */ submissionSchemas().unit;

/**
 * Strict schema of a submission batch ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)).
 *
 * @example
 * ```ts
 * import { submissionSchema } from 'dti-criteria';
 * console.log(submissionSchema.safeParse({ period: '2022', units: [] }).success); // true
 * ```
 */
export const submissionSchema = /* @__PURE__ */ submissionSchemas().submission;
