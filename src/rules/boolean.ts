import * as z from 'zod';
import { SCORED_ZERO, scoredAs, show, valueIssue } from './shared.js';
import { already, discreteChange, earned, goalOf, reaches, unreachable } from './inverse-grid.js';
import type { InputShape } from './input-shape.js';
import type { InvertibleRuleKind } from './types.js';

/**
 * `boolean`: `true` earns `P`, `false` earns 0. Inverse: `true` (one step)
 * when `P` as published reaches the target.
 * Format reference: [4.1. Quy tắc boolean](../../docs/reference/criteria-format.md#41-quy-tắc-boolean).
 */
export interface BooleanRule {
  /** The rule kind: a unit answers `true` or `false`. */
  readonly kind: 'boolean';
}

const YES_NO: InputShape = Object.freeze({ type: 'yes-no' });

export const booleanRule: InvertibleRuleKind<BooleanRule, null, boolean> = {
  kind: 'boolean',
  schema: () => z.strictObject({ kind: z.literal('boolean') }),
  scored: true,
  // Worth P or 0: scaling P scales it.
  scale: (config) => config,
  check: () => [],
  input: () => YES_NO,
  compile: () => null,
  read(raw, _compiled, ctx) {
    if (typeof raw === 'boolean') return raw;
    return valueIssue(ctx, 'value/shape', { expected: 'boolean' });
  },
  evaluate: (_compiled, value, { max }) => (value ? scoredAs(max) : SCORED_ZERO),
  explain: (_compiled, value, _outcome, _ctx, points) =>
    value ? { vi: `Đạt → ${show(points, 'vi')} điểm`, en: `Yes → ${points} points` } : { vi: `Không đạt → ${show(points, 'vi')} điểm`, en: `No → ${points} points` },
  describe: (_compiled, max) => ({ vi: `Có: ${show(max, 'vi')} điểm; không: 0 điểm`, en: `Yes: ${show(max)} points; no: 0 points` }),
  inverse(_compiled, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (value: boolean) => earned(value ? scoredAs(ctx.max) : SCORED_ZERO, ctx.places)!;
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    // Missing and a target of 0: `false` earns it, a change of one answer like `true`.
    const value = reaches(points(false), goal) ? false : true;
    const earns = points(value);
    return reaches(earns, goal) ? { state: 'value', value, raw: value, points: earns, change: discreteChange(1) } : unreachable(earns);
  },
};
