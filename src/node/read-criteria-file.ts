import { inFile, type Result } from '../errors.js';
import { safeParseCriteriaJson, type CriteriaReadOptions } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { safeReadTextFile } from './read-text-file.js';

/**
 * Reads and validates one criteria file: UTF-8 (a BOM allowed), JSON, the
 * format (within `options.limits`, default `DEFAULT_LIMITS`). Every issue
 * names the file (`file: path`); never throws.
 *
 * @example
 * ```ts
 * import { safeReadCriteriaFile } from 'dti-criteria/node';
 * const set = safeReadCriteriaFile('criteria/can-tho/2025.1.0.json');
 * console.log(set.ok && set.value.version); // 2025.1.0
 * const missing = safeReadCriteriaFile('nowhere.json');
 * console.log(missing.ok ? '' : `${missing.issues[0]?.code} ${missing.issues[0]?.path}`); // input/read nowhere.json
 * ```
 */
export function safeReadCriteriaFile(file: string, options: CriteriaReadOptions = {}): Result<CriteriaSet> {
  const text = safeReadTextFile(file);
  if (!text.ok) return text;
  const result = safeParseCriteriaJson(text.value, options);
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((issue) => inFile(issue, file)) };
}
