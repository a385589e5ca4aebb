import { appendAll } from '../limits.js';
import { canonicalJson } from '../canonical/canonical-json.js';
import { criteriaHash } from '../compile/criteria-hash.js';
import { Dec } from '../decimal.js';
import { nodeMaximum, type Atom, type CompiledCriteria, type CompiledNode } from '../compile/compiled.js';
import type { Localized } from '../format/localized.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import type { Rule } from '../rules/registry.js';
import { matchNodes, sameRule, samePoints } from './match-nodes.js';

/** What happened to a node between two versions of a set. */
export type NodeChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** A leaf (has a `rule`) or an aggregate (has `children`). */
export type NodeKind = 'leaf' | 'aggregate';

/** Which set a side of the diff is: its id, version and the sha256 of its canonical JSON. */
export interface DiffStamp {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

/** A group of a level, named by both ids. */
export interface GroupRef {
  readonly level: string;
  readonly group: string;
}

/**
 * Levels and groups present in only one of the two sets. Groups are listed
 * only for levels both sets have: a level added or removed takes its groups
 * with it.
 */
export interface LevelsDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly groups: { readonly added: readonly GroupRef[]; readonly removed: readonly GroupRef[] };
}

/** A per-level decimal (points or cap) before and after; `null` where there is none. */
export interface LevelValueChange {
  readonly level: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** A leaf's rule before and after, with the names of the fields (other than `kind`) that differ, sorted. */
export interface RuleChange {
  readonly from: Rule;
  readonly to: Rule;
  readonly kindChanged: boolean;
  readonly fields: readonly string[];
}

/**
 * What differs for one node. Every key is optional: only what changed is present.
 * For an added node, `points` (from `null`) and `appliesTo.added` describe the
 * new node; for a removed node, `points` (to `null`) and `appliesTo.removed`
 * describe the old one.
 */
export interface NodeDetails {
  /** The node turned from a leaf into an aggregate or back. */
  readonly kind?: { readonly from: NodeKind; readonly to: NodeKind };
  readonly name?: { readonly from: Localized; readonly to: Localized };
  /** The node sits under another parent (`null`: top level). */
  readonly parent?: { readonly from: string | null; readonly to: string | null };
  /** Level/group atoms (`"commune"`, `"department/A"`) gained and lost, on the levels and groups both sets have. */
  readonly appliesTo?: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Leaf points per level, on the levels both sets have, where they differ. */
  readonly points?: readonly LevelValueChange[];
  /** Aggregate caps per level, on the levels both sets have, where they differ. */
  readonly cap?: readonly LevelValueChange[];
  readonly rule?: RuleChange;
  readonly allowNA?: { readonly from: boolean; readonly to: boolean };
}

/** One node that differs between the two sets. */
export interface NodeChange {
  readonly change: NodeChangeKind;
  /** The node's code in the newer set (in the older set for a removed node). */
  readonly code: string;
  /** The older code of a renamed node (matched through `aliases`). */
  readonly formerCode?: string;
  readonly kind: NodeKind;
  /** The node's name in the newer set (in the older set for a removed node). */
  readonly name: Localized;
  readonly details: NodeDetails;
}

/** The maximum a unit of a level (and group) can reach, before and after; `null` where the level or group does not exist. */
export interface TotalChange {
  readonly level: string;
  readonly group: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** How many nodes of each kind of change the diff lists. */
export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly renamed: number;
  readonly changed: number;
}

/** The difference between two versions of a criteria set: plain JSON data, decimals as strings. */
export interface CriteriaDiff {
  readonly from: DiffStamp;
  readonly to: DiffStamp;
  readonly levels: LevelsDiff;
  /** In the newer set's tree order, then the removed nodes in the older set's order. */
  readonly nodes: readonly NodeChange[];
  /** One row per level (and group) of either set, in a merged level order. */
  readonly totals: readonly TotalChange[];
  readonly summary: DiffSummary;
}

/**
 * An ordered union: `b`'s order, with each item only in `a` inserted right after
 * the item that precedes it in `a` (so a removed level shows where it was).
 */
function mergeOrder(a: readonly string[], b: readonly string[]): string[] {
  const out = [...b];
  let at = 0;
  for (const item of a) {
    const i = out.indexOf(item);
    if (i >= 0) at = i + 1;
    else out.splice(at++, 0, item);
  }
  return out;
}

/** The atoms of a compiled set, level by level, in the set's order. */
function atomsOf(compiled: CompiledCriteria, level: string): string[] {
  const groups = compiled.levels.get(level);
  if (!groups) return [];
  return groups.size === 0 ? [level] : [...groups].map((g) => `${level}/${g}`);
}


function totalFor(compiled: CompiledCriteria, atom: Atom): string {
  return compiled.roots.reduce((acc, root) => acc.plus(nodeMaximum(root, atom) ?? 0), new Dec(0)).toString();
}

function stamp(set: CriteriaSet): DiffStamp {
  return { id: set.id, version: set.version, sha256: criteriaHash(set) };
}

function localized(text: Localized): Localized {
  return text.en === undefined ? { vi: text.vi } : { vi: text.vi, en: text.en };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type MutableDetails = { -readonly [K in keyof NodeDetails]?: NonNullable<NodeDetails[K]> };

const kindOf = (node: CompiledNode): NodeKind => (node.leaf ? 'leaf' : 'aggregate');

function parentMap(compiled: CompiledCriteria): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  const walk = (nodes: readonly CompiledNode[], parent: string | null): void => {
    for (const node of nodes) {
      parents.set(node.code, parent);
      walk(node.children, node.code);
    }
  };
  walk(compiled.roots, null);
  return parents;
}

function perLevelChanges(
  levels: readonly string[],
  a: ReadonlyMap<string, Dec> | undefined,
  b: ReadonlyMap<string, Dec> | undefined,
  same: (level: string) => boolean,
): LevelValueChange[] {
  const out: LevelValueChange[] = [];
  for (const level of levels) {
    const pa = a?.get(level);
    const pb = b?.get(level);
    if (pa === undefined && pb === undefined) continue;
    if (same(level)) continue;
    out.push({ level, from: pa?.toString() ?? null, to: pb?.toString() ?? null });
  }
  return out;
}

function ruleFields(a: Rule, b: Rule): string[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const text = (r: Record<string, unknown>, key: string): string | undefined => (r[key] === undefined ? undefined : canonicalJson(r[key]));
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => k !== 'kind').sort();
  return keys.filter((key) => text(ra, key) !== text(rb, key));
}

/**
 * Compares two versions of a criteria set (`dti criteria diff <a> <b>`): levels
 * and groups added or removed, every node added, removed, renamed (matched
 * through `aliases`) or changed, and the maximum per level and group before and
 * after. Both sets must be valid (throws a `DtiError` otherwise).
 *
 * Decisions:
 * - A matched node is compared on what scores: points, rule, `allowNA`, cap,
 *   applicability, plus its name and its parent. Description, evidence,
 *   source and unit are wording, not listed.
 * - Points, caps and applicability are compared on the levels (and groups)
 *   both sets have; a level or group present in one set only is reported once,
 *   under `levels`, and in `totals`, not again on every node.
 * - Applicability is the effective scope (inherited from the parents), as
 *   atoms: `"commune"`, `"department/A"`.
 * - An aggregate is listed when added, removed, renamed, moved, renamed in
 *   words, or when its applicability or cap changed; a change of its maximum
 *   that comes from its children only shows through the leaves and `totals`.
 * - Decimals are plain decimal strings (`"70"`, `"0.5"`), exact.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { diffCriteria } from 'dti-criteria';
 * const diff = diffCriteria(getCriteria('can-tho@2022.1.0'), getCriteria('can-tho@2023.1.0'));
 * console.log(diff.summary); // {"added":1,"removed":1,"renamed":1,"changed":3}
 * const renamed = diff.nodes.find((n) => n.change === 'renamed');
 * console.log(`${renamed?.formerCode} → ${renamed?.code}`); // KTS.1.4 → KTS.3.5
 * console.log(diff.nodes.find((n) => n.code === 'XHS.1.1')?.details.points); // [{"level":"commune","from":"70","to":"80"}]
 * console.log(diff.totals.map((t) => t.to).join(' ')); // 1000 600 500 1000 1000
 * ```
 */
export function diffCriteria(from: CriteriaSet, to: CriteriaSet): CriteriaDiff {
  const a = compileCriteria(from);
  const b = compileCriteria(to);

  // Levels and groups.
  const levelIdsA = [...a.levels.keys()];
  const levelIdsB = [...b.levels.keys()];
  const levelOrder = mergeOrder(levelIdsA, levelIdsB);
  const groupsAdded: GroupRef[] = [];
  const groupsRemoved: GroupRef[] = [];
  for (const level of levelOrder) {
    const ga = a.levels.get(level);
    const gb = b.levels.get(level);
    if (!ga || !gb) continue;
    for (const group of mergeOrder([...ga], [...gb])) {
      if (!ga.has(group)) groupsAdded.push({ level, group });
      else if (!gb.has(group)) groupsRemoved.push({ level, group });
    }
  }
  const levels: LevelsDiff = {
    added: levelIdsB.filter((l) => !a.levels.has(l)),
    removed: levelIdsA.filter((l) => !b.levels.has(l)),
    groups: { added: groupsAdded, removed: groupsRemoved },
  };

  // Atoms, in a merged order; the shared ones are where nodes are compared.
  const atomOrder: string[] = [];
  for (const level of levelOrder) appendAll(atomOrder, mergeOrder(atomsOf(a, level), atomsOf(b, level)));
  const atomsA = new Set(levelIdsA.flatMap((l) => atomsOf(a, l)));
  const atomsB = new Set(levelIdsB.flatMap((l) => atomsOf(b, l)));
  const sharedLevels = levelOrder.filter((l) => a.levels.has(l) && b.levels.has(l));
  const sharedAtoms = atomOrder.filter((atom) => atomsA.has(atom) && atomsB.has(atom));

  // Nodes.
  const pairs = matchNodes(from, to);
  const counterpartInA = new Map<string, string>();
  for (const pair of pairs) if (pair.a && pair.b) counterpartInA.set(pair.b.code, pair.a.code);
  const parentsA = parentMap(a);
  const parentsB = parentMap(b);

  const nodes: NodeChange[] = [];
  for (const { a: na, b: nb, via } of pairs) {
    if (nb && !na) {
      const details: MutableDetails = {};
      if (nb.leaf && nb.leaf.points.size > 0) details.points = perLevelChanges(levelOrder, undefined, nb.leaf.points, () => false);
      details.appliesTo = { added: atomOrder.filter((atom) => nb.scope.has(atom)), removed: [] };
      nodes.push({ change: 'added', code: nb.code, kind: kindOf(nb), name: localized(nb.node.name), details });
      continue;
    }
    if (na && !nb) {
      const details: MutableDetails = {};
      if (na.leaf && na.leaf.points.size > 0) details.points = perLevelChanges(levelOrder, na.leaf.points, undefined, () => false);
      details.appliesTo = { added: [], removed: atomOrder.filter((atom) => na.scope.has(atom)) };
      nodes.push({ change: 'removed', code: na.code, kind: kindOf(na), name: localized(na.node.name), details });
      continue;
    }
    if (!na || !nb) continue;

    const details: MutableDetails = {};
    if (kindOf(na) !== kindOf(nb)) details.kind = { from: kindOf(na), to: kindOf(nb) };
    if (na.node.name.vi !== nb.node.name.vi || na.node.name.en !== nb.node.name.en) {
      details.name = { from: localized(na.node.name), to: localized(nb.node.name) };
    }
    const parentA = parentsA.get(na.code) ?? null;
    const parentB = parentsB.get(nb.code) ?? null;
    const parentBInA = parentB === null ? null : (counterpartInA.get(parentB) ?? undefined);
    if (parentBInA !== parentA) details.parent = { from: parentA, to: parentB };
    const added = sharedAtoms.filter((atom) => nb.scope.has(atom) && !na.scope.has(atom));
    const removed = sharedAtoms.filter((atom) => na.scope.has(atom) && !nb.scope.has(atom));
    if (added.length > 0 || removed.length > 0) details.appliesTo = { added, removed };
    if (na.leaf || nb.leaf) {
      const points = perLevelChanges(sharedLevels, na.leaf?.points, nb.leaf?.points, (level) => samePoints(na, nb, level));
      if (points.length > 0) details.points = points;
    }
    if (na.cap || nb.cap) {
      const same = (level: string): boolean => {
        const ca = na.cap?.get(level);
        const cb = nb.cap?.get(level);
        return ca !== undefined && cb !== undefined && ca.eq(cb);
      };
      const cap = perLevelChanges(sharedLevels, na.cap, nb.cap, same);
      if (cap.length > 0) details.cap = cap;
    }
    if (na.leaf && nb.leaf && !sameRule(na, nb)) {
      const ra = na.node.rule;
      const rb = nb.node.rule;
      if (ra && rb && canonicalJson(ra) !== canonicalJson(rb)) {
        details.rule = { from: clone(ra), to: clone(rb), kindChanged: ra.kind !== rb.kind, fields: ruleFields(ra, rb) };
      }
      if (na.leaf.allowNA !== nb.leaf.allowNA) details.allowNA = { from: na.leaf.allowNA, to: nb.leaf.allowNA };
    }

    const renamed = via === 'alias';
    if (!renamed && Object.keys(details).length === 0) continue;
    nodes.push({
      change: renamed ? 'renamed' : 'changed',
      code: nb.code,
      ...(renamed ? { formerCode: na.code } : {}),
      kind: kindOf(nb),
      name: localized(nb.node.name),
      details,
    });
  }

  // Totals per level and group.
  const totals: TotalChange[] = atomOrder.map((atom) => {
    const slash = atom.indexOf('/');
    return {
      level: slash < 0 ? atom : atom.slice(0, slash),
      group: slash < 0 ? null : atom.slice(slash + 1),
      from: atomsA.has(atom) ? totalFor(a, atom) : null,
      to: atomsB.has(atom) ? totalFor(b, atom) : null,
    };
  });

  const count = (change: NodeChangeKind): number => nodes.filter((n) => n.change === change).length;
  return {
    from: stamp(from),
    to: stamp(to),
    levels,
    nodes,
    totals,
    summary: { added: count('added'), removed: count('removed'), renamed: count('renamed'), changed: count('changed') },
  };
}

/**
 * `true` when a diff finds nothing: no level, group or node change and every
 * total the same (the sets may still differ in wording, metadata or version).
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { diffCriteria, isEmptyDiff } from 'dti-criteria';
 * const set = getCriteria('can-tho@2025.1.0');
 * console.log(isEmptyDiff(diffCriteria(set, set))); // true
 * console.log(isEmptyDiff(diffCriteria(getCriteria('can-tho@2022.1.0'), set))); // false
 * ```
 */
export function isEmptyDiff(diff: CriteriaDiff): boolean {
  return (
    diff.nodes.length === 0 &&
    diff.levels.added.length === 0 &&
    diff.levels.removed.length === 0 &&
    diff.levels.groups.added.length === 0 &&
    diff.levels.groups.removed.length === 0 &&
    diff.totals.every((t) => t.from === t.to)
  );
}
