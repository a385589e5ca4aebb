import { makeIssue, type Issue, type Result } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { hasDuplicateKeys, scanDuplicateKeys } from './json-keys.js';

/**
 * Parses JSON text read from a person or a program (criteria, submissions,
 * manifests, results files): the one reader every JSON input goes through.
 * A UTF-8 byte-order mark is allowed. A syntax error is the coded issue
 * `json/syntax` at `file` (default `$`); a key given twice in one object is
 * `json/duplicate-key` at the key's JSON path, with the line and column of
 * both occurrences (`JSON.parse` would keep the last one silently; [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)).
 * At most `issueLimit` duplicates are listed, then `input/too-many-issues`.
 */
export function parseJsonText(text: string, file = '$', issueLimit: number = DEFAULT_LIMITS.issues): Result<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    return { ok: false, issues: [makeIssue('json/syntax', file, { detail: (error as Error).message })] };
  }
  // Counting tells quickly that there is none (the common case); the scanner finds and places them.
  if (!hasDuplicateKeys(body, value)) return { ok: true, value };
  const scan = scanDuplicateKeys(body, issueLimit);
  if (scan.count === 0) return { ok: true, value };
  const where = file === '$' ? {} : { file };
  const issues: Issue[] = scan.duplicates.map((duplicate) =>
    makeIssue('json/duplicate-key', duplicate.segments, { key: duplicate.key, line: duplicate.at.line, column: duplicate.at.column, firstLine: duplicate.first.line, firstColumn: duplicate.first.column }, where),
  );
  if (scan.count > scan.duplicates.length) issues.push(makeIssue('input/too-many-issues', '$', { count: scan.count, limit: issueLimit }, where));
  return { ok: false, issues };
}

/** A string token, or white space between tokens (JSON's four characters). Strings are matched unrolled, so any length is matched without deep backtracking. */
const STRING_OR_SPACE = /("[^"\\]*(?:\\.[^"\\]*)*")|[ \t\n\r]+/g;

/**
 * JSON text with the white space between its tokens left out (strings kept as
 * written), as `JSON.stringify` writes a value without indentation. Two texts
 * whose compact forms are equal are the same tokens in the same order: they
 * read as the same value, and one has a key twice exactly when the other does.
 * On text that is not JSON the answer means nothing (and never equals a
 * `JSON.stringify` output that the text does not spell).
 *
 * @internal
 */
export function compactJsonText(text: string): string {
  return text.replace(STRING_OR_SPACE, '$1');
}
