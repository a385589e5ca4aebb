/**
 * Merging units after the 2025 reform: the results of predecessor units
 * combined into their successor by a crosswalk, with a named method, exactly.
 */
import { atomOf } from '../compile/compiled.js';
import type { CriteriaSet } from '../compile/types.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { formatPath } from '../path.js';
import { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import type { Localized } from '../format/localized.js';
import { rankEntries } from '../scoring/rank.js';
import type { CriteriaStamp, ScoreReport, UnitResult } from '../scoring/result-types.js';
import { addFractions, meanOf, nodeShare, publishedFigure, publishedShare, roundFraction, ZERO_FRACTION, type Fraction } from './exact-mean.js';
import { setOfReport } from './stamp.js';

/**
 * How predecessors' results become their successor's (each rounded once, at the set's decimals):
 * - `mean-of-indices`: the plain mean of the predecessors' indices (each its points ÷ its maximum);
 * - `mean-of-main-indices`: the national index's method for its 2024 results of the provinces merged
 *   in 2025 (the mean of each main index over the predecessors, then the index of those means weighted
 *   by each main index's maximum, averaged over the predecessors: the set's points when every unit has
 *   them all, as in the national index, where the three methods agree);
 * - `pooled-points`: the predecessors' points over their maxima, summed (a larger unit weighs more).
 */
export type MergeMethod = 'mean-of-indices' | 'mean-of-main-indices' | 'pooled-points';

/**
 * The merge methods, in the order {@link MergeMethod} lists them.
 *
 * @example
 * ```ts
 * import { MERGE_METHODS } from 'dti-criteria/analysis';
 * console.log(MERGE_METHODS); // ["mean-of-indices","mean-of-main-indices","pooled-points"]
 * ```
 */
export const MERGE_METHODS: readonly MergeMethod[] = ['mean-of-indices', 'mean-of-main-indices', 'pooled-points'];

/** One successor and the units merged into it (a unit that continues unchanged: itself alone). */
export interface Crosswalk {
  readonly successor: string;
  /** The successor's name; default the first predecessor's. */
  readonly name?: string;
  readonly predecessors: readonly string[];
}

/** Options of {@link safeMergeUnits}. */
export interface MergeOptions {
  readonly method: MergeMethod;
  /** `mean-of-main-indices`: the codes of the main indices; default the set's top-level nodes. */
  readonly mainNodes?: readonly string[];
}

/** A successor's merged result. */
export interface MergedUnit {
  readonly successor: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  readonly predecessors: readonly string[];
  /** The successor's index by the method, rounded once; `null` when no predecessor has one. */
  readonly index: string | null;
  /** Rank among the successors of its level (and group, where the set ranks within groups), by `index`. */
  readonly rank: number | null;
  /** `mean-of-main-indices`: each main index's mean, rounded once; `null` where no predecessor has it. */
  readonly nodes?: Readonly<Record<string, string | null>>;
  /** `pooled-points`: the points and maxima summed. */
  readonly points?: string;
  readonly maxPoints?: string;
  /** Predecessors without an index (a maximum of 0), left out of the means. */
  readonly leftOut: readonly string[];
}

/** The merged results, stamped with the method and the results they were derived from. */
export interface MergedReport {
  readonly method: MergeMethod;
  /** The method in words (Vietnamese, English). */
  readonly about: Localized;
  /** The results merged: their criteria stamp and period. Never an official result. */
  readonly derivedFrom: { readonly criteria: CriteriaStamp; readonly period: string | null };
  readonly units: readonly MergedUnit[];
}

const ABOUT: Readonly<Record<MergeMethod, Localized>> = {
  'mean-of-indices': {
    vi: 'Trung bình cộng chỉ số của các đơn vị trước sáp nhập (mỗi chỉ số = điểm ÷ điểm tối đa), làm tròn một lần. Không tính trường hợp chia tách đơn vị.',
    en: "The plain mean of the predecessors' indices (each its points ÷ its maximum), rounded once. Splits of a unit are out of scope.",
  },
  'mean-of-main-indices': {
    vi: 'Cách DTI quốc gia 2024 tính cho tỉnh sau sáp nhập: trung bình cộng từng chỉ số chính của các đơn vị trước sáp nhập, rồi chỉ số chung theo trọng số là điểm tối đa (bình quân) của chỉ số chính; làm tròn một lần. Không tính trường hợp chia tách đơn vị.',
    en: "The national index's method for its 2024 results of the provinces merged in 2025: the mean of each main index over the predecessors, then the index of those means weighted by each main index's (mean) maximum; rounded once. Splits of a unit are out of scope.",
  },
  'pooled-points': {
    vi: 'Tổng điểm của các đơn vị trước sáp nhập chia tổng điểm tối đa (đơn vị lớn có trọng số lớn hơn), làm tròn một lần. Không tính trường hợp chia tách đơn vị.',
    en: "The predecessors' points summed over their maxima summed (a larger unit weighs more), rounded once. Splits of a unit are out of scope.",
  },
};

const ZERO = Exact.scaled(0, 0);
const ONE = Exact.scaled(1, 0);

/**
 * Merges predecessor units into their successors (spec-free analysis: the
 * result is stamped as derived from the results given, with the method).
 * Each successor takes every listed predecessor's result from `report`; its
 * index is computed exactly from published points and maxima (not from the
 * rounded indices), so it is rounded once, at the set's index decimals.
 * Successors are ranked within their level (and group where the set ranks
 * within groups) by that index, with the set's tie rule.
 *
 * Refused, every problem at once: results of another criteria set
 * (`compare/criteria-mismatch`: id, version and sha256), a predecessor not in the results
 * (`analysis/unknown-unit`), a unit listed twice — a split, or a successor
 * given twice (`analysis/unit-twice`) —, predecessors of different levels or
 * groups (`analysis/mixed-merge`), a successor without predecessors
 * (`analysis/empty-merge`), a main index that is not a node of the set
 * (`analysis/unknown-node`).
 *
 * @example
 * ```ts
 * import { safeScoreBatch } from 'dti-criteria';
 * import { safeMergeUnits } from 'dti-criteria/analysis';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('vn-dti-province@2022.1.0');
 * const indices = (values: string[]) => Object.fromEntries(['DTI.1', 'DTI.2', 'DTI.3', 'DTI.4', 'DTI.5', 'DTI.7', 'DTI.8', 'DTI.9'].map((code, i) => [code, values[i]]));
 * const report = safeScoreBatch(criteria, { units: [
 *   { id: 'can-tho', level: 'province', values: indices(['0.9', '0.8', '0.7233', '0.7376', '0.7226', '0.7325', '0.7556', '0.2947']) },
 *   { id: 'hau-giang', level: 'province', values: indices(['0.8', '0.7', '0.6', '0.7', '0.6', '0.7', '0.6', '0.5']) },
 * ] });
 * if (report.ok) {
 *   const merged = safeMergeUnits(report.value, criteria, [{ successor: 'can-tho-moi', predecessors: ['can-tho', 'hau-giang'] }], { method: 'mean-of-main-indices' });
 *   // Every province has the same maxima here: the three methods agree.
 *   if (merged.ok) console.log(merged.value.units[0]?.index); // 0.6687
 *   if (merged.ok) console.log(merged.value.units[0]?.nodes?.['DTI.9']); // 0.3974
 * }
 * ```
 */
export function safeMergeUnits(report: ScoreReport, criteria: CriteriaSet, crosswalk: readonly Crosswalk[], options: MergeOptions): Result<MergedReport> {
  const { compiled, issues: stamped } = setOfReport(report.criteria, criteria);
  if (compiled === undefined) return { ok: false, issues: stamped };
  const issues: Issue[] = [];
  const mainCodes = options.mainNodes ?? compiled.roots.map((node) => node.code);
  options.mainNodes?.forEach((code, position) => {
    if (!compiled.byCode.has(code)) issues.push(makeIssue('analysis/unknown-node', ['mainNodes', position], { code }));
  });
  const byId = new Map<string, UnitResult>(report.results.map((result) => [result.unit, result]));
  const seen = new Map<string, string>();
  const note = (id: string, at: readonly (string | number)[]): void => {
    const first = seen.get(id);
    if (first !== undefined) issues.push(makeIssue('analysis/unit-twice', at, { unit: id, first }));
    else seen.set(id, formatPath(at));
  };
  const successors = new Set<string>();
  crosswalk.forEach((entry, i) => {
    if (successors.has(entry.successor)) issues.push(makeIssue('analysis/unit-twice', ['crosswalk', i, 'successor'], { unit: entry.successor, first: formatPath(['crosswalk', crosswalk.findIndex((other) => other.successor === entry.successor), 'successor']) }));
    successors.add(entry.successor);
    if (entry.predecessors.length === 0) issues.push(makeIssue('analysis/empty-merge', ['crosswalk', i, 'predecessors'], { unit: entry.successor }));
    entry.predecessors.forEach((id, j) => {
      note(id, ['crosswalk', i, 'predecessors', j]);
      if (!byId.has(id)) issues.push(makeIssue('analysis/unknown-unit', ['crosswalk', i, 'predecessors', j], { unit: id }));
    });
    const found = entry.predecessors.map((id) => byId.get(id)).filter((result): result is UnitResult => result !== undefined);
    if (found.some((result) => result.level !== found[0]!.level || result.group !== found[0]!.group)) {
      issues.push(makeIssue('analysis/mixed-merge', ['crosswalk', i], { unit: entry.successor, found: [...new Set(found.map((result) => (result.group ? `${result.level}/${result.group}` : result.level)))] }));
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  const indexPlaces = criteria.rounding?.index ?? 4;
  const pointsPlaces = criteria.rounding?.points ?? 2;
  const units = crosswalk.map((entry): Omit<MergedUnit, 'rank'> & { key: Exact | undefined } => {
    const found = entry.predecessors.map((id) => byId.get(id)!);
    const first = found[0]!;
    const leftOut = found.filter((result) => publishedShare(result.points, result.maxPoints) === undefined).map((result) => result.unit);
    const base = { successor: entry.successor, name: entry.name ?? first.name, level: first.level, group: first.group, predecessors: [...entry.predecessors], leftOut };
    switch (options.method) {
      case 'mean-of-indices': {
        const value = meanOf(found.map((result) => publishedShare(result.points, result.maxPoints)).filter((part): part is Fraction => part !== undefined));
        const index = value === undefined ? undefined : roundFraction(value, indexPlaces);
        return { ...base, index: index === undefined ? null : fixedText(index, indexPlaces), key: index };
      }
      case 'pooled-points': {
        let points = ZERO;
        let max = ZERO;
        for (const result of found) {
          points = points.plus(publishedFigure(result.points) ?? ZERO);
          max = max.plus(publishedFigure(result.maxPoints) ?? ZERO);
        }
        const index = max.isZero() ? undefined : roundFraction({ n: points, d: max }, indexPlaces);
        return { ...base, index: index === undefined ? null : fixedText(index, indexPlaces), key: index, points: fixedText(points, pointsPlaces), maxPoints: fixedText(max, pointsPlaces) };
      }
      case 'mean-of-main-indices': {
        const nodes: Record<string, string | null> = {};
        let weighted = ZERO_FRACTION;
        let weights = ZERO_FRACTION;
        for (const code of mainCodes) {
          const counted = found.map((result) => nodeShare(result.nodes[code])).filter((part) => part !== undefined);
          const value = meanOf(counted.map((part) => part.share));
          nodes[code] = value === undefined ? null : fixedText(roundFraction(value, indexPlaces), indexPlaces);
          if (value === undefined) continue;
          // The main index's weight: its maximum, averaged over the predecessors where it counts
          // (the set's points when every unit has them all; a lone unit gets its own index back).
          const weight = meanOf(counted.map((part) => ({ n: part.max, d: ONE })))!;
          weighted = addFractions(weighted, { n: value.n.times(weight.n), d: value.d.times(weight.d) });
          weights = addFractions(weights, weight);
        }
        const index = weights.n.isZero() ? undefined : roundFraction({ n: weighted.n.times(weights.d), d: weighted.d.times(weights.n) }, indexPlaces);
        return { ...base, index: index === undefined ? null : fixedText(index, indexPlaces), key: index, nodes };
      }
    }
  });
  const cohort = (position: number): string => {
    const unit = units[position]!;
    return criteria.ranking?.cohort === 'level+group' ? atomOf(unit.level, unit.group) : unit.level;
  };
  const ranks = rankEntries(units.map((unit) => unit.key), cohort, criteria.ranking?.ties ?? 'competition');
  return {
    ok: true,
    value: {
      method: options.method,
      about: ABOUT[options.method],
      derivedFrom: { criteria: report.criteria, period: report.period },
      units: units.map(({ key: _key, ...unit }, position) => ({ ...unit, rank: ranks[position] ?? null })),
    },
  };
}
