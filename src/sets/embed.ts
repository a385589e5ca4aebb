import type { CriteriaSource } from '../criteria/registry.js';
import { safeParseCriteria } from '../format/parse-criteria.js';
import { sealOwned } from '../format/sealed.js';
import type { CriteriaSet } from '../format/types.js';

/** Deep-freezes an embedded set's JSON module data (the library owns it); checked and compiled on first use. */
export function embed(data: unknown): CriteriaSet {
  return sealOwned(data as CriteriaSet);
}

/** The embedded sets as a registry source named `embedded`, validated lazily. */
export function embeddedSource(sets: readonly CriteriaSet[]): CriteriaSource {
  return {
    name: 'embedded',
    entries: sets.map((set) => ({ id: set.id, version: set.version, status: set.status, effective: set.effective, load: () => safeParseCriteria(set) })),
  };
}
