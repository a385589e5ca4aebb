/**
 * One size of the goal bench (bench/goals.ts starts it as a child process, so
 * each size has its own, default-sized heap): generates N synthetic units and
 * times, interleaved run by run (the order rotates every run), the float64
 * scorer and `safeScoreBatch` with `explain: false`, by default, and by default
 * with every explanation text read. Prints one JSON line per timed run (so a
 * crash, e.g. out of memory, keeps the runs before it) and a last `done` line.
 *
 *   node --import tsx --expose-gc bench/goals-worker.ts --units 10600 --runs 15
 */
import { explainUnit, safeScoreBatch, type ScoreReport } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { FloatCriteria, prepareFloat, scoreFloat } from './float-scorer.js';
import { benchWorkload, generateSubmission } from './generate.js';
import { option } from './options.js';

const UNITS = Number(option('units', '10600'));
const RUNS = Math.max(1, Number(option('runs', '15')));
const SEED = Number(option('seed', '2022'));
const REF = option('criteria', 'can-tho@2022.1.0');
const LEVEL = option('level', 'commune');
const VARIANTS = option('variants', 'float,floatEval,lean,exact,exactRead').split(',');

const gc = (globalThis as { gc?: () => void }).gc;
const emit = (line: object): void => { process.stdout.write(`${JSON.stringify(line)}\n`); };

const set = getCriteria(REF);
const { submission } = generateSubmission(set, benchWorkload(UNITS, SEED, LEVEL));
const fc = new FloatCriteria(set);

/** Builds and reads every explanation text of a report (unit by unit, as `dti score --format json` does). */
function readAllTexts(report: ScoreReport): number {
  let chars = 0;
  for (const result of report.results) {
    for (const node of Object.values(explainUnit(result).nodes)) chars += (node.explanation?.vi.length ?? 0) + (node.explanation?.en?.length ?? 0);
  }
  if (chars === 0) throw new Error('no explanation was built');
  return chars;
}

function check(outcome: ReturnType<typeof safeScoreBatch>): ScoreReport {
  if (!outcome.ok) {
    console.error('safeScoreBatch rejected the synthetic batch:', outcome.issues.slice(0, 5));
    process.exit(1);
  }
  return outcome.value;
}

function runner(variant: string, sub: typeof submission): () => unknown {
  switch (variant) {
    case 'float': return () => scoreFloat(fc, prepareFloat(fc, sub));
    case 'floatEval': {
      const input = prepareFloat(fc, sub);
      return () => scoreFloat(fc, input);
    }
    case 'lean': return () => check(safeScoreBatch(set, sub, { explain: false })).results.length;
    case 'exact': return () => check(safeScoreBatch(set, sub)).results.length;
    case 'exactRead': return () => readAllTexts(check(safeScoreBatch(set, sub)));
    default: throw new Error(`unknown variant ${variant}`);
  }
}

// Warm-up on a slice (at most 2,000 units, twice), so the JIT has seen every path before the timed runs.
const slice = { ...submission, units: submission.units.slice(0, Math.min(UNITS, 2000)) };
for (const v of VARIANTS) { const f = runner(v, slice); f(); f(); }

const timed = VARIANTS.map((v) => ({ v, fn: runner(v, submission) }));
for (let r = 0; r < RUNS; r++) {
  for (let k = 0; k < timed.length; k++) {
    const { v, fn } = timed[(k + r) % timed.length]!;
    if (gc) { gc(); gc(); }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    emit({ run: r, variant: v, cpu: (c.user + c.system) / 1000, wall });
  }
}
emit({ done: true, units: UNITS, maxRssMB: process.resourceUsage().maxRSS / 1024 });
