import { appendAll } from '../limits.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistry, type CriteriaRegistry, type CriteriaSource } from '../criteria/registry.js';
import type { Issue, Result } from '../errors.js';
import { embeddedCriteriaSource } from '../sets/registry.js';
import { MANIFEST_FILE } from './criteria-dir.js';
import { safeCriteriaFolderSource, sameFolder } from './criteria-folder.js';

/**
 * The environment variable naming a criteria folder, like `--criteria-dir`.
 *
 * @example
 * ```ts
 * import { CRITERIA_DIR_ENV } from 'dti-criteria/node';
 * console.log(CRITERIA_DIR_ENV); // DTI_CRITERIA_DIR
 * ```
 */
export const CRITERIA_DIR_ENV = 'DTI_CRITERIA_DIR';

/** Options of {@link safeOpenCriteriaRegistry}. */
export interface OpenRegistryOptions {
  /** A criteria folder named explicitly (`--criteria-dir`); default the environment variable `DTI_CRITERIA_DIR`. */
  readonly criteriaDir?: string | undefined;
  /** The working directory whose `criteria/` folder is used when it holds a `manifest.json`; default `process.cwd()`. */
  readonly cwd?: string;
  /** The environment to read `DTI_CRITERIA_DIR` from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The registry the command line uses ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí)), highest priority
 * first: the folder named explicitly (`criteriaDir`, else `DTI_CRITERIA_DIR`),
 * then `./criteria` of the working directory when it holds a `manifest.json`,
 * then the sets embedded in the package. A folder named explicitly that does
 * not exist or has no manifest is an issue, never ignored.
 *
 * @example
 * ```ts
 * import { safeOpenCriteriaRegistry } from 'dti-criteria/node';
 * const registry = safeOpenCriteriaRegistry({ cwd: '/', env: {} });
 * console.log(registry.ok && registry.value.sources); // ["embedded"]
 * const inForce = registry.ok ? registry.value.safeResolve('can-tho', { period: '2025-H2' }) : undefined;
 * console.log(inForce?.ok && inForce.value.version); // 2025.1.0
 * console.log(safeOpenCriteriaRegistry({ criteriaDir: 'no-such-folder', env: {} }).ok); // false
 * ```
 */
export function safeOpenCriteriaRegistry(options: OpenRegistryOptions = {}): Result<CriteriaRegistry> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.criteriaDir ?? (env[CRITERIA_DIR_ENV] || undefined);
  const sources: CriteriaSource[] = [];
  const issues: Issue[] = [];
  if (explicit !== undefined) {
    const source = safeCriteriaFolderSource(explicit);
    if (source.ok) sources.push(source.value);
    else appendAll(issues, source.issues);
  }
  const local = join(cwd, 'criteria');
  if (existsSync(join(local, MANIFEST_FILE)) && !(explicit !== undefined && sameFolder(explicit, local))) {
    const source = safeCriteriaFolderSource(local);
    if (source.ok) sources.push(source.value);
    else appendAll(issues, source.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  sources.push(embeddedCriteriaSource());
  return { ok: true, value: createRegistry(sources) };
}
