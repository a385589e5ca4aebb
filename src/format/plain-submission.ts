import { CRITERIA_REF_PATTERN } from './reference.js';
import { idIssues, PLAIN_ID, SIMPLE_ID } from './identity.js';
import type { UnitSubmission } from './submission-schema.js';
import { EVIDENCE_KINDS } from './evidence-entry.js';

/**
 * The fast structural check of a submission ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)): what a valid
 * batch passes without building a schema or an issue, in one pass over its
 * keys. It accepts only what the zod schemas accept (test/plain-submission
 * checks it against them on generated input); anything unusual (an unknown
 * key, a wrong type, an id to normalise or refuse) is left to the schemas,
 * which report it.
 */

const UNIT_KEYS = new Set(['id', 'name', 'level', 'group', 'parent', 'values', 'appraised', 'appraisal', 'evidence']);
const ENTRY_KEYS = new Set(['kind', 'number', 'date', 'issuer', 'title', 'url', 'sha256']);
const KINDS = new Set<unknown>(EVIDENCE_KINDS);
const APPRAISAL_KEYS = new Set(['value', 'reason', 'note', 'by', 'at']);
const HEAD_KEYS = new Set(['$schema', '$comment', 'criteria', 'period', 'units']);

/** A plain object (not an array, not a class instance): what the schemas read as an object or a record. */
function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A unit or parent id that is valid and already in its compared form (trimmed, NFC). */
function isUnitId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return PLAIN_ID.test(value) || (value.trim() === value && value.normalize('NFC') === value && idIssues(value, []).length === 0);
}

/**
 * A `values` / `appraised` record whose keys are plain codes (nothing to trim
 * or normalise, so none can repeat). `plain`: the codes already found plain in
 * this batch (the same few dozen codes come back in every unit).
 */
function isPlainRecord(value: unknown, plain: Set<string>): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    if (plain.has(key)) continue;
    if (!Object.prototype.hasOwnProperty.call(value, key) || !PLAIN_ID.test(key)) return false;
    plain.add(key);
  }
  return true;
}

const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** A plain object whose keys are all in `keys` and whose other fields are optional strings. */
function hasOnly(value: unknown, keys: ReadonlySet<string>): value is Readonly<Record<string, unknown>> {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!keys.has(key)) return false;
  return true;
}

/** An `evidence` list as the schema reads it: entries of a known kind, every other field text (its content is the scorer's to check). */
function isPlainEvidence(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const entry of value as readonly unknown[]) {
    if (!hasOnly(entry, ENTRY_KEYS) || !KINDS.has(entry.kind)) return false;
    const { number, date, issuer, title, url, sha256 } = entry;
    if (!(optionalText(number) && optionalText(date) && optionalText(issuer) && optionalText(title) && optionalText(url) && optionalText(sha256))) return false;
  }
  return true;
}

/** An `appraisal` entry as the schema reads it: a value, a reason and optional texts. */
function isPlainAppraisal(value: unknown): boolean {
  if (!hasOnly(value, APPRAISAL_KEYS)) return false;
  return value.value !== undefined && typeof value.reason === 'string' && optionalText(value.note) && optionalText(value.by) && optionalText(value.at);
}

/** A record keyed by plain codes (see {@link isPlainRecord}) whose every entry passes `entry`. */
function isPlainRecordOf(value: unknown, plain: Set<string>, entry: (item: unknown) => boolean): boolean {
  if (!isPlainRecord(value, plain)) return false;
  for (const key in value as Readonly<Record<string, unknown>>) if (!entry((value as Readonly<Record<string, unknown>>)[key])) return false;
  return true;
}

/**
 * Whether `raw` is a unit the schema accepts as it is, with nothing to
 * normalise. `plain`: a set to remember the plain codes seen in, one per batch.
 */
export function isPlainUnit(raw: unknown, plain: Set<string> = new Set()): raw is UnitSubmission {
  if (!isPlainObject(raw)) return false;
  for (const key of Object.keys(raw)) if (!UNIT_KEYS.has(key)) return false;
  const { id, name, level, group, parent, values, appraised, appraisal, evidence } = raw;
  return (
    isUnitId(id) &&
    (name === undefined || typeof name === 'string') &&
    typeof level === 'string' && SIMPLE_ID.test(level) &&
    (group === undefined || group === null || (typeof group === 'string' && SIMPLE_ID.test(group))) &&
    (parent === undefined || parent === null || isUnitId(parent)) &&
    isPlainRecord(values, plain) &&
    (appraised === undefined || isPlainRecord(appraised, plain)) &&
    (appraisal === undefined || isPlainRecordOf(appraisal, plain, isPlainAppraisal)) &&
    (evidence === undefined || isPlainRecordOf(evidence, plain, isPlainEvidence))
  );
}

/** A batch's head fields, its units not yet looked at. */
export interface PlainHead {
  readonly criteria: string | undefined;
  readonly period: string | undefined;
  readonly units: readonly unknown[];
}

/** The head of a batch the schema accepts as it is, or `undefined` when the schema must look. */
export function plainHead(input: unknown): PlainHead | undefined {
  if (!isPlainObject(input)) return undefined;
  for (const key of Object.keys(input)) if (!HEAD_KEYS.has(key)) return undefined;
  const { $schema, $comment, criteria, period, units } = input;
  const fine =
    Array.isArray(units) &&
    ($schema === undefined || typeof $schema === 'string') &&
    ($comment === undefined || typeof $comment === 'string') &&
    (criteria === undefined || (typeof criteria === 'string' && CRITERIA_REF_PATTERN.test(criteria))) &&
    (period === undefined || (typeof period === 'string' && period.length > 0));
  return fine ? { criteria: criteria as string | undefined, period: period as string | undefined, units } : undefined;
}
