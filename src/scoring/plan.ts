import type { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import { exactOf } from '../decimal.js';
import type { CompiledCriteria, CompiledNode } from '../compile/compiled.js';
import type { AnyRuleKind } from '../rules/registry.js';
import type { EvalContext } from '../rules/types.js';
import type { NodeResult } from './result-types.js';

const ONE: Exact = readExact(1)!;

/** A leaf of an {@link AtomPlan}: its rule and its points at the atom's level. */
export interface PlanLeaf {
  readonly leaf: true;
  readonly code: string;
  readonly rule: AnyRuleKind;
  readonly compiled: unknown;
  /** `relative` leaves: the cohort the best value is taken over. */
  readonly cohort: 'level' | 'group' | undefined;
  /** `P` (at the set's decimals) and no best value: what most evaluations get. */
  readonly ctx: EvalContext;
  /** `P` written with the set's decimals. */
  readonly maxText: string;
}

/** An aggregate of an {@link AtomPlan}. */
export interface PlanAggregate {
  readonly leaf: false;
  readonly code: string;
  /** Positions of the children that apply to the atom. */
  readonly children: readonly number[];
  /** The cap at the atom's level, at the set's decimals, if any. */
  readonly cap: Exact | undefined;
  /** The cap written with the set's decimals, if any. */
  readonly capText: string | undefined;
}

/** The nodes that apply to one level/group, in tree order (a node before its children). */
export interface AtomPlan {
  readonly nodes: readonly (PlanLeaf | PlanAggregate)[];
  /** Positions of the top-level nodes. */
  readonly roots: readonly number[];
  /** An object with every node's code as a key, in tree order, to copy for each unit's results. */
  readonly template: Readonly<Record<string, NodeResult>>;
}

/** A compiled set prepared for scoring: figures as exact numbers, one plan per level/group built on first use. */
export interface ScoringPlan {
  readonly criteria: CompiledCriteria;
  /** `rounding.points`. */
  readonly places: number;
  /** `rounding.index`. */
  readonly indexPlaces: number;
  /** 0 written with `places` decimals, so that every sum of points is of like terms. */
  readonly zero: Exact;
  /** The rating bands, highest first, with their least index. */
  readonly ratings: readonly { readonly id: string; readonly min: Exact }[];
  readonly atoms: Map<string, AtomPlan>;
}

/** Whether a plan node is a leaf. */
export function isPlanLeaf(node: PlanLeaf | PlanAggregate): node is PlanLeaf {
  return node.leaf;
}

const plans = new WeakMap<CompiledCriteria, ScoringPlan>();

/** The scoring plan of a compiled set (built once per set: compiled sets are immutable). */
export function scoringPlan(criteria: CompiledCriteria): ScoringPlan {
  let plan = plans.get(criteria);
  if (plan === undefined) {
    plan = {
      criteria,
      places: criteria.rounding.points,
      indexPlaces: criteria.rounding.index,
      zero: roundQuotient(ONE.minus(ONE), ONE, criteria.rounding.points),
      ratings: criteria.ratings.map(({ id, min }) => ({ id, min: exactOf(min) })),
      atoms: new Map(),
    };
    plans.set(criteria, plan);
  }
  return plan;
}

/** The plan of one level/group (`atom`), built on first use. */
export function atomPlan(plan: ScoringPlan, atom: string, level: string): AtomPlan {
  let found = plan.atoms.get(atom);
  if (found === undefined) {
    found = buildAtomPlan(plan, atom, level);
    plan.atoms.set(atom, found);
  }
  return found;
}

function buildAtomPlan(plan: ScoringPlan, atom: string, level: string): AtomPlan {
  const { places } = plan;
  // Points and caps have at most `places` decimals (criteria/precision): written at that scale, every
  // sum of points and maxima is of like terms. A value with more decimals is kept as it is, never rounded.
  const atPlaces = (value: Exact): Exact => {
    const scaled = roundQuotient(value, ONE, places);
    return scaled.eq(value) ? scaled : value;
  };
  const nodes: (PlanLeaf | PlanAggregate)[] = [];
  const walk = (list: readonly CompiledNode[]): number[] => {
    const positions: number[] = [];
    for (const node of list) {
      if (!node.scope.has(atom)) continue;
      positions.push(nodes.length);
      const leaf = node.leaf;
      if (leaf) {
        const max = atPlaces(leaf.maxima.get(level) ?? plan.zero);
        nodes.push({
          leaf: true,
          code: node.code,
          rule: leaf.rule,
          compiled: leaf.compiled,
          cohort: leaf.kind === 'relative' ? (leaf.compiled as 'level' | 'group') : undefined,
          ctx: { max, best: undefined },
          maxText: fixedText(max, places),
        });
        continue;
      }
      const capDec = node.cap?.get(level);
      const cap = capDec === undefined ? undefined : atPlaces(exactOf(capDec));
      const aggregate: { leaf: false; code: string; children: number[]; cap: Exact | undefined; capText: string | undefined } = {
        leaf: false,
        code: node.code,
        children: [],
        cap,
        capText: cap === undefined ? undefined : fixedText(cap, places),
      };
      nodes.push(aggregate);
      aggregate.children = walk(node.children);
    }
    return positions;
  };
  const roots = walk(plan.criteria.roots);
  return { nodes, roots, template: Object.fromEntries(nodes.map((node) => [node.code, undefined as unknown as NodeResult])) };
}
