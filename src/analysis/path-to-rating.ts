import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import { Exact } from '../exact/exact.js';
import { parseExact, readExact } from '../exact/read-exact.js';
import { idKey } from '../format/identity.js';
import type { Submission } from '../format/submission-schema.js';
import { atomPlan } from '../scoring/plan.js';
import { misplacedCode } from '../scoring/read-value.js';
import { ratingBand, safeGapToRating, type RatingGap } from './gap-to-rating.js';
import { batchCohort, bestWith, othersBest, placeSubject, type Placed, type Subject, type SubjectOptions } from './targets-cohort.js';
import { greedyMoves, type Move } from './targets-greedy.js';
import { readUnit, unitLeaves, type HeldLeaf, type LeafChoices } from './targets-leaves.js';
import { TreeFigures } from './targets-tree.js';
import { standingOf, whatIfPlaced, withChanges, type UnitStanding, type WhatIf } from './what-if.js';

/**
 * The rating a path aims at: a rating id of the set, or `{ next: true }`: the
 * rating one band above the unit's own (its own when it has the top one; the
 * lowest when it has none).
 */
export type RatingTarget = string | { readonly next: true };

/** Options of {@link pathToRating} and {@link pathsToRating}. */
export interface PathOptions extends SubjectOptions {
  /**
   * The step of input per leaf code (a decimal > 0), instead of its kind's
   * default (see the analysis guide): answers are multiples of it, and the
   * search counts a change in such steps.
   */
  readonly steps?: Readonly<Record<string, string | number>>;
  /** Leaf codes the path must leave as they are (reported as held: `kept`). */
  readonly keep?: readonly string[];
}

/** One leaf changed by a path. Figures are strings with the set's decimals. */
export interface PathChange {
  readonly code: string;
  /** The self-assessed value before, as given; absent when the unit gave none. */
  readonly before?: unknown;
  /** The value to give, as a unit writes it in `values`. */
  readonly after: unknown;
  /** The leaf's points as published, before (`null`: not counted) and after, from the rescoring. */
  readonly points: { readonly before: string | null; readonly after: string | null };
  readonly maxPoints: string | null;
  /** How far the value moves: `distance / step` steps of input (see the analysis guide). */
  readonly steps: { readonly distance: string; readonly step: string };
  /** The change goes only as far as the rating needs, not to the most the leaf gives. */
  readonly partial: boolean;
}

/**
 * A path from a unit's values to a rating (see {@link pathToRating}).
 * `state` is decided by scoring the path again (`verification`), never by the
 * search's own arithmetic:
 * - `already`: the unit has the rating (or a higher one); no change;
 * - `reached`: the changes give the rating: `verification.after` shows it;
 * - `unreachable`: no change of the leaves the unit may change gives it;
 *   `changes` then take every such leaf to the most it earns, and `best` is
 *   where the unit would stand (its best reachable index).
 */
export interface RatingPath {
  readonly unit: string;
  readonly rating: string;
  readonly state: 'already' | 'reached' | 'unreachable';
  /** How far the unit was from the rating, before any change. */
  readonly gap: RatingGap;
  /** The changes, in the order the search took them. */
  readonly changes: readonly PathChange[];
  /** The leaves left as they are, and why (an appraised value stands: `appraised`). */
  readonly held: readonly HeldLeaf[];
  /** The changes applied and the unit scored again with `whatIf`; `undefined` when there is no change. */
  readonly verification: WhatIf | undefined;
  /** Where the unit stands with the changes (as it stands now, without any). */
  readonly best: UnitStanding;
}

/** The caller's steps and kept leaves checked against the set, for the unit. */
function choicesOf(placed: Placed, options: PathOptions): Result<LeafChoices> {
  const { criteria } = placed.cohort;
  const unit = placed.cohort.valid[placed.index]!.source.id;
  const issues: Issue[] = [];
  const leafIssue = (code: string, path: readonly (string | number)[]): boolean => {
    const node = criteria.byCode.get(code);
    if (node?.leaf !== undefined) return false;
    issues.push(misplacedCode(criteria, code, unit, path));
    return true;
  };
  const steps = new Map<string, Exact>();
  for (const [given, raw] of Object.entries(options.steps ?? {})) {
    const code = idKey(given);
    if (leafIssue(code, ['steps', given])) continue;
    const step = readExact(raw);
    if (step === undefined || step.sign() <= 0) issues.push(makeIssue('analysis/step', ['steps', given], { code, step: String(raw) }));
    else steps.set(code, step);
  }
  const keep = new Set<string>();
  (options.keep ?? []).forEach((given, position) => {
    const code = idKey(given);
    if (!leafIssue(code, ['keep', position])) keep.add(code);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { steps, keep } };
}

/** The rating id a target names for a unit whose rating is `current`. */
function ratingOf(ratings: readonly { readonly id: string }[], target: RatingTarget, current: string | null): string {
  if (typeof target === 'string') return target;
  const at = ratings.findIndex((band) => band.id === current);
  return ratings[at < 0 ? ratings.length - 1 : Math.max(0, at - 1)]?.id ?? '';
}

/** The greedy search and its verification for a placed unit (see {@link pathToRating}). */
function pathPlaced(placed: Placed, target: RatingTarget, options: PathOptions): Result<RatingPath> {
  const { cohort, index } = placed;
  const choices = choicesOf(placed, options);
  if (!choices.ok) return choices;
  const rating = ratingOf(cohort.criteria.ratings, target, cohort.results[index]!.rating);
  const band = ratingBand(cohort.criteria, rating);
  if (!band.ok) return band;
  const start = cohort.results[index]!;
  const gap = safeGapToRating(start, cohort.set, rating);
  if (!gap.ok) return gap;
  const source = cohort.valid[index]!.source;
  const first = unitLeaves(cohort, { columns: cohort.columns, unit: cohort.valid[index]! }, start.nodes, cohort.best, choices.value, gap.value.state === 'gap');
  const common = { unit: start.unit, rating: band.value.id, gap: gap.value, held: first.held };
  if (gap.value.state !== 'gap') return { ok: true, value: { ...common, state: gap.value.state, changes: [], verification: undefined, best: standingOf(start) } };
  const others = othersBest(placed);
  const { places, indexPlaces } = cohort.plan;
  const min = band.value.min;
  // The rounded index reaches `min` exactly when points ≥ (min − ½ × 10^-indexPlaces) × max.
  const threshold = min.minus(Exact.scaled(5, indexPlaces + 1));
  const atom = atomPlan(cohort.plan, cohort.valid[index]!.atom);
  const changes: Record<string, unknown> = {};
  const taken = new Map<string, Move[]>();
  let result = start;
  let leaves = first;
  let verification: WhatIf | undefined;
  let reached = false;
  // Each round moves at least one leaf; a round after the first only when the rescoring disagrees with the search.
  for (let round = 0; round <= first.open.length; round++) {
    const tree = new TreeFigures(atom, result.nodes, cohort.plan.zero);
    const { moves } = greedyMoves(tree, leaves.open, threshold, places);
    if (moves.length === 0) break;
    for (const move of moves) {
      changes[move.state.leaf.code] = move.raw;
      taken.set(move.state.leaf.code, [...(taken.get(move.state.leaf.code) ?? []), move]);
    }
    const check = whatIfPlaced(placed, changes, others);
    if (!check.ok) return check;
    verification = check.value;
    result = verification.result;
    const index = verification.after.index;
    reached = index !== null && parseExact(index)!.gte(min);
    if (reached) break;
    const unit = withChanges(source, changes);
    leaves = unitLeaves(cohort, readUnit(cohort, unit), result.nodes, bestWith(cohort, others, unit), choices.value);
  }
  const pathChanges: PathChange[] = [...taken].map(([code, moves]) => {
    let distance = Exact.scaled(0, 0);
    for (const move of moves) distance = distance.plus(move.change.distance);
    const before = Object.prototype.hasOwnProperty.call(source.values, code) ? { before: source.values[code] } : {};
    const after = result.nodes[code];
    return {
      code,
      ...before,
      after: changes[code],
      points: { before: start.nodes[code]?.points ?? null, after: after?.points ?? null },
      maxPoints: after?.maxPoints ?? null,
      steps: { distance: distance.toString(), step: moves[0]!.change.step.toString() },
      partial: moves[moves.length - 1]!.partial,
    };
  });
  return { ok: true, value: { ...common, state: reached ? 'reached' : 'unreachable', changes: pathChanges, verification, best: verification?.after ?? standingOf(start) } };
}

/**
 * {@link pathToRating}, with the problems as data instead of thrown.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safePathToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const unit = { id: 'cai-khe', level: 'commune', values: { 'CQS.2.1': true } };
 * const bad = safePathToRating(set, unit, 'gioi', { steps: { 'CQS.7.3': '0' } });
 * console.log(bad.ok ? [] : bad.issues.map((i) => i.code)); // ["analysis/step"]
 * const unknown = safePathToRating(set, unit, 'gioi');
 * console.log(unknown.ok ? '' : unknown.issues[0]?.message.en); // rating "gioi" is not in the criteria set; its ratings: xuat-sac, tot, kha, trung-binh, yeu
 * const kept = safePathToRating(set, unit, 'kha', { keep: ['CQS.1.1'] });
 * console.log(kept.ok ? [kept.value.state, kept.value.held[0]] : []); // ["unreachable",{"code":"CQS.1.1","reason":"kept"}]
 * ```
 */
export function safePathToRating(criteria: CriteriaSet, unit: Subject, rating: RatingTarget, options: PathOptions = {}): Result<RatingPath> {
  const placed = placeSubject(criteria, unit, options);
  if (!placed.ok) return placed;
  return pathPlaced(placed.value, rating, options);
}

/**
 * A small set of per-leaf changes of a unit's self-assessed values that
 * reaches a rating, found with each rule kind's exact inverse (the value
 * needed for given points) by a greedy search: while the unit falls short,
 * take the leaf that gains the most points toward the rating per step of
 * input (its gain measured with the set's caps and maxima), up to the most
 * it earns; the last leaf moves only as far as needed. A step is one unit
 * of the value a person gives: one item of a count or a checklist, one
 * option, yes for no, one of a ratio's numerator (or its decimals), one unit
 * of the last decimal of a number (see the analysis guide; `steps` sets
 * one per leaf). Greedy is not guaranteed minimal.
 *
 * The path is then scored again with {@link whatIf} (`verification`): the
 * answer `reached` comes from that rescoring. A leaf with an appraised value
 * is never changed (the appraisal stands): it is listed in `held` with the
 * other leaves the path leaves as they are and why. When the rating cannot be
 * reached, the answer is `unreachable`, with the changes that give the best
 * reachable index (`best`). Pass the batch so that `relative` leaves see
 * their cohort.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { pathToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const half = (d: number) => ({ numerator: d / 2, denominator: d });
 * const unit = { id: 'cai-khe', level: 'commune', values: {
 *   'CQS.2.1': true, 'CQS.4.2': 'kiem-nhiem', 'KTS.1.1': half(40), 'KTS.2.1': half(20), 'KTS.2.2': half(60),
 *   'XHS.1.1': half(1000), 'XHS.2.1': half(40), 'XHS.2.3': half(200), 'XHS.2.4': half(40), 'XHS.3.2': half(50),
 * } };
 * const path = pathToRating(set, unit, 'trung-binh');
 * console.log([path.state, path.gap.points, path.gap.neededPoints]); // ["reached","223.33","499.95"]
 * console.log([path.best.points, path.best.rating, path.changes.length]); // ["500.03","trung-binh",19]
 * console.log(path.changes[0]); // {"code":"CQS.1.1","after":"head","points":{"before":"0.00","after":"20.00"},"maxPoints":"20.00","steps":{"distance":"1","step":"1"},"partial":false}
 * const last = path.changes[path.changes.length - 1]!;
 * console.log([last.code, last.after, last.points.after, last.partial]); // ["XHS.2.3",{"numerator":143,"denominator":200},"25.03",true]
 * console.log(path.held.filter((leaf) => leaf.reason !== 'needs-value')); // [{"code":"CQS.6.4","reason":"council"}]
 * ```
 */
export function pathToRating(criteria: CriteriaSet, unit: Subject, rating: RatingTarget, options: PathOptions = {}): RatingPath {
  const outcome = safePathToRating(criteria, unit, rating, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}

/**
 * {@link pathToRating} for every unit of a batch, the batch scored once:
 * one path per unit, in batch order (units already at the rating answer
 * `already`).
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { pathsToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const paths = pathsToRating(set, { units: [
 *   { id: 'an-binh', level: 'commune', values: {} },
 *   { id: 'cai-khe', level: 'commune', values: {} },
 * ] }, 'yeu');
 * console.log(paths.map((p) => p.state)); // ["already","already"]
 * ```
 */
export function pathsToRating(criteria: CriteriaSet, batch: Submission, rating: RatingTarget, options: Omit<PathOptions, 'batch' | 'unit'> = {}): RatingPath[] {
  const outcome = safePathsToRating(criteria, batch, rating, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}

/**
 * {@link pathsToRating}, with the problems as data instead of thrown.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safePathsToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const batch = { units: [{ id: 'a', level: 'commune', values: { 'CQS.2.1': true } }, { id: 'b', level: 'commune', values: {} }] };
 * const paths = safePathsToRating(set, batch, { next: true });
 * console.log(paths.ok ? paths.value.map((p) => [p.unit, p.rating, p.state]) : []); // [["a","trung-binh","unreachable"],["b","trung-binh","unreachable"]]
 * ```
 */
export function safePathsToRating(criteria: CriteriaSet, batch: Submission, rating: RatingTarget, options: Omit<PathOptions, 'batch' | 'unit'> = {}): Result<RatingPath[]> {
  const cohort = batchCohort(criteria, batch);
  if (!cohort.ok) return cohort;
  const paths: RatingPath[] = [];
  for (let index = 0; index < cohort.value.valid.length; index++) {
    const path = pathPlaced({ cohort: cohort.value, index, base: ['units', index] }, rating, options);
    if (!path.ok) return path;
    paths.push(path.value);
  }
  return { ok: true, value: paths };
}
