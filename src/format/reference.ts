/**
 * The syntax of a criteria reference ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí)): `id` or `id@version`,
 * the id in lowercase kebab-case, the version `YEAR.MAJOR.MINOR`. Anything
 * else (a path, a URL, a name with spaces) is not a reference.
 *
 * @example
 * ```ts
 * import { CRITERIA_REF_PATTERN } from 'dti-criteria';
 * console.log(['can-tho', 'can-tho@2025.1.0', 'criteria/can-tho/2025.1.0.json', 'Cần Thơ'].map((ref) => CRITERIA_REF_PATTERN.test(ref))); // [true,true,false,false]
 * ```
 */
export const CRITERIA_REF_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:@\d{4}\.\d+\.\d+)?$/;

/** A criteria reference read into its parts. */
export interface CriteriaRef {
  readonly id: string;
  /** `undefined` for a bare id: the version in force (or the latest published). */
  readonly version: string | undefined;
}

/**
 * Reads a criteria reference; `undefined` when `text` is not one (for example
 * a file path).
 *
 * @example
 * ```ts
 * import { parseCriteriaRef } from 'dti-criteria';
 * console.log(parseCriteriaRef('can-tho@2025.1.0')); // {"id":"can-tho","version":"2025.1.0"}
 * console.log(parseCriteriaRef('can-tho')?.version); // undefined
 * console.log(parseCriteriaRef('criteria/can-tho/2025.1.0.json')); // undefined
 * ```
 */
export function parseCriteriaRef(text: string): CriteriaRef | undefined {
  if (!CRITERIA_REF_PATTERN.test(text)) return undefined;
  const at = text.indexOf('@');
  return at < 0 ? { id: text, version: undefined } : { id: text.slice(0, at), version: text.slice(at + 1) };
}
