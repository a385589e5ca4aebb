import * as z from 'zod';
import type { Exact } from '../exact/exact.js';
import { inDomain, numberInput, readNumber, SCORED_ZERO, scored, show, ZERO } from './shared.js';
import type { RuleKind } from './types.js';

/** Which units a `relative` leaf compares with: the unit's level, or its level and group. */
export type RelativeCohort = 'level' | 'group';

/** `relative`: `P × x / best`, `best` the largest `x` in the unit's cohort in the same run. */
export interface RelativeRule { readonly kind: 'relative'; readonly cohort?: RelativeCohort }

const WHO_GROUP = { vi: 'cao nhất trong nhóm', en: 'best in the group' } as const;
const WHO_LEVEL = { vi: 'cao nhất cùng cấp', en: 'best at the level' } as const;

export const relativeRule: RuleKind<RelativeRule, RelativeCohort, Exact> = {
  kind: 'relative',
  schema: () => z.strictObject({ kind: z.literal('relative'), cohort: z.enum(['level', 'group']).optional() }),
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
    if (best.isZero()) return { vi: `${show(x)}; giá trị ${who.vi} bằng 0 → ${points} điểm`, en: `${show(x)}; the ${who.en} is 0 → ${points} points` };
    return {
      vi: `${show(x)} ÷ ${show(best)} (${who.vi}) × ${show(max)} = ${points} điểm`,
      en: `${show(x)} ÷ ${show(best)} (${who.en}) × ${show(max)} = ${points} points`,
    };
  },
  describe: (cohort, max) => ({
    vi: `So với đơn vị cao nhất ${cohort === 'group' ? 'trong nhóm' : 'cùng cấp'}: ${show(max)} × x ÷ cao nhất`,
    en: `Relative to the best unit ${cohort === 'group' ? 'of the group' : 'of the level'}: ${show(max)} × x ÷ best`,
  }),
};
