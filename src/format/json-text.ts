import { makeIssue, type Result } from '../errors.js';

/**
 * Parses JSON text (a UTF-8 byte-order mark is allowed); a syntax error is the
 * coded issue `json/syntax` at `path`.
 */
export function parseJsonText(text: string, path = '$'): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, issues: [makeIssue('json/syntax', path, { detail: (error as Error).message })] };
  }
}
