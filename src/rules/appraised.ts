import { z } from 'zod';
import { Dec } from '../decimal.js';
import type { Exact } from '../scoring/fast/exact.js';
import { readNumber, show, ticks, valueIssue } from './shared.js';
import type { RuleKind } from './types.js';

/** `appraised`: points `p` (`0 <= p <= P`) set directly by the appraisal council. */
export interface AppraisedRule { readonly kind: 'appraised' }

export const appraisedRule: RuleKind<AppraisedRule, null, Exact> = {
  kind: 'appraised',
  schema: z.strictObject({ kind: z.literal('appraised') }),
  scored: true,
  check: () => [],
  compile: () => null,
  read(raw, _compiled, ctx) {
    const p = readNumber(raw, ctx, { nonNegative: true, expected: 'appraised-points' });
    if (p === undefined) return undefined;
    if (p.dec.gt(ctx.max)) return valueIssue(ctx, 'value/out-of-range', { range: `[0, ${show(ctx.max)}]` });
    return p;
  },
  evaluate: (_compiled, p) => ({
    state: 'scored', numerator: p.dec, denominator: new Dec(1),
    explain: (points) => ({ vi: `Điểm do hội đồng thẩm định chấm: ${points} điểm`, en: `Points set by the appraisal council: ${points} points` }),
  }),
  fastEvaluate: (_compiled, p, ctx) => ticks(p, ctx.places),
  describe: (_compiled, max) => ({ vi: `Hội đồng thẩm định chấm từ 0 đến ${show(max)} điểm`, en: `Set by the appraisal council, 0 to ${show(max)} points` }),
};
