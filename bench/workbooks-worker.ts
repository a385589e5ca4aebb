/**
 * The workbook row of the goal bench (bench/goals.ts starts it as a child
 * process): reads every `.xlsx` of a folder into memory once, then times
 * `readWorkbookBatch` on all of them `--runs` times (after one warm-up pass),
 * checking each pass reads every workbook. Prints one JSON line per timed run
 * (CPU and wall ms for the whole folder) and a last `done` line.
 *
 *   node --import tsx --expose-gc bench/workbooks-worker.ts --dir forms/ --runs 5
 */
import fs from 'node:fs';
import path from 'node:path';
import { embeddedCriteria } from '../src/sets/index.js';
import { readWorkbookBatch } from '../src/xlsx/index.js';
import { option } from './options.js';

const DIR = option('dir', '');
const RUNS = Math.max(1, Number(option('runs', '5')));
const gc = (globalThis as { gc?: () => void }).gc;
const emit = (line: object): void => { process.stdout.write(`${JSON.stringify(line)}\n`); };

const files = fs.readdirSync(DIR).filter((name) => name.endsWith('.xlsx')).sort().map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(DIR, name))) }));

async function pass(): Promise<void> {
  const batch = await readWorkbookBatch(files, { registry: embeddedCriteria });
  if (batch.rejected.length > 0 || batch.submission.units.length !== files.length) {
    console.error('workbooks left out:', batch.rejected.slice(0, 3).map((entry) => `${entry.file}: ${entry.issues[0]?.path} ${entry.issues[0]?.code}`));
    process.exit(1);
  }
}

await pass();
for (let r = 0; r < RUNS; r++) {
  if (gc) { gc(); gc(); }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await pass();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  emit({ run: r, workbooks: files.length, cpu: (c.user + c.system) / 1000, wall });
}
emit({ done: true, workbooks: files.length, maxRssMB: process.resourceUsage().maxRSS / 1024 });
