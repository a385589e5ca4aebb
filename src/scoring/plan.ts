import type { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import { exactOf } from '../decimal.js';
import { levelOfAtom, type Atom, type CompiledCriteria, type CompiledLeaf, type CompiledNode } from '../compile/compiled.js';
import type { AnyRuleKind } from '../rules/registry.js';
import type { EvalContext } from '../rules/types.js';
import type { NodeResult } from './result-types.js';

const ONE: Exact = readExact(1)!;

/** A leaf of an {@link AtomPlan}: its rule and its points at the atom's level. */
export interface PlanLeaf {
  readonly leaf: true;
  readonly code: string;
  /** The leaf's place in `criteria.leaves`: its column in the batch's values. */
  readonly slot: number;
  /** `info` leaves: never scored. */
  readonly info: boolean;
  readonly rule: AnyRuleKind;
  readonly compiled: unknown;
  /** `relative` leaves: the cohort the best value is taken over. */
  readonly cohort: 'level' | 'group' | undefined;
  /** `P` (at the set's decimals) and no best value: what most evaluations get. */
  readonly ctx: EvalContext;
  /** `P` written with the set's decimals. */
  readonly maxText: string;
  /**
   * The scored results a unit without appraised values can get here, shared
   * by every unit that gets them (results are never changed): see {@link SharedResults}.
   */
  readonly scored: SharedResults;
  /** The result of a missing value (0 points or left out), shared. */
  readonly missing: NodeResult;
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
  /** Each node's position in `nodes`, by code. */
  readonly positions: ReadonlyMap<string, number>;
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
  /** Per atom, the leaves a unit of it may give values for, by code. */
  readonly readers: Map<Atom, ReadonlyMap<string, LeafReader>>;
  /** Per atom, the leaves that require evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)), in tree order. */
  readonly evidenceLeaves: Map<Atom, readonly EvidenceLeaf[]>;
  /** `evidencePolicy: "zero"`: a leaf lacking required evidence scores 0 (unless appraised). */
  readonly evidenceZero: boolean;
}

/** A leaf that requires evidence: its code and its column. */
export interface EvidenceLeaf {
  readonly code: string;
  readonly slot: number;
}

/** What reading a value of a leaf for a unit of one atom needs: the leaf, its column and its points at the level. */
export interface LeafReader {
  readonly leaf: CompiledLeaf;
  readonly slot: number;
  readonly max: Exact;
}

/** The result of a node that does not count for the unit (answered `"n/a"`, or not applicable by its rule). */
export const NOT_APPLICABLE_RESULT: NodeResult = Object.freeze({ points: null, maxPoints: null, status: 'not-applicable' });
/** A leaf with no value under `missing: "exclude"`. */
const MISSING_EXCLUDED_RESULT: NodeResult = Object.freeze({ points: null, maxPoints: null, status: 'missing' });

/** The most scored results a leaf shares: the points from 0 to `P` in steps of the set's decimals. */
export const SHARED_RESULTS = 1 << 16;

/** How many times a leaf is scored before its results are shared: a short run never makes room for them. */
export const SHARE_AFTER = 64;

/**
 * The scored results of a leaf shared by the units that get them, by the
 * points' coefficient at the set's decimals (0 to `P`, when `P` has at most
 * {@link SHARED_RESULTS} steps; `size` 0 otherwise: none are shared). The room
 * for them (`results`, allocated at full length so that V8 keeps it a plain
 * array) is made once the leaf has been scored {@link SHARE_AFTER} times: a
 * few dozen units would not share enough to pay for megabytes of it. Mutable,
 * as a memo is: it belongs to the plan, and changes no result.
 */
export interface SharedResults {
  readonly size: number;
  results: (NodeResult | undefined)[] | undefined;
  uses: number;
}

/** The shared scored results of a leaf worth `max`, none made yet. */
function sharedResults(max: Exact, places: number): SharedResults {
  const m = max.s === places ? max.m : undefined;
  return { size: m !== undefined && m >= 0 && m < SHARED_RESULTS ? m + 1 : 0, results: undefined, uses: 0 };
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
      readers: new Map(),
      evidenceLeaves: new Map(),
      evidenceZero: criteria.evidencePolicy === 'zero',
    };
    plans.set(criteria, plan);
  }
  return plan;
}

/** The leaves a unit of `atom` may give values for, by code (built on first use). */
export function leafReaders(plan: ScoringPlan, atom: Atom): ReadonlyMap<string, LeafReader> {
  let found = plan.readers.get(atom);
  if (found === undefined) {
    const level = levelOfAtom(atom);
    const readers = new Map<string, LeafReader>();
    plan.criteria.leaves.forEach((node, slot) => {
      if (node.leaf && node.scope.has(atom)) readers.set(node.code, { leaf: node.leaf, slot, max: node.leaf.maxima.get(level) ?? (undefined as unknown as Exact) });
    });
    found = readers;
    plan.readers.set(atom, found);
  }
  return found;
}

/** The leaves of `atom` that require evidence, in tree order (built on first use). */
export function evidenceLeaves(plan: ScoringPlan, atom: Atom): readonly EvidenceLeaf[] {
  let found = plan.evidenceLeaves.get(atom);
  if (found === undefined) {
    found = [...leafReaders(plan, atom)].filter(([, reader]) => reader.leaf.evidenceRequired).map(([code, reader]) => ({ code, slot: reader.slot }));
    plan.evidenceLeaves.set(atom, found);
  }
  return found;
}

/** The plan of one level/group (`atom`), built on first use. */
export function atomPlan(plan: ScoringPlan, atom: Atom): AtomPlan {
  let found = plan.atoms.get(atom);
  if (found === undefined) {
    found = buildAtomPlan(plan, atom);
    plan.atoms.set(atom, found);
  }
  return found;
}

function buildAtomPlan(plan: ScoringPlan, atom: Atom): AtomPlan {
  const { places } = plan;
  const level = levelOfAtom(atom);
  const readers = leafReaders(plan, atom);
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
        const reader = readers.get(node.code)!;
        const max = atPlaces(reader.max ?? plan.zero);
        const maxText = fixedText(max, places);
        nodes.push({
          leaf: true,
          code: node.code,
          slot: reader.slot,
          info: !leaf.rule.scored,
          rule: leaf.rule,
          compiled: leaf.compiled,
          cohort: leaf.rule.cohort?.(leaf.compiled),
          ctx: { max, best: undefined },
          maxText,
          scored: sharedResults(max, places),
          missing: plan.criteria.missing === 'exclude' ? MISSING_EXCLUDED_RESULT : Object.freeze({ points: fixedText(plan.zero, places), maxPoints: maxText, status: 'missing' }),
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
  return {
    nodes,
    roots,
    template: Object.fromEntries(nodes.map((node) => [node.code, undefined as unknown as NodeResult])),
    positions: new Map(nodes.map((node, position) => [node.code, position])),
  };
}
