import { criteriaHash } from '../compile/criteria-hash.js';
import { DtiError, type Issue, type Result } from '../errors.js';
import { criteriaWarnings } from '../criteria/warnings.js';
import type { VersionFacts } from '../criteria/in-force.js';
import { GENERATOR } from '../version.js';
import { batchInputHash, unitInputHash } from '../canonical/input-hash.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import { checkSubmissionShape } from '../format/parse-submission.js';
import { capIssues, limitsOf, type InputLimits } from '../limits.js';
import type { CriteriaSet } from '../compile/types.js';
import { prepareUnits, type PreparedUnit, type ValueColumns } from './values.js';
import { NA } from './read-value.js';
import { assignRanks, keyOrder, rankExact } from './rank.js';
import type { Exact } from '../exact/exact.js';
import { scoringPlan, type ScoringPlan } from './plan.js';
import type { RejectedUnit, ScoreReport, UnitResult } from './result-types.js';
import { newFigures, relativeKey, scoreUnit, zeroedForEvidence, type BestValues, type RunBest, type ScoredUnit } from './score-tree.js';
import { linkExplanations } from './explain.js';
import { withGivenInputs } from './given.js';

/** Options for {@link safeScoreBatch} and {@link scoreBatch}. */
export interface ScoreOptions {
  /** Score the valid units and list the rejected ones, instead of failing the whole batch. */
  readonly skipInvalid?: boolean;
  /**
   * The versions known (for example a registry's `list()`), to name the one in
   * force when the submission's period falls outside the chosen version's
   * dates. Without them the warning still says the period is outside the
   * set's dates, but cannot name the version in force.
   */
  readonly versions?: readonly VersionFacts[];
  /**
   * Keep each result explainable on demand (default `true`): `explainNode`,
   * `explainUnit` and `withExplanations` then build the texts when asked.
   * Scoring never builds a text; the results carry figures only. With
   * `false` nothing is kept for explaining (the results hold no reference to
   * the submission) and `explainNode` returns `undefined`; every figure,
   * status, rating and rank is the same.
   */
  readonly explain?: boolean;
  /** Size limits (units, issues listed); default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<InputLimits>;
  /**
   * Keep who appraised each leaf (an appraisal's `by`) in the results' `appraisal` notes.
   * It is personal data: left out by default ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)).
   */
  readonly withAppraisers?: boolean;
  /**
   * Stamp the results with input hashes ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): each unit's `input` and
   * the batch's (see `unitInputHash`, `batchInputHash`), so that anyone
   * holding the submission can confirm it is the one scored
   * (`verifyResults`). Default `false`: hashing every unit's canonical JSON
   * costs about as much as scoring it; `dti score --format json`, which
   * publishes results, turns it on.
   */
  readonly inputHashes?: boolean;
  /**
   * Keep each leaf's raw inputs in its result (`given: { self, appraised }`,
   * see `GivenInputs`): the values as the unit gave them, for tables and
   * analysis (`dti-criteria/analysis`). Default `false`: results carry
   * figures only. Every figure, status, rating and rank is the same either way.
   */
  readonly keepInputs?: boolean;
}

/**
 * Calls `visit` with every value that competes for its cohort's best, for
 * each leaf scored against it (`relative`): the key of the leaf and cohort,
 * the value and its unit, over the final values or over the self-assessed
 * ones. A self-assessed value that scores 0 for lack of evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định),
 * `evidencePolicy: "zero"`) is no one's best; an appraised value is.
 */
export function forEachCompetingValue(
  criteria: CompiledCriteria,
  columns: ValueColumns,
  units: readonly PreparedUnit[],
  source: 'final' | 'self',
  visit: (key: string, value: Exact, unit: PreparedUnit) => void,
): void {
  const plan = scoringPlan(criteria);
  criteria.leaves.forEach((node, slot) => {
    const cohort = node.leaf?.rule.cohort?.(node.leaf.compiled);
    if (cohort === undefined) return;
    const own = columns.self[slot]!;
    const appraised = columns.appraised[slot];
    for (const unit of units) {
      const fromAppraisal = source === 'final' && appraised?.[unit.position] !== undefined;
      if (!fromAppraisal && zeroedForEvidence(plan, unit, slot)) continue;
      const value = (fromAppraisal ? appraised![unit.position] : own[unit.position]) as Exact | typeof NA | undefined;
      if (value === undefined || value === NA) continue;
      visit(relativeKey(node.code, cohort, unit), value, unit);
    }
  });
}

/** Largest competing value per leaf scored against its cohort's best and cohort (see {@link forEachCompetingValue}). */
function bestValues(criteria: CompiledCriteria, columns: ValueColumns, units: readonly PreparedUnit[], source: 'final' | 'self'): BestValues {
  const best = new Map<string, Exact>();
  forEachCompetingValue(criteria, columns, units, source, (key, value) => {
    const current = best.get(key);
    if (current === undefined || value.gt(current)) best.set(key, value);
  });
  return best;
}

/** The run's best values for `relative` leaves, over final and over self-assessed values. */
export function runBest(criteria: CompiledCriteria, columns: ValueColumns, units: readonly PreparedUnit[]): RunBest {
  return { final: bestValues(criteria, columns, units, 'final'), self: bestValues(criteria, columns, units, 'self') };
}

/** Scores the valid units, each exactly (figures only: no text is built). */
export function scoreUnits(criteria: CompiledCriteria, columns: ValueColumns, units: readonly PreparedUnit[], best: RunBest): ScoredUnit[] {
  const plan = scoringPlan(criteria);
  const figures = newFigures();
  return units.map((unit) => scoreUnit(plan, columns, unit, best, figures));
}

/** The ranks of scored units within their cohorts (`ranks`) and among the units of the same level and parent (`parentRanks`), in their order. */
export interface Ranks {
  readonly ranks: readonly (number | null)[];
  readonly parentRanks: readonly (number | null)[];
}

/** The cohort a scored unit is ranked in (its level, or its level and group, as the set ranks). */
function rankCohort(criteria: CompiledCriteria, entry: ScoredUnit): string {
  return criteria.ranking.cohort === 'level+group' ? entry.unit.atom : entry.unit.source.level;
}

/** The units whose rank in parent a unit shares: same level and parent; `undefined` for a unit without a parent (no rank in parent). */
function parentCohort(entry: ScoredUnit): string | undefined {
  return entry.unit.source.parent ? `${entry.unit.source.level}\u0000${entry.unit.source.parent}` : undefined;
}

/** The ranks of scored units within their cohorts and among the units of the same level and parent, in their order. */
export function rankScored(criteria: CompiledCriteria, scored: readonly ScoredUnit[]): Ranks {
  const keys = scored.map((entry) => entry.key);
  const ranks = rankExact(keys, (position) => rankCohort(criteria, scored[position]!), criteria.ranking.ties);
  const parentKeys = scored.map((entry, position) => (parentCohort(entry) !== undefined ? keys[position] : undefined));
  const parentRanks = rankExact(parentKeys, (position) => parentCohort(scored[position]!)!, criteria.ranking.ties);
  return { ranks, parentRanks };
}

/**
 * Per unit, the units ranked with it, as positions in rank order (those with
 * a key: highest first, then by position, the order ranks are given in): its
 * cohort's, and its parent's (`undefined` without a parent).
 */
export interface RankGroups {
  readonly cohort: readonly (readonly number[])[];
  readonly parent: readonly (readonly number[] | undefined)[];
}

/** The order of rank of scored units by key, highest first (units without a key are not ranked). */
function byRank(scored: readonly ScoredUnit[]): (a: number, b: number) => number {
  return keyOrder(scored.map((entry) => entry.key));
}

/** The {@link RankGroups} of scored units (a unit's cohort and parent do not change when its figures do). */
export function rankGroups(criteria: CompiledCriteria, scored: readonly ScoredUnit[]): RankGroups {
  const order = byRank(scored);
  const byName = (name: (entry: ScoredUnit) => string | undefined): (readonly number[] | undefined)[] => {
    const members = new Map<string, number[]>();
    const names = scored.map(name);
    names.forEach((named, position) => {
      if (named === undefined) return;
      let list = members.get(named);
      if (list === undefined) members.set(named, (list = []));
      if (scored[position]!.key !== undefined) list.push(position);
    });
    for (const list of members.values()) list.sort((a, b) => order(a, b) || a - b);
    return names.map((named) => (named === undefined ? undefined : members.get(named)));
  };
  return { cohort: byName((entry) => rankCohort(criteria, entry)) as (readonly number[])[], parent: byName(parentCohort) };
}

/**
 * {@link rankScored} after the figures of the unit at `position` alone
 * changed (`scored` holds its new figures; `groups` and `before` were worked
 * out with its old ones): the unit leaves its place in its cohort's order and
 * its parent's and takes its new one (found by bisection), and only those
 * ranks are given again, as `rankScored` gives them; the same ranks, in time
 * proportional to the cohort, not to sorting it.
 */
export function rerankOne(criteria: CompiledCriteria, scored: readonly ScoredUnit[], position: number, groups: RankGroups, before: Ranks): Ranks {
  const order = byRank(scored);
  const again = (members: readonly number[] | undefined, from: readonly (number | null)[]): (number | null)[] => {
    const out = [...from];
    if (members === undefined) return out;
    const rest = members.filter((member) => member !== position);
    if (scored[position]!.key === undefined) out[position] = null;
    else {
      let [low, high] = [0, rest.length];
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((order(rest[mid]!, position) || rest[mid]! - position) < 0) low = mid + 1;
        else high = mid;
      }
      rest.splice(low, 0, position);
    }
    assignRanks(rest, order, criteria.ranking.ties, out);
    return out;
  };
  return { ranks: again(groups.cohort[position], before.ranks), parentRanks: again(groups.parent[position], before.parentRanks) };
}

/**
 * Ranks the scored units within their cohorts and parents, and writes their
 * results; with `explain`, each result is kept explainable on demand; with
 * `keepInputs`, each leaf's result keeps the raw inputs the unit gave.
 */
export function rankUnits(criteria: CompiledCriteria, scored: readonly ScoredUnit[], best: RunBest, explain: boolean, inputs?: readonly (string | null)[], keepInputs = false): UnitResult[] {
  const { ranks, parentRanks } = rankScored(criteria, scored);
  const plan = scoringPlan(criteria);
  return scored.map((entry, position) => unitResult(plan, entry, ranks[position] ?? null, parentRanks[position] ?? null, explain ? best : undefined, inputs, keepInputs));
}

/**
 * One scored unit's result with its ranks; explainable on demand when `best`
 * (the run's best values) is given; with `keepInputs`, each leaf keeps the
 * raw inputs the unit gave.
 */
export function unitResult(plan: ScoringPlan, entry: ScoredUnit, rank: number | null, rankInParent: number | null, best?: RunBest, inputs?: readonly (string | null)[], keepInputs = false): UnitResult {
  const source = entry.unit.source;
  const result: UnitResult = {
    unit: source.id,
    name: source.name ?? null,
    level: source.level,
    group: source.group ?? null,
    parent: source.parent ?? null,
    ...(inputs?.[entry.unit.position] ? { input: { sha256: inputs[entry.unit.position]! } } : {}),
    points: entry.points,
    maxPoints: entry.maxPoints,
    index: entry.index,
    rating: entry.rating,
    rank,
    rankInParent,
    ...entry.self,
    ...(entry.unit.evidence !== undefined ? { evidence: entry.unit.evidence } : {}),
    nodes: keepInputs ? withGivenInputs(plan.criteria, source, entry.nodes) : entry.nodes,
  };
  if (best !== undefined) linkExplanations(result, { plan, unit: entry.unit, best });
  return result;
}

/**
 * Scores a batch of units ([format reference §4 to §8](../../docs/reference/criteria-format.md#4-quy-tắc-chấm-điểm)): validates the whole batch
 * first, then scores every unit exactly, aggregates, rates and ranks within
 * each cohort. Pure and synchronous; never mutates its inputs; never throws for
 * bad input (it returns the issues instead).
 *
 * The results carry figures only; the words of each computation are built
 * on demand with `explainNode` (one node), `explainUnit` (one unit) or
 * `withExplanations` (the whole report). With `options.explain: false` the
 * results are not kept explainable (the same figures, statuses, ratings and ranks);
 * with `options.keepInputs` each leaf's result keeps the raw inputs the unit
 * gave (`given`), for tables and analysis.
 *
 * @example
 * ```ts
 * import { explainNode, safeScoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = {
 *   units: [{ id: 'ninh-kieu', level: 'district', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } }],
 * };
 * const outcome = safeScoreBatch(criteria, submission);
 * if (outcome.ok) console.log(outcome.value.results[0]?.nodes['CQS.1.3']?.points); // "16.00"
 * if (outcome.ok) console.log(outcome.value.results[0]?.nodes['CQS.1.3']); // {"points":"16.00","maxPoints":"20.00","status":"scored"}
 * if (outcome.ok) console.log(explainNode(outcome.value.results[0]!, 'CQS.1.3')?.en); // 12/15 = 80% of the 100% target → 0.8 × 20 = 16.00 points
 * const bare = safeScoreBatch(criteria, submission, { explain: false });
 * if (bare.ok) console.log(explainNode(bare.value.results[0]!, 'CQS.1.3')); // undefined
 * const kept = safeScoreBatch(criteria, submission, { keepInputs: true });
 * if (kept.ok) console.log(kept.value.results[0]?.nodes['CQS.1.3']?.given); // {"self":{"numerator":12,"denominator":15}}
 * if (kept.ok) console.log(kept.value.results[0]?.nodes['CQS.1.1']?.given); // {}
 * ```
 */
export function safeScoreBatch(criteriaSet: CriteriaSet, submission: unknown, options: ScoreOptions = {}): Result<ScoreReport> {
  let criteria: ReturnType<typeof compileCriteria>;
  try {
    criteria = compileCriteria(criteriaSet);
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
  const limits = limitsOf(options.limits);
  const checked = checkSubmissionShape(submission, limits);
  if (!checked.ok) return { ok: false, issues: capIssues(checked.issues, limits.issues) };
  const { units, period } = checked.value;
  const { prepared, issuesByUnit, columns } = prepareUnits(criteria, units.map((entry) => entry.unit), { period, withAppraisers: options.withAppraisers });
  const unitIssues: Issue[][] = units.map((entry, position) => [...entry.issues, ...(issuesByUnit[position] ?? [])]);
  const allIssues: Issue[] = unitIssues.flat();
  const rejected: RejectedUnit[] = [];
  if (allIssues.length > 0) {
    if (!options.skipInvalid) return { ok: false, issues: capIssues(allIssues, limits.issues) };
    unitIssues.forEach((issues, position) => {
      if (issues.length > 0) rejected.push({ unit: units[position]?.id ?? '', position, issues: capIssues(issues, limits.issues) });
    });
  }
  const valid = prepared.filter((unit): unit is PreparedUnit => unit !== undefined);
  const best = runBest(criteria, columns, valid);
  // Each unit hashed as the scorer read it (normalised); a rejected unit as given.
  const inputs = options.inputHashes === true
    ? units.map((entry, position) => unitInputHash(entry.unit ?? (submission as { readonly units: readonly unknown[] }).units[position]) ?? null)
    : undefined;
  const results = rankUnits(criteria, scoreUnits(criteria, columns, valid, best), best, options.explain ?? true, inputs, options.keepInputs === true);
  return {
    ok: true,
    value: {
      format: 1,
      criteria: { id: criteriaSet.id, version: criteriaSet.version, sha256: criteriaHash(criteriaSet) },
      ...(criteriaSet.derivedFrom !== undefined ? { derivedFrom: { id: criteriaSet.derivedFrom.id, version: criteriaSet.derivedFrom.version, sha256: criteriaSet.derivedFrom.sha256 } } : {}),
      generator: GENERATOR,
      ...(inputs !== undefined ? { input: { sha256: batchInputHash(period, inputs) } } : {}),
      period: period ?? null,
      results,
      rejected,
      warnings: criteriaWarnings(criteriaSet, period, options.versions ?? []),
    },
  };
}

/**
 * Like {@link safeScoreBatch}, but throws a {@link DtiError} listing every problem.
 * Takes the same options.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), {
 *   units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.4.2': 'kiem-nhiem' } }],
 * });
 * console.log(report.results[0]?.nodes['CQS.4.2']?.points); // "7.50"
 * console.log(report.results[0]?.rank); // 1
 * ```
 */
export function scoreBatch(criteria: CriteriaSet, submission: unknown, options: ScoreOptions = {}): ScoreReport {
  const outcome = safeScoreBatch(criteria, submission, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
