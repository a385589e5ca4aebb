import { inFile, type Result } from '../errors.js';
import { safeParseCriteria, type CriteriaReadOptions } from '../compile/parse-criteria.js';
import { parseJsonText } from '../format/json-text.js';
import { DEFAULT_LIMITS, limitsOf } from '../limits.js';
import { embeddedTwinOf } from '../sets/registry.js';
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
  const limits = limitsOf(options.limits);
  // A copy of a set the package ships (a `criteria/` folder beside the embedded sets) is that set,
  // already checked, compiled once and hashed at build time. Under lower size limits the file is
  // checked against them, like any other.
  const defaultSize = limits.nodes >= DEFAULT_LIMITS.nodes && limits.depth >= DEFAULT_LIMITS.depth;
  const body = text.value.charCodeAt(0) === 0xfeff ? text.value.slice(1) : text.value;
  const twin = defaultSize ? embeddedTwinOf(body) : undefined;
  if (twin !== undefined) return { ok: true, value: twin };
  const data = parseJsonText(text.value, '$', limits.issues);
  const result = data.ok ? safeParseCriteria(data.value, options) : data;
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((issue) => inFile(issue, file)) };
}
