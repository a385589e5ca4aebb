import { z } from 'zod';
import { Dec, readDecimal } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import { decimalSchema } from '../format/common.js';
import { formatPath } from '../path.js';
import { readExact, type Exact } from '../scoring/fast/exact.js';
import { compareScaled, mul, plainText, quotient } from '../scoring/fast/safe-int.js';
import { awardTicks, awardWorth, checkAwards, compileAward, FAST_NOT_APPLICABLE, readFraction, readNumber, show, ticks, type CompiledAward, type FractionValue } from './shared.js';
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

const ONE = readExact(1)!;

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

/** `x = …` as written in explanations: the value, or the fraction and its quotient to up to 6 decimals (`=` when exact, `≈` otherwise). */
function valueText(value: BandsValue, n: Dec, d: Dec): string {
  if (!('fraction' in value)) return `x = ${show(value.x)}`;
  const { numerator, denominator } = value.fraction;
  // The same text from integers where they fit (see the note on percentOf in shared.ts).
  const q = quotient(numerator.m, numerator.s, denominator.m, denominator.s, 6);
  let sign: string;
  let shown: string;
  if (q === undefined) {
    const rounded = n.div(d).toDecimalPlaces(6, Dec.ROUND_HALF_UP);
    [sign, shown] = [rounded.eq(n.div(d)) ? ' = ' : ' ≈ ', show(rounded)];
  } else {
    [sign, shown] = [q.exact ? ' = ' : ' ≈ ', plainText(q.units, 6)];
  }
  return `x = ${show(numerator)}/${show(denominator)}${sign}${shown}`;
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
    bands: config.bands.map((band) => ({ ...compileAward(band), min: readExact(band.min), max: readExact(band.max) })),
    otherwise: readExact(config.else ?? '0') ?? readExact(0)!,
  }),
  read(raw, _compiled, ctx) {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const fraction = readFraction(raw, ctx, false);
      return fraction === undefined ? undefined : { fraction };
    }
    const x = readNumber(raw, ctx, { expected: 'decimal-or-fraction' });
    return x === undefined ? undefined : { x };
  },
  evaluate(compiled, value, max) {
    let n: Dec;
    let d: Dec;
    if ('fraction' in value) {
      [n, d] = [value.fraction.numerator.dec, value.fraction.denominator.dec];
      if (d.isZero()) {
        const zero = value.fraction.numerator;
        return { state: 'not-applicable', reason: () => ({ vi: `${show(zero)}/0: mẫu số bằng 0 → không áp dụng`, en: `${show(zero)}/0: zero denominator → not applicable` }) };
      }
    } else {
      n = value.x.dec;
      d = new Dec(1);
    }
    const index = compiled.bands.findIndex((band) => (band.min === undefined || band.min.dec.times(d).lte(n)) && (band.max === undefined || n.lte(band.max.dec.times(d))));
    const band = compiled.bands[index];
    if (band === undefined) {
      return {
        state: 'scored', numerator: compiled.otherwise.dec, denominator: new Dec(1),
        explain: (points) => {
          const x = valueText(value, n, d);
          return { vi: `${x}: không thuộc mức nào → ${points} điểm`, en: `${x}: no band matches → ${points} points` };
        },
      };
    }
    return {
      state: 'scored', numerator: awardWorth(band, max), denominator: new Dec(1),
      explain: (points) => {
        const x = valueText(value, n, d);
        const how = band.fraction !== undefined ? `${show(band.fraction)} × ${show(max)} = ` : '';
        return {
          vi: `${x}: mức ${index + 1} (${describeBand(band)}) → ${how}${points} điểm`,
          en: `${x}: band ${index + 1} (${describeBand(band)}) → ${how}${points} points`,
        };
      },
    };
  },
  fastEvaluate(compiled, value, ctx) {
    let n: Exact;
    let d: Exact;
    if ('fraction' in value) {
      ({ numerator: n, denominator: d } = value.fraction);
      if (d.m === 0) return FAST_NOT_APPLICABLE;
      if (d.m !== d.m) return Number.NaN;
    } else {
      n = value.x;
      d = ONE;
    }
    // The first band with min × d <= n and n <= max × d (d > 0), compared exactly.
    for (const band of compiled.bands) {
      if (band.min !== undefined) {
        const c = compareScaled(mul(band.min.m, d.m), band.min.s + d.s, n.m, n.s);
        if (c !== c) return Number.NaN;
        if (c > 0) continue;
      }
      if (band.max !== undefined) {
        const c = compareScaled(n.m, n.s, mul(band.max.m, d.m), band.max.s + d.s);
        if (c !== c) return Number.NaN;
        if (c > 0) continue;
      }
      return awardTicks(band, ctx);
    }
    return ticks(compiled.otherwise, ctx.places);
  },
  describe(compiled, max) {
    const parts = compiled.bands.map((band) => `${describeBand(band)}: ${show(awardWorth(band, max))}`);
    const otherwise = show(compiled.otherwise);
    return { vi: `Theo mức: ${parts.join('; ')}; còn lại: ${otherwise} điểm`, en: `Bands: ${parts.join('; ')}; otherwise ${otherwise} points` };
  },
};
