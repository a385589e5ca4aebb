import { canonicalJson } from '../canonical/canonical-json.js';
import type { CompiledNode } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';

/** How a node of the newer set was matched to one of the older set. */
export type MatchVia = 'code' | 'alias';

/** A node of set A and its counterpart in set B (either may be absent). */
export interface NodePair {
  readonly a: CompiledNode | undefined;
  readonly b: CompiledNode | undefined;
  readonly via: MatchVia | undefined;
}

/**
 * Matches the nodes of two versions of a set: same code, or a code of A named
 * in the `aliases` of a node of B (a rename). Pairs come in B's tree order,
 * then the nodes of A with no counterpart, in A's order.
 */
export function matchNodes(from: CriteriaSet, to: CriteriaSet): NodePair[] {
  const a = compileCriteria(from);
  const b = compileCriteria(to);
  const used = new Set<string>();
  const pairs: NodePair[] = [];
  const walk = (nodes: readonly CompiledNode[]): void => {
    for (const node of nodes) {
      let match = a.byCode.get(node.code);
      let via: MatchVia | undefined = match ? 'code' : undefined;
      if (!match) {
        for (const alias of node.node.aliases ?? []) {
          const found = a.byCode.get(alias);
          if (found && !used.has(found.code)) {
            match = found;
            via = 'alias';
            break;
          }
        }
      }
      if (match) used.add(match.code);
      pairs.push({ a: match, b: node, via });
      walk(node.children);
    }
  };
  walk(b.roots);
  const rest = (nodes: readonly CompiledNode[]): void => {
    for (const node of nodes) {
      if (!used.has(node.code)) pairs.push({ a: node, b: undefined, via: undefined });
      rest(node.children);
    }
  };
  rest(a.roots);
  return pairs;
}

/** `true` when two leaves score the same way: same rule (kind and every field) and same `allowNA`. */
export function sameRule(a: CompiledNode, b: CompiledNode): boolean {
  return canonicalJson(a.node.rule ?? null) === canonicalJson(b.node.rule ?? null) && (a.node.allowNA ?? false) === (b.node.allowNA ?? false);
}

/** `true` when a leaf is worth the same points at `level` in both versions. */
export function samePoints(a: CompiledNode, b: CompiledNode, level: string): boolean {
  const pa = a.leaf?.points.get(level);
  const pb = b.leaf?.points.get(level);
  return pa !== undefined && pb !== undefined && pa.eq(pb);
}
