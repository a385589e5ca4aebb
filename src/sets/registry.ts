import canTho2022Json from '../../criteria/can-tho/2022.1.0.json';
import canTho2023Json from '../../criteria/can-tho/2023.1.0.json';
import canTho2025Json from '../../criteria/can-tho/2025.1.0.json';
import dtiProvince2022Json from '../../criteria/vn-dti-province/2022.1.0.json';
import dtiProvince2025Json from '../../criteria/vn-dti-province/2025.1.0.json';
import { createRegistry, type CriteriaRegistry, type CriteriaSource } from '../criteria/registry.js';
import type { CriteriaSet } from '../compile/types.js';
import { embeddedSource, embeddedTwin, type EmbeddedData } from './embed.js';

/** Every embedded set's JSON module data, by `id@version` (frozen only when the set is asked for). */
const DATA: EmbeddedData = {
  'can-tho@2022.1.0': canTho2022Json,
  'can-tho@2023.1.0': canTho2023Json,
  'can-tho@2025.1.0': canTho2025Json,
  'vn-dti-province@2022.1.0': dtiProvince2022Json,
  'vn-dti-province@2025.1.0': dtiProvince2025Json,
};

/**
 * The embedded sets as a registry source named `embedded`, each set frozen,
 * checked and compiled only when it is resolved (what the command line and
 * `safeOpenCriteriaRegistry` put last).
 */
export function embeddedCriteriaSource(): CriteriaSource {
  return embeddedSource(DATA);
}

/**
 * A registry of the embedded sets (source `embedded`); each set is validated
 * and compiled on first use.
 *
 * @example
 * ```ts
 * import { embeddedCriteria } from 'dti-criteria/sets';
 * const inForce = embeddedCriteria.safeResolve('can-tho', { period: '2026' });
 * console.log(inForce.ok && inForce.value.version); // 2025.1.0
 * console.log(embeddedCriteria.list().length); // 5
 * ```
 */
export const embeddedCriteria: CriteriaRegistry = /* @__PURE__ */ createRegistry([/* @__PURE__ */ embeddedSource(DATA)]);

/**
 * The embedded set a criteria file's JSON text holds word for word (white
 * space aside), already checked, compiled once and hashed at build time;
 * `undefined` for any other text (which is then read and checked as any file).
 */
export function embeddedTwinOf(text: string): CriteriaSet | undefined {
  return embeddedTwin(DATA, text);
}
