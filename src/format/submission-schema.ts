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
 * The submission schemas ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)), built on first use (see `once`):
 * valid input scored by `safeScoreBatch` passes a fast structural check and
 * never builds them; they report what is wrong.
 *
 * - `unitId`: a unit's id, or its parent unit's ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)), compared after
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
    .meta({ description: 'Mã đơn vị: chữ cái (cả chữ tiếng Việt), chữ số, "-", "_", "."; so sánh sau khi cắt khoảng trắng và chuẩn hóa NFC / Unit id: letters (Vietnamese included), digits, "-", "_", "."; compared after trimming and Unicode NFC', pattern: ID_PATTERN });

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
  const values = byCode(z.unknown()).meta({ description: 'Giá trị theo mã tiêu chí lá / Values keyed by leaf code' });

  // Evidence and appraisal (format reference §12): the shape here; dates, addresses, hashes, reasons and values are
  // the scorer's to check (the patterns below are for JSON Schema only), as a unit's values are.
  const evidenceEntry = z.strictObject({
    kind: z.enum(EVIDENCE_KINDS as [EvidenceKind, ...EvidenceKind[]]).meta({ description: 'Loại minh chứng: document (văn bản), link (trang web) hoặc file (tệp) / The kind: document, link (a web page) or file' }),
    number: z.string().optional().meta({ description: 'Số hiệu văn bản (123/QĐ-UBND) / The document\'s number (123/QĐ-UBND)' }),
    date: z.string().optional().meta({ description: 'Ngày YYYY-MM-DD; sau ngày cuối kỳ thì không được tính / The date, YYYY-MM-DD; after the period\'s end it does not count', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    issuer: z.string().optional().meta({ description: 'Cơ quan ban hành / Who issued it' }),
    title: z.string().optional().meta({ description: 'Trích yếu hoặc tên / Its title' }),
    url: z.string().optional().meta({ description: 'Địa chỉ http:// hoặc https:// / An http:// or https:// address', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$' }),
    sha256: z.string().optional().meta({ description: 'Mã băm SHA-256 của tệp: 64 chữ số thập lục phân / The file\'s SHA-256: 64 hexadecimal digits', pattern: '^[0-9a-fA-F]{64}$' }),
  });
  const evidence = byCode(z.array(evidenceEntry)).meta({ description: 'Minh chứng theo mã tiêu chí lá: mỗi tiêu chí một danh sách / Evidence keyed by leaf code: a list per leaf' });
  const appraisalEntry = z.strictObject({
    value: z.unknown().refine((value) => value !== undefined, coded('schema/required')).meta({ description: 'Giá trị thẩm định, đọc như một giá trị của appraised / The appraised value, read as a value of appraised is' }),
    reason: z.string().meta({ description: 'Mã lý do thẩm định (appraisalReasons của bộ, hoặc danh sách mặc định) / The reason\'s id (the set\'s appraisalReasons, or the default list)' }),
    note: z.string().optional().meta({ description: 'Ghi chú; bắt buộc với lý do có noteRequired / A note; required by a reason with noteRequired' }),
    by: z.string().optional().meta({ description: 'Người thẩm định: dữ liệu cá nhân, kết quả không ghi trừ khi yêu cầu / Who appraised: personal data, left out of results unless asked' }),
    at: z.string().optional().meta({ description: 'Ngày thẩm định, YYYY-MM-DD / The date of the appraisal, YYYY-MM-DD', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  });
  const appraisal = byCode(appraisalEntry).meta({ description: 'Thẩm định kèm lý do, theo mã tiêu chí lá; một tiêu chí không được có cả ở đây và trong appraised / Appraisals with their reasons, keyed by leaf code; a leaf is here or in appraised, not both' });

  const id = commonSchemas().id;
  const unit = z.strictObject({
    id: unitId.meta({ description: 'Mã đơn vị, không trùng trong lô (ninh-kieu) / The unit\'s id, unique in the batch (ninh-kieu)' }),
    name: z.string().optional().meta({ description: 'Tên đơn vị (Quận Ninh Kiều) / The unit\'s name' }),
    level: id.meta({ description: 'Mã cấp của đơn vị, một cấp của bộ tiêu chí / The unit\'s level, one of the set\'s' }),
    group: id.nullable().optional().meta({ description: 'Mã nhóm: bắt buộc khi cấp có nhóm, không được ghi khi cấp không có / The unit\'s group: required where the level has groups, refused where it has none' }),
    parent: unitId.nullable().optional().meta({ description: 'Mã đơn vị cấp trên (quận, huyện của xã), để xếp hạng trong đơn vị cấp trên / The id of the unit above (a commune\'s district), for the rank within it' }),
    values: values.meta({ description: 'Giá trị tự đánh giá theo mã tiêu chí lá / The self-assessed values, keyed by leaf code' }),
    appraised: values.optional().meta({ description: 'Giá trị thẩm định theo mã tiêu chí lá, thay cho giá trị tự đánh giá / The appraised values, keyed by leaf code, overriding the self-assessed ones' }),
    appraisal: appraisal.optional(),
    evidence: evidence.optional(),
  });

  const headFields = {
    $schema: z.string().optional().meta({ description: 'Địa chỉ JSON Schema cho trình soạn thảo / The JSON Schema address for editors' }),
    $comment: z.string().optional().meta({ description: 'Ghi chú tự do, không được đọc / A free comment, never read' }),
    criteria: codedPattern(z.string(), CRITERIA_REF_PATTERN, 'schema/format', { format: 'criteria-ref' })
      .optional()
      .meta({ description: 'Bộ tiêu chí: "id" (phiên bản có hiệu lực trong kỳ) hoặc "id@version" / The criteria set: "id" (the version in force for the period) or "id@version"' }),
    period: z.string().min(1).optional().meta({ description: 'Kỳ đánh giá (2022) / The assessment period (2022)' }),
  };
  return {
    unitId,
    unit,
    values,
    evidenceEntry,
    evidence,
    appraisal,
    submission: z.strictObject({ ...headFields, units: z.array(unit).max(MAX_UNITS).meta({ description: 'Các đơn vị được chấm cùng nhau / The units scored together' }) }),
    head: z.strictObject({ ...headFields, units: z.array(z.unknown()) }),
  };
});

/** The DIC's appraisal of one leaf with its reason ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): the richer form of an `appraised` value. */
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
  /** Appraised values with their reasons, per leaf ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)); a leaf is in `appraised` or here, not both. */
  readonly appraisal?: Readonly<Record<string, AppraisalEntry>>;
  /** Evidence per leaf ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
  readonly evidence?: Readonly<Record<string, readonly EvidenceEntry[]>>;
}

/** A batch of units to score together ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)). */
export interface Submission {
  readonly $schema?: string;
  readonly $comment?: string;
  readonly criteria?: string;
  readonly period?: string;
  readonly units: readonly UnitSubmission[];
}
