import { Dec } from '../decimal.js';
import type { Exact } from '../exact/exact.js';
import type { RuleKind, ValueDomain } from '../rules/types.js';
import type { Rule } from '../rules/registry.js';
import type { AppraisalReason, CriteriaNode, CriteriaSet, EvidencePolicy, MissingPolicy } from './types.js';

/** A level-and-group cell: `"commune"` or `"department/A"`. */
export type Atom = string;

/** A leaf's scoring facts, compiled once. */
export interface CompiledLeaf {
  /** The rule's `kind` (a built-in kind's name, or one added with `withRuleKinds`). */
  readonly kind: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly rule: RuleKind<Rule, any, any>;
  readonly compiled: unknown;
  readonly points: ReadonlyMap<string, Dec>;
  /** The same points `P` per level as exact numbers, for the rules. */
  readonly maxima: ReadonlyMap<string, Exact>;
  readonly allowNA: boolean;
  /** The unit must attach evidence for its value ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
  readonly evidenceRequired: boolean;
  /** The values a unit can give ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)), for kinds that take a number; `undefined`: unbounded. */
  readonly domain: ValueDomain | undefined;
}

/** A node of the compiled tree. */
export interface CompiledNode {
  readonly code: string;
  readonly node: CriteriaNode;
  readonly path: string;
  readonly scope: ReadonlySet<Atom>;
  readonly children: readonly CompiledNode[];
  readonly leaf: CompiledLeaf | undefined;
  readonly cap: ReadonlyMap<string, Dec> | undefined;
}

/** A criteria set checked and compiled for scoring. */
export interface CompiledCriteria {
  readonly set: CriteriaSet;
  readonly roots: readonly CompiledNode[];
  readonly byCode: ReadonlyMap<string, CompiledNode>;
  readonly leaves: readonly CompiledNode[];
  readonly levels: ReadonlyMap<string, ReadonlySet<string>>;
  readonly rounding: { readonly points: number; readonly index: number };
  readonly missing: MissingPolicy;
  /** What a leaf lacking required evidence earns ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): `flag` by default. */
  readonly evidencePolicy: EvidencePolicy;
  /** The reasons an appraisal may give, by id: the set's own, else the default list. */
  readonly appraisalReasons: ReadonlyMap<string, AppraisalReason>;
  readonly ratings: readonly { readonly id: string; readonly min: Dec }[];
  readonly ranking: { readonly by: 'index' | 'points'; readonly ties: 'competition' | 'dense'; readonly cohort: 'level' | 'level+group' };
}

/** The atom of a unit: its level, and its group when the level has groups. */
export function atomOf(level: string, group: string | null | undefined): Atom {
  return group ? `${level}/${group}` : level;
}

/** The level of an atom (`"department/A"` → `"department"`). */
export function levelOfAtom(atom: Atom): string {
  return atom.split('/')[0] ?? atom;
}

/**
 * The most a unit of `atom` can earn at `node` ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)): a leaf's points
 * (0 for `info`), an aggregate's children summed then capped; `undefined` when
 * the node does not apply. The validator checks `expectedMax` with it.
 */
export function nodeMaximum(node: CompiledNode, atom: Atom): Dec | undefined {
  if (!node.scope.has(atom)) return undefined;
  const level = levelOfAtom(atom);
  if (node.leaf) return node.leaf.rule.scored ? (node.leaf.points.get(level) ?? new Dec(0)) : new Dec(0);
  let sum = new Dec(0);
  for (const child of node.children) sum = sum.plus(nodeMaximum(child, atom) ?? 0);
  const cap = node.cap?.get(level);
  return cap !== undefined && cap.lt(sum) ? cap : sum;
}
