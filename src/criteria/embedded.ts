import canTho2022 from '../../criteria/can-tho/2022.1.0.json';
import dtiProvince2022 from '../../criteria/vn-dti-province/2022.1.0.json';
import type { CriteriaSet } from '../format/types.js';

/**
 * The criteria sets shipped inside the package, keyed `id@version`. They are
 * bundled as data, so a browser build needs no file system.
 */
export const EMBEDDED_CRITERIA: Readonly<Record<string, CriteriaSet>> = {
  'can-tho@2022.1.0': canTho2022 as unknown as CriteriaSet,
  'vn-dti-province@2022.1.0': dtiProvince2022 as unknown as CriteriaSet,
};

/** The embedded default set, used when a submission names no criteria. */
export const DEFAULT_CRITERIA = 'can-tho@2022.1.0';
