import * as z from 'zod';
import type { Exact } from '../exact/exact.js';
import { readNumber, scoredAs, show, valueIssue, ZERO } from './shared.js';
import { already, ceilToStep, changeOf, earned, goalOf, larger, rawNumber, reaches, ONE, unitOf, unreachable } from './inverse-grid.js';
import type { InvertibleRuleKind } from './types.js';

/**
 * `appraised`: points `p` (`0 <= p <= P`) set directly by the appraisal
 * council. Inverse: the least `p` on the grid of `step` (default: the set's
 * published decimals, so the target itself) that earns the target, or `P`.
 * Format reference: [4.9. Quy tắc appraised](../../docs/reference/criteria-format.md#49-quy-tắc-appraised).
 */
export interface AppraisedRule {
  /** The rule kind: the value is the points `p` themselves, `0 <= p <= P`. */
  readonly kind: 'appraised';
}

export const appraisedRule: InvertibleRuleKind<AppraisedRule, null, Exact> = {
  kind: 'appraised',
  schema: () => z.strictObject({ kind: z.literal('appraised') }),
  scored: true,
  // Its values are points appraisers give, up to P: a variant cannot rescale what people wrote.
  scale: () => undefined,
  check: () => [],
  input: (_compiled, { max }) => ({ type: 'points', max }),
  compile: () => null,
  read(raw, _compiled, ctx) {
    const p = readNumber(raw, ctx, { nonNegative: true, expected: 'appraised-points' });
    if (p === undefined) return undefined;
    if (p.gt(ctx.max)) return valueIssue(ctx, 'value/out-of-range', { range: `[0, ${show(ctx.max)}]` });
    return p;
  },
  evaluate: (_compiled, p) => scoredAs(p),
  explain: (_compiled, _p, _outcome, _ctx, points) => ({ vi: `Điểm do hội đồng thẩm định chấm: ${show(points, 'vi')} điểm`, en: `Points set by the appraisal council: ${points} points` }),
  describe: (_compiled, max) => ({ vi: `Hội đồng thẩm định chấm từ 0 đến ${show(max, 'vi')} điểm`, en: `Set by the appraisal council, 0 to ${show(max)} points` }),
  inverse(_compiled, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (p: Exact): Exact => earned(scoredAs(p), ctx.places)!;
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    const step = ctx.step ?? unitOf(ctx.places);
    const p = ceilToStep(larger(goal.least, ZERO), ONE, step);
    // Past P on the grid: P itself, when it reaches.
    if (p.gt(ctx.max)) return reaches(points(ctx.max), goal) ? { state: 'value', value: ctx.max, raw: rawNumber(ctx.max), points: points(ctx.max), change: changeOf(current ?? ZERO, ctx.max, step) } : unreachable(points(ctx.max));
    return { state: 'value', value: p, raw: rawNumber(p), points: points(p), change: changeOf(current ?? ZERO, p, step) };
  },
};
