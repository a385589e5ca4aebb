import { DtiError, type Result } from '../errors.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { readFormat, RESULTS_FORMAT, UNKNOWN_GENERATOR } from './format.js';
import { addZodIssues, IssueSink } from './issues.js';
import { checkNodeCodes, checkNodes, relativeAppraisedKeys, type NodeFacts, type UnitCheck } from './nodes.js';
import { checkRanks } from './ranks.js';
import { checkEvidence } from './evidence.js';
import { checkGiven } from './given.js';
import { resultsSchemas, scoreReportSchema, unitResultSchema, type ResultsPlaces } from './schema.js';
import { checkEnvelope, checkStamp, isRecord, type ResultsReadOptions } from './stamp.js';
import { checkTotals } from './totals.js';
import { checkUniqueUnits, unitAtom } from './units.js';

type ReportSchema = ReturnType<typeof scoreReportSchema>;
type UnitSchema = ReturnType<typeof unitResultSchema>;

/** Schemas built once per format and decimals. */
const schemas = new Map<string, { readonly report: ReportSchema; readonly unit: UnitSchema }>();

function schemasFor(places: ResultsPlaces, format: 0 | 1): { readonly report: ReportSchema; readonly unit: UnitSchema } {
  const key = `${format}:${places.points}:${places.index}`;
  let found = schemas.get(key);
  if (found === undefined) {
    found = { report: scoreReportSchema(places, format), unit: unitResultSchema(places) };
    schemas.set(key, found);
  }
  return found;
}

/**
 * The checks against the set of every unit the schema could read
 * (`undefined` where it could not); the ranks only when every unit could be
 * read and each is listed once (a copy would shift the others' ranks).
 */
function checkUnits(criteria: CompiledCriteria, units: readonly (UnitResult | undefined)[], unique: boolean, sink: IssueSink): void {
  const placed = units.map((unit, position) => (unit === undefined ? undefined : { unit, atom: unitAtom(criteria, unit, position, sink) }));
  const relativeAppraised = relativeAppraisedKeys(criteria, placed.filter((p) => p !== undefined));
  placed.forEach((entry, position) => {
    if (entry === undefined) return;
    const { unit, atom } = entry;
    let tops: (NodeFacts | undefined)[] | undefined;
    if (atom !== undefined) {
      const check: UnitCheck = { criteria, unit, position, atom, relativeAppraised, sink };
      tops = checkNodes(check, criteria.roots);
      checkNodeCodes(check);
      checkEvidence(check);
      checkGiven(check);
    }
    checkTotals({ criteria, unit, position, tops, sink });
  });
  if (unique && units.every((unit) => unit !== undefined)) checkRanks(criteria, units as readonly UnitResult[], sink);
}

/**
 * Reads a results file (what `dti score --format json` prints) and checks it
 * against the criteria set that produced it; never throws. Returns the
 * report, or every problem at once, each a coded issue with its JSON path
 * (`results[3].nodes["CQS.1.3"].points`):
 *
 * - shape (`schema/*`, `results/decimal-places`): strict, unknown fields
 *   refused; every figure a plain decimal string with exactly the set's
 *   `rounding.points` decimals (points, maxPoints, selfPoints, difference) or
 *   `rounding.index` (index); statuses from the known list; `rejected[].issues`
 *   and `warnings` lists of issues (a `code` and a `path`, other fields kept);
 * - format (`results/format-version`): a file without `format` is format 0
 *   (the layout before `format` and `generator`), read and returned as format
 *   1 with `generator` {@link UNKNOWN_GENERATOR}; a higher format is refused;
 * - stamp (`compare/criteria-mismatch`): `criteria.id`, `version` and `sha256`
 *   must be the set's; a file stamped by another set is checked no further;
 * - units: each listed once (`submission/duplicate-unit`, ids compared after
 *   NFC normalisation), level and group declared by the set
 *   (`submission/unknown-level`, `unknown-group`, `group-required`,
 *   `group-not-allowed`); node codes in the set (`results/unknown-node`) and
 *   applying to the unit (`results/node-not-applicable`), every applying node
 *   present (`results/missing-node`);
 * - figures (`results/points-range`, `results/inconsistent`,
 *   `results/status`): `0 <= points <= maxPoints` everywhere; a leaf's
 *   maximum is its points for the unit's level, its status fits its points
 *   and the set's `missing` policy; an aggregate's points and maximum are its
 *   counted children's sums, capped, and its status follows from them; the
 *   unit's totals are its top-level nodes' sums; every index is points /
 *   maximum rounded half-up (null when the maximum is 0); the rating is the
 *   set's band for that index; self-assessed totals add up where the file
 *   holds what they are made of, and `difference = points − selfPoints`;
 * - kept inputs (`given`, see `ScoreOptions.keepInputs`; `results/given`,
 *   `schema/required`): on every leaf of a unit or on none, never on an
 *   aggregate; a leaf keeps a value exactly when it is not `missing`, an
 *   appraised one exactly when it has `selfPoints`;
 * - ranks (`results/rank`): `rank` and `rankInParent` are recomputed from the
 *   results with the set's `ranking` (by, ties, cohort), once every unit is
 *   readable and listed once.
 *
 * @example
 * ```ts
 * import { safeParseScoreReport, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.2.1': true } }] });
 * const file = JSON.parse(JSON.stringify(report));
 * console.log(safeParseScoreReport(file, criteria).ok); // true
 * file.results[0].points = '5000.00';
 * const checked = safeParseScoreReport(file, criteria);
 * if (!checked.ok) console.log(checked.issues.map((i) => `${i.path} ${i.code}`)[0]); // results[0].points results/inconsistent
 * ```
 */
export function safeParseScoreReport(data: unknown, criteria: CriteriaSet, options: ResultsReadOptions = {}): Result<ScoreReport> {
  let compiled: CompiledCriteria;
  try {
    compiled = compileCriteria(criteria);
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
  const sink = new IssueSink(options.path ?? []);
  const object = checkEnvelope(data, sink);
  if (object === undefined) return { ok: false, issues: sink.issues };
  const stamp = resultsSchemas().criteriaStamp.safeParse(object.criteria);
  if (stamp.success && !checkStamp(stamp.data, criteria, sink)) return { ok: false, issues: sink.issues };
  const reading = readFormat(object);
  const format = reading.kind === 'known' ? reading.format : RESULTS_FORMAT;
  const { report: reportSchema, unit: unitSchema } = schemasFor(compiled.rounding, format);
  const parsed = reportSchema.safeParse(object);
  if (parsed.success) {
    const unique = checkUniqueUnits(parsed.data.results.map((unit) => unit.unit), sink);
    checkUnits(compiled, parsed.data.results as unknown as readonly UnitResult[], unique, sink);
    if (sink.issues.length > 0) return { ok: false, issues: sink.issues };
    const value = parsed.data as unknown as Omit<ScoreReport, 'format' | 'generator'> & Partial<Pick<ScoreReport, 'generator'>>;
    const { criteria: stamped, derivedFrom, generator, ...rest } = value;
    return { ok: true, value: { format: RESULTS_FORMAT, criteria: stamped, ...(derivedFrom !== undefined ? { derivedFrom } : {}), generator: generator ?? UNKNOWN_GENERATOR, ...rest } };
  }
  addZodIssues(sink, parsed.error.issues, object);
  // Every problem at once: the units the schema can read are checked against the set too.
  const raw = Array.isArray(object.results) ? (object.results as readonly unknown[]) : [];
  const units = raw.map((unit) => {
    const one = unitSchema.safeParse(unit);
    return one.success ? (one.data as unknown as UnitResult) : undefined;
  });
  const unique = checkUniqueUnits(raw.map((unit) => (isRecord(unit) && typeof unit.unit === 'string' ? unit.unit : undefined)), sink);
  checkUnits(compiled, units, unique, sink);
  return { ok: false, issues: sink.issues };
}

/**
 * Like {@link safeParseScoreReport}, but returns the report or throws a
 * {@link DtiError} listing every problem.
 *
 * @example
 * ```ts
 * import { DtiError, parseScoreReport, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [{ id: 'cai-khe', level: 'commune', values: {} }] });
 * console.log(parseScoreReport(report, criteria).results[0]?.unit); // cai-khe
 * const twice = { ...report, results: [...report.results, ...report.results] };
 * let issues: readonly { code: string; path: string }[] = [];
 * try { parseScoreReport(twice, criteria); } catch (e) { if (e instanceof DtiError) issues = e.issues; }
 * console.log(issues.map((i) => `${i.path} ${i.code}`)); // ["results[1].unit submission/duplicate-unit"]
 * ```
 */
export function parseScoreReport(data: unknown, criteria: CriteriaSet, options: ResultsReadOptions = {}): ScoreReport {
  const checked = safeParseScoreReport(data, criteria, options);
  if (!checked.ok) throw new DtiError(checked.issues);
  return checked.value;
}
