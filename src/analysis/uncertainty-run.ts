/**
 * The engine of the uncertainty and sensitivity analyses, shared by the
 * single-thread functions of `dti-criteria/analysis` and the worker threads
 * of `dti-criteria/node`: a plan (inputs checked, the official results), the
 * model run of one sample (a variant scored exactly), blocks of samples, and
 * the summaries built from blocks in any order.
 */
import { safeParseCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet, MissingPolicy } from '../compile/types.js';
import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import type { CriteriaStamp, ScoreReport } from '../scoring/result-types.js';
import { safeScoreBatch } from '../scoring/score-batch.js';
import { safeAlternativeIndex, type AggregationMethod } from './alternative-index.js';
import { safeDeriveVariant } from './derive-variant.js';
import { drawInput, planInputs, type Draw, type PlannedInput, type UncertainInput } from './uncertain-inputs.js';

/**
 * Most samples of an uncertainty analysis, and most base samples `N` of a
 * sensitivity analysis: 10,000 (an uncertainty analysis keeps 6 bytes per
 * unit per sample: 200 MB for 10,000 samples of 3,300 communes).
 *
 * @example
 * ```ts
 * import { MAX_SAMPLES } from 'dti-criteria/analysis';
 * console.log(MAX_SAMPLES); // 10000
 * ```
 * @category Uncertainty
 */
export const MAX_SAMPLES = 10_000;

/** Options of `safeUncertainty` (and of `safeSensitivity`, where `samples` is the base sample `N`). */
export interface UncertaintyOptions {
  /** How many samples (1 to 10,000); for a sensitivity analysis the base sample `N` (the model runs `N·(k + 2)`). */
  readonly samples: number;
  /** The seed (a whole number from 0 to 2⁵³ − 1; default 1): sample `i` draws from its own stream `(seed, i, input)`. */
  readonly seed?: number;
  /** The uncertain inputs, at least one; at most one `missing` and one `aggregation`. */
  readonly inputs: readonly UncertainInput[];
}

/** One unit's ranks and ratings over the samples, beside its official ones. */
export interface UncertainUnit {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  /** The unit's published figures: the set as it is. */
  readonly official: { readonly index: string | null; readonly rank: number | null; readonly rating: string | null };
  /**
   * Its rank (within its cohort, as published) over the samples where it has
   * one (`samples`): the median and the 5 % and 95 % quantiles (`low`,
   * `high`), each the type-7 quantile of Hyndman and Fan (R's default): with
   * the `n` ranks sorted and `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`,
   * exact (at most two decimals); `null` when it has no rank in any sample.
   */
  readonly rank: { readonly median: number | null; readonly low: number | null; readonly high: number | null; readonly samples: number };
  /** The share of the samples in which it has each of the set's ratings (every rating id, 0 included). */
  readonly ratings: Readonly<Record<string, number>>;
  /** The share of the samples in which it has no rating. */
  readonly unrated: number;
}

/** What `safeUncertainty` returns: per unit, its rank band and rating probabilities; for analysis only. */
export interface UncertaintyResult {
  readonly samples: number;
  readonly seed: number;
  readonly inputs: readonly UncertainInput[];
  /** The probabilities of the rank band's ends. */
  readonly band: { readonly low: 0.05; readonly high: 0.95 };
  /** The mean over the samples of the mean absolute rank shift from the official ranks (the sensitivity output). */
  readonly meanRankShift: number;
  /** The set's rating ids, best first. */
  readonly ratings: readonly string[];
  readonly derivedFrom: { readonly criteria: CriteriaStamp; readonly period: string | null };
  readonly units: readonly UncertainUnit[];
}

/** A sensitivity index pair of one input. */
export interface SensitivityIndex {
  /** The input's position in `inputs`. */
  readonly input: number;
  readonly kind: UncertainInput['kind'];
  /** First-order index `S_i` (Saltelli et al. 2010's estimator): the share of the output's variance due to this input alone. */
  readonly first: number;
  /** Total-effect index `S_Ti` (Jansen's estimator): the share due to this input and all its interactions. */
  readonly total: number;
}

/** What `safeSensitivity` returns: Sobol' indices of the mean absolute rank shift, per input; for analysis only. */
export interface SensitivityResult {
  /** The base sample `N`. */
  readonly samples: number;
  readonly seed: number;
  readonly inputs: readonly UncertainInput[];
  /** The model runs made: `N·(k + 2)` for `k` inputs. */
  readonly runs: number;
  /** The output analysed: the mean, over the units ranked in both, of `|rank − official rank|`. */
  readonly output: 'mean-absolute-rank-shift';
  /** The output's mean and variance (denominator `2N − 1`) over the `2N` runs of matrices A and B. */
  readonly mean: number;
  readonly variance: number;
  readonly indices: readonly SensitivityIndex[];
  readonly derivedFrom: { readonly criteria: CriteriaStamp; readonly period: string | null };
}

/**
 * An analysis ready to run: the inputs checked, a sealed set per
 * missing-value policy, the official results and what the samples are
 * compared with. @internal
 */
export interface UncertaintyPlan {
  readonly samples: number;
  readonly seed: number;
  readonly declared: readonly UncertainInput[];
  readonly inputs: readonly PlannedInput[];
  readonly submission: unknown;
  readonly official: ScoreReport;
  readonly bases: ReadonlyMap<Exclude<MissingPolicy, 'error'> | 'official', CriteriaSet>;
  readonly ratingIds: readonly string[];
  readonly ratingMins: readonly Exact[];
  /** Each unit's official rank (0: none) and rating position (−1: none). */
  readonly officialRanks: Int32Array;
  readonly officialRatings: Int16Array;
}

/** A block of samples `[from, to)`: each sample's ranks and rating positions by unit, and its output. @internal */
export interface UncertaintyBlock {
  readonly from: number;
  readonly to: number;
  /** `(sample − from)·units + unit`: the rank, 0 for none. */
  readonly ranks: Int32Array;
  /** Same layout: the rating's position in the set's list, −1 for none. */
  readonly ratings: Int16Array;
  /** Each sample's mean absolute rank shift. */
  readonly shifts: Float64Array;
}

/** A copy of the declared inputs, as plain data for the results. */
function copyInputs(inputs: readonly UncertainInput[]): UncertainInput[] {
  return inputs.map((input) => {
    if (input.kind !== 'weights') return { ...input, options: [...input.options] } as UncertainInput;
    return { ...input, ...(input.nodes !== undefined ? { nodes: [...input.nodes] } : {}) };
  });
}

/**
 * Checks the options, the set and the submission, scores the batch as it is
 * and plans the inputs: every problem at once where one does not hide
 * another. @internal
 */
export function planUncertainty(criteria: CriteriaSet, submission: unknown, options: UncertaintyOptions): Result<UncertaintyPlan> {
  const issues: Issue[] = [];
  const given = (options ?? {}) as Partial<UncertaintyOptions>;
  const samples = given.samples;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    issues.push(makeIssue('analysis/bad-samples', ['samples'], { value: String(samples), max: MAX_SAMPLES }));
  }
  const seed = given.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) issues.push(makeIssue('analysis/bad-seed', ['seed'], { value: String(seed) }));
  const set = safeParseCriteria(criteria);
  if (!set.ok) return { ok: false, issues: [...issues, ...set.issues] };
  const official = safeScoreBatch(set.value, submission, { explain: false });
  if (!official.ok) return { ok: false, issues: [...issues, ...official.issues] };
  const { planned, issues: inputIssues } = planInputs(set.value, official.value, given.inputs);
  issues.push(...inputIssues);
  if (issues.length > 0 || planned === undefined) return { ok: false, issues };

  const bases = new Map<Exclude<MissingPolicy, 'error'> | 'official', CriteriaSet>([['official', set.value]]);
  for (const input of planned) {
    if (input.kind !== 'missing') continue;
    for (const option of input.options) {
      const base = option === (set.value.missing ?? 'zero') ? { ok: true as const, value: set.value } : safeParseCriteria({ ...set.value, missing: option });
      if (!base.ok) return base;
      bases.set(option, base.value);
    }
  }
  const ratings = set.value.ratings ?? [];
  const ratingIds = ratings.map((rating) => rating.id);
  const position = new Map(ratingIds.map((id, i) => [id, i]));
  const results = official.value.results;
  const officialRanks = new Int32Array(results.length);
  const officialRatings = new Int16Array(results.length);
  results.forEach((result, u) => {
    officialRanks[u] = result.rank ?? 0;
    officialRatings[u] = result.rating === null ? -1 : position.get(result.rating)!;
  });
  return {
    ok: true,
    value: {
      samples: samples!,
      seed,
      declared: copyInputs(given.inputs!),
      inputs: planned,
      submission,
      official: official.value,
      bases,
      ratingIds,
      ratingMins: ratings.map((rating) => readExact(String(rating.min))!),
      officialRanks,
      officialRatings,
    },
  };
}

/** The position of the set's first rating (highest first) whose minimum the index reaches; −1 for none. */
function ratingOf(plan: UncertaintyPlan, index: string | null): number {
  if (index === null) return -1;
  const value = readExact(index)!;
  return plan.ratingMins.findIndex((min) => min.lte(value));
}

/**
 * One model run: the variant the draws make (weights through
 * `safeDeriveVariant` with `unscalable: 'keep'`, the missing-value policy),
 * scored exactly with `explain: false`, aggregated as drawn; writes each
 * unit's rank and rating position at `offset` and returns the mean absolute
 * rank shift from the official ranks. Throws a `DtiError` when the variant
 * cannot be scored. @internal
 */
export function runDraws(plan: UncertaintyPlan, draws: readonly Draw[], ranks: Int32Array, ratings: Int16Array, offset: number): number {
  let base = plan.bases.get('official')!;
  let weights: Record<string, string> | undefined;
  let method: AggregationMethod = 'arithmetic';
  for (const draw of draws) {
    if (draw.kind === 'missing') base = plan.bases.get(draw.option)!;
    else if (draw.kind === 'aggregation') method = draw.option;
    else weights = { ...weights, ...draw.weights };
  }
  let set = base;
  if (weights !== undefined) {
    const variant = safeDeriveVariant(base, { weights }, { unscalable: 'keep' });
    if (!variant.ok) throw new DtiError(variant.issues);
    set = variant.value;
  }
  const scored = safeScoreBatch(set, plan.submission, { explain: false });
  if (!scored.ok) throw new DtiError(scored.issues);
  const results = scored.value.results;
  const units = results.length;
  if (method === 'arithmetic') {
    const position = new Map(plan.ratingIds.map((id, i) => [id, i]));
    for (let u = 0; u < units; u++) {
      const result = results[u]!;
      ranks[offset + u] = result.rank ?? 0;
      ratings[offset + u] = result.rating === null ? -1 : position.get(result.rating)!;
    }
  } else {
    const other = safeAlternativeIndex(scored.value, set, { method });
    if (!other.ok) throw new DtiError(other.issues);
    const alternative = other.value.units;
    for (let u = 0; u < units; u++) {
      const unit = alternative[u]!;
      ranks[offset + u] = unit.rank ?? 0;
      ratings[offset + u] = ratingOf(plan, unit.index);
    }
  }
  let shift = 0;
  let counted = 0;
  for (let u = 0; u < units; u++) {
    const rank = ranks[offset + u]!;
    const official = plan.officialRanks[u]!;
    if (rank === 0 || official === 0) continue;
    shift += Math.abs(rank - official);
    counted += 1;
  }
  return counted === 0 ? 0 : shift / counted;
}

/** Sample `stream`'s draw of every input (each from its own stream). */
function drawsOf(plan: UncertaintyPlan, streams: (input: number) => number): Draw[] {
  return plan.inputs.map((input, j) => drawInput(input, plan.seed, streams(j), j));
}

/** Runs the uncertainty samples `[from, to)`: sample `i` draws every input from stream `i`. @internal */
export function runUncertaintyBlock(plan: UncertaintyPlan, from: number, to: number): UncertaintyBlock {
  const units = plan.officialRanks.length;
  const ranks = new Int32Array((to - from) * units);
  const ratings = new Int16Array((to - from) * units);
  const shifts = new Float64Array(to - from);
  for (let i = from; i < to; i++) shifts[i - from] = runDraws(plan, drawsOf(plan, () => i), ranks, ratings, (i - from) * units);
  return { from, to, ranks, ratings, shifts };
}

/** The type-7 quantile `percent`/100 of `n` sorted whole numbers, exactly (at most two decimals). */
function rankQuantile(sorted: Int32Array, n: number, percent: number): number {
  const h = (n - 1) * percent; // h·100, a whole number
  const j = Math.floor(h / 100);
  const r = h - j * 100;
  const low = sorted[j]!;
  if (r === 0 || j + 1 >= n) return low;
  return (100 * low + r * (sorted[j + 1]! - low)) / 100;
}

/**
 * The uncertainty result from blocks covering `[0, samples)`, in any order:
 * the same result however the samples were split. @internal
 */
export function summariseUncertainty(plan: UncertaintyPlan, blocks: readonly UncertaintyBlock[]): UncertaintyResult {
  const { samples } = plan;
  const units = plan.officialRanks.length;
  const ratingCount = plan.ratingIds.length;
  const shifts = new Float64Array(samples);
  for (const block of blocks) shifts.set(block.shifts, block.from);
  let shiftSum = 0;
  for (let i = 0; i < samples; i++) shiftSum += shifts[i]!;
  const scratch = new Int32Array(samples);
  const counts = new Int32Array(ratingCount + 1);
  const results = plan.official.results;
  const unitsOut = results.map((result, u): UncertainUnit => {
    // The unit's ranks gathered from every block (sorted below, so the blocks' order does not matter).
    let n = 0;
    counts.fill(0);
    for (const block of blocks) {
      for (let row = u; row < block.ranks.length; row += units) {
        const rank = block.ranks[row]!;
        if (rank !== 0) scratch[n++] = rank;
        const rating = block.ratings[row]!;
        counts[rating < 0 ? ratingCount : rating]! += 1;
      }
    }
    const sorted = scratch.subarray(0, n).sort();
    const at = (percent: number): number | null => (n === 0 ? null : rankQuantile(sorted, n, percent));
    const ratings: Record<string, number> = {};
    plan.ratingIds.forEach((id, r) => {
      ratings[id] = counts[r]! / samples;
    });
    return {
      unit: result.unit,
      name: result.name,
      level: result.level,
      group: result.group,
      official: { index: result.index, rank: result.rank, rating: result.rating },
      rank: { median: at(50), low: at(5), high: at(95), samples: n },
      ratings,
      unrated: counts[ratingCount]! / samples,
    };
  });
  return {
    samples,
    seed: plan.seed,
    inputs: plan.declared,
    band: { low: 0.05, high: 0.95 },
    meanRankShift: shiftSum / samples,
    ratings: [...plan.ratingIds],
    derivedFrom: { criteria: plan.official.criteria, period: plan.official.period },
    units: unitsOut,
  };
}

/**
 * The input streams of sensitivity run `run` (Saltelli's design with base
 * sample `N`): runs `[0, N)` are matrix A (row `i`: every input from stream
 * `i`), `[N, 2N)` matrix B (row `i`: stream `N + i`), then for each input
 * `j` the `N` rows of `A_B^j`: A's row with input `j` taken from B's. @internal
 */
export function sensitivityStreams(run: number, base: number): (input: number) => number {
  if (run < 2 * base) return () => run;
  const j = Math.floor((run - 2 * base) / base);
  const i = (run - 2 * base) % base;
  return (input) => (input === j ? base + i : i);
}

/** Runs the sensitivity model runs `[from, to)`: the output of each. @internal */
export function runSensitivityBlock(plan: UncertaintyPlan, from: number, to: number): Float64Array {
  const units = plan.officialRanks.length;
  const ranks = new Int32Array(units);
  const ratings = new Int16Array(units);
  const out = new Float64Array(to - from);
  for (let run = from; run < to; run++) out[run - from] = runDraws(plan, drawsOf(plan, sensitivityStreams(run, plan.samples)), ranks, ratings, 0);
  return out;
}

/**
 * Sobol' indices from the outputs of Saltelli's design (`N` runs each of A,
 * B and every `A_B^j`, in that order): with `V` the variance of the `2N`
 * outputs of A and B (denominator `2N − 1`),
 * first order `S_j = (1/N)·Σ f(B)·(f(A_B^j) − f(A)) / V` (Saltelli et al.
 * 2010) and total effect `S_Tj = (1/2N)·Σ (f(A) − f(A_B^j))² / V` (Jansen
 * 1999); both 0 when `V` is 0 (no input changes the output). @internal
 */
export function sobolIndices(outputs: Float64Array, base: number, inputs: number): { readonly mean: number; readonly variance: number; readonly first: number[]; readonly total: number[] } {
  const n = base;
  let mean = 0;
  for (let i = 0; i < 2 * n; i++) mean += outputs[i]!;
  mean /= 2 * n;
  let squares = 0;
  for (let i = 0; i < 2 * n; i++) squares += (outputs[i]! - mean) ** 2;
  const variance = n > 0 && 2 * n > 1 ? squares / (2 * n - 1) : 0;
  const first: number[] = [];
  const total: number[] = [];
  for (let j = 0; j < inputs; j++) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const a = outputs[i]!;
      const b = outputs[n + i]!;
      const ab = outputs[(2 + j) * n + i]!;
      s += b * (ab - a);
      t += (a - ab) ** 2;
    }
    first.push(variance === 0 ? 0 : s / n / variance);
    total.push(variance === 0 ? 0 : t / (2 * n) / variance);
  }
  return { mean, variance, first, total };
}

/** The sensitivity result from the outputs of all `N·(k + 2)` runs, in run order. @internal */
export function summariseSensitivity(plan: UncertaintyPlan, outputs: Float64Array): SensitivityResult {
  const k = plan.inputs.length;
  const { mean, variance, first, total } = sobolIndices(outputs, plan.samples, k);
  return {
    samples: plan.samples,
    seed: plan.seed,
    inputs: plan.declared,
    runs: plan.samples * (k + 2),
    output: 'mean-absolute-rank-shift',
    mean,
    variance,
    indices: plan.inputs.map((input, j) => ({ input: j, kind: input.kind, first: first[j]!, total: total[j]! })),
    derivedFrom: { criteria: plan.official.criteria, period: plan.official.period },
  };
}

/** Runs `work`, turning a `DtiError` into a failed result. @internal */
export function captureIssues<T>(work: () => T): Result<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
}
