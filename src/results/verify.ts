import * as z from 'zod';
import { canonicalJson } from '../canonical/canonical-json.js';
import { valueView } from '../canonical/input-hash.js';
import { DtiError, inFile, makeIssue, type Issue, type Result } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import type { VersionFacts } from '../criteria/in-force.js';
import { idKey } from '../format/identity.js';
import { once } from '../format/once.js';
import type { InputLimits } from '../limits.js';
import { formatPath, type PathSegment } from '../path.js';
import { explainUnit } from '../scoring/explain.js';
import type { UnitResult } from '../scoring/result-types.js';
import { safeScoreBatch } from '../scoring/score-batch.js';
import { addZodIssues, IssueSink } from './issues.js';
import { sameExplanation } from './legacy-texts.js';
import { resultsSchemas } from './schema.js';
import { checkEnvelope } from './stamp.js';

/** Options of {@link safeVerifyResults} and {@link verifyResults}. */
export interface VerifyOptions {
  /** The versions known, passed on to scoring (see `ScoreOptions.versions`). */
  readonly versions?: readonly VersionFacts[];
  /** Size limits of the submission (see `ScoreOptions.limits`). */
  readonly limits?: Partial<InputLimits>;
  /** The results file's name: its problems then name it (`file`). */
  readonly resultsFile?: string;
  /** The submission file's name: its problems then name it (`file`). */
  readonly submissionFile?: string;
}

/** The issues with the file they were found in, when it is known. */
const named = (issues: readonly Issue[], file: string | undefined): readonly Issue[] => (file === undefined ? issues : issues.map((issue) => inFile(issue, file)));

/**
 * The answer of {@link safeVerifyResults}: `identical` when recomputing the
 * results from the criteria and the submission gives every published figure;
 * otherwise each difference, a coded issue (`verify/*`) naming the unit, the
 * node, the field, the published and the recomputed value.
 */
export interface Verification {
  readonly identical: boolean;
  readonly differences: readonly Issue[];
}

type Loose = Readonly<Record<string, unknown>>;

/** What a results file must be for its figures to be compared: the stamp, and units each with an id and nodes (figures are compared, not checked). */
const verifiableSchema = once(() => {
  const { criteriaStamp, input } = resultsSchemas();
  const unit = z.looseObject({ unit: z.string().min(1), input: input.optional(), nodes: z.record(z.string(), z.looseObject({})) });
  return z.looseObject({
    criteria: criteriaStamp,
    input: input.optional(),
    period: z.string().nullable().optional(),
    results: z.array(unit),
    rejected: z.array(z.looseObject({ unit: z.string() })).optional(),
  });
});

/** A value as a difference shows it: text as is, absent as `—`, anything else as canonical JSON. */
function shown(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : canonicalJson(value);
}

const same = (a: unknown, b: unknown): boolean => a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/** The keys of two objects, those of `a` first (in order), then those only in `b`. */
function keysOf(a: Loose, b: Loose): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

interface UnitComparison {
  readonly published: Loose;
  readonly recomputed: UnitResult;
  readonly at: readonly PathSegment[];
  readonly add: (code: 'verify/figure' | 'verify/node' | 'verify/input', path: readonly PathSegment[], params: Record<string, string>) => void;
}

/** Every field of one unit and of its nodes; explanations only where the published file has them. */
function compareUnit({ published, recomputed, at, add }: UnitComparison): void {
  const unit = recomputed.unit;
  const publishedNodes = published.nodes as Readonly<Record<string, Loose>>;
  const explained = Object.values(publishedNodes).some((node) => node.explanation !== undefined);
  const ours = (explained ? explainUnit(recomputed) : recomputed) as unknown as Loose;
  const ourInput = (ours.input as { sha256?: string } | undefined)?.sha256;
  const theirInput = (published.input as { sha256?: string } | undefined)?.sha256;
  if (theirInput !== undefined && ourInput !== undefined && theirInput !== ourInput) add('verify/input', [...at, 'input', 'sha256'], { unit, published: theirInput, recomputed: ourInput });
  for (const field of keysOf(published, ours)) {
    if (field === 'unit' || field === 'nodes' || field === 'input') continue;
    if (!same(published[field], ours[field])) add('verify/figure', [...at, field], { unit, field, published: shown(published[field]), recomputed: shown(ours[field]) });
  }
  const ourNodes = ours.nodes as Readonly<Record<string, Loose>>;
  for (const node of keysOf(publishedNodes, ourNodes)) {
    const theirs = publishedNodes[node];
    const mine = ourNodes[node];
    if (theirs === undefined || mine === undefined) {
      add('verify/node', [...at, 'nodes', node], { unit, node, side: theirs === undefined ? 'recomputed' : 'published' });
      continue;
    }
    for (const field of keysOf(theirs, mine)) {
      if (field === 'explanation' && theirs.explanation === undefined) continue;
      // An `info` leaf's value is kept as given: 237 from JSON, "237" from CSV, the same input (see `unitInputHash`).
      // An explanation published by version 0.1 wrote its Vietnamese numbers as data does (16.00): still the same words.
      const equal = field === 'value' ? same(valueView(theirs.value), valueView(mine.value)) : field === 'explanation' ? sameExplanation(theirs.explanation, mine.explanation) : same(theirs[field], mine[field]);
      if (!equal) add('verify/figure', [...at, 'nodes', node, field], { unit, node, field, published: shown(theirs[field]), recomputed: shown(mine[field]) });
    }
  }
}

/**
 * Recomputes published results from the criteria set and the submission, and
 * says whether every figure is the one published ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): anyone holding
 * the three files can confirm them. Pure; never throws for bad input.
 *
 * The submission is scored as `dti score` scores it (invalid units rejected
 * and listed, not failing the batch; appraisers kept when the published
 * file names them; raw inputs kept and compared when the published file keeps
 * them; explanations compared when the published file has them).
 * Then, each difference a coded issue at its path in the published file:
 *
 * - `verify/criteria`: the stamp's `id`, `version` or `sha256` is not the
 *   set's (one issue per field that differs);
 * - `verify/period`: the periods differ;
 * - `verify/input`: the batch's or a unit's input hash differs: the
 *   submission changed since the results were published (compared where the
 *   published file has hashes: files written before them are checked on
 *   their figures only);
 * - `verify/unit-missing`, `verify/unit-added`: a unit in one and not the
 *   other (ids compared after NFC normalisation); `verify/rejected`: a unit
 *   rejected in one and not the other;
 * - `verify/node`: a node in one unit's results and not the other's;
 * - `verify/figure`: a field of a unit or of a node (points, maxima, index,
 *   status, rating, rank, self-assessed points, appraisal, evidence, text)
 *   with the published and the recomputed value. An explanation whose
 *   Vietnamese text writes its numbers as version 0.1 did (`16.00` where
 *   the texts now write `16,00`) is the same text.
 *
 * `warnings` and `generator` are not compared (a newer library may warn
 * differently and still give every figure). The result is an error only when
 * the published data is not a results file or the submission cannot be read
 * (issues as `safeScoreBatch` returns them).
 *
 * @example
 * ```ts
 * import { safeScoreBatch, safeVerifyResults } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = { period: '2022', units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } }] };
 * const scored = safeScoreBatch(criteria, submission, { inputHashes: true });
 * if (scored.ok) {
 *   const published = JSON.parse(JSON.stringify(scored.value));
 *   const honest = safeVerifyResults(published, submission, criteria);
 *   if (honest.ok) console.log(honest.value.identical); // true
 *   published.results[0].nodes['CQS.1.3'].points = '20.00';
 *   const edited = safeVerifyResults(published, submission, criteria);
 *   if (edited.ok) console.log(edited.value.differences.map((d) => `${d.path} ${d.code}`)); // ["results[0].nodes[\"CQS.1.3\"].points verify/figure"]
 *   if (edited.ok) console.log(edited.value.differences[0]?.message.en); // unit "cai-khe", "CQS.1.3": "points" published 20.00, recomputed 16.00
 * }
 * ```
 */
export function safeVerifyResults(published: unknown, submission: unknown, criteria: CriteriaSet, options: VerifyOptions = {}): Result<Verification> {
  const sink = new IssueSink([]);
  const object = checkEnvelope(published, sink);
  if (object === undefined) return { ok: false, issues: named(sink.issues, options.resultsFile) };
  const parsed = verifiableSchema().safeParse(object);
  if (!parsed.success) {
    addZodIssues(sink, parsed.error.issues, object);
    return { ok: false, issues: named(sink.issues, options.resultsFile) };
  }
  const report = parsed.data;
  const units = report.results as readonly Loose[];
  const withAppraisers = units.some((unit) => Object.values(unit.nodes as Readonly<Record<string, Loose>>).some((node) => (node.appraisal as Loose | undefined)?.by !== undefined));
  const keepInputs = units.some((unit) => Object.values(unit.nodes as Readonly<Record<string, Loose>>).some((node) => node.given !== undefined));
  const scored = safeScoreBatch(criteria, submission, { skipInvalid: true, inputHashes: true, withAppraisers, keepInputs, ...(options.versions ? { versions: options.versions } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  if (!scored.ok) return { ok: false, issues: named(scored.issues, options.submissionFile) };
  const ours = scored.value;
  const differences: Issue[] = [];
  const add = (code: Parameters<typeof makeIssue>[0], path: readonly PathSegment[], params: Record<string, string>): void => {
    differences.push(makeIssue(code, formatPath(path), params as never));
  };
  for (const field of ['id', 'version', 'sha256'] as const) {
    if (report.criteria[field] !== ours.criteria[field]) add('verify/criteria', ['criteria', field], { field, published: report.criteria[field], recomputed: ours.criteria[field] });
  }
  const period = report.period ?? null;
  if (period !== ours.period) add('verify/period', ['period'], { published: shown(period), recomputed: shown(ours.period) });
  if (report.input !== undefined && ours.input !== undefined && report.input.sha256 !== ours.input.sha256) add('verify/input', ['input', 'sha256'], { published: report.input.sha256, recomputed: ours.input.sha256 });
  const byId = new Map(ours.results.map((unit) => [idKey(unit.unit), unit]));
  const matched = new Set<string>();
  units.forEach((unit, position) => {
    const key = idKey(unit.unit as string);
    const recomputed = matched.has(key) ? undefined : byId.get(key);
    if (recomputed === undefined) {
      add('verify/unit-missing', ['results', position], { unit: unit.unit as string });
      return;
    }
    matched.add(key);
    compareUnit({ published: unit, recomputed, at: ['results', position], add });
  });
  for (const unit of ours.results) if (!matched.has(idKey(unit.unit))) add('verify/unit-added', ['results'], { unit: unit.unit });
  const theirRejected = new Set((report.rejected ?? []).map((entry) => idKey(entry.unit)));
  const ourRejected = new Set(ours.rejected.map((entry) => idKey(entry.unit)));
  for (const unit of theirRejected) if (!ourRejected.has(unit)) add('verify/rejected', ['rejected'], { unit, side: 'published' });
  for (const unit of ourRejected) if (!theirRejected.has(unit)) add('verify/rejected', ['rejected'], { unit, side: 'recomputed' });
  return { ok: true, value: { identical: differences.length === 0, differences: named(differences, options.resultsFile) } };
}

/**
 * Like {@link safeVerifyResults}, but returns the verification or throws a
 * {@link DtiError} when the inputs cannot be read.
 *
 * @example
 * ```ts
 * import { DtiError, scoreBatch, verifyResults } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = { units: [{ id: 'cai-khe', level: 'commune', values: {} }] };
 * const published = scoreBatch(criteria, submission, { inputHashes: true });
 * console.log(verifyResults(published, submission, criteria).identical); // true
 * const other = { units: [{ id: 'an-binh', level: 'commune', values: {} }] };
 * console.log(verifyResults(published, other, criteria).differences.map((d) => d.code)); // ["verify/input","verify/unit-missing","verify/unit-added"]
 * try { verifyResults({ results: 1 }, submission, criteria); } catch (e) { if (e instanceof DtiError) console.log(e.issues[0]?.path); } // criteria
 * ```
 */
export function verifyResults(published: unknown, submission: unknown, criteria: CriteriaSet, options: VerifyOptions = {}): Verification {
  const verified = safeVerifyResults(published, submission, criteria, options);
  if (!verified.ok) throw new DtiError(verified.issues);
  return verified.value;
}
