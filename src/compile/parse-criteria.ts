import { DtiError, type Result } from '../errors.js';
import type { CompiledCriteria } from './compiled.js';
import type { CriteriaSet } from './types.js';
import { checkAndCompile } from './validate-criteria.js';
import { parseJsonText } from '../format/json-text.js';
import { copyForSealing, isBuiltIn, isSealed, sealOwned } from '../format/sealed.js';
import { capIssues, limitsOf, type InputLimits } from '../limits.js';
import { RULE_KINDS, type RuleKindRegistry } from '../rules/registry.js';

/** Options of {@link safeParseCriteria}. */
export interface CriteriaReadOptions {
  /** Size limits (tree depth, nodes, issues listed); default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<InputLimits>;
  /**
   * The rule kinds a set may use: default {@link RULE_KINDS}; a set with a
   * kind of its own is read with `withRuleKinds([...])`. The set handed out
   * is compiled with them, so scoring, forms, CSV and workbooks of that set
   * use them too.
   */
  readonly ruleKinds?: RuleKindRegistry;
}

/** Compiled plans, only for sets the library sealed (deep-frozen) itself. */
const cache = new WeakMap<object, CompiledCriteria>();

/**
 * Checks a criteria set (already parsed from JSON) against the format and every
 * cross-field rule of the [format reference](../../docs/reference/criteria-format.md). Never throws; reports every problem at once.
 * A valid set comes back as a deep-frozen copy: the caller's object is never
 * touched, and the set handed out can never change after it is first used.
 *
 * @example
 * ```ts
 * import { safeParseCriteria } from 'dti-criteria';
 * const result = safeParseCriteria({ format: 1 });
 * if (!result.ok) for (const i of result.issues) console.log(`${i.path}: ${i.message} [${i.code}]`);
 * ```
 */
export function safeParseCriteria(input: unknown, options: CriteriaReadOptions = {}): Result<CriteriaSet> {
  const limits = limitsOf(options.limits);
  const checked = check(input, limits, options.ruleKinds ?? RULE_KINDS);
  return checked.ok ? checked : { ok: false, issues: capIssues(checked.issues, limits.issues) };
}

function check(input: unknown, limits: InputLimits, kinds: RuleKindRegistry): Result<CriteriaSet> {
  if (typeof input === 'object' && input !== null && isSealed(input)) {
    if (cache.has(input)) return { ok: true, value: input as CriteriaSet };
    const { issues, compiled } = checkAndCompile(input, limits, isBuiltIn(input), kinds);
    if (!compiled) return { ok: false, issues };
    cache.set(input, compiled);
    return { ok: true, value: input as CriteriaSet };
  }
  const { issues, compiled } = checkAndCompile(copyForSealing(input), limits, false, kinds);
  if (!compiled) return { ok: false, issues };
  const set = sealOwned(compiled.set);
  cache.set(set, compiled);
  return { ok: true, value: set };
}

/**
 * Like {@link safeParseCriteria} but for JSON text: a syntax error is reported as
 * `json/syntax`, a key given twice in one object as `json/duplicate-key`.
 *
 * @example
 * ```ts
 * import { safeParseCriteriaJson } from 'dti-criteria';
 * console.log(safeParseCriteriaJson('{ "format": 1,').ok); // false
 * const twice = safeParseCriteriaJson('{ "format": 1, "format": 1 }');
 * console.log(twice.ok ? '' : twice.issues[0]?.code); // json/duplicate-key
 * ```
 */
export function safeParseCriteriaJson(text: string, options: CriteriaReadOptions = {}): Result<CriteriaSet> {
  const data = parseJsonText(text, '$', limitsOf(options.limits).issues);
  return data.ok ? safeParseCriteria(data.value, options) : data;
}

/**
 * Returns the criteria set (a deep-frozen copy) when it is valid; throws a
 * {@link DtiError} listing every problem otherwise.
 *
 * @example
 * ```ts
 * import { parseCriteria } from 'dti-criteria';
 * import { canTho2022 } from 'dti-criteria/sets';
 * const set = parseCriteria(JSON.parse(JSON.stringify(canTho2022)));
 * console.log(set.version); // "2022.1.0"
 * console.log(Object.isFrozen(set.nodes[0])); // true
 * ```
 */
export function parseCriteria(input: unknown): CriteriaSet {
  const result = safeParseCriteria(input);
  if (!result.ok) throw new DtiError(result.issues);
  return result.value;
}

/**
 * The compiled form of a valid set. Cached only for sets the library sealed
 * (those from {@link safeParseCriteria}, {@link parseCriteria}, a registry or
 * `dti-criteria/sets`); any other object is checked and compiled afresh on
 * every call, so an object edited after use is scored as its new content.
 * Throws {@link DtiError} when invalid.
 */
export function compileCriteria(set: CriteriaSet): CompiledCriteria {
  const hit = cache.get(set);
  if (hit) return hit;
  if (isSealed(set)) {
    const checked = safeParseCriteria(set);
    if (!checked.ok) throw new DtiError(checked.issues);
    return cache.get(set)!;
  }
  const { issues, compiled } = checkAndCompile(set);
  if (!compiled) throw new DtiError(issues);
  return compiled;
}
