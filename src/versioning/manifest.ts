import { canonicalJson } from '../canonical/canonical-json.js';
import { criteriaHash } from '../canonical/criteria-hash.js';
import { sha256Hex } from '../canonical/sha256.js';
import { compareVersions } from '../criteria/resolve.js';
import { makeIssue, type Issue } from '../errors.js';
import { validateCriteria } from '../format/parse-criteria.js';
import type { CriteriaSet } from '../format/types.js';
import { byCodeUnits } from '../order.js';
import { parseJsonText } from '../format/json-text.js';

/** One version of a set as the manifest records it. */
export interface ManifestEntry {
  readonly id: string;
  readonly version: string;
  readonly status: 'draft' | 'published';
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly basis: readonly string[];
  /** sha256 of the file's canonical JSON. */
  readonly sha256: string;
  /** The file, relative to the criteria folder: `<id>/<version>.json`. */
  readonly file: string;
}

/** `criteria/manifest.json`: every version of every set, with its hash. */
export interface Manifest {
  readonly format: 1;
  readonly sets: readonly ManifestEntry[];
}

/**
 * The manifest entry of a criteria set.
 *
 * @example
 * ```ts
 * import { getCriteria, manifestEntry } from 'dti-criteria';
 * console.log(manifestEntry(getCriteria('can-tho@2022.1.0')).file); // can-tho/2022.1.0.json
 * ```
 */
export function manifestEntry(set: CriteriaSet): ManifestEntry {
  return {
    id: set.id,
    version: set.version,
    status: set.status,
    effective: { from: set.effective.from, to: set.effective.to },
    basis: set.basis.map((b) => b.ref),
    sha256: criteriaHash(set),
    file: `${set.id}/${set.version}.json`,
  };
}

/**
 * Builds the manifest of a list of sets, ordered by id then version.
 *
 * @example
 * ```ts
 * import { buildManifest, getCriteria } from 'dti-criteria';
 * console.log(buildManifest([getCriteria('can-tho@2023.1.0'), getCriteria('can-tho@2022.1.0')]).sets[0]?.version); // 2022.1.0
 * ```
 */
export function buildManifest(sets: readonly CriteriaSet[]): Manifest {
  const entries = sets.map(manifestEntry).sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version));
  return { format: 1, sets: entries };
}

/**
 * Checks a folder of criteria files (relative path → JSON text) against its
 * manifest: every published file must still match its recorded sha256 (a
 * change must be a new version), sit at `<id>/<version>.json`, be valid, and
 * be listed; drafts may change freely. Each problem names the file.
 *
 * @example
 * ```ts
 * import { buildManifest, canonicalJson, getCriteria, verifyCriteriaFiles } from 'dti-criteria';
 * const set = getCriteria('can-tho@2022.1.0');
 * const manifest = buildManifest([set]);
 * const tampered = JSON.stringify({ ...set, title: { vi: 'Sửa lén' } });
 * console.log(verifyCriteriaFiles(manifest, new Map([['can-tho/2022.1.0.json', canonicalJson(set)]])).length); // 0
 * console.log(verifyCriteriaFiles(manifest, new Map([['can-tho/2022.1.0.json', tampered]]))[0]?.code); // version/hash-mismatch
 * ```
 */
export function verifyCriteriaFiles(manifest: Manifest, files: ReadonlyMap<string, string>): Issue[] {
  const issues: Issue[] = [];
  const listed = new Map(manifest.sets.map((entry) => [entry.file, entry]));
  const seen = new Set<string>();
  for (const [file, text] of [...files].sort(([a], [b]) => byCodeUnits(a, b))) {
    const parsed = parseJsonText(text, file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const data = parsed.value;
    const entry = listed.get(file);
    seen.add(file);
    const record = (data && typeof data === 'object' ? data : {}) as Partial<CriteriaSet>;
    const published = entry?.status === 'published' || record.status === 'published';
    if (!published) continue;
    if (entry?.status === 'published') {
      const actual = sha256Hex(canonicalJson(data));
      if (actual !== entry.sha256) issues.push(makeIssue('version/hash-mismatch', file, { file, actual: actual.slice(0, 12), expected: entry.sha256.slice(0, 12) }));
    }
    const result = validateCriteria(data);
    if (!result.ok) {
      for (const issue of result.issues) issues.push({ ...issue, path: `${file}: ${issue.path}` });
      continue;
    }
    const set = result.value;
    const expectedFile = `${set.id}/${set.version}.json`;
    if (expectedFile !== file) issues.push(makeIssue('version/file-name', file, { expected: expectedFile }));
    if (!entry) {
      issues.push(makeIssue('version/not-in-manifest', file, { file }));
      continue;
    }
    if (set.status !== 'published') issues.push(makeIssue('version/unpublished', file, { file, status: set.status }));
    if (entry.id !== set.id || entry.version !== set.version) issues.push(makeIssue('version/entry-mismatch', file, { file, field: 'id/version' }));
  }
  for (const entry of manifest.sets) {
    if (!seen.has(entry.file) && entry.status === 'published') issues.push(makeIssue('version/missing-file', entry.file, { file: entry.file }));
  }
  return issues;
}
