import * as z from 'zod';
import { makeIssue, type Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { commonSchemas } from '../format/common.js';
import { formatPath } from '../path.js';
import { awardWorth, checkAwards, compileAward, fractionInDomain, inDomain, notApplicable, numberInput, ONE, readFraction, readNumber, scored, show, shownQuotient, ZERO, type CompiledAward, type FractionValue, scaleAward, scaleDecimal } from './shared.js';
import type { RuleKind } from './types.js';

/** One band: matches when `min <= x` (if given) and `x <= max` (if given). */
export interface Band {
  readonly min?: string | number;
  readonly max?: string | number;
  readonly points?: string | number;
  readonly fraction?: string | number;
}

/** `bands`: the first matching band, in list order, gives the points; none: `else`. */
export interface BandsRule {
  readonly kind: 'bands';
  readonly bands: readonly Band[];
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
  return z.strictObject({ min: decimal.optional(), max: decimal.optional(), points: decimal.optional(), fraction: decimal.optional() });
}

function describeBand(band: CompiledBand): string {
  if (band.min !== undefined && band.max !== undefined) return `${show(band.min)} ≤ x ≤ ${show(band.max)}`;
  if (band.min !== undefined) return `x ≥ ${show(band.min)}`;
  if (band.max !== undefined) return `x ≤ ${show(band.max)}`;
  return 'x';
}

/** `x = …` as written in explanations: the value, or the fraction and its quotient to up to 6 decimals (`=` when exact, `≈` otherwise). */
function valueText(value: BandsValue): string {
  if (!('fraction' in value)) return `x = ${show(value.x)}`;
  const { numerator, denominator } = value.fraction;
  const { text, exact } = shownQuotient(numerator, denominator, 6);
  return `x = ${show(numerator)}/${show(denominator)}${exact ? ' = ' : ' ≈ '}${text}`;
}

export const bandsRule: RuleKind<BandsRule, CompiledBands, BandsValue, BandsDetail> = {
  kind: 'bands',
  schema: () => z.strictObject({ kind: z.literal('bands'), bands: z.array(bandSchema()).min(1), else: commonSchemas().decimal.optional() }),
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
      return { vi: `${show(zero)}/0: mẫu số bằng 0 → không áp dụng`, en: `${show(zero)}/0: zero denominator → not applicable` };
    }
    const x = valueText(value);
    const band = compiled.bands[outcome.detail];
    if (band === undefined) return { vi: `${x}: không thuộc mức nào → ${points} điểm`, en: `${x}: no band matches → ${points} points` };
    const how = band.fraction !== undefined ? `${show(band.fraction)} × ${show(max)} = ` : '';
    return {
      vi: `${x}: mức ${outcome.detail + 1} (${describeBand(band)}) → ${how}${points} điểm`,
      en: `${x}: band ${outcome.detail + 1} (${describeBand(band)}) → ${how}${points} points`,
    };
  },
  describe(compiled, max) {
    const parts = compiled.bands.map((band) => `${describeBand(band)}: ${show(awardWorth(band, max))}`);
    const otherwise = show(compiled.otherwise);
    return { vi: `Theo mức: ${parts.join('; ')}; còn lại: ${otherwise} điểm`, en: `Bands: ${parts.join('; ')}; otherwise ${otherwise} points` };
  },
};
