/**
 * The criteria tree flattened for one atom (a level, or level/group), read
 * straight from the criteria JSON (not from the library's compiled form), so
 * the float and scaled-integer paths below are independent re-implementations
 * of spec sections 3 to 6.
 */
import type { CriteriaNode, CriteriaSet, LevelScope, PerLevel } from '../src/index.js';

/** A rule as written in the JSON (the bench reads the fields it needs). */
export interface RawRule {
  readonly kind: string;
  readonly [field: string]: unknown;
}

/** A node that applies to the atom, in pre-order (a parent before its children). */
export interface PlanNode {
  readonly code: string;
  /** Index of the parent in `nodes`, -1 for a top-level node. */
  readonly parent: number;
  readonly children: readonly number[];
  /** Leaves only: slot in `leaves`. */
  readonly leafSlot: number;
  /** Aggregates only: the cap for the atom's level, as written. */
  readonly cap: string | undefined;
}

export interface PlanLeaf {
  readonly code: string;
  readonly node: number;
  readonly kind: string;
  readonly rule: RawRule;
  /** `P` for the atom's level, as written (decimal text); "0" for info. */
  readonly points: string;
  readonly allowNA: boolean;
}

export interface Plan {
  readonly atom: string;
  readonly level: string;
  readonly nodes: readonly PlanNode[];
  readonly leaves: readonly PlanLeaf[];
  readonly leafByCode: ReadonlyMap<string, number>;
  readonly roots: readonly number[];
}

export function levelOfAtom(atom: string): string {
  return atom.split('/')[0] ?? atom;
}

export function atomOf(level: string, group: string | null | undefined): string {
  return group ? `${level}/${group}` : level;
}

function allAtoms(set: CriteriaSet): Set<string> {
  const atoms = new Set<string>();
  for (const level of set.levels) {
    if (!level.groups || level.groups.length === 0) atoms.add(level.id);
    else for (const group of level.groups) atoms.add(atomOf(level.id, group.id));
  }
  return atoms;
}

function scopeOf(set: CriteriaSet, appliesTo: readonly LevelScope[]): Set<string> {
  const all = allAtoms(set);
  const out = new Set<string>();
  for (const entry of appliesTo) {
    if (typeof entry === 'string') {
      for (const atom of all) if (levelOfAtom(atom) === entry) out.add(atom);
    } else {
      for (const group of entry.groups) out.add(atomOf(entry.level, group));
    }
  }
  return out;
}

function perLevel(value: PerLevel | undefined, level: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const v = value[level];
  return v === undefined ? undefined : String(v);
}

/** Flattens the tree for `atom`: only the nodes that apply, in tree order. */
export function buildPlan(set: CriteriaSet, atom: string): Plan {
  const level = levelOfAtom(atom);
  const nodes: PlanNode[] = [];
  const leaves: PlanLeaf[] = [];
  const leafByCode = new Map<string, number>();
  const roots: number[] = [];

  const visit = (node: CriteriaNode, parent: number, parentScope: ReadonlySet<string>): number => {
    const scope = node.appliesTo === undefined ? new Set(parentScope) : new Set([...scopeOf(set, node.appliesTo)].filter((a) => parentScope.has(a)));
    if (!scope.has(atom)) return -1;
    const index = nodes.length;
    const children: number[] = [];
    if (node.rule) {
      const slot = leaves.length;
      const rule = node.rule as unknown as RawRule;
      leaves.push({ code: node.code, node: index, kind: rule.kind, rule, points: perLevel(node.points, level) ?? '0', allowNA: node.allowNA ?? false });
      leafByCode.set(node.code, slot);
      nodes.push({ code: node.code, parent, children, leafSlot: slot, cap: undefined });
      return index;
    }
    nodes.push({ code: node.code, parent, children, leafSlot: -1, cap: perLevel(node.cap, level) });
    for (const child of node.children ?? []) {
      const c = visit(child, index, scope);
      if (c >= 0) children.push(c);
    }
    return index;
  };
  const all = allAtoms(set);
  for (const root of set.nodes) {
    const r = visit(root, -1, all);
    if (r >= 0) roots.push(r);
  }
  return { atom, level, nodes, leaves, leafByCode, roots };
}
