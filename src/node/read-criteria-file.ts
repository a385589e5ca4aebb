import { isDeepStrictEqual } from 'node:util';
import { inFile, type Result } from '../errors.js';
import { safeParseCriteria, type CriteriaReadOptions } from '../compile/parse-criteria.js';
import { parseJsonText } from '../format/json-text.js';
import { DEFAULT_LIMITS, limitsOf } from '../limits.js';
import { EMBEDDED_SETS } from '../sets/index.js';
import type { CriteriaSet } from '../compile/types.js';
import { safeReadTextFile } from './read-text-file.js';

/**
 * The embedded set a file holds word for word (a copy of a set the package
 * ships, as in a `criteria/` folder beside the embedded ones): that set,
 * already checked, compiled once and hashed at build time. Equal JSON has
 * equal canonical JSON, so the stamp is the same.
 */
function embeddedTwin(value: unknown): CriteriaSet | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, version } = value as { id?: unknown; version?: unknown };
  const set = EMBEDDED_SETS.find((s) => s.id === id && s.version === version);
  return set !== undefined && isDeepStrictEqual(value, set) ? set : undefined;
}

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
  const data = parseJsonText(text.value, '$', limits.issues);
  // Under lower size limits the file is checked against them, like any other.
  const defaultSize = limits.nodes >= DEFAULT_LIMITS.nodes && limits.depth >= DEFAULT_LIMITS.depth;
  const twin = data.ok && defaultSize ? embeddedTwin(data.value) : undefined;
  if (twin !== undefined) return { ok: true, value: twin };
  const result = data.ok ? safeParseCriteria(data.value, options) : data;
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((issue) => inFile(issue, file)) };
}
