import * as z from 'zod';
import { makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { inDomain, numberInput, ONE, readNumber, scored, show, ZERO, scaleDecimal } from './shared.js';
import type { RuleKind } from './types.js';

/** `count`: `min(P, n × each)` for a whole number `n >= 0`. */
export interface CountRule { readonly kind: 'count'; readonly each: string | number }

/** What a count evaluation tells its explanation: `n × each`, before the cap. */
export type CountDetail = Exact;

export const countRule: RuleKind<CountRule, Exact, Exact, CountDetail> = {
  kind: 'count',
  schema: () => z.strictObject({ kind: z.literal('count'), each: commonSchemas().decimal }),
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
      vi: `${show(n)} × ${show(each)} = ${show(raw)}${capped ? `, tối đa ${show(max)}` : ''} → ${points} điểm`,
      en: `${show(n)} × ${show(each)} = ${show(raw)}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
    };
  },
  describe: (each, max) => ({ vi: `Mỗi đơn vị ${show(each)} điểm, tối đa ${show(max)}`, en: `${show(each)} points each, at most ${show(max)}` }),
};
