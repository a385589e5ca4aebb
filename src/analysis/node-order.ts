import type { CompiledCriteria, CompiledNode } from '../compile/compiled.js';
import type { UnitResult } from '../scoring/result-types.js';

/** The codes of a set's nodes in tree order (a node before its children). @internal */
export function treeOrder(criteria: CompiledCriteria): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly CompiledNode[]): void => {
    for (const node of nodes) {
      out.push(node.code);
      walk(node.children);
    }
  };
  walk(criteria.roots);
  return out;
}

/** Dotted codes in their natural order: segment by segment, numbers as numbers (`CQS.2` before `CQS.10`), a parent before its children. @internal */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    if (/^\d+$/.test(p) && /^\d+$/.test(q)) return p.length - q.length || (p < q ? -1 : 1);
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The node codes of results without their set: an order every unit's
 * results agree with (each lists its nodes in tree order), the codes no unit
 * orders taken in their natural order (`compareCodes`). Units of different
 * levels and groups each list part of the tree; merged so, the parts fall
 * back into the tree's order whenever the set numbers siblings in order (as
 * its codes do). Codes whose orders conflict come last, in natural order.
 *
 * @internal
 */
export function resultsOrder(results: readonly UnitResult[]): string[] {
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const result of results) {
    let previous: string | undefined;
    for (const code of Object.keys(result.nodes)) {
      if (!after.has(code)) {
        after.set(code, new Set());
        before.set(code, 0);
      }
      if (previous !== undefined && !after.get(previous)!.has(code)) {
        after.get(previous)!.add(code);
        before.set(code, before.get(code)! + 1);
      }
      previous = code;
    }
  }
  // Kahn's algorithm, the ready codes kept in natural order.
  const ready = [...before].filter(([, count]) => count === 0).map(([code]) => code).sort(compareCodes);
  const order: string[] = [];
  while (ready.length > 0) {
    const code = ready.shift()!;
    order.push(code);
    for (const next of after.get(code)!) {
      const count = before.get(next)! - 1;
      before.set(next, count);
      if (count > 0) continue;
      let at = 0;
      while (at < ready.length && compareCodes(ready[at]!, next) < 0) at += 1;
      ready.splice(at, 0, next);
    }
  }
  const placed = new Set(order);
  return [...order, ...[...after.keys()].filter((code) => !placed.has(code)).sort(compareCodes)];
}
