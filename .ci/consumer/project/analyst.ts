/**
 * The analysts' way: CommonJS TypeScript (package "type": "commonjs", module node16),
 * run with `npx ts-node analyst.ts ts-node` (type-checked against the shipped .d.cts)
 * and `npx tsx analyst.ts tsx`. Writes out/<label>-json.json and out/<label>-csv.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { criteriaHash, scoreBatch, withExplanations, type CriteriaSet, type ScoreReport, type UnitResult } from 'dti-criteria';
import { getCriteria } from 'dti-criteria/sets';
import { safeParseSubmissionsCsv, type SubmissionsCsvOptions } from 'dti-criteria/csv';
import { safeLoadCriteria } from 'dti-criteria/node';

const label = process.argv[2];
if (label !== 'ts-node' && label !== 'tsx') throw new Error('usage: analyst.ts ts-node|tsx');
function fail(message: string): never {
  console.error(`${label}: ${message}`);
  process.exit(1);
}

const entry = require.resolve('dti-criteria');
if (!/[\\/]node_modules[\\/]dti-criteria[\\/]dist[\\/]index\.cjs$/.test(entry)) fail(`'dti-criteria' resolved to ${entry}, expected dist/index.cjs`);
const pkgDir = dirname(require.resolve('dti-criteria/package.json'));

const criteria: CriteriaSet = getCriteria('can-tho@2022.1.0');
const submission: unknown = JSON.parse(readFileSync(join(__dirname, 'submissions.json'), 'utf8'));
const report: ScoreReport = withExplanations(scoreBatch(criteria, submission, { inputHashes: true })); // as dti score --format json writes it
const first: UnitResult | undefined = report.results[0];
if (first === undefined || typeof first.points !== 'string') fail('no results');

const options: SubmissionsCsvOptions = { locale: 'en', criteriaRef: 'can-tho@2022.1.0', period: '2022' };
const csv = safeParseSubmissionsCsv(readFileSync(join(__dirname, 'submissions.csv'), 'utf8'), criteria, options);
if (!csv.ok) fail(`CSV rejected: ${JSON.stringify(csv.issues.slice(0, 3))}`);
const csvReport = withExplanations(scoreBatch(criteria, csv.value, { inputHashes: true })); // as dti score --format json writes it

const fromFile = safeLoadCriteria(join(pkgDir, 'criteria', 'can-tho', '2022.1.0.json'));
if (!fromFile.ok) fail(`shipped criteria file rejected: ${JSON.stringify(fromFile.issues.slice(0, 3))}`);
if (criteriaHash(fromFile.value) !== report.criteria.sha256) fail('shipped criteria/can-tho/2022.1.0.json hash differs from the embedded set');

mkdirSync(join(__dirname, 'out'), { recursive: true });
writeFileSync(join(__dirname, 'out', `${label}-json.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(__dirname, 'out', `${label}-csv.json`), `${JSON.stringify(csvReport, null, 2)}\n`);
