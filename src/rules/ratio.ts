import * as z from 'zod';
import { makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { approx, notApplicable, ONE, percent, percentOf, readFraction, scored, show, ZERO, type FractionValue } from './shared.js';
import type { InvertibleRuleKind } from './types.js';
import { already, ceilToStep, changeOf, decimalStep, earned, goalOf, larger, rawNumber, reaches, unreachable } from './inverse-grid.js';

/** What a ratio leaf does when the denominator is 0. */
export type ZeroDenominator = 'not-applicable' | 'full' | 'zero';

/**
 * `ratio`: `P × min((n/d) / target, 1)`, 0 under `floor`. Inverse: the
 * unit's denominator kept, the least numerator on the grid of `step` that
 * earns the target (at least `floor × d`; at most `d` unless `allowOver`, and
 * `d` itself when no numerator of the grid up to it does).
 * It needs the current value for its denominator (`needs-value` without
 * one); a zero denominator earns what `zeroDenominator` says whatever the
 * numerator. Default step: `10^-k`, `k` the most decimals of the current
 * numerator and denominator (1 for whole counts).
 * Format reference: [4.2. Quy tắc ratio](../../docs/reference/criteria-format.md#42-quy-tắc-ratio).
 */
export interface RatioRule {
  /** The rule kind: a unit gives `{ "numerator": n, "denominator": d }`. */
  readonly kind: 'ratio';
  /** The share `n/d` that earns full points, above 0 (above 1 only with `allowOver`); default `"1"` (100 %). */
  readonly target?: string | number;
  /** A share in `[0, 1]` below which the leaf earns 0; default: no floor. */
  readonly floor?: string | number;
  /** What `d = 0` earns: `not-applicable` (default: left out of the maximum), `full` (`P`) or `zero` (0). */
  readonly zeroDenominator?: ZeroDenominator;
  /** `true`: the numerator may exceed the denominator; default `false` (`n > d` is an error). */
  readonly allowOver?: boolean;
}

export interface CompiledRatio {
  readonly target: Exact;
  readonly floor: Exact | undefined;
  readonly zeroDenominator: ZeroDenominator;
  readonly allowOver: boolean;
}

/** What a ratio evaluation tells its explanation: the branch that gave the points. */
export type RatioDetail = 'zero-denominator' | 'below-floor' | 'target-reached' | 'pro-rata';

/** `n/d` as written in explanations. */
function fractionText({ numerator, denominator }: FractionValue, lang: 'vi' | 'en'): string {
  return `${show(numerator, lang)}/${show(denominator, lang)}`;
}

/** `n/d = p%` (d > 0). */
function shareText(value: FractionValue, lang: 'vi' | 'en'): string {
  return `${fractionText(value, lang)} = ${percentOf(value.numerator, value.denominator, lang)}`;
}

const NOT_APPLICABLE = notApplicable<RatioDetail>('zero-denominator');
const ZERO_DENOMINATOR_ZERO = scored<RatioDetail>(ZERO, ONE, 'zero-denominator');
const BELOW_FLOOR = scored<RatioDetail>(ZERO, ONE, 'below-floor');

export const ratioRule: InvertibleRuleKind<RatioRule, CompiledRatio, FractionValue, RatioDetail> = {
  kind: 'ratio',
  schema: () => z.strictObject({
    kind: z.literal('ratio'),
    target: commonSchemas().decimal.optional().meta({ description: 'Tỷ lệ n/d được đủ điểm, lớn hơn 0 (lớn hơn 1 chỉ khi allowOver) / The share n/d that earns full points, above 0 (above 1 only with allowOver)', default: '1' }),
    floor: commonSchemas().decimal.optional().meta({ description: 'Ngưỡng trong [0, 1]: tỷ lệ dưới ngưỡng được 0 điểm; không ghi: không có ngưỡng / A floor in [0, 1]: a share below it earns 0; absent: no floor' }),
    zeroDenominator: z.enum(['not-applicable', 'full', 'zero']).optional().meta({ description: 'Khi mẫu số bằng 0: not-applicable (không áp dụng), full (đủ điểm) hoặc zero (0 điểm) / With a zero denominator: not-applicable, full (full points) or zero (0 points)', default: 'not-applicable' }),
    allowOver: z.boolean().optional().meta({ description: 'true: tử số được lớn hơn mẫu số / true: the numerator may exceed the denominator', default: false }),
  }),
  scored: true,
  // A fraction of P: scaling P scales it (`target`, `floor` are shares, not points).
  scale: (config) => config,
  check(config, _max, path) {
    const issues = [];
    const target = readExact(config.target ?? '1');
    if (target !== undefined && target.sign() <= 0) issues.push(makeIssue('rule/target-not-positive', formatPath([...path, 'target'])));
    if (target !== undefined && target.gt(ONE) && !config.allowOver) issues.push(makeIssue('rule/target-unreachable', formatPath([...path, 'target'])));
    const floor = readExact(config.floor);
    if (floor !== undefined && (floor.isNegative() || floor.gt(ONE))) issues.push(makeIssue('rule/floor-range', formatPath([...path, 'floor'])));
    return issues;
  },
  compile: (config) => ({
    target: readExact(config.target ?? '1') ?? ONE,
    floor: readExact(config.floor),
    zeroDenominator: config.zeroDenominator ?? 'not-applicable',
    allowOver: config.allowOver ?? false,
  }),
  read: (raw, compiled, ctx) => readFraction(raw, ctx, compiled.allowOver),
  input: (compiled) => ({ type: 'fraction', allowOver: compiled.allowOver, zeroDenominator: compiled.zeroDenominator }),
  evaluate(compiled, { numerator: n, denominator: d }, { max }) {
    if (d.isZero()) {
      switch (compiled.zeroDenominator) {
        case 'not-applicable': return NOT_APPLICABLE;
        case 'full': return scored(max, ONE, 'zero-denominator');
        case 'zero': return ZERO_DENOMINATOR_ZERO;
      }
    }
    // n/d < floor  <=>  n < floor × d (d > 0)
    const floor = compiled.floor;
    if (floor !== undefined && n.lt(floor.times(d))) return BELOW_FLOOR;
    const scaled = compiled.target === ONE ? d : d.times(compiled.target);
    if (n.gte(scaled)) return scored(max, ONE, 'target-reached');
    return scored(max.times(n), scaled, 'pro-rata');
  },
  explain(compiled, value, outcome, { max }, points) {
    const pointsVi = show(points, 'vi');
    if (outcome.state === 'not-applicable') {
      return { vi: `${fractionText(value, 'vi')}: mẫu số bằng 0 → không áp dụng, không tính vào điểm tối đa`, en: `${fractionText(value, 'en')}: zero denominator → not applicable, left out of the maximum` };
    }
    switch (outcome.detail) {
      case 'zero-denominator': {
        const [f, fVi] = [fractionText(value, 'en'), fractionText(value, 'vi')];
        return compiled.zeroDenominator === 'full'
          ? { vi: `${fVi}: mẫu số bằng 0 → đạt đủ điểm: ${pointsVi} điểm`, en: `${f}: zero denominator → full points: ${points} points` }
          : { vi: `${fVi}: mẫu số bằng 0 → ${pointsVi} điểm`, en: `${f}: zero denominator → ${points} points` };
      }
      case 'below-floor': {
        const floor = compiled.floor ?? ONE;
        return {
          vi: `${shareText(value, 'vi')}, dưới ngưỡng tối thiểu ${percent(floor, 'vi')} → ${pointsVi} điểm`,
          en: `${shareText(value, 'en')}, below the ${percent(floor)} floor → ${points} points`,
        };
      }
      default: {
        const factor = (lang: 'vi' | 'en'): string => (outcome.detail === 'target-reached' ? '1' : approx(value.numerator, value.denominator.times(compiled.target), lang));
        return {
          vi: `${shareText(value, 'vi')} so với mục tiêu ${percent(compiled.target, 'vi')} → ${factor('vi')} × ${show(max, 'vi')} = ${pointsVi} điểm`,
          en: `${shareText(value, 'en')} of the ${percent(compiled.target)} target → ${factor('en')} × ${show(max)} = ${points} points`,
        };
      }
    }
  },
  describe(compiled, max) {
    const { target, floor: floorValue } = compiled;
    const floor = floorValue !== undefined ? { vi: `; dưới ${percent(floorValue, 'vi')} được 0`, en: `; below ${percent(floorValue)} scores 0` } : { vi: '', en: '' };
    const zero = {
      'not-applicable': { vi: 'mẫu số bằng 0: không áp dụng', en: 'zero denominator: not applicable' },
      full: { vi: 'mẫu số bằng 0: đủ điểm', en: 'zero denominator: full points' },
      zero: { vi: 'mẫu số bằng 0: 0 điểm', en: 'zero denominator: 0 points' },
    }[compiled.zeroDenominator];
    const over = compiled.allowOver ? { vi: '; tử số có thể lớn hơn mẫu số', en: '; the numerator may exceed the denominator' } : { vi: '', en: '' };
    return {
      vi: `Tỷ lệ n/d; đạt ${percent(target, 'vi')} được đủ ${show(max, 'vi')} điểm, thấp hơn tính tỷ lệ${floor.vi}; ${zero.vi}${over.vi}`,
      en: `Ratio n/d; ${percent(target)} earns the full ${show(max)} points, less earns pro rata${floor.en}; ${zero.en}${over.en}`,
    };
  },
  inverse(compiled, target, ctx, current) {
    if (current === undefined) return { state: 'needs-value' };
    const goal = goalOf(target, ctx.places);
    const { denominator: d, numerator: now } = current;
    const points = (n: Exact): Exact | undefined => earned(ratioRule.evaluate(compiled, { numerator: n, denominator: d }, ctx), ctx.places);
    const earns = points(now);
    if (reaches(earns, goal)) return already(earns!);
    // A zero denominator earns the same whatever the numerator; a leaf worth 0 earns 0 whatever the value.
    if (d.isZero() || ctx.max.isZero()) return unreachable(earns);
    const step = ctx.step ?? decimalStep([now, d]);
    const { max } = ctx;
    // P × n / (d × target) ≥ least  <=>  n ≥ least × d × target / P; and n ≥ floor × d.
    let n = ceilToStep(larger(goal.least, ZERO).times(d).times(compiled.target), max, step);
    if (compiled.floor !== undefined && goal.least.gt(ZERO)) n = larger(n, ceilToStep(compiled.floor.times(d), ONE, step));
    let earnsN = goal.least.gt(max) || (!compiled.allowOver && n.gt(d)) ? undefined : points(n);
    if (!reaches(earnsN, goal)) {
      // All of them (n = d, off the grid) earns the most without `allowOver`; with it, d × target or more earns P.
      const best = compiled.allowOver ? larger(n, ceilToStep(d.times(compiled.target), ONE, step)) : d;
      const most = points(best);
      if (goal.least.gt(max) || !reaches(most, goal)) return unreachable(most);
      [n, earnsN] = [best, most];
    }
    return { state: 'value', value: { numerator: n, denominator: d }, raw: { numerator: rawNumber(n), denominator: rawNumber(d) }, points: earnsN!, change: changeOf(now, n, step) };
  },
};
