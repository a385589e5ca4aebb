import type { Exact } from '../exact/exact.js';
import { ExactSum } from '../exact/exact-sum.js';
import { fixedText } from '../exact/fixed-text.js';
import { roundQuotient } from '../exact/round-quotient.js';
import type { EvalContext } from '../rules/types.js';
import { atomPlan, isPlanLeaf, NOT_APPLICABLE_RESULT, SHARE_AFTER, type AtomPlan, type PlanAggregate, type PlanLeaf, type ScoringPlan } from './plan.js';
import type { NodeResult, NodeStatus } from './result-types.js';
import { finalValue, type PreparedUnit, type ValueColumns } from './values.js';
import { NA } from './read-value.js';

/** Best values per relative leaf and cohort key, for the run. */
export type BestValues = ReadonlyMap<string, Exact>;

/** The run's best values: over final values (for points) and over self-assessed ones (for `selfPoints`). */
export interface RunBest {
  readonly final: BestValues;
  readonly self: BestValues;
}

/** A unit scored, before ranking. */
export interface ScoredUnit {
  readonly unit: PreparedUnit;
  readonly nodes: Record<string, NodeResult>;
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  readonly rating: string | null;
  /** What the unit is ranked by (points or index, per the set); `undefined` when it has no index. */
  readonly key: Exact | undefined;
  /** Where the unit has appraised values: its self-assessed total and the difference (final − self). */
  readonly self: { readonly selfPoints: string; readonly difference: string } | undefined;
}

/** The cohort key a relative leaf compares a unit within. */
export function relativeKey(code: string, cohort: 'level' | 'group', unit: PreparedUnit): string {
  return `${code}\u0000${cohort === 'group' ? unit.atom : unit.source.level}`;
}

/**
 * The figures of one unit's nodes by position in its plan, filled children
 * first, and the sums of an aggregate. One per batch scored, reused unit after
 * unit (every slot is written before it is read): it belongs to the call of
 * `scoreUnits` that made it and outlives no unit's result.
 */
export interface Figures {
  /** Points, `undefined` where the node does not count for the unit. */
  readonly points: (Exact | undefined)[];
  readonly max: Exact[];
  /** Self-assessed points (the final ones where nothing was appraised). */
  readonly self: Exact[];
  /** Whether an appraised value lies at or below the node. */
  readonly appraised: boolean[];
  readonly status: NodeStatus[];
  readonly pointsSum: ExactSum;
  readonly maxSum: ExactSum;
  readonly selfSum: ExactSum;
}

/** A workspace for scoring units one after another. */
export function newFigures(): Figures {
  return { points: [], max: [], self: [], appraised: [], status: [], pointsSum: new ExactSum(), maxSum: new ExactSum(), selfSum: new ExactSum() };
}

/** The evaluation context of a leaf for a unit: its own, or with the cohort's best value for `relative` leaves. */
export function contextFor(leaf: PlanLeaf, unit: PreparedUnit, best: BestValues): EvalContext {
  if (leaf.cohort === undefined) return leaf.ctx;
  return { max: leaf.ctx.max, best: best.get(relativeKey(leaf.code, leaf.cohort, unit)) };
}

/** The result of a scored leaf without appraised values: shared by every unit with the same points (once the leaf shares them). */
function scoredResult(leaf: PlanLeaf, points: Exact, places: number): NodeResult {
  const shared = leaf.scored;
  const key = points.s === places ? points.m : undefined;
  if (key !== undefined && key >= 0 && key < shared.size) {
    const results = shared.results ?? (++shared.uses >= SHARE_AFTER ? (shared.results = new Array<NodeResult | undefined>(shared.size).fill(undefined)) : undefined);
    if (results !== undefined) return (results[key] ??= Object.freeze({ points: fixedText(points, places), maxPoints: leaf.maxText, status: 'scored' }));
  }
  return Object.freeze({ points: fixedText(points, places), maxPoints: leaf.maxText, status: 'scored' });
}

/**
 * Whether the leaf at `slot` scores 0 for the unit whatever its own value earns:
 * `evidencePolicy: "zero"` and the leaf lacks required evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)).
 * An appraised value is not subject to it (the appraisers saw the evidence).
 */
export function zeroedForEvidence(plan: ScoringPlan, unit: PreparedUnit, slot: number): boolean {
  return plan.evidenceZero && unit.lacking !== undefined && unit.lacking.has(slot);
}

/** The rounded points of an answer (a value, `NA` or none); `undefined` when it does not count. `zeroed`: scored, it earns 0. */
function answerPoints(plan: ScoringPlan, leaf: PlanLeaf, answer: unknown, unit: PreparedUnit, best: BestValues, zeroed: boolean): Exact | undefined {
  if (answer === undefined) return plan.criteria.missing === 'exclude' ? undefined : plan.zero;
  if (answer === NA) return undefined;
  const outcome = leaf.rule.evaluate(leaf.compiled, answer, contextFor(leaf, unit, best));
  if (outcome.state !== 'scored') return undefined;
  return zeroed ? plan.zero : roundQuotient(outcome.numerator, outcome.denominator, plan.places);
}

/** The recorded value of an `info` leaf (appraised first), `null` when none. */
export function infoValue(columns: ValueColumns, slot: number, unit: PreparedUnit): string | number | boolean | null {
  const answer = finalValue(columns, slot, unit.position);
  return answer === undefined || answer === NA ? null : (answer as string | number | boolean | null);
}

function scoreLeaf(plan: ScoringPlan, columns: ValueColumns, figures: Figures, i: number, leaf: PlanLeaf, unit: PreparedUnit, best: RunBest): NodeResult {
  const zero = plan.zero;
  if (leaf.info) {
    figures.points[i] = undefined;
    figures.max[i] = zero;
    figures.self[i] = zero;
    figures.appraised[i] = false;
    figures.status[i] = 'info';
    return { points: null, maxPoints: null, status: 'info', value: infoValue(columns, leaf.slot, unit) };
  }
  const places = plan.places;
  const own = columns.self[leaf.slot]![unit.position];
  const appraised = unit.appraised ? columns.appraised[leaf.slot]?.[unit.position] : undefined;
  const answer = appraised !== undefined ? appraised : own;
  // Under `evidencePolicy: "zero"`, a self-assessed value without its required evidence earns 0.
  const zeroedOwn = zeroedForEvidence(plan, unit, leaf.slot);
  let status: NodeStatus;
  let points: Exact | undefined;
  let result: NodeResult | undefined;
  if (answer === undefined) {
    status = 'missing';
    points = plan.criteria.missing === 'exclude' ? undefined : zero;
    result = leaf.missing;
  } else if (answer === NA) {
    status = 'not-applicable';
    result = NOT_APPLICABLE_RESULT;
  } else {
    const outcome = leaf.rule.evaluate(leaf.compiled, answer, contextFor(leaf, unit, best.final));
    if (outcome.state === 'scored') {
      status = 'scored';
      points = zeroedOwn && appraised === undefined ? zero : roundQuotient(outcome.numerator, outcome.denominator, places);
    } else {
      status = 'not-applicable';
      result = NOT_APPLICABLE_RESULT;
    }
  }
  const counted = points !== undefined;
  let self = points ?? zero;
  if (appraised !== undefined) {
    const mine = answerPoints(plan, leaf, own, unit, best.self, zeroedOwn);
    self = mine ?? zero;
    const note = unit.notes?.get(leaf.slot);
    result = {
      points: points !== undefined ? fixedText(points, places) : null,
      maxPoints: counted ? leaf.maxText : null,
      status,
      selfPoints: mine === undefined ? null : fixedText(mine, places),
      ...(note !== undefined ? { appraisal: note } : {}),
    };
  } else {
    // The self-assessment scored on its own: a relative leaf against the best self-assessed value
    // (self-assessed figures are published only for a unit with an appraised value).
    if (leaf.cohort !== undefined && unit.appraised) self = answerPoints(plan, leaf, own, unit, best.self, zeroedOwn) ?? zero;
    if (result === undefined) result = scoredResult(leaf, points!, places);
  }
  figures.points[i] = points;
  figures.max[i] = counted ? leaf.ctx.max : zero;
  figures.self[i] = self;
  figures.appraised[i] = appraised !== undefined;
  figures.status[i] = status;
  return result;
}

/**
 * An aggregate's figures from its children's. `withSelf`: whether the unit has
 * appraised values, so that self-assessed figures can differ from the final
 * ones and are published (otherwise they are not summed).
 */
function scoreAggregate(plan: ScoringPlan, figures: Figures, i: number, node: PlanAggregate, withSelf: boolean): NodeResult {
  const places = plan.places;
  const { pointsSum, maxSum, selfSum } = figures;
  pointsSum.clear(places);
  maxSum.clear(places);
  selfSum.clear(places);
  let any = false;
  let allInfo = node.children.length > 0;
  let below = false;
  for (const c of node.children) {
    if (withSelf) selfSum.add(figures.self[c]!);
    if (figures.appraised[c]) below = true;
    if (figures.status[c] !== 'info') allInfo = false;
    const p = figures.points[c];
    if (p === undefined) continue;
    any = true;
    pointsSum.add(p);
    maxSum.add(figures.max[c]!);
  }
  let points = pointsSum.value();
  let max = maxSum.value();
  let self = withSelf ? selfSum.value() : points;
  const cap = node.cap;
  if (cap !== undefined) {
    if (points.gt(cap)) points = cap;
    if (max.gt(cap)) max = cap;
    if (self.gt(cap)) self = cap;
  }
  const status: NodeStatus = any ? 'scored' : allInfo ? 'info' : 'not-applicable';
  figures.points[i] = any ? points : undefined;
  figures.max[i] = max;
  figures.self[i] = self;
  figures.appraised[i] = below;
  figures.status[i] = status;
  const index = max.isZero() ? null : fixedText(roundQuotient(points, max, plan.indexPlaces), plan.indexPlaces);
  const pointsText = fixedText(points, places);
  const maxText = fixedText(max, places);
  return below ? { points: pointsText, maxPoints: maxText, index, status, selfPoints: fixedText(self, places) } : { points: pointsText, maxPoints: maxText, index, status };
}

/** A unit's self-assessed total and the difference (final − self). */
function selfTotals(points: Exact, self: Exact, places: number): { readonly selfPoints: string; readonly difference: string } {
  return { selfPoints: fixedText(self, places), difference: fixedText(points.minus(self), places) };
}

/**
 * Scores one unit: every node that applies to it, in tree order (children
 * first, since a child comes after its parent in the plan), then its totals,
 * index and rating. Every figure is exact; each leaf's points are rounded
 * once, the index once. No text is built (explanations are built on demand,
 * from the result: see `explain.ts`). `figures`: a workspace to reuse across units.
 */
export function scoreUnit(plan: ScoringPlan, columns: ValueColumns, unit: PreparedUnit, best: RunBest, figures: Figures = newFigures()): ScoredUnit {
  const atom: AtomPlan = atomPlan(plan, unit.atom);
  const n = atom.nodes.length;
  // Every node's key is already in tree order in the template: the copy only gets its values.
  const nodes: Record<string, NodeResult> = { ...atom.template };
  for (let i = n - 1; i >= 0; i--) {
    const node = atom.nodes[i]!;
    nodes[node.code] = isPlanLeaf(node) ? scoreLeaf(plan, columns, figures, i, node, unit, best) : scoreAggregate(plan, figures, i, node, unit.appraised);
  }
  const { pointsSum, maxSum, selfSum } = figures;
  pointsSum.clear(plan.places);
  maxSum.clear(plan.places);
  selfSum.clear(plan.places);
  let appraised = false;
  const withSelf = unit.appraised;
  for (const r of atom.roots) {
    if (withSelf) selfSum.add(figures.self[r]!);
    if (figures.appraised[r]) appraised = true;
    const p = figures.points[r];
    if (p === undefined) continue;
    pointsSum.add(p);
    maxSum.add(figures.max[r]!);
  }
  const points = pointsSum.value();
  const max = maxSum.value();
  const { places, indexPlaces, criteria } = plan;
  let index: Exact | undefined;
  let rating: string | null = null;
  if (!max.isZero()) {
    index = roundQuotient(points, max, indexPlaces);
    for (const band of plan.ratings) {
      if (band.min.lte(index)) {
        rating = band.id;
        break;
      }
    }
  }
  return {
    unit,
    nodes,
    points: fixedText(points, places),
    maxPoints: fixedText(max, places),
    index: index === undefined ? null : fixedText(index, indexPlaces),
    rating,
    key: index === undefined ? undefined : criteria.ranking.by === 'points' ? points : index,
    self: appraised ? selfTotals(points, selfSum.value(), places) : undefined,
  };
}
