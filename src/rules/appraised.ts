import * as z from 'zod';
import type { Exact } from '../exact/exact.js';
import { readNumber, scoredAs, show, valueIssue } from './shared.js';
import type { RuleKind } from './types.js';

/** `appraised`: points `p` (`0 <= p <= P`) set directly by the appraisal council. */
export interface AppraisedRule { readonly kind: 'appraised' }

export const appraisedRule: RuleKind<AppraisedRule, null, Exact> = {
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
  explain: (_compiled, _p, _outcome, _ctx, points) => ({ vi: `Điểm do hội đồng thẩm định chấm: ${points} điểm`, en: `Points set by the appraisal council: ${points} points` }),
  describe: (_compiled, max) => ({ vi: `Hội đồng thẩm định chấm từ 0 đến ${show(max)} điểm`, en: `Set by the appraisal council, 0 to ${show(max)} points` }),
};
