// A criteria set the officer loads in the browser, so that a newly published version
// needs no new portal:
//
// - from an address: a set file with the SHA-256 the Department published, or the
//   folder's manifest.json (every published set it lists is fetched next to it and
//   checked against the manifest's hash);
// - from a file: checked when a SHA-256 is given, else opened unchecked (a draft the
//   Department sent, a set that requires evidence...).
//
// The check is the library's own (`verifyCriteriaFiles`, as `dti criteria verify`
// runs it): a mismatch is `version/hash-mismatch`, a published file changed; every
// refusal is a coded issue. Sets loaded are kept in this browser (localStorage), so
// a draft made with one reopens after a reload.
import {
  criteriaHash,
  makeIssue,
  manifestEntry,
  safeParseCriteriaJson,
  safeParseManifest,
  verifyCriteriaFiles,
  type CriteriaSet,
  type Issue,
  type ManifestEntry,
  type Result,
} from 'dti-criteria';
import { embeddedCriteria } from 'dti-criteria/sets';

/** A set loaded in the browser, and where it came from. */
export interface LoadedSet {
  /** Its value in the set picker: `file:<id>@<version>` (an embedded set of the same id@version stays apart). */
  readonly value: string;
  readonly criteria: CriteriaSet;
  /** The address or file name it was read from. */
  readonly origin: string;
  /** Whether its SHA-256 was checked against a published one (the manifest's, or one typed in). */
  readonly verified: boolean;
  /** The JSON text as read, kept to reopen it after a reload. */
  readonly text: string;
}

/** Picker values of loaded sets start so. */
export const FILE_PREFIX = 'file:';

const SHA256 = /^[0-9a-f]{64}$/;

/** A set file's text read and parsed, or the library's issues. */
function parseSet(text: string, origin: string, verified: boolean): Result<LoadedSet> {
  const read = safeParseCriteriaJson(text);
  if (!read.ok) return read;
  const criteria = read.value;
  return { ok: true, value: { value: `${FILE_PREFIX}${criteria.id}@${criteria.version}`, criteria, origin, verified, text } };
}

/**
 * Checks a set file's bytes against a published SHA-256 with the library's
 * folder check, as if the file sat at `<id>/<version>.json` under a manifest
 * listing it as published with that hash: the hash, a BOM, the status
 * (a draft is not published) and the file's own facts.
 */
function checkAgainst(bytes: Uint8Array, entry: ManifestEntry): Issue[] {
  return verifyCriteriaFiles({ format: 1, sets: [entry] }, new Map([[entry.file, bytes]]));
}

/** The SHA-256 typed in: lower case, or a coded issue when it is not 64 hexadecimal digits. */
export function readSha256(text: string): Result<string | undefined> {
  const hash = text.trim().toLowerCase();
  if (hash === '') return { ok: true, value: undefined };
  return SHA256.test(hash) ? { ok: true, value: hash } : { ok: false, issues: [makeIssue('schema/format', 'sha256', { format: 'sha256' })] };
}

/** A set file's bytes and its published hash: the set, or every problem as a coded issue. */
export function readPublishedSet(bytes: Uint8Array, origin: string, sha256: string | undefined): Result<LoadedSet> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const parsed = parseSet(text, origin, sha256 !== undefined);
  if (!parsed.ok || sha256 === undefined) return parsed;
  const entry: ManifestEntry = { ...manifestEntry(parsed.value.criteria), status: 'published', sha256 };
  const issues = checkAgainst(bytes, entry);
  return issues.length > 0 ? { ok: false, issues } : parsed;
}

async function fetchBytes(url: string): Promise<Result<Uint8Array>> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return { ok: false, issues: [makeIssue('input/read', '$', { file: url, reason: `HTTP ${response.status}` })] };
    return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { ok: false, issues: [makeIssue('input/read', '$', { file: url, reason: 'network', detail: error instanceof Error ? error.name : 'unknown' })] };
  }
}

/** Whether JSON text is a manifest rather than a set: `{ "format": 1, "sets": [...] }`. */
function isManifestText(text: string): boolean {
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return typeof data === 'object' && data !== null && Array.isArray((data as { sets?: unknown }).sets);
  } catch {
    return false;
  }
}

/**
 * Loads from an address: a manifest (every published set it lists, checked
 * against its hash; those embedded in the portal with the same hash are
 * skipped, one embedded with another hash is `criteria/conflict`), or a set
 * file, whose published SHA-256 is then required.
 */
export async function loadFromUrl(address: string, sha256Text: string): Promise<Result<LoadedSet[]>> {
  let url: URL;
  try {
    url = new URL(address.trim(), document.baseURI);
  } catch {
    return { ok: false, issues: [makeIssue('schema/format', 'url', { format: 'url' })] };
  }
  const hash = readSha256(sha256Text);
  if (!hash.ok) return hash;
  const fetched = await fetchBytes(url.href);
  if (!fetched.ok) return fetched;
  const text = new TextDecoder().decode(fetched.value);
  if (!isManifestText(text)) {
    if (hash.value === undefined) return { ok: false, issues: [makeIssue('schema/required', 'sha256')] };
    const read = readPublishedSet(fetched.value, url.href, hash.value);
    return read.ok ? { ok: true, value: [read.value] } : read;
  }
  const manifest = safeParseManifest(text, url.href);
  if (!manifest.ok) return manifest;
  const embedded = new Map(embeddedCriteria.list().map((entry) => [entry.ref, entry.sha256]));
  const loaded: LoadedSet[] = [];
  const issues: Issue[] = [];
  for (const entry of manifest.value.sets) {
    if (entry.status !== 'published') continue;
    const ref = `${entry.id}@${entry.version}`;
    const own = embedded.get(ref);
    if (own !== undefined) {
      if (own !== entry.sha256) issues.push(makeIssue('criteria/conflict', '$', { ref, first: `embedded (sha256 ${own.slice(0, 12)})`, second: `${url.href} (sha256 ${entry.sha256.slice(0, 12)})` }));
      continue;
    }
    const fileUrl = new URL(entry.file, url).href;
    const bytes = await fetchBytes(fileUrl);
    if (!bytes.ok) {
      issues.push(...bytes.issues);
      continue;
    }
    const parsed = parseSet(new TextDecoder().decode(bytes.value).replace(/^\uFEFF/, ''), fileUrl, true);
    const problems = parsed.ok ? checkAgainst(bytes.value, entry) : parsed.issues;
    if (problems.length > 0 || !parsed.ok) issues.push(...problems);
    else loaded.push(parsed.value);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: loaded };
}

/** Loads a file picked on the officer's computer: checked when a SHA-256 is given, else opened unchecked. */
export async function loadFromFile(file: File, sha256Text: string): Promise<Result<LoadedSet>> {
  const hash = readSha256(sha256Text);
  if (!hash.ok) return hash;
  return readPublishedSet(new Uint8Array(await file.arrayBuffer()), file.name, hash.value);
}

/** What is kept in localStorage of a loaded set. */
interface StoredSet {
  readonly origin: string;
  readonly verified: boolean;
  readonly text: string;
  readonly sha256: string;
}

const SETS_KEY = 'dti-portal:v1:sets';

/** The sets kept in this browser, read again (a text that no longer reads, or was changed, is dropped). */
export function storedSets(storage: Storage | undefined): LoadedSet[] {
  if (!storage) return [];
  let stored: StoredSet[];
  try {
    stored = JSON.parse(storage.getItem(SETS_KEY) ?? '[]') as StoredSet[];
  } catch {
    return [];
  }
  const out: LoadedSet[] = [];
  for (const entry of Array.isArray(stored) ? stored : []) {
    const parsed = parseSet(entry.text, entry.origin, entry.verified);
    if (parsed.ok && criteriaHash(parsed.value.criteria) === entry.sha256) out.push(parsed.value);
  }
  return out;
}

/** Keeps the loaded sets in this browser; the library's `output/write` issue when the storage refuses. */
export function storeSets(storage: Storage | undefined, sets: Iterable<LoadedSet>): Issue | undefined {
  if (!storage) return undefined;
  const stored: StoredSet[] = [...sets].map((set) => ({ origin: set.origin, verified: set.verified, text: set.text, sha256: criteriaHash(set.criteria) }));
  try {
    storage.setItem(SETS_KEY, JSON.stringify(stored));
    return undefined;
  } catch (error) {
    return makeIssue('output/write', '$', { file: 'localStorage', reason: error instanceof Error ? error.name : 'unknown' });
  }
}
