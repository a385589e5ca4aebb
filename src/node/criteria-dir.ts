import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compareVersions } from '../criteria/resolve.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { validateCriteriaJson } from '../format/parse-criteria.js';
import type { CriteriaSet } from '../format/types.js';
import { buildManifest, verifyCriteriaFiles, type Manifest } from '../versioning/manifest.js';
import { byCodeUnits } from '../order.js';

/** Name of the manifest file inside a criteria folder. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Reads every `<id>/<version>.json` of a criteria folder as text, keyed by its
 * path relative to the folder (with `/`).
 *
 * @example
 * ```ts
 * import { readCriteriaDir } from 'dti-criteria/node';
 * console.log(readCriteriaDir('criteria').has('can-tho/2022.1.0.json')); // true
 * ```
 */
export function readCriteriaDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const id of readdirSync(dir).sort()) {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.json')) files.set(`${id}/${name}`, readFileSync(join(folder, name), 'utf8'));
    }
  }
  return files;
}

/**
 * Reads `manifest.json` of a criteria folder (an empty manifest when absent).
 *
 * @example
 * ```ts
 * import { readManifest } from 'dti-criteria/node';
 * console.log(readManifest('criteria').sets.length > 0); // true
 * ```
 */
export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return { format: 1, sets: [] };
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/**
 * Verifies a criteria folder against its manifest (see `verifyCriteriaFiles`):
 * returns every problem, each naming its file.
 *
 * @example
 * ```ts
 * import { verifyCriteriaDir } from 'dti-criteria/node';
 * console.log(verifyCriteriaDir('criteria')); // []
 * ```
 */
export function verifyCriteriaDir(dir: string): Issue[] {
  return verifyCriteriaFiles(readManifest(dir), readCriteriaDir(dir));
}

function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * Records one set in the folder's manifest, leaving every other entry as it is
 * (a published entry is never re-hashed from a file that may have been altered).
 */
function recordInManifest(dir: string, set: CriteriaSet): void {
  const others = readManifest(dir).sets.filter((entry) => !(entry.id === set.id && entry.version === set.version));
  const manifest = buildManifest([set]);
  const sets = [...others, ...manifest.sets].sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version));
  writeJson(join(dir, MANIFEST_FILE), { format: 1, sets } satisfies Manifest);
}

/**
 * Publishes a draft: validates it (refusing on any problem), checks it sits at
 * `<dir>/<id>/<version>.json` and that this version was never published,
 * stamps `"status": "published"` and records it in the manifest.
 *
 * @example
 * ```ts
 * import { mkdtempSync, cpSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { newCriteriaVersion, publishCriteriaFile } from 'dti-criteria/node';
 * const dir = mkdtempSync(join(tmpdir(), 'dti-'));
 * cpSync('criteria', dir, { recursive: true });
 * const draft = newCriteriaVersion(dir, 'can-tho', '2023.1.0', '2024.1.0');
 * console.log(draft.ok && publishCriteriaFile(draft.value, dir).ok); // true
 * ```
 */
export function publishCriteriaFile(file: string, dir: string): Result<CriteriaSet> {
  const text = readFileSync(file, 'utf8');
  const result = validateCriteriaJson(text);
  if (!result.ok) return result;
  const set = result.value;
  const expected = resolve(dir, set.id, `${set.version}.json`);
  if (resolve(file) !== expected) return { ok: false, issues: [makeIssue('version/file-name', file, { expected: relative(process.cwd(), expected).split(sep).join('/') })] };
  const previous = readManifest(dir).sets.find((entry) => entry.id === set.id && entry.version === set.version);
  if (previous?.status === 'published') return { ok: false, issues: [makeIssue('version/already-published', file, { ref: `${set.id}@${set.version}` })] };
  const published = { ...(JSON.parse(text) as CriteriaSet), status: 'published' as const };
  writeJson(file, published);
  const stamped = validateCriteriaJson(readFileSync(file, 'utf8'));
  if (stamped.ok) recordInManifest(dir, stamped.value);
  return stamped;
}

/**
 * Starts a new version as a draft copy of an existing one: `status` becomes
 * `"draft"`, `version` the new one, and `effective` is reset to the first day
 * of the new version's year with no end (the editor sets the real dates).
 * Returns the new file's path.
 *
 * @example
 * ```ts
 * import { mkdtempSync, cpSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { newCriteriaVersion } from 'dti-criteria/node';
 * const dir = mkdtempSync(join(tmpdir(), 'dti-'));
 * cpSync('criteria', dir, { recursive: true });
 * const made = newCriteriaVersion(dir, 'can-tho', '2025.1.0', '2026.1.0');
 * console.log(made.ok ? made.value.endsWith('2026.1.0.json') : made.issues); // true
 * ```
 */
export function newCriteriaVersion(dir: string, id: string, fromVersion: string, newVersion: string): Result<string> {
  const source = join(dir, id, `${fromVersion}.json`);
  const target = join(dir, id, `${newVersion}.json`);
  if (!existsSync(source)) return { ok: false, issues: [makeIssue('criteria/not-found', source, { ref: `${id}@${fromVersion}` })] };
  if (existsSync(target)) return { ok: false, issues: [makeIssue('version/exists', target, { file: target })] };
  const data = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
  const copy = { ...data, version: newVersion, status: 'draft', effective: { from: `${newVersion.slice(0, 4)}-01-01`, to: null } };
  const checked = validateCriteriaJson(JSON.stringify(copy));
  if (!checked.ok) return checked;
  writeJson(target, copy);
  recordInManifest(dir, checked.value);
  return { ok: true, value: target };
}
