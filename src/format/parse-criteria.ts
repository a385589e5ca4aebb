import { DtiError, makeIssue, type Result } from '../errors.js';
import type { CompiledCriteria } from './compiled.js';
import type { CriteriaSet } from './types.js';
import { checkAndCompile } from './validate-criteria.js';
import { parseJsonText } from './json-text.js';

const cache = new WeakMap<object, CompiledCriteria>();

/**
 * Checks a criteria set (already parsed from JSON) against the format and every
 * cross-field rule of the spec. Never throws; reports every problem at once.
 *
 * @example
 * ```ts
 * import { validateCriteria } from 'dti-criteria';
 * const result = validateCriteria({ format: 1 });
 * if (!result.ok) for (const i of result.issues) console.log(`${i.path}: ${i.message} [${i.code}]`);
 * ```
 */
export function validateCriteria(input: unknown): Result<CriteriaSet> {
  const { issues, compiled } = checkAndCompile(input);
  if (!compiled) return { ok: false, issues };
  cache.set(compiled.set, compiled);
  return { ok: true, value: compiled.set };
}

/**
 * Like {@link validateCriteria} but for JSON text: a syntax error is reported as
 * `json/syntax`.
 *
 * @example
 * ```ts
 * import { validateCriteriaJson } from 'dti-criteria';
 * console.log(validateCriteriaJson('{ "format": 1,').ok); // false
 * ```
 */
export function validateCriteriaJson(text: string): Result<CriteriaSet> {
  const data = parseJsonText(text);
  return data.ok ? validateCriteria(data.value) : data;
}

/**
 * Returns the criteria set when it is valid; throws a {@link DtiError} listing
 * every problem otherwise.
 *
 * @example
 * ```ts
 * import { parseCriteria, getCriteria } from 'dti-criteria';
 * const set = parseCriteria(JSON.parse(JSON.stringify(getCriteria('can-tho@2022.1.0'))));
 * console.log(set.version); // "2022.1.0"
 * ```
 */
export function parseCriteria(input: unknown): CriteriaSet {
  const result = validateCriteria(input);
  if (!result.ok) throw new DtiError(result.issues);
  return result.value;
}

/** The compiled form of a valid set, cached per object. Throws {@link DtiError} when invalid. */
export function compileCriteria(set: CriteriaSet): CompiledCriteria {
  const hit = cache.get(set);
  if (hit) return hit;
  const { issues, compiled } = checkAndCompile(set);
  if (!compiled) throw new DtiError(issues);
  cache.set(set, compiled);
  return compiled;
}
