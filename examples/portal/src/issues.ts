// Maps the library's issues back to the form field and, for a fraction, the part they
// concern, from the issue's `segments` alone (["units", 0, "values", "CQS.1.3", "numerator"]);
// an evidence entry's issues to the entry and its input (["units", 0, "evidence", "A.1.1", 0, "url"]).
import { issueText, type FormField, type Issue } from 'dti-criteria';
import { EVIDENCE_FIELDS, type EvidenceField } from './evidence.js';

/** Which input of a field an issue points at: the whole field or one part of a fraction. */
export type Part = 'field' | 'numerator' | 'denominator';

export interface FieldIssue {
  readonly code: string;
  readonly part: Part;
  readonly issue: Issue;
}

/**
 * An issue of one evidence entry: a refusal (the library rejected the unit for it:
 * `evidence/url`, `value/date`, `evidence/sha256`) or a flag (kept in the results:
 * `evidence/incomplete`, `evidence/after-period`, `evidence/number-format`).
 */
export interface EvidenceIssue {
  readonly code: string;
  /** The entry's index in the leaf's list as the officer sees it. */
  readonly entry: number;
  /** The input it concerns; `null` for the entry as a whole. */
  readonly field: EvidenceField | null;
  readonly severity: 'refused' | 'flag';
  readonly issue: Issue;
}

export interface MappedIssues {
  /** Issues of each field, by leaf code. */
  readonly byField: ReadonlyMap<string, readonly FieldIssue[]>;
  /** Refused evidence entries' issues, by leaf code. */
  readonly byEvidence: ReadonlyMap<string, readonly EvidenceIssue[]>;
  /** Issues that concern the unit as a whole (level, group, missing values...). */
  readonly general: readonly Issue[];
}

/**
 * Splits the issues of unit `unitIndex` between fields, evidence entries and
 * the unit, by their segments: `units[i].values[code]` (or `appraised`: the
 * portal has no separate appraisal inputs), then `numerator` / `denominator`
 * for a fraction; `units[i].evidence[code][k]` for an entry (refused: the
 * library rejected the unit for it).
 */
export function mapIssues(issues: readonly Issue[], fields: readonly FormField[], unitIndex = 0): MappedIssues {
  const codes = new Set(fields.map((field) => field.code));
  const byField = new Map<string, FieldIssue[]>();
  const general: Issue[] = [];
  const { byEvidence, rest } = mapEvidenceIssues(issues, 'refused', codes, undefined, unitIndex);
  for (const issue of rest) {
    const [units, index, where, code, part] = issue.segments;
    const onField = units === 'units' && index === unitIndex && (where === 'values' || where === 'appraised') && typeof code === 'string' && codes.has(code);
    if (!onField) {
      general.push(issue);
      continue;
    }
    const list = byField.get(code) ?? [];
    list.push({ code, part: part === 'numerator' || part === 'denominator' ? part : 'field', issue });
    byField.set(code, list);
  }
  return { byField, byEvidence, general };
}

/**
 * Splits issues between evidence entries of the form's leaves (`codes`) and the
 * rest, by their segments: `units[i].evidence[code][k]`, then the entry's field.
 * `origin` turns the index of an entry as sent into its index in the form, when
 * the submission scored left some entries out (see evidence.ts).
 */
export function mapEvidenceIssues(
  issues: readonly Issue[],
  severity: EvidenceIssue['severity'],
  codes: ReadonlySet<string>,
  origin?: ReadonlyMap<string, readonly number[]>,
  unitIndex = 0,
): { byEvidence: Map<string, EvidenceIssue[]>; rest: Issue[] } {
  const byEvidence = new Map<string, EvidenceIssue[]>();
  const rest: Issue[] = [];
  for (const issue of issues) {
    const [units, index, where, code, sent, part] = issue.segments;
    const entry = typeof code === 'string' && typeof sent === 'number' ? (origin === undefined ? sent : origin.get(code)?.[sent]) : undefined;
    if (units !== 'units' || index !== unitIndex || where !== 'evidence' || typeof code !== 'string' || !codes.has(code) || entry === undefined) {
      rest.push(issue);
      continue;
    }
    const field = EVIDENCE_FIELDS.find((name) => name === part) ?? null;
    const list = byEvidence.get(code) ?? [];
    list.push({ code, entry, field, severity, issue });
    byEvidence.set(code, list);
  }
  return { byEvidence, rest };
}

/** The issue's message in Vietnamese, without the unit (the field already says where the problem is). */
export function fieldMessage(issue: Issue): string {
  return issueText(issue, 'vi', { unit: false });
}
