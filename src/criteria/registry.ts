import { criteriaHash } from '../compile/criteria-hash.js';
import { inFile, DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import { safeParseCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { byCodeUnits } from '../order.js';
import { criteriaInForce, type VersionFacts } from './in-force.js';
import { periodRange } from './period.js';
import { parseCriteriaRef } from '../format/reference.js';
import { compareVersions } from './versions.js';

/** One version as a registry lists it: plain data, known without reading the set. */
export interface CriteriaListing extends VersionFacts {
  /** `id@version`. */
  readonly ref: string;
  /** The source it comes from (`embedded`, a folder). */
  readonly source: string;
  /** sha256 of the canonical JSON when the source records it (a manifest, the embedded sets). */
  readonly sha256?: string | undefined;
}

/** One version offered by a source: its facts, and how to read it (validated and deep-frozen). */
export interface CriteriaSourceEntry extends VersionFacts {
  readonly sha256?: string | undefined;
  readonly load: () => Result<CriteriaSet>;
}

/** Where sets come from: a name shown in messages, and the versions it offers. */
export interface CriteriaSource {
  readonly name: string;
  readonly entries: readonly CriteriaSourceEntry[];
}

/** Options of {@link CriteriaRegistry.resolve}. */
export interface ResolveOptions {
  /**
   * The assessment period (`2025`, `2025-H2`, `2025-07`, …). A bare `id`
   * resolves to the version in force on the period's last day; without a
   * period, to the latest published version.
   */
  readonly period?: string | undefined;
}

/** Sets from one or more sources, resolved by reference ([format reference §11](../../docs/reference/criteria-format.md#11-chọn-bộ-tiêu-chí)). */
export interface CriteriaRegistry {
  /** The sources, highest priority first. */
  readonly sources: readonly string[];
  /** Every version of every source, ordered by id, version, then source priority. */
  list(): readonly CriteriaListing[];
  /**
   * Resolves `id@version`, or `id` alone (the version in force for
   * `options.period`, else the latest published). Never throws: unknown
   * references list the versions that exist; the same `id@version` with two
   * hashes in two sources is `criteria/conflict`.
   */
  safeResolve(ref: string, options?: ResolveOptions): Result<CriteriaSet>;
  /** Like {@link CriteriaRegistry.safeResolve}, but throws a {@link DtiError} with the issues. */
  resolve(ref: string, options?: ResolveOptions): CriteriaSet;
}

function facts(set: CriteriaSet): VersionFacts {
  return { id: set.id, version: set.version, status: set.status, effective: set.effective };
}

/**
 * A source made of sets in memory. Each set is validated now (a deep-frozen
 * copy is kept, so later edits of the caller's objects change nothing); throws
 * a {@link DtiError} naming the set when one is invalid.
 *
 * @example
 * ```ts
 * import { createRegistry, criteriaSource, parseCriteria } from 'dti-criteria';
 * import { canTho2025 } from 'dti-criteria/sets';
 * const draft = parseCriteria({ ...JSON.parse(JSON.stringify(canTho2025)), version: '2026.1.0', status: 'draft' });
 * const registry = createRegistry([criteriaSource('drafts', [draft])]);
 * console.log(registry.list().map((e) => `${e.ref} ${e.status}`)); // ["can-tho@2026.1.0 draft"]
 * ```
 */
export function criteriaSource(name: string, sets: readonly CriteriaSet[]): CriteriaSource {
  const issues: Issue[] = [];
  const entries: CriteriaSourceEntry[] = [];
  sets.forEach((input, position) => {
    const checked = safeParseCriteria(input);
    if (!checked.ok) {
      for (const issue of checked.issues) issues.push(inFile(issue, `${name}[${position}]`));
      return;
    }
    const set = checked.value;
    entries.push({ ...facts(set), load: () => ({ ok: true, value: set }) });
  });
  if (issues.length > 0) throw new DtiError(issues);
  return { name, entries };
}

const MAX_REF_SHOWN = 80;

/** A reference as it may be echoed in a message: never more than a line. */
function shown(ref: string): string {
  return ref.length > MAX_REF_SHOWN ? `${ref.slice(0, MAX_REF_SHOWN)}…` : ref;
}

/**
 * A registry over `sources`, highest priority first (for the command line:
 * an explicit folder, `./criteria`, then the embedded sets).
 *
 * @example
 * ```ts
 * import { createRegistry, criteriaSource } from 'dti-criteria';
 * import { canTho2022, canTho2023, canTho2025 } from 'dti-criteria/sets';
 * const registry = createRegistry([criteriaSource('sets', [canTho2022, canTho2023, canTho2025])]);
 * const inForce = registry.safeResolve('can-tho', { period: '2024' });
 * console.log(inForce.ok && inForce.value.version); // 2023.1.0
 * const exact = registry.safeResolve('can-tho@2022.1.0');
 * console.log(exact.ok && exact.value.version); // 2022.1.0
 * const missing = registry.safeResolve('can-tho@2030.1.0');
 * console.log(missing.ok ? '' : missing.issues[0]?.code); // criteria/not-found
 * ```
 */
export function createRegistry(sources: readonly CriteriaSource[]): CriteriaRegistry {
  const all: (CriteriaListing & { readonly rank: number; readonly entry: CriteriaSourceEntry })[] = [];
  sources.forEach((source, rank) => {
    for (const entry of source.entries) {
      all.push({ id: entry.id, version: entry.version, status: entry.status, effective: entry.effective, ref: `${entry.id}@${entry.version}`, source: source.name, sha256: entry.sha256, rank, entry });
    }
  });
  all.sort((a, b) => byCodeUnits(a.id, b.id) || compareVersions(a.version, b.version) || a.rank - b.rank);
  const listing: readonly CriteriaListing[] = all.map(({ ref, id, version, status, effective, source, sha256 }) => ({ ref, id, version, status, effective, source, ...(sha256 !== undefined ? { sha256 } : {}) }));

  /** The versions of `id` (drafts marked `@…:draft`), else every id there is. */
  const known = (id: string): string[] => {
    const ofId = [...new Set(all.filter((e) => e.id === id).map((e) => (e.status === 'draft' ? `${e.ref}:draft` : e.ref)))];
    return ofId.length > 0 ? ofId : [...new Set(all.map((e) => e.id))];
  };

  const hashOf = (candidate: (typeof all)[number]): Result<string> => {
    if (candidate.sha256 !== undefined) return { ok: true, value: candidate.sha256 };
    const loaded = candidate.entry.load();
    return loaded.ok ? { ok: true, value: criteriaHash(loaded.value) } : loaded;
  };

  const loadVersion = (ref: string): Result<CriteriaSet> => {
    const candidates = all.filter((e) => e.ref === ref);
    const first = candidates[0];
    if (!first) return { ok: false, issues: [makeIssue('criteria/not-found', '$', { ref, known: known(ref.split('@')[0] ?? ref) })] };
    if (candidates.length > 1) {
      const firstHash = hashOf(first);
      if (!firstHash.ok) return firstHash;
      for (const other of candidates.slice(1)) {
        const otherHash = hashOf(other);
        if (!otherHash.ok) return otherHash;
        if (otherHash.value !== firstHash.value) {
          return { ok: false, issues: [makeIssue('criteria/conflict', '$', { ref, first: `${first.source} (sha256 ${firstHash.value.slice(0, 12)})`, second: `${other.source} (sha256 ${otherHash.value.slice(0, 12)})` })] };
        }
      }
    }
    const loaded = first.entry.load();
    if (!loaded.ok) return loaded;
    const set = loaded.value;
    if (`${set.id}@${set.version}` !== ref || set.status !== first.status) {
      return { ok: false, issues: [makeIssue('version/entry-mismatch', '$', { file: `${first.source}: ${ref}`, field: 'id/version/status' })] };
    }
    return loaded;
  };

  const safeResolve = (ref: string, options: ResolveOptions = {}): Result<CriteriaSet> => {
    const parsed = parseCriteriaRef(ref);
    if (!parsed) return { ok: false, issues: [makeIssue('criteria/bad-reference', '$', { ref: shown(ref) })] };
    if (parsed.version !== undefined) return loadVersion(ref);
    const published = all.filter((e) => e.id === parsed.id && e.status === 'published');
    if (published.length === 0) return { ok: false, issues: [makeIssue('criteria/not-found', '$', { ref, known: known(parsed.id) })] };
    if (options.period === undefined) return loadVersion(published.at(-1)!.ref);
    const range = periodRange(options.period);
    if (!range) return { ok: false, issues: [makeIssue('version/period-format', 'period', { period: shown(options.period) })] };
    const inForce = criteriaInForce(parsed.id, range.end, published);
    if (!inForce) {
      const versions = [...new Set(published.map((e) => `${e.ref} (${e.effective.from} → ${e.effective.to ?? '…'})`))];
      return { ok: false, issues: [makeIssue('criteria/none-in-force', '$', { id: parsed.id, period: options.period, date: range.end, versions })] };
    }
    return loadVersion(inForce.ref);
  };

  return {
    sources: sources.map((source) => source.name),
    list: () => listing,
    safeResolve,
    resolve(ref, options = {}) {
      const resolved = safeResolve(ref, options);
      if (!resolved.ok) throw new DtiError(resolved.issues);
      return resolved.value;
    },
  };
}
