// Issues as the page shows them: always the library's structured issue (code, path,
// params), its message derived from the code in Vietnamese (issueText), the code in
// brackets, and the path where it helps. The page never words a problem itself.
import { issueText, type Issue } from 'dti-criteria';
import { h } from './dom.js';

/** Options of {@link issueItem}. */
export interface IssueItemOptions {
  /** Show the issue's path after the message (not for an issue shown at its own field). */
  readonly path?: boolean;
  /** Leave the unit out of the message (the page is about one unit). */
  readonly unit?: boolean;
}

/** One issue as a list item: `data-code`, `data-path`, the Vietnamese message, `[code]`, and the path. */
export function issueItem(issue: Issue, options: IssueItemOptions = {}): HTMLLIElement {
  return h(
    'li',
    { 'data-code': issue.code, 'data-path': issue.path },
    issueText(issue, 'vi', { unit: options.unit ?? false }),
    ' ',
    h('code', {}, `[${issue.code}]`),
    options.path !== false && issue.path !== '' && issue.path !== '$' ? h('span', { class: 'path' }, ` ${issue.path}`) : null,
  );
}

/** A list of issues (`class="issues"`). */
export function issueList(issues: readonly Issue[], attrs: Readonly<Record<string, string>> = {}, options: IssueItemOptions = {}): HTMLUListElement {
  return h('ul', { class: 'issues', ...attrs }, ...issues.map((issue) => issueItem(issue, options)));
}
