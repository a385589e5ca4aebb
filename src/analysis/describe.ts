import type { CompiledCriteria, CompiledNode } from '../compile/compiled.js';
import type { CriteriaSet } from '../compile/types.js';
import { Dec } from '../decimal.js';
import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import type { CriteriaStamp, NodeResult, ScoreReport, UnitResult } from '../scoring/result-types.js';
import { correlationMatrix, type CorrelationMatrix, type CorrelationVariable } from './correlation-matrix.js';
import { alphaOf } from './cronbach.js';
import { pearsonOf, completePairs } from './correlation.js';
import { distributionOf, isZero, type Distribution, type Observation } from './distribution.js';
import { treeOrder } from './node-order.js';
import { compareExact, exactValue, type ExactValue } from './numeric.js';
import { setOfReport } from './stamp.js';

/** Which units are described together: a level, a level and group, or all units. */
export type DescribeCohort = 'level' | 'level+group' | 'all';

/** Options of {@link describeResults} and {@link safeDescribeResults}. */
export interface DescribeOptions {
  /** How units are grouped; default the set's ranking cohort (`ranking.cohort`), the units ranked together. */
  readonly cohort?: DescribeCohort;
}

/**
 * Why a leaf is flagged: it does not discriminate (`all-full`: every unit
 * at full points; `all-zero`: every unit at 0; `constant`: every unit at the
 * same other points), or it correlates negatively with its pillar's index
 * (`negative-pillar-correlation`, Pearson's r below 0).
 */
export type LeafFlagKind = 'all-full' | 'all-zero' | 'constant' | 'negative-pillar-correlation';

/** A flagged leaf of a cohort. */
export interface LeafFlag {
  readonly code: string;
  readonly flag: LeafFlagKind;
}

/**
 * One node described over a cohort: a leaf by its points, an aggregate by
 * its published index (points over the maximum, which differs from unit to
 * unit where children do not apply); full points and zero are the node's
 * points against its maximum.
 */
export interface NodeDescription extends Distribution {
  readonly code: string;
  readonly kind: 'leaf' | 'aggregate';
  readonly measure: 'points' | 'index';
  /** The top-level node it belongs to (itself for a top-level node). */
  readonly pillar: string;
  /** Units of the cohort the node applies to. */
  readonly units: number;
  /** Leaves below a pillar: Pearson's r of the leaf's points with the pillar's index (the leaf is part of it); `null` when undefined. */
  readonly pillarCorrelation?: number | null;
  /** Leaves: what {@link LeafFlagKind} they are flagged for. */
  readonly flags: readonly LeafFlagKind[];
}

/** Cronbach's alpha of a pillar's leaves over the units with points for all of them. */
export interface PillarAlpha {
  readonly code: string;
  /** Leaves used (those with points for some unit of the cohort). */
  readonly items: number;
  /** Units with points for every one of them (listwise). */
  readonly n: number;
  readonly alpha: number | null;
}

/** The description of one cohort. */
export interface CohortDescription {
  /** The cohort's level; `null` for cohort `all`. */
  readonly level: string | null;
  /** The cohort's group; `null` unless the cohort is `level+group` and the level has groups. */
  readonly group: string | null;
  readonly units: number;
  /** The units' index (the main figure). */
  readonly index: Distribution;
  /** Every scored node that applies to some unit of the cohort, in tree order (info leaves left out). */
  readonly nodes: readonly NodeDescription[];
  /** Leaves (points), pillars (index) and the unit's index. */
  readonly correlations: CorrelationMatrix;
  readonly alpha: readonly PillarAlpha[];
  /** Every flagged leaf, in tree order. */
  readonly flags: readonly LeafFlag[];
}

/** A results report described, cohort by cohort (see {@link describeResults}). */
export interface Description {
  readonly criteria: CriteriaStamp;
  readonly cohort: DescribeCohort;
  readonly cohorts: readonly CohortDescription[];
}

const COHORTS: readonly DescribeCohort[] = ['level', 'level+group', 'all'];

/** An exact figure, or `null`. */
const exact = (text: string | null | undefined): ExactValue | null => (text === null || text === undefined ? null : exactValue(text));

/** Decimals written after the point. */
const placesOf = (text: string): number => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/** Two published decimals equal: plain decimals written with the same decimals (a set's figures) are equal exactly when their texts are. */
const sameDecimal = (a: string, b: string): boolean => a === b || (placesOf(a) !== placesOf(b) && new Dec(a).eq(b));

/** At full points: a counted node whose points equal its maximum. */
function atFull(node: NodeResult): boolean {
  return node.points !== null && node.maxPoints !== null && sameDecimal(node.points, node.maxPoints);
}

/** The units of each cohort, cohorts in order of first unit. */
function cohortsOf(results: readonly UnitResult[], cohort: DescribeCohort): { level: string | null; group: string | null; units: UnitResult[] }[] {
  const out = new Map<string, { level: string | null; group: string | null; units: UnitResult[] }>();
  for (const result of results) {
    const level = cohort === 'all' ? null : result.level;
    const group = cohort === 'level+group' ? result.group : null;
    const key = `${level ?? ''}\u0000${group ?? ''}`;
    let entry = out.get(key);
    if (entry === undefined) out.set(key, (entry = { level, group, units: [] }));
    entry.units.push(result);
  }
  return [...out.values()];
}

/** Each node's top-level ancestor. */
function pillarsOf(compiled: CompiledCriteria): Map<string, string> {
  const pillar = new Map<string, string>();
  const walk = (nodes: readonly CompiledNode[], root: string): void => {
    for (const node of nodes) {
      pillar.set(node.code, root);
      walk(node.children, root);
    }
  };
  for (const root of compiled.roots) {
    pillar.set(root.code, root.code);
    walk(root.children, root.code);
  }
  return pillar;
}

/** The flags of a leaf that does not discriminate: every unit at the same points (2 units at least). */
function sameEverywhere(observations: readonly Observation[]): LeafFlagKind | undefined {
  const values = observations.flatMap((o) => (o.value === null ? [] : [o]));
  if (values.length < 2 || !values.every((o) => compareExact(o.value!, values[0]!.value!) === 0)) return undefined;
  if (values.every((o) => o.atFull)) return 'all-full';
  return isZero(values[0]!.value!) ? 'all-zero' : 'constant';
}

function describeCohort(compiled: CompiledCriteria, pillars: ReadonlyMap<string, string>, level: string | null, group: string | null, units: readonly UnitResult[]): CohortDescription {
  const codes = treeOrder(compiled).filter((code) => {
    const node = compiled.byCode.get(code)!;
    if (node.leaf !== undefined && !node.leaf.rule.scored) return false;
    const results = units.map((unit) => unit.nodes[code]).filter((result): result is NodeResult => result !== undefined);
    return results.length > 0 && results.some((result) => result.status !== 'info');
  });
  /** Each node's values over every unit of the cohort (`null` where it does not apply or count), and its observations where it applies. */
  const columns = new Map<string, (ExactValue | null)[]>();
  const observed = new Map<string, Observation[]>();
  for (const code of codes) {
    const leaf = compiled.byCode.get(code)!.leaf !== undefined;
    const column: (ExactValue | null)[] = [];
    const observations: Observation[] = [];
    for (const unit of units) {
      const node = unit.nodes[code];
      const value = node === undefined ? null : exact(leaf ? node.points : node.index);
      column.push(value);
      if (node !== undefined) observations.push({ value, atFull: atFull(node), status: node.status });
    }
    columns.set(code, column);
    observed.set(code, observations);
  }
  const indexColumn = units.map((unit) => exact(unit.index));

  const nodes: NodeDescription[] = codes.map((code) => {
    const leaf = compiled.byCode.get(code)!.leaf !== undefined;
    const observations = observed.get(code)!;
    const distribution = distributionOf(observations);
    const pillar = pillars.get(code)!;
    if (!leaf) return { code, kind: 'aggregate', measure: 'index', pillar, units: observations.length, ...distribution, flags: [] };
    const flags: LeafFlagKind[] = [];
    const same = sameEverywhere(observations);
    if (same !== undefined) flags.push(same);
    let pillarCorrelation: number | null | undefined;
    if (pillar !== code && columns.has(pillar)) {
      const [x, y] = completePairs(columns.get(code)!, columns.get(pillar)!);
      pillarCorrelation = pearsonOf(x.map((v) => v.number), y.map((v) => v.number));
      if (pillarCorrelation !== null && pillarCorrelation < 0) flags.push('negative-pillar-correlation');
    }
    return { code, kind: 'leaf', measure: 'points', pillar, units: observations.length, ...distribution, ...(pillarCorrelation !== undefined ? { pillarCorrelation } : {}), flags };
  });

  const counted = nodes.filter((node) => node.n > 0);
  const leaves = counted.filter((node) => node.kind === 'leaf');
  const roots = counted.filter((node) => node.kind === 'aggregate' && node.pillar === node.code);
  const variables: CorrelationVariable[] = [
    ...leaves.map((node) => ({ kind: 'leaf' as const, code: node.code })),
    ...roots.map((node) => ({ kind: 'pillar' as const, code: node.code })),
    { kind: 'index', code: null },
  ];
  const correlations = correlationMatrix(variables, variables.map((variable) => (variable.code === null ? indexColumn : columns.get(variable.code)!)));
  const alpha: PillarAlpha[] = roots.map((root) => {
    const items = leaves.filter((node) => node.pillar === root.code).map((node) => columns.get(node.code)!);
    const complete = units.map((_, u) => u).filter((u) => items.length > 0 && items.every((item) => item[u] !== null));
    return { code: root.code, items: items.length, n: complete.length, alpha: alphaOf(items.map((item) => complete.map((u) => item[u]!.number))) };
  });
  const index = distributionOf(units.map((unit, u) => ({
    value: indexColumn[u] ?? null,
    atFull: unit.index !== null && sameDecimal(unit.points, unit.maxPoints),
    status: unit.index === null ? 'not-applicable' : 'scored',
  })));
  const flags = nodes.flatMap((node) => node.flags.map((flag) => ({ code: node.code, flag })));
  return { level, group, units: units.length, index, nodes, correlations, alpha, flags };
}

/**
 * Describes a results report for analysis, cohort by cohort (by default the
 * units ranked together: each level, or level and group, as the set ranks):
 * for each scored node, how its figure is spread (see {@link Distribution}:
 * n, missing, not applicable, min, quartiles, max, mean, standard deviation,
 * skewness, the share at full points and at zero), a leaf by its points and
 * an aggregate by its index; the same for the units' index; correlations
 * (Pearson and Spearman, pairwise complete) between the leaves, the pillars
 * (top-level nodes, by index) and the index; Cronbach's alpha of each
 * pillar's leaves; and flags for leaves that do not discriminate (every unit
 * at full points, at zero, or at the same points) or that correlate
 * negatively with their pillar.
 *
 * These statistics are analysis, never published scores: counts and order
 * statistics are exact (from the published decimals; quartiles are type 7,
 * R's default), the moments, correlations and alpha are float64. Under
 * `missing: "zero"` a missing value is a published 0 and counts in `n`
 * (its status is counted in `missing` too).
 *
 * Returns the issues instead of throwing: a set that did not score the
 * report (`compare/criteria-mismatch`), an unknown cohort (`schema/enum`).
 *
 * @param report - results as `scoreBatch` returns them or `parseScoreReport` reads them
 * @param criteria - the set that scored them (its stamp must match): the tree, the pillars
 * @param options - how units are grouped
 * @returns the description, or every problem
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeDescribeResults } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const units = [4, 2, 5, 0].map((n, i) => ({ id: `xa-${i}`, level: 'commune', values: { 'CQS.1.2': n, 'CQS.2.1': true } }));
 * const described = safeDescribeResults(scoreBatch(criteria, { units }), criteria);
 * if (described.ok) {
 *   const [communes] = described.value.cohorts;
 *   const leaf = communes?.nodes.find((node) => node.code === 'CQS.1.2');
 *   console.log([leaf?.n, leaf?.min, leaf?.q1, leaf?.median, leaf?.max, leaf?.atFull, leaf?.atZero]); // [4,"0.00","5.625","11.25","15.00",2,1]
 *   console.log(communes?.flags.find((flag) => flag.code === 'CQS.2.1')); // {"code":"CQS.2.1","flag":"all-full"}
 * }
 * ```
 * @category Describe
 */
export function safeDescribeResults(report: ScoreReport, criteria: CriteriaSet, options: DescribeOptions = {}): Result<Description> {
  const issues: Issue[] = [];
  if (options.cohort !== undefined && !COHORTS.includes(options.cohort)) issues.push(makeIssue('schema/enum', ['cohort'], { allowed: [...COHORTS] }));
  const { compiled, issues: stampIssues } = setOfReport(report.criteria, criteria);
  issues.push(...stampIssues);
  if (issues.length > 0 || compiled === undefined) return { ok: false, issues };
  const cohort = options.cohort ?? compiled.ranking.cohort;
  const pillars = pillarsOf(compiled);
  const cohorts = cohortsOf(report.results, cohort).map(({ level, group, units }) => describeCohort(compiled, pillars, level, group, units));
  return { ok: true, value: { criteria: report.criteria, cohort, cohorts } };
}

/**
 * Like {@link safeDescribeResults}, but returns the description or throws a
 * `DtiError` listing every problem.
 *
 * @param report - results as `scoreBatch` returns them or `parseScoreReport` reads them
 * @param criteria - the set that scored them
 * @param options - how units are grouped
 * @returns the description
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { describeResults } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const units = [[10, 4], [6, 1], [9, 3], [2, 2]].map(([n, d], i) => ({ id: `q-${i}`, level: 'district', values: { 'CQS.1.3': { numerator: n, denominator: 10 }, 'CQS.1.2': d } }));
 * const [districts] = describeResults(scoreBatch(criteria, { units }), criteria).cohorts;
 * const at = (code: string): number => districts!.correlations.variables.findIndex((v) => v.code === code);
 * console.log(districts?.correlations.spearman[at('CQS.1.3')]?.[at('CQS.1.2')]); // 0.8
 * console.log(districts?.index.median); // 0.02255
 * ```
 * @category Describe
 */
export function describeResults(report: ScoreReport, criteria: CriteriaSet, options: DescribeOptions = {}): Description {
  const described = safeDescribeResults(report, criteria, options);
  if (!described.ok) throw new DtiError(described.issues);
  return described.value;
}
