import { Dec } from '../decimal.js';
import { makeIssue, type Issue, type IssueArgs, type IssueCode, type IssueParamsOf } from '../errors.js';
import { formatPath, type PathSegment } from '../path.js';
import { compareExact, Exact, readExact } from '../scoring/fast/exact.js';
import { mul, plainText, pow10, quotient, roundScaled, roundToPlaces } from '../scoring/fast/safe-int.js';
import type { FastContext, ValueContext } from './types.js';

/** What a rule's `fastEvaluate` returns where `evaluate` says not applicable. */
export const FAST_NOT_APPLICABLE = -1;

/** Display text of an exact decimal, without exponent and without trailing zeros. */
export function show(value: Dec | Exact): string {
  return value instanceof Exact ? value.text : value.toFixed();
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

/** A decimal in its integer form (an {@link Exact}, or a product or difference of them). */
export interface Scaled {
  readonly m: number;
  readonly s: number;
}

/*
 * The same texts from integers, where the operands have safe-integer forms.
 * decimal.js divides to 60 significant digits and then rounds to the shown
 * decimals; with a numerator and denominator below 2^53 the exact quotient is
 * either a tie that those 60 digits hold exactly, or at least 1/2^54 of a
 * shown step away from every tie, far more than 60 digits can move it: both
 * round the same way. test/fast-path.test.ts checks them against the functions above.
 */

/** {@link percent} of `n / d` (`n, d >= 0`, `d > 0`), given in both forms. */
export function percentOf(n: Scaled, d: Scaled, decimalN: Dec, decimalD: Dec): string {
  const q = quotient(n.m, n.s, d.m, d.s, 4);
  return q === undefined ? percent(decimalN.div(decimalD)) : `${plainText(q.units, 2)}%`;
}

/** {@link approx} of `n / d` (any signs, `d ≠ 0`), given in both forms. */
export function approxOf(n: Scaled, d: Scaled, decimalN: Dec, decimalD: Dec): string {
  const q = quotient(n.m, n.s, d.m, d.s, 4);
  if (q === undefined) return approx(decimalN, decimalD);
  return q.exact ? plainText(q.units, 4) : `≈ ${plainText(q.units, 4)}`;
}

const ONE: Scaled = { m: 1, s: 0 };
const DEC_ONE = new Dec(1);

/** {@link percent} of an exact decimal `>= 0`. */
export function percentExact(value: Exact): string {
  return percentOf(value, ONE, value.dec, DEC_ONE);
}

/** Pushes a value issue at `ctx.path` plus `extra` segments. */
export function valueIssue<C extends IssueCode>(
  ctx: ValueContext,
  code: C,
  params: Omit<IssueParamsOf<C>, 'unit'> = {} as Omit<IssueParamsOf<C>, 'unit'>,
  extra: readonly PathSegment[] = [],
): undefined {
  const args = [{ unit: ctx.unit, ...params }] as unknown as IssueArgs<C>;
  ctx.issues.push(makeIssue(code, [...ctx.path, ...extra], ...args));
  return undefined;
}

/** `value < 0`, with integers where they fit. */
function isNegative(value: Exact): boolean {
  return value.m === value.m ? value.m < 0 : value.dec.isNeg();
}

/** Whether `value` is a whole number, with integers where they fit. */
function isWhole(value: Exact): boolean {
  return value.m === value.m ? value.s === 0 || value.m % pow10(value.s) === 0 : value.dec.isInteger();
}

const NO_SEGMENTS: readonly PathSegment[] = [];
const NON_NEGATIVE = { nonNegative: true } as const;

/** Reads a decimal value: optionally non-negative and whole. */
export function readNumber(
  raw: unknown,
  ctx: ValueContext,
  options: { readonly nonNegative?: boolean; readonly whole?: boolean; readonly expected?: string },
  extra: readonly PathSegment[] = NO_SEGMENTS,
): Exact | undefined {
  const value = readExact(raw);
  if (value === undefined) return valueIssue(ctx, 'value/shape', { expected: options.expected ?? 'decimal' }, extra);
  if (options.nonNegative && isNegative(value)) return valueIssue(ctx, 'value/negative', {}, extra);
  if (options.whole && !isWhole(value)) return valueIssue(ctx, 'value/not-whole', {}, extra);
  return value;
}

/** A `{ numerator, denominator }` value. */
export interface FractionValue {
  readonly numerator: Exact;
  readonly denominator: Exact;
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

const NUMERATOR: readonly PathSegment[] = ['numerator'];
const DENOMINATOR: readonly PathSegment[] = ['denominator'];

/** Reads `{ numerator, denominator }`, both >= 0; `n <= d` unless `allowOver`. */
export function readFraction(raw: unknown, ctx: ValueContext, allowOver: boolean): FractionValue | undefined {
  const expected = 'fraction';
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
  const numerator = readNumber(raw.numerator, ctx, NON_NEGATIVE, NUMERATOR);
  const denominator = readNumber(raw.denominator, ctx, NON_NEGATIVE, DENOMINATOR);
  if (numerator === undefined || denominator === undefined) return undefined;
  if (!allowOver && compareExact(numerator, denominator) > 0) return valueIssue(ctx, 'value/numerator-exceeds-denominator');
  return { numerator, denominator };
}

/** An option, item or band that is worth either absolute `points` or a `fraction` of `P`. */
export interface Award {
  readonly points?: string | number;
  readonly fraction?: string | number;
}

/** A compiled award: exactly one of the two is set. */
export interface CompiledAward {
  readonly points?: Exact;
  readonly fraction?: Exact;
}

/** Compiles an award's decimals. */
export function compileAward(award: Award): CompiledAward {
  const points = readExact(award.points);
  const fraction = readExact(award.fraction);
  return { ...(points !== undefined ? { points } : {}), ...(fraction !== undefined ? { fraction } : {}) };
}

/** What an award is worth on a leaf of `max` points. */
export function awardWorth(award: CompiledAward, max: Dec): Dec {
  if (award.points !== undefined) return award.points.dec;
  return award.fraction === undefined ? new Dec(0) : award.fraction.dec.times(max);
}

/** Fast path: an award's worth on a leaf of `ctx.max` points, rounded to `ctx.places` ({@link ticks}). */
export function awardTicks(award: CompiledAward, ctx: FastContext): number {
  if (award.points !== undefined) return ticks(award.points, ctx.places);
  const f = award.fraction;
  return f === undefined ? 0 : roundScaled(mul(f.m, ctx.max.m), 1, ctx.places - f.s - ctx.max.s);
}

/**
 * Fast path: a value `>= 0` rounded half-up to `places` decimals, as a whole
 * number of `10^-places` (what `divideRounded(value, 1, places)` gives); `NaN` when it does not fit.
 */
export function ticks(value: Exact, places: number): number {
  return roundToPlaces(value.m, value.s, places);
}

/** Words for an award: `"15 điểm"` or `"0.5 × P"`. */
export function awardWords(award: CompiledAward, max: Dec): { vi: string; en: string } {
  if (award.points !== undefined) return { vi: `${show(award.points)} điểm`, en: `${show(award.points)} points` };
  const f = award.fraction?.dec ?? new Dec(0);
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
    const fraction = compiled.fraction?.dec;
    if (fraction !== undefined && (fraction.isNeg() || fraction.gt(1))) {
      issues.push(makeIssue('rule/fraction-range', formatPath([...at, 'fraction'])));
    }
    const points = compiled.points?.dec;
    if (points !== undefined) {
      if (points.isNeg()) {
        issues.push(makeIssue('rule/negative', formatPath([...at, 'points'])));
        return;
      }
      for (const [level, max] of maxByLevel) {
        if (!max.isNeg() && points.gt(max)) {
          issues.push(makeIssue('rule/worth-more-than-points', formatPath([...at, 'points']), { worth: show(points), max: show(max), level }));
        }
      }
    }
  });
  return issues;
}
