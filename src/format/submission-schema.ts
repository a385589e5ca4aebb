import * as z from 'zod';
import { CRITERIA_REF_PATTERN } from './reference.js';
import { commonSchemas } from './common.js';
import { once } from './once.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { coded, codedPattern } from './coded.js';
import { ID_PATTERN, idIssues, idKey } from './identity.js';
import { EVIDENCE_KINDS, type EvidenceEntry, type EvidenceKind } from './evidence-entry.js';

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
 * - `unit`: one unit's submission; two `values` (or `appraised`,
 *   `appraisal`, `evidence`) keys equal after trimming and NFC are
 *   `submission/duplicate-code`.
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

  /** A record keyed by leaf code; a code is compared after trimming and NFC, so two keys equal so are a duplicate. */
  const byCode = <T extends z.ZodType>(entry: T) =>
    z.record(z.string(), entry).superRefine((record, ctx) => {
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
    });
  const values = byCode(z.unknown()).meta({ description: 'Values keyed by leaf code / Giá trị theo mã tiêu chí lá' });

  // Evidence and appraisal (spec §12): the shape here; dates, addresses, hashes, reasons and values are
  // the scorer's to check (the patterns below are for JSON Schema only), as a unit's values are.
  const evidenceEntry = z.strictObject({
    kind: z.enum(EVIDENCE_KINDS as [EvidenceKind, ...EvidenceKind[]]),
    number: z.string().optional().meta({ description: 'Số hiệu văn bản / Document number: 123/QĐ-UBND' }),
    date: z.string().optional().meta({ description: 'Ngày / Date YYYY-MM-DD', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    issuer: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional().meta({ description: 'Địa chỉ http(s) / An http(s) address', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$' }),
    sha256: z.string().optional().meta({ pattern: '^[0-9a-fA-F]{64}$' }),
  });
  const evidence = byCode(z.array(evidenceEntry)).meta({ description: 'Minh chứng theo mã tiêu chí lá / Evidence keyed by leaf code' });
  const appraisalEntry = z.strictObject({
    value: z.unknown().refine((value) => value !== undefined, coded('schema/required')).meta({ description: 'Giá trị thẩm định, như "appraised" / The appraised value, as in "appraised"' }),
    reason: z.string().meta({ description: 'Mã lý do thẩm định / Reason code' }),
    note: z.string().optional(),
    by: z.string().optional().meta({ description: 'Người thẩm định (dữ liệu cá nhân) / Appraiser (personal data)' }),
    at: z.string().optional().meta({ description: 'Ngày thẩm định / Date YYYY-MM-DD', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  });
  const appraisal = byCode(appraisalEntry).meta({ description: 'Thẩm định kèm lý do theo mã tiêu chí lá / Appraisal with reasons keyed by leaf code' });

  const id = commonSchemas().id;
  const unit = z.strictObject({
    id: unitId,
    name: z.string().optional(),
    level: id,
    group: id.nullable().optional(),
    parent: unitId.nullable().optional(),
    values,
    appraised: values.optional(),
    appraisal: appraisal.optional(),
    evidence: evidence.optional(),
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
    values,
    evidenceEntry,
    evidence,
    appraisal,
    submission: z.strictObject({ ...headFields, units: z.array(unit).max(MAX_UNITS) }),
    head: z.strictObject({ ...headFields, units: z.array(z.unknown()) }),
  };
});

/** The DIC's appraisal of one leaf with its reason (spec §12): the richer form of an `appraised` value. */
export interface AppraisalEntry {
  /** Read as an appraised value is (the leaf's rule, `"n/a"` where allowed). */
  readonly value: unknown;
  /** A reason id of the set's `appraisalReasons`, else of the default list. */
  readonly reason: string;
  /** Why, in words; required for a reason that says so (`other`). */
  readonly note?: string;
  /** Who appraised: personal data, left out of results unless asked (`withAppraisers`). */
  readonly by?: string;
  /** When, `YYYY-MM-DD`. */
  readonly at?: string;
}

/** One unit's self-assessment (`values`) and, optionally, the DIC's appraisal and the unit's evidence. */
export interface UnitSubmission {
  readonly id: string;
  readonly name?: string;
  readonly level: string;
  readonly group?: string | null;
  readonly parent?: string | null;
  readonly values: Readonly<Record<string, unknown>>;
  readonly appraised?: Readonly<Record<string, unknown>>;
  /** Appraised values with their reasons, per leaf (spec §12); a leaf is in `appraised` or here, not both. */
  readonly appraisal?: Readonly<Record<string, AppraisalEntry>>;
  /** Evidence per leaf (spec §12). */
  readonly evidence?: Readonly<Record<string, readonly EvidenceEntry[]>>;
}

/** A batch of units to score together (spec section 7). */
export interface Submission {
  readonly $schema?: string;
  readonly $comment?: string;
  readonly criteria?: string;
  readonly period?: string;
  readonly units: readonly UnitSubmission[];
}
