import { expect } from 'vitest';
import { formatPath, ISSUE_CODES, issueParamKinds, type Issue } from '../../src/index.js';

/** Vietnamese text then " / " then English: prose in both languages, which a parameter must never be. */
const BILINGUAL = /[À-ỹĐđ][^/]* \/ [A-Za-z]/;

/**
 * An issue a program can use: a known code; the message in both languages with no unfilled
 * parameter; segments that format to the path (when the path is a JSON path); parameters that
 * are data, of the kinds the code declares, never bilingual prose.
 */
export function expectWellFormedIssue(issue: Issue): void {
  const where = `${issue.code} @ ${issue.path}`;
  expect(ISSUE_CODES, where).toContain(issue.code);
  for (const lang of ['vi', 'en'] as const) {
    expect(typeof issue.message[lang], where).toBe('string');
    expect(issue.message[lang].length, where).toBeGreaterThan(0);
    expect(issue.message[lang], `unfilled parameter in ${where}`).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b/);
  }
  if (issue.segments.length > 0) expect(formatPath(issue.segments), where).toBe(issue.path);
  const kinds = issueParamKinds(issue.code);
  for (const [name, value] of Object.entries(issue.params)) {
    const kind = kinds[name];
    expect(kind, `undeclared parameter "${name}" in ${where}`).toBeDefined();
    if (kind?.startsWith('list')) expect(Array.isArray(value), `${name} in ${where}`).toBe(true);
    else if (kind?.startsWith('number')) expect(typeof value, `${name} in ${where}`).toBe('number');
    else expect(typeof value, `${name} in ${where}`).toBe('string');
    for (const text of Array.isArray(value) ? value : [value]) expect(String(text), `bilingual prose in parameter "${name}" of ${where}`).not.toMatch(BILINGUAL);
  }
  for (const [name, kind] of Object.entries(kinds)) if (!kind.endsWith('?')) expect(issue.params[name], `missing parameter "${name}" in ${where}`).toBeDefined();
}

/** An issue's message in both languages, `vi / en` (empty for no issue), for tests that look for a word. */
export function messageOf(issue: Issue | undefined | false): string {
  return issue ? `${issue.message.vi} / ${issue.message.en}` : '';
}
