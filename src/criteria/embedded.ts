import canTho2022 from '../../criteria/can-tho/2022.1.0.json';
import canTho2023 from '../../criteria/can-tho/2023.1.0.json';
import canTho2025 from '../../criteria/can-tho/2025.1.0.json';
import dtiProvince2022 from '../../criteria/vn-dti-province/2022.1.0.json';
import dtiProvince2025 from '../../criteria/vn-dti-province/2025.1.0.json';
import type { CriteriaSet } from '../format/types.js';

/**
 * The criteria sets shipped inside the package, keyed `id@version`. They are
 * bundled as data, so a browser build needs no file system.
 *
 * @example
 * ```ts
 * import { EMBEDDED_CRITERIA } from 'dti-criteria';
 * console.log(EMBEDDED_CRITERIA['can-tho@2022.1.0']?.levels.length); // 3
 * ```
 */
export const EMBEDDED_CRITERIA: Readonly<Record<string, CriteriaSet>> = {
  'can-tho@2022.1.0': canTho2022 as unknown as CriteriaSet,
  'can-tho@2023.1.0': canTho2023 as unknown as CriteriaSet,
  'can-tho@2025.1.0': canTho2025 as unknown as CriteriaSet,
  'vn-dti-province@2022.1.0': dtiProvince2022 as unknown as CriteriaSet,
  'vn-dti-province@2025.1.0': dtiProvince2025 as unknown as CriteriaSet,
};

/**
 * The embedded default set, used when a submission names no criteria.
 *
 * @example
 * ```ts
 * import { DEFAULT_CRITERIA } from 'dti-criteria';
 * console.log(DEFAULT_CRITERIA); // can-tho@2022.1.0
 * ```
 */
export const DEFAULT_CRITERIA = 'can-tho@2022.1.0';
