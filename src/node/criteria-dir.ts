import { appendAll } from '../limits.js';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { compareVersions } from '../criteria/versions.js';
import { inFile, ioFailure, makeIssue, type Issue, type Result, relocateIssue } from '../errors.js';
import { commonSchemas, isIsoDate } from '../format/common.js';
import { safeParseCriteriaJson } from '../compile/parse-criteria.js';
import { safeDecodeUtf8 } from '../format/text-bytes.js';
import type { CriteriaSet } from '../compile/types.js';
import { buildManifest, safeParseManifest, verifyCriteriaFiles, type Manifest } from '../criteria/manifest.js';
import { byCodeUnits } from '../order.js';

/**
 * Name of the manifest file inside a criteria folder.
 *
 * @example
 * ```ts
 * import { MANIFEST_FILE } from 'dti-criteria/node';
 * console.log(`criteria/${MANIFEST_FILE}`); // criteria/manifest.json
 * ```
 */
export const MANIFEST_FILE = 'manifest.json';

/** A file's bytes, or `input/read` naming the file. */
function readBytes(file: string): Result<Uint8Array> {
  try {
    return { ok: true, value: readFileSync(file) };
  } catch (error) {
    return { ok: false, issues: [makeIssue('input/read', file, { file, reason: ioFailure(error) })] };
  }
}

/** Writes `text` to `file` (creating its folder), or `output/write` naming the file. */
function writeText(file: string, text: string | Uint8Array): Result<void> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, issues: [makeIssue('output/write', file, { file, reason: ioFailure(error) })] };
  }
}

function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The `<id>/<version>.json` files of a criteria folder, relative with `/`, sorted; `input/read` for a folder that cannot be listed. */
function listCriteriaFiles(dir: string): { readonly files: string[]; readonly issues: Issue[] } {
  const files: string[] = [];
  const issues: Issue[] = [];
  let ids: string[];
  try {
    ids = readdirSync(dir).sort(byCodeUnits);
  } catch (error) {
    return { files, issues: [makeIssue('input/read', dir, { file: dir, reason: ioFailure(error) })] };
  }
  for (const id of ids) {
    const folder = join(dir, id);
    try {
      if (!statSync(folder).isDirectory()) continue;
      for (const name of readdirSync(folder).sort(byCodeUnits)) if (name.endsWith('.json')) files.push(`${id}/${name}`);
    } catch (error) {
      issues.push(makeIssue('input/read', id, { file: folder, reason: ioFailure(error) }));
    }
  }
  return { files, issues };
}

/**
 * Reads every `<id>/<version>.json` of a criteria folder as text, keyed by its
 * path relative to the folder (with `/`), as plain text: no encoding check,
 * no issues (a folder that cannot be listed reads as empty, an unreadable
 * file throws). `verifyCriteriaDir` is the strict reader.
 *
 * @example
 * ```ts
 * import { readCriteriaDir } from 'dti-criteria/node';
 * console.log(readCriteriaDir('criteria').has('can-tho/2022.1.0.json')); // true
 * ```
 */
export function readCriteriaDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of listCriteriaFiles(dir).files) files.set(file, readFileSync(join(dir, file), 'utf8'));
  return files;
}

/** The manifest of a folder as read: whether the file exists, whether it starts with a UTF-8 BOM, and its content or issues. */
interface ManifestRead {
  readonly present: boolean;
  readonly bom: boolean;
  readonly manifest: Result<Manifest>;
}

function loadManifest(dir: string, name: string): ManifestRead {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return { present: false, bom: false, manifest: { ok: true, value: { format: 1, sets: [] } } };
  const bytes = readBytes(file);
  if (!bytes.ok) return { present: true, bom: false, manifest: { ok: false, issues: bytes.issues.map((issue) => relocateIssue(issue, name, { file: name })) } };
  const decoded = safeDecodeUtf8(bytes.value, name);
  if (!decoded.ok) return { present: true, bom: false, manifest: decoded };
  return { present: true, bom: decoded.value.bom, manifest: safeParseManifest(decoded.value.text, name) };
}

/**
 * Reads `manifest.json` of a criteria folder: an empty manifest when the file
 * is absent (a new folder), else the manifest checked by `safeParseManifest`
 * (UTF-8, a BOM tolerated; bad JSON or a wrong shape are coded issues naming
 * the file). Never throws.
 *
 * @example
 * ```ts
 * import { safeReadManifest } from 'dti-criteria/node';
 * const manifest = safeReadManifest('criteria');
 * console.log(manifest.ok && manifest.value.sets.length > 0); // true
 * console.log(safeReadManifest('no-such-folder')); // {"ok":true,"value":{"format":1,"sets":[]}}
 * ```
 */
export function safeReadManifest(dir: string): Result<Manifest> {
  return loadManifest(dir, join(dir, MANIFEST_FILE)).manifest;
}

/**
 * Verifies a criteria folder against its manifest (see `verifyCriteriaFiles`):
 * returns every problem as a coded issue naming its file, relative to the
 * folder. Files are read as bytes, so a BOM or another encoding is seen;
 * a malformed manifest (bad JSON, an unknown field, a bad date), a missing
 * manifest beside published files, an empty or unreadable folder are issues
 * too. Never throws.
 *
 * @example
 * ```ts
 * import { verifyCriteriaDir } from 'dti-criteria/node';
 * console.log(verifyCriteriaDir('criteria')); // []
 * console.log(verifyCriteriaDir('no-such-folder')[0]?.code); // input/read
 * ```
 */
export function verifyCriteriaDir(dir: string): Issue[] {
  try {
    if (!statSync(dir).isDirectory()) return [makeIssue('input/read', dir, { file: dir, reason: 'ENOTDIR' })];
  } catch (error) {
    return [makeIssue('input/read', dir, { file: dir, reason: ioFailure(error) })];
  }
  const listed = listCriteriaFiles(dir);
  const issues: Issue[] = [...listed.issues];
  const read = loadManifest(dir, MANIFEST_FILE);
  if (read.bom) issues.push(makeIssue('version/bom', MANIFEST_FILE, { file: MANIFEST_FILE }));
  if (!read.manifest.ok) return [...issues, ...read.manifest.issues];
  const files = new Map<string, Uint8Array>();
  for (const file of listed.files) {
    const bytes = readBytes(join(dir, file));
    if (bytes.ok) files.set(file, bytes.value);
    else appendAll(issues, bytes.issues.map((issue) => relocateIssue(issue, file, { file })));
  }
  appendAll(issues, verifyCriteriaFiles(read.present ? read.manifest.value : undefined, files, dir));
  return issues;
}

/**
 * Records one set in the folder's manifest, leaving every other entry as it is
 * (a published entry is never re-hashed from a file that may have been altered).
 */
function recordInManifest(dir: string, set: CriteriaSet): Result<void> {
  const current = safeReadManifest(dir);
  if (!current.ok) return current;
  const others = current.value.sets.filter((entry) => !(entry.id === set.id && entry.version === set.version));
  const sets = [...others, ...buildManifest([set]).sets].sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version));
  return writeText(join(dir, MANIFEST_FILE), jsonText({ format: 1, sets } satisfies Manifest));
}

/**
 * Publishes a draft: reads it as UTF-8 (a BOM is accepted and dropped; any
 * other encoding is refused), validates it (refusing on any problem), checks
 * it sits at `<dir>/<id>/<version>.json` and that this version was never
 * published, rewrites it with `"status": "published"` (UTF-8 without BOM) and
 * records it in the manifest. Every failure, file I/O included, is a coded
 * issue naming the file (`input/read`, `input/encoding`, `output/write`, …).
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { safeNewCriteriaVersion, safePublishCriteriaFile } from 'dti-criteria/node';
 * import { canTho2023 } from 'dti-criteria/sets';
 * const dir = join(mkdtempSync(join(tmpdir(), 'dti-')), 'criteria');
 * const draft = safeNewCriteriaVersion(dir, canTho2023, '2024.1.0', { title: 'Bộ chỉ số 2024', effectiveFrom: '2024-03-01' });
 * console.log(draft.ok && safePublishCriteriaFile(draft.value, dir).ok); // true
 * const missing = safePublishCriteriaFile(join(dir, 'can-tho/2030.1.0.json'), dir);
 * console.log(missing.ok ? '' : missing.issues[0]?.code); // input/read
 * ```
 */
export function safePublishCriteriaFile(file: string, dir: string): Result<CriteriaSet> {
  const bytes = readBytes(file);
  if (!bytes.ok) return bytes;
  const decoded = safeDecodeUtf8(bytes.value, file);
  if (!decoded.ok) return decoded;
  const { text } = decoded.value;
  const result = safeParseCriteriaJson(text);
  if (!result.ok) return result;
  const set = result.value;
  const expected = resolve(dir, set.id, `${set.version}.json`);
  if (resolve(file) !== expected) return { ok: false, issues: [makeIssue('version/file-name', file, { expected: relative(process.cwd(), expected).split(sep).join('/') })] };
  const manifest = safeReadManifest(dir);
  if (!manifest.ok) return manifest;
  const previous = manifest.value.sets.find((entry) => entry.id === set.id && entry.version === set.version);
  if (previous?.status === 'published') return { ok: false, issues: [makeIssue('version/already-published', file, { ref: `${set.id}@${set.version}` })] };
  // The text validated as a criteria set, so it is a JSON object; its key order is kept.
  const published = jsonText({ ...(JSON.parse(text) as Record<string, unknown>), status: 'published' });
  const stamped = safeParseCriteriaJson(published);
  if (!stamped.ok) return stamped;
  const written = writeText(file, published);
  if (!written.ok) return written;
  const recorded = recordInManifest(dir, stamped.value);
  if (!recorded.ok) {
    // Leave the folder as it was: the draft back, unpublished.
    writeText(file, bytes.value);
    return recorded;
  }
  return stamped;
}

/** What a new version says of itself: its title, description and dates (the old version's are never carried over). */
export interface NewVersionOptions {
  /** The Vietnamese title (required). */
  readonly title: string;
  /** The English title. */
  readonly titleEn?: string | undefined;
  /** The Vietnamese description; without one (and without `descriptionEn`) the new version has none. */
  readonly description?: string | undefined;
  /** The English description (needs `description`). */
  readonly descriptionEn?: string | undefined;
  /** `effective.from`, `YYYY-MM-DD`; default the first day of the new version's year. */
  readonly effectiveFrom?: string | undefined;
  /** `effective.to`, `YYYY-MM-DD`, or `null` (default) for no end. */
  readonly effectiveTo?: string | null | undefined;
}

/** Coded issues for the arguments of `safeNewCriteriaVersion` that no file is needed to judge. */
function checkNewVersionArguments(id: string, fromVersion: string, newVersion: string, options: NewVersionOptions, from: string, to: string | null): Issue[] {
  const issues: Issue[] = [];
  if (!commonSchemas().kebabId.safeParse(id).success) issues.push(makeIssue('schema/format', 'id', { format: 'kebab-id' }));
  if (!commonSchemas().version.safeParse(fromVersion).success) issues.push(makeIssue('schema/version', 'fromVersion'));
  const versionOk = commonSchemas().version.safeParse(newVersion).success;
  if (!versionOk) issues.push(makeIssue('schema/version', 'version'));
  if (options.title.trim() === '') issues.push(makeIssue('schema/required', 'title.vi'));
  if (options.description === undefined && options.descriptionEn !== undefined) issues.push(makeIssue('schema/required', 'description.vi'));
  // The default start date comes from the new version's year: judged only when that version reads.
  if ((options.effectiveFrom !== undefined || versionOk) && !isIsoDate(from)) issues.push(makeIssue('schema/date', 'effective.from'));
  if (to !== null && !isIsoDate(to)) issues.push(makeIssue('schema/date', 'effective.to'));
  if (to !== null && isIsoDate(from) && isIsoDate(to) && to < from) issues.push(makeIssue('criteria/effective-dates', 'effective.to'));
  return issues;
}

function localized(vi: string | undefined, en: string | undefined): { vi: string; en?: string } | undefined {
  if (vi === undefined) return undefined;
  return en === undefined ? { vi: vi.trim() } : { vi: vi.trim(), en: en.trim() };
}

/**
 * The new version's object: the old one's keys in their order, with version,
 * status, title, description and dates replaced (description right after the
 * title, or dropped).
 */
function newVersionData(data: Readonly<Record<string, unknown>>, fields: ReadonlyMap<string, unknown>, description: unknown): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'description') continue;
    entries.push([key, fields.has(key) ? fields.get(key) : value]);
    if (key === 'title' && description !== undefined) entries.push(['description', description]);
  }
  for (const [key, value] of fields) if (!Object.prototype.hasOwnProperty.call(data, key)) entries.push([key, value]);
  if (description !== undefined && !entries.some(([key]) => key === 'description')) entries.push(['description', description]);
  return Object.fromEntries(entries);
}

/**
 * Starts a new version in the folder `dir` as a draft copy of `source` (any
 * set: from the folder, another folder or the embedded sets, resolved by the
 * caller), creating the folder and its manifest when needed: `status` becomes
 * `"draft"`, `version` the new one, the title and description are the ones
 * given (nothing of the old version's text is kept: no description given, no
 * description), and `effective` runs from `options.effectiveFrom` (default the
 * first day of the new version's year) to `options.effectiveTo` (default no
 * end). Bad arguments, dates included, are coded issues; nothing is written
 * then. Returns the new file's path.
 *
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { safeNewCriteriaVersion } from 'dti-criteria/node';
 * import { canTho2025 } from 'dti-criteria/sets';
 * const dir = join(mkdtempSync(join(tmpdir(), 'dti-')), 'criteria');
 * const made = safeNewCriteriaVersion(dir, canTho2025, '2026.1.0', { title: 'Bộ chỉ số năm 2026', titleEn: 'Index 2026', effectiveFrom: '2026-02-15' });
 * console.log(made.ok ? made.value.endsWith('2026.1.0.json') : made.issues); // true
 * const draft = made.ok ? JSON.parse(readFileSync(made.value, 'utf8')) : {};
 * console.log([draft.status, draft.title, draft.description, draft.effective]); // ["draft",{"vi":"Bộ chỉ số năm 2026","en":"Index 2026"},null,{"from":"2026-02-15","to":null}]
 * const late = safeNewCriteriaVersion(dir, canTho2025, '2027.1.0', { title: 'x', effectiveFrom: '2027-12-31', effectiveTo: '2027-01-01' });
 * console.log(late.ok ? '' : late.issues.map((i) => i.code)); // ["criteria/effective-dates"]
 * ```
 */
export function safeNewCriteriaVersion(dir: string, source: CriteriaSet, newVersion: string, options: NewVersionOptions): Result<string> {
  const { id, version: fromVersion } = source;
  const from = options.effectiveFrom ?? `${newVersion.slice(0, 4)}-01-01`;
  const to = options.effectiveTo ?? null;
  const invalid = checkNewVersionArguments(id, fromVersion, newVersion, options, from, to);
  if (invalid.length > 0) return { ok: false, issues: invalid };
  const target = join(dir, id, `${newVersion}.json`);
  if (existsSync(target)) return { ok: false, issues: [makeIssue('version/exists', target, { file: target })] };
  const data: unknown = source;
  const fields = new Map<string, unknown>([
    ['version', newVersion],
    ['status', 'draft'],
    ['title', localized(options.title, options.titleEn)],
    ['effective', { from, to }],
  ]);
  const copy = newVersionData(data as Record<string, unknown>, fields, localized(options.description, options.descriptionEn));
  const text = jsonText(copy);
  const checked = safeParseCriteriaJson(text);
  if (!checked.ok) return { ok: false, issues: checked.issues.map((issue) => inFile(issue, target)) };
  const written = writeText(target, text);
  if (!written.ok) return written;
  const recorded = recordInManifest(dir, checked.value);
  if (!recorded.ok) {
    // Leave the folder as it was: no draft that the manifest does not list.
    try {
      rmSync(target, { force: true });
    } catch {
      // The issue already names the write that failed.
    }
    return recorded;
  }
  return { ok: true, value: target };
}
