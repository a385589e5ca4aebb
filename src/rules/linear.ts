import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { readExact, type Exact } from '../scoring/fast/exact.js';
import { MAX, mul, rescale, roundScaled } from '../scoring/fast/safe-int.js';
import { approxOf, readNumber, show, ticks, type Scaled } from './shared.js';
import type { RuleKind } from './types.js';

/** `linear`: `P × clamp((x − from) / (to − from), 0, 1)`; `from > to` means lower is better. */
export interface LinearRule {
  readonly kind: 'linear';
  readonly from: string | number;
  readonly to: string | number;
}

export interface CompiledLinear { readonly from: Exact; readonly to: Exact }

/** `(x − from) / (to − from)` to up to 4 decimals: from the integer forms where they fit, else from the decimals `top / span`. */
function fraction(compiled: CompiledLinear, x: Exact, top: Dec, span: Dec): string {
  const scale = Math.max(x.s, compiled.from.s, compiled.to.s);
  const from = rescale(compiled.from.m, compiled.from.s, scale);
  const integerTop: Scaled = { m: rescale(x.m, x.s, scale) - from, s: scale };
  const integerSpan: Scaled = { m: rescale(compiled.to.m, compiled.to.s, scale) - from, s: scale };
  return approxOf(integerTop, integerSpan, top, span);
}

/** The formula with the value, as written in explanations. */
function formula(compiled: CompiledLinear, x: Exact, top: Dec, span: Dec): string {
  const [from, to] = [show(compiled.from), show(compiled.to)];
  const q = fraction(compiled, x, top, span);
  return `(${show(x)} − ${from}) / (${to} − ${from}) ${q.startsWith('≈') ? q : `= ${q}`}`;
}

export const linearRule: RuleKind<LinearRule, CompiledLinear, Exact> = {
  kind: 'linear',
  schema: z.strictObject({ kind: z.literal('linear'), from: decimalSchema, to: decimalSchema }),
  scored: true,
  check(config, _max, path) {
    const from = readDecimal(config.from);
    const to = readDecimal(config.to);
    return from !== undefined && to !== undefined && from.eq(to) ? [makeIssue('rule/from-equals-to', formatPath(path))] : [];
  },
  compile: (config) => ({ from: readExact(config.from) ?? readExact(0)!, to: readExact(config.to) ?? readExact(1)! }),
  read: (raw, _compiled, ctx) => readNumber(raw, ctx, {}),
  evaluate(compiled, value, max) {
    const [x, from, to] = [value.dec, compiled.from.dec, compiled.to.dec];
    const top = x.minus(from);
    const span = to.minus(from);
    // Same sign as the span: the fraction is positive; compare without dividing.
    const lowerBad = span.isPos() ? top.lte(0) : top.gte(0);
    const upperFull = span.isPos() ? top.gte(span) : top.lte(span);
    if (lowerBad || upperFull) {
      const full = upperFull && !lowerBad;
      return {
        state: 'scored', numerator: full ? max : new Dec(0), denominator: new Dec(1),
        explain: (points) => {
          const [f, p] = [formula(compiled, value, top, span), show(max)];
          return {
            vi: `${f}, giới hạn trong [0, 1] → ${full ? 1 : 0} × ${p} = ${points} điểm`,
            en: `${f}, clamped to [0, 1] → ${full ? 1 : 0} × ${p} = ${points} points`,
          };
        },
      };
    }
    const numerator = max.times(top.abs());
    const denominator = span.abs();
    return {
      state: 'scored', numerator, denominator,
      explain: (points) => {
        const [f, factor, p] = [formula(compiled, value, top, span), fraction(compiled, value, top, span), show(max)];
        return { vi: `${f} → ${factor} × ${p} = ${points} điểm`, en: `${f} → ${factor} × ${p} = ${points} points` };
      },
    };
  },
  fastEvaluate(compiled, x, ctx) {
    const scale = Math.max(x.s, compiled.from.s, compiled.to.s);
    const from = rescale(compiled.from.m, compiled.from.s, scale);
    const top = rescale(x.m, x.s, scale) - from;
    const span = rescale(compiled.to.m, compiled.to.s, scale) - from;
    // A true difference of 2^53 or more rounds to a double of 2^53 or more: the checks are exact.
    if (!(top <= MAX && top >= -MAX && span <= MAX && span >= -MAX)) return Number.NaN;
    const lowerBad = span > 0 ? top <= 0 : top >= 0;
    const upperFull = span > 0 ? top >= span : top <= span;
    if (lowerBad || upperFull) return upperFull && !lowerBad ? ticks(ctx.max, ctx.places) : 0;
    return roundScaled(mul(ctx.max.m, Math.abs(top)), Math.abs(span), ctx.places - ctx.max.s);
  },
  describe: ({ from: fromExact, to: toExact }, max) => {
    const [from, to] = [fromExact.dec, toExact.dec];
    return {
      vi: `Tuyến tính: ${show(from)} được 0 điểm, ${show(to)} được ${show(max)} điểm${from.gt(to) ? ' (càng thấp càng tốt)' : ''}`,
      en: `Linear: ${show(from)} earns 0, ${show(to)} earns ${show(max)} points${from.gt(to) ? ' (lower is better)' : ''}`,
    };
  },
};
