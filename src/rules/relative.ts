import * as z from 'zod';
import type { Exact } from '../exact/exact.js';
import { inDomain, numberInput, readNumber, SCORED_ZERO, scored, show, ZERO } from './shared.js';
import { already, ceilToStep, changeOf, earned, goalOf, inDomainExact, larger, ONE, rawNumber, reaches, stepOf, unreachable } from './inverse-grid.js';
import type { InvertibleRuleKind } from './types.js';

/** Which units a `relative` leaf compares with: the unit's level, or its level and group. */
export type RelativeCohort = 'level' | 'group';

/**
 * `relative`: `P × x / best`, `best` the largest `x` in the unit's cohort in
 * the same run. Inverse (`ctx.best`: the cohort's best as scored, the unit's
 * own value included): the least `x` on the grid of `step`, within the range,
 * that earns the target against the best of the others (a value above it
 * becomes the best and earns `P`; when no other unit gave more than 0, the
 * least positive value does); the range's top itself when no value of the
 * grid inside the range reaches. Default step: `10^-k`, `k` the most decimals
 * of the current value and the range (at least 2 on a `%` leaf).
 * Format reference: [4.8. Quy tắc relative](../../docs/reference/criteria-format.md#48-quy-tắc-relative).
 */
export interface RelativeRule {
  /** The rule kind: a unit gives a decimal `x >= 0`. */
  readonly kind: 'relative';
  /** Whose best `x` the unit is compared with: its level's (`level`, the default) or its level and group's (`group`). */
  readonly cohort?: RelativeCohort;
}

const WHO_GROUP = { vi: 'cao nhất trong nhóm', en: 'best in the group' } as const;
const WHO_LEVEL = { vi: 'cao nhất cùng cấp', en: 'best at the level' } as const;

export const relativeRule: InvertibleRuleKind<RelativeRule, RelativeCohort, Exact> = {
  kind: 'relative',
  schema: () => z.strictObject({
    kind: z.literal('relative'),
    cohort: z.enum(['level', 'group']).optional().meta({ description: 'So với giá trị cao nhất cùng cấp (level) hay cùng cấp và nhóm (group) trong lần chấm / Compared with the best of the same level, or of the same level and group, in the scoring run', default: 'level' }),
  }),
  scored: true,
  // A fraction of P: scaling P scales it.
  scale: (config) => config,
  check: () => [],
  compile: (config) => config.cohort ?? 'level',
  read(raw, _compiled, ctx) {
    const x = readNumber(raw, ctx, { nonNegative: true, expected: 'non-negative' });
    return x === undefined ? undefined : inDomain(x, ctx);
  },
  input: (_compiled, { domain }) => numberInput({ min: ZERO }, domain),
  cohort: (cohort) => cohort,
  evaluate(_cohort, x, { max, best = x }) {
    return best.isZero() ? SCORED_ZERO : scored(max.times(x), best, undefined);
  },
  explain(cohort, x, _outcome, { max, best = x }, points) {
    const who = cohort === 'group' ? WHO_GROUP : WHO_LEVEL;
    if (best.isZero()) return { vi: `${show(x, 'vi')}; giá trị ${who.vi} bằng 0 → ${show(points, 'vi')} điểm`, en: `${show(x)}; the ${who.en} is 0 → ${points} points` };
    return {
      vi: `${show(x, 'vi')} ÷ ${show(best, 'vi')} (${who.vi}) × ${show(max, 'vi')} = ${show(points, 'vi')} điểm`,
      en: `${show(x)} ÷ ${show(best)} (${who.en}) × ${show(max)} = ${points} points`,
    };
  },
  describe: (cohort, max) => ({
    vi: `So với đơn vị cao nhất ${cohort === 'group' ? 'trong nhóm' : 'cùng cấp'}: ${show(max, 'vi')} × x ÷ cao nhất`,
    en: `Relative to the best unit ${cohort === 'group' ? 'of the group' : 'of the level'}: ${show(max)} × x ÷ best`,
  }),
  inverse(cohort, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const { max, domain } = ctx;
    if (current !== undefined) {
      const now = earned(relativeRule.evaluate(cohort, current, ctx), ctx.places)!;
      if (reaches(now, goal)) return already(now);
    }
    // The unit is not the best (it would earn P): the best is another unit's, if any gave more than 0.
    const others = ctx.best !== undefined && ctx.best.sign() > 0 && (current === undefined || ctx.best.gt(current)) ? ctx.best : undefined;
    // Points of x once given: against the best of the others, or x itself when it is larger.
    const points = (x: Exact): Exact => earned(relativeRule.evaluate(cohort, x, { max, best: others !== undefined && others.gt(x) ? others : x }), ctx.places)!;
    const step = stepOf(ctx, [current]);
    const low = domain?.min !== undefined && domain.min.sign() > 0 ? ceilToStep(domain.min, ONE, step) : ZERO;
    // A leaf worth 0 earns 0 whatever the value.
    if (max.isZero() && goal.least.gt(ZERO)) return unreachable(ZERO);
    let x: Exact;
    if (!goal.least.gt(ZERO)) x = larger(low, current ?? ZERO);
    else if (others === undefined) x = larger(low, step);
    else x = larger(low, ceilToStep(goal.least.times(others), max, step));
    if (goal.least.gt(max) || !inDomainExact(x, domain) || !reaches(points(x), goal)) {
      // The largest value accepted earns the most: the range's top (off the grid), else any value past the best.
      const end = domain?.max ?? larger(low, others ?? step);
      if (!inDomainExact(end, domain)) return unreachable(undefined);
      if (goal.least.gt(max) || !reaches(points(end), goal)) return unreachable(points(end));
      x = end;
    }
    return { state: 'value', value: x, raw: rawNumber(x), points: points(x), change: changeOf(current ?? ZERO, x, step) };
  },
};
