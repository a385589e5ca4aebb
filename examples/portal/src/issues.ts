// Maps the library's issues back to the form field and, for a fraction, the part they
// concern, from the issue's `segments` alone (["units", 0, "values", "CQS.1.3", "numerator"]).
import { issueText, type FormField, type Issue } from 'dti-criteria';

/** Which input of a field an issue points at: the whole field or one part of a fraction. */
export type Part = 'field' | 'numerator' | 'denominator';

export interface FieldIssue {
  readonly code: string;
  readonly part: Part;
  readonly issue: Issue;
}

export interface MappedIssues {
  /** Issues of each field, by leaf code. */
  readonly byField: ReadonlyMap<string, readonly FieldIssue[]>;
  /** Issues that concern the unit as a whole (level, group, missing values...). */
  readonly general: readonly Issue[];
}

/**
 * Splits the issues of unit `unitIndex` between fields and the unit, by their
 * segments: `units[i].values[code]` (or `appraised`: the portal has no
 * separate appraisal inputs), then `numerator` / `denominator` for a fraction.
 */
export function mapIssues(issues: readonly Issue[], fields: readonly FormField[], unitIndex = 0): MappedIssues {
  const codes = new Set(fields.map((field) => field.code));
  const byField = new Map<string, FieldIssue[]>();
  const general: Issue[] = [];
  for (const issue of issues) {
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
  return { byField, general };
}

/** The issue's message in Vietnamese, without the unit (the field already says where the problem is). */
export function fieldMessage(issue: Issue): string {
  return issueText(issue, 'vi', { unit: false });
}
