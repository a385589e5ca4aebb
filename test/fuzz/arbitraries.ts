/**
 * fast-check generators for the fuzz tests:
 *
 * - {@link validSetArb}: random VALID criteria sets (levels, groups, trees with
 *   parent-prefixed codes, `appliesTo` narrowing, every rule kind, caps,
 *   rounding, missing policy, ranking, ratings, a correct `expectedMax`);
 * - {@link caseArb}: a valid set with a random valid submission for it;
 * - {@link garbageArb}: arbitrary JSON, `fc.anything` with prototype-ish keys,
 *   and mutated valid sets and submissions.
 *
 * The builders draw from a small {@link Rnd} interface fed by `fc.gen()`, so
 * the values shrink (somewhat) in `fc.assert` and replay from a seed.
 */
import fc from 'fast-check';
import type { CriteriaNode, CriteriaSet, LevelScope, Submission, UnitSubmission } from '../../src/index.js';
import * as R from './rational.js';
import type { Q } from './rational.js';
import { referenceExpectedMax } from './reference-scorer.js';

// ---------------------------------------------------------------- randomness

/** The only randomness the builders use. */
export interface Rnd {
  /** A whole number in [min, max] (max - min < 2^53). */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  bool(p?: number): boolean;
  pick<T>(xs: readonly T[]): T;
}

const rawArb = fc.nat({ max: 0x7fffffff });
const raw31 = (): fc.Arbitrary<number> => rawArb;

/** A {@link Rnd} drawing from `fc.gen()` (one cached arbitrary, so drawing is cheap). */
export class GenRnd implements Rnd {
  constructor(private readonly g: fc.GeneratorValue) {}
  private raw(): number {
    return this.g(raw31);
  }
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (span <= 1) return min;
    if (span <= 0x80000000) return min + (this.raw() % span);
    return min + ((this.raw() * 0x80000000 + this.raw()) % span);
  }
  bool(p = 0.5): boolean {
    return this.int(0, 9999) < p * 10000;
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[this.int(0, xs.length - 1)];
    if (x === undefined && xs.length === 0) throw new Error('pick from an empty list');
    return x as T;
  }
}

/** A {@link Rnd} from a 32-bit seed (mulberry32): for shuffling keys outside `fc.assert`. */
export class SeededRnd implements Rnd {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)] as T;
  }
}

function shuffle<T>(r: Rnd, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function subset<T>(r: Rnd, xs: readonly T[], p = 0.5): T[] {
  return xs.filter(() => r.bool(p));
}

// ---------------------------------------------------------------- decimals

/** A non-negative decimal `m / 10^k` with `k <= decimals` and `m / 10^k <= maxValue`. */
function decQ(r: Rnd, maxValue: number, decimals: number): Q {
  const k = r.int(0, decimals);
  const scale = 10 ** k;
  const m = r.int(0, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(maxValue * scale)));
  return R.q(BigInt(m), R.pow10(k));
}

/** `floor(a × t / 1000)` to `decimals` places: a value in [0, a]. */
function shareOf(r: Rnd, a: Q, decimals: number): Q {
  const t = r.pick([0, 1000, r.int(0, 1000), r.int(0, 1000)]);
  const scale = R.pow10(decimals);
  const n = (a.n * BigInt(t) * scale) / (a.d * 1000n);
  return R.q(n, scale);
}

/**
 * Truncates (toward zero) to the library's documented limits: 30 significant
 * digits, and 0 for a magnitude below 10^-30 (which fast-check's shrinking of
 * a failing case can reach; the generator must not throw then, or its error
 * hides the failure being shrunk).
 */
function fit(value: Q): Q {
  if (value.n !== 0n && R.exponentOf(value) < -30) return R.ZERO;
  let out = value;
  for (let k = 30; R.significantDigits(out) > 30 && k >= 0; k--) {
    const scale = R.pow10(k);
    out = R.q((out.n * scale) / out.d, scale);
  }
  return out;
}

/**
 * A non-negative decimal at the edges of the library's documented limits
 * (docs/guides/criteria-format.md, "Decimals"): its first digit at 10^e with
 * `minExponent <= e <= maxExponent` (within -30 to 29), up to 30 significant
 * digits, mostly all 30 (so digits reach down to 10^-59), never below 10^lowest.
 */
function extremeQ(r: Rnd, options: { readonly minExponent?: number; readonly maxExponent?: number; readonly lowest?: number } = {}): Q {
  const e = r.int(Math.max(-30, options.minExponent ?? -30), Math.min(29, options.maxExponent ?? 29));
  // The last digit's place: at most 30 significant digits counted as the library counts them.
  const floorPlace = Math.max(e - 29, options.lowest ?? -59);
  if (floorPlace > e) return R.q(R.pow10(Math.max(e, 0)));
  const last = r.bool(0.6) ? floorPlace : r.int(floorPlace, e);
  let digits = String(r.int(1, 9));
  for (let place = e - 1; place >= last; place--) digits += String(r.int(0, 9));
  const coefficient = BigInt(digits);
  return last >= 0 ? R.q(coefficient * R.pow10(last)) : R.q(coefficient, R.pow10(-last));
}

/** `extremeQ` with probability `p`, else `usual()`. */
function sometimesExtreme(r: Rnd, p: number, usual: () => Q, options?: Parameters<typeof extremeQ>[1]): Q {
  return r.bool(p) ? extremeQ(r, options) : usual();
}

/** Either sign, with probability 1/2. */
function signed(r: Rnd, value: Q): Q {
  return r.bool(0.5) ? R.sub(R.ZERO, value) : value;
}

/** A decimal written as a JSON string or, when the number reads back exactly, a JSON number. */
function rep(r: Rnd, value: Q, pNumber = 0.4): string | number {
  const fitted = fit(value);
  if (!R.withinLimits(fitted)) throw new Error(`generator: ${R.toPlain(fitted)} is outside the documented limits`);
  const text = R.toPlain(fitted);
  if (r.bool(pNumber)) {
    const asNumber = Number(text);
    const back = R.readDecimal(asNumber);
    if (back !== undefined && R.eq(back, value)) return asNumber;
  }
  return text;
}

const ONE_THOUSANDTH = R.q(1n, 1000n);

// ---------------------------------------------------------------- sets

type Atom = string;

/** What the submission builder needs to know about a leaf. */
export interface LeafMeta {
  readonly code: string;
  readonly node: CriteriaNode;
  readonly scope: ReadonlySet<Atom>;
  readonly points: ReadonlyMap<string, Q>;
  /**
   * Values built with the rule to hit a rounding tie exactly, or to miss it by
   * far less than 60 significant digits can see (linear leaves, for the leaf's
   * smallest points `P`): the generated submissions use them often.
   */
  readonly nearTies?: readonly Q[];
}

/** A generated valid set with the facts the submission builder needs. */
export interface GeneratedSet {
  readonly set: CriteriaSet;
  readonly atoms: readonly { readonly level: string; readonly group: string | null }[];
  readonly leaves: readonly LeafMeta[];
  readonly groupsOf: ReadonlyMap<string, readonly string[]>;
  /** Most decimals used in points, caps and awards; `rounding.points` of the set. */
  readonly pointDecimals: number;
  readonly roundingPoints: number;
}

const LEVEL_IDS = ['department', 'district', 'commune', 'ward', 'L_4', 'x-1'];
const GROUP_IDS = ['A', 'B', 'C', 'g-1', 'x_2'];
const ROOT_CODES = ['CQS', 'KTS', 'XHS', 'A', 'T_x', 'b-2'];
const OPTION_IDS = ['yes', 'no', 'partial', 'opt-1', 'o_2', 'Z'];
const RATING_IDS = ['xuat-sac', 'tot', 'kha', 'trung-binh', 'yeu'];
const KINDS = ['boolean', 'ratio', 'linear', 'bands', 'count', 'choice', 'checklist', 'relative', 'appraised', 'info'] as const;

interface Ctx {
  readonly r: Rnd;
  readonly levels: ReadonlyMap<string, readonly string[]>;
  /** Most decimals in points, caps and awards. */
  readonly pointDecimals: number;
  /** `rounding.points` of the set. */
  readonly roundingPoints: number;
  budget: number;
  aliasCount: number;
  readonly leaves: LeafMeta[];
}

function levelOf(atom: Atom): string {
  return atom.split('/')[0] ?? atom;
}

function narrow(ctx: Ctx, parentScope: readonly Atom[]): { appliesTo?: LevelScope[]; scope: Atom[] } {
  const { r } = ctx;
  if (!r.bool(0.3)) return { scope: [...parentScope] };
  let chosen = subset(r, parentScope, 0.6);
  if (chosen.length === 0) chosen = [r.pick(parentScope)];
  const entries: LevelScope[] = [];
  const byLevel = new Map<string, string[]>();
  for (const atom of chosen) {
    const level = levelOf(atom);
    const list = byLevel.get(level) ?? [];
    if (atom.includes('/')) list.push(atom.slice(level.length + 1));
    byLevel.set(level, list);
  }
  for (const level of shuffle(r, [...byLevel.keys()])) {
    const groups = byLevel.get(level)!;
    const all = ctx.levels.get(level) ?? [];
    if (all.length === 0 || (groups.length === all.length && r.bool(0.5))) entries.push(level);
    else entries.push({ level, groups: shuffle(r, groups) });
  }
  return { appliesTo: entries, scope: chosen };
}

function pointsQ(ctx: Ctx): Q {
  const { r } = ctx;
  if (r.bool(0.05)) return R.ZERO;
  if (r.bool(0.05)) return decQ(r, 1_000_000, ctx.pointDecimals);
  // Up to 30 digits (10^29 with every digit), with the set's decimals.
  if (r.bool(0.04)) return extremeQ(r, { minExponent: -ctx.pointDecimals, lowest: -ctx.pointDecimals });
  return R.add(decQ(r, 100, ctx.pointDecimals), r.bool(0.5) ? R.ONE : R.ZERO);
}

function awardFor(ctx: Ctx, minP: Q): { points?: string | number; fraction?: string | number } {
  const { r } = ctx;
  if (r.bool(0.5)) return { fraction: rep(r, r.bool(0.2) ? r.pick([R.ZERO, R.ONE]) : sometimesExtreme(r, 0.15, () => decQ(r, 1, 3), { maxExponent: -1 })) };
  return { points: rep(r, shareOf(r, minP, r.bool(0.15) ? 30 : ctx.pointDecimals)) };
}

/**
 * A linear rule and a value whose exact points sit on a rounding tie of
 * `P` at `places` decimals, or miss it by at most `P × 10^-59 / (to − from)`,
 * far less than a 60-significant-digit product can resolve: `x` and `to`
 * have 30 decimals, `from` 30 significant digits down to 10^-59, so
 * `x − from` has 59 digits and `P × (x − from)` more than 60.
 *
 * With `T = (10k + 5) × 10^-(places+1)` the tie and every number scaled to a
 * whole number, `P × (x − from) − T × (to − from)` is
 * `(10·Pn − Tn)·F + (10·Pn·X − Tn·To)·10^29` (in units of 10^-(places+60)),
 * with `x = X·10^-30`, `to = To·10^-30`, `from = −F·10^-59`: the second term
 * is solved to be small (a linear Diophantine equation), the first cancels
 * it to within one step. `undefined` when `P` or the draw does not allow it.
 */
export function nearTieLinear(r: Rnd, P: Q, places: number): { from: Q; to: Q; x: Q } | undefined {
  const Pn = (P.n * R.pow10(places)) / P.d;
  if (Pn <= 0n || Pn * P.d !== P.n * R.pow10(places)) return undefined;
  const A = 10n * Pn;
  // A tie strictly between P/10 and P (so x/to is between 1/10 and 1 and both fit 30 decimals).
  const low = A / 10n / 10n + 1n;
  const high = (A - 6n) / 10n;
  if (high < low) return undefined;
  const k = low + BigInt(r.int(0, Number(high - low > 1_000_000_000n ? 1_000_000_000n : high - low)));
  const B = 10n * k + 5n;
  if (!(B * 10n > A && B < A)) return undefined;
  const c = A - B;
  const [g, u, v] = R.extendedGcd(A, B);
  // −D in [c, 10c), a multiple of g, so that F = −D·10^29 / c is 30 digits.
  const mLow = (c + g - 1n) / g;
  const mHigh = (10n * c - 1n) / g;
  if (mHigh < mLow) return undefined;
  const span = mHigh - mLow;
  const m = mLow + (span > 1_000_000_000n ? BigInt(r.int(0, 1_000_000_000)) * (span / 1_000_000_000n) : BigInt(r.int(0, Number(span))));
  const D = -g * m;
  const [X0, To0, stepX, stepTo] = [u * (D / g), -v * (D / g), B / g, A / g];
  const E29 = R.pow10(29);
  const E30 = R.pow10(30);
  // X between 10^29 and 10^30 · T/P, so that To = (A·X − D)/B stays below 10^30.
  const xHigh = (E30 * B) / A;
  if (xHigh <= E29) return undefined;
  const wanted = E29 + ((xHigh - E29) * BigInt(r.int(1, 999))) / 1000n;
  const t = (wanted - X0) / stepX;
  const X = X0 + t * stepX;
  const To = To0 + t * stepTo;
  if (!(X >= E29 && X < E30 && To >= E29 && To < E30) || A * X - B * To !== D) return undefined;
  // F: just below the tie (or on it when c divides), or just above.
  let F = (-D * E29) / c + (r.bool(0.5) ? 1n : 0n);
  if (r.bool(0.1) && (-D * E29) % c === 0n) F = (-D * E29) / c;
  if (!(F >= E29 && F < E30)) return undefined;
  const from = R.q(-F, R.pow10(59));
  const to = R.q(To, E30);
  const x = R.q(X, E30);
  // Lower is better, half of the time: the same ratio with every sign turned.
  return r.bool(0.5) ? { from, to, x } : { from: R.sub(R.ZERO, from), to: R.sub(R.ZERO, to), x: R.sub(R.ZERO, x) };
}

function ruleFor(ctx: Ctx, kind: (typeof KINDS)[number], minP: Q, nearTies: Q[]): NonNullable<CriteriaNode['rule']> {
  const { r } = ctx;
  switch (kind) {
    case 'boolean':
    case 'appraised':
    case 'info':
      return { kind };
    case 'ratio': {
      const allowOver = r.pick([undefined, false, true]);
      const rule: { kind: 'ratio'; target?: string | number; floor?: string | number; zeroDenominator?: 'not-applicable' | 'full' | 'zero'; allowOver?: boolean } = { kind: 'ratio' };
      if (r.bool(0.6)) {
        let target = sometimesExtreme(r, 0.15, () => (allowOver ? decQ(r, 3, 3) : decQ(r, 1, 3)), { maxExponent: -1 });
        if (R.isZero(target)) target = r.pick([R.ONE, ONE_THOUSANDTH, R.q(1n, 2n)]);
        rule.target = rep(r, target);
      }
      if (r.bool(0.4)) rule.floor = rep(r, r.bool(0.2) ? r.pick([R.ZERO, R.ONE]) : sometimesExtreme(r, 0.15, () => decQ(r, 1, 2), { maxExponent: -1 }));
      if (r.bool(0.5)) rule.zeroDenominator = r.pick(['not-applicable', 'full', 'zero'] as const);
      if (allowOver !== undefined) rule.allowOver = allowOver;
      return rule;
    }
    case 'linear': {
      const tie = r.bool(0.3) ? nearTieLinear(r, minP, ctx.roundingPoints) : undefined;
      if (tie !== undefined) {
        nearTies.push(tie.x);
        return { kind: 'linear', from: rep(r, tie.from), to: rep(r, tie.to) };
      }
      const usual = (): Q => R.sub(decQ(r, 200, 3), R.q(50n));
      const from = sometimesExtreme(r, 0.15, usual);
      let to = r.bool(0.15) ? signed(r, extremeQ(r)) : usual();
      if (R.eq(from, to)) to = R.add(to, R.ONE);
      return { kind: 'linear', from: rep(r, from), to: rep(r, to) };
    }
    case 'bands': {
      const n = r.int(1, 4);
      const boundary = (): Q => {
        if (r.bool(0.1)) return signed(r, extremeQ(r));
        return r.bool(0.3) ? r.pick([R.ZERO, R.q(1n, 2n), R.ONE, R.q(50n), R.q(100n)]) : R.sub(decQ(r, 110, 3), R.q(5n));
      };
      const bands = Array.from({ length: n }, () => {
        const band: { min?: string | number; max?: string | number; points?: string | number; fraction?: string | number } = {};
        let min = r.bool(0.7) ? boundary() : undefined;
        let max = r.bool(0.5) ? boundary() : undefined;
        if (min !== undefined && max !== undefined && R.gt(min, max)) [min, max] = [max, min];
        if (min !== undefined) band.min = rep(r, min);
        if (max !== undefined) band.max = rep(r, max);
        return Object.assign(band, awardFor(ctx, minP));
      });
      const rule: { kind: 'bands'; bands: typeof bands; else?: string | number } = { kind: 'bands', bands };
      if (r.bool(0.4)) rule.else = rep(r, shareOf(r, minP, ctx.pointDecimals));
      return rule;
    }
    case 'count': {
      let each = sometimesExtreme(r, 0.15, () => decQ(r, 20, 3));
      if (R.isZero(each)) each = r.pick([R.ONE, R.q(1n, 2n), ONE_THOUSANDTH]);
      return { kind: 'count', each: rep(r, each) };
    }
    case 'choice':
    case 'checklist': {
      const ids = shuffle(r, OPTION_IDS).slice(0, r.int(1, kind === 'choice' ? 4 : 5));
      const entries = ids.map((id) => ({ id, label: { vi: `Mục ${id}` }, ...awardFor(ctx, minP) }));
      return kind === 'choice' ? { kind, options: entries } : { kind, items: entries };
    }
    case 'relative': {
      const cohort = r.pick([undefined, 'level', 'group'] as const);
      return cohort === undefined ? { kind } : { kind, cohort };
    }
  }
}

function withExtras(ctx: Ctx, node: Record<string, unknown>): void {
  const { r } = ctx;
  if (r.bool(0.05)) node.description = { vi: 'Mô tả', en: 'Description' };
  if (r.bool(0.05)) node.evidence = { vi: 'Minh chứng' };
  if (r.bool(0.05)) node.source = '922/QĐ-BTTTT, 7.3';
  if (r.bool(0.05)) node.unit = r.pick(['%', 'count']);
  if (r.bool(0.05)) node.aliases = [`OLDX.${ctx.aliasCount++}`];
}

function buildNode(ctx: Ctx, code: string, depth: number, maxDepth: number, parentScope: readonly Atom[]): CriteriaNode {
  const { r } = ctx;
  ctx.budget -= 1;
  const { appliesTo, scope } = narrow(ctx, parentScope);
  const scopeLevels = [...new Set(scope.map(levelOf))];
  const node: Record<string, unknown> = { code, name: { vi: `Tiêu chí ${code}` } };
  withExtras(ctx, node);
  if (appliesTo !== undefined) node.appliesTo = appliesTo;
  const leaf = depth >= maxDepth || ctx.budget <= 1 || r.bool(0.4);
  if (leaf) {
    const kind = r.pick(KINDS);
    const points = new Map<string, Q>();
    if (kind !== 'info') {
      if (r.bool(0.5)) {
        const p = pointsQ(ctx);
        for (const level of scopeLevels) points.set(level, p);
        node.points = rep(r, p);
      } else {
        const obj: Record<string, string | number> = {};
        for (const level of shuffle(r, scopeLevels)) {
          const p = pointsQ(ctx);
          points.set(level, p);
          obj[level] = rep(r, p);
        }
        node.points = obj;
      }
    }
    const minP = [...points.values()].reduce((a, b) => R.min(a, b), points.values().next().value ?? R.ZERO);
    const nearTies: Q[] = [];
    node.rule = ruleFor(ctx, kind, minP, nearTies);
    if (r.bool(0.3)) node.allowNA = r.bool(0.8);
    // Spec §9: a leaf that takes a number may bound it (a `%` leaf is [0, 1] unless its range says otherwise).
    if (NUMERIC_KINDS.has(kind) && r.bool(0.15)) {
      const low = r.bool(0.6) ? R.sub(decQ(r, 20, 2), R.q(5n)) : undefined;
      const high = r.bool(0.7) || low === undefined ? R.add(low ?? R.ZERO, decQ(r, 200, 2)) : undefined;
      node.range = { ...(low !== undefined ? { min: rep(r, low) } : {}), ...(high !== undefined ? { max: rep(r, high) } : {}) };
    }
    const result = node as unknown as CriteriaNode;
    ctx.leaves.push({ code, node: result, scope: new Set(scope), points, ...(nearTies.length > 0 ? { nearTies } : {}) });
    return result;
  }
  const n = Math.max(1, Math.min(r.int(1, 4), ctx.budget));
  const children: CriteriaNode[] = [];
  for (let i = 0; i < n; i++) {
    const segment = r.bool(0.85) ? String(i + 1) : `${i + 1}${r.pick(['a', '_b', '-c'])}`;
    const childCode = r.bool(0.1) ? `${code}.${segment}.z` : `${code}.${segment}`;
    children.push(buildNode(ctx, childCode, depth + 1, maxDepth, scope));
  }
  if (r.bool(0.25)) {
    const capValue = (): string | number => {
      if (r.bool(0.05)) return rep(r, extremeQ(r, { minExponent: -ctx.pointDecimals, lowest: -ctx.pointDecimals }));
      return rep(r, r.bool(0.05) ? R.ZERO : decQ(r, r.pick([20, 100, 300]), ctx.pointDecimals));
    };
    if (r.bool(0.5)) node.cap = capValue();
    else {
      let levels = subset(r, scopeLevels, 0.6);
      if (levels.length === 0) levels = [r.pick(scopeLevels)];
      node.cap = Object.fromEntries(levels.map((level) => [level, capValue()]));
    }
  }
  node.children = children;
  return node as unknown as CriteriaNode;
}

/** Builds a random valid criteria set. */
export function buildSet(r: Rnd): GeneratedSet {
  const levelIds = shuffle(r, LEVEL_IDS).slice(0, r.int(1, 3));
  const levels = new Map<string, string[]>();
  for (const id of levelIds) levels.set(id, r.bool(0.4) ? shuffle(r, GROUP_IDS).slice(0, r.int(1, 3)) : []);
  const atoms: Atom[] = [];
  for (const [level, groups] of levels) {
    if (groups.length === 0) atoms.push(level);
    else for (const g of groups) atoms.push(`${level}/${g}`);
  }
  const dp = r.bool(0.8) ? r.int(0, 4) : undefined;
  const idp = r.int(0, 6);
  const roundingPoints = dp ?? 2;
  // Points and caps never have more decimals than rounding keeps (validation rejects them: criteria/precision).
  const pointDecimals = Math.min(3, roundingPoints);
  const ctx: Ctx = { r, levels, pointDecimals, roundingPoints, budget: r.int(3, 24), aliasCount: 0, leaves: [] };
  const maxDepth = r.int(1, 4);
  const nodes: CriteriaNode[] = [];
  const roots = shuffle(r, ROOT_CODES).slice(0, r.int(1, 4));
  for (const code of roots) {
    if (ctx.budget <= 0 && nodes.length > 0) break;
    nodes.push(buildNode(ctx, code, 1, maxDepth, atoms));
  }

  const set: Record<string, unknown> = {
    format: 1,
    id: 'fuzz-set',
    version: '2024.1.0',
    status: r.pick(['draft', 'published']),
    title: { vi: 'Bộ chỉ số thử', en: 'Fuzz set' },
    basis: r.bool(0.5) ? [] : [{ ref: '2088/QĐ-UBND', date: '2022-07-14' }],
    effective: { from: '2024-01-01', to: r.bool(0.5) ? null : '2024-12-31' },
    levels: [],
  };
  if (dp !== undefined || r.bool(0.5)) set.rounding = { points: roundingPoints, index: idp };
  const missing = r.pick([undefined, 'zero', 'exclude', 'error', 'zero', 'exclude']);
  if (missing !== undefined) set.missing = missing;
  if (r.bool(0.7)) {
    const ranking: Record<string, string> = {};
    if (r.bool(0.6)) ranking.by = r.pick(['index', 'points']);
    if (r.bool(0.6)) ranking.ties = r.pick(['competition', 'dense']);
    if (r.bool(0.6)) ranking.cohort = r.pick(['level', 'level+group']);
    set.ranking = ranking;
  }
  if (r.bool(0.7)) {
    const mins = new Map<string, Q>();
    const count = r.int(1, 5);
    for (let i = 0; i < count; i++) {
      const m = r.bool(0.3) ? r.pick([R.ZERO, R.ONE, R.q(9n, 10n), R.q(1n, 2n)]) : sometimesExtreme(r, 0.1, () => decQ(r, 1, r.int(1, 5)), { maxExponent: -1 });
      mins.set(R.toPlain(m), m);
    }
    const sorted = [...mins.values()].sort((a, b) => R.cmp(b, a));
    set.ratings = sorted.map((min, i) => ({ id: RATING_IDS[i] ?? `r${i}`, name: { vi: `Loại ${i}` }, min: rep(r, min) }));
  }
  set.nodes = nodes;

  // Levels last: expectedMax is computed from the finished tree.
  const draft = set as unknown as CriteriaSet;
  set.levels = levelIds.map((id) => {
    const groups = levels.get(id)!;
    const level: Record<string, unknown> = { id, name: { vi: `Cấp ${id}` } };
    if (groups.length > 0) level.groups = groups.map((g) => ({ id: g, name: { vi: `Nhóm ${g}` } }));
    return level;
  });
  (set.levels as Record<string, unknown>[]).forEach((level, i) => {
    if (!r.bool(0.75)) return;
    const id = levelIds[i]!;
    const groups = levels.get(id)!;
    // A maximum beyond 30 digits (huge points summed) cannot be written as a decimal: no check then.
    const maxima = (groups.length === 0 ? [id] : groups.map((g) => `${id}/${g}`)).map((atom) => referenceExpectedMax(draft, atom));
    if (!maxima.every(R.withinLimits)) return;
    if (groups.length === 0) level.expectedMax = rep(r, maxima[0]!);
    else level.expectedMax = Object.fromEntries(shuffle(r, groups.map((g, gi) => [g, rep(r, maxima[gi]!)] as const)));
  });

  return {
    set: draft,
    atoms: atoms.map((atom) => ({ level: levelOf(atom), group: atom.includes('/') ? atom.slice(levelOf(atom).length + 1) : null })),
    leaves: ctx.leaves,
    groupsOf: levels,
    pointDecimals,
    roundingPoints,
  };
}

// ---------------------------------------------------------------- submissions

/** A value magnitude: small whole, decimal with up to 6 places, big whole up to 1e15, big decimal, or at the limits. */
function magnitude(r: Rnd): Q {
  switch (r.int(0, 7)) {
    case 7:
      return extremeQ(r);
    case 6: {
      if (r.bool(0.5)) return R.q(R.pow10(r.int(16, 21)));
      // Long decimals, up to the library's documented 30 significant digits.
      const intDigits = r.int(0, 15);
      const fracDigits = r.int(1, 30 - Math.max(intDigits, 1));
      const digits = (n: number): string => Array.from({ length: n }, () => String(r.int(0, 9))).join('');
      return R.parseDecimalText(`${intDigits === 0 ? '0' : `${r.int(1, 9)}${digits(intDigits - 1)}`}.${digits(fracDigits)}`) ?? R.ZERO;
    }
    case 0:
      return R.q(BigInt(r.int(0, 20)));
    case 1:
      return decQ(r, 1000, 6);
    case 2:
      return R.q(BigInt(r.int(0, 1e15)));
    case 3:
      return R.q(r.pick([0n, 1n, 10n ** 15n, 999_999_999_999_999n]));
    case 4:
      return decQ(r, 1e9, 6);
    default:
      return decQ(r, 1, 6);
  }
}

function fractionValue(r: Rnd, allowOver: boolean): { numerator: string | number; denominator: string | number } {
  const d = r.bool(0.1) ? R.ZERO : magnitude(r);
  let n: Q;
  if (R.isZero(d)) n = allowOver && r.bool(0.5) ? magnitude(r) : R.ZERO;
  else if (r.bool(0.15)) n = d;
  else if (allowOver && r.bool(0.4)) n = R.mul(d, decQ(r, 3, 3));
  else n = shareOf(r, d, r.int(0, 6));
  n = fit(n);
  if (!R.withinLimits(n) || (!allowOver && R.gt(n, d))) n = d;
  return { numerator: rep(r, n, 0.5), denominator: rep(r, d, 0.5) };
}

function nudge(r: Rnd, x: Q): Q {
  const eps = R.q(1n, R.pow10(r.int(0, 6)));
  return r.pick([x, x, R.add(x, eps), R.sub(x, eps)]);
}

function infoValue(r: Rnd): unknown {
  return r.pick<unknown>([null, true, false, 0, 1.5, -3, 1e21, 'ghi chú', '', 'Có', '12.5', r.int(-1000, 1000)]);
}

/** The kinds that take a number, which a leaf's `range` (and a `%` unit) bounds. */
const NUMERIC_KINDS: ReadonlySet<string> = new Set(['linear', 'bands', 'count', 'relative']);

/** The bounds of a numeric leaf (spec §9): its `range`, `[0, 1]` for a `%` leaf; `undefined` when none. */
export function domainOf(node: CriteriaNode): { readonly min: Q | undefined; readonly max: Q | undefined } | undefined {
  if (!NUMERIC_KINDS.has(node.rule?.kind ?? '')) return undefined;
  const percent = node.unit === '%';
  // Spec §9, as documented: a `range` given is the whole domain; without one a `%` leaf's is [0, 1].
  const min = node.range !== undefined ? (node.range.min === undefined ? undefined : R.readDecimal(node.range.min)) : percent ? R.ZERO : undefined;
  const max = node.range !== undefined ? (node.range.max === undefined ? undefined : R.readDecimal(node.range.max)) : percent ? R.ONE : undefined;
  return min === undefined && max === undefined ? undefined : { min, max };
}

/**
 * A value for `leaf` at `level`: valid by construction, but for a bounded
 * leaf one time in ten the value as drawn, which may lie outside its domain
 * (the reference then expects the rejection).
 */
export function valueFor(r: Rnd, leaf: LeafMeta, level: string): unknown {
  const value = drawValue(r, leaf, level);
  const domain = domainOf(leaf.node);
  if (domain === undefined || r.bool(0.1) || typeof value === 'object') return value;
  const x = R.readDecimal(typeof value === 'string' ? value.trim() : value);
  if (x === undefined || ((domain.min === undefined || R.le(domain.min, x)) && (domain.max === undefined || R.le(x, domain.max)))) return value;
  // Redrawn inside the domain: its ends, or a point between them.
  const low = domain.min ?? R.sub(domain.max!, R.q(100n));
  const high = domain.max ?? R.add(domain.min!, R.q(100n));
  const inside = r.pick([low, high, R.add(low, R.mul(R.sub(high, low), decQ(r, 1, 4)))]);
  const whole = leaf.node.rule!.kind === 'count';
  const nonNegative = R.max(inside, R.ZERO);
  return rep(r, whole ? R.q((nonNegative.n + nonNegative.d - 1n) / nonNegative.d) : inside);
}

function drawValue(r: Rnd, leaf: LeafMeta, level: string): unknown {
  const rule = leaf.node.rule!;
  const P = leaf.points.get(level) ?? R.ZERO;
  switch (rule.kind) {
    case 'boolean':
      return r.bool();
    case 'ratio':
      return fractionValue(r, rule.allowOver === true);
    case 'linear': {
      if (leaf.nearTies !== undefined && r.bool(0.6)) return rep(r, r.pick(leaf.nearTies));
      const from = R.readDecimal(rule.from)!;
      const to = R.readDecimal(rule.to)!;
      const base = r.pick([from, to, R.div(R.add(from, to), R.q(2n)), R.sub(decQ(r, 400, 6), R.q(150n)), magnitude(r), signed(r, extremeQ(r))]);
      return rep(r, nudge(r, base));
    }
    case 'bands': {
      if (r.bool(0.35)) return fractionValue(r, false);
      const bounds = rule.bands.flatMap((b) => [b.min, b.max]).filter((x): x is string | number => x !== undefined).map((x) => R.readDecimal(x)!);
      const base = bounds.length > 0 && r.bool(0.6) ? r.pick(bounds) : r.bool(0.1) ? signed(r, extremeQ(r)) : R.sub(decQ(r, 120, 6), R.q(10n));
      return rep(r, nudge(r, base));
    }
    case 'count': {
      const n = r.bool(0.8) ? R.q(BigInt(r.int(0, 30))) : r.bool(0.5) ? extremeQ(r, { minExponent: 0, lowest: 0 }) : R.q(BigInt(r.int(0, 1e15)));
      if (r.bool(0.1)) return `${R.toPlain(n)}.${'0'.repeat(r.int(1, 3))}`;
      return rep(r, n, 0.6);
    }
    case 'choice':
      return r.pick(rule.options).id;
    case 'checklist': {
      const ids = rule.items.map((i) => i.id);
      if (r.bool(0.5)) return shuffle(r, subset(r, ids));
      return Object.fromEntries(shuffle(r, subset(r, ids, 0.7)).map((id) => [id, r.bool(0.6)]));
    }
    case 'relative':
      return rep(r, r.bool(0.5) ? r.pick([R.ZERO, R.ONE, R.q(5n, 2n), R.q(10n), R.q(10_000_001n, 1_000_000n)]) : magnitude(r), 0.5);
    case 'appraised':
      return rep(r, shareOf(r, P, r.bool(0.15) ? 30 : r.int(0, 6)), 0.5);
    case 'info':
      return infoValue(r);
  }
}

const NA_SPELLINGS = ['n/a', 'N/A', 'N/a'];

function answerFor(r: Rnd, leaf: LeafMeta, level: string): unknown {
  if (leaf.node.allowNA === true && r.bool(0.12)) return r.pick(NA_SPELLINGS);
  return valueFor(r, leaf, level);
}

/** A random valid submission for a generated set (under `missing: error`, sometimes one that must be rejected). */
export function buildSubmission(r: Rnd, generated: GeneratedSet): Submission {
  const missingPolicy = generated.set.missing ?? 'zero';
  const count = r.bool(0.85) ? r.int(1, 6) : r.int(7, 12);
  const units: UnitSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const atom = r.pick(generated.atoms);
    const unit: Record<string, unknown> = { id: r.bool(0.9) ? `u${i}` : `đơn-vị-${i}` };
    if (r.bool(0.3)) unit.name = `Đơn vị ${i}`;
    unit.level = atom.level;
    if (atom.group !== null) unit.group = atom.group;
    else if (r.bool(0.2)) unit.group = null;
    const parent = r.pick([undefined, null, 'p1', 'p2', 'p3', 'p1']);
    if (parent !== undefined) unit.parent = parent;
    const key = atom.group === null ? atom.level : `${atom.level}/${atom.group}`;
    const applicable = generated.leaves.filter((leaf) => leaf.scope.has(key));
    const pMissing = missingPolicy === 'error' ? 0.01 : 0.15;
    const values: Record<string, unknown> = {};
    for (const leaf of shuffle(r, applicable)) if (!r.bool(pMissing)) values[leaf.code] = answerFor(r, leaf, atom.level);
    unit.values = values;
    if (r.bool(0.35)) {
      const appraised: Record<string, unknown> = {};
      for (const leaf of applicable) if (r.bool(0.35)) appraised[leaf.code] = answerFor(r, leaf, atom.level);
      unit.appraised = appraised;
    }
    units.push(unit as unknown as UnitSubmission);
  }
  const submission: Record<string, unknown> = {};
  if (r.bool(0.3)) submission.criteria = 'fuzz-set@2024.1.0';
  if (r.bool(0.3)) submission.period = '2024';
  submission.units = units;
  return submission as unknown as Submission;
}

/** A valid set and a submission for it. */
export interface Case {
  readonly generated: GeneratedSet;
  readonly submission: Submission;
}

/** Random valid criteria sets. */
export const validSetArb: fc.Arbitrary<GeneratedSet> = fc.gen().map((g) => buildSet(new GenRnd(g)));

/** A random valid set with a random valid submission. */
export const caseArb: fc.Arbitrary<Case> = fc.gen().map((g) => {
  const r = new GenRnd(g);
  const generated = buildSet(r);
  return { generated, submission: buildSubmission(r, generated) };
});

// ---------------------------------------------------------------- garbage

/** Keys that are dangerous when copied naively into plain objects. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** The property a successful prototype pollution would add. */
export const POLLUTION_SENTINEL = 'fuzzPolluted';

const FIELD_KEYS = ['format', 'id', 'version', 'levels', 'nodes', 'code', 'rule', 'kind', 'points', 'children', 'appliesTo', 'cap', 'units', 'values', 'appraised', 'level', 'group', 'numerator', 'denominator', 'min', 'max', 'bands', 'options', 'items'];

const garbageKey = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...PROTO_KEYS), fc.constantFrom(...FIELD_KEYS));

/** A JS value that is nasty where a decimal, a string or an object is expected. */
function nastyValue(r: Rnd): unknown {
  return r.pick<() => unknown>([
    () => null,
    () => undefined,
    () => true,
    () => 0,
    () => -0,
    () => -1,
    () => 1.5,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => Number.NEGATIVE_INFINITY,
    () => 1e308,
    () => -1e308,
    () => 5e-324,
    () => 2 ** 53 + 2,
    () => 1e21,
    () => 1e-7,
    () => '',
    () => ' ',
    () => 'x',
    () => 'n/a',
    () => ' N/A ',
    () => '1e3',
    () => '1,5',
    () => '0x10',
    () => '  12  ',
    () => '-0',
    () => '00012.50',
    () => '.5',
    () => '5.',
    () => '+3',
    () => '١٢',
    () => '9'.repeat(r.int(31, 400)),
    () => `0.${'0'.repeat(40)}1`,
    () => `1${'0'.repeat(40)}`,
    () => 'x'.repeat(r.int(1000, 100_000)),
    () => 'đơn vị\u0000\uD800',
    () => [],
    () => ({}),
    () => [[[[[]]]]],
    () => ({ [POLLUTION_SENTINEL]: true }),
    () => JSON.parse(`{"__proto__": {"${POLLUTION_SENTINEL}": true}, "constructor": {"prototype": {"${POLLUTION_SENTINEL}": true}}}`) as unknown,
    () => 10n,
    () => new Date(0),
    () => new Map([['a', 1]]),
    () => Object.create(null) as unknown,
    () => Array.from({ length: r.int(100, 3000) }, (_, i) => i),
    () => {
      let deep: unknown = { code: 'Z', name: { vi: 'z' }, rule: { kind: 'boolean' }, points: 1 };
      for (let i = 0; i < r.int(10, 40); i++) deep = { code: 'Z', name: { vi: 'z' }, children: [deep] };
      return deep;
    },
  ])();
}

type Container = Record<string, unknown> | unknown[];

function containers(root: unknown, limit = 400): { parent: Container; key: string | number }[] {
  const out: { parent: Container; key: string | number }[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0 && out.length < limit) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        out.push({ parent: value, key: i });
        stack.push(child);
      });
    } else {
      for (const key of Object.keys(value)) {
        out.push({ parent: value as Record<string, unknown>, key });
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return out;
}

function setOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies 1 to 4 random mutations to a deep copy of `value` (valid JSON in, anything out). */
export function mutate(r: Rnd, value: unknown): unknown {
  const root: { root: unknown } = { root: structuredClone(value) };
  const rounds = r.int(1, 4);
  for (let round = 0; round < rounds; round++) {
    const spots = containers(root);
    if (spots.length === 0) break;
    const spot = r.pick(spots);
    const { parent, key } = spot;
    const current = (parent as Record<string | number, unknown>)[key];
    switch (r.int(0, 8)) {
      case 0: // delete
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key as string];
        break;
      case 1: // rename
        if (!Array.isArray(parent)) {
          delete parent[key as string];
          const renamed = r.pick([`${key}x`, String(key).toUpperCase(), ` ${key}`, String(key).slice(1), '__proto__', 'constructor', '']);
          setOwn(parent, renamed, current);
        }
        break;
      case 2:
      case 3: // retype
        setOwn(parent, key, nastyValue(r));
        break;
      case 4: { // swap with another spot
        const other = r.pick(spots);
        const otherValue = (other.parent as Record<string | number, unknown>)[other.key];
        setOwn(other.parent, other.key, current);
        setOwn(parent, key, otherValue);
        break;
      }
      case 5: // duplicate an array element / copy a sibling key
        if (Array.isArray(parent)) parent.push(structuredClone(current));
        else setOwn(parent, `${key}`, structuredClone(current));
        break;
      case 6: // numbers as text and text as numbers
        if (typeof current === 'number') setOwn(parent, key, r.pick([String(current), `${current}e0`, -current, current * 1e20, current + 0.1]));
        else if (typeof current === 'string') setOwn(parent, key, r.pick([Number(current), `${current}${current}`, current.toUpperCase(), `${current}.0`, `-${current}`]));
        else setOwn(parent, key, nastyValue(r));
        break;
      case 7: // inject a prototype-polluting key
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
          setOwn(current as Container, r.pick(['__proto__', 'constructor', 'prototype']), { [POLLUTION_SENTINEL]: true, prototype: { [POLLUTION_SENTINEL]: true } });
        } else setOwn(parent, '__proto__', { [POLLUTION_SENTINEL]: true });
        break;
      default: { // wrap
        let text: string;
        try {
          text = JSON.stringify(current) ?? 'undefined';
        } catch {
          text = String(typeof current);
        }
        setOwn(parent, key, r.pick([[current], { value: current }, text]));
      }
    }
  }
  return root.root;
}

/** A garbage input and what to do with it. */
export type Garbage =
  | { readonly kind: 'json' | 'anything' | 'proto-json'; readonly value: unknown; readonly generated: GeneratedSet }
  | { readonly kind: 'mutated-criteria'; readonly value: unknown; readonly generated: GeneratedSet; readonly submission: Submission }
  | { readonly kind: 'mutated-submission'; readonly value: unknown; readonly generated: GeneratedSet };

const anythingArb = fc.anything({
  key: garbageKey,
  maxDepth: 4,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});
const jsonArb = fc.jsonValue({ maxDepth: 4 });

/** JSON text with `__proto__` keys at random places, parsed (as `JSON.parse` makes them: own properties). */
const protoJsonArb = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat()).map(([value, seed]) => {
  const text = JSON.stringify({ wrapper: value, units: [{ id: 'x', level: 'l', values: { __PROTO__: 1 } }] });
  const payload = `{"${POLLUTION_SENTINEL}": true, "constructor": {"prototype": {"${POLLUTION_SENTINEL}": true}}}`;
  const injected = text.replace(/\{/g, (brace, offset: number) => ((offset + seed) % 3 === 0 ? `{"__proto__": ${payload},` : brace)).replace(/,\}/g, '}');
  try {
    return JSON.parse(injected.replace('"__PROTO__":1', '"__proto__":1')) as unknown;
  } catch {
    // A brace inside a string broke the text: inject at the top level only.
    return JSON.parse(`{"__proto__": ${payload}, "units": [{"__proto__": ${payload}, "id": "x", "level": "l", "values": {"__proto__": 1}}], "wrapper": ${JSON.stringify(value)}}`) as unknown;
  }
});

/** Random garbage, each with a valid set to score it against. */
export const garbageArb: fc.Arbitrary<Garbage> = fc.gen().chain((g) => {
  const r = new GenRnd(g);
  const generated = buildSet(r);
  switch (r.int(0, 4)) {
    case 0:
      return jsonArb.map((value): Garbage => ({ kind: 'json', value, generated }));
    case 1:
      return anythingArb.map((value): Garbage => ({ kind: 'anything', value, generated }));
    case 2:
      return protoJsonArb.map((value): Garbage => ({ kind: 'proto-json', value, generated }));
    case 3: {
      const submission = buildSubmission(r, generated);
      return fc.constant<Garbage>({ kind: 'mutated-criteria', value: mutate(r, generated.set), generated, submission });
    }
    default: {
      const submission = buildSubmission(r, generated);
      return fc.constant<Garbage>({ kind: 'mutated-submission', value: mutate(r, submission), generated });
    }
  }
});

/** Deep copy of a JSON value with every object's keys in a random order (arrays keep their order). */
export function shuffleKeys<T>(r: Rnd, value: T): T {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(r, v)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = shuffle(r, Object.entries(value as Record<string, unknown>));
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) setOwn(out, k, shuffleKeys(r, v));
    return out as T;
  }
  return value;
}
