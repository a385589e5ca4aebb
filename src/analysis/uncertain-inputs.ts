/**
 * The uncertain inputs of an uncertainty or sensitivity analysis: what the
 * caller declares, how it is checked, and how one sample's draw of each is
 * made from its own random stream.
 */
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet, Decimalish, MissingPolicy } from '../compile/types.js';
import { makeIssue, type Issue } from '../errors.js';
import { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { AGGREGATION_METHODS, type AggregationMethod } from './alternative-index.js';
import { safeDeriveVariant } from './derive-variant.js';
import { gammaVariate, sampleStream, uniformInteger } from './random.js';

/**
 * Weights of some nodes, uncertain: each node's weight multiplies the points
 * of every leaf below it (see `safeDeriveVariant`). Give `spread` or
 * `dirichlet`:
 *
 * - `spread` (a decimal in (0, 1), `'0.1'` for ±10 %): each node's weight is
 *   drawn independently, uniform on the decimals of the node's step within
 *   [1 − spread, 1 + spread];
 * - `dirichlet` (a concentration `c` > 0): the nodes' shares of the points
 *   are drawn from a Dirichlet distribution centred on their official shares
 *   `p` (each node's maxima summed over the batch's units, over the same for
 *   all the input's nodes): shares `θ ~ Dirichlet(c·p)`, from gamma variates
 *   `g_j ~ Gamma(c·p_j)` and `θ_j = g_j / Σ g`; each node's weight is then
 *   `θ_j / p_j` rounded half-up to the node's step (at least one step). The
 *   larger `c`, the closer to the official weights (the standard deviation of
 *   a share is `√(p(1 − p)/(c + 1))`).
 *
 * A node's step is `10^−q` with `q` the most decimals (at most the set's
 * `rounding.points`) for which every point figure below the node, times such
 * a weight, can still be published exactly: `0.01` for the Cần Thơ sets.
 * `nodes` default to the set's top-level nodes (its pillars); two weighted
 * nodes may not lie one within the other.
 */
export interface WeightsInput {
  readonly kind: 'weights';
  /** The nodes weighted; default the set's top-level nodes. */
  readonly nodes?: readonly string[];
  /** Uniform within ±spread around 1: a decimal above 0 and below 1. */
  readonly spread?: Decimalish;
  /** Dirichlet around the official shares, with this concentration (a decimal above 0). */
  readonly dirichlet?: Decimalish;
}

/** The set's missing-value policy, uncertain: each sample uses one of the options, each as likely. */
export interface MissingInput {
  readonly kind: 'missing';
  readonly options: readonly Exclude<MissingPolicy, 'error'>[];
}

/**
 * How the pillars aggregate, uncertain: each sample uses one of the options,
 * each as likely. `arithmetic` is the set's own aggregation (the scored
 * index, rating and rank); `geometric` and `minimum` are those of
 * `safeAlternativeIndex` over the top-level nodes, weighted by their points,
 * rated by the set's thresholds and ranked within the cohort.
 */
export interface AggregationInput {
  readonly kind: 'aggregation';
  readonly options: readonly AggregationMethod[];
}

/** One declared source of uncertainty. */
export type UncertainInput = WeightsInput | MissingInput | AggregationInput;

/** The missing-value policies a sample may use. */
const MISSING_OPTIONS: readonly Exclude<MissingPolicy, 'error'>[] = ['zero', 'exclude'];

/** A weights input, checked: its nodes, each node's step (`10^−places`) and, by form, what is drawn. */
export interface PlannedWeights {
  readonly kind: 'weights';
  readonly nodes: readonly string[];
  readonly places: readonly number[];
  /** `spread`: each node's weight is `1 + k·10^−places`, `k` uniform in [−reach, reach]. */
  readonly reach?: readonly number[];
  /** `dirichlet`: the concentration and the official shares. */
  readonly concentration?: number;
  readonly shares?: readonly number[];
}

/** An input, checked. */
export type PlannedInput =
  | PlannedWeights
  | { readonly kind: 'missing'; readonly options: readonly Exclude<MissingPolicy, 'error'>[] }
  | { readonly kind: 'aggregation'; readonly options: readonly AggregationMethod[] };

/** One sample's draw of one input. */
export type Draw =
  | { readonly kind: 'weights'; readonly weights: Readonly<Record<string, string>> }
  | { readonly kind: 'missing'; readonly option: Exclude<MissingPolicy, 'error'> }
  | { readonly kind: 'aggregation'; readonly option: AggregationMethod };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A decimal (string or finite number) as an exact value, or `undefined`. */
function decimalOf(value: unknown): Exact | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? readExact(String(value)) : undefined;
  return typeof value === 'string' ? readExact(value) : undefined;
}

/**
 * The most decimals `q` (from the set's `rounding.points` down to 0) of a
 * weight `1 + 10^−q` on `code` that gives a valid variant: every weight with
 * `q` decimals then does (each point figure below is multiplied by it).
 */
function stepPlaces(base: CriteriaSet, code: string, most: number): number | undefined {
  for (let q = most; q >= 0; q--) {
    const weight = fixedText(Exact.scaled(10 ** q + 1, q), q);
    if (safeDeriveVariant(base, { weights: { [code]: weight } }, { unscalable: 'keep' }).ok) return q;
  }
  return undefined;
}

/** Each node's maxima summed over the official results (`null` ones skipped), as float64 for the draws. */
function batchMaxima(official: ScoreReport, codes: readonly string[]): number[] {
  return codes.map((code) => {
    let sum = 0;
    for (const result of official.results) {
      const max = result.nodes[code]?.maxPoints;
      if (max !== null && max !== undefined) sum += Number(max);
    }
    return sum;
  });
}

/**
 * Checks the declared inputs against the set and the official results,
 * every problem at once (paths under `inputs`); the planned inputs when all
 * are usable.
 *
 * @internal
 */
export function planInputs(base: CriteriaSet, official: ScoreReport, inputs: unknown): { readonly planned?: readonly PlannedInput[]; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  if (!Array.isArray(inputs) || inputs.length === 0) return { issues: [makeIssue('analysis/no-uncertain-input', ['inputs'])] };
  const compiled = compileCriteria(base);
  const most = compiled.rounding.points;
  const planned: PlannedInput[] = [];
  const weighted = new Map<string, string>(); // node code → its path
  const declared = new Map<string, number>(); // missing / aggregation → position
  inputs.forEach((input: unknown, position) => {
    const at = ['inputs', position] as const;
    if (!isRecord(input) || (input.kind !== 'weights' && input.kind !== 'missing' && input.kind !== 'aggregation')) {
      issues.push(makeIssue('analysis/unknown-input-kind', [...at, 'kind'], { kind: isRecord(input) ? String(input.kind) : JSON.stringify(input) ?? String(input) }));
      return;
    }
    if (input.kind === 'missing' || input.kind === 'aggregation') {
      const first = declared.get(input.kind);
      if (first !== undefined) issues.push(makeIssue('analysis/input-twice', at, { kind: input.kind, first: `inputs[${first}]` }));
      else declared.set(input.kind, position);
      const allowed: readonly string[] = input.kind === 'missing' ? MISSING_OPTIONS : AGGREGATION_METHODS;
      const options = input.options;
      if (!Array.isArray(options) || options.length === 0 || new Set(options).size !== options.length) {
        issues.push(makeIssue('analysis/bad-options', [...at, 'options'], { allowed }));
        return;
      }
      let known = true;
      options.forEach((option: unknown, i) => {
        if (typeof option !== 'string' || !allowed.includes(option)) {
          known = false;
          issues.push(makeIssue('analysis/unknown-option', [...at, 'options', i], { option: String(option), allowed }));
        }
      });
      if (known) planned.push(input.kind === 'missing' ? { kind: 'missing', options: [...options] as MissingInput['options'] } : { kind: 'aggregation', options: [...options] as AggregationMethod[] });
      return;
    }
    // weights
    const hasSpread = input.spread !== undefined;
    const hasDirichlet = input.dirichlet !== undefined;
    if (hasSpread === hasDirichlet) {
      issues.push(makeIssue('analysis/weights-form', at));
      return;
    }
    const codes = input.nodes === undefined ? compiled.roots.map((root) => root.code) : input.nodes;
    if (!Array.isArray(codes) || codes.length === 0) {
      issues.push(makeIssue('analysis/unknown-node', [...at, 'nodes'], { code: JSON.stringify(codes) ?? String(codes) }));
      return;
    }
    let usable = true;
    codes.forEach((code: unknown, i) => {
      const node = typeof code === 'string' ? compiled.byCode.get(code) : undefined;
      if (node === undefined) {
        usable = false;
        issues.push(makeIssue('analysis/unknown-node', [...at, 'nodes', i], { code: String(code) }));
        return;
      }
      for (const [other, path] of weighted) {
        if (other === node.code || node.path.startsWith(`${path}.`) || path.startsWith(`${node.path}.`)) {
          usable = false;
          issues.push(makeIssue('analysis/node-twice', [...at, 'nodes', i], { code: node.code, first: other }));
          return;
        }
      }
      weighted.set(node.code, node.path);
    });
    let spread: Exact | undefined;
    let concentration: number | undefined;
    if (hasSpread) {
      spread = decimalOf(input.spread);
      if (spread === undefined || spread.sign() <= 0 || !spread.lt(Exact.scaled(1, 0))) {
        issues.push(makeIssue('analysis/bad-spread', [...at, 'spread'], { value: String(input.spread) }));
        usable = false;
      }
    } else {
      const value = decimalOf(input.dirichlet);
      if (value === undefined || value.sign() <= 0 || value.gt(Exact.scaled(1_000_000, 0))) {
        issues.push(makeIssue('analysis/bad-concentration', [...at, 'dirichlet'], { value: String(input.dirichlet) }));
        usable = false;
      } else concentration = Number(value.toString());
    }
    if (!usable) return;
    const nodes = codes as readonly string[];
    const places: number[] = [];
    nodes.forEach((code, i) => {
      const q = stepPlaces(base, code, most);
      if (q === undefined) {
        // Not even whole weights give a valid variant: the variant's own issues say why.
        const outcome = safeDeriveVariant(base, { weights: { [code]: '2' } }, { unscalable: 'keep' });
        if (!outcome.ok) issues.push(...outcome.issues);
        usable = false;
        return;
      }
      places.push(q);
      if (spread !== undefined) {
        const reach = spread.times(Exact.scaled(10 ** q, 0));
        if (reach.lt(Exact.scaled(1, 0))) {
          usable = false;
          issues.push(makeIssue('analysis/spread-too-fine', [...at, 'nodes', i], { code, value: String(input.spread), step: fixedText(Exact.scaled(1, q), q) }));
        }
      }
    });
    if (!usable) return;
    if (spread !== undefined) {
      // Whole steps within the spread: ⌊spread·10^q⌋, the whole part of an exact product.
      const reach = places.map((q) => Number(spread.times(Exact.scaled(10 ** q, 0)).toString().split('.')[0]));
      planned.push({ kind: 'weights', nodes: [...nodes], places, reach });
      return;
    }
    const maxima = batchMaxima(official, nodes);
    const total = maxima.reduce((sum, value) => sum + value, 0);
    maxima.forEach((max, i) => {
      if (max <= 0) {
        usable = false;
        issues.push(makeIssue('analysis/no-points', [...at, 'nodes', i], { code: nodes[i]! }));
      }
    });
    if (usable) planned.push({ kind: 'weights', nodes: [...nodes], places, concentration: concentration!, shares: maxima.map((max) => max / total) });
  });
  return issues.length > 0 ? { issues } : { planned, issues };
}

/**
 * One sample's draw of input `position`, from its own stream `(seed, stream,
 * position)`: the same whichever other samples are drawn, in whatever order.
 *
 * @internal
 */
export function drawInput(input: PlannedInput, seed: number, stream: number, position: number): Draw {
  const random = sampleStream(seed, stream, position);
  switch (input.kind) {
    case 'missing':
      return { kind: 'missing', option: input.options[uniformInteger(random, 0, input.options.length - 1)]! };
    case 'aggregation':
      return { kind: 'aggregation', option: input.options[uniformInteger(random, 0, input.options.length - 1)]! };
    case 'weights': {
      const weights: Record<string, string> = {};
      if (input.reach !== undefined) {
        input.nodes.forEach((code, i) => {
          const q = input.places[i]!;
          const reach = input.reach![i]!;
          weights[code] = fixedText(Exact.scaled(10 ** q + uniformInteger(random, -reach, reach), q), q);
        });
        return { kind: 'weights', weights };
      }
      const shares = input.shares!;
      const gammas = shares.map((share) => gammaVariate(random, input.concentration! * share));
      const sum = gammas.reduce((total, g) => total + g, 0);
      input.nodes.forEach((code, i) => {
        const q = input.places[i]!;
        // θ/p in steps of 10^−q, rounded half-up, at least one step (a weight is above 0). Every
        // variate underflowing to 0 (shapes far below 1) leaves the official weights.
        const ratio = sum > 0 ? gammas[i]! / sum / shares[i]! : 1;
        const steps = Math.max(1, Math.floor(ratio * 10 ** q + 0.5));
        weights[code] = fixedText(Exact.scaled(steps, q), q);
      });
      return { kind: 'weights', weights };
    }
  }
}
