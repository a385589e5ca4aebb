/**
 * The goal table of issue #13: `npm run bench` (or `npx tsx bench/goals.ts [options]`).
 *
 * Every figure is a ratio measured in this one run against a yardstick run
 * interleaved with it (medians of CPU time; the machines are noisy). Nothing is
 * asserted: each row says whether its goal is met, and the exit code is 0.
 *
 *   1. `safeScoreBatch` on 10,600 synthetic communes: `explain: false`, by default
 *      (explanations), and by default with every text read, against the float64
 *      scorer (bench/float-scorer.ts: parsing the same objects + evaluating + ranking);
 *   2. the same at 1,000, 10,000 and 100,000 units, per unit (each size in its own
 *      child process with the default heap: bench/goals-worker.ts);
 *   3. `dti score --format json` end to end on a generated file, as a child process
 *      (`node dist/cli.cjs` if dist exists, else `node --import tsx src/cli/main.ts`),
 *      against the float scorer as a command reading the same file (bench/float-cli.ts,
 *      bundled by esbuild, run by plain node): CPU, wall time and peak RSS of each;
 *   4. start-up: `dti score examples/can-tho-2022/submissions.json` against `node -e 0`;
 *   5. reading filled workbooks: 103 commune forms (the communes and wards of Cần Thơ after
 *      2025), each a synthetic commune typed into its own template (bench/workbooks.ts), read
 *      by `readWorkbookBatch` in a child process (bench/workbooks-worker.ts) and by
 *      `dti score <folder> --format json` end to end; milliseconds per workbook, no yardstick;
 *   6. then the uncertainty goals of issue #15 (bench/uncertainty.ts, its own table: an analysis of
 *      1,000 samples over 3,300 communes against 1,000 batches, worker threads, sensitivity);
 *   7. then the targets goal of issue #15 (bench/targets.ts: pathsToRating of every example unit
 *      against scoring them, in process, interleaved).
 *
 * Options: --runs N (15: runs of the cheap rows: 10,600, 1,000, 10,000, start-up)
 *          --heavy-runs N (5: end to end; 100,000 gets max(1, N/2))
 *          --quick (5 cheap runs but 2 at 10,000, 2 end to end without warm-up, 1 at 100,000 of
 *          the default path only: about two minutes)
 *          --units N (10600)  --seed N (2022)  --criteria id@version (can-tho@2022.1.0)
 *          --workbooks N (103: the workbook row; its runs are the end-to-end ones)
 * The detailed in-process figures (memory, phases, float vs exact agreement) are
 * in bench/score.bench.ts: `npx tsx --expose-gc bench/score.bench.ts`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { getCriteria } from '../src/sets/index.js';
import { benchWorkload, generateSubmission } from './generate.js';
import { builtIsFresh, root } from './built.js';
import { option } from './options.js';
import { writeCommuneForms } from './workbooks.js';

process.chdir(root);

const QUICK = process.argv.includes('--quick');
const RUNS = Math.max(1, Number(option('runs', QUICK ? '5' : '15')));
const HEAVY = Math.max(1, Number(option('heavy-runs', QUICK ? '2' : '5')));
const BIG_RUNS = QUICK ? 1 : Math.max(1, Math.floor(HEAVY / 2));
const UNITS = Number(option('units', '10600'));
const SEED = option('seed', '2022');
const REF = option('criteria', 'can-tho@2022.1.0');
const EXAMPLES = 'examples/can-tho-2022/submissions.json';
const WORKBOOKS = Math.max(1, Number(option('workbooks', '103')));

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number, d = 0): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');
const progress = (s: string): void => { process.stderr.write(s); };

// ---------------------------------------------------------------- in-process rows, one child per size

interface SizeResult {
  readonly units: number;
  readonly cpu: Record<string, number>; // median CPU ms per variant
  readonly runs: number;
  readonly completed: boolean;
  readonly failure?: string;
}

/**
 * Runs a bench worker in its own child (default heap) and hands each JSON line it prints to
 * `onMessage`; resolves when it ends, with whether it said `{ "done": true }` and, if not, why
 * (the signal or exit code and the last line of its stderr, a heap line first).
 */
function runWorker(script: string, args: readonly string[], onMessage: (msg: Record<string, unknown>) => void): Promise<{ done: boolean; failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = false;
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
        buffer = buffer.slice(nl + 1);
        if (msg.done) done = true;
        else onMessage(msg);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
    child.on('close', (code, signal) => {
      progress(done ? ' done\n' : ` FAILED (${signal ?? `exit ${code}`})\n`);
      const lastLine = stderr.split('\n').map((l) => l.trim()).filter(Boolean).find((l) => /heap|memory/i.test(l)) ?? stderr.trim().split('\n').pop() ?? '';
      resolve(done ? { done } : { done, failure: `${signal ?? `exit ${code}`}: ${lastLine.slice(0, 160)}` });
    });
  });
}

async function runSize(units: number, runs: number, variants: string): Promise<SizeResult> {
  progress(`  ${fmt(units)} units, ${runs} interleaved runs `);
  const cpus: Record<string, number[]> = {};
  const { done, failure } = await runWorker('bench/goals-worker.ts', ['--units', String(units), '--runs', String(runs), '--seed', SEED, '--criteria', REF, '--variants', variants], (msg) => {
    const { variant, cpu } = msg as { variant?: string; cpu?: number };
    if (variant === undefined || cpu === undefined) return;
    (cpus[variant] ??= []).push(cpu);
    if (variant === 'float') progress('.');
  });
  return { units, runs, completed: done, cpu: Object.fromEntries(Object.entries(cpus).map(([k, v]) => [k, median(v)])), ...(failure === undefined ? {} : { failure }) };
}

/** The workbook row in its own child: CPU ms per workbook of `readWorkbookBatch` over a folder, median of `runs`. */
async function runWorkbooks(dir: string, runs: number): Promise<{ perWorkbook: number; failure?: string }> {
  progress(`  readWorkbookBatch in process, ${runs} runs `);
  const perWorkbook: number[] = [];
  const { failure } = await runWorker('bench/workbooks-worker.ts', ['--dir', dir, '--runs', String(runs)], (msg) => {
    const { cpu, workbooks } = msg as { cpu?: number; workbooks?: number };
    if (cpu === undefined || !workbooks) return;
    perWorkbook.push(cpu / workbooks);
    progress('.');
  });
  return { perWorkbook: median(perWorkbook), ...(failure === undefined ? {} : { failure }) };
}

// ---------------------------------------------------------------- child processes under /usr/bin/time

interface Measured { wall: number; cpu: number; rssMB: number }
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const BASH = ['/bin/bash', '/usr/bin/bash'].find((file) => fs.existsSync(file));

/**
 * The wall and CPU time of the command to the millisecond: bash's `time` reports the
 * user and system time of the command it waits for (getrusage) with three decimals,
 * where GNU time's %U and %S keep two, truncated (a 59 ms `node -e 0` reads 50 ms).
 * Its own stderr goes to `$0`; the command's goes where bash's went (fd 3).
 */
const TIMED = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" 2>&3; } 3>&2 2>"$0"';

/**
 * Runs a command with stdout to `out`; wall s and CPU s (user + system) to the millisecond
 * (bash's `time`, see TIMED), peak RSS from /usr/bin/time; without bash, all three from
 * /usr/bin/time (10 ms steps).
 */
function measure(cmd: readonly string[], out: string, scratch: string): Measured {
  const timeFile = path.join(scratch, 'time.txt');
  const cpuFile = path.join(scratch, 'cpu.txt');
  const fd = fs.openSync(out, 'w');
  try {
    const t0 = performance.now();
    const timed = BASH !== undefined ? [BASH, '-c', TIMED, cpuFile, ...cmd] : [...cmd];
    const r = TIME
      ? spawnSync(TIME, ['-f', '%e %U %S %M', '-o', timeFile, ...timed], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * 1024 * 1024 })
      : spawnSync(timed[0]!, timed.slice(1), { stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const wall = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited with ${r.status ?? r.signal}: ${String(r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
    const [e, u, s, m] = TIME ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [wall, Number.NaN, Number.NaN, Number.NaN];
    if (BASH === undefined) return { wall: e!, cpu: u! + s!, rssMB: m! / 1024 };
    const [bashWall, bashUser, bashSystem] = fs.readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wall: bashWall!, cpu: bashUser! + bashSystem!, rssMB: m! / 1024 };
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs two commands `runs` times, alternating which goes first; medians of each figure. */
function interleaved(a: readonly string[], b: readonly string[], runs: number, scratch: string, label: string): [Measured, Measured] {
  const ra: Measured[] = [];
  const rb: Measured[] = [];
  progress(`  ${label}, ${runs} interleaved runs `);
  if (!QUICK) { // warm the file cache and the compile cache
    measure(a, path.join(scratch, 'a.out'), scratch);
    measure(b, path.join(scratch, 'b.out'), scratch);
  }
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) { ra.push(measure(a, path.join(scratch, 'a.out'), scratch)); rb.push(measure(b, path.join(scratch, 'b.out'), scratch)); }
    else { rb.push(measure(b, path.join(scratch, 'b.out'), scratch)); ra.push(measure(a, path.join(scratch, 'a.out'), scratch)); }
    progress('.');
  }
  progress(' done\n');
  const med = (xs: Measured[]): Measured => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)), rssMB: median(xs.map((x) => x.rssMB)) });
  return [med(ra), med(rb)];
}

// ---------------------------------------------------------------- the run

const distCli = path.join(root, 'dist/cli.cjs');
const cli = fs.existsSync(distCli) ? [process.execPath, distCli] : [process.execPath, '--import', 'tsx', 'src/cli/main.ts'];
const stale = fs.existsSync(distCli) && !builtIsFresh('dist/cli.cjs');

console.log(`dti-criteria goal bench (issue #13) — ${REF}, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} CPUs${QUICK ? ', --quick' : ''}`);
console.log(`runs: ${RUNS} (${fmt(UNITS)}, 1,000, start-up), ${QUICK ? 2 : RUNS} (10,000), ${HEAVY} (end to end), ${BIG_RUNS} (100,000); medians of CPU time over interleaved runs`);
console.log(`CLI: ${cli.slice(1).join(' ')}${stale ? '  (WARNING: dist/cli.cjs is older than src/: run npm run build first)' : ''}`);
if (!TIME) console.log(BASH ? '(no /usr/bin/time: no peak RSS)' : '(no /usr/bin/time nor bash: end-to-end and start-up rows show wall time only)');
console.log(BASH ? `child processes: wall and CPU time to the millisecond (bash's time, ${BASH})${TIME ? ', peak RSS from /usr/bin/time' : ''}` : 'child processes: /usr/bin/time (10 ms steps, truncated)');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dti-bench-'));
try {
  progress('\nscoring in process (bench/goals-worker.ts, one child per size):\n');
  const main = await runSize(UNITS, RUNS, 'float,floatEval,lean,exact,exactRead');
  const small = await runSize(1000, RUNS, 'float,lean,exact');
  const mid = await runSize(10000, QUICK ? 2 : RUNS, 'float,lean,exact');
  // --quick: the default path only at 100,000 (the goal row), to stay under two minutes
  const big = await runSize(100000, BIG_RUNS, QUICK ? 'float,exact' : 'float,lean,exact');

  progress('\nend to end and start-up (child processes):\n');
  const set = getCriteria(REF);
  const criteriaFile = path.join(scratch, 'criteria.json');
  const submissionsFile = path.join(scratch, `submissions-${UNITS}.json`);
  fs.writeFileSync(criteriaFile, JSON.stringify(set));
  fs.writeFileSync(submissionsFile, JSON.stringify(generateSubmission(set, benchWorkload(UNITS, Number(SEED))).submission, null, 2));
  const floatCli = path.join(scratch, 'float-cli.mjs');
  await build({ entryPoints: [path.join(root, 'bench/float-cli.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: floatCli, logLevel: 'error' });
  const [e2e, e2eFloat] = interleaved(
    [...cli, 'score', submissionsFile, '--format', 'json'],
    [process.execPath, floatCli, criteriaFile, submissionsFile],
    HEAVY, scratch, `dti score --format json vs float scorer, ${fmt(UNITS)} units (${fmt(fs.statSync(submissionsFile).size / 2 ** 20)} MB file)`,
  );
  const [start, nodeStart] = interleaved([...cli, 'score', EXAMPLES], [process.execPath, '-e', '0'], RUNS, scratch, 'start-up: dti score on the 47 examples vs node -e 0');

  progress(`\nreading filled workbooks (${fmt(WORKBOOKS)} commune forms):\n  writing the forms `);
  const forms = path.join(scratch, 'forms');
  const formBytes = await writeCommuneForms(forms, set, WORKBOOKS, Number(SEED), progress);
  progress(` ${fmt(formBytes / 2 ** 20, 1)} MB\n`);
  const reading = await runWorkbooks(forms, HEAVY);
  const [formsE2e, formsNode] = interleaved([...cli, 'score', forms, '--format', 'json'], [process.execPath, '-e', '0'], HEAVY, scratch, `dti score on ${fmt(WORKBOOKS)} workbooks vs node -e 0`);

  // ---------------------------------------------------------------- the table

  const rows: string[][] = [];
  const ratio = (a: number, b: number): number => a / b;
  const x = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
  const met = (r: number, goal: number): string => (Number.isFinite(r) ? (r <= goal ? 'yes' : 'no') : 'n/a');
  const goalRow = (what: string, dti: number, yard: number, goal: number, unit: string, d = 0): void => {
    const r = ratio(dti, yard);
    rows.push([what, `${fmt(dti, d)} ${unit}`, `${fmt(yard, d)} ${unit}`, x(r), `≤ ${goal}×`, met(r, goal)]);
  };
  const c = main.cpu;
  const N = fmt(UNITS);
  goalRow(`safeScoreBatch, ${N} communes, explain: false (CPU)`, c.lean!, c.float!, 1.3, 'ms');
  goalRow(`safeScoreBatch, ${N} communes, default: explanations (CPU)`, c.exact!, c.float!, 1.5, 'ms');
  goalRow(`safeScoreBatch, ${N} communes, every text read (CPU)`, c.exactRead!, c.float!, 3, 'ms');
  const perUnit = (s: SizeResult, v: string): number => ((s.cpu[v] ?? Number.NaN) * 1000) / s.units;
  for (const s of [small, mid, big]) {
    const f = perUnit(s, 'float');
    const [l, e] = [perUnit(s, 'lean'), perUnit(s, 'exact')];
    const isBig = s === big;
    const growth = perUnit(s, 'exact') / perUnit(main, 'exact');
    rows.push([
      `${fmt(s.units)} units, µs/unit (CPU): explain: false / default`,
      `${fmt(l, 1)} / ${fmt(e, 1)} µs`,
      `${fmt(f, 1)} µs`,
      `${x(l / f)} / ${x(e / f)}`,
      isBig ? `default heap; µs/unit ≤ 1.3× the ${N} figure (${x(growth)})` : '(how cost grows)',
      isBig ? (s.completed ? met(growth, 1.3) : `no: ${s.failure}`) : '',
    ]);
  }
  goalRow(`dti score --format json, ${N} units, end to end (CPU)`, e2e.cpu, e2eFloat.cpu, 1.5, 's', 2);
  rows.push([`  same, wall time`, `${fmt(e2e.wall, 2)} s`, `${fmt(e2eFloat.wall, 2)} s`, x(e2e.wall / e2eFloat.wall), '', '']);
  goalRow(`  same, peak RSS`, e2e.rssMB, e2eFloat.rssMB, 2, 'MB');
  goalRow(`start-up: dti score, 47 examples vs node -e 0 (CPU)`, start.cpu * 1000, nodeStart.cpu * 1000, 2, 'ms');
  rows.push([`  same, wall time`, `${fmt(start.wall * 1000)} ms`, `${fmt(nodeStart.wall * 1000)} ms`, x(start.wall / nodeStart.wall), '', '']);
  rows.push([`${fmt(WORKBOOKS)} commune workbooks, readWorkbookBatch, ms/workbook (CPU)`, reading.failure ? `failed: ${reading.failure}` : `${fmt(reading.perWorkbook, 1)} ms`, '', '', '(per workbook)', '']);
  rows.push([`  dti score <folder>, end to end, ms/workbook (CPU)`, `${fmt((formsE2e.cpu * 1000) / WORKBOOKS, 1)} ms`, `${fmt(formsNode.cpu * 1000)} ms`, '', '(per workbook; node -e 0 once)', '']);
  rows.push([`  same, wall time, ms/workbook`, `${fmt((formsE2e.wall * 1000) / WORKBOOKS, 1)} ms`, `${fmt(formsNode.wall * 1000)} ms`, '', '', '']);

  const head = ['row', 'dti-criteria', 'yardstick', 'ratio', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => `| ${r.map((s, i) => (i === 0 || i >= 4 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join(' | ')} |`;
  console.log('\nGoals (issue #13): medians of CPU time; yardstick = float64 scorer (rows 1-3), node -e 0 (start-up; shown beside the workbook row)\n');
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 || i >= 4 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const evalOnly = (v: string): string => x((c[v] ?? Number.NaN) / (c.floatEval ?? Number.NaN));
  console.log(
    `\nfloat yardstick in process = parsing the same submission objects + evaluating + ranking (${fmt(c.float!)} ms); ` +
    `against evaluation on pre-parsed typed arrays only (${fmt(c.floatEval!)} ms): explain: false ${evalOnly('lean')}, default ${evalOnly('exact')}.`,
  );
  console.log('End to end, the float scorer is bench/float-cli.ts (reads the criteria and the file, writes compact JSON of every node\'s points) bundled and run by plain node.');
  console.log('Not a test: nothing is asserted, the exit code is 0 whatever the figures.');

  // Issue #15's uncertainty goals, in their own child (its own table).
  progress('\nuncertainty analysis (bench/uncertainty.ts):\n');
  spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', 'bench/uncertainty.ts', ...(QUICK ? ['--quick'] : []), '--seed', SEED, '--criteria', REF], { stdio: 'inherit' });
  // Issue #15's goal for targets (pathsToRating of every example unit against scoring them), its own table.
  progress('\ntargets (bench/targets.ts):\n');
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/targets.ts', ...(QUICK ? ['--quick'] : [])], { stdio: 'inherit' });
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
