import { makeIssue, type Issue, type IssueArgs, type IssueCode, type IssueParamsOf } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import { formatPath, type PathSegment } from '../path.js';
import { formatNumber, type NumberLanguage } from '../text/number-text.js';
import { readTypedNumber } from '../format/typed-number.js';
import type { Localized } from '../format/localized.js';
import type { InputOption, InputShape } from './input-shape.js';
import type { NotApplicable, Scored, ValueContext, ValueDomain } from './types.js';

/** 0 and 1 as exact numbers: the very instances `readExact` gives for them, so a rule can test `value === ONE`. */
export const ZERO: Exact = readExact(0)!;
export const ONE: Exact = readExact(1)!;
const HUNDRED: Exact = readExact(100)!;

/** Exact points `numerator / denominator` with what the explanation needs: every scored outcome is made here (one object layout for all kinds). */
export function scored<Detail>(numerator: Exact, denominator: Exact, detail: Detail): Scored<Detail> {
  return { state: 'scored', numerator, denominator, detail };
}

/** A not-applicable outcome (same layout as {@link scored}). */
export function notApplicable<Detail>(detail: Detail): NotApplicable<Detail> {
  return { state: 'not-applicable', numerator: undefined, denominator: undefined, detail };
}

/** The evaluation worth nothing, without detail (shared: evaluations are never changed). */
export const SCORED_ZERO: Scored = scored(ZERO, ONE, undefined);

/** A whole value as points, `value / 1`, without detail. */
export function scoredAs(value: Exact): Scored {
  return value.isZero() ? SCORED_ZERO : scored(value, ONE, undefined);
}

/**
 * Display text of an exact decimal (without exponent and without trailing
 * zeros) or of a figure (a plain decimal string such as the `points` an
 * explanation is given), in `lang`: as data holds it in English and in issue
 * parameters (`0.8`, `1000.00`), with a decimal comma and thousands dots in
 * Vietnamese texts (`0,8`, `1.000,00`; see {@link formatNumber}).
 */
export function show(value: Exact | string, lang: NumberLanguage = 'en'): string {
  return formatNumber(value, lang);
}

/** `n / d` as a percentage for explanations: up to 2 decimals (`80%`, `16.67%`; `16,67%` in `vi`); `d ≠ 0`. */
export function percentOf(n: Exact, d: Exact, lang: NumberLanguage = 'en'): string {
  return `${formatNumber(roundQuotient(n.times(HUNDRED), d, 2), lang)}%`;
}

/** A fraction as a percentage for explanations: up to 2 decimals (`80%`, `16.67%`; `16,67%` in `vi`). */
export function percent(value: Exact, lang: NumberLanguage = 'en'): string {
  return percentOf(value, ONE, lang);
}

/** `n / d` shown to up to `places` decimals, with `exact: false` when it does not terminate there; `d ≠ 0`, any signs. */
export function shownQuotient(n: Exact, d: Exact, places: number, lang: NumberLanguage = 'en'): { readonly text: string; readonly exact: boolean } {
  const q = roundQuotient(n, d, places);
  return { text: formatNumber(q, lang), exact: q.times(d).eq(n) };
}

/** `n / d` to up to 4 decimals, with `≈` when it does not terminate there; `d ≠ 0`, any signs. */
export function approx(n: Exact, d: Exact, lang: NumberLanguage = 'en'): string {
  const { text, exact } = shownQuotient(n, d, 4, lang);
  return exact ? text : `≈ ${text}`;
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

const NO_SEGMENTS: readonly PathSegment[] = [];
const NON_NEGATIVE = { nonNegative: true } as const;

/**
 * A decimal string written as a person types it (`"4,5"`, `"1.234.000"`,
 * full-width digits) where data holds plain decimals: the reason and the
 * plain decimal(s) to write instead, for the `value/shape` message.
 */
function typingSlip(raw: unknown): { reason?: string; found?: string } {
  if (typeof raw !== 'string') return {};
  const typed = readTypedNumber(raw);
  if (typed.ok) return { reason: 'typed', found: typed.value };
  return typed.problem === 'ambiguous' ? { reason: 'typed', found: `${typed.readings[0]} / ${typed.readings[1]}` } : {};
}

/** Reads a decimal value: optionally non-negative and whole. */
export function readNumber(
  raw: unknown,
  ctx: ValueContext,
  options: { readonly nonNegative?: boolean; readonly whole?: boolean; readonly expected?: string },
  extra: readonly PathSegment[] = NO_SEGMENTS,
): Exact | undefined {
  const value = readExact(raw);
  if (value === undefined) return valueIssue(ctx, 'value/shape', { expected: options.expected ?? 'decimal', ...typingSlip(raw) }, extra);
  if (options.nonNegative && value.isNegative()) return valueIssue(ctx, 'value/negative', {}, extra);
  if (options.whole && !value.isInteger()) return valueIssue(ctx, 'value/not-whole', {}, extra);
  return value;
}

const PERCENT: Exact = readExact('0.01')!;

/** Whether `n / d` (d > 0) lies in the domain, compared exactly. */
function within(domain: ValueDomain, n: Exact, d: Exact): boolean {
  return (domain.min === undefined || !n.lt(domain.min.times(d))) && (domain.max === undefined || !n.gt(domain.max.times(d)));
}

/**
 * Checks a number a unit gave against the leaf's domain ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)): the value
 * itself when inside, else `undefined` after pushing the issue. On a `%` leaf
 * a value above 1 whose hundredth is inside is named as the slip it most
 * likely is (`value/percent-slip`: "3 > 1: for 3% write 0.03").
 */
export function inDomain(x: Exact, ctx: ValueContext): Exact | undefined {
  const domain = ctx.domain;
  const problem = domain === undefined ? undefined : domainProblem(x, domain);
  if (problem === undefined) return x;
  ctx.issues.push(makeIssue(problem.code, formatPath(ctx.path), { unit: ctx.unit, ...problem.params } as never));
  return undefined;
}

/**
 * Why `x` is outside a domain (`undefined` when inside): `value/percent-slip`
 * for a value above 1 on a `%` leaf whose hundredth is inside, else
 * `value/out-of-range` with the range as messages write it. The scorer and
 * the unit schema report with it, so both say the same.
 */
export function domainProblem(x: Exact, domain: ValueDomain): { readonly code: 'value/percent-slip' | 'value/out-of-range'; readonly params: Readonly<Record<string, string>> } | undefined {
  if (within(domain, x, ONE)) return undefined;
  if (domain.percent && x.gt(ONE)) {
    const fraction = x.times(PERCENT);
    if (within(domain, fraction, ONE)) return { code: 'value/percent-slip', params: { value: show(x), fraction: show(fraction) } };
  }
  return { code: 'value/out-of-range', params: { range: rangeText(domain.min, domain.max) } };
}

/** {@link inDomain} for a value given as `n / d`; a zero denominator is left to the rule. */
export function fractionInDomain(value: FractionValue, ctx: ValueContext): FractionValue | undefined {
  const domain = ctx.domain;
  if (domain === undefined || value.denominator.isZero() || within(domain, value.numerator, value.denominator)) return value;
  return valueIssue(ctx, 'value/out-of-range', { range: rangeText(domain.min, domain.max) });
}

/** A `{ numerator, denominator }` value. */
export interface FractionValue {
  readonly numerator: Exact;
  readonly denominator: Exact;
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** Whether `numerator` and `denominator` are the object's only keys, both its own. */
function onlyFractionKeys(raw: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in raw) {
    if ((key !== 'numerator' && key !== 'denominator') || !Object.prototype.hasOwnProperty.call(raw, key)) return false;
    count++;
  }
  return count === 2;
}

const NUMERATOR: readonly PathSegment[] = ['numerator'];
const DENOMINATOR: readonly PathSegment[] = ['denominator'];

/** Reads `{ numerator, denominator }`, both >= 0; `n <= d` unless `allowOver`. */
export function readFraction(raw: unknown, ctx: ValueContext, allowOver: boolean): FractionValue | undefined {
  const expected = 'fraction';
  if (!isPlainObject(raw)) return valueIssue(ctx, 'value/shape', { expected });
  // The common case first: two own keys holding whole numbers in range (as a program writes them).
  const n = raw.numerator;
  const d = raw.denominator;
  if (typeof n === 'number' && typeof d === 'number' && Number.isSafeInteger(n) && Number.isSafeInteger(d) && n >= 0 && d >= 0 && (allowOver || n <= d) && onlyFractionKeys(raw)) {
    return { numerator: readExact(n)!, denominator: readExact(d)! };
  }
  let bad = false;
  for (const key in raw) {
    if (key !== 'numerator' && key !== 'denominator' && Object.prototype.hasOwnProperty.call(raw, key)) {
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
  readonly points?: Exact;
  readonly fraction?: Exact;
}

/** A decimal of a rule (points) times `factor`, exactly, as a decimal string. */
export function scaleDecimal(value: string | number, factor: Exact): string {
  return (readExact(value) ?? ZERO).times(factor).toString();
}

/** An award with its absolute `points` (if any) times `factor`; a `fraction` of P is left as it is. */
export function scaleAward<A extends Award>(award: A, factor: Exact): A {
  return award.points === undefined ? award : { ...award, points: scaleDecimal(award.points, factor) };
}

/** Compiles an award's decimals. */
export function compileAward(award: Award): CompiledAward {
  const points = readExact(award.points);
  const fraction = readExact(award.fraction);
  return { ...(points !== undefined ? { points } : {}), ...(fraction !== undefined ? { fraction } : {}) };
}

/** Bounds as written in messages: `[0, 1]`, `≥ 5`, `≤ 100` (at least one bound). */
export function rangeText(min: Exact | undefined, max: Exact | undefined): string {
  if (min !== undefined && max !== undefined) return `[${show(min)}, ${show(max)}]`;
  return min !== undefined ? `≥ ${show(min)}` : `≤ ${show(max!)}`;
}

/**
 * A `number` input shape: the kind's own bounds (`min: 0` for a count)
 * narrowed by the leaf's value domain ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)), and `percent` for a `%` leaf.
 */
export function numberInput(own: { readonly whole?: boolean; readonly min?: Exact; readonly orFraction?: boolean }, domain: ValueDomain | undefined): InputShape {
  const low = own.min;
  const min = domain?.min === undefined ? low : low === undefined || domain.min.gt(low) ? domain.min : low;
  return { type: 'number', whole: own.whole ?? false, min, max: domain?.max, orFraction: own.orFraction ?? false, percent: domain?.percent ?? false };
}

/** An option or item as an input shape shows it: id, label and what it is worth on a leaf of `max` points. */
export function inputOption(entry: CompiledAward & { readonly id: string; readonly label: Localized }, max: Exact): InputOption {
  return { id: entry.id, label: entry.label, worth: awardWorth(entry, max) };
}

/** What an award is worth on a leaf of `max` points. */
export function awardWorth(award: CompiledAward, max: Exact): Exact {
  if (award.points !== undefined) return award.points;
  return award.fraction === undefined ? ZERO : award.fraction.times(max);
}

/**
 * Checks a list of awards: exactly one of points/fraction, fraction in [0, 1],
 * no award worth more than the leaf's points at any level, unique ids.
 */
export function checkAwards(
  entries: readonly (Award & { readonly id?: string })[],
  maxByLevel: ReadonlyMap<string, Exact>,
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
    const fraction = compiled.fraction;
    if (fraction !== undefined && (fraction.isNegative() || fraction.gt(ONE))) {
      issues.push(makeIssue('rule/fraction-range', formatPath([...at, 'fraction'])));
    }
    const points = compiled.points;
    if (points !== undefined) {
      if (points.isNegative()) {
        issues.push(makeIssue('rule/negative', formatPath([...at, 'points'])));
        return;
      }
      for (const [level, max] of maxByLevel) {
        if (!max.isNegative() && points.gt(max)) {
          issues.push(makeIssue('rule/worth-more-than-points', formatPath([...at, 'points']), { worth: show(points), max: show(max), level }));
        }
      }
    }
  });
  return issues;
}
