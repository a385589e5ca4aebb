import * as z from 'zod';
import { makeIssue, type Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { awardWorth, checkAwards, compileAward, fractionInDomain, inDomain, notApplicable, numberInput, ONE, readFraction, readNumber, scored, show, shownQuotient, ZERO, type CompiledAward, type FractionValue, scaleAward, scaleDecimal } from './shared.js';
import type { Inverse, InverseContext, InvertibleRuleKind } from './types.js';
import { already, ceilToStep, changeOf, earned, floorToStep, goalOf, inDomainExact, rawNumber, reaches, stepOf, unreachable } from './inverse-grid.js';

/** One band: matches when `min <= x` (if given) and `x <= max` (if given). */
export interface Band {
  /** The band matches when `min <= x`; absent: no lower bound. */
  readonly min?: string | number;
  /** The band matches when `x <= max`; absent: no upper bound. */
  readonly max?: string | number;
  /** What the band earns, in points, at most `P`; exactly one of `points` and `fraction`. */
  readonly points?: string | number;
  /** What the band earns, as a share of `P` in `[0, 1]`; exactly one of `points` and `fraction`. */
  readonly fraction?: string | number;
}

/**
 * `bands`: the first matching band, in list order, gives the points; none:
 * `else`. Inverse: the value nearest the current one (or 0, when none was
 * given) whose band earns the target, on the grid of `step` and within the
 * leaf's range (a fraction keeps its denominator and moves its numerator,
 * within `[0, d]`), or a bound of the range itself; of two as near, the one
 * earning more, then the smaller.
 * Bands need not be in order, so every grid value next to a band's or the
 * range's bound is tried and scored by `evaluate`. Default step: `10^-k`, `k`
 * the most decimals of the bounds, the range and the current value (at least 2
 * on a `%` leaf; for a fraction, those of its numerator and denominator).
 * Format reference: [4.4. Quy tắc bands](../../docs/reference/criteria-format.md#44-quy-tắc-bands).
 */
export interface BandsRule {
  /** The rule kind: a unit gives a decimal `x`, or `{ numerator, denominator }` whose fraction is compared. */
  readonly kind: 'bands';
  /** The bands, tried in list order: the first that matches gives the points (at least one band). */
  readonly bands: readonly Band[];
  /** The points when no band matches, at most `P`; default `"0"`. */
  readonly else?: string | number;
}

export interface CompiledBand extends CompiledAward { readonly min: Exact | undefined; readonly max: Exact | undefined }
export interface CompiledBands { readonly bands: readonly CompiledBand[]; readonly otherwise: Exact }

/** A bands value: a plain decimal, or a fraction compared exactly. */
export type BandsValue = { readonly x: Exact } | { readonly fraction: FractionValue };

/** What a bands evaluation tells its explanation: the position of the band matched, `-1` for `else`. */
export type BandsDetail = number;

const NOT_APPLICABLE = notApplicable<BandsDetail>(-1);

/** The schema of one band. */
function bandSchema(): z.ZodType {
  const decimal = commonSchemas().decimal;
  return z.strictObject({
    min: decimal.optional().meta({ description: 'Mức khớp khi x ≥ min; không ghi: không có cận dưới / The band matches when x ≥ min; absent: no lower bound' }),
    max: decimal.optional().meta({ description: 'Mức khớp khi x ≤ max; không ghi: không có cận trên / The band matches when x ≤ max; absent: no upper bound' }),
    points: decimal.optional().meta({ description: 'Điểm của mức, không quá P; ghi đúng một trong points và fraction / The band\'s points, at most P; exactly one of points and fraction' }),
    fraction: decimal.optional().meta({ description: 'Điểm của mức tính theo tỷ lệ của P, trong [0, 1]; ghi đúng một trong points và fraction / The band\'s points as a share of P, in [0, 1]; exactly one of points and fraction' }),
  });
}

function describeBand(band: CompiledBand, lang: 'vi' | 'en'): string {
  if (band.min !== undefined && band.max !== undefined) return `${show(band.min, lang)} ≤ x ≤ ${show(band.max, lang)}`;
  if (band.min !== undefined) return `x ≥ ${show(band.min, lang)}`;
  if (band.max !== undefined) return `x ≤ ${show(band.max, lang)}`;
  return 'x';
}

/** `x = …` as written in explanations: the value, or the fraction and its quotient to up to 6 decimals (`=` when exact, `≈` otherwise). */
function valueText(value: BandsValue, lang: 'vi' | 'en'): string {
  if (!('fraction' in value)) return `x = ${show(value.x, lang)}`;
  const { numerator, denominator } = value.fraction;
  const { text, exact } = shownQuotient(numerator, denominator, 6, lang);
  return `x = ${show(numerator, lang)}/${show(denominator, lang)}${exact ? ' = ' : ' ≈ '}${text}`;
}

export const bandsRule: InvertibleRuleKind<BandsRule, CompiledBands, BandsValue, BandsDetail> = {
  kind: 'bands',
  schema: () => z.strictObject({
    kind: z.literal('bands'),
    bands: z.array(bandSchema()).min(1).meta({ description: 'Các mức, xét theo thứ tự ghi: mức đầu tiên khớp cho điểm / The bands, tried in list order: the first that matches gives the points' }),
    else: commonSchemas().decimal.optional().meta({ description: 'Điểm khi không mức nào khớp, không quá P / The points when no band matches, at most P', default: '0' }),
  }),
  scored: true,
  scale: (config, factor) => ({ ...config, bands: config.bands.map((band) => scaleAward(band, factor)), ...(config.else !== undefined ? { else: scaleDecimal(config.else, factor) } : {}) }),
  check(config, maxByLevel, path) {
    const issues: Issue[] = checkAwards(config.bands, maxByLevel, [...path, 'bands']);
    config.bands.forEach((band, index) => {
      const min = readExact(band.min);
      const max = readExact(band.max);
      if (min !== undefined && max !== undefined && min.gt(max)) issues.push(makeIssue('rule/band-min-max', formatPath([...path, 'bands', index])));
    });
    const otherwise = readExact(config.else);
    if (otherwise !== undefined) {
      if (otherwise.isNegative()) issues.push(makeIssue('rule/negative', formatPath([...path, 'else'])));
      for (const [level, max] of maxByLevel) {
        if (otherwise.gt(max)) issues.push(makeIssue('rule/worth-more-than-points', formatPath([...path, 'else']), { worth: show(otherwise), max: show(max), level }));
      }
    }
    return issues;
  },
  compile: (config) => ({
    bands: config.bands.map((band) => ({ ...compileAward(band), min: readExact(band.min), max: readExact(band.max) })),
    otherwise: readExact(config.else ?? '0') ?? ZERO,
  }),
  input: (_compiled, { domain }) => numberInput({ orFraction: true }, domain),
  read(raw, _compiled, ctx) {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const read = readFraction(raw, ctx, false);
      const fraction = read === undefined ? undefined : fractionInDomain(read, ctx);
      return fraction === undefined ? undefined : { fraction };
    }
    const read = readNumber(raw, ctx, { expected: 'decimal-or-fraction' });
    const x = read === undefined ? undefined : inDomain(read, ctx);
    return x === undefined ? undefined : { x };
  },
  evaluate(compiled, value, { max }) {
    let n: Exact;
    let d: Exact;
    if ('fraction' in value) {
      ({ numerator: n, denominator: d } = value.fraction);
      if (d.isZero()) return NOT_APPLICABLE;
    } else {
      n = value.x;
      d = ONE;
    }
    // The first band with min × d <= n and n <= max × d (d > 0), compared exactly.
    const bands = compiled.bands;
    for (let band = 0; band < bands.length; band++) {
      const { min, max: top } = bands[band]!;
      if (min !== undefined && (d === ONE ? min : min.times(d)).gt(n)) continue;
      if (top !== undefined && n.gt(d === ONE ? top : top.times(d))) continue;
      return scored(awardWorth(bands[band]!, max), ONE, band);
    }
    return scored(compiled.otherwise, ONE, -1);
  },
  explain(compiled, value, outcome, { max }, points) {
    if (outcome.state === 'not-applicable') {
      const zero = 'fraction' in value ? value.fraction.numerator : ZERO;
      return { vi: `${show(zero, 'vi')}/0: mẫu số bằng 0 → không áp dụng`, en: `${show(zero)}/0: zero denominator → not applicable` };
    }
    const [x, xVi, pointsVi] = [valueText(value, 'en'), valueText(value, 'vi'), show(points, 'vi')];
    const band = compiled.bands[outcome.detail];
    if (band === undefined) return { vi: `${xVi}: không thuộc mức nào → ${pointsVi} điểm`, en: `${x}: no band matches → ${points} points` };
    const how = (lang: 'vi' | 'en'): string => (band.fraction !== undefined ? `${show(band.fraction, lang)} × ${show(max, lang)} = ` : '');
    return {
      vi: `${xVi}: mức ${outcome.detail + 1} (${describeBand(band, 'vi')}) → ${how('vi')}${pointsVi} điểm`,
      en: `${x}: band ${outcome.detail + 1} (${describeBand(band, 'en')}) → ${how('en')}${points} points`,
    };
  },
  inverse: (compiled, target, ctx, current) => bandsInverse(compiled, target, ctx, current),
  describe(compiled, max) {
    const parts = (lang: 'vi' | 'en'): string => compiled.bands.map((band) => `${describeBand(band, lang)}: ${show(awardWorth(band, max), lang)}`).join('; ');
    return { vi: `Theo mức: ${parts('vi')}; còn lại: ${show(compiled.otherwise, 'vi')} điểm`, en: `Bands: ${parts('en')}; otherwise ${show(compiled.otherwise)} points` };
  },
};

/** The bands' inverse (see {@link BandsRule}): the candidates next to every bound, scored exactly, the nearest that reaches. */
function bandsInverse(compiled: CompiledBands, target: Exact, ctx: InverseContext, current: BandsValue | undefined): Inverse<BandsValue> {
  const goal = goalOf(target, ctx.places);
  const points = (value: BandsValue): Exact | undefined => earned(bandsRule.evaluate(compiled, value, ctx), ctx.places);
  if (current !== undefined) {
    const now = points(current);
    if (reaches(now, goal)) return already(now!);
  }
  const fraction = current !== undefined && 'fraction' in current ? current.fraction : undefined;
  // A zero denominator is not applicable whatever the numerator.
  if (fraction !== undefined && fraction.denominator.isZero()) return unreachable(undefined);
  // Work on x, or on the numerator n of n / d: bounds scale by d.
  const d = fraction?.denominator ?? ONE;
  const base = fraction?.numerator ?? (current !== undefined && 'x' in current ? current.x : ZERO);
  const domain = ctx.domain;
  const step = fraction !== undefined && ctx.step === undefined ? stepOf({ ...ctx, domain: undefined }, [fraction.numerator, fraction.denominator]) : stepOf(ctx, [base, ...compiled.bands.flatMap((band) => [band.min, band.max])]);
  const low = fraction !== undefined ? larger(ZERO, domain?.min?.times(d)) : domain?.min;
  const high = fraction !== undefined ? smaller(d, domain?.max?.times(d)) : domain?.max;
  const bounds: Exact[] = [base];
  for (const band of compiled.bands) {
    if (band.min !== undefined) bounds.push(band.min.times(d));
    if (band.max !== undefined) bounds.push(band.max.times(d));
  }
  if (low !== undefined) bounds.push(low);
  if (high !== undefined) bounds.push(high);
  const valueOf = (n: Exact): BandsValue => (fraction !== undefined ? { fraction: { numerator: n, denominator: d } } : { x: n });
  // The range's bounds themselves are values too (off the grid, perhaps).
  const candidates: Exact[] = [...(low !== undefined ? [low] : []), ...(high !== undefined ? [high] : [])];
  for (const bound of bounds) {
    const floor = floorToStep(bound, ONE, step);
    const ceil = ceilToStep(bound, ONE, step);
    candidates.push(floor.minus(step), floor, ceil, ceil.plus(step));
  }
  // Nearest to the current value first (then the lower): once a candidate reaches, only those as near
  // may still be chosen; the most any value earns is needed only when none reaches.
  const order = candidates
    .filter((n) => !((low !== undefined && n.lt(low)) || (high !== undefined && n.gt(high)) || (fraction === undefined && !inDomainExact(n, domain))))
    .map((n) => ({ n, distance: n.minus(base).abs() }))
    .sort((a, b) => a.distance.comparedTo(b.distance) || a.n.comparedTo(b.n));
  let best: { n: Exact; points: Exact; distance: Exact } | undefined;
  let most: Exact | undefined;
  for (let i = 0; i < order.length; i++) {
    const { n, distance } = order[i]!;
    if (i > 0 && n.eq(order[i - 1]!.n)) continue;
    if (best !== undefined && distance.gt(best.distance)) break;
    const earns = points(valueOf(n))!;
    if (most === undefined || earns.gt(most)) most = earns;
    if (!reaches(earns, goal)) continue;
    if (best === undefined || earns.gt(best.points)) best = { n, points: earns, distance };
  }
  if (best === undefined) return unreachable(most);
  const value = valueOf(best.n);
  const raw = fraction !== undefined ? { numerator: rawNumber(best.n), denominator: rawNumber(d) } : rawNumber(best.n);
  return { state: 'value', value, raw, points: best.points, change: changeOf(base, best.n, step) };
}

/** The larger of two values, the second optional. */
function larger(a: Exact, b: Exact | undefined): Exact {
  return b === undefined || a.gte(b) ? a : b;
}

/** The smaller of two values, the second optional. */
function smaller(a: Exact, b: Exact | undefined): Exact {
  return b === undefined || a.lte(b) ? a : b;
}
