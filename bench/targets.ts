/**
 * Issue #15's goal for targets: `pathsToRating` for every unit of the
 * examples (each Cần Thơ set with its example batch, to the next rating) in
 * ≤ 10× the time to score them. Both are measured in this process, interleaved
 * run by run (CPU time, medians): a run scores the batch with `scoreBatch`
 * (as a user calls it, and with `explain: false`) and finds every unit's path.
 * Uses the built package (dist/) when it is there and not older than src/
 * (what users run), else the sources through tsx, and says which.
 *
 *   npx tsx bench/targets.ts [--quick] [--runs N]
 *
 * Not a test: nothing is asserted, the exit code is 0 whatever the figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';
import { builtIsFresh, root } from './built.js';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : QUICK ? 15 : 31;
const WARM = QUICK ? 10 : 30;
// A batch of 47 units scores in about a millisecond: each timed run scores it this many times, and finds the paths once.
const SCORES_PER_RUN = 5;

const useDist = builtIsFresh('dist/analysis.js');
const load = async <T>(built: string, source: string): Promise<T> => (await import(pathToFileURL(path.join(root, useDist ? built : source)).href)) as T;

type Batch = { units: unknown[] };
const { scoreBatch } = await load<typeof import('../src/index.js')>('dist/index.js', 'src/index.ts');
const { getCriteria } = await load<typeof import('../src/sets/index.js')>('dist/sets.js', 'src/sets/index.ts');
const { pathsToRating } = await load<typeof import('../src/analysis/index.js')>('dist/analysis.js', 'src/analysis/index.ts');

const cpu = (run: () => void): number => {
  const start = cpuUsage();
  run();
  const used = cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const fmt = (value: number, digits = 2): string => value.toFixed(digits);

const EXAMPLES = [
  ['can-tho@2022.1.0', 'examples/can-tho-2022/submissions.json'],
  ['can-tho@2023.1.0', 'examples/can-tho-2023/submissions.json'],
  ['can-tho@2025.1.0', 'examples/can-tho-2025/submissions.json'],
] as const;

console.log(`pathsToRating to the next rating, every unit of each example batch (${useDist ? 'dist/, as users run it' : 'the sources through tsx: npm run build first for the shipped figures'}); medians of ${RUNS} interleaved runs, CPU ms`);
const rows: string[][] = [];
let worst = 0;
for (const [id, file] of EXAMPLES) {
  const set = getCriteria(id);
  const batch = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Batch;
  const score = (): void => void scoreBatch(set, batch as never);
  const lean = (): void => void scoreBatch(set, batch as never, { explain: false });
  const paths = (): void => void pathsToRating(set, batch as never, { next: true });
  for (let i = 0; i < WARM; i++) [score, lean, paths].forEach((run) => run());
  const times = { score: [] as number[], lean: [] as number[], paths: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.score.push(cpu(() => { for (let k = 0; k < SCORES_PER_RUN; k++) score(); }) / SCORES_PER_RUN);
    times.lean.push(cpu(() => { for (let k = 0; k < SCORES_PER_RUN; k++) lean(); }) / SCORES_PER_RUN);
    times.paths.push(cpu(paths));
  }
  const [s, l, p] = [median(times.score), median(times.lean), median(times.paths)];
  worst = Math.max(worst, p / s);
  rows.push([`${id}, ${batch.units.length} units`, fmt(p), fmt(s), fmt(l), `${fmt(p / s, 1)}×`, `${fmt(p / l, 1)}×`]);
}
const head = ['example', 'pathsToRating', 'scoreBatch', 'explain: false', 'ratio', 'ratio to explain: false'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: readonly string[]): string => `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`goal (issue #15): pathsToRating ≤ 10× scoring the units; worst ratio to scoreBatch ${fmt(worst, 1)}×: ${worst <= 10 ? 'met' : 'not met'}`);
