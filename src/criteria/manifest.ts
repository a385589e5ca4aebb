import { appendAll } from '../limits.js';
import * as z from 'zod';
import { canonicalJson } from '../canonical/canonical-json.js';
import { criteriaHash } from '../compile/criteria-hash.js';
import { sha256Hex } from '../canonical/sha256.js';
import { compareVersions } from './versions.js';
import { inFile, makeIssue, type Issue, type Result } from '../errors.js';
import { commonSchemas } from '../format/common.js';
import { once } from '../format/once.js';
import { isPlainManifest } from './plain-manifest.js';
import { codedPattern } from '../format/coded.js';
import { safeParseCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { byCodeUnits } from '../order.js';
import { parseJsonText } from '../format/json-text.js';
import { safeDecodeUtf8 } from '../format/text-bytes.js';
import { fromZodIssues } from '../format/zod-issues.js';

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
 * import { manifestEntry } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
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
 * import { buildManifest } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * console.log(buildManifest([getCriteria('can-tho@2023.1.0'), getCriteria('can-tho@2022.1.0')]).sets[0]?.version); // 2022.1.0
 * ```
 */
export function buildManifest(sets: readonly CriteriaSet[]): Manifest {
  const entries = sets.map(manifestEntry).sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version));
  return { format: 1, sets: entries };
}

/** The manifest's name inside a criteria folder, the path its issues carry. */
const MANIFEST_NAME = 'manifest.json';

/** The manifest's shape: strict (an unknown field is refused), every field checked. */
export const manifestSchema = once(() => {
  const { kebabId: kebabIdSchema, version: versionSchema, date: dateSchema } = commonSchemas();
  return z.strictObject({
  format: z.literal(1),
  sets: z.array(
    z.strictObject({
      id: kebabIdSchema,
      version: versionSchema,
      status: z.enum(['draft', 'published']),
      effective: z.strictObject({ from: dateSchema, to: dateSchema.nullable() }),
      basis: z.array(z.string().min(1)),
      sha256: codedPattern(z.string(), /^[0-9a-f]{64}$/, 'schema/format', { format: 'sha256' }),
      file: codedPattern(z.string(), /^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\.\d+\.\d+\.json$/, 'schema/format', { format: 'manifest-file' }),
    }),
  ),
  });
});

/**
 * Reads the JSON text of a `manifest.json` (a UTF-8 BOM is allowed here; the
 * folder check flags it): bad JSON and any departure from the manifest's
 * shape (a missing or unknown field, a bad date, id, version or hash) are
 * coded issues whose path starts with `file`. Never throws. Exported by the
 * core entry point (a portal checks a published manifest in the browser) and
 * by `dti-criteria/node`.
 *
 * @example
 * ```ts
 * import { safeParseManifest } from 'dti-criteria';
 * console.log(safeParseManifest('{ "format": 1, "sets": [] }').ok); // true
 * const unknown = safeParseManifest('{ "format": 1, "sets": [], "signedBy": "x" }');
 * console.log(unknown.ok ? [] : unknown.issues.map((i) => `${i.code} ${i.file}: ${i.path}`)); // ["schema/unknown-key manifest.json: signedBy"]
 * const broken = safeParseManifest('{ "format": 1, ', 'criteria/manifest.json');
 * console.log(broken.ok ? [] : broken.issues.map((i) => `${i.code} ${i.path}`)); // ["json/syntax criteria/manifest.json"]
 * ```
 */
export function safeParseManifest(text: string, file = MANIFEST_NAME): Result<Manifest> {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  if (isPlainManifest(parsed.value)) return { ok: true, value: parsed.value as Manifest };
  const checked = manifestSchema().safeParse(parsed.value);
  if (!checked.success) {
    return { ok: false, issues: fromZodIssues(checked.error.issues, parsed.value).map((issue) => inFile(issue, file)) };
  }
  return { ok: true, value: checked.data };
}

/** A criteria file's content as read: its bytes, or text already decoded. */
export type CriteriaFileContent = string | Uint8Array;

interface FileCheck {
  readonly issues: readonly Issue[];
  /** The file is published, by its own status or by the manifest's. */
  readonly published: boolean;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}

/** Every field of a published entry that the file itself states, compared with it. */
function entryMismatches(file: string, entry: ManifestEntry, set: CriteriaSet): Issue[] {
  const differs: string[] = [];
  if (entry.id !== set.id || entry.version !== set.version) differs.push('id/version');
  if (entry.status === 'published') {
    if (entry.effective.from !== set.effective.from) differs.push('effective.from');
    if (entry.effective.to !== set.effective.to) differs.push('effective.to');
    if (JSON.stringify(entry.basis) !== JSON.stringify(set.basis.map((b) => b.ref))) differs.push('basis');
  }
  return differs.map((field) => makeIssue('version/entry-mismatch', file, { file, field }));
}

/** Checks one file of the folder against its manifest entry (if any). */
function checkFile(file: string, content: CriteriaFileContent, entry: ManifestEntry | undefined): FileCheck {
  const listedPublished = entry?.status === 'published';
  let text: string;
  let bom: boolean;
  if (typeof content === 'string') {
    bom = content.startsWith('\uFEFF');
    text = bom ? content.slice(1) : content;
  } else {
    const decoded = safeDecodeUtf8(content, file);
    if (!decoded.ok) return { issues: decoded.issues, published: listedPublished };
    ({ text, bom } = decoded.value);
  }
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { issues: parsed.issues, published: listedPublished };
  const data = parsed.value;
  const status = data !== null && typeof data === 'object' ? (data as { status?: unknown }).status : undefined;
  const published = listedPublished || status === 'published';
  const issues: Issue[] = [];
  if (published && bom) issues.push(makeIssue('version/bom', file, { file }));
  // A manifest entry may say "draft" only of a draft: flipping it hides the edits of a published file.
  if (entry?.status === 'draft' && status !== 'draft') issues.push(makeIssue('version/status-mismatch', file, { file, expected: 'draft', status: shown(status) }));
  if (!published) return { issues, published };
  if (listedPublished) {
    const actual = sha256Hex(canonicalJson(data));
    if (actual !== entry.sha256) issues.push(makeIssue('version/hash-mismatch', file, { file, actual: actual.slice(0, 12), expected: entry.sha256.slice(0, 12) }));
  }
  const result = safeParseCriteria(data);
  if (!result.ok) {
    for (const issue of result.issues) issues.push(inFile(issue, file));
    return { issues, published };
  }
  const set = result.value;
  const expectedFile = `${set.id}/${set.version}.json`;
  if (expectedFile !== file) issues.push(makeIssue('version/file-name', file, { expected: expectedFile }));
  if (!entry) {
    issues.push(makeIssue('version/not-in-manifest', file, { file }));
    return { issues, published };
  }
  if (listedPublished && set.status !== 'published') issues.push(makeIssue('version/unpublished', file, { file, status: set.status }));
  appendAll(issues, entryMismatches(file, entry, set));
  return { issues, published };
}

/** Problems of the manifest on its own: an entry listed twice, a `file` that is not `<id>/<version>.json`, a file missing. */
function checkEntries(sets: readonly ManifestEntry[], files: ReadonlyMap<string, CriteriaFileContent>): Issue[] {
  const issues: Issue[] = [];
  const seenFiles = new Set<string>();
  const seenRefs = new Set<string>();
  for (const entry of sets) {
    const ref = `${entry.id}@${entry.version}`;
    if (seenFiles.has(entry.file) || seenRefs.has(ref)) issues.push(makeIssue('version/duplicate-entry', entry.file, { file: entry.file, ref }));
    seenFiles.add(entry.file);
    seenRefs.add(ref);
    if (entry.file !== `${entry.id}/${entry.version}.json`) issues.push(makeIssue('version/entry-mismatch', entry.file, { file: entry.file, field: 'file' }));
    if (!files.has(entry.file)) issues.push(makeIssue('version/missing-file', entry.file, { file: entry.file }));
  }
  return issues;
}

/**
 * Checks a folder of criteria files (relative path → bytes, or text already
 * decoded) against its manifest (`undefined` when the folder has none). Every
 * problem is a coded issue naming its file:
 *
 * - a published file must be byte-clean UTF-8 without a BOM, valid, sit at
 *   `<id>/<version>.json`, be listed, and still match its recorded sha256 (a
 *   change must be a new version);
 * - the manifest entry and the file agree on status in both directions (an
 *   entry may say `draft` only of a draft file), and a published entry on
 *   id, version, effective dates and basis;
 * - every entry (draft or published) has its file, is listed once, and its
 *   `file` is `<id>/<version>.json`;
 * - a file that is not UTF-8 or not JSON is an issue whatever its status;
 * - a folder with no set at all, and published files with no manifest, are
 *   issues too.
 *
 * Drafts listed as drafts may change freely. `folder` names the folder in
 * the folder-level issues.
 *
 * @example
 * ```ts
 * import { buildManifest, canonicalJson, verifyCriteriaFiles } from 'dti-criteria';
 * import { canTho2022 } from 'dti-criteria/sets';
 * const manifest = buildManifest([canTho2022]);
 * const file = 'can-tho/2022.1.0.json';
 * console.log(verifyCriteriaFiles(manifest, new Map([[file, canonicalJson(canTho2022)]])).length); // 0
 * const tampered = JSON.stringify({ ...canTho2022, title: { vi: 'Sửa lén' } });
 * console.log(verifyCriteriaFiles(manifest, new Map([[file, tampered]]))[0]?.code); // version/hash-mismatch
 * const flipped = { format: 1 as const, sets: manifest.sets.map((entry) => ({ ...entry, status: 'draft' as const })) };
 * console.log(verifyCriteriaFiles(flipped, new Map([[file, tampered]]))[0]?.code); // version/status-mismatch
 * const withBom = new TextEncoder().encode(`\uFEFF${canonicalJson(canTho2022)}`);
 * console.log(verifyCriteriaFiles(manifest, new Map([[file, withBom]]))[0]?.code); // version/bom
 * console.log(verifyCriteriaFiles({ format: 1, sets: [] }, new Map(), 'criteria')[0]?.code); // version/empty-folder
 * ```
 */
export function verifyCriteriaFiles(manifest: Manifest | undefined, files: ReadonlyMap<string, CriteriaFileContent>, folder = '.'): Issue[] {
  const sets = manifest?.sets ?? [];
  if (files.size === 0 && sets.length === 0) return [makeIssue('version/empty-folder', folder, { dir: folder })];
  const listed = new Map<string, ManifestEntry>();
  for (const entry of sets) if (!listed.has(entry.file)) listed.set(entry.file, entry);
  const issues: Issue[] = [];
  let anyPublished = false;
  for (const [file, content] of [...files].sort(([a], [b]) => byCodeUnits(a, b))) {
    const check = checkFile(file, content, listed.get(file));
    appendAll(issues, check.issues);
    anyPublished ||= check.published;
  }
  if (!manifest && anyPublished) issues.push(makeIssue('version/no-manifest', MANIFEST_NAME, { dir: folder, file: MANIFEST_NAME }));
  appendAll(issues, checkEntries(sets, files));
  return issues;
}
