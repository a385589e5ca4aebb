/**
 * Other ways to aggregate a unit's pillars into one index, for analysis only:
 * how much a ranking owes to the official arithmetic aggregation.
 */
import DecimalJs from 'decimal.js';
import type { CriteriaSet } from '../compile/types.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import type { Localized } from '../format/localized.js';
import { rankExact } from '../scoring/rank.js';
import type { CriteriaStamp, ScoreReport } from '../scoring/result-types.js';
import { addFractions, nodeShare, roundFraction, ZERO_FRACTION, type Fraction } from './exact-mean.js';
import { setOfReport } from './stamp.js';
import { atomOf } from '../compile/compiled.js';

/**
 * How the nodes' indices (each its points ÷ its maximum) become one index:
 * `arithmetic` (the weighted mean: with points as weights over the top-level
 * nodes, the official index itself), `geometric` (the weighted geometric mean:
 * a weak pillar cannot be made up by a strong one; any node at 0 gives 0), or
 * `minimum` (the weakest node).
 */
export type AggregationMethod = 'arithmetic' | 'geometric' | 'minimum';

/**
 * The aggregation methods, in the order {@link AggregationMethod} lists them.
 *
 * @example
 * ```ts
 * import { AGGREGATION_METHODS } from 'dti-criteria/analysis';
 * console.log(AGGREGATION_METHODS); // ["arithmetic","geometric","minimum"]
 * ```
 */
export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['arithmetic', 'geometric', 'minimum'];

/** Options of {@link safeAlternativeIndex}. */
export interface AlternativeIndexOptions {
  readonly method: AggregationMethod;
  /** The nodes aggregated; default the set's top-level nodes (its pillars). */
  readonly nodes?: readonly string[];
  /** Each node's weight: its maximum for the unit (`points`, default) or the same for all (`equal`). */
  readonly weights?: 'points' | 'equal';
}

/** A unit's index by the other aggregation, beside the official one. */
export interface AlternativeUnit {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  /** The index by the method, rounded once at the set's index decimals; `null` when no node counts for the unit. */
  readonly index: string | null;
  /** The rank by that index within the unit's cohort, with the set's tie rule. */
  readonly rank: number | null;
  /** The official index and rank, as published. */
  readonly official: { readonly index: string | null; readonly rank: number | null };
}

/** Indices by another aggregation: for analysis only, stamped with the method and the results they come from. */
export interface AlternativeIndexReport {
  readonly method: AggregationMethod;
  readonly weights: 'points' | 'equal';
  readonly nodes: readonly string[];
  readonly about: Localized;
  readonly derivedFrom: { readonly criteria: CriteriaStamp; readonly period: string | null };
  readonly units: readonly AlternativeUnit[];
}

const ABOUT: Readonly<Record<AggregationMethod, Localized>> = {
  arithmetic: { vi: 'Trung bình cộng có trọng số các chỉ số (chỉ để phân tích).', en: 'The weighted arithmetic mean of the indices (analysis only).' },
  geometric: {
    vi: 'Trung bình nhân có trọng số các chỉ số: trụ cột yếu không bù được bằng trụ cột mạnh; một chỉ số bằng 0 cho kết quả 0 (chỉ để phân tích; tính với 50 chữ số có nghĩa rồi làm tròn một lần).',
    en: 'The weighted geometric mean of the indices: a weak pillar cannot be made up by a strong one; an index of 0 gives 0 (analysis only; computed to 50 significant digits, then rounded once).',
  },
  minimum: { vi: 'Chỉ số thấp nhất trong các chỉ số (chỉ để phân tích).', en: 'The lowest of the indices (analysis only).' },
};

/** decimal.js at 50 significant digits, half-up: the geometric mean's logarithms and exponential. */
const Wide = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

/** One unit's index by the method from its nodes' shares and weights; `undefined` when none counts. */
function aggregate(parts: readonly { readonly share: Fraction; readonly weight: Exact }[], method: AggregationMethod, places: number): Exact | undefined {
  if (parts.length === 0) return undefined;
  switch (method) {
    case 'arithmetic': {
      let sum = ZERO_FRACTION;
      let weights = Exact.scaled(0, 0);
      for (const { share, weight } of parts) {
        sum = addFractions(sum, { n: share.n.times(weight), d: share.d });
        weights = weights.plus(weight);
      }
      return roundFraction({ n: sum.n, d: sum.d.times(weights) }, places);
    }
    case 'minimum': {
      let low = parts[0]!.share;
      for (const { share } of parts) if (share.n.times(low.d).lt(low.n.times(share.d))) low = share;
      return roundFraction(low, places);
    }
    case 'geometric':
      return geometricMean(parts, places);
  }
}

/**
 * The double nearest an exact value: a safe coefficient over an exact power of
 * ten is one correctly rounded division, the same double as reading its text.
 */
function toDouble(value: Exact): number {
  return value.m !== undefined && value.s <= 22 ? value.m / 10 ** value.s : Number(value.toString());
}

/**
 * The weighted geometric mean, rounded half-up once at `places`, computed to
 * 50 significant digits (decimal.js): the reference. `0` when a share is 0.
 *
 * @internal
 */
export function wideGeometricMean(parts: readonly { readonly share: Fraction; readonly weight: Exact }[], places: number): Exact | undefined {
  if (parts.some(({ share }) => share.n.isZero())) return roundFraction(ZERO_FRACTION, places);
  let logs = new Wide(0);
  let weights = new Wide(0);
  for (const { share, weight } of parts) {
    const w = new Wide(weight.toString());
    logs = logs.plus(new Wide(share.n.toString()).div(share.d.toString()).ln().times(w));
    weights = weights.plus(w);
  }
  const value = logs.div(weights).exp().toFixed(places, DecimalJs.ROUND_HALF_UP);
  return readExact(value);
}

/**
 * {@link wideGeometricMean}, the same figure about 100 times faster: the
 * mean is first estimated in float64 (relative error below 1e−13 for shares
 * and weights the sets have); when that estimate, scaled to `places`
 * decimals, is farther than 1e−7 (or 1e−10 of itself) from a rounding
 * boundary, the 50-digit value lies on the same side of it and rounds the
 * same way, so the estimate's rounding is the answer; otherwise (and for
 * anything not finite) the 50-digit computation decides.
 *
 * @internal
 */
export function geometricMean(parts: readonly { readonly share: Fraction; readonly weight: Exact }[], places: number): Exact | undefined {
  if (parts.some(({ share }) => share.n.isZero())) return roundFraction(ZERO_FRACTION, places);
  let logs = 0;
  let weights = 0;
  for (const { share, weight } of parts) {
    const w = toDouble(weight);
    logs += Math.log(toDouble(share.n) / toDouble(share.d)) * w;
    weights += w;
  }
  const scaled = Math.exp(logs / weights) * 10 ** places;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Number.isFinite(scaled) && scaled < 2 ** 52 && Math.abs(fraction - 0.5) > Math.max(1e-7, scaled * 1e-10)) {
    return Exact.scaled(fraction > 0.5 ? whole + 1 : whole, places);
  }
  return wideGeometricMean(parts, places);
}

/**
 * Each unit's index by another aggregation of its nodes (by default its
 * pillars), ranked within its cohort: for analysis only (how much the
 * ranking owes to the arithmetic aggregation), never an official result.
 * Each node's index is its published points over its maximum, exactly;
 * nodes that do not count for a unit (a maximum of 0, not applicable) are
 * left out of its aggregate and the weights of the others taken as they are.
 * `arithmetic` and `minimum` are exact and rounded once; `geometric` is
 * computed to 50 significant digits, then rounded once.
 *
 * Refused: results of another criteria set (`compare/criteria-mismatch`: id, version and sha256),
 * a node that is not in the set (`analysis/unknown-node`).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { safeAlternativeIndex } from 'dti-criteria/analysis';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [
 *   { id: 'a', level: 'commune', values: { 'CQS.1.3': { numerator: 15, denominator: 15 }, 'KTS.1.1': { numerator: 10, denominator: 10 }, 'XHS.1.1': { numerator: 10, denominator: 10 } } },
 *   { id: 'b', level: 'commune', values: { 'CQS.1.3': { numerator: 15, denominator: 15 }, 'CQS.1.2': 4 } },
 * ] });
 * const official = safeAlternativeIndex(report, criteria, { method: 'arithmetic' });
 * if (official.ok) console.log(official.value.units.map((u) => [u.unit, u.index, u.official.index])); // [["a","0.1400","0.1400"],["b","0.0350","0.0350"]]
 * const geometric = safeAlternativeIndex(report, criteria, { method: 'geometric' });
 * if (geometric.ok) console.log(geometric.value.units.map((u) => [u.unit, u.index, u.rank])); // [["a","0.1063",1],["b","0.0000",2]]
 * ```
 */
export function safeAlternativeIndex(report: ScoreReport, criteria: CriteriaSet, options: AlternativeIndexOptions): Result<AlternativeIndexReport> {
  const { compiled, issues: stamped } = setOfReport(report.criteria, criteria);
  if (compiled === undefined) return { ok: false, issues: stamped };
  const issues: Issue[] = [];
  const codes = options.nodes ?? criteria.nodes.map((node) => node.code);
  codes.forEach((code, position) => {
    if (!compiled.byCode.has(code)) issues.push(makeIssue('analysis/unknown-node', ['nodes', position], { code }));
  });
  if (issues.length > 0) return { ok: false, issues };
  const places = criteria.rounding?.index ?? 4;
  const weights = options.weights ?? 'points';
  const ONE = Exact.scaled(1, 0);
  const indices = report.results.map((result) => {
    const parts = codes
      .map((code) => nodeShare(result.nodes[code]))
      .filter((part): part is NonNullable<typeof part> => part !== undefined)
      .map(({ share, max }) => ({ share, weight: weights === 'points' ? max : ONE }));
    return aggregate(parts, options.method, places);
  });
  const cohort = (position: number): string => {
    const result = report.results[position]!;
    return criteria.ranking?.cohort === 'level+group' ? atomOf(result.level, result.group) : result.level;
  };
  const ranks = rankExact(indices, cohort, criteria.ranking?.ties ?? 'competition');
  return {
    ok: true,
    value: {
      method: options.method,
      weights,
      nodes: [...codes],
      about: ABOUT[options.method],
      derivedFrom: { criteria: report.criteria, period: report.period },
      units: report.results.map((result, position) => ({
        unit: result.unit,
        name: result.name,
        level: result.level,
        group: result.group,
        index: indices[position] === undefined ? null : fixedText(indices[position]!, places),
        rank: ranks[position] ?? null,
        official: { index: result.index, rank: result.rank },
      })),
    },
  };
}
