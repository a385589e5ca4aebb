import { Dec } from '../decimal.js';
import type { Localized } from '../format/localized.js';
import type { UnitResult } from './result-types.js';
import { byCodeUnits } from '../order.js';

/** One leaf of a unit, with the share of its points the unit lost. */
export interface LeafStanding {
  readonly code: string;
  readonly points: string;
  readonly maxPoints: string;
  /** Points lost ÷ the leaf's maximum, 4 decimals (`"0.2500"`). */
  readonly shareLost: string;
  /** The leaf's explanation, when the report carries explanations (scored with `explain` on, the default). */
  readonly explanation?: Localized;
}

/**
 * A unit's strongest and weakest scored leaves, by the share of the leaf's
 * points lost (ties: the leaf worth more first, then by code). Leaves worth 0
 * points, not applicable or `info` are left out.
 *
 * @example
 * ```ts
 * import { scoreBatch, strengthsAndWeaknesses } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), { units: [{ id: 'x', level: 'commune',
 *   values: { 'CQS.4.2': 'kiem-nhiem', 'CQS.2.1': true } }] });
 * const { weakest } = strengthsAndWeaknesses(report.results[0]!, 3);
 * console.log(weakest.length); // 3
 * ```
 */
export function strengthsAndWeaknesses(result: UnitResult, count = 5): { strongest: LeafStanding[]; weakest: LeafStanding[] } {
  const leaves: (LeafStanding & { readonly lost: Dec; readonly max: Dec })[] = [];
  for (const [code, node] of Object.entries(result.nodes)) {
    if (node.index !== undefined || node.points === null || node.maxPoints === null) continue;
    const max = new Dec(node.maxPoints);
    if (max.isZero()) continue;
    const lost = max.minus(node.points).div(max);
    const explanation = node.explanation !== undefined ? { explanation: node.explanation } : {};
    leaves.push({ code, points: node.points, maxPoints: node.maxPoints, shareLost: lost.toFixed(4, Dec.ROUND_HALF_UP), ...explanation, lost, max });
  }
  const order = (a: (typeof leaves)[number], b: (typeof leaves)[number]): number => b.max.comparedTo(a.max) || byCodeUnits(a.code, b.code);
  const strip = ({ code, points, maxPoints, shareLost, explanation }: (typeof leaves)[number]): LeafStanding =>
    explanation !== undefined ? { code, points, maxPoints, shareLost, explanation } : { code, points, maxPoints, shareLost };
  const strongest = [...leaves].sort((a, b) => a.lost.comparedTo(b.lost) || order(a, b)).slice(0, count).map(strip);
  const weakest = [...leaves].sort((a, b) => b.lost.comparedTo(a.lost) || order(a, b)).slice(0, count).map(strip);
  return { strongest, weakest };
}
