// Uncertainty and sensitivity analyses (issue #15 item 5). The golden cases
// (test/golden/analysis/uncertainty/README.md) are recomputed independently by cross-check.py: the
// random streams, draws, exact leaf points, ranks, quantiles and Sobol' estimators, in Python. Then
// properties: no variation gives the official ranks, results do not depend on how the samples are
// split or ordered, an input that changes nothing has indices 0, Saltelli's design costs N(k + 2)
// runs; and every refusal is a coded issue.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLES, safeSensitivity, safeUncertainty, type UncertainInput, type UncertaintyResult } from '../src/analysis/index.js';
import { drawInput } from '../src/analysis/uncertain-inputs.js';
import {
  planUncertainty,
  runSensitivityBlock,
  runUncertaintyBlock,
  sensitivityStreams,
  summariseSensitivity,
  summariseUncertainty,
  type UncertaintyPlan,
} from '../src/analysis/uncertainty-run.js';
import { parseCriteria, scoreBatch, type CriteriaSet } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';

const dir = new URL('./golden/analysis/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const criteria = parseCriteria(JSON.parse(read('criteria.json')));
const submission = JSON.parse(read('submissions.json')) as { units: unknown[] };
const golden = JSON.parse(read('uncertainty/expected.json')) as {
  tolerance: number;
  cases: {
    name: string;
    kind: 'uncertainty' | 'sensitivity';
    options: { samples: number; seed: number; inputs: UncertainInput[] };
    samples?: { draws: unknown[]; ranks: number[]; ratings: (string | null)[] }[];
    result: Record<string, unknown>;
  }[];
};
const close = (actual: number, wanted: number, what: string): void => {
  expect(Math.abs(actual - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(golden.tolerance * Math.max(1, Math.abs(wanted)));
};
const planOf = (set: CriteriaSet, batch: unknown, options: Parameters<typeof planUncertainty>[2]): UncertaintyPlan => {
  const plan = planUncertainty(set, batch, options);
  if (!plan.ok) throw new Error(plan.issues.map((issue) => `${issue.path}: ${issue.code}`).join(', '));
  return plan.value;
};
const ok = <T>(outcome: { ok: true; value: T } | { ok: false; issues: readonly { code: string }[] }): T => {
  if (!outcome.ok) throw new Error(outcome.issues.map((issue) => issue.code).join(', '));
  return outcome.value;
};
const codes = (outcome: { ok: boolean; issues?: readonly { code: string; path: string }[] }): string[] => (outcome.ok ? [] : outcome.issues!.map((issue) => `${issue.path}: ${issue.code}`));

describe('golden cases (cross-checked in Python)', () => {
  for (const entry of golden.cases.filter((c) => c.kind === 'uncertainty')) {
    it(`uncertainty: ${entry.name}`, () => {
      const plan = planOf(criteria, submission, entry.options);
      // Each sample's draws and ranks, as the cross-check made them.
      entry.samples!.forEach((sample, i) => {
        expect(plan.inputs.map((input, j) => drawInput(input, entry.options.seed, i, j)), `sample ${i}`).toEqual(sample.draws);
        const block = runUncertaintyBlock(plan, i, i + 1);
        expect([...block.ranks], `ranks of sample ${i}`).toEqual(sample.ranks);
        expect([...block.ratings].map((r) => (r < 0 ? null : plan.ratingIds[r]!)), `ratings of sample ${i}`).toEqual(sample.ratings);
      });
      const result = ok(safeUncertainty(criteria, submission, entry.options));
      const wanted = entry.result as { meanRankShift: number; units: Record<string, unknown>[] };
      close(result.meanRankShift, wanted.meanRankShift, 'meanRankShift');
      expect(result.units.map(({ unit, official, rank, ratings, unrated }) => ({ unit, official, rank, ratings, unrated }))).toEqual(wanted.units);
      expect(result.units.map((unit) => unit.name)).toEqual(submission.units.map((unit) => (unit as { name: string }).name));
      expect([result.samples, result.seed, result.band, result.ratings]).toEqual([entry.options.samples, entry.options.seed, { low: 0.05, high: 0.95 }, ['xuat-sac', 'tot', 'kha', 'yeu']]);
      expect(result.inputs).toEqual(entry.options.inputs);
      expect(result.derivedFrom.criteria.id).toBe('golden-analysis');
    });
  }
  for (const entry of golden.cases.filter((c) => c.kind === 'sensitivity')) {
    it(`sensitivity: ${entry.name}`, () => {
      const result = ok(safeSensitivity(criteria, submission, entry.options));
      const wanted = entry.result as { runs: number; mean: number; variance: number; indices: { input: number; kind: string; first: number; total: number }[] };
      expect(result.runs).toBe(wanted.runs);
      close(result.mean, wanted.mean, 'mean');
      close(result.variance, wanted.variance, 'variance');
      expect(result.indices.map((index) => [index.input, index.kind])).toEqual(wanted.indices.map((index) => [index.input, index.kind]));
      result.indices.forEach((index, j) => {
        close(index.first, wanted.indices[j]!.first, `first-order index of input ${j}`);
        close(index.total, wanted.indices[j]!.total, `total-effect index of input ${j}`);
      });
      expect(result.output).toBe('mean-absolute-rank-shift');
    });
  }
});

/** The golden set's batch with u6's missing value given: nothing is missing. */
const complete = { ...submission, units: submission.units.map((unit) => ((unit as { id: string }).id === 'u6' ? { ...(unit as object), values: { ...(unit as { values: object }).values, 'P.2': 30 } } : unit)) };
const weightsSpread = (spread: string, nodes?: string[]): UncertainInput => ({ kind: 'weights', ...(nodes ? { nodes } : {}), spread });

describe('properties', () => {
  it('no variation gives every sample the official ranks and ratings: a band of the official rank, probability 1 of the official rating', () => {
    fc.assert(fc.property(batchFor(criteria, 6), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 4 }), (units, seed, samples) => {
      // A spread of 0 (refused from callers: it declares nothing uncertain) draws every weight 1.00.
      const plan = planOf(criteria, { units }, { samples, seed, inputs: [weightsSpread('0.1', ['P', 'Q.1'])] });
      const still: UncertaintyPlan = { ...plan, inputs: plan.inputs.map((input) => (input.kind === 'weights' ? { ...input, reach: input.nodes.map(() => 0) } : input)) };
      const zeroSpread = summariseUncertainty(still, [runUncertaintyBlock(still, 0, samples)]);
      // Declared inputs that cannot vary: the set's own policy, the set's own aggregation.
      const fixed = ok(safeUncertainty(criteria, { units }, { samples, seed, inputs: [{ kind: 'missing', options: ['zero'] }, { kind: 'aggregation', options: ['arithmetic'] }] }));
      for (const result of [zeroSpread, fixed]) {
        expect(result.meanRankShift).toBe(0);
        for (const unit of result.units) {
          const official = unit.official.rank;
          expect(unit.rank).toEqual({ median: official, low: official, high: official, samples: official === null ? 0 : samples });
          if (unit.official.rating === null) expect(unit.unrated).toBe(1);
          else expect(unit.ratings[unit.official.rating]).toBe(1);
        }
      }
      const report = scoreBatch(criteria, { units }, { explain: false });
      expect(zeroSpread.units.map((unit) => [unit.unit, unit.official.index, unit.official.rank, unit.official.rating])).toEqual(report.results.map((r) => [r.unit, r.index, r.rank, r.rating]));
    }), { numRuns: 25 });
  });

  it('the result does not depend on how the samples are split into blocks nor on the order the blocks are run in', () => {
    const inputs: UncertainInput[] = [weightsSpread('0.5', ['P.1', 'P.2', 'Q.1', 'Q.2']), { kind: 'missing', options: ['zero', 'exclude'] }, { kind: 'aggregation', options: ['arithmetic', 'geometric', 'minimum'] }];
    const samples = 24;
    const plan = planOf(criteria, submission, { samples, seed: 99, inputs });
    const whole = summariseUncertainty(plan, [runUncertaintyBlock(plan, 0, samples)]);
    const sensitivityPlan = planOf(criteria, submission, { samples: 4, seed: 99, inputs });
    const runs = 4 * (inputs.length + 2);
    const sensitivityWhole = summariseSensitivity(sensitivityPlan, runSensitivityBlock(sensitivityPlan, 0, runs));
    const cutsOf = (total: number) => fc.uniqueArray(fc.integer({ min: 1, max: total - 1 }), { maxLength: 6 }).map((cuts) => [0, ...[...cuts].sort((a, b) => a - b), total]);
    fc.assert(fc.property(cutsOf(samples), cutsOf(runs), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (cuts, runCuts, noise) => {
      const order = <T>(items: T[]): T[] => items.map((item) => ({ item, key: noise.next().value })).sort((a, b) => a.key - b.key).map(({ item }) => item);
      const blocks = order(cuts.slice(1).map((to, i) => [cuts[i]!, to] as const)).map(([from, to]) => runUncertaintyBlock(plan, from, to));
      expect(summariseUncertainty(plan, blocks)).toEqual(whole);
      const outputs = new Float64Array(runs);
      for (const [from, to] of order(runCuts.slice(1).map((to, i) => [runCuts[i]!, to] as const))) outputs.set(runSensitivityBlock(sensitivityPlan, from, to), from);
      expect(summariseSensitivity(sensitivityPlan, outputs)).toEqual(sensitivityWhole);
    }), { numRuns: 8 });
  });

  it('an input that changes nothing has sensitivity indices 0, whatever the other inputs do', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 2 ** 32 }), fc.constantFrom('0.3', '0.5', '0.9'), (samples, seed, spread) => {
      // Nothing is missing in this batch: the missing-value policy cannot change a figure.
      const result = ok(safeSensitivity(criteria, complete, { samples, seed, inputs: [weightsSpread(spread, ['P.1', 'P.2', 'Q.1', 'Q.2']), { kind: 'missing', options: ['zero', 'exclude'] }] }));
      expect([result.indices[1]!.first, result.indices[1]!.total]).toEqual([0, 0]);
    }), { numRuns: 10 });
    const none = ok(safeSensitivity(criteria, complete, { samples: 3, inputs: [{ kind: 'missing', options: ['zero', 'exclude'] }] }));
    expect([none.variance, none.indices[0]!.first, none.indices[0]!.total]).toEqual([0, 0, 0]);
  });

  it("Saltelli's design: N(k + 2) model runs, A is the first N uncertainty samples, B the next N, A_B^j takes input j from B", () => {
    const all: UncertainInput[] = [weightsSpread('0.4', ['P.1', 'Q.2']), { kind: 'missing', options: ['zero', 'exclude'] }, { kind: 'aggregation', options: ['arithmetic', 'geometric'] }];
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.nat(), (n, k, seed) => {
      const inputs = all.slice(0, k);
      const result = ok(safeSensitivity(criteria, submission, { samples: n, seed, inputs }));
      expect(result.runs).toBe(n * (k + 2));
      const plan = planOf(criteria, submission, { samples: 2 * n, seed, inputs });
      const outputs = runSensitivityBlock({ ...plan, samples: n }, 0, n * (k + 2));
      expect(outputs.length).toBe(n * (k + 2));
      expect([...outputs.subarray(0, 2 * n)]).toEqual([...runUncertaintyBlock(plan, 0, 2 * n).shifts]);
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < n; i++) {
          const streams = sensitivityStreams(2 * n + j * n + i, n);
          expect(inputs.map((_, position) => streams(position))).toEqual(inputs.map((_, position) => (position === j ? n + i : i)));
        }
      }
    }), { numRuns: 10 });
  });
});

describe('refusals: coded issues, every problem at once', () => {
  const canTho = getCriteria('can-tho@2022.1.0');
  const examples = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as unknown;
  const refused = (options: unknown, set: CriteriaSet = criteria, batch: unknown = submission): string[] => codes(safeUncertainty(set, batch, options as never));

  it('samples, seed and inputs', () => {
    expect(refused({ samples: 0, inputs: [weightsSpread('0.1')] })).toEqual(['samples: analysis/bad-samples']);
    expect(refused({ samples: MAX_SAMPLES + 1, inputs: [weightsSpread('0.1')] })).toEqual(['samples: analysis/bad-samples']);
    expect(refused({ samples: 2.5, seed: -1, inputs: [weightsSpread('0.1')] })).toEqual(['samples: analysis/bad-samples', 'seed: analysis/bad-seed']);
    expect(refused({ samples: 5, seed: 2 ** 53, inputs: [weightsSpread('0.1')] })).toEqual(['seed: analysis/bad-seed']);
    expect(refused({ samples: 5, inputs: [] })).toEqual(['inputs: analysis/no-uncertain-input']);
    expect(refused({ samples: 5 })).toEqual(['inputs: analysis/no-uncertain-input']);
    expect(refused({ samples: 5, inputs: [{ kind: 'points' }] })).toEqual(['inputs[0].kind: analysis/unknown-input-kind']);
  });

  it('weights: the form, the nodes, the spread and the concentration', () => {
    expect(refused({ samples: 5, inputs: [{ kind: 'weights' }, { kind: 'weights', spread: '0.1', dirichlet: 5 }] })).toEqual(['inputs[0]: analysis/weights-form', 'inputs[1]: analysis/weights-form']);
    expect(refused({ samples: 5, inputs: [weightsSpread('0.1', ['P', 'XYZ'])] })).toEqual(['inputs[0].nodes[1]: analysis/unknown-node']);
    expect(refused({ samples: 5, inputs: [weightsSpread('0', ['P.2']), weightsSpread('1', ['P.1']), weightsSpread('-0.1', ['Q.1']), weightsSpread('abc', ['Q.2'])] }))
      .toEqual(['inputs[0].spread: analysis/bad-spread', 'inputs[1].spread: analysis/bad-spread', 'inputs[2].spread: analysis/bad-spread', 'inputs[3].spread: analysis/bad-spread']);
    expect(refused({ samples: 5, inputs: [weightsSpread('0.1', ['P', 'P'])] })).toEqual(['inputs[0].nodes[1]: analysis/node-twice']);
    expect(refused({ samples: 5, inputs: [weightsSpread('0.1', ['P']), weightsSpread('0.2', ['P.1'])] })).toEqual(['inputs[1].nodes[0]: analysis/node-twice']);
    // 0.001 is below the step of 0.01 the points' two decimals allow.
    expect(refused({ samples: 5, inputs: [weightsSpread('0.001')] })).toEqual(['inputs[0].nodes[0]: analysis/spread-too-fine', 'inputs[0].nodes[1]: analysis/spread-too-fine']);
    expect(refused({ samples: 5, inputs: [{ kind: 'weights', nodes: ['P'], dirichlet: 0 }, { kind: 'weights', nodes: ['Q'], dirichlet: '2000000' }] })).toEqual(['inputs[0].dirichlet: analysis/bad-concentration', 'inputs[1].dirichlet: analysis/bad-concentration']);
    // CQS.5.4 has points for departments only: no commune of the batch has a maximum there.
    const communes = { units: (examples as { units: { level: string }[] }).units.filter((unit) => unit.level === 'commune') };
    expect(refused({ samples: 5, inputs: [{ kind: 'weights', nodes: ['CQS.5.4', 'KTS'], dirichlet: 50 }] }, canTho, communes)).toEqual(['inputs[0].nodes[0]: analysis/no-points']);
  });

  it('missing-value policy and aggregation options', () => {
    expect(refused({ samples: 5, inputs: [{ kind: 'missing', options: ['zero', 'error'] }, { kind: 'aggregation', options: ['arithmetic', 'harmonic'] }] }))
      .toEqual(['inputs[0].options[1]: analysis/unknown-option', 'inputs[1].options[1]: analysis/unknown-option']);
    expect(refused({ samples: 5, inputs: [{ kind: 'missing', options: [] }, { kind: 'aggregation', options: ['geometric', 'geometric'] }, { kind: 'aggregation' }] }))
      .toEqual(['inputs[0].options: analysis/bad-options', 'inputs[1].options: analysis/bad-options', 'inputs[2]: analysis/input-twice', 'inputs[2].options: analysis/bad-options']);
  });

  it("the set's and the submission's own issues", () => {
    expect(refused({ samples: 5, inputs: [weightsSpread('0.1')] }, criteria, { units: [{ id: 'x', level: 'province', values: {} }] })[0]).toMatch(/^units\[0\]\.level: /);
    expect(codes(safeSensitivity(criteria, submission, { samples: 0, inputs: [weightsSpread('0.1', ['NOPE'])] } as never))).toEqual(['samples: analysis/bad-samples', 'inputs[0].nodes[0]: analysis/unknown-node']);
  });

  it('every issue carries its message in Vietnamese and English', () => {
    const outcome = safeUncertainty(criteria, submission, { samples: -1, seed: 0.5, inputs: [weightsSpread('2'), { kind: 'aggregation', options: ['x'] } as never] });
    expect(outcome.ok).toBe(false);
    for (const issue of outcome.ok ? [] : outcome.issues) {
      expect(issue.message.vi.length).toBeGreaterThan(10);
      expect(issue.message.en.length).toBeGreaterThan(10);
    }
  });
});

it('the analyses of the Cần Thơ 2022 examples run with every kind of input', () => {
  const canTho = getCriteria('can-tho@2022.1.0');
  const examples = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as unknown;
  const result: UncertaintyResult = ok(safeUncertainty(canTho, examples, { samples: 6, seed: 3, inputs: [{ kind: 'weights', dirichlet: 30 }, { kind: 'missing', options: ['zero', 'exclude'] }, { kind: 'aggregation', options: ['arithmetic', 'geometric'] }] }));
  expect(result.units).toHaveLength(47);
  for (const unit of result.units) {
    const total = Object.values(unit.ratings).reduce((sum, p) => sum + p, 0) + unit.unrated;
    expect(total).toBeCloseTo(1, 12);
    if (unit.rank.low !== null) expect(unit.rank.low <= unit.rank.median! && unit.rank.median! <= unit.rank.high!).toBe(true);
  }
});
