import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { criteriaHash } from '../compile/criteria-hash.js';
import type { CriteriaSource } from '../criteria/registry.js';
import { makeIssue, type Result } from '../errors.js';
import { MANIFEST_FILE, safeReadManifest } from './criteria-dir.js';
import { safeReadCriteriaFile } from './read-criteria-file.js';

/**
 * A criteria folder (`<dir>/<id>/<version>.json` with `manifest.json`) as a
 * registry source: the versions its manifest lists, each file read and
 * validated only when it is resolved. A published file whose content no
 * longer matches the manifest's sha256 is refused (`version/hash-mismatch`),
 * as is a file whose id, version or status differs from its entry.
 *
 * @example
 * ```ts
 * import { createRegistry } from 'dti-criteria';
 * import { safeCriteriaFolderSource } from 'dti-criteria/node';
 * const source = safeCriteriaFolderSource('criteria');
 * if (source.ok) {
 *   const registry = createRegistry([source.value]);
 *   const set = registry.safeResolve('can-tho', { period: '2023' });
 *   console.log(set.ok && set.value.version); // 2023.1.0
 * }
 * ```
 */
export function safeCriteriaFolderSource(dir: string): Result<CriteriaSource> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, issues: [makeIssue('criteria/source', dir, { dir, reason: 'missing' })] };
  }
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    return { ok: false, issues: [makeIssue('criteria/source', dir, { dir, reason: 'no-manifest' })] };
  }
  const manifest = safeReadManifest(dir);
  if (!manifest.ok) return manifest;
  const name = resolve(dir);
  return {
    ok: true,
    value: {
      name,
      entries: manifest.value.sets.map((entry) => ({
        id: entry.id,
        version: entry.version,
        status: entry.status,
        effective: entry.effective,
        ...(entry.status === 'published' ? { sha256: entry.sha256 } : {}),
        load: () => {
          const file = join(dir, entry.file);
          const read = safeReadCriteriaFile(file);
          if (!read.ok) return read;
          const set = read.value;
          if (set.id !== entry.id || set.version !== entry.version || set.status !== entry.status) {
            return { ok: false, issues: [makeIssue('version/entry-mismatch', file, { file, field: 'id/version/status' })] };
          }
          if (entry.status === 'published') {
            const actual = criteriaHash(set);
            if (actual !== entry.sha256) return { ok: false, issues: [makeIssue('version/hash-mismatch', file, { file, actual: actual.slice(0, 12), expected: entry.sha256.slice(0, 12) })] };
          }
          return read;
        },
      })),
    },
  };
}

/** `true` when two paths name the same folder. */
export function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}
