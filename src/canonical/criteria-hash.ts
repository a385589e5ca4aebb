import type { CriteriaSet } from '../format/types.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

const hashes = new WeakMap<object, string>();

/**
 * The sha256 of a criteria set's canonical JSON: the stamp every result carries
 * so anyone can later check which rules produced a score. Cached per object.
 *
 * @example
 * ```ts
 * import { criteriaHash, getCriteria } from 'dti-criteria';
 * console.log(criteriaHash(getCriteria('can-tho@2022.1.0')).length); // 64
 * ```
 */
export function criteriaHash(set: CriteriaSet): string {
  const hit = hashes.get(set);
  if (hit) return hit;
  const hash = sha256Hex(canonicalJson(set));
  hashes.set(set, hash);
  return hash;
}
