import { Dec, divideRounded, toFixed } from '../decimal.js';
import type { CompiledCriteria, CompiledNode } from '../format/compiled.js';
import type { Localized } from '../format/localized.js';
import type { Answer, PreparedUnit } from './answers.js';
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
export type BestValues = ReadonlyMap<string, Dec>;

/** The run's best values: over final values (for points) and over self-assessed ones (for `selfPoints`). */
export interface RunBest {
  readonly final: BestValues;
  readonly self: BestValues;
}

/** The cohort key a relative leaf compares a unit within. */
export function relativeKey(code: string, cohort: 'level' | 'group', unit: PreparedUnit): string {
  return `${code}\u0000${cohort === 'group' ? unit.atom : unit.source.level}`;
}

const ZERO = new Dec(0);

interface LeafOutcome { readonly figures: NodeFigures; readonly result: NodeResult }

function evaluateAnswer(
  criteria: CompiledCriteria,
  node: CompiledNode,
  answer: Answer | undefined,
  unit: PreparedUnit,
  best: BestValues,
): { status: NodeStatus; points: Dec | undefined; explanation: Localized } {
  const leaf = node.leaf!;
  const max = leaf.points.get(unit.source.level) ?? ZERO;
  const dp = criteria.rounding.points;
  if (answer === undefined) {
    if (criteria.missing === 'exclude') return { status: 'missing', points: undefined, explanation: { vi: 'Không có số liệu → không tính vào điểm tối đa', en: 'No value → left out of the maximum' } };
    return { status: 'missing', points: ZERO, explanation: { vi: `Không có số liệu → ${toFixed(ZERO, dp)} điểm`, en: `No value → ${toFixed(ZERO, dp)} points` } };
  }
  if (answer.state === 'na') return { status: 'not-applicable', points: undefined, explanation: { vi: 'Đơn vị trả lời "không áp dụng" (n/a)', en: 'The unit answered "not applicable" (n/a)' } };
  const cohort = leaf.kind === 'relative' ? (leaf.compiled as 'level' | 'group') : undefined;
  const bestValue = cohort ? best.get(relativeKey(node.code, cohort, unit)) : undefined;
  const evaluation = leaf.rule.evaluate(leaf.compiled, answer.value, max, bestValue === undefined ? {} : { best: bestValue });
  if (evaluation.state === 'not-applicable') return { status: 'not-applicable', points: undefined, explanation: evaluation.reason };
  const points = divideRounded(evaluation.numerator, evaluation.denominator, dp);
  return { status: 'scored', points, explanation: evaluation.explain(toFixed(points, dp)) };
}

function scoreLeaf(criteria: CompiledCriteria, node: CompiledNode, unit: PreparedUnit, best: RunBest): LeafOutcome {
  const leaf = node.leaf!;
  const dp = criteria.rounding.points;
  const appraised = unit.appraised.get(node.code);
  const selfAnswer = unit.self.get(node.code);
  if (!leaf.rule.scored) {
    const answer = appraised ?? selfAnswer;
    const value = answer?.state === 'value' ? (answer.value as string | number | boolean | null) : null;
    return {
      figures: { counted: false, points: ZERO, max: ZERO, self: ZERO, appraised: false },
      result: { points: null, maxPoints: null, status: 'info', value, explanation: { vi: 'Chỉ thu thập, không tính điểm', en: 'Collected, not scored' } },
    };
  }
  const max = leaf.points.get(unit.source.level) ?? ZERO;
  const final = evaluateAnswer(criteria, node, appraised ?? selfAnswer, unit, best.final);
  const counted = final.points !== undefined;
  let self = final.points ?? ZERO;
  let selfText: string | null | undefined;
  if (appraised !== undefined) {
    const own = evaluateAnswer(criteria, node, selfAnswer, unit, best.self);
    self = own.points ?? ZERO;
    selfText = own.points === undefined ? null : toFixed(own.points, dp);
  }
  const explanation: Localized = appraised !== undefined
    ? { vi: `Thẩm định: ${final.explanation.vi}`, en: `Appraised: ${final.explanation.en ?? final.explanation.vi}` }
    : final.explanation;
  return {
    figures: { counted, points: final.points ?? ZERO, max: counted ? max : ZERO, self, appraised: appraised !== undefined },
    result: {
      points: counted ? toFixed(final.points!, dp) : null,
      maxPoints: counted ? toFixed(max, dp) : null,
      status: final.status,
      ...(selfText !== undefined ? { selfPoints: selfText } : {}),
      explanation,
    },
  };
}

/**
 * Scores one unit's tree: every node that applies, in tree order, into `out`.
 * Returns the figures of the top-level nodes.
 */
export function scoreNodes(
  criteria: CompiledCriteria,
  nodes: readonly CompiledNode[],
  unit: PreparedUnit,
  best: RunBest,
  out: Record<string, NodeResult>,
): NodeFigures[] {
  const figures: NodeFigures[] = [];
  const dp = criteria.rounding.points;
  for (const node of nodes) {
    if (!node.scope.has(unit.atom)) continue;
    if (node.leaf) {
      const outcome = scoreLeaf(criteria, node, unit, best);
      out[node.code] = outcome.result;
      figures.push(outcome.figures);
      continue;
    }
    const slot: Record<string, NodeResult> = {};
    out[node.code] = undefined as unknown as NodeResult; // reserve tree order
    const childFigures = scoreNodes(criteria, node.children, unit, best, slot);
    const counted = childFigures.filter((f) => f.counted);
    let points = counted.reduce((acc, f) => acc.plus(f.points), ZERO);
    let max = counted.reduce((acc, f) => acc.plus(f.max), ZERO);
    const appraisedBelow = childFigures.some((f) => f.appraised);
    let self = childFigures.reduce((acc, f) => acc.plus(f.self), ZERO);
    const cap = node.cap?.get(unit.source.level);
    const sumText = counted.length > 0 ? counted.map((f) => toFixed(f.points, dp)).join(' + ') : '0';
    let capText = { vi: '', en: '' };
    if (cap !== undefined) {
      if (points.gt(cap)) capText = { vi: `, giới hạn ${toFixed(cap, dp)}`, en: `, capped at ${toFixed(cap, dp)}` };
      points = Dec.min(points, cap);
      max = Dec.min(max, cap);
      self = Dec.min(self, cap);
    }
    const allInfo = childFigures.length > 0 && node.children.filter((c) => c.scope.has(unit.atom)).every((c) => slot[c.code]?.status === 'info');
    const status: NodeStatus = counted.length > 0 ? 'scored' : allInfo ? 'info' : 'not-applicable';
    const index = max.isZero() ? null : toFixed(divideRounded(points, max, criteria.rounding.index), criteria.rounding.index);
    out[node.code] = {
      points: toFixed(points, dp),
      maxPoints: toFixed(max, dp),
      index,
      status,
      ...(appraisedBelow ? { selfPoints: toFixed(self, dp) } : {}),
      explanation: {
        vi: `Tổng ${sumText} = ${toFixed(points, dp)}${capText.vi} / tối đa ${toFixed(max, dp)}${index === null ? '' : ` → chỉ số ${index}`}`,
        en: `Sum ${sumText} = ${toFixed(points, dp)}${capText.en} of ${toFixed(max, dp)}${index === null ? '' : ` → index ${index}`}`,
      },
    };
    Object.assign(out, slot);
    figures.push({ counted: counted.length > 0, points, max, self, appraised: appraisedBelow });
  }
  return figures;
}
