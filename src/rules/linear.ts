import * as z from 'zod';
import { makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { approx, inDomain, numberInput, ONE, readNumber, scored, show, ZERO } from './shared.js';
import { already, ceilToStep, changeOf, earned, floorToStep, goalOf, inDomainExact, larger, rawNumber, reaches, smaller, stepOf, unreachable } from './inverse-grid.js';
import type { InvertibleRuleKind } from './types.js';

/**
 * `linear`: `P × clamp((x − from) / (to − from), 0, 1)`; `from > to` means
 * lower is better. Inverse: the value nearest the current one (or `from`,
 * when none was given) that earns the target, on the grid of `step` and
 * within the leaf's range: the least such value when higher is better, the
 * greatest when lower is; the range's bound itself when no value of the grid
 * inside the range reaches. Default step: `10^-k`, `k` the most decimals of
 * `from`, `to`, the range and the current value (at least 2 on a `%` leaf).
 * Format reference: [4.3. Quy tắc linear](../../docs/reference/criteria-format.md#43-quy-tắc-linear).
 */
export interface LinearRule {
  /** The rule kind: a unit gives a decimal `x`. */
  readonly kind: 'linear';
  /** The value that earns 0 (and so does any value beyond it, away from `to`). */
  readonly from: string | number;
  /** The value that earns `P` (and so does any value beyond it); differs from `from`, and `from > to` means lower is better. */
  readonly to: string | number;
}

export interface CompiledLinear { readonly from: Exact; readonly to: Exact }

/** What a linear evaluation tells its explanation: where the fraction was clamped (`0` or `1`), if it was. */
export type LinearDetail = 0 | 1 | undefined;

/** The formula with the value, as written in explanations. */
function formula(compiled: CompiledLinear, x: Exact, q: string, lang: 'vi' | 'en'): string {
  const [from, to] = [show(compiled.from, lang), show(compiled.to, lang)];
  return `(${show(x, lang)} − ${from}) / (${to} − ${from}) ${q.startsWith('≈') ? q : `= ${q}`}`;
}

export const linearRule: InvertibleRuleKind<LinearRule, CompiledLinear, Exact, LinearDetail> = {
  kind: 'linear',
  schema: () => z.strictObject({
    kind: z.literal('linear'),
    from: commonSchemas().decimal.meta({ description: 'Giá trị được 0 điểm (giá trị xa hơn về phía này cũng vậy) / The value that earns 0 (so does any value beyond it)' }),
    to: commonSchemas().decimal.meta({ description: 'Giá trị được đủ điểm (giá trị vượt nó cũng vậy); from > to: càng thấp càng tốt / The value that earns full points (so does any value beyond it); from > to: lower is better' }),
  }),
  scored: true,
  // A fraction of P: scaling P scales it (`from`, `to` are inputs, not points).
  scale: (config) => config,
  check(config, _max, path) {
    const from = readExact(config.from);
    const to = readExact(config.to);
    return from !== undefined && to !== undefined && from.eq(to) ? [makeIssue('rule/from-equals-to', formatPath(path))] : [];
  },
  compile: (config) => ({ from: readExact(config.from) ?? ZERO, to: readExact(config.to) ?? ONE }),
  read(raw, _compiled, ctx) {
    const x = readNumber(raw, ctx, {});
    return x === undefined ? undefined : inDomain(x, ctx);
  },
  input: (_compiled, { domain }) => numberInput({}, domain),
  evaluate(compiled, x, { max }) {
    const top = x.minus(compiled.from);
    const span = compiled.to.minus(compiled.from);
    // Same sign as the span: the fraction is positive; compare without dividing.
    const rising = span.sign() > 0;
    const c = top.comparedTo(span);
    const lowerBad = rising ? top.sign() <= 0 : top.sign() >= 0;
    const upperFull = rising ? c >= 0 : c <= 0;
    if (lowerBad || upperFull) {
      const full = upperFull && !lowerBad;
      return full ? scored(max, ONE, 1) : scored(ZERO, ONE, 0);
    }
    return scored(max.times(top.abs()), span.abs(), undefined);
  },
  explain(compiled, x, { detail: clamped }, { max }, points) {
    const [top, span] = [x.minus(compiled.from), compiled.to.minus(compiled.from)];
    const [q, qVi] = [approx(top, span), approx(top, span, 'vi')];
    const [f, fVi, p, pVi, pointsVi] = [formula(compiled, x, q, 'en'), formula(compiled, x, qVi, 'vi'), show(max), show(max, 'vi'), show(points, 'vi')];
    if (clamped !== undefined) {
      // After a decimal comma, list commas and a range's comma are semicolons in Vietnamese.
      return {
        vi: `${fVi}; giới hạn trong [0; 1] → ${clamped} × ${pVi} = ${pointsVi} điểm`,
        en: `${f}, clamped to [0, 1] → ${clamped} × ${p} = ${points} points`,
      };
    }
    return { vi: `${fVi} → ${qVi} × ${pVi} = ${pointsVi} điểm`, en: `${f} → ${q} × ${p} = ${points} points` };
  },
  describe: ({ from, to }, max) => ({
    vi: `Tuyến tính: ${show(from, 'vi')} được 0 điểm; ${show(to, 'vi')} được ${show(max, 'vi')} điểm${from.gt(to) ? ' (càng thấp càng tốt)' : ''}`,
    en: `Linear: ${show(from)} earns 0, ${show(to)} earns ${show(max)} points${from.gt(to) ? ' (lower is better)' : ''}`,
  }),
  inverse(compiled, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (x: Exact): Exact => earned(linearRule.evaluate(compiled, x, ctx), ctx.places)!;
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    const { from, to } = compiled;
    const { max, domain } = ctx;
    const step = stepOf(ctx, [from, to, current]);
    const rising = to.gt(from);
    const base = current ?? from;
    // The points reach `least` from x = from + least × (to − from) / P on (from `from` when least <= 0: every value does).
    const some = goal.least.gt(ZERO);
    const n = some ? from.times(max).plus(goal.least.times(to.minus(from))) : from;
    const d = some ? max : ONE;
    let x: Exact | undefined;
    if (!goal.least.gt(max)) {
      // Higher is better: the least grid value at or above the bound and the base; lower: the greatest at or below.
      x = rising ? larger(ceilToStep(n, d, step), ceilToStep(base, ONE, step)) : smaller(floorToStep(n, d, step), floorToStep(base, ONE, step));
      if (domain?.min !== undefined && x.lt(domain.min)) x = rising ? ceilToStep(domain.min, ONE, step) : undefined;
      if (x !== undefined && domain?.max !== undefined && x.gt(domain.max)) x = rising ? undefined : floorToStep(domain.max, ONE, step);
      if (x !== undefined && (!inDomainExact(x, domain) || !reaches(points(x), goal))) x = undefined;
    }
    if (x === undefined) {
      // No grid value in the range: the range's better end itself (off the grid), if it reaches; it is what earns the most.
      const end = rising ? (domain?.max ?? larger(to, domain?.min ?? to)) : (domain?.min ?? smaller(to, domain?.max ?? to));
      if (!inDomainExact(end, domain)) return unreachable(undefined);
      if (!reaches(points(end), goal)) return unreachable(points(end));
      x = end;
    }
    return { state: 'value', value: x, raw: rawNumber(x), points: points(x), change: changeOf(base, x, step) };
  },
};
