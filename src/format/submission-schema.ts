import * as z from 'zod';
import { CRITERIA_REF_PATTERN } from './reference.js';
import { commonSchemas } from './common.js';
import { once } from './once.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { coded, codedPattern } from './coded.js';
import { ID_PATTERN, idIssues, idKey } from './identity.js';

/** Most units accepted in one submission batch. */
export const MAX_UNITS = DEFAULT_LIMITS.units;

/**
 * The submission schemas (spec section 7), built on first use (see `once`):
 * valid input scored by `safeScoreBatch` passes a fast structural check and
 * never builds them; they report what is wrong.
 *
 * - `unitId`: a unit's id, or its parent unit's (spec §10), compared after
 *   trimming and Unicode NFC; empty, invisible or control characters, and
 *   characters other than ASCII and Vietnamese letters, digits, `-`, `_` and
 *   `.` are coded issues.
 * - `unit`: one unit's submission; two `values` (or `appraised`) keys equal
 *   after trimming and NFC are `submission/duplicate-code`.
 * - `submission`: a batch.
 * - `head`: the batch with its units left unchecked, so each unit can be
 *   checked (and rejected) on its own.
 *
 * @internal
 */
export const submissionSchemas = once(() => {
  const unitId = z
    .string()
    .superRefine((value, ctx) => {
      for (const issue of idIssues(value, [])) ctx.addIssue({ code: 'custom', ...coded(issue.code, issue.params), input: value });
    })
    .meta({ description: 'Unit id: letters (Vietnamese included), digits, "-", "_", "."; compared after trimming and Unicode NFC / Mã đơn vị', pattern: ID_PATTERN });

  /** Values keyed by leaf code; a code is compared after trimming and NFC, so two keys equal so are a duplicate. */
  const values = z
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

  const id = commonSchemas().id;
  const unit = z.strictObject({
    id: unitId,
    name: z.string().optional(),
    level: id,
    group: id.nullable().optional(),
    parent: unitId.nullable().optional(),
    values,
    appraised: values.optional(),
  });

  const headFields = {
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    criteria: codedPattern(z.string(), CRITERIA_REF_PATTERN, 'schema/format', { format: 'criteria-ref' })
      .optional()
      .meta({ description: 'The criteria set: "id" (the version in force for the period) or "id@version" / Bộ tiêu chí' }),
    period: z.string().min(1).optional(),
  };
  return {
    unitId,
    unit,
    submission: z.strictObject({ ...headFields, units: z.array(unit).max(MAX_UNITS) }),
    head: z.strictObject({ ...headFields, units: z.array(z.unknown()) }),
  };
});

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
