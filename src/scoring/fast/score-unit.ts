import { divideRounded, type Dec } from '../../decimal.js';
import type { Localized } from '../../format/localized.js';
import { FAST_NOT_APPLICABLE } from '../../rules/shared.js';
import type { Evaluation } from '../../rules/types.js';
import type { Answer, PreparedUnit } from '../answers.js';
import type { NodeResult, NodeStatus } from '../result-types.js';
import {
  aggregateResult, aggregateText, ANSWERED_NA, appraisedText, infoResult, infoValue, leafResult, MISSING_EXCLUDED, missingZero,
  relativeKey, type RunBest, type ScoredUnit, type UnitTotals,
} from '../score-tree.js';
import { exactOf, type Exact } from './exact.js';
import { atomPlan, type AtomPlan, type FastAggregate, type FastCriteria, type FastLeaf } from './plan.js';
import { fixedText, formatScaled, rescale, roundScaled } from './safe-int.js';

/** How many leaf evaluations took the integer path and how many fell back to decimal.js (for tests and the benchmark). */
export const fastPathCounts = { fast: 0, fallback: 0, units: 0, unitsRescored: 0 };

// The outcome of the last leaf evaluation besides its points (no object per leaf).
let lastStatus: NodeStatus = 'scored';
let lastExplanation: Localized | undefined;
/** Set when a unit cannot be finished with integers (a guard that should never trip): it is then rescored with decimal.js. */
let giveUp = false;

function isLeaf(node: FastLeaf | FastAggregate): node is FastLeaf {
  return 'rule' in node;
}

/** The rule's decimal.js evaluation of a value. */
function evaluateDecimal(leaf: FastLeaf, value: unknown, best: Exact | undefined): Evaluation {
  return leaf.rule.evaluate(leaf.compiled, value, leaf.max, best === undefined ? {} : { best: best.dec });
}

/**
 * Points of one answer in `10^-places` (`NaN`: not counted), its status and
 * explanation in `lastStatus`/`lastExplanation`. Integer path first, the
 * rule's decimal.js `evaluate` where that gives up; texts always from `evaluate`.
 */
function evaluateLeaf(fast: FastCriteria, leaf: FastLeaf, answer: Answer | undefined, unit: PreparedUnit, best: ReadonlyMap<string, Exact>, explain: boolean): number {
  const places = fast.places;
  lastExplanation = undefined;
  if (answer === undefined) {
    lastStatus = 'missing';
    if (fast.criteria.missing === 'exclude') {
      lastExplanation = explain ? MISSING_EXCLUDED : undefined;
      return Number.NaN;
    }
    lastExplanation = explain ? missingZero(fixedText(0, places)) : undefined;
    return 0;
  }
  if (answer.state === 'na') {
    lastStatus = 'not-applicable';
    lastExplanation = explain ? ANSWERED_NA : undefined;
    return Number.NaN;
  }
  const bestValue = leaf.cohort === undefined ? undefined : best.get(relativeKey(leaf.code, leaf.cohort, unit));
  let evaluation: Evaluation | undefined;
  let points = leaf.rule.fastEvaluate === undefined
    ? Number.NaN
    : leaf.rule.fastEvaluate(leaf.compiled, answer.value, bestValue === undefined ? leaf.ctx : { ...leaf.ctx, best: bestValue });
  if (points === points) {
    fastPathCounts.fast++;
  } else {
    fastPathCounts.fallback++;
    evaluation = evaluateDecimal(leaf, answer.value, bestValue);
    if (evaluation.state === 'not-applicable') {
      points = FAST_NOT_APPLICABLE;
    } else {
      const exact = exactOf(divideRounded(evaluation.numerator, evaluation.denominator, places));
      points = rescale(exact.m, exact.s, places);
    }
  }
  if (points === FAST_NOT_APPLICABLE) {
    lastStatus = 'not-applicable';
    if (explain) {
      evaluation ??= evaluateDecimal(leaf, answer.value, bestValue);
      if (evaluation.state === 'not-applicable') lastExplanation = evaluation.reason();
      else giveUp = true;
    }
    return Number.NaN;
  }
  if (!(points >= 0 && points <= leaf.maxTicks)) {
    giveUp = true;
    return Number.NaN;
  }
  lastStatus = 'scored';
  if (explain) {
    evaluation ??= evaluateDecimal(leaf, answer.value, bestValue);
    if (evaluation.state === 'scored') lastExplanation = evaluation.explain(fixedText(points, places));
    else giveUp = true;
  }
  return points;
}

function scoreLeaf(fast: FastCriteria, plan: AtomPlan, i: number, leaf: FastLeaf, unit: PreparedUnit, best: RunBest, explain: boolean): NodeResult {
  if (!leaf.rule.scored) {
    plan.counted[i] = 0;
    plan.points[i] = 0;
    plan.max[i] = 0;
    plan.self[i] = 0;
    plan.appraised[i] = 0;
    plan.status[i] = 'info';
    return infoResult(infoValue(unit, leaf.code), explain);
  }
  const places = fast.places;
  const appraised = unit.appraised.size === 0 ? undefined : unit.appraised.get(leaf.code);
  const selfAnswer = unit.self.get(leaf.code);
  const points = evaluateLeaf(fast, leaf, appraised ?? selfAnswer, unit, best.final, explain);
  const status = lastStatus;
  const explanation = lastExplanation;
  const counted = points === points;
  let self = counted ? points : 0;
  let selfText: string | null | undefined;
  if (appraised !== undefined) {
    const own = evaluateLeaf(fast, leaf, selfAnswer, unit, best.self, false);
    self = own === own ? own : 0;
    selfText = own === own ? fixedText(own, places) : null;
  } else if (leaf.cohort !== undefined) {
    // The self-assessment scored on its own: a relative leaf against the best self-assessed value.
    const own = evaluateLeaf(fast, leaf, selfAnswer, unit, best.self, false);
    self = own === own ? own : 0;
  }
  plan.counted[i] = counted ? 1 : 0;
  plan.points[i] = counted ? points * fast.factor : 0;
  plan.max[i] = counted ? leaf.maxUnits : 0;
  plan.self[i] = self * fast.factor;
  plan.appraised[i] = appraised !== undefined ? 1 : 0;
  plan.status[i] = status;
  return leafResult(
    counted ? fixedText(points, places) : null,
    counted ? leaf.maxText : null,
    status,
    selfText,
    explanation !== undefined && appraised !== undefined ? appraisedText(explanation) : explanation,
  );
}

function scoreAggregate(fast: FastCriteria, plan: AtomPlan, i: number, node: FastAggregate, explain: boolean): NodeResult {
  const { scale, places } = fast;
  let points = 0;
  let max = 0;
  let self = 0;
  let any = false;
  let allInfo = node.children.length > 0;
  let below = false;
  for (const c of node.children) {
    self += plan.self[c]!;
    if (plan.appraised[c]) below = true;
    if (plan.status[c] !== 'info') allInfo = false;
    if (!plan.counted[c]) continue;
    any = true;
    points += plan.points[c]!;
    max += plan.max[c]!;
  }
  const cap = node.capUnits;
  const capBit = cap !== undefined && points > cap;
  const total = points;
  if (cap !== undefined) {
    points = Math.min(points, cap);
    max = Math.min(max, cap);
    self = Math.min(self, cap);
  }
  const status: NodeStatus = any ? 'scored' : allInfo ? 'info' : 'not-applicable';
  plan.counted[i] = any ? 1 : 0;
  plan.points[i] = points;
  plan.max[i] = max;
  plan.self[i] = self;
  plan.appraised[i] = below ? 1 : 0;
  plan.status[i] = status;
  const index = max === 0 ? null : indexText(fast, points, max);
  const pointsText = formatScaled(points, scale, places);
  const maxText = formatScaled(max, scale, places);
  let explanation: Localized | undefined;
  if (explain) {
    const terms: string[] = [];
    for (const c of node.children) if (plan.counted[c]) terms.push(formatScaled(plan.points[c]!, scale, places));
    explanation = aggregateText(status, terms.length > 0 ? terms.join(' + ') : '0', formatScaled(total, scale, places), capBit ? node.capText : undefined, maxText, index);
  }
  return aggregateResult(pointsText, maxText, index, status, below ? formatScaled(self, scale, places) : undefined, explanation);
}

/** `points / max` (same units, `max > 0`) rounded half-up to the index decimals: as ticks of `10^-index`, or as a decimal where that does not fit. */
function indexOf(fast: FastCriteria, points: number, max: number): number | Dec {
  const ticks = roundScaled(points, max, fast.criteria.rounding.index);
  return ticks === ticks ? ticks : divideRounded(fast.unit.times(points), fast.unit.times(max), fast.criteria.rounding.index);
}

function indexText(fast: FastCriteria, points: number, max: number): string {
  const index = indexOf(fast, points, max);
  const places = fast.criteria.rounding.index;
  return typeof index === 'number' ? fixedText(index, places) : index.toFixed(places);
}

/**
 * Scores one unit with integers (the fast path): every node that applies, in
 * tree order, then its totals. `undefined` when the unit's level/group does
 * not fit safe integers or a guard trips: the caller then uses decimal.js.
 */
export function scoreUnitFast(fast: FastCriteria, unit: PreparedUnit, best: RunBest, explain: boolean): ScoredUnit | undefined {
  const plan = atomPlan(fast, unit.atom, unit.source.level);
  if (plan === undefined) return undefined;
  fastPathCounts.units++;
  giveUp = false;
  const n = plan.nodes.length;
  // Every node's key is already in tree order in the template: the copy only gets its values.
  const nodes: Record<string, NodeResult> = { ...plan.template };
  // Children come after their parent in tree order: backwards, every child is done before its parent.
  for (let i = n - 1; i >= 0; i--) {
    const node = plan.nodes[i]!;
    nodes[node.code] = isLeaf(node) ? scoreLeaf(fast, plan, i, node, unit, best, explain) : scoreAggregate(fast, plan, i, node, explain);
    if (giveUp) {
      fastPathCounts.unitsRescored++;
      return undefined;
    }
  }
  let points = 0;
  let max = 0;
  let self = 0;
  let appraised = false;
  for (const r of plan.roots) {
    self += plan.self[r]!;
    if (plan.appraised[r]) appraised = true;
    if (!plan.counted[r]) continue;
    points += plan.points[r]!;
    max += plan.max[r]!;
  }
  return finishUnit(fast, unit, nodes, points, max, self, appraised);
}

function finishUnit(fast: FastCriteria, unit: PreparedUnit, nodes: Record<string, NodeResult>, points: number, max: number, self: number, appraised: boolean): ScoredUnit {
  const { scale, places, criteria } = fast;
  let totals: UnitTotals;
  if (max === 0) {
    totals = { index: null, rating: null, key: undefined };
  } else {
    const index = indexOf(fast, points, max);
    const indexPlaces = criteria.rounding.index;
    if (typeof index === 'number') {
      const band = fast.ratingTicks.findIndex((least) => least <= index);
      totals = {
        index: fixedText(index, indexPlaces),
        rating: band < 0 ? null : criteria.ratings[band]!.id,
        key: criteria.ranking.by === 'points' ? fast.unit.times(points) : fast.indexUnit.times(index),
      };
    } else {
      totals = {
        index: index.toFixed(indexPlaces),
        rating: criteria.ratings.find((band) => band.min.lte(index))?.id ?? null,
        key: criteria.ranking.by === 'points' ? fast.unit.times(points) : index,
      };
    }
  }
  return {
    unit,
    nodes,
    points: formatScaled(points, scale, places),
    maxPoints: formatScaled(max, scale, places),
    ...totals,
    self: appraised ? { selfPoints: formatScaled(self, scale, places), difference: formatScaled(points - self, scale, places) } : undefined,
  };
}
