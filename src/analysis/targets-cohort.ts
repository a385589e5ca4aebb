import { DtiError, makeIssue, relocateIssue, type Issue, type Result } from '../errors.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import type { Exact } from '../exact/exact.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { checkSubmissionShape } from '../format/parse-submission.js';
import { idKey } from '../format/identity.js';
import type { Submission, UnitSubmission } from '../format/submission-schema.js';
import { capIssues, DEFAULT_LIMITS } from '../limits.js';
import type { PathSegment } from '../path.js';
import { scoringPlan, type ScoringPlan } from '../scoring/plan.js';
import type { UnitResult } from '../scoring/result-types.js';
import { forEachCompetingValue, rankGroups, rankScored, rankUnits, rerankOne, runBest, scoreUnits, unitResult, type RankGroups, type Ranks } from '../scoring/score-batch.js';
import { newFigures, scoreUnit, type BestValues, type Figures, type RunBest, type ScoredUnit } from '../scoring/score-tree.js';
import { prepareUnits, type PreparedUnit, type ValueColumns } from '../scoring/values.js';

/**
 * The batch a unit is analysed in, scored once: what rescoring the unit with
 * other values needs (the batch's values read, its best values for
 * `relative` leaves, every unit scored) and the results as published.
 */
export interface Cohort {
  readonly set: CriteriaSet;
  readonly criteria: CompiledCriteria;
  readonly plan: ScoringPlan;
  readonly period: string | undefined;
  readonly columns: ValueColumns;
  /** The units scored, in batch order. */
  readonly valid: readonly PreparedUnit[];
  readonly best: RunBest;
  readonly scored: readonly ScoredUnit[];
  /** The results, ranked, in the order of `valid`. */
  readonly results: readonly UnitResult[];
  /** A workspace for scoring one unit again (rescoring is synchronous: one at a time). */
  readonly figures: Figures;
}

/** What an analysis is about: a unit object, its id in the batch, or a batch of one unit or with `unit` named. */
export type Subject = UnitSubmission | Submission | string;

/** Where the analysed unit is: its cohort and its place in it. */
export interface Placed {
  readonly cohort: Cohort;
  readonly index: number;
  /** Where the unit's own problems are reported: `unit` for a unit object, `units[k]` for a unit of the batch. */
  readonly base: readonly PathSegment[];
}

/** Options shared by the analyses that rescore a unit. */
export interface SubjectOptions {
  /**
   * The batch the unit is scored in, so that `relative` leaves see their
   * cohort and ranks are those of the batch. A unit object replaces its
   * namesake in it (or joins it). When the subject is itself a batch, that
   * batch is the one scored and this one is not read.
   */
  readonly batch?: Submission;
  /** The unit's id, when the subject is a batch of more than one unit. */
  readonly unit?: string;
}

function isSubmission(subject: Subject): subject is Submission {
  return typeof subject === 'object' && subject !== null && Array.isArray((subject as { units?: unknown }).units);
}

/** Scores `units` (already checked) with the set: the whole cohort, or the issues of the units that cannot be scored. */
function scoreCohort(set: CriteriaSet, criteria: CompiledCriteria, units: readonly UnitSubmission[], period: string | undefined): Result<Cohort> {
  const { prepared, issuesByUnit, columns } = prepareUnits(criteria, units, { period });
  const issues = issuesByUnit.flat();
  if (issues.length > 0) return { ok: false, issues: capIssues(issues, DEFAULT_LIMITS.issues) };
  const valid = prepared as PreparedUnit[];
  const best = runBest(criteria, columns, valid);
  const scored = scoreUnits(criteria, columns, valid, best);
  const results = rankUnits(criteria, scored, best, true);
  return { ok: true, value: { set, criteria, plan: scoringPlan(criteria), period, columns, valid, best, scored, results, figures: newFigures() } };
}

/** The set compiled, or its issues. */
export function compiled(set: CriteriaSet): Result<CompiledCriteria> {
  try {
    return { ok: true, value: compileCriteria(set) };
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * The cohort of a subject and the unit's place in it: the batch (the
 * subject's, or `options.batch`) checked and scored once. A unit object
 * replaces the batch's unit of the same id, or joins the batch.
 */
export function placeSubject(set: CriteriaSet, subject: Subject, options: SubjectOptions): Result<Placed> {
  const criteria = compiled(set);
  if (!criteria.ok) return criteria;
  const batch: Submission | undefined = isSubmission(subject) ? subject : options.batch;
  const checked = checkSubmissionShape(batch ?? { units: [] }, DEFAULT_LIMITS);
  if (!checked.ok) return checked;
  const shapeIssues = checked.value.units.flatMap((entry) => entry.issues);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  const units = checked.value.units.map((entry) => entry.unit!);
  let index: number;
  let base: PathSegment[];
  if (typeof subject === 'object' && !isSubmission(subject)) {
    const own = checkSubmissionShape({ units: [subject] }, DEFAULT_LIMITS);
    if (!own.ok) return own;
    const entry = own.value.units[0]!;
    if (entry.issues.length > 0) return { ok: false, issues: entry.issues.map((issue) => moved(issue, 0, ['unit'])) };
    const id = idKey(entry.unit!.id);
    index = units.findIndex((unit) => idKey(unit.id) === id);
    if (index < 0) index = units.length;
    units[index] = entry.unit!;
    base = ['unit'];
  } else {
    const wanted = typeof subject === 'string' ? subject : options.unit;
    if (wanted === undefined) {
      if (units.length !== 1) return { ok: false, issues: [makeIssue('analysis/unit-required', ['unit'], { count: units.length })] };
      index = 0;
    } else {
      const id = idKey(wanted);
      index = units.findIndex((unit) => idKey(unit.id) === id);
      if (index < 0) return { ok: false, issues: [makeIssue('analysis/unknown-unit', ['unit'], { unit: wanted })] };
    }
    base = ['units', index];
  }
  const cohort = scoreCohort(set, criteria.value, units, checked.value.period);
  if (!cohort.ok) return base[0] === 'unit' ? { ok: false, issues: cohort.issues.map((issue) => moved(issue, index, ['unit'])) } : cohort;
  return { ok: true, value: { cohort: cohort.value, index, base } };
}

/** A whole batch scored once, for analysing each of its units in turn. */
export function batchCohort(set: CriteriaSet, batch: Submission): Result<Cohort> {
  const criteria = compiled(set);
  if (!criteria.ok) return criteria;
  const checked = checkSubmissionShape(batch, DEFAULT_LIMITS);
  if (!checked.ok) return checked;
  const shapeIssues = checked.value.units.flatMap((entry) => entry.issues);
  if (shapeIssues.length > 0) return { ok: false, issues: shapeIssues };
  return scoreCohort(set, criteria.value, checked.value.units.map((entry) => entry.unit!), checked.value.period);
}

/** The best values with the unit's own (its values as in `unit`) merged into the others'. */
export function bestWith(cohort: Cohort, others: RunBest, unit: UnitSubmission): RunBest {
  const own = prepareUnits(cohort.criteria, [unit], { period: cohort.period });
  const prepared = own.prepared[0];
  if (prepared === undefined) return others;
  const mine = runBest(cohort.criteria, own.columns, [prepared]);
  return { final: mergeBest(others.final, mine.final), self: mergeBest(others.self, mine.self) };
}

/** An issue of the batch's unit at `position` moved under `base` (`unit.values…`); others as they are. */
export function moved(issue: Issue, position: number, base: readonly PathSegment[]): Issue {
  const [first, second, ...rest] = issue.segments;
  if (first !== 'units' || second !== position) return issue;
  return relocateIssue(issue, [...base, ...rest]);
}

/** Largest value per key of two best-value maps. */
function mergeBest(a: BestValues, b: BestValues): Map<string, Exact> {
  const out = new Map(a);
  for (const [key, value] of b) {
    const current = out.get(key);
    if (current === undefined || value.gt(current)) out.set(key, value);
  }
  return out;
}

function sameBest(a: BestValues, b: BestValues): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined || !other.eq(value)) return false;
  }
  return true;
}

/** The unit rescored with other values: every unit's figures and ranks, the unit's result, and whether other units' figures moved. */
export interface Rescored {
  /** Every unit scored, in the cohort's order (the others as they were, unless `othersRescored`). */
  readonly scored: readonly ScoredUnit[];
  readonly ranks: readonly (number | null)[];
  readonly parentRanks: readonly (number | null)[];
  /** The unit's result, ranked again; explainable (`explainNode`). */
  readonly result: UnitResult;
  readonly best: RunBest;
  /** A `relative` leaf's best value moved: the other units were scored again. */
  readonly othersRescored: boolean;
  /** The cohort's ranks as first scored (before the change), in its order. */
  readonly ranksBefore: Ranks;
}

/**
 * A cohort's best value for one leaf and cohort key, the unit that alone
 * holds it (`undefined` when several do: without any one of them the best
 * stands) and the best of the values below it (`undefined`: none).
 */
interface Leader {
  best: Exact;
  holder: PreparedUnit | undefined;
  second: Exact | undefined;
}

/** The leaders of the competing values of a cohort, final and self-assessed, worked out once per cohort. */
const leadersCache = new WeakMap<Cohort, { readonly final: ReadonlyMap<string, Leader>; readonly self: ReadonlyMap<string, Leader> }>();

/** The leaders per key of the cohort's competing values. */
function leadersOf(cohort: Cohort, source: 'final' | 'self'): ReadonlyMap<string, Leader> {
  const leaders = new Map<string, Leader>();
  forEachCompetingValue(cohort.criteria, cohort.columns, cohort.valid, source, (key, value, unit) => {
    const leader = leaders.get(key);
    if (leader === undefined) leaders.set(key, { best: value, holder: unit, second: undefined });
    else if (value.gt(leader.best)) [leader.second, leader.best, leader.holder] = [leader.best, value, unit];
    else if (value.eq(leader.best)) leader.holder = undefined;
    else if (leader.second === undefined || value.gt(leader.second)) leader.second = value;
  });
  return leaders;
}

/** The best values without `unit`'s own, from the leaders. */
function bestWithout(leaders: ReadonlyMap<string, Leader>, unit: PreparedUnit): Map<string, Exact> {
  const best = new Map<string, Exact>();
  for (const [key, leader] of leaders) {
    const value = leader.holder === unit ? leader.second : leader.best;
    if (value !== undefined) best.set(key, value);
  }
  return best;
}

/**
 * The best values of the batch without the unit at `index` (what the unit is
 * compared with): per key the best of the cohort, or the second best where
 * the unit alone holds the best (the leaders are found once per cohort).
 */
export function othersBest(placed: Placed): RunBest {
  const { cohort, index } = placed;
  let leaders = leadersCache.get(cohort);
  if (leaders === undefined) {
    leaders = { final: leadersOf(cohort, 'final'), self: leadersOf(cohort, 'self') };
    leadersCache.set(cohort, leaders);
  }
  // A placed unit is always one of the cohort's (a unit object joins the batch it is placed in).
  const unit = cohort.valid[index]!;
  return { final: bestWithout(leaders.final, unit), self: bestWithout(leaders.self, unit) };
}

/** A cohort's ranks as scored and who is ranked with whom, worked out once per cohort. */
const rankings = new WeakMap<Cohort, { readonly ranks: Ranks; readonly groups: RankGroups }>();
function rankingOf(cohort: Cohort): { readonly ranks: Ranks; readonly groups: RankGroups } {
  let ranking = rankings.get(cohort);
  if (ranking === undefined) {
    ranking = { ranks: rankScored(cohort.criteria, cohort.scored), groups: rankGroups(cohort.criteria, cohort.scored) };
    rankings.set(cohort, ranking);
  }
  return ranking;
}

/**
 * Scores the unit of `placed` again with `unit` (its values changed): only
 * the unit, unless a `relative` leaf's best value of its cohort moved (then
 * every unit again: their points depend on it); ranks are computed again over
 * the cohort, and the unit's result written. The unit's problems (a value its rule cannot read) are returned
 * as issues with the paths `prepareUnits` gives them (`units[0].values…`).
 */
export function rescore(placed: Placed, unit: UnitSubmission, others: RunBest = othersBest(placed)): Result<Rescored> {
  const { cohort, index } = placed;
  const { criteria } = cohort;
  const own = prepareUnits(criteria, [unit], { period: cohort.period });
  const issues = own.issuesByUnit[0]!;
  if (issues.length > 0) return { ok: false, issues };
  const prepared = own.prepared[0]!;
  const mine = runBest(criteria, own.columns, [prepared]);
  const best: RunBest = { final: mergeBest(others.final, mine.final), self: mergeBest(others.self, mine.self) };
  const othersRescored = !sameBest(best.final, cohort.best.final) || !sameBest(best.self, cohort.best.self);
  const scoredUnit = scoreUnit(cohort.plan, own.columns, prepared, best, cohort.figures);
  let scored: ScoredUnit[];
  if (othersRescored) {
    const rest = cohort.valid.filter((_unit, position) => position !== index);
    const again = scoreUnits(criteria, cohort.columns, rest, best);
    scored = [...again.slice(0, index), scoredUnit, ...again.slice(index)];
  } else {
    scored = cohort.scored.map((entry, position) => (position === index ? scoredUnit : entry));
  }
  // Ranks again over the cohort (only the unit's cohort and parent's when the others' figures stand); only the unit's own result is written.
  const ranking = rankingOf(cohort);
  const { ranks, parentRanks } = othersRescored ? rankScored(criteria, scored) : rerankOne(criteria, scored, index, ranking.groups, ranking.ranks);
  const result = unitResult(cohort.plan, scoredUnit, ranks[index] ?? null, parentRanks[index] ?? null, best);
  return { ok: true, value: { scored, ranks, parentRanks, result, best, othersRescored, ranksBefore: ranking.ranks } };
}
