import { parseCriteriaRef } from '../criteria/reference.js';
import type { CriteriaRegistry } from '../criteria/registry.js';
import type { Result } from '../errors.js';
import type { CriteriaSet } from '../format/types.js';
import { embeddedCriteria } from '../sets/index.js';
import { readCriteriaFile } from './read-criteria-file.js';

/** Options of {@link loadCriteria}. */
export interface LoadCriteriaOptions {
  /** Where references are resolved; default the embedded sets. */
  readonly registry?: CriteriaRegistry;
  /** The period a bare `id` is resolved for (the version in force then). */
  readonly period?: string | undefined;
}

/**
 * Loads a criteria set the way a person names one on the command line: a
 * reference (`id@version`, or `id` for the version in force in
 * `options.period`) is resolved in the registry; anything else is a path to a
 * JSON file. Node only (it reads files). Never throws: returns the issues.
 *
 * @example
 * ```ts
 * import { loadCriteria } from 'dti-criteria/node';
 * const fromFile = loadCriteria('criteria/can-tho/2022.1.0.json');
 * const byName = loadCriteria('can-tho', { period: '2022' });
 * console.log(fromFile.ok && byName.ok && byName.value.version); // 2022.1.0
 * console.log(loadCriteria('missing.json').ok); // false
 * ```
 */
export function loadCriteria(ref: string, options: LoadCriteriaOptions = {}): Result<CriteriaSet> {
  if (parseCriteriaRef(ref)) return (options.registry ?? embeddedCriteria).resolve(ref, { period: options.period });
  return readCriteriaFile(ref);
}
