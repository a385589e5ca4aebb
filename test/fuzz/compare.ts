/**
 * Projects the library's report onto what the reference computes, and finds
 * the first difference with its JSON path.
 */
import type { Issue, NodeResult, ScoreReport, UnitResult } from '../../src/index.js';
import type { RefNode, RefOutcome, RefUnit } from './reference-scorer.js';

function projectNode(node: NodeResult): RefNode {
  const out: RefNode = { points: node.points, maxPoints: node.maxPoints, status: node.status };
  if (node.index !== undefined) out.index = node.index;
  if (node.selfPoints !== undefined) out.selfPoints = node.selfPoints;
  if ('value' in node) out.value = node.value ?? null;
  return out;
}

function projectUnit(unit: UnitResult): RefUnit {
  const nodes: Record<string, RefNode> = {};
  for (const [code, node] of Object.entries(unit.nodes)) nodes[code] = projectNode(node);
  return {
    unit: unit.unit,
    level: unit.level,
    group: unit.group,
    parent: unit.parent,
    points: unit.points,
    maxPoints: unit.maxPoints,
    index: unit.index,
    rating: unit.rating,
    rank: unit.rank,
    rankInParent: unit.rankInParent,
    ...(unit.selfPoints !== undefined ? { selfPoints: unit.selfPoints } : {}),
    ...(unit.difference !== undefined ? { difference: unit.difference } : {}),
    nodes,
  };
}

/** The library's outcome in the reference's shape (rejections: the set of codes per unit position). */
export function projectLibrary(outcome: { ok: true; value: ScoreReport } | { ok: false; issues: readonly Issue[] }): RefOutcome {
  if (outcome.ok) return { ok: true, results: outcome.value.results.map(projectUnit) };
  return { ok: false, rejected: [{ unit: '*', codes: [...new Set(outcome.issues.map((i) => i.code))].sort(), where: outcome.issues.map((i) => `${i.path}: ${i.code}`) }] };
}

/** Canonical form of a rejection list for comparison: every code expected, sorted, deduplicated. */
export function rejectionCodes(outcome: RefOutcome): string[] {
  if (outcome.ok) return [];
  return [...new Set(outcome.rejected.flatMap((r) => r.codes))].sort();
}

/** The first difference between two JSON-like values, as `path: library ≠ reference`; `undefined` when equal (key order included). */
export function firstDifference(lib: unknown, ref: unknown, path = '$', names: readonly [string, string] = ['library', 'reference']): string | undefined {
  if (lib === ref) return undefined;
  const [left, right] = names;
  if (typeof lib !== 'object' || typeof ref !== 'object' || lib === null || ref === null || Array.isArray(lib) !== Array.isArray(ref)) {
    return `${path}: ${left} ${JSON.stringify(lib)} ≠ ${right} ${JSON.stringify(ref)}`;
  }
  if (Array.isArray(lib) && Array.isArray(ref)) {
    if (lib.length !== ref.length) return `${path}.length: ${left} ${lib.length} ≠ ${right} ${ref.length}`;
    for (let i = 0; i < lib.length; i++) {
      const d = firstDifference(lib[i], ref[i], `${path}[${i}]`, names);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const a = lib as Record<string, unknown>;
  const b = ref as Record<string, unknown>;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (const k of new Set([...ka, ...kb])) {
    const d = firstDifference(a[k], b[k], `${path}.${k}`, names);
    if (d !== undefined) return d;
  }
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: key order: ${left} [${ka.join(', ')}] ≠ ${right} [${kb.join(', ')}]`;
  return undefined;
}
