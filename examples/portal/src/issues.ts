// Maps the library's issues (JSON paths such as `units[0].values["CQS.1.3"].numerator`)
// back to the form field and, for a fraction, the part they concern.
import { formatPath, type FormField, type Issue } from 'dti-criteria';

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
 * Splits the issues of unit `unitIndex` between fields (matched on the exact
 * path prefix the library writes, built with its own `formatPath`) and the unit.
 * Issues under `appraised` go to the same field: the portal has no separate appraisal inputs.
 */
export function mapIssues(issues: readonly Issue[], fields: readonly FormField[], unitIndex = 0): MappedIssues {
  const prefixes = fields.flatMap((field) =>
    (['values', 'appraised'] as const).map((where) => ({ code: field.code, prefix: formatPath(['units', unitIndex, where, field.code]) })),
  );
  const byField = new Map<string, FieldIssue[]>();
  const general: Issue[] = [];
  for (const issue of issues) {
    const hit = prefixes.find(({ prefix }) => issue.path === prefix || issue.path.startsWith(`${prefix}.`) || issue.path.startsWith(`${prefix}[`));
    if (!hit) {
      general.push(issue);
      continue;
    }
    const rest = issue.path.slice(hit.prefix.length);
    const part: Part = rest.startsWith('.numerator') ? 'numerator' : rest.startsWith('.denominator') ? 'denominator' : 'field';
    const list = byField.get(hit.code) ?? [];
    list.push({ code: hit.code, part, issue });
    byField.set(hit.code, list);
  }
  return { byField, general };
}

/**
 * The issue's message without the `đơn vị "…": ` / `unit "…": ` prefix the
 * library adds (the field already says where the problem is). Both languages kept.
 */
export function fieldMessage(issue: Issue, unitId: string): string {
  const id = JSON.stringify(unitId);
  return issue.message.split(`đơn vị ${id}: `).join('').split(`unit ${id}: `).join('');
}
