/**
 * The uncertainty goals of issue #15 (`npx tsx bench/uncertainty.ts [options]`; `npm run bench`
 * runs it after the goal table of issue #13):
 *
 *   1. `safeUncertainty` with S samples (1,000) over 3,300 synthetic communes (today's national
 *      count, bench/generate.ts), on one core, against S single `safeScoreBatch(…, { explain: false })`
 *      batches of the same communes: CPU time, goal ≤ 1.2×;
 *   2. the same analysis on worker threads (`safeUncertaintyInWorkers` of dti-criteria/node) with
 *      1, 2, … workers up to the cores Node may use: wall time and speed-up against one thread
 *      (each worker plans the analysis itself: one more batch per worker). The built dist/node.js
 *      when it is newer than src/ (`npm run build`), else the sources, whose workers first load
 *      the TypeScript through tsx (seconds per worker);
 *   3. `safeSensitivity`: N(k + 2) model runs for k inputs, their CPU time and the cost of a run
 *      against a batch.
 *
 * The analysis declared: the pillars' weights within ±10 %, the missing-value policy (zero or
 * exclude) and the aggregation (arithmetic or geometric). Medians of CPU time over interleaved runs
 * (the order alternates run by run); nothing is asserted, the exit code is 0.
 *
 * Options: --quick (50 samples, N = 4, 3 runs, workers up to 2)  --samples S (1000)  --runs R (1;
 *          --quick 3)  --sensitivity N (40)  --units U (3300)  --seed N (2022)
 *          --criteria id@version (can-tho@2022.1.0)
 */
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { safeScoreBatch } from '../src/index.js';
import { safeSensitivity, safeUncertainty, type UncertainInput } from '../src/analysis/index.js';
import { getCriteria } from '../src/sets/index.js';
import { benchWorkload, generateSubmission } from './generate.js';
import { builtIsFresh, root } from './built.js';
import { option } from './options.js';

const QUICK = process.argv.includes('--quick');
const SAMPLES = Math.max(1, Number(option('samples', QUICK ? '50' : '1000')));
const RUNS = Math.max(1, Number(option('runs', QUICK ? '3' : '1')));
const BASE = Math.max(2, Number(option('sensitivity', QUICK ? '4' : '40')));
const UNITS = Number(option('units', '3300'));
const SEED = Number(option('seed', '2022'));
const REF = option('criteria', 'can-tho@2022.1.0');
const CORES = availableParallelism();
const MOST_WORKERS = QUICK ? Math.min(2, CORES) : CORES;

const INPUTS: UncertainInput[] = [
  { kind: 'weights', spread: '0.1' },
  { kind: 'missing', options: ['zero', 'exclude'] },
  { kind: 'aggregation', options: ['arithmetic', 'geometric'] },
];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number, d = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const progress = (s: string): void => { process.stderr.write(s); };

/** CPU (user + system, every thread of the process) and wall time of `work`, in ms. */
async function timed(work: () => unknown): Promise<{ cpu: number; wall: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) { gc(); gc(); }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall };
}

const must = <T>(outcome: { ok: true; value: T } | { ok: false; issues: readonly { code: string; path: string }[] }): T => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.issues.slice(0, 5).map((i) => `${i.path} ${i.code}`).join('; ')}`);
  return outcome.value;
};

const builtNode = path.join(root, 'dist/node.js');
const useDist = builtIsFresh('dist/node.js');
const { safeUncertaintyInWorkers } = (useDist ? await import(builtNode) : await import('../src/node/index.js')) as typeof import('../src/node/index.js');

const set = getCriteria(REF);
const { submission } = generateSubmission(set, benchWorkload(UNITS, SEED));
console.log(`\ndti-criteria uncertainty bench (issue #15) — ${REF}, ${fmt(UNITS)} synthetic communes, node ${process.version}, ${CORES} CPUs${QUICK ? ', --quick' : ''}`);
console.log(`inputs: pillar weights ±10 %, missing policy zero|exclude, aggregation arithmetic|geometric; ${fmt(SAMPLES)} samples, ${RUNS} interleaved run${RUNS === 1 ? '' : 's'}`);

// Warm-up: the scorer, the variants and the geometric mean seen before any timed run.
progress('warming up ');
must(safeUncertainty(set, { ...submission, units: submission.units.slice(0, 300) }, { samples: 4, seed: SEED, inputs: INPUTS }));
must(safeScoreBatch(set, submission, { explain: false }));
if (useDist) must(await safeUncertaintyInWorkers(set, { ...submission, units: submission.units.slice(0, 300) }, { samples: 4, seed: SEED, inputs: INPUTS, workers: 1 }));
progress('done\n');

// 1. One core: the analysis against as many single batches, interleaved run by run.
const analysis: number[] = [];
const batches: number[] = [];
let meanShift = Number.NaN;
const runAnalysis = async (): Promise<void> => {
  const t = await timed(() => { meanShift = must(safeUncertainty(set, submission, { samples: SAMPLES, seed: SEED, inputs: INPUTS })).meanRankShift; });
  analysis.push(t.cpu);
  progress('a');
};
const runBatches = async (): Promise<void> => {
  const t = await timed(() => { for (let i = 0; i < SAMPLES; i++) must(safeScoreBatch(set, submission, { explain: false })); });
  batches.push(t.cpu);
  progress('b');
};
progress(`one core: ${fmt(SAMPLES)} samples vs ${fmt(SAMPLES)} batches, ${RUNS} runs `);
for (let r = 0; r < RUNS; r++) {
  if (r % 2 === 0) { await runAnalysis(); await runBatches(); } else { await runBatches(); await runAnalysis(); }
}
progress(' done\n');

// 2. Worker threads: wall time by number of workers (1 = the calling thread).
const walls: { workers: number; wall: number; cpu: number }[] = [];
progress(`worker threads, 1 to ${MOST_WORKERS} `);
for (let workers = 1; workers <= MOST_WORKERS; workers++) {
  const t = await timed(() => safeUncertaintyInWorkers(set, submission, { samples: SAMPLES, seed: SEED, inputs: INPUTS, workers }).then(must));
  walls.push({ workers, ...t });
  progress('.');
}
progress(' done\n');

// 3. Sensitivity: N(k + 2) runs.
const k = INPUTS.length;
progress(`sensitivity, N = ${BASE}, k = ${k} `);
let runs = 0;
let indices = '';
const sensitivity = await timed(() => {
  const result = must(safeSensitivity(set, submission, { samples: BASE, seed: SEED, inputs: INPUTS }));
  runs = result.runs;
  indices = result.indices.map((index) => `${index.kind} S=${index.first.toFixed(2)} ST=${index.total.toFixed(2)}`).join(', ');
});
progress('done\n');

const batch = median(batches) / SAMPLES;
const ratio = median(analysis) / median(batches);
const rows: string[][] = [];
rows.push([`safeUncertainty, ${fmt(SAMPLES)} samples × ${fmt(UNITS)} communes, one core (CPU)`, `${fmt(median(analysis) / 1000, 1)} s`, `${fmt(median(batches) / 1000, 1)} s`, `${ratio.toFixed(2)}×`, '≤ 1.2×', ratio <= 1.2 ? 'yes' : 'no']);
const single = walls[0]!;
for (const entry of walls.slice(1)) {
  const speedup = single.wall / entry.wall;
  rows.push([`  on ${entry.workers} worker threads (wall)`, `${fmt(entry.wall / 1000, 1)} s`, `${fmt(single.wall / 1000, 1)} s`, `${speedup.toFixed(2)}× faster`, `(${CORES} CPUs)`, '']);
}
rows.push([`safeSensitivity, N = ${BASE}, k = ${k}: N(k + 2) = ${fmt(runs)} runs (CPU)`, `${fmt(sensitivity.cpu / 1000, 1)} s`, `${fmt((runs * batch) / 1000, 1)} s`, `${(sensitivity.cpu / (runs * batch)).toFixed(2)}×`, '(the cost printed)', '']);
const head = ['row', 'dti-criteria', 'yardstick', 'ratio', 'goal', 'met'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: readonly string[]): string => `| ${r.map((s, i) => (i === 0 || i >= 4 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join(' | ')} |`;
console.log('\nGoals (issue #15): yardstick = as many safeScoreBatch(…, { explain: false }) calls (row 1, CPU), one thread (worker rows, wall), N(k + 2) batches (sensitivity, CPU)\n');
console.log(line(head));
console.log(`|${widths.map((w, i) => (i === 0 || i >= 4 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\none batch of ${fmt(UNITS)} communes: ${fmt(batch)} ms CPU; mean absolute rank shift over the samples: ${meanShift.toFixed(2)}; sensitivity (N = ${BASE}, rough at this N): ${indices}`);
console.log(`load average while it ran: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) on ${CORES} CPUs: other work on the machine slows the worker rows first`);
console.log(`worker rows (${useDist ? 'dist/node.js' : 'the sources, workers loading TypeScript through tsx: npm run build first for the shipped figures'}): ${walls.map((w) => `${w.workers}: ${fmt(w.wall / 1000, 1)} s wall, ${fmt(w.cpu / 1000, 1)} s CPU`).join('; ')}; each worker plans once (one more batch)`);
console.log('Not a test: nothing is asserted, the exit code is 0 whatever the figures.');
