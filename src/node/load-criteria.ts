import { parseCriteriaRef } from '../format/reference.js';
import type { CriteriaRegistry } from '../criteria/registry.js';
import { DtiError, type Result } from '../errors.js';
import type { InputLimits } from '../limits.js';
import type { CriteriaSet } from '../compile/types.js';
import { embeddedCriteria } from '../sets/registry.js';
import { safeReadCriteriaFile } from './read-criteria-file.js';

/** Options of {@link safeLoadCriteria}. */
export interface LoadCriteriaOptions {
  /** Where references are resolved; default the embedded sets. */
  readonly registry?: CriteriaRegistry;
  /** The period a bare `id` is resolved for (the version in force then). */
  readonly period?: string | undefined;
  /** Size limits for a set read from a file (tree depth, nodes, issues listed); default `DEFAULT_LIMITS`. Named sets are read by the registry. */
  readonly limits?: Partial<InputLimits>;
}

/**
 * Loads a criteria set the way a person names one on the command line: a
 * reference (`id@version`, or `id` for the version in force in
 * `options.period`) is resolved in the registry; anything else is a path to a
 * JSON file. Node only (it reads files). Never throws: returns the issues.
 *
 * @example
 * ```ts
 * import { safeLoadCriteria } from 'dti-criteria/node';
 * const fromFile = safeLoadCriteria('criteria/can-tho/2022.1.0.json');
 * const byName = safeLoadCriteria('can-tho', { period: '2022' });
 * console.log(fromFile.ok && byName.ok && byName.value.version); // 2022.1.0
 * console.log(safeLoadCriteria('missing.json').ok); // false
 * ```
 */
export function safeLoadCriteria(ref: string, options: LoadCriteriaOptions = {}): Result<CriteriaSet> {
  if (parseCriteriaRef(ref)) return (options.registry ?? embeddedCriteria).safeResolve(ref, { period: options.period });
  return safeReadCriteriaFile(ref, options.limits !== undefined ? { limits: options.limits } : {});
}

/**
 * Like {@link safeLoadCriteria}, but throws a {@link DtiError} with the issues.
 *
 * @example
 * ```ts
 * import { loadCriteria } from 'dti-criteria/node';
 * console.log(loadCriteria('can-tho', { period: '2024' }).version); // 2023.1.0
 * ```
 */
export function loadCriteria(ref: string, options: LoadCriteriaOptions = {}): CriteriaSet {
  const loaded = safeLoadCriteria(ref, options);
  if (!loaded.ok) throw new DtiError(loaded.issues);
  return loaded.value;
}
