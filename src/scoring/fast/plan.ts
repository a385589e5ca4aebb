import { Dec, toFixed } from '../../decimal.js';
import type { CompiledCriteria, CompiledNode } from '../../format/compiled.js';
import type { AnyRuleKind } from '../../rules/registry.js';
import type { FastContext } from '../../rules/types.js';
import type { NodeResult, NodeStatus } from '../result-types.js';
import { exactOf } from './exact.js';
import { add, MAX, mul, pow10, rescale } from './safe-int.js';

/** A leaf of an {@link AtomPlan}, with its points at the atom's level in every form the fast path needs. */
export interface FastLeaf {
  readonly code: string;
  readonly rule: AnyRuleKind;
  readonly compiled: unknown;
  /** `relative` leaves: the cohort the best value is taken over. */
  readonly cohort: 'level' | 'group' | undefined;
  /** `P` as a decimal, for the decimal.js fallback. */
  readonly max: Dec;
  /** `P` for `fastEvaluate`, with the set's rounding (and no best value). */
  readonly ctx: FastContext;
  /** `P` in units of `10^-scale`. */
  readonly maxUnits: number;
  /** The most a value `<= P` can round to, in `10^-places` (a guard: more means a bug, and the unit is rescored with decimal.js). */
  readonly maxTicks: number;
  /** `P` with the set's decimals. */
  readonly maxText: string;
}

/** An aggregate of an {@link AtomPlan}. */
export interface FastAggregate {
  readonly code: string;
  /** Positions of the children that apply to the atom. */
  readonly children: readonly number[];
  /** The cap in units of `10^-scale`, if any. */
  readonly capUnits: number | undefined;
  /** The cap with the set's decimals, if any. */
  readonly capText: string | undefined;
}

/** The nodes that apply to one level/group, in tree order, with scratch space for scoring a unit. */
export interface AtomPlan {
  readonly nodes: readonly (FastLeaf | FastAggregate)[];
  /** Positions of the top-level nodes. */
  readonly roots: readonly number[];
  // Scratch figures per position, reused unit after unit (scoring is synchronous).
  readonly points: Float64Array;
  readonly max: Float64Array;
  readonly self: Float64Array;
  readonly counted: Uint8Array;
  readonly appraised: Uint8Array;
  readonly status: NodeStatus[];
  /** An object with every node's code as a key, in tree order, to copy for each unit's results. */
  readonly template: Readonly<Record<string, NodeResult>>;
}

/**
 * A compiled set prepared for the integer fast path: every sum is a whole
 * number of `10^-scale` (`scale` covers the set's decimals of points and caps),
 * proven below 2^53 per level/group before use.
 */
export interface FastCriteria {
  readonly criteria: CompiledCriteria;
  /** Decimals of the units sums are counted in (`>= places`, `<= 15`). */
  readonly scale: number;
  /** `rounding.points`. */
  readonly places: number;
  /** `10^(scale − places)`: units per rounded point step. */
  readonly factor: number;
  /** `10^-scale`, to turn units back into decimals (ranking keys). */
  readonly unit: Dec;
  /** `10^-rounding.index`, to turn an index back into a decimal (ranking keys). */
  readonly indexUnit: Dec;
  /** Per rating band: the least index, in `10^-rounding.index`, that reaches it (±Infinity beyond safe integers). */
  readonly ratingTicks: readonly number[];
  readonly plans: Map<string, AtomPlan | null>;
}

const cache = new WeakMap<CompiledCriteria, FastCriteria | null>();

function decimalsOf(value: Dec): number {
  return value.decimalPlaces();
}

/** The integer form of a compiled set, or `undefined` when its decimals do not fit (every unit then takes the decimal.js path). */
export function fastCriteria(criteria: CompiledCriteria): FastCriteria | undefined {
  let fast = cache.get(criteria);
  if (fast === undefined) {
    fast = buildFastCriteria(criteria);
    cache.set(criteria, fast);
  }
  return fast ?? undefined;
}

function buildFastCriteria(criteria: CompiledCriteria): FastCriteria | null {
  const places = criteria.rounding.points;
  let scale = places;
  const visit = (node: CompiledNode): void => {
    for (const value of node.leaf?.points.values() ?? []) scale = Math.max(scale, decimalsOf(value));
    for (const value of node.cap?.values() ?? []) scale = Math.max(scale, decimalsOf(value));
    node.children.forEach(visit);
  };
  criteria.roots.forEach(visit);
  if (scale > 15) return null;
  const indexPlaces = criteria.rounding.index;
  const ratingTicks = criteria.ratings.map(({ min }) => {
    const least = min.times(new Dec(10).pow(indexPlaces)).ceil();
    if (least.gt(MAX)) return Number.POSITIVE_INFINITY;
    if (least.lt(-MAX)) return Number.NEGATIVE_INFINITY;
    return least.toNumber();
  });
  return { criteria, scale, places, factor: pow10(scale - places), unit: new Dec(10).pow(-scale), indexUnit: new Dec(10).pow(-indexPlaces), ratingTicks, plans: new Map() };
}

/** The plan of one level/group (`atom`), built on first use; `undefined` when its sums might not fit safe integers. */
export function atomPlan(fast: FastCriteria, atom: string, level: string): AtomPlan | undefined {
  let plan = fast.plans.get(atom);
  if (plan === undefined) {
    plan = buildAtomPlan(fast, atom, level);
    fast.plans.set(atom, plan);
  }
  return plan ?? undefined;
}

function buildAtomPlan(fast: FastCriteria, atom: string, level: string): AtomPlan | null {
  const { places, scale } = fast;
  const nodes: (FastLeaf | FastAggregate)[] = [];
  let bound = 0;
  let fits = true;
  const units = (value: Dec): number => {
    const exact = exactOf(value);
    const u = rescale(exact.m, exact.s, scale);
    if (!(u >= 0)) fits = false;
    return u;
  };
  const walk = (list: readonly CompiledNode[]): number[] => {
    const positions: number[] = [];
    for (const node of list) {
      if (!node.scope.has(atom)) continue;
      const position = nodes.length;
      positions.push(position);
      const leaf = node.leaf;
      if (leaf) {
        const max = leaf.points.get(level) ?? new Dec(0);
        const maxExact = exactOf(max);
        const maxUnits = units(max);
        const step = pow10(maxExact.s - places);
        // ceil(P × 10^places): every rounded points value of a leaf is at most this.
        const maxTicks = maxExact.s <= places ? maxUnits / fast.factor : (maxExact.m - (maxExact.m % step)) / step + (maxExact.m % step > 0 ? 1 : 0);
        if (leaf.rule.scored) bound = add(bound, mul(maxTicks, fast.factor));
        nodes.push({
          code: node.code,
          rule: leaf.rule,
          compiled: leaf.compiled,
          cohort: leaf.kind === 'relative' ? (leaf.compiled as 'level' | 'group') : undefined,
          max,
          ctx: { max: maxExact, places, best: undefined },
          maxUnits,
          maxTicks,
          maxText: toFixed(max, places),
        });
        continue;
      }
      const cap = node.cap?.get(level);
      const aggregate: { code: string; children: number[]; capUnits: number | undefined; capText: string | undefined } = {
        code: node.code,
        children: [],
        capUnits: cap === undefined ? undefined : units(cap),
        capText: cap === undefined ? undefined : toFixed(cap, places),
      };
      nodes.push(aggregate);
      aggregate.children = walk(node.children);
    }
    return positions;
  };
  const roots = walk(fast.criteria.roots);
  // Every sum of points, maxima or self-assessed points is at most `bound`; the difference at least −bound.
  if (!fits || !(bound <= MAX)) return null;
  const n = nodes.length;
  return {
    nodes,
    roots,
    points: new Float64Array(n),
    max: new Float64Array(n),
    self: new Float64Array(n),
    counted: new Uint8Array(n),
    appraised: new Uint8Array(n),
    status: new Array<NodeStatus>(n).fill('scored'),
    template: Object.fromEntries(nodes.map((node) => [node.code, undefined as unknown as NodeResult])),
  };
}
