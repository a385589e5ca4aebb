import { existsSync, readFileSync } from 'node:fs';
import { getCriteria } from '../criteria/resolve.js';
import { DtiError, makeIssue, type Result } from '../errors.js';
import { validateCriteriaJson } from '../format/parse-criteria.js';
import type { CriteriaSet } from '../format/types.js';

/**
 * Resolves a criteria reference the way the command line does: a path to a
 * JSON file (when it ends in `.json` or exists), else an embedded `id@version`
 * or `id` (latest published). Node only (it reads files). Never throws for a
 * bad reference or file: returns the issues.
 *
 * @example
 * ```ts
 * import { loadCriteria } from 'dti-criteria/node';
 * const fromFile = loadCriteria('criteria/can-tho/2022.1.0.json');
 * const embedded = loadCriteria('can-tho');
 * console.log(fromFile.ok && embedded.ok); // true
 * console.log(loadCriteria('missing.json').ok); // false
 * ```
 */
export function loadCriteria(ref: string): Result<CriteriaSet> {
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
