/**
 * A plain float64 re-implementation of the scoring rules (spec sections 4 to 6),
 * for comparison only: inputs pre-parsed to numbers, the same tree aggregation,
 * rounding as `Math.round(x * 100) / 100`, the index as `Math.round(x * 1e4) / 1e4`,
 * the same ratings and ranks. Output is typed arrays, no strings, no explanations.
 * This is NOT exact: it exists to show what exact decimal arithmetic costs.
 */
import type { CriteriaSet, Submission } from '../src/index.js';
import { atomOf, buildPlan, levelOfAtom, type Plan, type RawRule } from './plan.js';

const K = { boolean: 0, ratio: 1, linear: 2, bands: 3, count: 4, choice: 5, checklist: 6, relative: 7, appraised: 8, info: 9 } as const;

const S_MISSING = 0;
const S_VALUE = 1;
const S_NA = 2;

interface FLeaf {
  readonly code: string;
  readonly node: number;
  readonly kind: number;
  readonly P: number;
  readonly allowNA: boolean;
  // ratio
  readonly target: number;
  readonly floor: number; // NaN: none
  readonly zeroDen: number; // 0 not-applicable, 1 full, 2 zero
  readonly allowOver: boolean;
  // linear
  readonly from: number;
  readonly to: number;
  // bands
  readonly bandMin: Float64Array; // NaN: none
  readonly bandMax: Float64Array;
  readonly otherwise: number;
  // count
  readonly each: number;
  // choice / checklist / bands: worth of each option, item or band, in points
  readonly worth: Float64Array;
  readonly ids: ReadonlyMap<string, number>;
  // relative
  readonly cohortGroup: boolean;
}

interface FPlan {
  readonly plan: Plan;
  readonly leaves: readonly FLeaf[];
  readonly nodeCount: number;
  readonly parent: Int32Array;
  readonly isLeaf: Uint8Array;
  readonly leafOfNode: Int32Array;
  readonly cap: Float64Array; // NaN: none
  readonly roots: Int32Array;
}

const num = (v: unknown, dflt: number): number => (v === undefined ? dflt : Number(v));

function compileLeaf(leaf: Plan['leaves'][number]): FLeaf {
  const rule: RawRule = leaf.rule;
  const P = Number(leaf.points);
  const awards = (list: readonly { id?: string; points?: unknown; fraction?: unknown }[]): Float64Array =>
    Float64Array.from(list, (a) => (a.points !== undefined ? Number(a.points) : Number(a.fraction ?? 0) * P));
  const bands = (rule.bands as readonly { min?: unknown; max?: unknown; points?: unknown; fraction?: unknown }[] | undefined) ?? [];
  const options = (rule.options ?? rule.items) as readonly { id: string; points?: unknown; fraction?: unknown }[] | undefined;
  const kind = K[rule.kind as keyof typeof K];
  if (kind === undefined) throw new Error(`float: unknown kind ${rule.kind}`);
  const zd = rule.zeroDenominator;
  return {
    code: leaf.code,
    node: leaf.node,
    kind,
    P,
    allowNA: leaf.allowNA,
    target: num(rule.target, 1),
    floor: num(rule.floor, Number.NaN),
    zeroDen: zd === 'full' ? 1 : zd === 'zero' ? 2 : 0,
    allowOver: rule.allowOver === true,
    from: num(rule.from, 0),
    to: num(rule.to, 1),
    bandMin: Float64Array.from(bands, (b) => num(b.min, Number.NaN)),
    bandMax: Float64Array.from(bands, (b) => num(b.max, Number.NaN)),
    otherwise: num(rule.else, 0),
    each: num(rule.each, 1),
    worth: rule.kind === 'bands' ? awards(bands) : awards(options ?? []),
    ids: new Map((options ?? []).map((o, i) => [o.id, i])),
    cohortGroup: rule.cohort === 'group',
  };
}

function compilePlan(plan: Plan): FPlan {
  const n = plan.nodes.length;
  const parent = new Int32Array(n);
  const isLeaf = new Uint8Array(n);
  const leafOfNode = new Int32Array(n).fill(-1);
  const cap = new Float64Array(n).fill(Number.NaN);
  plan.nodes.forEach((node, i) => {
    parent[i] = node.parent;
    isLeaf[i] = node.leafSlot >= 0 ? 1 : 0;
    leafOfNode[i] = node.leafSlot;
    if (node.cap !== undefined) cap[i] = Number(node.cap);
  });
  return { plan, leaves: plan.leaves.map(compileLeaf), nodeCount: n, parent, isLeaf, leafOfNode, cap, roots: Int32Array.from(plan.roots) };
}

/** Float criteria: one flattened plan per atom, built lazily. */
export class FloatCriteria {
  private readonly plans = new Map<string, FPlan>();
  readonly ratings: readonly { id: string; min: number }[];
  readonly rankBy: 'index' | 'points';
  readonly dense: boolean;
  readonly cohortGroup: boolean;
  readonly missingExclude: boolean;

  constructor(readonly set: CriteriaSet) {
    this.ratings = (set.ratings ?? []).map((r) => ({ id: r.id, min: Number(r.min) }));
    this.rankBy = set.ranking?.by ?? 'index';
    this.dense = set.ranking?.ties === 'dense';
    this.cohortGroup = set.ranking?.cohort === 'level+group';
    this.missingExclude = set.missing === 'exclude';
    if (set.missing === 'error') throw new Error('float bench path: missing "error" not implemented');
  }

  plan(atom: string): FPlan {
    let p = this.plans.get(atom);
    if (!p) {
      p = compilePlan(buildPlan(this.set, atom));
      this.plans.set(atom, p);
    }
    return p;
  }
}

/** Pre-parsed inputs: per unit and leaf slot, a state and up to two numbers, for values and appraised values. */
export interface FloatInput {
  readonly units: number;
  readonly stride: number;
  readonly plans: readonly FPlan[];
  readonly level: readonly string[];
  readonly atom: readonly string[];
  readonly parent: readonly (string | null)[];
  readonly state: Uint8Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly hasAppraised: Uint8Array;
  readonly aState: Uint8Array;
  readonly aa: Float64Array;
  readonly ab: Float64Array;
}

function bad(unit: string, code: string, what: string): never {
  throw new Error(`float prep: ${unit} ${code}: ${what}`);
}

function readInto(leaf: FLeaf, unit: string, raw: unknown, at: number, state: Uint8Array, a: Float64Array, b: Float64Array): void {
  if (raw === undefined) return;
  if (raw === 'n/a') {
    if (!leaf.allowNA) bad(unit, leaf.code, 'n/a not allowed');
    state[at] = S_NA;
    return;
  }
  state[at] = S_VALUE;
  switch (leaf.kind) {
    case K.boolean:
      if (typeof raw !== 'boolean') bad(unit, leaf.code, 'boolean expected');
      a[at] = raw ? 1 : 0;
      return;
    case K.ratio:
    case K.bands: {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const f = raw as { numerator?: unknown; denominator?: unknown };
        const n = Number(f.numerator);
        const d = Number(f.denominator);
        if (!(n >= 0 && d >= 0)) bad(unit, leaf.code, 'fraction expected');
        if (!leaf.allowOver && n > d) bad(unit, leaf.code, 'n > d');
        a[at] = n;
        b[at] = d;
        return;
      }
      if (leaf.kind === K.ratio) bad(unit, leaf.code, 'fraction expected');
      a[at] = Number(raw);
      b[at] = Number.NaN;
      return;
    }
    case K.choice: {
      const i = typeof raw === 'string' ? leaf.ids.get(raw) : undefined;
      if (i === undefined) bad(unit, leaf.code, 'unknown option');
      a[at] = i;
      return;
    }
    case K.checklist: {
      let mask = 0;
      const ids: readonly string[] = Array.isArray(raw) ? (raw as string[]) : Object.entries(raw as Record<string, boolean>).filter(([, v]) => v).map(([k]) => k);
      for (const id of ids) {
        const i = leaf.ids.get(id);
        if (i === undefined) bad(unit, leaf.code, 'unknown item');
        mask |= 1 << i;
      }
      a[at] = mask;
      return;
    }
    case K.info:
      a[at] = Number.NaN;
      return;
    default: {
      const x = Number(raw);
      if (!Number.isFinite(x)) bad(unit, leaf.code, 'number expected');
      a[at] = x;
    }
  }
}

/** Parses a submission into typed arrays (minimal shape checks, throws on bad input). */
export function prepareFloat(fc: FloatCriteria, submission: Submission): FloatInput {
  const units = submission.units;
  const U = units.length;
  const plans: FPlan[] = [];
  const atoms: string[] = [];
  let stride = 0;
  for (const unit of units) {
    const atom = atomOf(unit.level, unit.group);
    const p = fc.plan(atom);
    plans.push(p);
    atoms.push(atom);
    stride = Math.max(stride, p.leaves.length);
  }
  const state = new Uint8Array(U * stride);
  const a = new Float64Array(U * stride);
  const b = new Float64Array(U * stride);
  const hasAppraised = new Uint8Array(U);
  const aState = new Uint8Array(U * stride);
  const aa = new Float64Array(U * stride);
  const ab = new Float64Array(U * stride);
  for (let u = 0; u < U; u++) {
    const unit = units[u]!;
    const p = plans[u]!;
    const base = u * stride;
    for (const code in unit.values) {
      const slot = p.plan.leafByCode.get(code);
      if (slot === undefined) bad(unit.id, code, 'unknown leaf');
      readInto(p.leaves[slot]!, unit.id, unit.values[code], base + slot, state, a, b);
    }
    if (unit.appraised) {
      hasAppraised[u] = 1;
      for (const code in unit.appraised) {
        const slot = p.plan.leafByCode.get(code);
        if (slot === undefined) bad(unit.id, code, 'unknown leaf');
        readInto(p.leaves[slot]!, unit.id, unit.appraised[code], base + slot, aState, aa, ab);
      }
    }
  }
  return {
    units: U,
    stride,
    plans,
    level: units.map((u) => u.level),
    atom: atoms,
    parent: units.map((u) => u.parent ?? null),
    state, a, b, hasAppraised, aState, aa, ab,
  };
}

export interface FloatReport {
  readonly nodeStride: number;
  readonly nodePoints: Float64Array; // NaN: not counted
  readonly nodeMax: Float64Array;
  readonly nodeSelf: Float64Array;
  readonly points: Float64Array;
  readonly max: Float64Array;
  readonly self: Float64Array;
  readonly index: Float64Array; // NaN: null
  readonly rating: Int16Array; // -1: null
  readonly rank: Int32Array; // 0: null
  readonly rankInParent: Int32Array;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Exact-ish points of one leaf (before rounding); NaN when not applicable. */
function leafRaw(leaf: FLeaf, a: number, b: number, best: number): number {
  const P = leaf.P;
  switch (leaf.kind) {
    case K.boolean:
      return a === 1 ? P : 0;
    case K.ratio: {
      if (b === 0) return leaf.zeroDen === 0 ? Number.NaN : leaf.zeroDen === 1 ? P : 0;
      const f = a / b;
      if (f < leaf.floor) return 0;
      return P * Math.min(f / leaf.target, 1);
    }
    case K.linear: {
      const t = (a - leaf.from) / (leaf.to - leaf.from);
      return P * (t < 0 ? 0 : t > 1 ? 1 : t);
    }
    case K.bands: {
      let x = a;
      if (!Number.isNaN(b)) {
        if (b === 0) return Number.NaN;
        x = a / b;
      }
      const n = leaf.bandMin.length;
      for (let i = 0; i < n; i++) {
        const lo = leaf.bandMin[i]!;
        const hi = leaf.bandMax[i]!;
        if ((Number.isNaN(lo) || lo <= x) && (Number.isNaN(hi) || x <= hi)) return leaf.worth[i]!;
      }
      return leaf.otherwise;
    }
    case K.count:
      return Math.min(P, a * leaf.each);
    case K.choice:
      return leaf.worth[a]!;
    case K.checklist: {
      let sum = 0;
      for (let i = 0, m = a; m !== 0; i++, m >>>= 1) if (m & 1) sum += leaf.worth[i]!;
      return Math.min(P, sum);
    }
    case K.relative:
      return best > 0 ? (P * a) / best : 0;
    case K.appraised:
      return a;
    default:
      return Number.NaN;
  }
}

/** Rounded points of one answer state; NaN when the leaf does not count. */
function scoreState(leaf: FLeaf, st: number, a: number, b: number, bestX: number, missingPoints: number): number {
  if (st === S_MISSING) return missingPoints;
  if (st === S_NA) return Number.NaN;
  const raw = leafRaw(leaf, a, b, Number.isNaN(bestX) ? a : bestX);
  return Number.isNaN(raw) ? raw : r2(raw);
}

/** Scores the pre-parsed batch in float64. */
export function scoreFloat(fc: FloatCriteria, input: FloatInput): FloatReport {
  const U = input.units;
  const L = input.stride;
  let N = 0;
  for (const p of input.plans) N = Math.max(N, p.nodeCount);
  const nodePoints = new Float64Array(U * N).fill(Number.NaN);
  const nodeMax = new Float64Array(U * N);
  const nodeSelf = new Float64Array(U * N);
  const points = new Float64Array(U);
  const max = new Float64Array(U);
  const self = new Float64Array(U);
  const index = new Float64Array(U);
  const rating = new Int16Array(U);
  const missingPoints = fc.missingExclude ? Number.NaN : 0;

  // Best values of relative leaves, per leaf and cohort: over final values (points) and self-assessed ones (selfPoints).
  const best = new Map<string, number>();
  const bestSelf = new Map<string, number>();
  for (let u = 0; u < U; u++) {
    const p = input.plans[u]!;
    for (let s = 0; s < p.leaves.length; s++) {
      const leaf = p.leaves[s]!;
      if (leaf.kind !== K.relative) continue;
      const at = u * L + s;
      const key = `${leaf.code}\u0000${leaf.cohortGroup ? input.atom[u] : input.level[u]}`;
      const appraised = input.hasAppraised[u] === 1 && input.aState[at] !== S_MISSING;
      const st = appraised ? input.aState[at] : input.state[at];
      if (st === S_VALUE) {
        const x = appraised ? input.aa[at]! : input.a[at]!;
        const cur = best.get(key);
        if (cur === undefined || x > cur) best.set(key, x);
      }
      if (input.state[at] === S_VALUE) {
        const x = input.a[at]!;
        const cur = bestSelf.get(key);
        if (cur === undefined || x > cur) bestSelf.set(key, x);
      }
    }
  }

  for (let u = 0; u < U; u++) {
    const p = input.plans[u]!;
    const lb = u * L;
    const nb = u * N;
    for (let s = 0; s < p.leaves.length; s++) {
      const leaf = p.leaves[s]!;
      const at = lb + s;
      const nodeAt = nb + leaf.node;
      if (leaf.kind === K.info) { nodePoints[nodeAt] = Number.NaN; continue; }
      let bestX = Number.NaN;
      let bestSelfX = Number.NaN;
      if (leaf.kind === K.relative) {
        const key = `${leaf.code}\u0000${leaf.cohortGroup ? input.atom[u] : input.level[u]}`;
        bestX = best.get(key) ?? Number.NaN;
        bestSelfX = bestSelf.get(key) ?? Number.NaN;
      }
      const appraised = input.hasAppraised[u] === 1 && input.aState[at] !== S_MISSING;
      const final = appraised
        ? scoreState(leaf, input.aState[at]!, input.aa[at]!, input.ab[at]!, bestX, missingPoints)
        : scoreState(leaf, input.state[at]!, input.a[at]!, input.b[at]!, bestX, missingPoints);
      nodePoints[nodeAt] = final;
      nodeMax[nodeAt] = Number.isNaN(final) ? 0 : leaf.P;
      if (appraised) {
        const own = scoreState(leaf, input.state[at]!, input.a[at]!, input.b[at]!, bestSelfX, missingPoints);
        nodeSelf[nodeAt] = Number.isNaN(own) ? 0 : own;
      } else {
        nodeSelf[nodeAt] = Number.isNaN(final) ? 0 : final;
      }
    }
    // Aggregates: children come after their parent in pre-order, so walk backwards.
    for (let i = p.nodeCount - 1; i >= 0; i--) {
      if (p.isLeaf[i]) continue;
      const children = p.plan.nodes[i]!.children;
      let pts = 0;
      let mx = 0;
      let sf = 0;
      let counted = false;
      for (const c of children) {
        const cp = nodePoints[nb + c]!;
        sf += nodeSelf[nb + c]!;
        if (Number.isNaN(cp)) continue;
        counted = true;
        pts += cp;
        mx += nodeMax[nb + c]!;
      }
      const cap = p.cap[i]!;
      if (!Number.isNaN(cap)) { pts = Math.min(pts, cap); mx = Math.min(mx, cap); sf = Math.min(sf, cap); }
      nodePoints[nb + i] = counted ? r2(pts) : Number.NaN;
      nodeMax[nb + i] = counted ? r2(mx) : 0;
      nodeSelf[nb + i] = r2(sf);
    }
    let pts = 0;
    let mx = 0;
    let sf = 0;
    for (const r of p.roots) {
      const rp = nodePoints[nb + r]!;
      sf += nodeSelf[nb + r]!;
      if (Number.isNaN(rp)) continue;
      pts += rp;
      mx += nodeMax[nb + r]!;
    }
    points[u] = r2(pts);
    max[u] = r2(mx);
    self[u] = r2(sf);
    const idx = mx === 0 ? Number.NaN : Math.round((pts / mx) * 1e4) / 1e4;
    index[u] = idx;
    let rt = -1;
    if (!Number.isNaN(idx)) {
      for (let k = 0; k < fc.ratings.length; k++) if (fc.ratings[k]!.min <= idx) { rt = k; break; }
    }
    rating[u] = rt;
  }

  const keys = fc.rankBy === 'points' ? points.map((v, u) => (Number.isNaN(index[u]!) ? Number.NaN : v)) : index;
  const rank = rankFloat(keys, (u) => (fc.cohortGroup ? input.atom[u]! : input.level[u]!), fc.dense);
  const parentKeys = keys.map((k, u) => (input.parent[u] === null ? Number.NaN : k));
  const rankInParent = rankFloat(parentKeys, (u) => `${input.level[u]}\u0000${input.parent[u] ?? ''}`, fc.dense);
  return { nodeStride: N, nodePoints, nodeMax, nodeSelf, points, max, self, index, rating, rank, rankInParent };
}

/** Ranks highest first within cohorts; NaN keys get rank 0 (null). */
export function rankFloat(keys: Float64Array, cohort: (u: number) => string, dense: boolean): Int32Array {
  const ranks = new Int32Array(keys.length);
  const cohorts = new Map<string, number[]>();
  for (let u = 0; u < keys.length; u++) {
    if (Number.isNaN(keys[u]!)) continue;
    const c = cohort(u);
    const list = cohorts.get(c);
    if (list) list.push(u);
    else cohorts.set(c, [u]);
  }
  for (const members of cohorts.values()) {
    members.sort((x, y) => keys[y]! - keys[x]! || x - y);
    let rank = 0;
    let distinct = 0;
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      if (i === 0 || keys[members[i - 1]!] !== keys[m]) {
        distinct++;
        rank = dense ? distinct : i + 1;
      }
      ranks[m] = rank;
    }
  }
  return ranks;
}
