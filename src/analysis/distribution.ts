import { Dec } from '../decimal.js';
import type { NodeStatus } from '../scoring/result-types.js';
import { momentsOf } from './moments.js';
import type { ExactValue } from './numeric.js';
import { quantileText, sortedQuantile, sortExact } from './quantile.js';

/**
 * How a figure is spread over the units of a cohort (see `describeResults`).
 * Counts and order statistics are exact: `min`, `q1`, `median`, `q3` and
 * `max` are decimals as text (type-7 quantiles, with at least the figure's
 * published decimals). `mean`, `sd` (sample, `n − 1`) and `skew` (adjusted
 * Fisher–Pearson, as Excel's `SKEW`) are analysis, computed in float64.
 * `null` where a statistic is undefined (no value; `sd` below 2 values;
 * `skew` below 3 values or without spread).
 */
export interface Distribution {
  /** Units with a figure (under `missing: "zero"`, a missing value is a 0 and counts). */
  readonly n: number;
  /** Units whose status is `missing`. */
  readonly missing: number;
  /** Units for which the node does not count (`not-applicable`; for the index, a unit without one). */
  readonly notApplicable: number;
  readonly min: string | null;
  readonly q1: string | null;
  readonly median: string | null;
  readonly q3: string | null;
  readonly max: string | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly skew: number | null;
  /** Units at full points (points equal to the maximum). */
  readonly atFull: number;
  /** Units at zero points. */
  readonly atZero: number;
  /** `atFull / n`; `null` when `n` is 0. */
  readonly shareAtFull: number | null;
  /** `atZero / n`; `null` when `n` is 0. */
  readonly shareAtZero: number | null;
}

/** One unit's figure for a node: its value (`null` when it does not count), whether it is at full points, its status. @internal */
export interface Observation {
  readonly value: ExactValue | null;
  readonly atFull: boolean;
  readonly status: NodeStatus;
}

/** Whether a value is 0 (by its double where that is the decimal). @internal */
export const isZero = (value: ExactValue): boolean => (value.roundTrips ? value.number === 0 : value.exact.isZero());

const QUARTILES = [new Dec(0), new Dec('0.25'), new Dec('0.5'), new Dec('0.75'), new Dec(1)] as const;

/** The distribution of one figure over a cohort's observations. @internal */
export function distributionOf(observations: readonly Observation[]): Distribution {
  const values = observations.flatMap((o) => (o.value === null ? [] : [o.value]));
  const n = values.length;
  const sorted = sortExact(values);
  const places = Math.max(0, ...values.map((value) => value.places));
  const [min, q1, median, q3, max] = QUARTILES.map((p) => {
    const q = sortedQuantile(sorted, p);
    return q === undefined ? null : quantileText(q, places);
  }) as [string | null, string | null, string | null, string | null, string | null];
  const atFull = observations.filter((o) => o.value !== null && o.atFull).length;
  const atZero = values.filter(isZero).length;
  return {
    n,
    missing: observations.filter((o) => o.status === 'missing').length,
    notApplicable: observations.filter((o) => o.status === 'not-applicable').length,
    min,
    q1,
    median,
    q3,
    max,
    ...momentsOf(values.map((value) => value.number)),
    atFull,
    atZero,
    shareAtFull: n === 0 ? null : atFull / n,
    shareAtZero: n === 0 ? null : atZero / n,
  };
}
