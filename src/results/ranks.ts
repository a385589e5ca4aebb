import { Dec } from '../decimal.js';
import { atomOf, type CompiledCriteria } from '../compile/compiled.js';
import { rankEntries } from '../scoring/rank.js';
import type { UnitResult } from '../scoring/result-types.js';
import { expectedIndex, shown } from './figures.js';
import type { IssueSink } from './issues.js';

/**
 * What a unit is ranked by ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)), from its published points and
 * maximum: the points, or the index they give, rounded; none when the
 * maximum is 0 (the unit then has no rank).
 */
function rankKey(criteria: CompiledCriteria, unit: UnitResult): Dec | undefined {
  const points = new Dec(unit.points);
  const index = expectedIndex(points, new Dec(unit.maxPoints), criteria.rounding.index);
  if (index === undefined || index === null) return undefined;
  return criteria.ranking.by === 'points' ? points : index;
}

/**
 * Ranks the results again, exactly as the scorer does (`rankEntries` with the
 * set's `ranking`: by, ties and cohort; and within each parent), and reports
 * every `rank` and `rankInParent` that differs.
 */
export function checkRanks(criteria: CompiledCriteria, units: readonly UnitResult[], sink: IssueSink): void {
  const keys = units.map((unit) => rankKey(criteria, unit));
  const ranks = rankEntries(keys, (i) => (criteria.ranking.cohort === 'level+group' ? atomOf(units[i]!.level, units[i]!.group) : units[i]!.level), criteria.ranking.ties);
  const parentKeys = units.map((unit, i) => (unit.parent ? keys[i] : undefined));
  const parentRanks = rankEntries(parentKeys, (i) => `${units[i]!.level}\u0000${units[i]!.parent ?? ''}`, criteria.ranking.ties);
  units.forEach((unit, i) => {
    for (const [field, expected] of [['rank', ranks[i] ?? null], ['rankInParent', parentRanks[i] ?? null]] as const) {
      if (unit[field] === expected) continue;
      sink.add('results/rank', ['results', i, field], { unit: unit.unit, field, published: shown(unit[field]), expected: shown(expected) });
    }
  });
}
