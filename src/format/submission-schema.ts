import { z } from 'zod';
import { CRITERIA_REF_PATTERN } from '../criteria/reference.js';
import { idSchema } from './common.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { codedPattern } from './coded.js';

/** Most units accepted in one submission batch. */
export const MAX_UNITS = DEFAULT_LIMITS.units;

const valuesSchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Values keyed by leaf code / Giá trị theo mã tiêu chí lá' });

/**
 * Strict schema of one unit's submission (spec section 7), for server-side checks.
 *
 * @example
 * ```ts
 * import { unitSubmissionSchema } from 'dti-criteria';
 * console.log(unitSubmissionSchema.safeParse({ id: 'an-binh', level: 'commune', values: {} }).success); // true
 * ```
 */
export const unitSubmissionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  level: idSchema,
  group: idSchema.nullable().optional(),
  parent: z.string().min(1).nullable().optional(),
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
