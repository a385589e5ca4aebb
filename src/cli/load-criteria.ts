import { existsSync, readFileSync } from 'node:fs';
import { getCriteria } from '../criteria/resolve.js';
import { DtiError, makeIssue, type Result } from '../errors.js';
import { validateCriteriaJson } from '../format/parse-criteria.js';
import type { CriteriaSet } from '../format/types.js';

/**
 * Resolves a criteria reference the way the command line does: a path to a
 * JSON file (when it ends in `.json` or exists), else an embedded `id@version`
 * or `id` (latest published).
 */
export function loadCriteriaRef(ref: string): Result<CriteriaSet> {
  if (ref.endsWith('.json') || existsSync(ref)) {
    let text: string;
    try {
      text = readFileSync(ref, 'utf8');
    } catch (error) {
      return { ok: false, issues: [makeIssue('input/read', ref, { detail: (error as Error).message })] };
    }
    return validateCriteriaJson(text);
  }
  try {
    return { ok: true, value: getCriteria(ref) };
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
}
