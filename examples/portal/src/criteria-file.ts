// A criteria set the officer opens from a file (a set the DIC drafted, one
// that requires evidence...): read by the library (safeParseCriteriaJson: the
// JSON, the schema, the tree and every rule), kept in memory only, offered in
// the set picker next to the embedded ones. Its issues, if any, as the library
// words them, each with its code and path.
//
//   criteria-file            the file input
//   criteria-file-issues     the issues of a file that is not a criteria set
import { issueText, safeParseCriteriaJson, type CriteriaSet, type Issue } from 'dti-criteria';
import { h } from './dom.js';

/** A set read from a file, and the value it has in the set picker. */
export interface FileSet {
  readonly value: string;
  readonly criteria: CriteriaSet;
  readonly fileName: string;
}

/** Picker values of file sets start so: an embedded set of the same id@version stays apart. */
export const FILE_PREFIX = 'file:';

/** Reads a picked file: the set, or the library's issues. */
export async function readCriteriaFile(file: File): Promise<{ readonly ok: true; readonly set: FileSet } | { readonly ok: false; readonly issues: readonly Issue[] }> {
  const read = safeParseCriteriaJson(await file.text());
  if (!read.ok) return { ok: false, issues: read.issues };
  const criteria = read.value;
  return { ok: true, set: { value: `${FILE_PREFIX}${criteria.id}@${criteria.version}`, criteria, fileName: file.name } };
}

/** The issues of a file that is not a criteria set, in Vietnamese with their codes and paths. */
export function criteriaFileIssues(fileName: string, issues: readonly Issue[]): HTMLElement {
  return h(
    'div',
    { class: 'status status-failed', role: 'alert' },
    h('p', {}, h('strong', {}, `Tệp "${fileName}" không phải bộ chỉ số hợp lệ.`), ' ', h('span', { class: 'sub', lang: 'en' }, 'Not a valid criteria set.')),
    h('ul', { class: 'issues' }, ...issues.map((issue) => h('li', { 'data-code': issue.code }, issueText(issue, 'vi'), ' ', h('code', {}, `[${issue.code}]`), issue.path ? h('span', { class: 'path' }, ` ${issue.path}`) : null))),
  );
}
