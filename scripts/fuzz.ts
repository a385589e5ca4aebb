/**
 * Long fuzz run: `npm run fuzz -- [--cases N] [--seed S] [--workers W] [--batch B]
 * [--shuffle-every K] [--self-totals final|self-run] [--show N]`.
 *
 * Case `i` uses the seed `S + i` and is, by that seed alone, either a valid
 * (criteria set, submission) pair, scored by the library and by the
 * independent reference scorer (test/fuzz/reference-scorer.ts) and compared,
 * or a garbage input (arbitrary JSON, `fc.anything` with prototype keys,
 * mutated sets and submissions) that must never cause an uncoded exception or
 * pollute `Object.prototype`. `--seed <case seed> --cases 1` replays one case.
 *
 * Prints counts per batch and a summary; exits 1 on any disagreement or
 * uncoded exception.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { caseArb, garbageArb, SeededRnd } from '../test/fuzz/arbitraries.js';
import { checkCase, checkGarbage, type CaseExtras, type GarbageTally } from '../test/fuzz/checks.js';
import { firstDifference } from '../test/fuzz/compare.js';
import { referenceScore } from '../test/fuzz/reference-scorer.js';

interface Options {
  readonly cases: number;
  readonly seed: number;
  readonly workers: number;
  readonly batch: number;
  readonly shuffleEvery: number;
  readonly selfTotals: 'final' | 'self-run';
  readonly show: number;
}

interface Example {
  readonly seed: number;
  readonly kind: string;
  readonly detail: string;
}

interface Stats {
  cases: number;
  validCases: number;
  validSets: number;
  scored: number;
  rejectedAsExpected: number;
  agreements: number;
  disagreements: number;
  uncoded: number;
  generatorErrors: number;
  garbageCases: number;
  shuffled: number;
  invariantFindings: number;
  selfTotalDeviations: number;
  invalidSetThrows: number;
  codes: Record<string, number>;
  soft: Record<string, number>;
  failures: Example[];
  findings: Example[];
  softExamples: Example[];
}

function emptyStats(): Stats {
  return {
    cases: 0, validCases: 0, validSets: 0, scored: 0, rejectedAsExpected: 0, agreements: 0, disagreements: 0, uncoded: 0,
    generatorErrors: 0, garbageCases: 0, shuffled: 0, invariantFindings: 0, selfTotalDeviations: 0, invalidSetThrows: 0,
    codes: {}, soft: {}, failures: [], findings: [], softExamples: [],
  };
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** Whether the case of this seed is a valid pair (7 in 10) or garbage. */
export function isValidCase(seed: number): boolean {
  return ((seed % 10) + 10) % 10 < 7;
}

function runCase(seed: number, options: Options, stats: Stats): void {
  stats.cases += 1;
  const keep = (list: Example[], example: Example): void => {
    if (list.length < options.show) list.push(example);
  };
  if (isValidCase(seed)) {
    stats.validCases += 1;
    let c;
    try {
      [c] = fc.sample(caseArb, { seed, numRuns: 1 });
    } catch (error) {
      stats.generatorErrors += 1;
      keep(stats.failures, { seed, kind: 'generator', detail: String(error) });
      return;
    }
    if (c === undefined) return;
    const shuffle = options.shuffleEvery > 0 && seed % options.shuffleEvery === 0 ? new SeededRnd(seed) : undefined;
    if (shuffle) stats.shuffled += 1;
    const extras: CaseExtras = {};
    const verdict = checkCase(c, { ...(shuffle ? { shuffle } : {}), reference: { selfTotals: options.selfTotals } }, extras);
    if (verdict.kind === 'uncoded') {
      stats.uncoded += 1;
      keep(stats.failures, { seed, kind: 'uncoded exception (valid case)', detail: verdict.detail });
      return;
    }
    if (verdict.kind === 'disagree') {
      if (!verdict.detail.startsWith('a valid generated set was rejected')) stats.validSets += 1;
      stats.disagreements += 1;
      keep(stats.failures, { seed, kind: 'disagreement', detail: verdict.detail });
      return;
    }
    stats.validSets += 1;
    stats.agreements += 1;
    if (verdict.scored) stats.scored += 1;
    else {
      stats.rejectedAsExpected += 1;
      for (const code of verdict.codes) bump(stats.codes, code);
    }
    if (extras.invariant !== undefined) {
      stats.invariantFindings += 1;
      keep(stats.findings, { seed, kind: 'invariant', detail: extras.invariant });
    }
    if (verdict.scored && options.selfTotals === 'self-run') {
      // How often the other reading of the self-assessed totals would differ (a known, spec-silent point).
      const a = referenceScore(c.generated.set, c.submission, { selfTotals: 'final' });
      const b = referenceScore(c.generated.set, c.submission, { selfTotals: 'self-run' });
      const diff = firstDifference(a, b, 'reference', ['final', 'self-run']);
      if (diff !== undefined) {
        stats.selfTotalDeviations += 1;
        keep(stats.findings, { seed, kind: 'self totals (the "--self-totals final" reading would differ)', detail: diff });
      }
    }
    return;
  }
  stats.garbageCases += 1;
  let g;
  try {
    [g] = fc.sample(garbageArb, { seed, numRuns: 1 });
  } catch (error) {
    stats.generatorErrors += 1;
    keep(stats.failures, { seed, kind: 'generator', detail: String(error) });
    return;
  }
  if (g === undefined) return;
  const tally: GarbageTally = { codes: [], invalidSetThrows: 0, soft: [] };
  const verdict = checkGarbage(g, tally, { reference: { selfTotals: options.selfTotals } });
  for (const code of tally.codes) bump(stats.codes, code);
  for (const soft of tally.soft) {
    bump(stats.soft, soft.category);
    if (stats.softExamples.filter((e) => e.kind === soft.category).length < 2) stats.softExamples.push({ seed, kind: soft.category, detail: soft.detail });
  }
  stats.invalidSetThrows += tally.invalidSetThrows;
  if (verdict.kind === 'agree') return;
  if (verdict.detail.includes('disagree')) stats.disagreements += 1;
  else stats.uncoded += 1;
  keep(stats.failures, { seed, kind: `garbage (${g.kind})`, detail: verdict.detail });
}

function merge(into: Stats, from: Stats, show: number): void {
  for (const key of Object.keys(into) as (keyof Stats)[]) {
    const a = into[key];
    const b = from[key];
    if (typeof a === 'number' && typeof b === 'number') (into[key] as number) = a + b;
  }
  for (const [k, v] of Object.entries(from.codes)) bump(into.codes, k, v);
  for (const [k, v] of Object.entries(from.soft)) bump(into.soft, k, v);
  into.failures.push(...from.failures.slice(0, Math.max(0, show - into.failures.length)));
  into.findings.push(...from.findings.slice(0, Math.max(0, show - into.findings.length)));
  for (const e of from.softExamples) if (into.softExamples.filter((x) => x.kind === e.kind).length < 2) into.softExamples.push(e);
}

function runBatch(start: number, count: number, options: Options): Stats {
  const stats = emptyStats();
  for (let i = start; i < start + count; i++) runCase(options.seed + i, options, stats);
  return stats;
}

// ---------------------------------------------------------------- worker

type ToWorker = { start: number; count: number; options: Options } | { stop: true };
type FromWorker = { start: number; stats: Stats };

const WORKER_FLAG = '--fuzz-worker';
const isWorker = process.argv.includes(WORKER_FLAG);

if (isWorker) {
  process.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      process.disconnect();
      return;
    }
    process.send!({ start: message.start, stats: runBatch(message.start, message.count, message.options) } satisfies FromWorker);
  });
}

// ---------------------------------------------------------------- main

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      batch: { type: 'string', default: '1000' },
      'shuffle-every': { type: 'string', default: '4' },
      'self-totals': { type: 'string', default: 'self-run' },
      show: { type: 'string', default: '5' },
    },
    allowPositionals: false,
  });
  const int = (text: string | undefined, name: string, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const selfTotals = values['self-totals'];
  if (selfTotals !== 'final' && selfTotals !== 'self-run') throw new Error('--self-totals is "final" or "self-run"');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    cases: int(values.cases, 'cases', 100_000),
    seed: int(values.seed, 'seed', Math.floor(Math.random() * 0x7fffffff)),
    workers: Math.max(1, int(values.workers, 'workers', Math.min(2, cores))),
    batch: Math.max(1, int(values.batch, 'batch', 1000)),
    shuffleEvery: int(values['shuffle-every'], 'shuffle-every', 4),
    selfTotals,
    show: int(values.show, 'show', 5),
  };
}

function printExamples(title: string, examples: readonly Example[]): void {
  if (examples.length === 0) return;
  console.log(`\n${title} (first ${examples.length}; replay one with --seed <seed> --cases 1):`);
  for (const e of examples) console.log(`  seed ${e.seed} [${e.kind}]\n    ${e.detail.split('\n').join('\n    ')}`);
}

/** Node flags for the workers: this file is TypeScript, so they load it through tsx like the main process. */
function workerExecArgv(): string[] {
  const flags = [...process.execArgv];
  if (!flags.some((flag) => flag.includes('tsx'))) flags.push('--import', import.meta.resolve('tsx'));
  return flags;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = Date.now();
  console.log(`fuzz: ${options.cases} cases, seed ${options.seed}, ${options.workers} worker(s), batches of ${options.batch}, self totals "${options.selfTotals}"`);
  const total = emptyStats();
  const batches: { start: number; count: number }[] = [];
  for (let start = 0; start < options.cases; start += options.batch) batches.push({ start, count: Math.min(options.batch, options.cases - start) });
  let done = 0;
  const progress = (): void => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `  ${String(total.cases).padStart(7)} cases | valid sets ${total.validSets} | scored ${total.scored} | agree ${total.agreements} | disagree ${total.disagreements} | uncoded ${total.uncoded} | garbage ${total.garbageCases} | ${seconds}s`,
    );
  };

  if (options.workers <= 1) {
    for (const batch of batches) {
      merge(total, runBatch(batch.start, batch.count, options), options.show);
      progress();
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let alive = 0;
      const feed = (worker: ChildProcess): void => {
        const batch = batches[next++];
        worker.send(batch === undefined ? ({ stop: true } satisfies ToWorker) : ({ ...batch, options } satisfies ToWorker));
      };
      for (let w = 0; w < Math.min(options.workers, batches.length); w++) {
        const worker = fork(fileURLToPath(import.meta.url), [WORKER_FLAG], { execArgv: workerExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        alive += 1;
        worker.on('message', (message: FromWorker) => {
          merge(total, message.stats, options.show);
          done += 1;
          progress();
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          alive -= 1;
          if (code !== 0 && code !== null) reject(new Error(`a fuzz worker exited with code ${code}`));
          else if (alive === 0) resolve();
        });
        feed(worker);
      }
    });
  }
  if (done === 0 && options.workers > 1 && batches.length > 0) throw new Error('no batch completed');

  const seconds = (Date.now() - started) / 1000;
  console.log('\n== summary');
  console.log(`cases                    ${total.cases}  (valid pairs ${total.validCases}, garbage ${total.garbageCases})`);
  console.log(`valid sets (validated)   ${total.validSets}`);
  console.log(`submissions scored       ${total.scored}  (+ ${total.rejectedAsExpected} rejected by both, missing: error)`);
  console.log(`agreements               ${total.agreements}  (${total.shuffled} also re-scored with shuffled keys)`);
  console.log(`disagreements            ${total.disagreements}`);
  console.log(`uncoded exceptions       ${total.uncoded}`);
  console.log(`generator errors         ${total.generatorErrors}`);
  console.log(`coded rejections by code:`);
  for (const [code, n] of Object.entries(total.codes).sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(40)} ${n}`);
  console.log(`safeScoreBatch threw DtiError for an invalid criteria set (coded): ${total.invalidSetThrows}`);
  if (Object.keys(total.soft).length > 0) {
    console.log('mutated inputs the library accepted, as the reference saw them (informational):');
    for (const [k, n] of Object.entries(total.soft).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(60)} ${n}`);
  }
  console.log(`findings: invariant (points > maxPoints or index > 1): ${total.invariantFindings}; self-assessed totals differ under --self-totals self-run: ${total.selfTotalDeviations}`);
  console.log(`elapsed                  ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, total.cases)).toFixed(2)} ms/case)`);
  printExamples('failures', total.failures);
  printExamples('findings (not failures)', total.findings);
  if (options.show > 0) printExamples('mutated inputs, informational', total.softExamples);
  const failed = total.disagreements > 0 || total.uncoded > 0 || total.generatorErrors > 0;
  console.log(failed ? '\nFUZZ FAILED' : '\nfuzz passed');
  process.exitCode = failed ? 1 : 0;
}

if (!isWorker) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
