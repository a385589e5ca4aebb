import { Dec, toFixed } from '../decimal.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import type { UnitResult } from '../scoring/result-types.js';
import { expectedIndex, sameFigure, shown, sum } from './figures.js';
import type { IssueSink } from './issues.js';
import type { NodeFacts } from './nodes.js';

/** One unit's totals being checked; `tops` are its top-level nodes' facts, `undefined` when the unit could not be placed in the set. */
export interface TotalsCheck {
  readonly criteria: CompiledCriteria;
  readonly unit: UnitResult;
  readonly position: number;
  readonly tops: readonly (NodeFacts | undefined)[] | undefined;
  readonly sink: IssueSink;
}

function agree(check: TotalsCheck, field: string, published: string | null | undefined, expected: string | null | undefined): void {
  if (sameFigure(published, expected)) return;
  check.sink.add('results/inconsistent', ['results', check.position, field], { unit: check.unit.unit, field, published: shown(published), expected: shown(expected) });
}

/** The rating of a rounded index ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)): the first band whose `min` is at most the index. */
export function ratingOf(criteria: CompiledCriteria, index: Dec | null): string | null {
  return index === null ? null : (criteria.ratings.find((band) => band.min.lte(index))?.id ?? null);
}

/**
 * A unit's totals ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)): points and maximum the sums of its
 * counted top-level nodes, `0 <= points <= maxPoints`, the index from them,
 * the rating from the index, and where an appraised value lies below, the
 * self-assessed total and `difference = points − selfPoints`.
 */
export function checkTotals(check: TotalsCheck): void {
  const { criteria, unit } = check;
  const dp = criteria.rounding.points;
  const tops = check.tops?.every((c): c is NodeFacts => c !== undefined) ? (check.tops as readonly NodeFacts[]) : undefined;
  if (tops !== undefined) {
    const counted = tops.filter((c) => c.counted);
    agree(check, 'points', unit.points, toFixed(sum(counted.map((c) => c.points)), dp));
    agree(check, 'maxPoints', unit.maxPoints, toFixed(sum(counted.map((c) => c.max)), dp));
  }
  const points = new Dec(unit.points);
  const max = new Dec(unit.maxPoints);
  if (points.isNeg() || points.gt(max)) check.sink.add('results/points-range', ['results', check.position, 'points'], { unit: unit.unit, points: unit.points, maxPoints: unit.maxPoints });
  const index = expectedIndex(points, max, criteria.rounding.index);
  if (index !== undefined) {
    agree(check, 'index', unit.index, index === null ? null : toFixed(index, criteria.rounding.index));
    agree(check, 'rating', unit.rating, ratingOf(criteria, index));
  }
  const selfPublished = unit.selfPoints !== undefined;
  const appraised = tops === undefined ? selfPublished || unit.difference !== undefined : tops.some((c) => c.appraised);
  for (const field of ['selfPoints', 'difference'] as const) {
    const value = unit[field];
    if (appraised && value === undefined) check.sink.add('schema/required', ['results', check.position, field]);
    else if (!appraised && value !== undefined) agree(check, field, value, undefined);
  }
  if (!appraised || unit.selfPoints === undefined) return;
  if (tops !== undefined && tops.every((c) => c.self !== undefined)) agree(check, 'selfPoints', unit.selfPoints, toFixed(sum(tops.map((c) => c.self!)), dp));
  if (unit.difference !== undefined) agree(check, 'difference', unit.difference, toFixed(points.minus(unit.selfPoints), dp));
}
