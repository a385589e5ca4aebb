import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { readExact, type Exact } from '../scoring/fast/exact.js';
import { compareScaled, mul, roundScaled } from '../scoring/fast/safe-int.js';
import { approxOf, FAST_NOT_APPLICABLE, percent, percentExact, percentOf, readFraction, show, ticks, type FractionValue } from './shared.js';
import type { RuleKind } from './types.js';

/** What a ratio leaf does when the denominator is 0. */
export type ZeroDenominator = 'not-applicable' | 'full' | 'zero';

/** `ratio`: `P × min((n/d) / target, 1)`, 0 under `floor`. */
export interface RatioRule {
  readonly kind: 'ratio';
  readonly target?: string | number;
  readonly floor?: string | number;
  readonly zeroDenominator?: ZeroDenominator;
  readonly allowOver?: boolean;
}

export interface CompiledRatio {
  readonly target: Exact;
  readonly floor: Exact | undefined;
  readonly zeroDenominator: ZeroDenominator;
  readonly allowOver: boolean;
}

/** `n/d` as written in explanations. */
function fractionText({ numerator, denominator }: FractionValue): string {
  return `${show(numerator)}/${show(denominator)}`;
}

/** `n/d = p%` (d > 0). */
function shareText(value: FractionValue): string {
  const { numerator, denominator } = value;
  return `${fractionText(value)} = ${percentOf(numerator, denominator, numerator.dec, denominator.dec)}`;
}

export const ratioRule: RuleKind<RatioRule, CompiledRatio, FractionValue> = {
  kind: 'ratio',
  schema: z.strictObject({
    kind: z.literal('ratio'),
    target: decimalSchema.optional(),
    floor: decimalSchema.optional(),
    zeroDenominator: z.enum(['not-applicable', 'full', 'zero']).optional(),
    allowOver: z.boolean().optional(),
  }),
  scored: true,
  check(config, _max, path) {
    const issues = [];
    const target = readDecimal(config.target ?? '1');
    if (target !== undefined && target.lte(0)) issues.push(makeIssue('rule/target-not-positive', formatPath([...path, 'target'])));
    if (target !== undefined && target.gt(1) && !config.allowOver) issues.push(makeIssue('rule/target-unreachable', formatPath([...path, 'target'])));
    const floor = readDecimal(config.floor);
    if (floor !== undefined && (floor.isNeg() || floor.gt(1))) issues.push(makeIssue('rule/floor-range', formatPath([...path, 'floor'])));
    return issues;
  },
  compile: (config) => ({
    target: readExact(config.target ?? '1') ?? readExact('1')!,
    floor: readExact(config.floor),
    zeroDenominator: config.zeroDenominator ?? 'not-applicable',
    allowOver: config.allowOver ?? false,
  }),
  read: (raw, compiled, ctx) => readFraction(raw, ctx, compiled.allowOver),
  evaluate(compiled, value, max) {
    const { numerator: exactN, denominator: exactD } = value;
    const [n, d] = [exactN.dec, exactD.dec];
    if (d.isZero()) {
      switch (compiled.zeroDenominator) {
        case 'not-applicable':
          return {
            state: 'not-applicable',
            reason: () => {
              const f = fractionText(value);
              return { vi: `${f}: mẫu số bằng 0 → không áp dụng, không tính vào điểm tối đa`, en: `${f}: zero denominator → not applicable, left out of the maximum` };
            },
          };
        case 'full':
          return {
            state: 'scored', numerator: max, denominator: new Dec(1),
            explain: (points) => {
              const f = fractionText(value);
              return { vi: `${f}: mẫu số bằng 0 → đạt đủ điểm: ${points} điểm`, en: `${f}: zero denominator → full points: ${points} points` };
            },
          };
        case 'zero':
          return {
            state: 'scored', numerator: new Dec(0), denominator: new Dec(1),
            explain: (points) => {
              const f = fractionText(value);
              return { vi: `${f}: mẫu số bằng 0 → ${points} điểm`, en: `${f}: zero denominator → ${points} points` };
            },
          };
      }
    }
    const floor = compiled.floor;
    if (floor !== undefined && n.lt(floor.dec.times(d))) {
      return {
        state: 'scored', numerator: new Dec(0), denominator: new Dec(1),
        explain: (points) => {
          const [s, f] = [shareText(value), percentExact(floor)];
          return { vi: `${s}, dưới ngưỡng tối thiểu ${f} → ${points} điểm`, en: `${s}, below the ${f} floor → ${points} points` };
        },
      };
    }
    const target = compiled.target;
    const scaled = d.times(target.dec);
    const reached = n.gte(scaled);
    return {
      state: 'scored',
      numerator: reached ? max : max.times(n),
      denominator: reached ? new Dec(1) : scaled,
      explain: (points) => {
        const factor = reached ? '1' : approxOf(exactN, { m: mul(exactD.m, target.m), s: exactD.s + target.s }, n, scaled);
        const [s, t, p] = [shareText(value), percentExact(target), show(max)];
        return {
          vi: `${s} so với mục tiêu ${t} → ${factor} × ${p} = ${points} điểm`,
          en: `${s} of the ${t} target → ${factor} × ${p} = ${points} points`,
        };
      },
    };
  },
  fastEvaluate(compiled, { numerator: n, denominator: d }, ctx) {
    if (d.m === 0) {
      switch (compiled.zeroDenominator) {
        case 'not-applicable': return FAST_NOT_APPLICABLE;
        case 'full': return ticks(ctx.max, ctx.places);
        case 'zero': return 0;
      }
    }
    const floor = compiled.floor;
    if (floor !== undefined) {
      // n/d < floor  <=>  n < floor × d
      const below = compareScaled(n.m, n.s, mul(floor.m, d.m), floor.s + d.s);
      if (below !== below) return Number.NaN;
      if (below < 0) return 0;
    }
    const target = compiled.target;
    const scaledM = mul(d.m, target.m);
    const scaledS = d.s + target.s;
    const reached = compareScaled(n.m, n.s, scaledM, scaledS);
    if (reached !== reached) return Number.NaN;
    if (reached >= 0) return ticks(ctx.max, ctx.places);
    // P × n / (d × target), rounded once
    return roundScaled(mul(ctx.max.m, n.m), scaledM, ctx.places + scaledS - ctx.max.s - n.s);
  },
  describe(compiled, max) {
    const [target, floorValue] = [compiled.target.dec, compiled.floor?.dec];
    const floor = floorValue !== undefined ? { vi: `; dưới ${percent(floorValue)} được 0`, en: `; below ${percent(floorValue)} scores 0` } : { vi: '', en: '' };
    const zero = {
      'not-applicable': { vi: 'mẫu số bằng 0: không áp dụng', en: 'zero denominator: not applicable' },
      full: { vi: 'mẫu số bằng 0: đủ điểm', en: 'zero denominator: full points' },
      zero: { vi: 'mẫu số bằng 0: 0 điểm', en: 'zero denominator: 0 points' },
    }[compiled.zeroDenominator];
    const over = compiled.allowOver ? { vi: '; tử số có thể lớn hơn mẫu số', en: '; the numerator may exceed the denominator' } : { vi: '', en: '' };
    return {
      vi: `Tỷ lệ n/d; đạt ${percent(target)} được đủ ${show(max)} điểm, thấp hơn tính tỷ lệ${floor.vi}; ${zero.vi}${over.vi}`,
      en: `Ratio n/d; ${percent(target)} earns the full ${show(max)} points, less earns pro rata${floor.en}; ${zero.en}${over.en}`,
    };
  },
};
