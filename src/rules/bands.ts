import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { awardWorth, checkAwards, compileAward, readFraction, readNumber, show, type CompiledAward, type FractionValue } from './shared.js';
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

export interface CompiledBand extends CompiledAward { readonly min: Dec | undefined; readonly max: Dec | undefined }
export interface CompiledBands { readonly bands: readonly CompiledBand[]; readonly otherwise: Dec }

/** A bands value: a plain decimal, or a fraction compared exactly. */
export type BandsValue = { readonly x: Dec } | { readonly fraction: FractionValue };

const bandSchema = z.strictObject({
  min: decimalSchema.optional(),
  max: decimalSchema.optional(),
  points: decimalSchema.optional(),
  fraction: decimalSchema.optional(),
});

function describeBand(band: CompiledBand): string {
  if (band.min !== undefined && band.max !== undefined) return `${show(band.min)} ≤ x ≤ ${show(band.max)}`;
  if (band.min !== undefined) return `x ≥ ${show(band.min)}`;
  if (band.max !== undefined) return `x ≤ ${show(band.max)}`;
  return 'x';
}

export const bandsRule: RuleKind<BandsRule, CompiledBands, BandsValue> = {
  kind: 'bands',
  schema: z.strictObject({ kind: z.literal('bands'), bands: z.array(bandSchema).min(1), else: decimalSchema.optional() }),
  scored: true,
  check(config, maxByLevel, path) {
    const issues: Issue[] = checkAwards(config.bands, maxByLevel, [...path, 'bands']);
    config.bands.forEach((band, index) => {
      const min = readDecimal(band.min);
      const max = readDecimal(band.max);
      if (min !== undefined && max !== undefined && min.gt(max)) issues.push(makeIssue('rule/band-min-max', formatPath([...path, 'bands', index])));
    });
    const otherwise = readDecimal(config.else);
    if (otherwise !== undefined) {
      if (otherwise.isNeg()) issues.push(makeIssue('rule/negative', formatPath([...path, 'else'])));
      for (const [level, max] of maxByLevel) {
        if (otherwise.gt(max)) issues.push(makeIssue('rule/worth-more-than-points', formatPath([...path, 'else']), { worth: show(otherwise), max: show(max), level }));
      }
    }
    return issues;
  },
  compile: (config) => ({
    bands: config.bands.map((band) => ({ ...compileAward(band), min: readDecimal(band.min), max: readDecimal(band.max) })),
    otherwise: readDecimal(config.else ?? '0') ?? new Dec(0),
  }),
  read(raw, _compiled, ctx) {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const fraction = readFraction(raw, ctx, false);
      return fraction === undefined ? undefined : { fraction };
    }
    const x = readNumber(raw, ctx, { expected: 'a decimal number or { "numerator", "denominator" } / một số hoặc phân số' });
    return x === undefined ? undefined : { x };
  },
  evaluate(compiled, value, max) {
    let n: Dec;
    let d: Dec;
    let shown: string;
    if ('fraction' in value) {
      ({ numerator: n, denominator: d } = value.fraction);
      if (d.isZero()) {
        return { state: 'not-applicable', reason: { vi: `${show(n)}/0: mẫu số bằng 0 → không áp dụng`, en: `${show(n)}/0: zero denominator → not applicable` } };
      }
      const q = n.div(d).toDecimalPlaces(6, Dec.ROUND_HALF_UP);
      shown = `x = ${show(n)}/${show(d)}${q.eq(n.div(d)) ? ' = ' : ' ≈ '}${show(q)}`;
    } else {
      n = value.x;
      d = new Dec(1);
      shown = `x = ${show(n)}`;
    }
    const index = compiled.bands.findIndex((band) => (band.min === undefined || band.min.times(d).lte(n)) && (band.max === undefined || n.lte(band.max.times(d))));
    const band = compiled.bands[index];
    if (band === undefined) {
      return {
        state: 'scored', numerator: compiled.otherwise, denominator: new Dec(1),
        explain: (points) => ({ vi: `${shown}: không thuộc mức nào → ${points} điểm`, en: `${shown}: no band matches → ${points} points` }),
      };
    }
    const worth = awardWorth(band, max);
    const how = band.fraction !== undefined ? `${show(band.fraction)} × ${show(max)} = ` : '';
    return {
      state: 'scored', numerator: worth, denominator: new Dec(1),
      explain: (points) => ({
        vi: `${shown}: mức ${index + 1} (${describeBand(band)}) → ${how}${points} điểm`,
        en: `${shown}: band ${index + 1} (${describeBand(band)}) → ${how}${points} points`,
      }),
    };
  },
  describe(compiled, max) {
    const parts = compiled.bands.map((band) => `${describeBand(band)}: ${show(awardWorth(band, max))}`);
    return { vi: `Theo mức: ${parts.join('; ')}; còn lại: ${show(compiled.otherwise)} điểm`, en: `Bands: ${parts.join('; ')}; otherwise ${show(compiled.otherwise)} points` };
  },
};
