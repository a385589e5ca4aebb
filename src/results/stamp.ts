import { criteriaHash } from '../compile/criteria-hash.js';
import type { Result } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import type { PathSegment } from '../path.js';
import type { CriteriaStamp } from '../scoring/result-types.js';
import { RESULTS_FORMAT, readFormat } from './format.js';
import { addZodIssues, IssueSink } from './issues.js';
import { resultsSchemas } from './schema.js';

/** Options of {@link readResultsStamp}, `safeParseScoreReport` and `parseScoreReport`. */
export interface ResultsReadOptions {
  /** Where the report sits in a larger document: every issue path starts with it (default: none, a file of its own). */
  readonly path?: readonly PathSegment[];
}

/** `true` for a plain object (not an array, not `null`). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses what is not an object or is of a newer format than this library
 * reads; `undefined` when `data` can be read further.
 */
export function checkEnvelope(data: unknown, sink: IssueSink): Readonly<Record<string, unknown>> | undefined {
  if (!isRecord(data)) {
    sink.add('schema/type', [], { expected: 'object' });
    return undefined;
  }
  const format = readFormat(data);
  if (format.kind === 'newer') {
    sink.add('results/format-version', ['format'], { format: format.format, supported: RESULTS_FORMAT });
    return undefined;
  }
  return data;
}

/**
 * The criteria stamp of a results file (`criteria: { id, version, sha256 }`),
 * read before anything else so that the set it names can be found; every
 * problem with it as a coded issue. Checks only the stamp and the format:
 * `safeParseScoreReport` then checks the whole file against the set.
 *
 * @example
 * ```ts
 * import { readResultsStamp, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), { units: [] });
 * const stamp = readResultsStamp(JSON.parse(JSON.stringify(report)));
 * if (stamp.ok) console.log(`${stamp.value.id}@${stamp.value.version}`); // can-tho@2022.1.0
 * const newer = readResultsStamp({ ...report, format: 2 });
 * if (!newer.ok) console.log(newer.issues.map((i) => `${i.path} ${i.code}`)); // ["format results/format-version"]
 * ```
 */
export function readResultsStamp(data: unknown, options: ResultsReadOptions = {}): Result<CriteriaStamp> {
  const sink = new IssueSink(options.path ?? []);
  const object = checkEnvelope(data, sink);
  if (object === undefined) return { ok: false, issues: sink.issues };
  const stamp = resultsSchemas().criteriaStamp.safeParse(object.criteria);
  if (stamp.success) return { ok: true, value: stamp.data };
  addZodIssues(sink, stamp.error.issues, object.criteria, ['criteria']);
  return { ok: false, issues: sink.issues };
}

/** `compare/criteria-mismatch` when the stamp does not name `criteria` exactly (id, version and sha256). */
export function checkStamp(stamp: CriteriaStamp, criteria: CriteriaSet, sink: IssueSink): boolean {
  if (stamp.id === criteria.id && stamp.version === criteria.version && stamp.sha256 === criteriaHash(criteria)) return true;
  sink.add('compare/criteria-mismatch', ['criteria'], {
    given: `${stamp.id}@${stamp.version}`,
    givenHash: stamp.sha256.slice(0, 12),
    used: `${criteria.id}@${criteria.version}`,
  });
  return false;
}
