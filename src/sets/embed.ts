import { rememberHash } from '../compile/criteria-hash.js';
import type { CriteriaSource } from '../criteria/registry.js';
import { safeParseCriteria } from '../compile/parse-criteria.js';
import { sealOwned } from '../format/sealed.js';
import type { CriteriaSet } from '../compile/types.js';
import { EMBEDDED_HASHES } from './hashes.js';

/**
 * Deep-freezes an embedded set's JSON module data (the library owns it), with
 * its hash computed at build time. Checked in full at build time (and by the
 * tests), it is only compiled on first use, without its schema check.
 */
export function embed(data: unknown): CriteriaSet {
  const set = sealOwned(data as CriteriaSet, true);
  const sha256 = EMBEDDED_HASHES[`${set.id}@${set.version}`];
  if (sha256 !== undefined) rememberHash(set, sha256);
  return set;
}

/** The embedded sets as a registry source named `embedded`, validated lazily. */
export function embeddedSource(sets: readonly CriteriaSet[]): CriteriaSource {
  return {
    name: 'embedded',
    entries: sets.map((set) => ({ id: set.id, version: set.version, status: set.status, effective: set.effective, sha256: EMBEDDED_HASHES[`${set.id}@${set.version}`], load: () => safeParseCriteria(set) })),
  };
}
