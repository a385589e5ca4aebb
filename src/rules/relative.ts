import { z } from 'zod';
import { Dec } from '../decimal.js';
import type { Exact } from '../scoring/fast/exact.js';
import { mul, roundScaled } from '../scoring/fast/safe-int.js';
import { readNumber, show } from './shared.js';
import type { RuleKind } from './types.js';

/** Which units a `relative` leaf compares with: the unit's level, or its level and group. */
export type RelativeCohort = 'level' | 'group';

/** `relative`: `P × x / best`, `best` the largest `x` in the unit's cohort in the same run. */
export interface RelativeRule { readonly kind: 'relative'; readonly cohort?: RelativeCohort }

const WHO_GROUP = { vi: 'cao nhất trong nhóm', en: 'best in the group' } as const;
const WHO_LEVEL = { vi: 'cao nhất cùng cấp', en: 'best at the level' } as const;

export const relativeRule: RuleKind<RelativeRule, RelativeCohort, Exact> = {
  kind: 'relative',
  schema: z.strictObject({ kind: z.literal('relative'), cohort: z.enum(['level', 'group']).optional() }),
  scored: true,
  check: () => [],
  compile: (config) => config.cohort ?? 'level',
  read: (raw, _compiled, ctx) => readNumber(raw, ctx, { nonNegative: true, expected: 'non-negative' }),
  evaluate(cohort, x, max, ctx) {
    const best = ctx.best ?? x.dec;
    const who = cohort === 'group' ? WHO_GROUP : WHO_LEVEL;
    if (best.isZero()) {
      return {
        state: 'scored', numerator: new Dec(0), denominator: new Dec(1),
        explain: (points) => ({ vi: `${show(x)}; giá trị ${who.vi} bằng 0 → ${points} điểm`, en: `${show(x)}; the ${who.en} is 0 → ${points} points` }),
      };
    }
    return {
      state: 'scored', numerator: max.times(x.dec), denominator: best,
      explain: (points) => ({
        vi: `${show(x)} ÷ ${show(best)} (${who.vi}) × ${show(max)} = ${points} điểm`,
        en: `${show(x)} ÷ ${show(best)} (${who.en}) × ${show(max)} = ${points} points`,
      }),
    };
  },
  fastEvaluate(_cohort, x, ctx) {
    const best = ctx.best ?? x;
    if (best.m === 0) return 0;
    // P × x / best, rounded once
    return roundScaled(mul(ctx.max.m, x.m), best.m, ctx.places + best.s - ctx.max.s - x.s);
  },
  describe: (cohort, max) => ({
    vi: `So với đơn vị cao nhất ${cohort === 'group' ? 'trong nhóm' : 'cùng cấp'}: ${show(max)} × x ÷ cao nhất`,
    en: `Relative to the best unit ${cohort === 'group' ? 'of the group' : 'of the level'}: ${show(max)} × x ÷ best`,
  }),
};
