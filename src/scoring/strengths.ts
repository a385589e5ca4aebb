import { Dec, divideRounded, toFixed } from '../decimal.js';
import type { Localized } from '../format/localized.js';
import type { UnitResult } from './result-types.js';
import { explainNode } from './explain.js';
import { byCodeUnits } from '../order.js';

/** One leaf of a unit, with the share of its points the unit lost. */
export interface LeafStanding {
  readonly code: string;
  readonly points: string;
  readonly maxPoints: string;
  /** Points lost ÷ the leaf's maximum, 4 decimals (`"0.2500"`). */
  readonly shareLost: string;
  /** The leaf's explanation, when the result can be explained (see `explainNode`): built for the leaves listed only. */
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
  const leaves: (LeafStanding & { readonly short: Dec; readonly max: Dec })[] = [];
  for (const [code, node] of Object.entries(result.nodes)) {
    if (node.index !== undefined || node.points === null || node.maxPoints === null) continue;
    const max = new Dec(node.maxPoints);
    if (max.lte(0)) continue;
    const short = max.minus(node.points);
    leaves.push({ code, points: node.points, maxPoints: node.maxPoints, shareLost: toFixed(divideRounded(short, max, 4), 4), short, max });
  }
  type Standing = (typeof leaves)[number];
  // a's share lost against b's, exactly: short_a / max_a vs short_b / max_b with both maxima > 0.
  const byLost = (a: Standing, b: Standing): number => a.short.times(b.max).comparedTo(b.short.times(a.max));
  const order = (a: Standing, b: Standing): number => b.max.comparedTo(a.max) || byCodeUnits(a.code, b.code);
  const strip = ({ code, points, maxPoints, shareLost }: Standing): LeafStanding => {
    const explanation = explainNode(result, code);
    return explanation !== undefined ? { code, points, maxPoints, shareLost, explanation } : { code, points, maxPoints, shareLost };
  };
  const strongest = [...leaves].sort((a, b) => byLost(a, b) || order(a, b)).slice(0, count).map(strip);
  const weakest = [...leaves].sort((a, b) => byLost(b, a) || order(a, b)).slice(0, count).map(strip);
  return { strongest, weakest };
}
