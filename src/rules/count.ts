import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { readExact, type Exact } from '../scoring/fast/exact.js';
import { compareScaled, mul, roundToPlaces } from '../scoring/fast/safe-int.js';
import { readNumber, show, ticks } from './shared.js';
import type { RuleKind } from './types.js';

/** `count`: `min(P, n × each)` for a whole number `n >= 0`. */
export interface CountRule { readonly kind: 'count'; readonly each: string | number }

export const countRule: RuleKind<CountRule, Exact, Exact> = {
  kind: 'count',
  schema: z.strictObject({ kind: z.literal('count'), each: decimalSchema }),
  scored: true,
  check(config, _max, path) {
    const each = readDecimal(config.each);
    return each !== undefined && each.lte(0) ? [makeIssue('rule/each-not-positive', formatPath([...path, 'each']))] : [];
  },
  compile: (config) => readExact(config.each) ?? readExact(1)!,
  read: (raw, _compiled, ctx) => readNumber(raw, ctx, { nonNegative: true, whole: true, expected: 'whole' }),
  evaluate(each, n, max) {
    const raw = n.dec.times(each.dec);
    const capped = raw.gt(max);
    return {
      state: 'scored', numerator: capped ? max : raw, denominator: new Dec(1),
      explain: (points) => ({
        vi: `${show(n)} × ${show(each)} = ${show(raw)}${capped ? `, tối đa ${show(max)}` : ''} → ${points} điểm`,
        en: `${show(n)} × ${show(each)} = ${show(raw)}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
      }),
    };
  },
  fastEvaluate(each, n, ctx) {
    const rawM = mul(n.m, each.m);
    const rawS = n.s + each.s;
    const capped = compareScaled(rawM, rawS, ctx.max.m, ctx.max.s);
    if (capped !== capped) return Number.NaN;
    return capped > 0 ? ticks(ctx.max, ctx.places) : roundToPlaces(rawM, rawS, ctx.places);
  },
  describe: (each, max) => ({ vi: `Mỗi đơn vị ${show(each)} điểm, tối đa ${show(max)}`, en: `${show(each)} points each, at most ${show(max)}` }),
};
