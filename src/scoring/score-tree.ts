import { Dec, divideRounded, toFixed } from '../decimal.js';
import type { CompiledCriteria, CompiledNode } from '../format/compiled.js';
import type { Localized } from '../format/localized.js';
import type { Answer, PreparedUnit } from './answers.js';
import type { Exact } from './fast/exact.js';
import type { NodeResult, NodeStatus } from './result-types.js';

/** Exact, already-rounded figures of one node, before formatting. */
export interface NodeFigures {
  readonly counted: boolean;
  readonly points: Dec;
  readonly max: Dec;
  /** Self-assessed points (equal to `points` where nothing was appraised). */
  readonly self: Dec;
  /** Whether an appraised value lies at or below this node. */
  readonly appraised: boolean;
}

/** Best values per relative leaf and cohort key, for the run. */
export type BestValues = ReadonlyMap<string, Exact>;

/** The run's best values: over final values (for points) and over self-assessed ones (for `selfPoints`). */
export interface RunBest {
  readonly final: BestValues;
  readonly self: BestValues;
}

/** A unit scored by either path, before ranking. */
export interface ScoredUnit {
  readonly unit: PreparedUnit;
  readonly nodes: Record<string, NodeResult>;
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  readonly rating: string | null;
  /** What the unit is ranked by (points or index, per the set); `undefined` when it has no index. */
  readonly key: Dec | undefined;
  /** Where the unit has appraised values: its self-assessed total and the difference (final − self). */
  readonly self: { readonly selfPoints: string; readonly difference: string } | undefined;
}

/** The index, rating and ranking key of a unit. */
export type UnitTotals = Pick<ScoredUnit, 'index' | 'rating' | 'key'>;

/** The cohort key a relative leaf compares a unit within. */
export function relativeKey(code: string, cohort: 'level' | 'group', unit: PreparedUnit): string {
  return `${code}\u0000${cohort === 'group' ? unit.atom : unit.source.level}`;
}

// ---------------------------------------------------------------- texts and result shapes (shared with the fast path)

/** Explanation of a leaf with no value under `missing: "exclude"`. */
export const MISSING_EXCLUDED: Localized = { vi: 'Không có số liệu → không tính vào điểm tối đa', en: 'No value → left out of the maximum' };
/** Explanation of a leaf the unit answered `"n/a"`. */
export const ANSWERED_NA: Localized = { vi: 'Đơn vị trả lời "không áp dụng" (n/a)', en: 'The unit answered "not applicable" (n/a)' };
/** Explanation of an `info` leaf. */
export const INFO_ONLY: Localized = { vi: 'Chỉ thu thập, không tính điểm', en: 'Collected, not scored' };

/** Explanation of a leaf with no value under `missing: "zero"`, `points` formatted. */
export function missingZero(points: string): Localized {
  return { vi: `Không có số liệu → ${points} điểm`, en: `No value → ${points} points` };
}

/** A leaf's explanation prefixed for an appraised value. */
export function appraisedText(final: Localized): Localized {
  return { vi: `Thẩm định: ${final.vi}`, en: `Appraised: ${final.en ?? final.vi}` };
}

/** Explanation of an aggregate none of whose children counts for the unit. */
export const NOTHING_COUNTED: Localized = {
  vi: 'Không tiêu chí nào được tính (đều không áp dụng hoặc không có số liệu) → không tính vào điểm tối đa',
  en: 'No criterion counts (all not applicable or excluded) → left out of the maximum',
};

/**
 * An aggregate's explanation from its status and formatted figures: the
 * children's points, their sum (`total`, before any cap) and, only when the
 * cap bit, the cap (then the node's points are the cap).
 */
export function aggregateText(status: NodeStatus, sum: string, total: string, cap: string | undefined, max: string, index: string | null): Localized {
  if (status === 'info') return INFO_ONLY;
  if (status !== 'scored') return NOTHING_COUNTED;
  return {
    vi: `Tổng ${sum} = ${total}${cap === undefined ? '' : `, giới hạn ${cap} → ${cap}`} / tối đa ${max}${index === null ? '' : ` → chỉ số ${index}`}`,
    en: `Sum ${sum} = ${total}${cap === undefined ? '' : `, capped at ${cap} → ${cap}`} of ${max}${index === null ? '' : ` → index ${index}`}`,
  };
}

/**
 * Flattens the texts in place and returns them. Texts built by concatenation
 * are trees of fragments in V8 (one object per piece); reading a character
 * makes each a single string while it is young, which roughly halves the
 * memory a report with explanations keeps, and the time spent collecting it.
 */
function flat(text: Localized): Localized {
  text.vi.charCodeAt(0);
  text.en?.charCodeAt(0);
  return text;
}

/** A scored, not-applicable or missing leaf's result (`selfPoints` only where the unit has an appraised value). */
export function leafResult(points: string | null, maxPoints: string | null, status: NodeStatus, selfPoints: string | null | undefined, text: Localized | undefined): NodeResult {
  const explanation = text === undefined ? undefined : flat(text);
  if (selfPoints === undefined) {
    return explanation === undefined ? { points, maxPoints, status } : { points, maxPoints, status, explanation };
  }
  return explanation === undefined ? { points, maxPoints, status, selfPoints } : { points, maxPoints, status, selfPoints, explanation };
}

/** An `info` leaf's result. */
export function infoResult(value: string | number | boolean | null, explain: boolean): NodeResult {
  return explain ? { points: null, maxPoints: null, status: 'info', value, explanation: INFO_ONLY } : { points: null, maxPoints: null, status: 'info', value };
}

/** The recorded value of an `info` leaf (appraised first). */
export function infoValue(unit: PreparedUnit, code: string): string | number | boolean | null {
  const answer = unit.appraised.get(code) ?? unit.self.get(code);
  return answer?.state === 'value' ? (answer.value as string | number | boolean | null) : null;
}

/** An aggregate's result (`selfPoints` only where an appraised value lies below). */
export function aggregateResult(points: string, maxPoints: string, index: string | null, status: NodeStatus, selfPoints: string | undefined, text: Localized | undefined): NodeResult {
  const explanation = text === undefined ? undefined : flat(text);
  if (selfPoints === undefined) {
    return explanation === undefined ? { points, maxPoints, index, status } : { points, maxPoints, index, status, explanation };
  }
  return explanation === undefined ? { points, maxPoints, index, status, selfPoints } : { points, maxPoints, index, status, selfPoints, explanation };
}

// ---------------------------------------------------------------- the decimal.js path

const ZERO = new Dec(0);

interface LeafOutcome { readonly figures: NodeFigures; readonly result: NodeResult }

interface AnswerOutcome {
  readonly status: NodeStatus;
  readonly points: Dec | undefined;
  /** Built only when explanations are wanted. */
  readonly explanation: Localized | undefined;
}

function evaluateAnswer(
  criteria: CompiledCriteria,
  node: CompiledNode,
  answer: Answer | undefined,
  unit: PreparedUnit,
  best: BestValues,
  explain: boolean,
): AnswerOutcome {
  const leaf = node.leaf!;
  const max = leaf.points.get(unit.source.level) ?? ZERO;
  const dp = criteria.rounding.points;
  if (answer === undefined) {
    if (criteria.missing === 'exclude') return { status: 'missing', points: undefined, explanation: explain ? MISSING_EXCLUDED : undefined };
    return { status: 'missing', points: ZERO, explanation: explain ? missingZero(toFixed(ZERO, dp)) : undefined };
  }
  if (answer.state === 'na') return { status: 'not-applicable', points: undefined, explanation: explain ? ANSWERED_NA : undefined };
  const cohort = leaf.kind === 'relative' ? (leaf.compiled as 'level' | 'group') : undefined;
  const bestValue = cohort ? best.get(relativeKey(node.code, cohort, unit)) : undefined;
  const evaluation = leaf.rule.evaluate(leaf.compiled, answer.value, max, bestValue === undefined ? {} : { best: bestValue.dec });
  if (evaluation.state === 'not-applicable') return { status: 'not-applicable', points: undefined, explanation: explain ? evaluation.reason() : undefined };
  const points = divideRounded(evaluation.numerator, evaluation.denominator, dp);
  return { status: 'scored', points, explanation: explain ? evaluation.explain(toFixed(points, dp)) : undefined };
}

function scoreLeaf(criteria: CompiledCriteria, node: CompiledNode, unit: PreparedUnit, best: RunBest, explain: boolean): LeafOutcome {
  const leaf = node.leaf!;
  const dp = criteria.rounding.points;
  if (!leaf.rule.scored) {
    return {
      figures: { counted: false, points: ZERO, max: ZERO, self: ZERO, appraised: false },
      result: infoResult(infoValue(unit, node.code), explain),
    };
  }
  const appraised = unit.appraised.get(node.code);
  const selfAnswer = unit.self.get(node.code);
  const max = leaf.points.get(unit.source.level) ?? ZERO;
  const final = evaluateAnswer(criteria, node, appraised ?? selfAnswer, unit, best.final, explain);
  const counted = final.points !== undefined;
  let self = final.points ?? ZERO;
  let selfText: string | null | undefined;
  if (appraised !== undefined) {
    const own = evaluateAnswer(criteria, node, selfAnswer, unit, best.self, false);
    self = own.points ?? ZERO;
    selfText = own.points === undefined ? null : toFixed(own.points, dp);
  } else if (leaf.kind === 'relative') {
    // The self-assessment scored on its own: a relative leaf against the best self-assessed value.
    self = evaluateAnswer(criteria, node, selfAnswer, unit, best.self, false).points ?? ZERO;
  }
  const explanation = final.explanation !== undefined && appraised !== undefined ? appraisedText(final.explanation) : final.explanation;
  return {
    figures: { counted, points: final.points ?? ZERO, max: counted ? max : ZERO, self, appraised: appraised !== undefined },
    result: leafResult(counted ? toFixed(final.points!, dp) : null, counted ? toFixed(max, dp) : null, final.status, selfText, explanation),
  };
}

/**
 * Scores one unit's tree with decimal.js: every node that applies, in tree
 * order, into `out`. Returns the figures of the top-level nodes.
 */
function scoreNodes(
  criteria: CompiledCriteria,
  nodes: readonly CompiledNode[],
  unit: PreparedUnit,
  best: RunBest,
  out: Record<string, NodeResult>,
  explain: boolean,
): NodeFigures[] {
  const figures: NodeFigures[] = [];
  const dp = criteria.rounding.points;
  for (const node of nodes) {
    if (!node.scope.has(unit.atom)) continue;
    if (node.leaf) {
      const outcome = scoreLeaf(criteria, node, unit, best, explain);
      out[node.code] = outcome.result;
      figures.push(outcome.figures);
      continue;
    }
    const slot: Record<string, NodeResult> = {};
    out[node.code] = undefined as unknown as NodeResult; // reserve tree order
    const childFigures = scoreNodes(criteria, node.children, unit, best, slot, explain);
    const counted = childFigures.filter((f) => f.counted);
    let points = counted.reduce((acc, f) => acc.plus(f.points), ZERO);
    let max = counted.reduce((acc, f) => acc.plus(f.max), ZERO);
    const appraisedBelow = childFigures.some((f) => f.appraised);
    let self = childFigures.reduce((acc, f) => acc.plus(f.self), ZERO);
    const cap = node.cap?.get(unit.source.level);
    const capBit = cap !== undefined && points.gt(cap);
    const total = points;
    if (cap !== undefined) {
      points = Dec.min(points, cap);
      max = Dec.min(max, cap);
      self = Dec.min(self, cap);
    }
    const allInfo = childFigures.length > 0 && node.children.filter((c) => c.scope.has(unit.atom)).every((c) => slot[c.code]?.status === 'info');
    const status: NodeStatus = counted.length > 0 ? 'scored' : allInfo ? 'info' : 'not-applicable';
    const index = max.isZero() ? null : toFixed(divideRounded(points, max, criteria.rounding.index), criteria.rounding.index);
    const pointsText = toFixed(points, dp);
    const maxText = toFixed(max, dp);
    const explanation = explain
      ? aggregateText(status, counted.length > 0 ? counted.map((f) => toFixed(f.points, dp)).join(' + ') : '0', toFixed(total, dp), capBit ? toFixed(cap!, dp) : undefined, maxText, index)
      : undefined;
    out[node.code] = aggregateResult(pointsText, maxText, index, status, appraisedBelow ? toFixed(self, dp) : undefined, explanation);
    Object.assign(out, slot);
    figures.push({ counted: counted.length > 0, points, max, self, appraised: appraisedBelow });
  }
  return figures;
}

/** Scores one unit with decimal.js: its nodes, totals, index and rating. */
export function scoreUnit(criteria: CompiledCriteria, unit: PreparedUnit, best: RunBest, explain: boolean): ScoredUnit {
  const dp = criteria.rounding.points;
  const idp = criteria.rounding.index;
  const nodes: Record<string, NodeResult> = {};
  const tops = scoreNodes(criteria, criteria.roots, unit, best, nodes, explain);
  const counted = tops.filter((f) => f.counted);
  const points = counted.reduce((acc, f) => acc.plus(f.points), ZERO);
  const max = counted.reduce((acc, f) => acc.plus(f.max), ZERO);
  const self = tops.reduce((acc, f) => acc.plus(f.self), ZERO);
  const appraised = tops.some((f) => f.appraised);
  let totals: UnitTotals = { index: null, rating: null, key: undefined };
  if (!max.isZero()) {
    const index = divideRounded(points, max, idp);
    totals = {
      index: toFixed(index, idp),
      rating: criteria.ratings.find((band) => band.min.lte(index))?.id ?? null,
      key: criteria.ranking.by === 'points' ? points : index,
    };
  }
  return {
    unit,
    nodes,
    points: toFixed(points, dp),
    maxPoints: toFixed(max, dp),
    ...totals,
    self: appraised ? { selfPoints: toFixed(self, dp), difference: toFixed(points.minus(self), dp) } : undefined,
  };
}
