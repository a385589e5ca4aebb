import type { CriteriaSet } from './types.js';
import { isSealed } from '../format/sealed.js';
import { canonicalJson } from '../canonical/canonical-json.js';
import { sha256Hex } from '../canonical/sha256.js';

/** Hashes of sealed (deep-frozen) sets only: their content cannot change. */
const hashes = new WeakMap<object, string>();

/**
 * The sha256 of a criteria set's canonical JSON: the stamp every result carries
 * so anyone can later check which rules produced a score. Cached for the
 * deep-frozen sets the library hands out; any other object is hashed afresh,
 * so an edited object is never stamped with its old hash.
 *
 * @example
 * ```ts
 * import { criteriaHash } from 'dti-criteria';
 * import { canTho2022 } from 'dti-criteria/sets';
 * console.log(criteriaHash(canTho2022).length); // 64
 * ```
 */
export function criteriaHash(set: CriteriaSet): string {
  const hit = hashes.get(set);
  if (hit) return hit;
  const hash = sha256Hex(canonicalJson(set));
  if (isSealed(set)) hashes.set(set, hash);
  return hash;
}

/**
 * Records the hash of a set the library sealed and hashed at build time (the
 * embedded sets, `src/sets/hashes.ts`, checked by a test against
 * recomputation), so that no start-up hashes it again. Ignored for any other object.
 */
export function rememberHash(set: CriteriaSet, sha256: string): void {
  if (isSealed(set)) hashes.set(set, sha256);
}
