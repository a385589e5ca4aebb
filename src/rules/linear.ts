import * as z from 'zod';
import { makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { approx, inDomain, numberInput, ONE, readNumber, scored, show, ZERO } from './shared.js';
import type { RuleKind } from './types.js';

/** `linear`: `P × clamp((x − from) / (to − from), 0, 1)`; `from > to` means lower is better. */
export interface LinearRule {
  readonly kind: 'linear';
  readonly from: string | number;
  readonly to: string | number;
}

export interface CompiledLinear { readonly from: Exact; readonly to: Exact }

/** What a linear evaluation tells its explanation: where the fraction was clamped (`0` or `1`), if it was. */
export type LinearDetail = 0 | 1 | undefined;

/** The formula with the value, as written in explanations. */
function formula(compiled: CompiledLinear, x: Exact, q: string): string {
  const [from, to] = [show(compiled.from), show(compiled.to)];
  return `(${show(x)} − ${from}) / (${to} − ${from}) ${q.startsWith('≈') ? q : `= ${q}`}`;
}

export const linearRule: RuleKind<LinearRule, CompiledLinear, Exact, LinearDetail> = {
  kind: 'linear',
  schema: () => z.strictObject({ kind: z.literal('linear'), from: commonSchemas().decimal, to: commonSchemas().decimal }),
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
    const q = approx(x.minus(compiled.from), compiled.to.minus(compiled.from));
    const [f, p] = [formula(compiled, x, q), show(max)];
    if (clamped !== undefined) {
      return {
        vi: `${f}, giới hạn trong [0, 1] → ${clamped} × ${p} = ${points} điểm`,
        en: `${f}, clamped to [0, 1] → ${clamped} × ${p} = ${points} points`,
      };
    }
    return { vi: `${f} → ${q} × ${p} = ${points} điểm`, en: `${f} → ${q} × ${p} = ${points} points` };
  },
  describe: ({ from, to }, max) => ({
    vi: `Tuyến tính: ${show(from)} được 0 điểm, ${show(to)} được ${show(max)} điểm${from.gt(to) ? ' (càng thấp càng tốt)' : ''}`,
    en: `Linear: ${show(from)} earns 0, ${show(to)} earns ${show(max)} points${from.gt(to) ? ' (lower is better)' : ''}`,
  }),
};
