import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import { submissionSchemas, type Submission, type UnitSubmission } from './submission-schema.js';
import { fromZodIssues } from './zod-issues.js';
import { capIssues, DEFAULT_LIMITS, limitsOf, type InputLimits } from '../limits.js';
import { parseJsonText } from './json-text.js';
import { idKey } from './identity.js';
import { isPlainUnit, plainHead } from './plain-submission.js';

/** Options of {@link safeParseSubmission}. */
export interface SubmissionReadOptions {
  /** Size limits (units, issues listed); default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<InputLimits>;
}

/**
 * Checks the shape of a submission batch ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)) without a criteria
 * set: unknown keys, wrong types, missing ids, ids that break the identity
 * rules of [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản) (`id/empty`, `id/invisible`, `id/character`, codes given
 * twice once trimmed, `submission/duplicate-code`). The value is the batch
 * with its unit ids, parent ids and codes normalised (trimmed, NFC); the
 * input is never changed. Never throws.
 *
 * @example
 * ```ts
 * import { safeParseSubmission } from 'dti-criteria';
 * const result = safeParseSubmission({ units: [{ id: 'x', level: 'commune' }] });
 * if (!result.ok) console.log(result.issues[0]?.path); // "units[0].values"
 * const spaced = safeParseSubmission({ units: [{ id: ' ninh-kie\u0302\u0300u ', level: 'district', values: { ' CQS.1.1': true } }] });
 * if (spaced.ok) console.log(spaced.value.units[0]); // {"id":"ninh-kiều","level":"district","values":{"CQS.1.1":true}}
 * ```
 */
export function safeParseSubmission(input: unknown, options: SubmissionReadOptions = {}): Result<Submission> {
  const limits = limitsOf(options.limits);
  const checked = checkSubmissionShape(input, limits);
  if (!checked.ok) return { ok: false, issues: capIssues(checked.issues, limits.issues) };
  const issues = checked.value.units.flatMap((unit) => unit.issues);
  if (issues.length > 0) return { ok: false, issues: capIssues(issues, limits.issues) };
  const batch = input as Submission;
  const units = checked.value.units.map((entry) => entry.unit!);
  return { ok: true, value: units.every((unit, i) => unit === batch.units[i]) ? batch : { ...batch, units } };
}

/** A batch whose head is valid, each unit checked on its own. */
export interface CheckedSubmission {
  readonly criteria: string | undefined;
  readonly period: string | undefined;
  readonly units: readonly { readonly unit: UnitSubmission | undefined; readonly id: string; readonly issues: readonly Issue[] }[];
}

/** The keys of `record` trimmed and in NFC (the same object when none changes; the schema has refused keys equal so). */
function normalizedKeys<T>(record: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  const keys = Object.keys(record);
  if (keys.every((key) => idKey(key) === key)) return record;
  return Object.fromEntries(keys.map((key) => [idKey(key), record[key]!]));
}

/** A valid unit with its ids and codes as compared ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)): the same object when nothing changes. */
function normalizedUnit(unit: UnitSubmission): UnitSubmission {
  const id = idKey(unit.id);
  const parent = typeof unit.parent === 'string' ? idKey(unit.parent) : unit.parent;
  const values = normalizedKeys(unit.values);
  const appraised = unit.appraised === undefined ? undefined : normalizedKeys(unit.appraised);
  const appraisal = unit.appraisal === undefined ? undefined : normalizedKeys(unit.appraisal);
  const evidence = unit.evidence === undefined ? undefined : normalizedKeys(unit.evidence);
  if (id === unit.id && parent === unit.parent && values === unit.values && appraised === unit.appraised && appraisal === unit.appraisal && evidence === unit.evidence) return unit;
  return {
    ...unit,
    id,
    ...(parent !== undefined ? { parent } : {}),
    values,
    ...(appraised !== undefined ? { appraised } : {}),
    ...(appraisal !== undefined ? { appraisal } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
  };
}

/** Checks the batch's head, then each unit separately (so one bad unit can be skipped); valid units come normalised. */
export function checkSubmissionShape(input: unknown, limits: InputLimits = DEFAULT_LIMITS): Result<CheckedSubmission> {
  const units = input !== null && typeof input === 'object' ? (input as { units?: unknown }).units : undefined;
  if (Array.isArray(units) && units.length > limits.units) return { ok: false, issues: [makeIssue('input/too-large', ['units'], { limit: limits.units, what: 'units' })] };
  // A valid batch passes the fast structural check; the schemas look only at what it does not pass, and report it.
  let head = plainHead(input);
  if (head === undefined) {
    const parsed = submissionSchemas().head.safeParse(input);
    if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, input) };
    head = { criteria: parsed.data.criteria, period: parsed.data.period, units: parsed.data.units };
  }
  const plain = new Set<string>();
  const checked = head.units.map((raw, position) => {
    if (isPlainUnit(raw, plain)) return { unit: raw, id: raw.id, issues: [] };
    const parsed = submissionSchemas().unit.safeParse(raw);
    const given = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    const id = typeof given === 'string' ? idKey(given) : `#${position}`;
    if (parsed.success) return { unit: normalizedUnit(raw as UnitSubmission), id, issues: [] };
    return { unit: undefined, id, issues: fromZodIssues(parsed.error.issues, raw, ['units', position]) };
  });
  return { ok: true, value: { criteria: head.criteria, period: head.period, units: checked } };
}

/**
 * Parses submission JSON text; a syntax error is reported as `json/syntax`,
 * a key given twice in one object as `json/duplicate-key` ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)).
 *
 * @example
 * ```ts
 * import { safeParseSubmissionJson } from 'dti-criteria';
 * console.log(safeParseSubmissionJson('{"units": []}').ok); // true
 * const twice = safeParseSubmissionJson('{"units": [{"id": "a", "level": "commune", "values": {}}],\n "units": []}');
 * console.log(twice.ok ? [] : twice.issues.map((i) => `${i.code} ${i.path} ${i.params.line}:${i.params.column}`)); // ["json/duplicate-key units 2:2"]
 * ```
 */
export function safeParseSubmissionJson(text: string, options: SubmissionReadOptions = {}): Result<Submission> {
  const data = parseJsonText(text, '$', limitsOf(options.limits).issues);
  return data.ok ? safeParseSubmission(data.value, options) : data;
}

/**
 * Throwing twin of {@link safeParseSubmission}.
 *
 * @example
 * ```ts
 * import { parseSubmission } from 'dti-criteria';
 * console.log(parseSubmission({ units: [] }).units.length); // 0
 * ```
 */
export function parseSubmission(input: unknown, options: SubmissionReadOptions = {}): Submission {
  const result = safeParseSubmission(input, options);
  if (!result.ok) throw new DtiError(result.issues);
  return result.value;
}
