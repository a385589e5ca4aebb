/**
 * The criteria sets embedded in the package, each its own export so that a
 * bundle carries only the sets it imports (the scorer never imports them).
 *
 * @packageDocumentation
 */
import canTho2022Json from '../../criteria/can-tho/2022.1.0.json';
import canTho2023Json from '../../criteria/can-tho/2023.1.0.json';
import canTho2025Json from '../../criteria/can-tho/2025.1.0.json';
import dtiProvince2022Json from '../../criteria/vn-dti-province/2022.1.0.json';
import dtiProvince2025Json from '../../criteria/vn-dti-province/2025.1.0.json';
import type { ResolveOptions } from '../criteria/registry.js';
import type { CriteriaSet } from '../compile/types.js';
import { embed } from './embed.js';
import { embeddedCriteria } from './registry.js';

export { embeddedCriteria } from './registry.js';

/**
 * `can-tho@2022.1.0`: Cần Thơ, 2088/QĐ-UBND structure (a reconstruction):
 * departments (groups A, B, C), districts, communes. Deep-frozen.
 *
 * @example
 * ```ts
 * import { canTho2022 } from 'dti-criteria/sets';
 * console.log(canTho2022.levels.map((level) => level.id)); // ["department","district","commune"]
 * ```
 */
export const canTho2022: CriteriaSet = /* @__PURE__ */ embed(canTho2022Json);

/**
 * `can-tho@2023.1.0`: the illustrative 2023 revision. Deep-frozen.
 *
 * @example
 * ```ts
 * import { canTho2023 } from 'dti-criteria/sets';
 * console.log(canTho2023.version); // 2023.1.0
 * ```
 */
export const canTho2023: CriteriaSet = /* @__PURE__ */ embed(canTho2023Json);

/**
 * `can-tho@2025.1.0`: the set for the two-tier local government from
 * 2025-07-01 (departments in groups A and B, communes). Deep-frozen.
 *
 * @example
 * ```ts
 * import { canTho2025 } from 'dti-criteria/sets';
 * console.log(canTho2025.effective.from); // 2025-07-01
 * ```
 */
export const canTho2025: CriteriaSet = /* @__PURE__ */ embed(canTho2025Json);

/**
 * `vn-dti-province@2022.1.0`: the provincial DTI of 922/QĐ-BTTTT at
 * main-index level. Deep-frozen.
 *
 * @example
 * ```ts
 * import { dtiProvince2022 } from 'dti-criteria/sets';
 * console.log(dtiProvince2022.id); // vn-dti-province
 * ```
 */
export const dtiProvince2022: CriteriaSet = /* @__PURE__ */ embed(dtiProvince2022Json);

/**
 * `vn-dti-province@2025.1.0`: the provincial DTI of 405/QĐ-BKHCN at
 * main-index level (points reconstructed). Deep-frozen.
 *
 * @example
 * ```ts
 * import { dtiProvince2025 } from 'dti-criteria/sets';
 * console.log(dtiProvince2025.version); // 2025.1.0
 * ```
 */
export const dtiProvince2025: CriteriaSet = /* @__PURE__ */ embed(dtiProvince2025Json);

/**
 * Every embedded set, ordered by id then version.
 *
 * @example
 * ```ts
 * import { EMBEDDED_SETS } from 'dti-criteria/sets';
 * console.log(EMBEDDED_SETS.map((set) => `${set.id}@${set.version}`)[0]); // can-tho@2022.1.0
 * ```
 */
export const EMBEDDED_SETS: readonly CriteriaSet[] = [canTho2022, canTho2023, canTho2025, dtiProvince2022, dtiProvince2025];

/**
 * Resolves an embedded set by `id@version`, or by `id` (the version in force
 * for `options.period`, else the latest published); throws a `DtiError`
 * (`criteria/not-found` listing what exists, `criteria/none-in-force`, …).
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * console.log(getCriteria('vn-dti-province').version); // 2025.1.0
 * console.log(getCriteria('can-tho', { period: '2024' }).version); // 2023.1.0
 * let message = '';
 * try { getCriteria('can-tho@2030.1.0'); } catch (e) { message = (e as Error).message; }
 * console.log(message.includes('available: can-tho@2022.1.0, can-tho@2023.1.0, can-tho@2025.1.0')); // true
 * ```
 */
export function getCriteria(ref: string, options: ResolveOptions = {}): CriteriaSet {
  return embeddedCriteria.resolve(ref, options);
}
