/**
 * Deterministic synthetic submissions: `count` communes for one criteria set,
 * a value of the right shape for every leaf that applies to the level, read
 * from the rules in the criteria JSON. Each unit has a latent "maturity" q in
 * [0, 1] (plus a district effect) so totals spread like a real ranking, with
 * ties. A few values are missing, some allowNA leaves answer "n/a", some ratio
 * denominators are 0, and a share of units carry DIC-appraised overrides.
 */
import type { CriteriaSet, Submission, UnitSubmission } from '../src/index.js';
import { buildPlan, type PlanLeaf } from './plan.js';
import { clamp01, hash32, Rng } from './prng.js';

export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
  readonly level: string;
  /** Share of units with 1 to 3 appraised overrides. */
  readonly appraisedShare: number;
  /** Probability that a scored leaf has no value. */
  readonly missingRate: number;
  /** Probability that an allowNA leaf answers "n/a". */
  readonly naRate: number;
  /** Probability that a ratio has denominator 0. */
  readonly zeroDenominatorRate: number;
  /** Number of parent units (districts) the communes are spread over. */
  readonly parents: number;
}

/**
 * The benchmarks' workload: `count` units of `level` with the mix the goal
 * table is measured on (a fifth with appraised values, a few missing, "n/a"
 * and zero-denominator values, fifteen units to a parent).
 */
export function benchWorkload(count: number, seed: number, level = 'commune'): GenerateOptions {
  return { count, seed, level, appraisedShare: 0.2, missingRate: 0.003, naRate: 0.04, zeroDenominatorRate: 0.01, parents: Math.max(1, Math.round(count / 15)) };
}

export interface GenerateStats {
  values: number;
  missing: number;
  na: number;
  zeroDenominators: number;
  appraisedUnits: number;
  appraisedValues: number;
  leavesPerUnit: number;
  byKind: Record<string, number>;
}

const decimalsOf = (text: string): number => {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
};

/** Shortest plain text of a non-negative number with at most `places` decimals. */
function plain(x: number, places: number): string {
  const fixed = x.toFixed(places);
  return places === 0 ? fixed : fixed.replace(/\.?0+$/, '');
}

function str(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(value ?? '');
}

interface LeafProfile {
  /** Typical denominator size of a ratio leaf (staff ~20, documents ~2,000, residents ~20,000). */
  readonly scale: number;
  /** Mean achievement of the leaf across units. */
  readonly mean: number;
}

function profileOf(leaf: PlanLeaf): LeafProfile {
  const h = hash32(leaf.code);
  const scales = [25, 300, 3000, 20000];
  return { scale: scales[h % 4] ?? 300, mean: 0.35 + ((h >>> 4) % 600) / 1000 };
}

/** One value for `leaf`, for a unit of maturity `q`. */
function valueFor(leaf: PlanLeaf, q: number, rng: Rng, options: GenerateOptions, stats: GenerateStats): unknown {
  const rule = leaf.rule;
  const P = Number(leaf.points);
  const prof = profileOf(leaf);
  const achieve = (): number => clamp01(prof.mean + 0.9 * (q - 0.55) + 0.15 * rng.normal());
  switch (rule.kind) {
    case 'boolean':
      return rng.chance(0.3 + 0.65 * q);
    case 'ratio': {
      if (rng.chance(options.zeroDenominatorRate)) {
        stats.zeroDenominators++;
        return { numerator: 0, denominator: 0 };
      }
      const d = Math.max(1, Math.round(prof.scale * rng.logUniform(0.3, 3)));
      let f = achieve();
      if (rule.allowOver === true) f *= 1 + 0.3 * rng.next();
      const n = Math.min(rule.allowOver === true ? Infinity : d, Math.round(f * d));
      return { numerator: n, denominator: d };
    }
    case 'bands': {
      const bands = (rule.bands as readonly { min?: unknown; max?: unknown }[]) ?? [];
      const thresholds = bands.flatMap((b) => [b.min, b.max]).filter((t) => t !== undefined).map(str);
      const top = Math.max(...thresholds.map(Number), 1e-9);
      const places = Math.max(0, ...thresholds.map(decimalsOf));
      const t = clamp01(achieve() * 1.1) * top * 1.5;
      if (places === 0) return Math.round(t);
      if (rng.chance(0.3)) {
        const d = Math.round(rng.logUniform(200, 50000));
        return { numerator: Math.min(d, Math.round(t * d)), denominator: d };
      }
      return plain(t, places + 1);
    }
    case 'count': {
      const each = Number(str(rule.each));
      const enough = Math.ceil(P / each);
      return Math.max(0, Math.round(clamp01(achieve()) * (enough + 2)));
    }
    case 'choice': {
      const opts = rule.options as readonly { id: string }[];
      const i = Math.min(opts.length - 1, Math.floor((1 - clamp01(q + 0.3 * rng.normal())) * opts.length));
      return opts[i]?.id;
    }
    case 'checklist': {
      const items = rule.items as readonly { id: string }[];
      const p = clamp01(0.2 + 0.75 * q);
      if (rng.chance(0.8)) return items.filter(() => rng.chance(p)).map((i) => i.id);
      return Object.fromEntries(items.map((i) => [i.id, rng.chance(p)]));
    }
    case 'linear': {
      const from = Number(str(rule.from));
      const to = Number(str(rule.to));
      const places = Math.max(decimalsOf(str(rule.from)), decimalsOf(str(rule.to))) + 3;
      const t = Math.min(1.15, Math.max(-0.15, achieve() + 0.1 * rng.normal()));
      let x = from + t * (to - from);
      if (from >= 0 && to >= 0) x = Math.max(0, x);
      return x < 0 ? `-${plain(-x, places)}` : plain(x, places);
    }
    case 'relative':
      return plain(rng.logUniform(1, 500) * (0.5 + q), 2);
    case 'appraised':
      return plain(Math.round(P * achieve() * 100) / 100, 2);
    case 'info':
      return rng.int(1, 40);
    default:
      throw new Error(`bench generator: unknown rule kind ${rule.kind}`);
  }
}

/** Generates the batch and some counts describing it. */
export function generateSubmission(set: CriteriaSet, options: GenerateOptions): { submission: Submission; stats: GenerateStats } {
  const plan = buildPlan(set, options.level);
  const rng = new Rng(options.seed);
  const stats: GenerateStats = { values: 0, missing: 0, na: 0, zeroDenominators: 0, appraisedUnits: 0, appraisedValues: 0, leavesPerUnit: plan.leaves.length, byKind: {} };
  for (const leaf of plan.leaves) stats.byKind[leaf.kind] = (stats.byKind[leaf.kind] ?? 0) + 1;
  const parentEffect = Array.from({ length: options.parents }, () => 0.08 * rng.normal());
  const appraisable = plan.leaves.filter((l) => l.kind !== 'info');
  const units: UnitSubmission[] = [];
  for (let u = 0; u < options.count; u++) {
    const parent = u % options.parents;
    const q = clamp01(0.55 + (parentEffect[parent] ?? 0) + 0.17 * rng.normal());
    const values: Record<string, unknown> = {};
    for (const leaf of plan.leaves) {
      if (leaf.kind !== 'info' && rng.chance(options.missingRate)) { stats.missing++; continue; }
      if (leaf.allowNA && rng.chance(options.naRate)) { stats.na++; values[leaf.code] = 'n/a'; continue; }
      values[leaf.code] = valueFor(leaf, q, rng, options, stats);
      stats.values++;
    }
    const id = `xa-${String(u + 1).padStart(5, '0')}`;
    const unit: { -readonly [K in keyof UnitSubmission]: UnitSubmission[K] } = {
      id,
      name: `Xã ${u + 1}`,
      level: options.level,
      parent: `huyen-${String(parent + 1).padStart(3, '0')}`,
      values,
    };
    if (rng.chance(options.appraisedShare)) {
      const appraised: Record<string, unknown> = {};
      const k = rng.int(1, 3);
      for (let i = 0; i < k; i++) {
        const leaf = rng.pick(appraisable);
        appraised[leaf.code] = valueFor(leaf, clamp01(q - 0.1), rng, options, stats);
      }
      stats.appraisedUnits++;
      stats.appraisedValues += Object.keys(appraised).length;
      unit.appraised = appraised;
    }
    units.push(unit);
  }
  return { submission: { criteria: `${set.id}@${set.version}`, period: set.version.split('.')[0] ?? '2022', units }, stats };
}
