import { parseCriteriaRef } from '../format/reference.js';
import type { CriteriaRegistry } from '../criteria/registry.js';
import type { Result } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import type { InputLimits } from '../limits.js';
import { safeLoadCriteria } from '../node/load-criteria.js';
import { safeOpenCriteriaRegistry } from '../node/registry.js';

/** The set id used when a command names none ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí): the version in force for the period). */
export const DEFAULT_CRITERIA_ID = 'can-tho';

/** The current year, the default period of a command with no submission (`template`, `criteria diff`). */
export function currentPeriod(now: Date = new Date()): string {
  return String(now.getUTCFullYear());
}

/** The command line's registry: `--criteria-dir` (or `DTI_CRITERIA_DIR`), `./criteria`, the embedded sets. */
export function commandRegistry(criteriaDir: string | undefined): Result<CriteriaRegistry> {
  return safeOpenCriteriaRegistry({ criteriaDir });
}

/**
 * A criteria option's value when it names a file, not a set by name (a file
 * the command reads, which `--out` must never replace).
 *
 * @example
 * ```ts
 * import { criteriaFile } from './criteria-choice.js';
 * console.log([criteriaFile('can-tho@2025.1.0'), criteriaFile('draft.json'), criteriaFile(undefined)]); // [null,"draft.json",null]
 * ```
 */
export function criteriaFile(ref: string | undefined): string | undefined {
  return ref !== undefined && !parseCriteriaRef(ref) ? ref : undefined;
}

/** A chosen set and the line that tells the user which one and why. */
export interface CriteriaChoice {
  readonly set: CriteriaSet;
  readonly note: string;
}

/**
 * Chooses the set for a command: `ref` as given (a reference or a file path),
 * else {@link DEFAULT_CRITERIA_ID}; a bare id is the version in force for
 * `period`; a file is read within `limits`. The note names the set chosen, and the period when it decided.
 */
export function chooseCriteria(registry: CriteriaRegistry, ref: string | undefined, period: string | undefined, limits?: Partial<InputLimits>): Result<CriteriaChoice> {
  const wanted = ref ?? DEFAULT_CRITERIA_ID;
  const loaded = safeLoadCriteria(wanted, { registry, period, ...(limits ? { limits } : {}) });
  if (!loaded.ok) return loaded;
  const set = loaded.value;
  const name = `${set.id}@${set.version}`;
  const parsed = parseCriteriaRef(wanted);
  const why = !parsed
    ? ` (tệp / file ${wanted})`
    : parsed.version !== undefined
      ? ''
      : period !== undefined
        ? ` (có hiệu lực cuối kỳ ${period} / in force at the end of period ${period})`
        : ' (phiên bản công bố mới nhất / the latest published version)';
  return { ok: true, value: { set, note: `bộ tiêu chí / criteria: ${name}${why}\n` } };
}
