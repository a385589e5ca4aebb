import { Dec, readDecimal } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import { formatPath, type PathSegment } from '../path.js';
import type { ValueContext } from './types.js';

/** Display text of an exact decimal, without exponent and without trailing zeros. */
export function show(value: Dec): string {
  return value.toFixed();
}

/** A fraction as a percentage for explanations: up to 2 decimals (`80%`, `16.67%`). */
export function percent(value: Dec): string {
  return `${value.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed()}%`;
}

/** A fraction shown to up to 4 decimals, with `≈` when it does not terminate there. */
export function approx(numerator: Dec, denominator: Dec): string {
  const exact = numerator.div(denominator);
  const shown = exact.toDecimalPlaces(4, Dec.ROUND_HALF_UP);
  return shown.eq(exact) ? shown.toFixed() : `≈ ${shown.toFixed()}`;
}

/** Pushes a value issue at `ctx.path` plus `extra` segments. */
export function valueIssue(
  ctx: ValueContext,
  code: Parameters<typeof makeIssue>[0],
  params: Record<string, string | number> = {},
  extra: readonly PathSegment[] = [],
): undefined {
  ctx.issues.push(makeIssue(code, formatPath([...ctx.path, ...extra]), { unit: ctx.unit, ...params }));
  return undefined;
}

/** Reads a decimal value: optionally non-negative and whole. */
export function readNumber(
  raw: unknown,
  ctx: ValueContext,
  options: { readonly nonNegative?: boolean; readonly whole?: boolean; readonly expected?: string },
  extra: readonly PathSegment[] = [],
): Dec | undefined {
  const value = readDecimal(raw);
  if (value === undefined) return valueIssue(ctx, 'value/shape', { expected: options.expected ?? 'a decimal number / một số' }, extra);
  if (options.nonNegative && value.isNeg()) return valueIssue(ctx, 'value/negative', {}, extra);
  if (options.whole && !value.isInteger()) return valueIssue(ctx, 'value/not-whole', {}, extra);
  return value;
}

/** A `{ numerator, denominator }` value. */
export interface FractionValue {
  readonly numerator: Dec;
  readonly denominator: Dec;
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Reads `{ numerator, denominator }`, both >= 0; `n <= d` unless `allowOver`. */
export function readFraction(raw: unknown, ctx: ValueContext, allowOver: boolean): FractionValue | undefined {
  const expected = '{ "numerator": n, "denominator": d }';
  if (!isPlainObject(raw)) return valueIssue(ctx, 'value/shape', { expected });
  let bad = false;
  for (const key of Object.keys(raw)) {
    if (key !== 'numerator' && key !== 'denominator') {
      ctx.issues.push(makeIssue('schema/unknown-key', formatPath([...ctx.path, key]), { key }));
      bad = true;
    }
  }
  if (!('numerator' in raw)) { valueIssue(ctx, 'value/shape', { expected }, ['numerator']); bad = true; }
  if (!('denominator' in raw)) { valueIssue(ctx, 'value/shape', { expected }, ['denominator']); bad = true; }
  if (bad) return undefined;
  const numerator = readNumber(raw.numerator, ctx, { nonNegative: true }, ['numerator']);
  const denominator = readNumber(raw.denominator, ctx, { nonNegative: true }, ['denominator']);
  if (numerator === undefined || denominator === undefined) return undefined;
  if (!allowOver && numerator.gt(denominator)) return valueIssue(ctx, 'value/numerator-exceeds-denominator');
  return { numerator, denominator };
}

/** An option, item or band that is worth either absolute `points` or a `fraction` of `P`. */
export interface Award {
  readonly points?: string | number;
  readonly fraction?: string | number;
}

/** A compiled award: exactly one of the two is set. */
export interface CompiledAward {
  readonly points?: Dec;
  readonly fraction?: Dec;
}

/** Compiles an award's decimals. */
export function compileAward(award: Award): CompiledAward {
  const points = readDecimal(award.points);
  const fraction = readDecimal(award.fraction);
  return { ...(points !== undefined ? { points } : {}), ...(fraction !== undefined ? { fraction } : {}) };
}

/** What an award is worth on a leaf of `max` points. */
export function awardWorth(award: CompiledAward, max: Dec): Dec {
  if (award.points !== undefined) return award.points;
  return (award.fraction ?? new Dec(0)).times(max);
}

/** Words for an award: `"15 điểm"` or `"0.5 × P"`. */
export function awardWords(award: CompiledAward, max: Dec): { vi: string; en: string } {
  if (award.points !== undefined) return { vi: `${show(award.points)} điểm`, en: `${show(award.points)} points` };
  const f = award.fraction ?? new Dec(0);
  return { vi: `${show(f)} × ${show(max)} = ${show(f.times(max))} điểm`, en: `${show(f)} × ${show(max)} = ${show(f.times(max))} points` };
}

/**
 * Checks a list of awards: exactly one of points/fraction, fraction in [0, 1],
 * no award worth more than the leaf's points at any level, unique ids.
 */
export function checkAwards(
  entries: readonly (Award & { readonly id?: string })[],
  maxByLevel: ReadonlyMap<string, Dec>,
  path: readonly PathSegment[],
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const at = [...path, index];
    if (entry.id !== undefined) {
      if (seen.has(entry.id)) issues.push(makeIssue('criteria/duplicate-id', formatPath([...at, 'id']), { id: entry.id }));
      seen.add(entry.id);
    }
    const hasPoints = entry.points !== undefined;
    const hasFraction = entry.fraction !== undefined;
    if (hasPoints === hasFraction) {
      issues.push(makeIssue('rule/points-or-fraction', formatPath(at)));
      return;
    }
    const compiled = compileAward(entry);
    if (compiled.fraction !== undefined && (compiled.fraction.isNeg() || compiled.fraction.gt(1))) {
      issues.push(makeIssue('rule/fraction-range', formatPath([...at, 'fraction'])));
    }
    if (compiled.points !== undefined) {
      if (compiled.points.isNeg()) {
        issues.push(makeIssue('rule/negative', formatPath([...at, 'points'])));
        return;
      }
      for (const [level, max] of maxByLevel) {
        if (!max.isNeg() && compiled.points.gt(max)) {
          issues.push(makeIssue('rule/worth-more-than-points', formatPath([...at, 'points']), { worth: show(compiled.points), max: show(max), level }));
        }
      }
    }
  });
  return issues;
}
