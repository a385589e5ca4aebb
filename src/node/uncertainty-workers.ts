/**
 * The uncertainty and sensitivity analyses of `dti-criteria/analysis` on
 * several cores: the samples split among worker threads, the same result as
 * in one thread (each sample draws from its own seeded stream, and the
 * summaries do not depend on the order the blocks come back in).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CriteriaSet } from '../compile/types.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import {
  captureIssues,
  planUncertainty,
  runSensitivityBlock,
  runUncertaintyBlock,
  summariseSensitivity,
  summariseUncertainty,
  type SensitivityResult,
  type UncertaintyBlock,
  type UncertaintyOptions,
  type UncertaintyResult,
} from '../analysis/uncertainty-run.js';

/** Options of the analyses in worker threads: those of the analysis, and how many threads. */
export interface WorkerOptions extends UncertaintyOptions {
  /**
   * How many worker threads (a whole number from 1); default the number of
   * cores Node may use (`os.availableParallelism()`). With 1, or with fewer
   * samples than two, everything runs in the calling thread.
   */
  readonly workers?: number;
}

/** What a worker is started with. @internal */
export interface WorkerSetup {
  readonly task: 'uncertainty' | 'sensitivity';
  readonly criteria: CriteriaSet;
  readonly submission: unknown;
  readonly options: UncertaintyOptions;
}

/** A block of samples (uncertainty) or model runs (sensitivity) to run: `[from, to)`. @internal */
export interface WorkerRequest {
  readonly from: number;
  readonly to: number;
}

/** A worker's answers. @internal */
export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'block'; readonly block: UncertaintyBlock }
  | { readonly kind: 'outputs'; readonly from: number; readonly to: number; readonly outputs: Float64Array }
  | { readonly kind: 'issues'; readonly issues: readonly Issue[] }
  | { readonly kind: 'failure'; readonly message: string };

/**
 * Starts one worker: the built `uncertainty-worker.js` (or `.cjs`) beside
 * this module; from the TypeScript sources (tests, `tsx`), the `.ts` file
 * through tsx's loader.
 */
function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) {
    const source = new URL('./uncertainty-worker.ts', here).href;
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData: setup });
  }
  return new Worker(new URL(here.endsWith('.cjs') ? './uncertainty-worker.cjs' : './uncertainty-worker.js', here), { workerData: setup });
}

/**
 * Runs `[0, total)` in blocks on `count` workers, each block to the next
 * idle worker; resolves with every reply's figures, or the first issues.
 */
function runInWorkers(setup: WorkerSetup, total: number, count: number): Promise<Result<WorkerReply[]>> {
  const size = Math.max(1, Math.ceil(total / (count * 4)));
  const blocks: WorkerRequest[] = [];
  for (let from = 0; from < total; from += size) blocks.push({ from, to: Math.min(total, from + size) });
  const workers = Array.from({ length: Math.min(count, blocks.length) }, () => startWorker(setup));
  const replies: WorkerReply[] = [];
  let next = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((worker) => worker.terminate())).then(action, action);
    };
    const feed = (worker: Worker): void => {
      if (next < blocks.length) worker.postMessage(blocks[next++]);
    };
    for (const worker of workers) {
      worker.on('message', (message: WorkerReply) => {
        switch (message.kind) {
          case 'ready':
            feed(worker);
            return;
          case 'issues':
            finish(() => resolve({ ok: false, issues: message.issues }));
            return;
          case 'failure':
            finish(() => reject(new Error(`uncertainty worker failed: ${message.message}`)));
            return;
          default:
            replies.push(message);
            if (replies.length === blocks.length) finish(() => resolve({ ok: true, value: replies }));
            else feed(worker);
        }
      });
      worker.on('error', (error) => finish(() => reject(error)));
      worker.on('exit', (code) => {
        if (!settled) finish(() => reject(new Error(`uncertainty worker stopped (exit code ${code}) before the analysis ended`)));
      });
    }
  });
}

/** The number of workers asked for, checked (0 with the issue). */
function workerCount(options: WorkerOptions, issues: Issue[]): number {
  const asked = options.workers;
  if (asked === undefined) return availableParallelism();
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1) {
    issues.push(makeIssue('analysis/bad-workers', ['workers'], { value: String(asked) }));
    return 0;
  }
  return asked;
}

/**
 * `safeUncertainty` of `dti-criteria/analysis` with the samples split among
 * worker threads (by default one per core Node may use): the same result,
 * figure for figure, as in one thread, since sample `i` draws from its own
 * stream `(seed, i, input)` and the summaries place every sample by its
 * number. Each worker plans the analysis itself (the batch scored once more
 * per worker), then runs blocks of samples as they are handed out. Node
 * only; the set must use the built-in rule kinds (it is sent to the workers
 * as data). Refused as `safeUncertainty` is, and for a worker count that is
 * not a whole number from 1 (`analysis/bad-workers`).
 *
 * @param criteria - the official set
 * @param submission - the batch, as for `safeScoreBatch`
 * @param options - those of `safeUncertainty`, and `workers`
 * @returns per unit the rank band and rating probabilities, or the issues
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeUncertainty } from 'dti-criteria/analysis';
 * import { safeUncertaintyInWorkers } from 'dti-criteria/node';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const options = { samples: 8, seed: 5, inputs: [{ kind: 'weights', spread: '0.1' }] } as const;
 * const parallel = await safeUncertaintyInWorkers(criteria, submission, { ...options, workers: 2 });
 * const single = safeUncertainty(criteria, submission, options);
 * console.log(JSON.stringify(parallel) === JSON.stringify(single)); // true
 * ```
 * @category Uncertainty
 */
export async function safeUncertaintyInWorkers(criteria: CriteriaSet, submission: unknown, options: WorkerOptions): Promise<Result<UncertaintyResult>> {
  const issues: Issue[] = [];
  const count = workerCount(options, issues);
  const plan = planUncertainty(criteria, submission, options);
  if (!plan.ok || issues.length > 0) return { ok: false, issues: [...issues, ...(plan.ok ? [] : plan.issues)] };
  const { samples } = plan.value;
  if (count <= 1 || samples < 2) return captureIssues(() => summariseUncertainty(plan.value, [runUncertaintyBlock(plan.value, 0, samples)]));
  const replies = await runInWorkers({ task: 'uncertainty', criteria, submission, options: analysisOptions(options) }, samples, count);
  if (!replies.ok) return replies;
  return { ok: true, value: summariseUncertainty(plan.value, replies.value.map((reply) => (reply as Extract<WorkerReply, { kind: 'block' }>).block)) };
}

/**
 * `safeSensitivity` of `dti-criteria/analysis` with the `N·(k + 2)` model
 * runs split among worker threads: the same indices, figure for figure, as
 * in one thread (each run's draws depend only on the seed and its number;
 * the outputs are summed in run order). Node only, as
 * {@link safeUncertaintyInWorkers}.
 *
 * @param criteria - the official set
 * @param submission - the batch, as for `safeScoreBatch`
 * @param options - those of `safeSensitivity`, and `workers`
 * @returns the output's mean and variance and each input's indices, or the issues
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeSensitivityInWorkers } from 'dti-criteria/node';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const outcome = await safeSensitivityInWorkers(criteria, submission, {
 *   samples: 3,
 *   inputs: [{ kind: 'weights', spread: '0.1' }, { kind: 'missing', options: ['zero', 'exclude'] }],
 *   workers: 2,
 * });
 * if (outcome.ok) console.log([outcome.value.runs, outcome.value.indices.length]); // [12,2]
 * ```
 * @category Uncertainty
 */
export async function safeSensitivityInWorkers(criteria: CriteriaSet, submission: unknown, options: WorkerOptions): Promise<Result<SensitivityResult>> {
  const issues: Issue[] = [];
  const count = workerCount(options, issues);
  const plan = planUncertainty(criteria, submission, options);
  if (!plan.ok || issues.length > 0) return { ok: false, issues: [...issues, ...(plan.ok ? [] : plan.issues)] };
  const runs = plan.value.samples * (plan.value.inputs.length + 2);
  if (count <= 1) return captureIssues(() => summariseSensitivity(plan.value, runSensitivityBlock(plan.value, 0, runs)));
  const replies = await runInWorkers({ task: 'sensitivity', criteria, submission, options: analysisOptions(options) }, runs, count);
  if (!replies.ok) return replies;
  const outputs = new Float64Array(runs);
  for (const reply of replies.value) {
    const { from, outputs: part } = reply as Extract<WorkerReply, { kind: 'outputs' }>;
    outputs.set(part, from);
  }
  return { ok: true, value: summariseSensitivity(plan.value, outputs) };
}

/** The analysis's own options (without `workers`), as plain data for the workers. */
function analysisOptions(options: WorkerOptions): UncertaintyOptions {
  const { workers: _workers, ...rest } = options;
  return rest;
}
