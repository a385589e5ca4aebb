import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { approx, percent, readFraction, show, type FractionValue } from './shared.js';
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
  readonly target: Dec;
  readonly floor: Dec | undefined;
  readonly zeroDenominator: ZeroDenominator;
  readonly allowOver: boolean;
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
    target: readDecimal(config.target ?? '1') ?? new Dec(1),
    floor: readDecimal(config.floor),
    zeroDenominator: config.zeroDenominator ?? 'not-applicable',
    allowOver: config.allowOver ?? false,
  }),
  read: (raw, compiled, ctx) => readFraction(raw, ctx, compiled.allowOver),
  evaluate(compiled, { numerator: n, denominator: d }, max) {
    const frac = `${show(n)}/${show(d)}`;
    if (d.isZero()) {
      switch (compiled.zeroDenominator) {
        case 'not-applicable':
          return {
            state: 'not-applicable',
            reason: { vi: `${frac}: mẫu số bằng 0 → không áp dụng, không tính vào điểm tối đa`, en: `${frac}: zero denominator → not applicable, left out of the maximum` },
          };
        case 'full':
          return {
            state: 'scored', numerator: max, denominator: new Dec(1),
            explain: (points) => ({ vi: `${frac}: mẫu số bằng 0 → đạt đủ điểm: ${points} điểm`, en: `${frac}: zero denominator → full points: ${points} points` }),
          };
        case 'zero':
          return {
            state: 'scored', numerator: new Dec(0), denominator: new Dec(1),
            explain: (points) => ({ vi: `${frac}: mẫu số bằng 0 → ${points} điểm`, en: `${frac}: zero denominator → ${points} points` }),
          };
      }
    }
    const share = `${frac} = ${percent(n.div(d))}`;
    if (compiled.floor !== undefined && n.lt(compiled.floor.times(d))) {
      return {
        state: 'scored', numerator: new Dec(0), denominator: new Dec(1),
        explain: (points) => ({
          vi: `${share}, dưới ngưỡng tối thiểu ${percent(compiled.floor!)} → ${points} điểm`,
          en: `${share}, below the ${percent(compiled.floor!)} floor → ${points} points`,
        }),
      };
    }
    const scaled = d.times(compiled.target);
    const reached = n.gte(scaled);
    const factor = reached ? '1' : approx(n, scaled);
    return {
      state: 'scored',
      numerator: reached ? max : max.times(n),
      denominator: reached ? new Dec(1) : scaled,
      explain: (points) => ({
        vi: `${share} so với mục tiêu ${percent(compiled.target)} → ${factor} × ${show(max)} = ${points} điểm`,
        en: `${share} of the ${percent(compiled.target)} target → ${factor} × ${show(max)} = ${points} points`,
      }),
    };
  },
  describe(compiled, max) {
    const floor = compiled.floor !== undefined ? { vi: `; dưới ${percent(compiled.floor)} được 0`, en: `; below ${percent(compiled.floor)} scores 0` } : { vi: '', en: '' };
    return {
      vi: `Tỷ lệ n/d; đạt ${percent(compiled.target)} được đủ ${show(max)} điểm, thấp hơn tính tỷ lệ${floor.vi}`,
      en: `Ratio n/d; ${percent(compiled.target)} earns the full ${show(max)} points, less earns pro rata${floor.en}`,
    };
  },
};
