import { Dec, readDecimal } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import { formatPath, type PathSegment } from '../path.js';
import { ruleKind } from '../rules/registry.js';
import { atomOf, levelOfAtom, nodeMaximum, type Atom, type CompiledCriteria, type CompiledLeaf, type CompiledNode } from './compiled.js';
import { criteriaSetSchema } from './criteria-schema.js';
import type { CriteriaNode, CriteriaSet, LevelScope, PerLevel } from './types.js';
import { fromZodIssues } from './zod-issues.js';
import { show } from '../rules/shared.js';

/** Deepest criteria tree accepted (real sets are 3 deep). */
export const MAX_TREE_DEPTH = 16;
/** Most nodes accepted in one set (real sets have about a hundred). */
export const MAX_NODES = 20_000;

function depthOf(nodes: unknown, depth: number): number {
  if (!Array.isArray(nodes) || depth > MAX_TREE_DEPTH + 1) return depth;
  let deepest = depth;
  for (const node of nodes) {
    if (node && typeof node === 'object' && 'children' in node) {
      deepest = Math.max(deepest, depthOf((node as { children: unknown }).children, depth + 1));
    }
  }
  return deepest;
}

function countNodes(nodes: unknown): number {
  if (!Array.isArray(nodes)) return 0;
  let total = 0;
  const stack: unknown[] = [...nodes];
  while (stack.length > 0 && total <= MAX_NODES) {
    const node = stack.pop();
    total += 1;
    if (node && typeof node === 'object' && 'children' in node && Array.isArray((node as { children: unknown }).children)) {
      stack.push(...((node as { children: unknown[] }).children));
    }
  }
  return total;
}

/**
 * Checks a criteria set against the format (schema and every cross-field rule
 * of the spec) and compiles it for scoring. Reports every problem at once.
 */
export function checkAndCompile(input: unknown): { issues: Issue[]; compiled?: CompiledCriteria } {
  if (input && typeof input === 'object' && 'nodes' in input) {
    const nodes = (input as { nodes: unknown }).nodes;
    if (depthOf(nodes, 1) > MAX_TREE_DEPTH) return { issues: [makeIssue('criteria/too-deep', 'nodes', { limit: MAX_TREE_DEPTH })] };
    if (countNodes(nodes) > MAX_NODES) return { issues: [makeIssue('input/too-large', 'nodes', { limit: `${MAX_NODES} nodes` })] };
  }
  const parsed = criteriaSetSchema.safeParse(input);
  if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues, input) };
  const set = input as CriteriaSet;
  const issues: Issue[] = [];
  const push = (code: Parameters<typeof makeIssue>[0], path: readonly PathSegment[], params: Record<string, string | number> = {}): void => {
    issues.push(makeIssue(code, formatPath(path), params));
  };

  // Levels and groups.
  const levels = new Map<string, Set<string>>();
  const allAtoms = new Set<Atom>();
  set.levels.forEach((level, li) => {
    if (levels.has(level.id)) push('criteria/duplicate-id', ['levels', li, 'id'], { id: level.id });
    const groups = new Set<string>();
    level.groups?.forEach((group, gi) => {
      if (groups.has(group.id)) push('criteria/duplicate-id', ['levels', li, 'groups', gi, 'id'], { id: group.id });
      groups.add(group.id);
    });
    levels.set(level.id, groups);
    if (groups.size === 0) allAtoms.add(level.id);
    for (const group of groups) allAtoms.add(atomOf(level.id, group));
  });
  const atomsOfLevel = (level: string): Atom[] => {
    const groups = levels.get(level);
    if (!groups) return [];
    return groups.size === 0 ? [level] : [...groups].map((g) => atomOf(level, g));
  };

  // Dates and ratings.
  if (set.effective.to !== null && set.effective.to < set.effective.from) push('criteria/effective-dates', ['effective', 'to']);
  const ratingIds = new Set<string>();
  let previous: Dec | undefined;
  (set.ratings ?? []).forEach((rating, ri) => {
    if (ratingIds.has(rating.id)) push('criteria/duplicate-id', ['ratings', ri, 'id'], { id: rating.id });
    ratingIds.add(rating.id);
    const min = readDecimal(rating.min) ?? new Dec(0);
    if (min.isNeg() || min.gt(1)) push('criteria/rating-range', ['ratings', ri, 'min']);
    if (previous !== undefined && !min.lt(previous)) push('criteria/ratings-order', ['ratings', ri, 'min']);
    previous = min;
  });

  // The tree.
  const byCode = new Map<string, CompiledNode>();
  const firstPath = new Map<string, string>();
  const aliases: { alias: string; path: PathSegment[] }[] = [];
  const leaves: CompiledNode[] = [];

  const scopeOf = (appliesTo: readonly LevelScope[], path: PathSegment[]): Set<Atom> => {
    const atoms = new Set<Atom>();
    appliesTo.forEach((entry, i) => {
      const level = typeof entry === 'string' ? entry : entry.level;
      const groups = levels.get(level);
      if (!groups) {
        push('criteria/unknown-level', typeof entry === 'string' ? [...path, i] : [...path, i, 'level'], { level });
        return;
      }
      if (typeof entry === 'string') {
        for (const atom of atomsOfLevel(level)) atoms.add(atom);
        return;
      }
      entry.groups.forEach((group, gi) => {
        if (!groups.has(group)) push('criteria/unknown-group', [...path, i, 'groups', gi], { group, level });
        else atoms.add(atomOf(level, group));
      });
    });
    return atoms;
  };

  const pointsPlaces = set.rounding?.points ?? 2;
  const checkPlaces = (d: Dec, path: PathSegment[]): void => {
    if (d.decimalPlaces() > pointsPlaces) push('criteria/precision', path, { places: pointsPlaces });
  };
  const perLevel = (value: PerLevel | undefined, scopeLevels: Set<string>, path: PathSegment[], what: 'points' | 'cap'): Map<string, Dec> => {
    const out = new Map<string, Dec>();
    if (value === undefined) return out;
    if (typeof value === 'string' || typeof value === 'number') {
      const d = readDecimal(value) ?? new Dec(0);
      checkPlaces(d, path);
      if (d.isNeg()) push('rule/negative', path);
      for (const level of scopeLevels) out.set(level, d);
      return out;
    }
    for (const [level, raw] of Object.entries(value)) {
      const d = readDecimal(raw) ?? new Dec(0);
      if (!levels.has(level)) { push('criteria/unknown-level', [...path, level], { level }); continue; }
      if (!scopeLevels.has(level)) {
        push(what === 'points' ? 'criteria/points-not-applicable' : 'criteria/cap-level', [...path, level], { level });
        continue;
      }
      checkPlaces(d, [...path, level]);
      if (d.isNeg()) push('rule/negative', [...path, level]);
      out.set(level, d);
    }
    return out;
  };

  const visit = (node: CriteriaNode, path: PathSegment[], parentScope: ReadonlySet<Atom>, parentCode: string | undefined): CompiledNode => {
    const at = formatPath(path);
    const seen = firstPath.get(node.code);
    if (seen !== undefined) push('criteria/duplicate-code', [...path, 'code'], { code: node.code, first: seen });
    else firstPath.set(node.code, at);
    if (parentCode !== undefined && !node.code.startsWith(`${parentCode}.`)) push('criteria/code-not-under-parent', [...path, 'code'], { code: node.code, parent: parentCode });
    node.aliases?.forEach((alias, i) => aliases.push({ alias, path: [...path, 'aliases', i] }));

    let scope: Set<Atom>;
    if (node.appliesTo !== undefined) {
      if (node.appliesTo.length === 0) push('criteria/applies-empty', [...path, 'appliesTo']);
      const declared = scopeOf(node.appliesTo, [...path, 'appliesTo']);
      const widened = [...declared].filter((atom) => !parentScope.has(atom));
      if (widened.length > 0) push('criteria/applies-widens', [...path, 'appliesTo'], { scope: widened.join(', ') });
      scope = new Set([...declared].filter((atom) => parentScope.has(atom)));
    } else {
      scope = new Set(parentScope);
    }
    if (scope.size === 0 && (node.appliesTo === undefined || node.appliesTo.length > 0)) push('criteria/no-levels-apply', path);
    const scopeLevels = new Set([...scope].map(levelOfAtom));

    const isLeaf = node.rule !== undefined;
    const isAggregate = node.children !== undefined;
    if (isLeaf === isAggregate) push('criteria/node-shape', path);

    let leaf: CompiledLeaf | undefined;
    let cap: Map<string, Dec> | undefined;
    let children: CompiledNode[] = [];
    if (isLeaf && !isAggregate && node.rule) {
      if (node.cap !== undefined) push('criteria/node-shape', [...path, 'cap']);
      const kind = ruleKind(node.rule.kind);
      let points = new Map<string, Dec>();
      if (!kind.scored) {
        if (node.points !== undefined) push('criteria/info-has-points', [...path, 'points']);
      } else {
        points = perLevel(node.points, scopeLevels, [...path, 'points'], 'points');
        for (const level of scopeLevels) if (!points.has(level)) push('criteria/missing-points', [...path, 'points'], { level });
        issues.push(...kind.check(node.rule, points, [...path, 'rule']));
      }
      leaf = { kind: node.rule.kind, rule: kind, compiled: kind.compile(node.rule), points, allowNA: node.allowNA ?? false };
    } else {
      if (node.points !== undefined) push('criteria/node-shape', [...path, 'points']);
      if (node.allowNA !== undefined) push('criteria/node-shape', [...path, 'allowNA']);
      if (node.children !== undefined && node.children.length === 0) push('schema/too-small', [...path, 'children'], { min: 1 });
      if (node.cap !== undefined) cap = perLevel(node.cap, scopeLevels, [...path, 'cap'], 'cap');
      children = (node.children ?? []).map((child, i) => visit(child, [...path, 'children', i], scope, node.code));
    }
    const compiled: CompiledNode = { code: node.code, node, path: at, scope, children, leaf, cap };
    if (!byCode.has(node.code)) byCode.set(node.code, compiled);
    if (leaf) leaves.push(compiled);
    return compiled;
  };
  const roots = set.nodes.map((node, i) => visit(node, ['nodes', i], allAtoms, undefined));

  const aliasSeen = new Set<string>();
  for (const { alias, path } of aliases) {
    if (byCode.has(alias)) push('criteria/alias-collides', path, { alias });
    else if (aliasSeen.has(alias)) push('criteria/duplicate-id', path, { id: alias });
    aliasSeen.add(alias);
  }

  // expectedMax: the maximum a unit of each level/group can reach.
  const totalFor = (atom: Atom): Dec => roots.reduce((acc, root) => acc.plus(nodeMaximum(root, atom) ?? 0), new Dec(0));
  set.levels.forEach((level, li) => {
    if (level.expectedMax === undefined) return;
    const groups = levels.get(level.id) ?? new Set<string>();
    const path: PathSegment[] = ['levels', li, 'expectedMax'];
    const compare = (atom: Atom, expectedRaw: string | number, at: PathSegment[], scopeText: string): void => {
      const expected = readDecimal(expectedRaw) ?? new Dec(0);
      const actual = totalFor(atom);
      if (!actual.eq(expected)) push('criteria/expected-max-mismatch', at, { actual: show(actual), expected: show(expected), scope: scopeText });
    };
    const em = level.expectedMax;
    if (typeof em === 'string' || typeof em === 'number') {
      if (groups.size > 0) push('criteria/expected-max-groups', path, { groups: [...groups].join(', ') });
      else compare(level.id, em, path, ` (${level.id})`);
      return;
    }
    if (groups.size === 0) { push('criteria/expected-max-single', path); return; }
    for (const [group, value] of Object.entries(em)) {
      if (!groups.has(group)) { push('criteria/unknown-group', [...path, group], { group, level: level.id }); continue; }
      compare(atomOf(level.id, group), value, [...path, group], ` (${level.id}/${group})`);
    }
    const absent = [...groups].filter((group) => !(group in em));
    if (absent.length > 0) push('criteria/expected-max-groups', path, { groups: [...groups].join(', ') });
  });

  if (issues.length > 0) return { issues };
  const ranking = set.ranking ?? {};
  return {
    issues,
    compiled: {
      set,
      roots,
      byCode,
      leaves,
      levels,
      rounding: set.rounding ?? { points: 2, index: 4 },
      missing: set.missing ?? 'zero',
      ratings: (set.ratings ?? []).map((r) => ({ id: r.id, min: readDecimal(r.min) ?? new Dec(0) })),
      ranking: { by: ranking.by ?? 'index', ties: ranking.ties ?? 'competition', cohort: ranking.cohort ?? 'level' },
    },
  };
}
