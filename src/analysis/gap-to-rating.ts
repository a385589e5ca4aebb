import { DtiError, makeIssue, type Result } from '../errors.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import type { CriteriaSet } from '../compile/types.js';
import { exactOf } from '../decimal.js';
import { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { parseExact } from '../exact/read-exact.js';
import { ceilToStep, unitOf } from '../rules/inverse-grid.js';
import type { UnitResult } from '../scoring/result-types.js';
import { compiled } from './targets-cohort.js';

/**
 * How far a unit is from a rating (see {@link gapToRating}). Figures are
 * strings with the set's decimals, like results.
 */
export interface RatingGap {
  readonly unit: string;
  /** The rating aimed at. */
  readonly rating: string;
  /**
   * `already`: the unit's index reaches the rating's least index (its rating
   * is this one or a higher one); `gap`: it needs `gapPoints` more points;
   * `unreachable`: no points can do it (the unit has no index, its maximum
   * being 0, or the rating asks more than every point).
   */
  readonly state: 'already' | 'gap' | 'unreachable';
  /** The rating's least index, with the set's index decimals. */
  readonly min: string;
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  /** The unit's rating now. */
  readonly currentRating: string | null;
  /**
   * The least total points, with the set's decimals, whose index (rounded
   * once, half-up, as published) reaches `min` with the unit's maximum as it
   * is; `null` when unreachable.
   */
  readonly neededPoints: string | null;
  /** `neededPoints − points` (`0` when already); `null` when unreachable. */
  readonly gapPoints: string | null;
  /** `min − index` (`0` when already); `null` when the unit has no index. */
  readonly gapIndex: string | null;
}

/** The rating band `rating` of a compiled set, or the issue naming the set's ratings. */
export function ratingBand(criteria: CompiledCriteria, rating: string): Result<{ readonly id: string; readonly min: Exact }> {
  const band = criteria.ratings.find((entry) => entry.id === rating);
  if (band === undefined) return { ok: false, issues: [makeIssue('analysis/unknown-rating', ['rating'], { rating, allowed: criteria.ratings.map((entry) => entry.id) })] };
  return { ok: true, value: { id: band.id, min: exactOf(band.min) } };
}

/**
 * The least total points whose index, rounded half-up to `indexPlaces`, reaches `min`:
 * `round(p / M) ≥ min` exactly when `p ≥ (min − ½ × 10^-indexPlaces) × M`, a
 * product of decimals; the least such multiple of `10^-places` (points are sums
 * of rounded points). `0` when every total does.
 */
export function neededPoints(min: Exact, max: Exact, places: number, indexPlaces: number): Exact {
  const least = min.minus(Exact.scaled(5, indexPlaces + 1)).times(max);
  return least.sign() <= 0 ? Exact.scaled(0, places) : ceilToStep(least, Exact.scaled(1, 0), unitOf(places));
}

/**
 * {@link gapToRating}, with the problems as data instead of thrown.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeGapToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const result = scoreBatch(set, { units: [{ id: 'x', level: 'commune', values: { 'CQS.2.1': true } }] }).results[0]!;
 * const gap = safeGapToRating(result, set, 'yeu');
 * console.log(gap.ok ? [gap.value.state, gap.value.gapPoints] : []); // ["already","0.00"]
 * const bad = safeGapToRating(result, set, 'excellent');
 * console.log(bad.ok ? [] : bad.issues.map((i) => [i.code, i.params.rating])); // [["analysis/unknown-rating","excellent"]]
 * ```
 */
export function safeGapToRating(result: UnitResult, criteria: CriteriaSet, rating: string): Result<RatingGap> {
  const set = compiled(criteria);
  if (!set.ok) return set;
  const band = ratingBand(set.value, rating);
  if (!band.ok) return band;
  const { points: places, index: indexPlaces } = set.value.rounding;
  const min = band.value.min;
  // Figures as results write them (at any length: a set's points may exceed the limits on values given).
  const points = parseExact(result.points);
  const max = parseExact(result.maxPoints);
  const index = result.index === null ? undefined : parseExact(result.index);
  const unread = [points === undefined ? 'points' : undefined, max === undefined ? 'maxPoints' : undefined, result.index !== null && index === undefined ? 'index' : undefined].filter((field) => field !== undefined);
  if (points === undefined || max === undefined || unread.length > 0) return { ok: false, issues: unread.map((field) => makeIssue('schema/decimal', ['result', field])) };
  const common = { unit: result.unit, rating: band.value.id, min: fixedText(min, indexPlaces), points: result.points, maxPoints: result.maxPoints, index: result.index, currentRating: result.rating };
  if (index === undefined || max.isZero()) return { ok: true, value: { ...common, state: 'unreachable', neededPoints: null, gapPoints: null, gapIndex: null } };
  const needed = neededPoints(min, max, places, indexPlaces);
  const zeroIndex = fixedText(Exact.scaled(0, 0), indexPlaces);
  if (needed.gt(max)) return { ok: true, value: { ...common, state: 'unreachable', neededPoints: null, gapPoints: null, gapIndex: fixedText(min.minus(index), indexPlaces) } };
  if (index.gte(min)) return { ok: true, value: { ...common, state: 'already', neededPoints: fixedText(needed, places), gapPoints: fixedText(Exact.scaled(0, 0), places), gapIndex: zeroIndex } };
  return {
    ok: true,
    value: { ...common, state: 'gap', neededPoints: fixedText(needed, places), gapPoints: fixedText(needed.minus(points), places), gapIndex: fixedText(min.minus(index), indexPlaces) },
  };
}

/**
 * The points and index a unit needs to reach a rating: exact, from the set's
 * rating thresholds and the unit's maximum as it stands. The index is
 * compared as published (rounded once), so the points needed are the least
 * total whose rounded index reaches the rating's least index. Answers
 * `already` when the unit's rating is this one or higher, and `unreachable`
 * when no total can (the unit has no index). Which leaves could give those
 * points is {@link pathToRating}'s question. Throws a `DtiError` for a
 * rating the set does not have (`analysis/unknown-rating`).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { gapToRating } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(set, { units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.4.1': { numerator: 9, denominator: 10 } } }] });
 * const gap = gapToRating(report.results[0]!, set, 'trung-binh');
 * console.log([gap.state, gap.points, gap.maxPoints, gap.neededPoints, gap.gapPoints]); // ["gap","18.00","1000.00","499.95","481.95"]
 * console.log(gap.gapIndex); // 0.4820
 * ```
 */
export function gapToRating(result: UnitResult, criteria: CriteriaSet, rating: string): RatingGap {
  const outcome = safeGapToRating(result, criteria, rating);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
