import fc from 'fast-check';
import type { CriteriaNode, CriteriaSet, UnitSubmission } from '../../src/index.js';

/** A leaf with where it applies, read straight from the criteria JSON. */
export interface LeafInfo {
  readonly node: CriteriaNode;
  readonly atoms: ReadonlySet<string>;
}

function atomsOf(set: CriteriaSet, scope: CriteriaNode['appliesTo'], parent: ReadonlySet<string>): Set<string> {
  if (!scope) return new Set(parent);
  const out = new Set<string>();
  for (const entry of scope) {
    const level = typeof entry === 'string' ? entry : entry.level;
    const def = set.levels.find((l) => l.id === level);
    const groups = typeof entry === 'string' ? (def?.groups?.map((g) => g.id) ?? []) : entry.groups;
    const atoms = groups.length === 0 ? [level] : groups.map((g) => `${level}/${g}`);
    for (const atom of atoms) if (parent.has(atom)) out.add(atom);
  }
  return out;
}

/** Every leaf of a set with the level/group atoms it applies to. */
export function leavesOf(set: CriteriaSet): LeafInfo[] {
  const all = new Set<string>();
  for (const level of set.levels) {
    if (level.groups?.length) for (const g of level.groups) all.add(`${level.id}/${g.id}`);
    else all.add(level.id);
  }
  const out: LeafInfo[] = [];
  const walk = (nodes: readonly CriteriaNode[], parent: ReadonlySet<string>): void => {
    for (const node of nodes) {
      const atoms = atomsOf(set, node.appliesTo, parent);
      if (node.rule) out.push({ node, atoms });
      if (node.children) walk(node.children, atoms);
    }
  };
  walk(set.nodes, all);
  return out;
}

function pointsAt(node: CriteriaNode, level: string): number {
  const p = node.points;
  if (p === undefined) return 0;
  if (typeof p === 'string' || typeof p === 'number') return Number(p);
  return Number(p[level] ?? 0);
}

const decimalText = (min: number, max: number, scale = 100): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => (n / scale).toFixed(String(scale).length - 1));

/** The bounds a leaf that takes a number puts on its values (spec §9): its `range`, `[0, 1]` for a `%` leaf. */
export function domainOf(node: CriteriaNode): { min: number | undefined; max: number | undefined } {
  const percent = node.unit === '%';
  const min = node.range !== undefined ? (node.range.min === undefined ? undefined : Number(node.range.min)) : percent ? 0 : undefined;
  const max = node.range !== undefined ? (node.range.max === undefined ? undefined : Number(node.range.max)) : percent ? 1 : undefined;
  return { min, max };
}

/** `[low, high]` narrowed to the leaf's domain. */
function within(node: CriteriaNode, low: number, high: number): [number, number] {
  const { min, max } = domainOf(node);
  return [min === undefined ? low : Math.max(low, min), max === undefined ? high : Math.min(high, max)];
}

/** A value of the right shape for a leaf at a level: valid by construction. */
export function valueFor(node: CriteriaNode, level: string): fc.Arbitrary<unknown> {
  const rule = node.rule!;
  const bounded = domainOf(node).max !== undefined || domainOf(node).min !== undefined;
  switch (rule.kind) {
    case 'boolean':
      return fc.boolean();
    case 'ratio':
      return fc.integer({ min: 0, max: 500 }).chain((d) =>
        fc.integer({ min: 0, max: rule.allowOver ? d * 2 + 1 : d }).map((n) => ({ numerator: n, denominator: d })),
      );
    case 'linear':
      return decimalText(...within(node, Math.min(Number(rule.from), Number(rule.to)) - 1, Math.max(Number(rule.from), Number(rule.to)) + 1), 1000);
    case 'bands':
      return fc.oneof(
        bounded ? decimalText(...within(node, 0, 6000), 1000) : fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 1, max: 1000 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => ({ numerator: n, denominator: d }))),
      );
    case 'count': {
      const [min, max] = within(node, 0, 30);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    }
    case 'choice':
      return fc.constantFrom(...rule.options.map((o) => o.id));
    case 'checklist':
      return fc.subarray(rule.items.map((i) => i.id));
    case 'relative':
      return bounded ? decimalText(...within(node, 0, 50), 1000) : fc.integer({ min: 0, max: 50 });
    case 'appraised':
      return decimalText(0, pointsAt(node, level), 4);
    case 'info':
      return fc.integer({ min: 0, max: 1000 });
  }
}

/** One unit of `atom` with a valid value, `"n/a"` (where allowed) or nothing for each leaf. */
export function unitFor(set: CriteriaSet, atom: string, id: string): fc.Arbitrary<UnitSubmission> {
  const [level, group] = atom.split('/') as [string, string | undefined];
  const leaves = leavesOf(set).filter((leaf) => leaf.atoms.has(atom));
  const entries = leaves.map((leaf) =>
    fc.oneof(
      { weight: 8, arbitrary: valueFor(leaf.node, level).map((v) => [leaf.node.code, v] as const) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: leaf.node.allowNA ? 1 : 0, arbitrary: fc.constant([leaf.node.code, 'n/a'] as const) },
    ),
  );
  return fc.tuple(...entries).map((pairs) => ({
    id,
    level,
    ...(group ? { group } : {}),
    values: Object.fromEntries(pairs.filter((p): p is readonly [string, unknown] => p !== undefined)),
  }));
}

/** A batch of 1..n units at random atoms of the set. */
export function batchFor(set: CriteriaSet, maxUnits = 8): fc.Arbitrary<UnitSubmission[]> {
  const atoms = [...new Set(leavesOf(set).flatMap((l) => [...l.atoms]))];
  return fc
    .array(fc.constantFrom(...atoms), { minLength: 1, maxLength: maxUnits })
    .chain((chosen) => fc.tuple(...chosen.map((atom, i) => unitFor(set, atom, `u${i}`))));
}
