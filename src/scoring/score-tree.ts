import type { Exact } from '../exact/exact.js';
import { ExactSum } from '../exact/exact-sum.js';
import { fixedText } from '../exact/fixed-text.js';
import { roundQuotient } from '../exact/round-quotient.js';
import type { Localized } from '../format/localized.js';
import type { EvalContext } from '../rules/types.js';
import type { Answer, PreparedUnit } from './answers.js';
import { aggregateResult, infoResult, infoValue, leafResult } from './node-results.js';
import { aggregateText, ANSWERED_NA, appraisedText, MISSING_EXCLUDED, missingZero } from './node-texts.js';
import { atomPlan, isPlanLeaf, type AtomPlan, type PlanAggregate, type PlanLeaf, type ScoringPlan } from './plan.js';
import type { NodeResult, NodeStatus } from './result-types.js';

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
function contextFor(leaf: PlanLeaf, unit: PreparedUnit, best: BestValues): EvalContext {
  if (leaf.cohort === undefined) return leaf.ctx;
  return { max: leaf.ctx.max, best: best.get(relativeKey(leaf.code, leaf.cohort, unit)) };
}

/** The rounded points of a self-assessed answer (for `selfPoints`); `undefined` when it does not count. */
function selfPoints(plan: ScoringPlan, leaf: PlanLeaf, answer: Answer | undefined, unit: PreparedUnit, best: BestValues): Exact | undefined {
  if (answer === undefined) return plan.criteria.missing === 'exclude' ? undefined : plan.zero;
  if (answer.state === 'na') return undefined;
  const outcome = leaf.rule.evaluate(leaf.compiled, answer.value, contextFor(leaf, unit, best));
  return outcome.state === 'scored' ? roundQuotient(outcome.numerator, outcome.denominator, plan.places) : undefined;
}

function scoreLeaf(plan: ScoringPlan, figures: Figures, i: number, leaf: PlanLeaf, unit: PreparedUnit, best: RunBest, explain: boolean): NodeResult {
  const code = leaf.code;
  const zero = plan.zero;
  if (!leaf.rule.scored) {
    figures.points[i] = undefined;
    figures.max[i] = zero;
    figures.self[i] = zero;
    figures.appraised[i] = false;
    figures.status[i] = 'info';
    return infoResult(infoValue(unit, code), explain);
  }
  const places = plan.places;
  const appraised = unit.appraised.size === 0 ? undefined : unit.appraised.get(code);
  const own = unit.self.get(code);
  const answer = appraised ?? own;
  let status: NodeStatus;
  let points: Exact | undefined;
  let text: Localized | undefined;
  if (answer === undefined) {
    status = 'missing';
    points = plan.criteria.missing === 'exclude' ? undefined : zero;
    if (explain) text = points === undefined ? MISSING_EXCLUDED : missingZero(fixedText(zero, places));
  } else if (answer.state === 'na') {
    status = 'not-applicable';
    if (explain) text = ANSWERED_NA;
  } else {
    const ctx = contextFor(leaf, unit, best.final);
    const outcome = leaf.rule.evaluate(leaf.compiled, answer.value, ctx);
    if (outcome.state === 'scored') {
      status = 'scored';
      points = roundQuotient(outcome.numerator, outcome.denominator, places);
    } else {
      status = 'not-applicable';
    }
    if (explain) text = leaf.rule.explain(leaf.compiled, answer.value, outcome, ctx, points === undefined ? '' : fixedText(points, places));
  }
  const counted = points !== undefined;
  let self = points ?? zero;
  let selfText: string | null | undefined;
  if (appraised !== undefined) {
    const mine = selfPoints(plan, leaf, own, unit, best.self);
    self = mine ?? zero;
    selfText = mine === undefined ? null : fixedText(mine, places);
  } else if (leaf.cohort !== undefined) {
    // The self-assessment scored on its own: a relative leaf against the best self-assessed value.
    self = selfPoints(plan, leaf, own, unit, best.self) ?? zero;
  }
  figures.points[i] = points;
  figures.max[i] = counted ? leaf.ctx.max : zero;
  figures.self[i] = self;
  figures.appraised[i] = appraised !== undefined;
  figures.status[i] = status;
  return leafResult(
    points !== undefined ? fixedText(points, places) : null,
    counted ? leaf.maxText : null,
    status,
    selfText,
    text !== undefined && appraised !== undefined ? appraisedText(text) : text,
  );
}

function scoreAggregate(plan: ScoringPlan, figures: Figures, i: number, node: PlanAggregate, explain: boolean): NodeResult {
  const places = plan.places;
  const { pointsSum, maxSum, selfSum } = figures;
  pointsSum.clear(places);
  maxSum.clear(places);
  selfSum.clear(places);
  let any = false;
  let allInfo = node.children.length > 0;
  let below = false;
  for (const c of node.children) {
    selfSum.add(figures.self[c]!);
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
  let self = selfSum.value();
  const total = points;
  const cap = node.cap;
  const capBit = cap !== undefined && points.gt(cap);
  if (cap !== undefined) {
    if (capBit) points = cap;
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
  const maxText = fixedText(max, places);
  let explanation: Localized | undefined;
  if (explain) {
    const terms: string[] = [];
    for (const c of node.children) {
      const p = figures.points[c];
      if (p !== undefined) terms.push(fixedText(p, places));
    }
    explanation = aggregateText(status, terms.length > 0 ? terms.join(' + ') : '0', fixedText(total, places), capBit ? node.capText : undefined, maxText, index);
  }
  return aggregateResult(fixedText(points, places), maxText, index, status, below ? fixedText(self, places) : undefined, explanation);
}

/**
 * Scores one unit: every node that applies to it, in tree order (children
 * first, since a child comes after its parent in the plan), then its totals,
 * index and rating. Every figure is exact; each leaf's points are rounded
 * once, the index once. `figures`: a workspace to reuse across units.
 */
export function scoreUnit(plan: ScoringPlan, unit: PreparedUnit, best: RunBest, explain: boolean, figures: Figures = newFigures()): ScoredUnit {
  const atom: AtomPlan = atomPlan(plan, unit.atom, unit.source.level);
  const n = atom.nodes.length;
  // Every node's key is already in tree order in the template: the copy only gets its values.
  const nodes: Record<string, NodeResult> = { ...atom.template };
  for (let i = n - 1; i >= 0; i--) {
    const node = atom.nodes[i]!;
    nodes[node.code] = isPlanLeaf(node) ? scoreLeaf(plan, figures, i, node, unit, best, explain) : scoreAggregate(plan, figures, i, node, explain);
  }
  const { pointsSum, maxSum, selfSum } = figures;
  pointsSum.clear(plan.places);
  maxSum.clear(plan.places);
  selfSum.clear(plan.places);
  let appraised = false;
  for (const r of atom.roots) {
    selfSum.add(figures.self[r]!);
    if (figures.appraised[r]) appraised = true;
    const p = figures.points[r];
    if (p === undefined) continue;
    pointsSum.add(p);
    maxSum.add(figures.max[r]!);
  }
  const points = pointsSum.value();
  const max = maxSum.value();
  const self = selfSum.value();
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
    self: appraised ? { selfPoints: fixedText(self, places), difference: fixedText(points.minus(self), places) } : undefined,
  };
}
