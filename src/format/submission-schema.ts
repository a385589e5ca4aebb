import * as z from 'zod';
import { CRITERIA_REF_PATTERN } from './reference.js';
import { idSchema } from './common.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { coded, codedPattern } from './coded.js';
import { ID_PATTERN, idIssues, idKey } from './identity.js';

/** Most units accepted in one submission batch. */
export const MAX_UNITS = DEFAULT_LIMITS.units;

/**
 * A unit's id, or its parent unit's (spec §10): compared after trimming and
 * Unicode NFC; empty, invisible or control characters, and characters other
 * than ASCII and Vietnamese letters, digits, `-`, `_` and `.` are coded issues.
 */
export const unitIdSchema = z
  .string()
  .superRefine((value, ctx) => {
    for (const issue of idIssues(value, [])) ctx.addIssue({ code: 'custom', ...coded(issue.code, issue.params), input: value });
  })
  .meta({ description: 'Unit id: letters (Vietnamese included), digits, "-", "_", "."; compared after trimming and Unicode NFC / Mã đơn vị', pattern: ID_PATTERN });

/** Values keyed by leaf code; a code is compared after trimming and NFC, so two keys equal so are a duplicate. */
const valuesSchema = z
  .record(z.string(), z.unknown())
  .superRefine((record, ctx) => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(record)) {
      const problems = idIssues(key, [], {}, false);
      for (const issue of problems) ctx.addIssue({ code: 'custom', path: [key], ...coded(issue.code, issue.params), input: key });
      if (problems.length > 0) continue;
      const normal = idKey(key);
      const first = seen.get(normal);
      if (first === undefined) seen.set(normal, key);
      else ctx.addIssue({ code: 'custom', path: [key], ...coded('submission/duplicate-code', { key: normal, first }), input: key });
    }
  })
  .meta({ description: 'Values keyed by leaf code / Giá trị theo mã tiêu chí lá' });

/**
 * Strict schema of one unit's submission (spec section 7), for server-side
 * checks. The unit's `id` and `parent` follow the identity rules of spec §10
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
export const unitSubmissionSchema = z.strictObject({
  id: unitIdSchema,
  name: z.string().optional(),
  level: idSchema,
  group: idSchema.nullable().optional(),
  parent: unitIdSchema.nullable().optional(),
  values: valuesSchema,
  appraised: valuesSchema.optional(),
});

const headFields = {
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  criteria: codedPattern(z.string(), CRITERIA_REF_PATTERN, 'schema/format', { format: 'criteria-ref' })
    .optional()
    .meta({ description: 'The criteria set: "id" (the version in force for the period) or "id@version" / Bộ tiêu chí' }),
  period: z.string().min(1).optional(),
};

/**
 * Strict schema of a submission batch (spec section 7).
 *
 * @example
 * ```ts
 * import { submissionSchema } from 'dti-criteria';
 * console.log(submissionSchema.safeParse({ period: '2022', units: [] }).success); // true
 * ```
 */
export const submissionSchema = z.strictObject({ ...headFields, units: z.array(unitSubmissionSchema).max(MAX_UNITS) });

/** The batch with its units left unchecked, so each unit can be checked (and rejected) on its own. */
export const submissionHeadSchema = z.strictObject({ ...headFields, units: z.array(z.unknown()) });

/** One unit's self-assessment (`values`) and, optionally, the DIC's appraisal. */
export interface UnitSubmission {
  readonly id: string;
  readonly name?: string;
  readonly level: string;
  readonly group?: string | null;
  readonly parent?: string | null;
  readonly values: Readonly<Record<string, unknown>>;
  readonly appraised?: Readonly<Record<string, unknown>>;
}

/** A batch of units to score together (spec section 7). */
export interface Submission {
  readonly $schema?: string;
  readonly $comment?: string;
  readonly criteria?: string;
  readonly period?: string;
  readonly units: readonly UnitSubmission[];
}
