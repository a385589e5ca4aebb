/**
 * Detailed scoring benchmark: `npx tsx --expose-gc bench/score.bench.ts [options]` (memory, phases,
 * float vs exact agreement; `npm run bench` prints the goal table of issue #13: bench/goals.ts).
 *
 * Scores 10,600 synthetic communes (Vietnam's commune count before the 2025
 * reorganisation) with can-tho@2022.1.0 and times the library against a plain
 * float64 loop:
 *   float     — a float64 evaluation of the same rules on pre-parsed numbers (not exact; the yardstick);
 *   lean      — the library's `safeScoreBatch` with `explain: false` (exact numbers, src/exact/);
 *   phases    — the same call split into its phases (bench/exact-phases.ts calls the same internal functions);
 *   exact     — `safeScoreBatch` as by default, with every explanation text;
 * It checks once that the phase-timed sequence gives the same reports, that
 * float and exact agree on each unit's total within 0.01, and asserts nothing
 * about time. It is not a test. CPU ms (this process, all
 * threads, GC included) are shown beside wall ms: on a busy machine they vary less.
 *
 * Options: --units N (10600)  --runs N (5)  --seed N (2022)
 *          --only float,lean,phases,exact (all)  --criteria id@version (can-tho@2022.1.0)  --level commune
 * CPU profile of a path (see bench/cpuprofile-top.ts):
 *   node --cpu-prof --cpu-prof-dir=/tmp/dti-prof --import tsx bench/score.bench.ts --only lean --runs 2
 *   npx tsx bench/cpuprofile-top.ts /tmp/dti-prof
 */
import { createHash } from 'node:crypto';
import { safeScoreBatch, type ScoreOptions, type ScoreReport } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { PHASES, scoreSubmissionPhased, type PhaseTimes } from './exact-phases.js';
import { FloatCriteria, prepareFloat, scoreFloat, type FloatInput, type FloatReport } from './float-scorer.js';
import { benchWorkload, generateSubmission } from './generate.js';
import { option } from './options.js';

// ---------------------------------------------------------------- options

const UNITS = Number(option('units', '10600'));
const RUNS = Math.max(1, Number(option('runs', '5')));
const SEED = Number(option('seed', '2022'));
const ONLY = new Set(option('only', 'float,lean,phases,exact').split(','));
const REF = option('criteria', 'can-tho@2022.1.0');
const LEVEL = option('level', 'commune');

// ---------------------------------------------------------------- memory

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

/** `heap` is heapUsed plus ArrayBuffer memory (the float path keeps its data in typed arrays). */
interface Sample { heap: number; rss: number }
const peak = { heap: 0, rss: 0 };
function sample(): Sample {
  const m = process.memoryUsage();
  const heap = m.heapUsed + m.arrayBuffers;
  if (heap > peak.heap) peak.heap = heap;
  if (m.rss > peak.rss) peak.rss = m.rss;
  return { heap, rss: m.rss };
}
/**
 * Lets the event loop turn (V8's concurrent optimizing compiler holds handles to
 * objects of the last run until its jobs are installed, which made a whole
 * report look retained), then runs full GCs when --expose-gc is on.
 */
async function collect(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (gc) { gc(); gc(); }
}
const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------- timing

interface Timing {
  readonly name: string;
  readonly times: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** CPU time of the process during a run (all threads, so GC helpers too), median over runs. */
  readonly cpu: number;
  /** heapUsed right after a run, before any forced GC (a lower bound of the run's peak), max over runs. */
  readonly heapAfter: number;
  /** Growth of heapUsed over a run (after a GC before it, none after it): the run's allocation high-water mark, roughly. */
  readonly heapGrowth: number;
  /** heapUsed growth while the last result is kept alive, after a full GC (needs --expose-gc). */
  readonly retained: number;
  readonly rssAfter: number;
  readonly maxRss: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function warmUp(fn: () => unknown): void {
  fn();
  sample();
}

async function bench<T>(name: string, fn: () => T, runs = RUNS): Promise<{ timing: Timing; last: T }> {
  process.stdout.write(`  ${name}: warm-up`);
  warmUp(fn); // in its own frame, so no interpreter register keeps the warm-up result alive
  await collect();
  const base = sample();
  const times: number[] = [];
  const cpus: number[] = [];
  let heapAfter = 0;
  let heapGrowth = 0;
  let rssAfter = 0;
  let last: T | undefined;
  for (let r = 0; r < runs; r++) {
    last = undefined;
    await collect();
    const before = sample();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = fn();
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    cpus.push((c1.user + c1.system) / 1000);
    const after = sample();
    heapAfter = Math.max(heapAfter, after.heap);
    heapGrowth = Math.max(heapGrowth, after.heap - before.heap);
    rssAfter = Math.max(rssAfter, after.rss);
    times.push(t1 - t0);
    process.stdout.write(`, ${(t1 - t0).toFixed(0)} ms`);
  }
  await collect();
  const kept = sample();
  process.stdout.write(process.env.BENCH_DEBUG ? ` [base ${mb(base.heap)} kept ${mb(kept.heap)}]\n` : '\n');
  return {
    timing: {
      name, times, median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpus),
      heapAfter, heapGrowth, retained: kept.heap - base.heap, rssAfter, maxRss: maxRssMB(),
    },
    last: last as T,
  };
}

// ---------------------------------------------------------------- table output

function table(head: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number): string => (align[i] === 'l' ? s.padEnd(widths[i]!) : s.padStart(widths[i]!));
  const line = (r: readonly string[]): string => `| ${r.map(cell).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (align[i] === 'l' ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), sep, ...rows.map(line)].join('\n');
}
const ms = (x: number): string => x.toFixed(1);
const mb = (x: number): string => (x / MB).toFixed(0);
const rate = (x: number): string => Math.round(UNITS / (x / 1000)).toLocaleString('en-US');

// ---------------------------------------------------------------- workload

const set = getCriteria(REF);
console.log(`dti-criteria scoring benchmark — ${REF}, level "${LEVEL}", ${UNITS.toLocaleString('en-US')} units, ${RUNS} timed runs after 1 warm-up, seed ${SEED}`);
console.log(`node ${process.version}, ${process.arch}; --expose-gc: ${gc ? 'yes' : 'NO (memory figures include garbage; run via npm run bench)'}`);
await collect();
const heap0 = sample().heap;
let t = performance.now();
const { submission, stats } = generateSubmission(set, benchWorkload(UNITS, SEED, LEVEL));
const genMs = performance.now() - t;
await collect();
const inputHeap = sample().heap - heap0;
console.log(
  `workload: ${stats.leavesPerUnit} leaves per unit (${Object.entries(stats.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
  `${stats.values.toLocaleString('en-US')} values, ${stats.na} "n/a", ${stats.missing} missing, ${stats.zeroDenominators} zero denominators, ` +
  `${stats.appraisedUnits} units with ${stats.appraisedValues} appraised values; generated in ${genMs.toFixed(0)} ms, ~${mb(inputHeap)} MB heap`,
);

// ---------------------------------------------------------------- runs (cheapest first, so maxRSS growth is attributable)

// Each section runs in its own function so that nothing but what the checks need outlives it
// (a report kept alive makes every later major GC slower and would skew the next section).

const timings: Timing[] = [];
const phaseRows: { name: string; times: number[] }[] = [];
let floatReport: FloatReport | undefined;
/** The default report (fast path, explanations): kept for the float and prototype checks. */
let exactReport: ScoreReport | undefined;
/** sha1 of each unit result, per section, to compare the paths without keeping their reports. */
const digests = new Map<string, string[]>();
const counts = new Map<string, string>();
const digest = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('hex');
console.log('\nruns (wall ms):');

const ROW = {
  floatPrep: 'float: prepare (parse to typed arrays)',
  floatEval: 'float: evaluate + aggregate + rank',
  floatAll: 'float: prepare + evaluate + rank',
  lean: 'exact: safeScoreBatch, explain: false',
  phases: 'exact, explain: false, phase-timed',
  exact: 'exact: safeScoreBatch (with explanations)',
} as const;

async function runFloat(): Promise<FloatReport> {
  const fc = new FloatCriteria(set);
  const prep = await bench(ROW.floatPrep, () => prepareFloat(fc, submission));
  const input: FloatInput = prep.last;
  const evalOnly = await bench(ROW.floatEval, () => scoreFloat(fc, input));
  const both = await bench(ROW.floatAll, () => scoreFloat(fc, prepareFloat(fc, submission)));
  timings.push(prep.timing, evalOnly.timing, both.timing);
  return evalOnly.last;
}

async function runPhases(): Promise<void> {
  const all: PhaseTimes[] = [];
  const phased = await bench(ROW.phases, () => {
    const { outcome, times } = scoreSubmissionPhased(set, submission, { explain: false });
    all.push(times);
    return outcome;
  });
  const timed = all.slice(1); // drop the warm-up
  phaseRows.push(...PHASES.map((name) => ({ name, times: timed.map((t) => t[name]) })));
  timings.push(phased.timing);
  if (phased.last.ok) digests.set('phases', phased.last.value.results.map(digest));
}

/** Times safeScoreBatch with `options`; keeps the digests of its unit results (and the report itself when asked). */
async function runLibrary(key: string, name: string, options: ScoreOptions, runs = RUNS, keep = false): Promise<ScoreReport | undefined> {
  const timed = await bench(name, () => safeScoreBatch(set, submission, options), runs);
  timings.push(timed.timing);
  if (!timed.last.ok) {
    console.error('safeScoreBatch rejected the synthetic batch:', timed.last.issues.slice(0, 10));
    process.exit(1);
  }
  digests.set(key, timed.last.value.results.map(digest));
  return keep ? timed.last.value : undefined;
}

if (ONLY.has('float')) floatReport = await runFloat();
if (ONLY.has('lean')) await runLibrary('lean', ROW.lean, { explain: false });
if (ONLY.has('phases')) await runPhases();
if (ONLY.has('exact')) exactReport = await runLibrary('exact', ROW.exact, {}, RUNS, true);

// ---------------------------------------------------------------- figures

console.log('\nTimings (median of runs; units/s = units / median wall time):\n');
console.log(table(
  ['path', 'runs', 'median ms', 'min ms', 'max ms', 'cpu ms', 'µs/unit', 'units/s', 'heap +in run MB', 'heap after MB', 'result kept MB', 'rss after MB', 'maxRSS so far MB'],
  timings.map((x) => [x.name, String(x.times.length), ms(x.median), ms(x.min), ms(x.max), ms(x.cpu), ((x.median * 1000) / UNITS).toFixed(1), rate(x.median), mb(x.heapGrowth), mb(x.heapAfter), gc ? mb(x.retained) : 'n/a', mb(x.rssAfter), x.maxRss.toFixed(0)]),
  'lrrrrrrrrrrrr',
));
console.log(
  'heap = heapUsed + ArrayBuffers. "+in run": growth from a GC\'d start to the end of the run (garbage included; a lower bound of the run\'s peak);\n' +
  '"after": absolute, incl. the input batch and results kept by earlier rows; "result kept": the result\'s size after a full GC; maxRSS: process high-water mark.\n' +
  'cpu ms: CPU time of the whole process during the run (GC helper threads included), median.',
);
console.log(`\nmax observed: heapUsed ${mb(peak.heap)} MB, rss ${mb(peak.rss)} MB; process maxRSS ${maxRssMB().toFixed(0)} MB; input batch ~${mb(inputHeap)} MB heap`);

const find = (name: string): Timing | undefined => timings.find((x) => x.name === name);
const floatEval = find(ROW.floatEval);
const floatAll = find(ROW.floatAll);
const ratioRows: string[][] = [];
for (const [row, label] of [[ROW.lean, 'exact, explain: false'], [ROW.exact, 'exact, with explanations']] as const) {
  const x = find(row);
  if (!x) continue;
  const r = (y: Timing | undefined, f: (t: Timing) => number): string => (y ? `${(f(x) / f(y)).toFixed(1)}×` : 'n/a');
  ratioRows.push([label, r(floatEval, (t) => t.median), r(floatAll, (t) => t.median), r(floatEval, (t) => t.cpu), r(floatAll, (t) => t.cpu)]);
}
if (ratioRows.length > 0) {
  console.log('\nRatios to the float64 loop (path ÷ float):\n');
  console.log(table(['path', 'wall ÷ float eval', 'wall ÷ float incl. parsing', 'cpu ÷ float eval', 'cpu ÷ float incl. parsing'], ratioRows, 'lrrrr'));
}
const [withTexts, without] = [find(ROW.exact), find(ROW.lean)];
if (withTexts && without && gc) {
  console.log(`\nReport memory kept: ${mb(withTexts.retained)} MB with explanations, ${mb(without.retained)} MB without (texts: ${((100 * (withTexts.retained - without.retained)) / withTexts.retained).toFixed(0)}%)`);
}

if (phaseRows.length > 0) {
  const total = phaseRows.reduce((acc, r) => acc + median(r.times), 0);
  console.log('\nscoreSubmission (explain: false) by phase (median per phase over the runs):\n');
  console.log(table(
    ['phase', 'median ms', 'share', 'µs/unit'],
    [...phaseRows.map((r) => [r.name, ms(median(r.times)), `${((100 * median(r.times)) / total).toFixed(1)}%`, ((median(r.times) * 1000) / UNITS).toFixed(1)]), ['sum', ms(total), '100%', ((total * 1000) / UNITS).toFixed(1)]],
    'lrrr',
  ));
}

// ---------------------------------------------------------------- agreement (checked once; nothing asserted)

const compare = (a: string, b: string, label: string): void => {
  const [x, y] = [digests.get(a), digests.get(b)];
  if (!x || !y) return;
  let differ = 0;
  x.forEach((d, i) => { if (d !== y[i]) differ++; });
  console.log(`  ${label}: ${differ} of ${x.length} unit results differ${differ ? '  <-- NOT IDENTICAL' : ' (byte-identical JSON)'}`);
};
if (digests.size > 1) {
  console.log('\nSame results:');
  compare('phases', 'lean', 'phase-timed sequence vs safeScoreBatch');
}

if (exactReport && floatReport) {
  const f = floatReport;
  let totalsOff = 0;
  let totalsText = 0;
  let maxDiff = 0;
  let leafOff = 0;
  let leaves = 0;
  let aggOff = 0;
  let indexOff = 0;
  let ratingOff = 0;
  let rankOff = 0;
  let parentRankOff = 0;
  const fc = new FloatCriteria(set);
  const plan = fc.plan(LEVEL).plan;
  exactReport.results.forEach((r, u) => {
    const fp = f.points[u]!;
    const diff = Math.abs(fp - Number(r.points));
    maxDiff = Math.max(maxDiff, diff);
    if (diff > 0.01 + 1e-9) totalsOff++;
    if (fp.toFixed(2) !== r.points) totalsText++;
    const fi = f.index[u]!;
    if ((Number.isNaN(fi) ? null : fi.toFixed(4)) !== r.index) indexOff++;
    const fr = f.rating[u]!;
    if ((fr < 0 ? null : fc.ratings[fr]!.id) !== r.rating) ratingOff++;
    if ((f.rank[u] || null) !== r.rank) rankOff++;
    if ((f.rankInParent[u] || null) !== r.rankInParent) parentRankOff++;
    plan.nodes.forEach((node, i) => {
      const exact = r.nodes[node.code]?.points ?? null;
      let fv = f.nodePoints[u * f.nodeStride + i]!;
      if (node.leafSlot < 0 && Number.isNaN(fv)) fv = 0; // an aggregate that does not count still shows "0.00"
      const same = exact === null ? Number.isNaN(fv) : !Number.isNaN(fv) && Math.abs(fv - Number(exact)) < 0.005;
      if (node.leafSlot >= 0) { leaves++; if (!same) leafOff++; } else if (!same) aggOff++;
    });
  });
  console.log(`\nfloat vs exact (${exactReport.results.length} units, ${leaves.toLocaleString('en-US')} leaf results):`);
  console.log(table(
    ['check', 'disagreements'],
    [
      ['unit total points differ by more than 0.01', String(totalsOff)],
      ['unit total points text (2 decimals) differs', String(totalsText)],
      ['largest |float − exact| on a unit total', maxDiff.toFixed(4)],
      ['leaf points differ (by a cent or more)', String(leafOff)],
      ['aggregate node points differ', String(aggOff)],
      ['index text (4 decimals) differs', String(indexOff)],
      ['rating differs', String(ratingOff)],
      ['rank differs', String(rankOff)],
      ['rank in parent differs', String(parentRankOff)],
    ],
    'lr',
  ));
}

