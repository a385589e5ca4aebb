// Internal: selecting and ordering the units and nodes a chart or a report shows.
import { Dec, divideRounded, toFixed } from '../decimal.js';
import { pick } from '../format/localized.js';
import type { CriteriaNode, CriteriaSet, Group, Level } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';

/** The language of charts and reports. */
export type Lang = 'vi' | 'en';

/** `true` when the set ranks within level and group. */
export function ranksByGroup(criteria: CriteriaSet): boolean {
  return criteria.ranking?.cohort === 'level+group';
}

/** Index decimals of the set (default 4). */
export function indexPlaces(criteria: CriteriaSet): number {
  return criteria.rounding?.index ?? 4;
}

/** The level declared with `id`, or an error naming the levels there are. */
export function findLevel(criteria: CriteriaSet, id: string): Level {
  const level = criteria.levels.find((l) => l.id === id);
  if (!level) throw new RangeError(`unknown level "${id}"; the set has: ${criteria.levels.map((l) => l.id).join(', ')}`);
  return level;
}

/** The group `id` of `level`, or an error. */
export function findGroup(level: Level, id: string): Group {
  const group = level.groups?.find((g) => g.id === id);
  if (!group) throw new RangeError(`unknown group "${id}" of level "${level.id}"; it has: ${(level.groups ?? []).map((g) => g.id).join(', ') || 'none'}`);
  return group;
}

/**
 * Units of a level (and group), ordered for display: by group (in the set's
 * order) when the set ranks within groups and no group is chosen, then by
 * rank (unranked last), then in report order (the scorer's own tie order).
 */
export function cohortUnits(report: ScoreReport, criteria: CriteriaSet, level: string, group: string | null | undefined): UnitResult[] {
  const levelDef = findLevel(criteria, level);
  if (group !== undefined && group !== null) findGroup(levelDef, group);
  const groupOrder = new Map((levelDef.groups ?? []).map((g, i) => [g.id, i]));
  const byGroup = ranksByGroup(criteria) && (group === undefined || group === null);
  const units = report.results.filter((r) => r.level === level && (group === undefined || group === null || r.group === group));
  const last = Number.MAX_SAFE_INTEGER;
  const groupKey = (r: UnitResult): number => (byGroup && r.group !== null ? (groupOrder.get(r.group) ?? last) : byGroup ? last : 0);
  return [...units].sort((a, b) => groupKey(a) - groupKey(b) || (a.rank ?? last) - (b.rank ?? last));
}

/** A node of the tree with its depth (1 = top level) and its parent's code. */
export interface NodeInfo {
  readonly node: CriteriaNode;
  readonly depth: number;
  readonly parent: string | null;
}

const nodeCache = new WeakMap<CriteriaSet, ReadonlyMap<string, NodeInfo>>();

/** Every node of the set by code, in tree order. */
export function nodesByCode(criteria: CriteriaSet): ReadonlyMap<string, NodeInfo> {
  const hit = nodeCache.get(criteria);
  if (hit) return hit;
  const out = new Map<string, NodeInfo>();
  const walk = (nodes: readonly CriteriaNode[], depth: number, parent: string | null): void => {
    for (const node of nodes) {
      out.set(node.code, { node, depth, parent });
      if (node.children) walk(node.children, depth + 1, node.code);
    }
  };
  walk(criteria.nodes, 1, null);
  nodeCache.set(criteria, out);
  return out;
}

/**
 * The aggregate nodes at `depth` (1: pillars, 2: main indices), in tree order,
 * that count for at least one of `units` (present in its results and not an
 * `info`-only node such as an unscored smart-city block).
 */
export function axisNodes(criteria: CriteriaSet, units: readonly UnitResult[], depth: 1 | 2): { code: string; node: CriteriaNode; parent: string | null }[] {
  const out: { code: string; node: CriteriaNode; parent: string | null }[] = [];
  for (const [code, info] of nodesByCode(criteria)) {
    if (info.depth !== depth || !info.node.children) continue;
    if (units.some((u) => { const n = u.nodes[code]; return n !== undefined && n.status !== 'info'; })) out.push({ code, node: info.node, parent: info.parent });
  }
  return out;
}

/** The name of a node in `lang`, or its code when unknown. */
export function nodeName(criteria: CriteriaSet, code: string, lang: Lang): string {
  const info = nodesByCode(criteria).get(code);
  return info ? pick(info.node.name, lang) : code;
}

/** The index of `code` for a unit: `null` when the node is absent, does not count, or has no index. */
export function nodeIndex(unit: UnitResult, code: string): string | null {
  const node = unit.nodes[code];
  if (!node || node.status === 'info') return null;
  return node.index ?? null;
}

/** Units of the same ranking cohort as `unit` (same level; same group when the set ranks within groups). */
export function peersOf(report: ScoreReport, criteria: CriteriaSet, unit: UnitResult): UnitResult[] {
  const byGroup = ranksByGroup(criteria);
  return report.results.filter((r) => r.level === unit.level && (!byGroup || r.group === unit.group));
}

/**
 * The arithmetic mean of the reported index of `code` over `units` that have
 * one, computed exactly and rounded once, half-up, to `places` decimals.
 */
export function averageIndex(units: readonly UnitResult[], code: string, places: number): { value: string | null; count: number } {
  let sum = new Dec(0);
  let count = 0;
  for (const unit of units) {
    const value = nodeIndex(unit, code);
    if (value === null) continue;
    sum = sum.plus(value);
    count += 1;
  }
  if (count === 0) return { value: null, count: 0 };
  return { value: toFixed(divideRounded(sum, new Dec(count), places), places), count };
}

const averageCache = new WeakMap<ScoreReport, Map<string, { value: string | null; count: number }>>();
const peerCache = new WeakMap<ScoreReport, Map<string, UnitResult[]>>();

/**
 * {@link averageIndex} of `code` over the ranking cohort of `unit` in `report`
 * (see {@link peersOf}); cached per report, so a report of thousands of units
 * computes each cohort's averages once.
 */
export function cohortAverage(report: ScoreReport, criteria: CriteriaSet, unit: UnitResult, code: string): { value: string | null; count: number; peers: number } {
  const byGroup = ranksByGroup(criteria);
  const places = indexPlaces(criteria);
  const cohortKey = `${unit.level}\u0000${byGroup ? (unit.group ?? '') : ''}`;
  let peersByCohort = peerCache.get(report);
  if (!peersByCohort) peerCache.set(report, (peersByCohort = new Map()));
  let peers = peersByCohort.get(cohortKey);
  if (!peers) peersByCohort.set(cohortKey, (peers = peersOf(report, criteria, unit)));
  let averages = averageCache.get(report);
  if (!averages) averageCache.set(report, (averages = new Map()));
  const key = `${cohortKey}\u0000${code}\u0000${places}`;
  let hit = averages.get(key);
  if (!hit) averages.set(key, (hit = averageIndex(peers, code, places)));
  return { ...hit, peers: peers.length };
}

/** "Level · group" label of a cohort. */
export function cohortLabel(criteria: CriteriaSet, level: string, group: string | null | undefined, lang: Lang): string {
  const levelDef = findLevel(criteria, level);
  const levelName = pick(levelDef.name, lang);
  if (group === undefined || group === null) return levelName;
  const groupDef = findGroup(levelDef, group);
  return `${levelName} · ${lang === 'en' ? 'group' : 'nhóm'} ${group}: ${pick(groupDef.name, lang)}`;
}

/** Short "level · group A" label of a cohort. */
export function cohortShortLabel(criteria: CriteriaSet, level: string, group: string | null | undefined, lang: Lang): string {
  const levelName = pick(findLevel(criteria, level).name, lang);
  return group === undefined || group === null ? levelName : `${levelName} · ${lang === 'en' ? 'group' : 'nhóm'} ${group}`;
}

/** The display name of a unit: its name, else its id. */
export function unitName(unit: UnitResult): string {
  return unit.name ?? unit.unit;
}

/** The rating's name in `lang`, or `—`. */
export function ratingName(criteria: CriteriaSet, rating: string | null, lang: Lang): string {
  if (rating === null) return '—';
  const def = (criteria.ratings ?? []).find((r) => r.id === rating);
  return def ? pick(def.name, lang) : rating;
}

/** A decimal as written in the set (`0.9`), for thresholds. */
export function plainDecimal(value: string | number): string {
  return new Dec(String(value)).toString();
}
