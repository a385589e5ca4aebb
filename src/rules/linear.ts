import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { approx, readNumber, show } from './shared.js';
import type { RuleKind } from './types.js';

/** `linear`: `P × clamp((x − from) / (to − from), 0, 1)`; `from > to` means lower is better. */
export interface LinearRule {
  readonly kind: 'linear';
  readonly from: string | number;
  readonly to: string | number;
}

export interface CompiledLinear { readonly from: Dec; readonly to: Dec }

export const linearRule: RuleKind<LinearRule, CompiledLinear, Dec> = {
  kind: 'linear',
  schema: z.strictObject({ kind: z.literal('linear'), from: decimalSchema, to: decimalSchema }),
  scored: true,
  check(config, _max, path) {
    const from = readDecimal(config.from);
    const to = readDecimal(config.to);
    return from !== undefined && to !== undefined && from.eq(to) ? [makeIssue('rule/from-equals-to', formatPath(path))] : [];
  },
  compile: (config) => ({ from: readDecimal(config.from) ?? new Dec(0), to: readDecimal(config.to) ?? new Dec(1) }),
  read: (raw, _compiled, ctx) => readNumber(raw, ctx, {}),
  evaluate({ from, to }, x, max) {
    const top = x.minus(from);
    const span = to.minus(from);
    const formula = `(${show(x)} − ${show(from)}) / (${show(to)} − ${show(from)})`;
    // Same sign as the span: the fraction is positive; compare without dividing.
    const lowerBad = span.isPos() ? top.lte(0) : top.gte(0);
    const upperFull = span.isPos() ? top.gte(span) : top.lte(span);
    if (lowerBad || upperFull) {
      const full = upperFull && !lowerBad;
      return {
        state: 'scored', numerator: full ? max : new Dec(0), denominator: new Dec(1),
        explain: (points) => ({
          vi: `${formula} = ${approx(top, span)}, giới hạn trong [0, 1] → ${full ? 1 : 0} × ${show(max)} = ${points} điểm`,
          en: `${formula} = ${approx(top, span)}, clamped to [0, 1] → ${full ? 1 : 0} × ${show(max)} = ${points} points`,
        }),
      };
    }
    const numerator = max.times(top.abs());
    const denominator = span.abs();
    return {
      state: 'scored', numerator, denominator,
      explain: (points) => ({
        vi: `${formula} = ${approx(top, span)} → ${approx(top, span).replace('≈ ', '')} × ${show(max)} = ${points} điểm`,
        en: `${formula} = ${approx(top, span)} → ${approx(top, span).replace('≈ ', '')} × ${show(max)} = ${points} points`,
      }),
    };
  },
  describe: ({ from, to }, max) => ({
    vi: `Tuyến tính: ${show(from)} được 0 điểm, ${show(to)} được ${show(max)} điểm${from.gt(to) ? ' (càng thấp càng tốt)' : ''}`,
    en: `Linear: ${show(from)} earns 0, ${show(to)} earns ${show(max)} points${from.gt(to) ? ' (lower is better)' : ''}`,
  }),
};
