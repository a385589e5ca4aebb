import * as z from 'zod';
import { makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { inDomain, numberInput, ONE, readNumber, scored, show, ZERO, scaleDecimal } from './shared.js';
import { already, ceilQuotient, changeOf, earned, floorQuotient, goalOf, larger, rawNumber, reaches, unreachable } from './inverse-grid.js';
import type { InvertibleRuleKind } from './types.js';

/**
 * `count`: `min(P, n × each)` for a whole number `n >= 0`. Inverse: the least
 * whole `n` that earns the target (more is never worth less), within the
 * leaf's range; its step is one item (a `step` given is not used: counts are
 * whole).
 * Format reference: [4.5. Quy tắc count](../../docs/reference/criteria-format.md#45-quy-tắc-count).
 */
export interface CountRule {
  /** The rule kind: a unit gives a whole number `n >= 0`. */
  readonly kind: 'count';
  /** The points each item counted earns, above 0; the total is capped at `P`. */
  readonly each: string | number;
}

/** What a count evaluation tells its explanation: `n × each`, before the cap. */
export type CountDetail = Exact;

export const countRule: InvertibleRuleKind<CountRule, Exact, Exact, CountDetail> = {
  kind: 'count',
  schema: () => z.strictObject({ kind: z.literal('count'), each: commonSchemas().decimal.meta({ description: 'Điểm cho mỗi mục đếm được, lớn hơn 0; tổng không quá P / The points per item counted, above 0; the total is capped at P' }) }),
  scored: true,
  scale: (config, factor) => ({ ...config, each: scaleDecimal(config.each, factor) }),
  check(config, _max, path) {
    const each = readExact(config.each);
    return each !== undefined && each.sign() <= 0 ? [makeIssue('rule/each-not-positive', formatPath([...path, 'each']))] : [];
  },
  compile: (config) => readExact(config.each) ?? ONE,
  read(raw, _compiled, ctx) {
    const n = readNumber(raw, ctx, { nonNegative: true, whole: true, expected: 'whole' });
    return n === undefined ? undefined : inDomain(n, ctx);
  },
  input: (_compiled, { domain }) => numberInput({ whole: true, min: ZERO }, domain),
  evaluate(each, n, { max }) {
    const raw = n.times(each);
    return scored(raw.gt(max) ? max : raw, ONE, raw);
  },
  explain: (each, n, { detail: raw }, { max }, points) => {
    const capped = raw.gt(max);
    return {
      // A list comma after a decimal comma reads as one number: a semicolon in Vietnamese.
      vi: `${show(n, 'vi')} × ${show(each, 'vi')} = ${show(raw, 'vi')}${capped ? `; tối đa ${show(max, 'vi')}` : ''} → ${show(points, 'vi')} điểm`,
      en: `${show(n)} × ${show(each)} = ${show(raw)}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
    };
  },
  describe: (each, max) => ({ vi: `Mỗi đơn vị ${show(each, 'vi')} điểm, tối đa ${show(max, 'vi')}`, en: `${show(each)} points each, at most ${show(max)}` }),
  inverse(each, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (n: Exact): Exact => earned(countRule.evaluate(each, n, ctx), ctx.places)!;
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    const { domain } = ctx;
    const low = domain?.min === undefined || domain.min.isNegative() ? ZERO : ceilQuotient(domain.min, ONE);
    const high = domain?.max === undefined ? undefined : floorQuotient(domain.max, ONE);
    // n × each ≥ least, and n × each is capped at P: beyond P nothing more is earned.
    const needed = goal.least.lte(ZERO) ? low : larger(low, ceilQuotient(goal.least, each));
    const capped = ctx.max.lt(goal.least);
    if (capped || (high !== undefined && needed.gt(high))) {
      // The most: at the range's top, or P for a count without one.
      if (high === undefined) return unreachable(earned(scored(ctx.max, ONE, ZERO), ctx.places));
      return unreachable(high.lt(low) ? undefined : points(high));
    }
    // More earns no less, and the current value earns less: the least such n lies above it.
    const n = needed;
    return { state: 'value', value: n, raw: rawNumber(n), points: points(n), change: changeOf(current ?? ZERO, n, ONE) };
  },
};
