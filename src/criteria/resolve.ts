import { DtiError, makeIssue } from '../errors.js';
import { compileCriteria } from '../format/parse-criteria.js';
import type { CriteriaSet } from '../format/types.js';
import { DEFAULT_CRITERIA, EMBEDDED_CRITERIA } from './embedded.js';
import { byCodeUnits } from '../order.js';

/**
 * Compares two `YEAR.MAJOR.MINOR` versions numerically.
 *
 * @example
 * ```ts
 * import { compareVersions } from 'dti-criteria';
 * console.log(compareVersions('2022.10.0', '2022.9.1') > 0); // true
 * ```
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** One embedded set's identity and status. */
export interface CriteriaEntry {
  readonly ref: string;
  readonly id: string;
  readonly version: string;
  readonly status: 'draft' | 'published';
  readonly effectiveFrom: string;
}

/**
 * Lists the embedded criteria sets, ordered by id then version.
 *
 * @example
 * ```ts
 * import { listCriteria } from 'dti-criteria';
 * console.log(listCriteria().map((e) => e.ref)[0]); // can-tho@2022.1.0
 * ```
 */
export function listCriteria(): CriteriaEntry[] {
  return Object.entries(EMBEDDED_CRITERIA)
    .map(([ref, set]) => ({ ref, id: set.id, version: set.version, status: set.status, effectiveFrom: set.effective.from }))
    .sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version));
}

/**
 * Resolves an embedded criteria set by `id@version`, or by `id` alone (the
 * latest published version). Without a reference, the embedded default
 * (`can-tho@2022.1.0`). Throws {@link DtiError} (`criteria/not-found`).
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria';
 * console.log(getCriteria('vn-dti-province').version); // 2025.1.0
 * ```
 */
export function getCriteria(ref: string = DEFAULT_CRITERIA): CriteriaSet {
  const exact = EMBEDDED_CRITERIA[ref];
  let set = exact;
  if (!set && !ref.includes('@')) {
    const latest = listCriteria()
      .filter((entry) => entry.id === ref && entry.status === 'published')
      .at(-1);
    set = latest ? EMBEDDED_CRITERIA[latest.ref] : undefined;
  }
  if (!set) throw new DtiError([makeIssue('criteria/not-found', '$', { ref })]);
  compileCriteria(set);
  return set;
}
