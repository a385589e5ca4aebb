// Compares what every consumer wrote to out/: each JSON report must be
// byte-identical to the Node ESM one (likewise the CSV reports), and the
// reports must be sane (every example unit scored, none rejected, the CSV
// ranking the same as the JSON ranking). Prints one summary line per consumer.
// usage: node compare.mjs <consumer>...   (consumers without a -csv file are JSON-only)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const consumers = process.argv.slice(2);
const units = JSON.parse(readFileSync(join(here, 'submissions.json'), 'utf8')).units.length;
const read = (name) => {
  const file = join(here, 'out', `${name}.json`);
  return existsSync(file) ? readFileSync(file) : undefined;
};
const digest = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const ranking = (report) => report.results.map((r) => [r.unit, r.level, r.group, r.points, r.maxPoints, r.index, r.rating, r.rank, r.rankInParent]);

let failed = false;
const problem = (message) => { console.error(`  FAIL ${message}`); failed = true; };
const [reference] = consumers;
const refJson = read(`${reference}-json`);
const refCsv = read(`${reference}-csv`);
if (!refJson || !refCsv) {
  console.error(`missing out/${reference}-json.json or -csv.json`);
  process.exit(1);
}
const report = JSON.parse(refJson.toString('utf8'));
const csvReport = JSON.parse(refCsv.toString('utf8'));
if (report.results.length !== units) problem(`${report.results.length} results for ${units} example units`);
if (report.rejected.length !== 0) problem(`${report.rejected.length} example units rejected`);
if (report.results.some((r) => r.rank === null)) problem('an example unit has no rank');
if (JSON.stringify(ranking(report)) !== JSON.stringify(ranking(csvReport))) problem('the CSV examples rank differently from the JSON examples');

for (const name of consumers) {
  const json = read(`${name}-json`);
  const csv = read(`${name}-csv`);
  const notes = [];
  if (!json) { problem(`${name}: wrote no out/${name}-json.json`); continue; }
  if (!json.equals(refJson)) problem(`${name}: JSON report differs from ${reference}'s (sha256 ${digest(json)} vs ${digest(refJson)})`);
  else notes.push(`json report ${json.length} B sha256:${digest(json)} = ${reference}`);
  if (csv) {
    if (!csv.equals(refCsv)) problem(`${name}: CSV report differs from ${reference}'s (sha256 ${digest(csv)} vs ${digest(refCsv)})`);
    else notes.push(`csv report sha256:${digest(csv)} = ${reference}`);
  } else notes.push('(JSON only)');
  console.log(`  ${name.padEnd(8)} ${json.equals(refJson) && (!csv || csv.equals(refCsv)) ? 'ok  ' : 'FAIL'} ${notes.join('; ')}`);
}
const top = [...report.results].filter((r) => r.rank === 1).map((r) => `${r.level}${r.group ? `/${r.group}` : ''}: ${r.unit} ${r.points}`);
console.log(`  ${report.criteria.id}@${report.criteria.version} sha256 ${report.criteria.sha256.slice(0, 12)}…, ${report.results.length} units scored, first places: ${top.join(', ')}`);
process.exit(failed ? 1 : 0);
