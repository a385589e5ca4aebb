/**
 * PROTOTYPE of an exact fast path, kept as a reference only: the library's own
 * fast path (src/scoring/fast/, proven equal to decimal.js by
 * test/fast-path.test.ts) grew from it. Run with `--only int,exact`. Every decimal is read as an integer mantissa and a power-of-ten
 * scale, every rule's exact value is an integer fraction N / D built with
 * products checked against 2^53, points are integer hundredths (cents) rounded
 * half-up with an exact remainder test, and sums, caps, index and ranks are
 * integer arithmetic. Whenever a mantissa or a product cannot be proven below
 * 2^53 (or the input is unusual in any way), the leaf falls back to the
 * library's own decimal.js rule. Output: the same report as scoreSubmission
 * minus the `explanation` texts (a real fast path would build them lazily).
 */
import { Dec, divideRounded } from '../src/decimal.js';
import type { Issue } from '../src/errors.js';
import type { CompiledLeaf } from '../src/format/compiled.js';
import { compileCriteria } from '../src/format/parse-criteria.js';
import type { CriteriaSet, Submission, UnitSubmission } from '../src/index.js';
import { rankFloat } from './float-scorer.js';
import { atomOf, buildPlan, type Plan, type RawRule } from './plan.js';

const MAX = Number.MAX_SAFE_INTEGER;
const P10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Exact product of two non-negative safe integers, or NaN when it might exceed 2^53 − 1. */
function mul(a: number, b: number): number {
  const r = a * b;
  return r <= MAX ? r : Number.NaN;
}

function pow10(k: number): number {
  return k >= 0 && k <= 15 ? (P10[k] as number) : Number.NaN;
}

/** round_half_up(N × 10^places / D) for non-negative safe integers; NaN when unsafe. */
export function roundDiv(n: number, d: number, places: number): number {
  const a = mul(n, pow10(places));
  if (!(a <= MAX) || !(d > 0)) return Number.NaN;
  const r = a % d; // exact for doubles
  const q = (a - r) / d; // exact: a − r is a multiple of d
  return 2 * r >= d ? q + 1 : q;
}

/** Scale (decimals) of the last decimal read by `mantissa`. */
let SCALE = 0;

/**
 * Reads a decimal as an integer mantissa (returned) and a scale (in SCALE).
 * NaN for anything unusual (bad syntax, exponent form, more than 15 digits):
 * such values go to the decimal.js path, which also reports errors.
 */
export function mantissa(raw: unknown): number {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) { SCALE = 0; return raw === 0 ? 0 : raw; }
    if (!Number.isFinite(raw)) return Number.NaN;
    return mantissaText(String(raw));
  }
  if (typeof raw === 'string') return mantissaText(raw);
  return Number.NaN;
}

function mantissaText(t: string): number {
  const len = t.length;
  let i = 0;
  let neg = false;
  if (t.charCodeAt(0) === 45) { neg = true; i = 1; }
  let m = 0;
  let s = 0;
  let digits = 0;
  let dot = false;
  let before = 0;
  let after = 0;
  for (; i < len; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (dot || before === 0) return Number.NaN;
      dot = true;
      continue;
    }
    if (c < 48 || c > 57) return Number.NaN;
    if (dot) { after++; s++; } else before++;
    if (m !== 0 || c !== 48) digits++;
    if (digits > 15) return Number.NaN;
    m = m * 10 + (c - 48);
  }
  if (before === 0 || (dot && after === 0)) return Number.NaN;
  SCALE = s;
  return neg && m !== 0 ? -m : m;
}

/** Reads a criteria decimal (must be safe). */
function constant(raw: unknown, what: string): [number, number] {
  const m = mantissa(typeof raw === 'number' ? raw : String(raw));
  if (Number.isNaN(m)) throw new Error(`int path: unsupported constant ${what}=${String(raw)}`);
  return [m, SCALE];
}

/** Cents of a non-negative decimal m/10^s, rounded half-up. */
function cents(m: number, s: number): number {
  return s <= 2 ? mul(m, pow10(2 - s)) : roundDiv(m, pow10(s), 2);
}

const KIND = { boolean: 0, ratio: 1, linear: 2, bands: 3, count: 4, choice: 5, checklist: 6, relative: 7, appraised: 8, info: 9 } as const;

const ST_MISSING = 0;
const ST_VALUE = 1;
const ST_NA = 2;
const ST_SLOW = 3;

/** Statuses, as in the library. */
const STATUS = ['scored', 'not-applicable', 'missing', 'info'] as const;

interface ILeaf {
  readonly code: string;
  readonly node: number;
  readonly kind: number;
  readonly allowNA: boolean;
  readonly pm: number;
  readonly ps: number;
  /** P in cents. */
  readonly pc: number;
  readonly library: CompiledLeaf;
  /** Compile-time: some constant is not safe; every value takes the decimal.js path. */
  readonly alwaysSlow: boolean;
  // ratio
  readonly tm: number; readonly ts: number;
  readonly flm: number; readonly fls: number; // flm NaN: no floor
  readonly zeroDen: number; readonly allowOver: boolean;
  // linear
  readonly fm: number; readonly fs: number; readonly tom: number; readonly tos: number;
  // bands
  readonly bMinM: Float64Array; readonly bMinS: Int32Array; readonly bMaxM: Float64Array; readonly bMaxS: Int32Array;
  readonly elseC: number;
  // count
  readonly em: number; readonly es: number;
  // choice / bands: worth in cents; checklist: worth at scale `ws`
  readonly worth: Float64Array;
  readonly ws: number;
  /** checklist: P at scale ws. */
  readonly pws: number;
  readonly ids: ReadonlyMap<string, number>;
}

interface IPlan {
  readonly plan: Plan;
  readonly leaves: readonly ILeaf[];
  readonly isLeaf: Uint8Array;
  readonly capC: Float64Array; // NaN: none
}

function compileLeaf(leaf: Plan['leaves'][number], level: string, library: CompiledLeaf): ILeaf {
  const rule: RawRule = leaf.rule;
  const kind = KIND[rule.kind as keyof typeof KIND];
  if (kind === undefined) throw new Error(`int path: unknown kind ${rule.kind}`);
  if (kind === KIND.relative) throw new Error('int path prototype: relative rules not implemented (level has one)');
  const [pm, ps] = constant(leaf.points, `${leaf.code}.points`);
  const pc = cents(pm, ps);
  if (ps > 2) throw new Error(`int path: points with more than 2 decimals at ${leaf.code} (level ${level}) not supported by the prototype`);
  let alwaysSlow = false;
  const award = (a: { points?: unknown; fraction?: unknown }): number => {
    if (a.points !== undefined) { const [m, s] = constant(a.points, 'points'); return cents(m, s); }
    const [m, s] = constant(a.fraction ?? 0, 'fraction');
    const v = roundDiv(mul(m, pm), pow10(s + ps), 2);
    if (Number.isNaN(v)) alwaysSlow = true;
    return v;
  };
  const opt = (v: unknown, dflt: string): [number, number] => constant(v ?? dflt, `${leaf.code}`);
  const [tm, ts] = opt(rule.target, '1');
  const [flm, fls] = rule.floor === undefined ? [Number.NaN, 0] : opt(rule.floor, '0');
  const [fm, fs] = opt(rule.from, '0');
  const [tom, tos] = opt(rule.to, '1');
  const [em, es] = opt(rule.each, '1');
  const bands = (rule.bands as readonly { min?: unknown; max?: unknown; points?: unknown; fraction?: unknown }[] | undefined) ?? [];
  const bMinM = new Float64Array(bands.length).fill(Number.NaN);
  const bMinS = new Int32Array(bands.length);
  const bMaxM = new Float64Array(bands.length).fill(Number.NaN);
  const bMaxS = new Int32Array(bands.length);
  bands.forEach((b, i) => {
    if (b.min !== undefined) [bMinM[i], bMinS[i]] = constant(b.min, 'min');
    if (b.max !== undefined) [bMaxM[i], bMaxS[i]] = constant(b.max, 'max');
  });
  const [elm, els] = opt(rule.else, '0');
  const entries = ((rule.options ?? rule.items) as readonly { id: string; points?: unknown; fraction?: unknown }[] | undefined) ?? [];
  let worth: Float64Array;
  let ws = 0;
  let pws = 0;
  if (rule.kind === 'checklist') {
    // Items are summed exactly before the cap and the single rounding: a common scale.
    const parts = entries.map((e) => (e.points !== undefined ? constant(e.points, 'points') : (() => { const [m, s] = constant(e.fraction ?? 0, 'fraction'); return [mul(m, pm), s + ps] as [number, number]; })()));
    ws = Math.max(ps, ...parts.map((p) => p[1]));
    worth = Float64Array.from(parts, ([m, s]) => mul(m, pow10(ws - s)));
    pws = mul(pm, pow10(ws - ps));
    let total = 0;
    for (const w of worth) total += w;
    if (!(mul(total, 100) <= MAX) || Number.isNaN(pws) || entries.length > 30) alwaysSlow = true;
  } else {
    worth = Float64Array.from(rule.kind === 'bands' ? bands : entries, award);
  }
  return {
    code: leaf.code, node: leaf.node, kind, allowNA: leaf.allowNA, pm, ps, pc, library,
    alwaysSlow,
    tm, ts, flm, fls,
    zeroDen: rule.zeroDenominator === 'full' ? 1 : rule.zeroDenominator === 'zero' ? 2 : 0,
    allowOver: rule.allowOver === true,
    fm, fs, tom, tos,
    bMinM, bMinS, bMaxM, bMaxS,
    elseC: cents(elm, els),
    em, es,
    worth, ws, pws,
    ids: new Map(entries.map((e, i) => [e.id, i])),
  };
}

/** Compiled integer criteria, one plan per atom. */
export class IntCriteria {
  private readonly plans = new Map<string, IPlan>();
  readonly library: ReturnType<typeof compileCriteria>;
  readonly ratingMin: readonly [number, number][];
  readonly ratingIds: readonly string[];

  constructor(readonly set: CriteriaSet) {
    this.library = compileCriteria(set);
    if (this.library.missing === 'error') throw new Error('int path prototype: missing "error" not implemented');
    if (this.library.rounding.points !== 2) throw new Error('int path prototype: rounding.points must be 2');
    this.ratingMin = (set.ratings ?? []).map((r) => constant(r.min, 'rating.min'));
    this.ratingIds = (set.ratings ?? []).map((r) => r.id);
  }

  plan(atom: string): IPlan {
    let p = this.plans.get(atom);
    if (!p) {
      const plan = buildPlan(this.set, atom);
      const capC = new Float64Array(plan.nodes.length).fill(Number.NaN);
      plan.nodes.forEach((n, i) => {
        if (n.cap === undefined) return;
        const [m, s] = constant(n.cap, 'cap');
        if (s > 2) throw new Error('int path prototype: cap with more than 2 decimals');
        capC[i] = cents(m, s);
      });
      p = {
        plan,
        leaves: plan.leaves.map((l) => compileLeaf(l, plan.level, this.library.byCode.get(l.code)!.leaf!)),
        isLeaf: Uint8Array.from(plan.nodes, (n) => (n.leafSlot >= 0 ? 1 : 0)),
        capC,
      };
      this.plans.set(atom, p);
    }
    return p;
  }
}

/** Read inputs: per unit and leaf slot a state and two (mantissa, scale) pairs. */
export interface IntInput {
  readonly units: readonly UnitSubmission[];
  readonly plans: readonly IPlan[];
  readonly atoms: readonly string[];
  readonly stride: number;
  readonly self: Slots;
  readonly appr: Slots;
  slowValues: number;
}

interface Slots {
  readonly st: Uint8Array;
  readonly m1: Float64Array;
  readonly s1: Int8Array;
  readonly m2: Float64Array;
  readonly s2: Int8Array;
}

function slots(n: number): Slots {
  return { st: new Uint8Array(n), m1: new Float64Array(n), s1: new Int8Array(n), m2: new Float64Array(n), s2: new Int8Array(n) };
}

function fail(unit: string, code: string, what: string): never {
  throw new Error(`int path: ${unit} ${code}: ${what}`);
}

/** Reads one raw value into the slot; unusual values are marked for the decimal.js path. */
function readSlot(leaf: ILeaf, unit: string, raw: unknown, at: number, t: Slots): void {
  if (raw === undefined) return;
  if (typeof raw === 'string' && (raw === 'n/a' || raw.trim().toLowerCase() === 'n/a')) {
    if (!leaf.allowNA) fail(unit, leaf.code, 'n/a not allowed');
    t.st[at] = ST_NA;
    return;
  }
  t.st[at] = ST_VALUE;
  if (leaf.alwaysSlow) { t.st[at] = ST_SLOW; return; }
  switch (leaf.kind) {
    case KIND.boolean:
      if (typeof raw !== 'boolean') fail(unit, leaf.code, 'true / false expected');
      t.m1[at] = raw ? 1 : 0;
      return;
    case KIND.ratio:
    case KIND.bands: {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const f = raw as Record<string, unknown>;
        let keys = 0;
        for (const _ in f) keys++;
        const n = mantissa(f.numerator);
        const ns = SCALE;
        const d = mantissa(f.denominator);
        const ds = SCALE;
        if (keys !== 2 || !(n >= 0) || !(d >= 0)) { t.st[at] = ST_SLOW; return; }
        // n <= d unless allowOver (bands: fractions must be proper too)
        if (!(leaf.kind === KIND.ratio && leaf.allowOver)) {
          const l = mul(n, pow10(ds));
          const r = mul(d, pow10(ns));
          if (!(l <= MAX && r <= MAX)) { t.st[at] = ST_SLOW; return; }
          if (l > r) fail(unit, leaf.code, 'n > d');
        }
        t.m1[at] = n; t.s1[at] = ns; t.m2[at] = d; t.s2[at] = ds;
        return;
      }
      if (leaf.kind === KIND.ratio) { t.st[at] = ST_SLOW; return; }
      const x = mantissa(raw);
      if (Number.isNaN(x)) { t.st[at] = ST_SLOW; return; }
      t.m1[at] = x; t.s1[at] = SCALE; t.m2[at] = Number.NaN;
      return;
    }
    case KIND.choice: {
      const i = typeof raw === 'string' ? leaf.ids.get(raw) : undefined;
      if (i === undefined) { t.st[at] = ST_SLOW; return; }
      t.m1[at] = i;
      return;
    }
    case KIND.checklist: {
      let mask = 0;
      if (Array.isArray(raw)) {
        for (const id of raw) {
          const i = typeof id === 'string' ? leaf.ids.get(id) : undefined;
          if (i === undefined || mask & (1 << i)) { t.st[at] = ST_SLOW; return; }
          mask |= 1 << i;
        }
      } else if (typeof raw === 'object' && raw !== null) {
        const rec = raw as Record<string, unknown>;
        for (const id in rec) {
          const i = leaf.ids.get(id);
          const flag = rec[id];
          if (i === undefined || typeof flag !== 'boolean') { t.st[at] = ST_SLOW; return; }
          if (flag) mask |= 1 << i;
        }
      } else { t.st[at] = ST_SLOW; return; }
      t.m1[at] = mask;
      return;
    }
    case KIND.info:
      if (!(raw === null || typeof raw === 'string' || typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw)))) fail(unit, leaf.code, 'scalar expected');
      return;
    default: {
      const x = mantissa(raw);
      const s = SCALE;
      if (Number.isNaN(x)) { t.st[at] = ST_SLOW; return; }
      if (leaf.kind === KIND.count && (x < 0 || (s > 0 && x % pow10(s) !== 0))) { t.st[at] = ST_SLOW; return; }
      if (leaf.kind === KIND.appraised) {
        const l = mul(x, pow10(leaf.ps));
        const r = mul(leaf.pm, pow10(s));
        if (!(x >= 0) || !(l <= MAX && r <= MAX) || l > r) { t.st[at] = ST_SLOW; return; }
      }
      t.m1[at] = x; t.s1[at] = s;
    }
  }
}

/** Checks and reads a batch (without the zod shape check, which stays as it is). */
export function prepareInt(ic: IntCriteria, submission: Submission): IntInput {
  const units = submission.units;
  const plans: IPlan[] = [];
  const atoms: string[] = [];
  const ids = new Set<string>();
  let stride = 0;
  for (const unit of units) {
    if (ids.has(unit.id)) fail(unit.id, '', 'duplicate unit');
    ids.add(unit.id);
    const groups = ic.library.levels.get(unit.level);
    if (!groups) fail(unit.id, '', 'unknown level');
    const atom = atomOf(unit.level, unit.group);
    if (groups.size > 0 ? !groups.has(unit.group ?? '') : unit.group != null) fail(unit.id, '', 'bad group');
    const p = ic.plan(atom);
    plans.push(p);
    atoms.push(atom);
    stride = Math.max(stride, p.leaves.length);
  }
  const input: IntInput = { units, plans, atoms, stride, self: slots(units.length * stride), appr: slots(units.length * stride), slowValues: 0 };
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const p = plans[u]!;
    const base = u * stride;
    const read = (record: Readonly<Record<string, unknown>>, t: Slots): void => {
      for (const code in record) {
        const slot = p.plan.leafByCode.get(code);
        if (slot === undefined) fail(unit.id, code, 'unknown or not applicable leaf');
        readSlot(p.leaves[slot]!, unit.id, record[code], base + slot, t);
        if (t.st[base + slot] === ST_SLOW) input.slowValues++;
      }
    };
    read(unit.values, input.self);
    if (unit.appraised) read(unit.appraised, input.appr);
  }
  return input;
}

/** decimal.js path for one value: the library's own reader and rule, rounded once. NaN: not applicable. */
function slowCents(leaf: ILeaf, unit: UnitSubmission, raw: unknown, level: string): number {
  const lib = leaf.library;
  const max = lib.points.get(level) ?? new Dec(0);
  const issues: Issue[] = [];
  const value = lib.rule.read(raw, lib.compiled, { unit: unit.id, path: [leaf.code], max, issues });
  if (issues.length > 0 || value === undefined) fail(unit.id, leaf.code, `invalid value (${JSON.stringify(issues[0] ?? '')})`);
  const ev = lib.rule.evaluate(lib.compiled, value, max, {});
  if (ev.state === 'not-applicable') return Number.NaN;
  return Number(divideRounded(ev.numerator, ev.denominator, 2).times(100).toFixed(0));
}

let SLOW_EVALS = 0;

/** Cents of one read value; NaN: not applicable; -1: needs the decimal.js path. */
function fastCents(leaf: ILeaf, m1: number, s1: number, m2: number, s2: number): number {
  const pm = leaf.pm;
  const ps = leaf.ps;
  switch (leaf.kind) {
    case KIND.boolean:
      return m1 === 1 ? leaf.pc : 0;
    case KIND.ratio: {
      if (m2 === 0) return leaf.zeroDen === 0 ? Number.NaN : leaf.zeroDen === 1 ? leaf.pc : 0;
      // floor: n/d < floor  <=>  n·10^(ds+fls) < floor_m·d·10^ns
      if (!Number.isNaN(leaf.flm)) {
        const l = mul(m1, pow10(s2 + leaf.fls));
        const r = mul(mul(leaf.flm, m2), pow10(s1));
        if (!(l <= MAX && r <= MAX)) return -1;
        if (l < r) return 0;
      }
      // reached: n/d >= target  <=>  n·10^(ds+ts) >= t_m·d·10^ns
      const l = mul(m1, pow10(s2 + leaf.ts));
      const r = mul(mul(leaf.tm, m2), pow10(s1));
      if (!(l <= MAX && r <= MAX)) return -1;
      if (l >= r) return leaf.pc;
      // P·n/(d·target) = p_m·n·10^(ds+ts) / (10^ps·10^ns·d·t_m)
      const c = roundDiv(mul(pm, l), mul(pow10(ps), r), 2);
      return Number.isNaN(c) ? -1 : c;
    }
    case KIND.linear: {
      const S = Math.max(s1, leaf.fs, leaf.tos);
      const x = mul(Math.abs(m1), pow10(S - s1)) * Math.sign(m1);
      const f = mul(Math.abs(leaf.fm), pow10(S - leaf.fs)) * Math.sign(leaf.fm);
      const t = mul(Math.abs(leaf.tom), pow10(S - leaf.tos)) * Math.sign(leaf.tom);
      const top = x - f;
      const span = t - f;
      if (!(Math.abs(top) <= MAX && Math.abs(span) <= MAX)) return -1;
      const lowerBad = span > 0 ? top <= 0 : top >= 0;
      const upperFull = span > 0 ? top >= span : top <= span;
      if (lowerBad || upperFull) return upperFull && !lowerBad ? leaf.pc : 0;
      const c = roundDiv(mul(pm, Math.abs(top)), mul(pow10(ps), Math.abs(span)), 2);
      return Number.isNaN(c) ? -1 : c;
    }
    case KIND.bands: {
      const n = m1;
      const ns = s1;
      let d = 1;
      let ds = 0;
      if (!Number.isNaN(m2)) {
        if (m2 === 0) return Number.NaN;
        d = m2; ds = s2;
      } else if (n < 0) {
        return -1; // negative plain value: leave to decimal.js (rare)
      }
      for (let i = 0; i < leaf.bMinM.length; i++) {
        const bm = leaf.bMinM[i]!;
        if (!Number.isNaN(bm)) {
          // min <= n/d  <=>  min_m·d·10^ns <= n·10^(min_s+ds)
          const l = mul(mul(bm, d), pow10(ns));
          const r = mul(n, pow10(leaf.bMinS[i]! + ds));
          if (!(l <= MAX && r <= MAX)) return -1;
          if (!(l <= r)) continue;
        }
        const bx = leaf.bMaxM[i]!;
        if (!Number.isNaN(bx)) {
          const l = mul(n, pow10(leaf.bMaxS[i]! + ds));
          const r = mul(mul(bx, d), pow10(ns));
          if (!(l <= MAX && r <= MAX)) return -1;
          if (!(l <= r)) continue;
        }
        return leaf.worth[i]!;
      }
      return leaf.elseC;
    }
    case KIND.count: {
      // n·each vs P: n_m·e_m·10^ps vs p_m·10^(ns+es)
      const raw = mul(m1, leaf.em);
      const l = mul(raw, pow10(ps));
      const r = mul(pm, pow10(s1 + leaf.es));
      if (!(l <= MAX && r <= MAX)) return -1;
      if (l > r) return leaf.pc;
      const c = roundDiv(raw, pow10(s1 + leaf.es), 2);
      return Number.isNaN(c) ? -1 : c;
    }
    case KIND.choice:
      return leaf.worth[m1]!;
    case KIND.checklist: {
      let sum = 0;
      for (let i = 0, m = m1; m !== 0; i++, m >>>= 1) if (m & 1) sum += leaf.worth[i]!;
      if (sum > leaf.pws) sum = leaf.pws;
      const c = roundDiv(sum, pow10(leaf.ws), 2);
      return Number.isNaN(c) ? -1 : c;
    }
    case KIND.appraised: {
      const c = cents(m1, s1);
      return Number.isNaN(c) ? -1 : c;
    }
    default:
      return -1;
  }
}

function fmt(v: number, places: number): string {
  if (v < 0) return `-${fmt(-v, places)}`;
  const s = String(v).padStart(places + 1, '0');
  return `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
}

export interface IntNodeResult {
  readonly points: string | null;
  readonly maxPoints: string | null;
  readonly index?: string | null;
  readonly status: string;
  readonly selfPoints?: string | null;
  readonly value?: unknown;
}

export interface IntUnitResult {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  readonly parent: string | null;
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  readonly rating: string | null;
  readonly rank: number | null;
  readonly rankInParent: number | null;
  readonly selfPoints?: string;
  readonly difference?: string;
  readonly nodes: Record<string, IntNodeResult>;
}

export interface IntReport {
  readonly results: IntUnitResult[];
  readonly slowEvaluations: number;
}

/** Figures of one unit in integer cents. */
export interface IntFigures { points: number; max: number; self: number; index: number; appraised: boolean; nodes: Record<string, IntNodeResult> }

/** Scores every unit (tree, totals, index, rating); no ranks. */
export function evaluateInt(ic: IntCriteria, input: IntInput): IntFigures[] {
  SLOW_EVALS = 0;
  const L = input.stride;
  const missingCounted = ic.library.missing === 'zero';
  const out: IntFigures[] = [];
  let N = 0;
  for (const p of input.plans) N = Math.max(N, p.plan.nodes.length);
  const pts = new Float64Array(N);
  const mx = new Float64Array(N);
  const sf = new Float64Array(N);
  const counted = new Uint8Array(N);
  const status = new Uint8Array(N);
  const appr = new Uint8Array(N);
  for (let u = 0; u < input.units.length; u++) {
    const unit = input.units[u]!;
    const p = input.plans[u]!;
    const nodesPlan = p.plan.nodes;
    const level = p.plan.level;
    const base = u * L;
    const results: (IntNodeResult | undefined)[] = new Array(nodesPlan.length);
    const evalOne = (leaf: ILeaf, t: Slots, at: number, record: Readonly<Record<string, unknown>> | undefined): number => {
      const st = t.st[at]!;
      if (st === ST_SLOW) { SLOW_EVALS++; return slowCents(leaf, unit, record?.[leaf.code], level); }
      let c = fastCents(leaf, t.m1[at]!, t.s1[at]!, t.m2[at]!, t.s2[at]!);
      if (c === -1) { SLOW_EVALS++; c = slowCents(leaf, unit, record?.[leaf.code], level); }
      return c;
    };
    for (let s = 0; s < p.leaves.length; s++) {
      const leaf = p.leaves[s]!;
      const at = base + s;
      const i = leaf.node;
      const aSt = input.appr.st[at]!;
      const hasAppr = aSt !== ST_MISSING;
      if (leaf.kind === KIND.info) {
        const st = hasAppr ? aSt : input.self.st[at]!;
        const value = st === ST_VALUE ? (hasAppr ? unit.appraised?.[leaf.code] : unit.values[leaf.code]) : null;
        counted[i] = 0; pts[i] = 0; mx[i] = 0; sf[i] = 0; status[i] = 3; appr[i] = 0;
        results[i] = { points: null, maxPoints: null, status: 'info', value: value as string | number | boolean | null };
        continue;
      }
      // final answer: the appraised one where there is one
      const fSt = hasAppr ? aSt : input.self.st[at]!;
      let final: number; // cents, NaN: not counted
      let fStatus: number;
      if (fSt === ST_MISSING) { final = missingCounted ? 0 : Number.NaN; fStatus = 2; }
      else if (fSt === ST_NA) { final = Number.NaN; fStatus = 1; }
      else {
        final = hasAppr ? evalOne(leaf, input.appr, at, unit.appraised) : evalOne(leaf, input.self, at, unit.values);
        fStatus = Number.isNaN(final) ? 1 : 0;
      }
      const isCounted = !Number.isNaN(final);
      let self = isCounted ? final : 0;
      let selfText: string | null | undefined;
      if (hasAppr) {
        const sSt = input.self.st[at]!;
        const own = sSt === ST_MISSING ? (missingCounted ? 0 : Number.NaN) : sSt === ST_NA ? Number.NaN : evalOne(leaf, input.self, at, unit.values);
        self = Number.isNaN(own) ? 0 : own;
        selfText = Number.isNaN(own) ? null : fmt(own, 2);
      }
      counted[i] = isCounted ? 1 : 0;
      pts[i] = isCounted ? final : 0;
      mx[i] = isCounted ? leaf.pc : 0;
      sf[i] = self;
      status[i] = fStatus;
      appr[i] = hasAppr ? 1 : 0;
      results[i] = selfText !== undefined
        ? { points: isCounted ? fmt(final, 2) : null, maxPoints: isCounted ? fmt(leaf.pc, 2) : null, status: STATUS[fStatus]!, selfPoints: selfText }
        : { points: isCounted ? fmt(final, 2) : null, maxPoints: isCounted ? fmt(leaf.pc, 2) : null, status: STATUS[fStatus]! };
    }
    for (let i = nodesPlan.length - 1; i >= 0; i--) {
      if (p.isLeaf[i]) continue;
      const children = nodesPlan[i]!.children;
      let P = 0;
      let M = 0;
      let S = 0;
      let any = false;
      let allInfo = children.length > 0;
      let below = false;
      for (const c of children) {
        S += sf[c]!;
        if (appr[c]) below = true;
        if (status[c] !== 3) allInfo = false;
        if (!counted[c]) continue;
        any = true;
        P += pts[c]!;
        M += mx[c]!;
      }
      const cap = p.capC[i]!;
      if (!Number.isNaN(cap)) { P = Math.min(P, cap); M = Math.min(M, cap); S = Math.min(S, cap); }
      counted[i] = any ? 1 : 0;
      pts[i] = P; mx[i] = any ? M : 0; sf[i] = S; appr[i] = below ? 1 : 0;
      status[i] = any ? 0 : allInfo ? 3 : 1;
      const index = M === 0 ? null : fmt(roundDiv(P, M, 4), 4);
      results[i] = below
        ? { points: fmt(P, 2), maxPoints: fmt(M, 2), index, status: STATUS[status[i]!]!, selfPoints: fmt(S, 2) }
        : { points: fmt(P, 2), maxPoints: fmt(M, 2), index, status: STATUS[status[i]!]! };
    }
    let P = 0;
    let M = 0;
    let S = 0;
    let below = false;
    for (const r of p.plan.roots) {
      S += sf[r]!;
      if (appr[r]) below = true;
      if (!counted[r]) continue;
      P += pts[r]!;
      M += mx[r]!;
    }
    const nodes: Record<string, IntNodeResult> = {};
    for (let i = 0; i < nodesPlan.length; i++) nodes[nodesPlan[i]!.code] = results[i]!;
    out.push({ points: P, max: M, self: S, index: M === 0 ? Number.NaN : roundDiv(P, M, 4), appraised: below, nodes });
  }
  return out;
}

/** The whole report: evaluation, ratings, ranks, formatting. */
export function scoreInt(ic: IntCriteria, input: IntInput, figures: IntFigures[] = evaluateInt(ic, input)): IntReport {
  const byPoints = ic.library.ranking.by === 'points';
  const dense = ic.library.ranking.ties === 'dense';
  const keys = Float64Array.from(figures, (f) => (Number.isNaN(f.index) ? Number.NaN : byPoints ? f.points : f.index));
  const cohortOf = ic.library.ranking.cohort === 'level+group' ? (u: number) => input.atoms[u]! : (u: number) => input.units[u]!.level;
  const ranks = rankFloat(keys, cohortOf, dense);
  const parentKeys = keys.map((k, u) => (input.units[u]!.parent ? k : Number.NaN));
  const parentRanks = rankFloat(parentKeys, (u) => `${input.units[u]!.level}\u0000${input.units[u]!.parent ?? ''}`, dense);
  const results = figures.map((f, u): IntUnitResult => {
    const source = input.units[u]!;
    let rating: string | null = null;
    if (!Number.isNaN(f.index)) {
      for (let k = 0; k < ic.ratingMin.length; k++) {
        const [m, s] = ic.ratingMin[k]!;
        // min <= index/10^4  <=>  m·10^4 <= index·10^s
        if (m * 1e4 <= f.index * pow10(s)) { rating = ic.ratingIds[k]!; break; }
      }
    }
    const head = {
      unit: source.id,
      name: source.name ?? null,
      level: source.level,
      group: source.group ?? null,
      parent: source.parent ?? null,
      points: fmt(f.points, 2),
      maxPoints: fmt(f.max, 2),
      index: Number.isNaN(f.index) ? null : fmt(f.index, 4),
      rating,
      rank: ranks[u]! === 0 ? null : ranks[u]!,
      rankInParent: parentRanks[u]! === 0 ? null : parentRanks[u]!,
    };
    return f.appraised ? { ...head, selfPoints: fmt(f.self, 2), difference: fmt(f.points - f.self, 2), nodes: f.nodes } : { ...head, nodes: f.nodes };
  });
  return { results, slowEvaluations: SLOW_EVALS };
}
