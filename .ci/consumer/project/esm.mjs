// Node ESM consumer: `import` of every code entry point of the installed tarball.
// Writes out/esm-json.json (the examples' JSON scored) and out/esm-csv.json (the CSV scored).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { criteriaHash, scoreBatch, withExplanations } from 'dti-criteria';
import { getCriteria } from 'dti-criteria/sets';
import { safeParseSubmissionsCsv } from 'dti-criteria/csv';
import { safeLoadCriteria } from 'dti-criteria/node';

const here = dirname(fileURLToPath(import.meta.url));
const fail = (message) => { console.error(`esm: ${message}`); process.exit(1); };

const entry = fileURLToPath(import.meta.resolve('dti-criteria'));
if (!/[\\/]node_modules[\\/]dti-criteria[\\/]dist[\\/]index\.js$/.test(entry)) fail(`'dti-criteria' resolved to ${entry}, expected node_modules/dti-criteria/dist/index.js`);
const pkgDir = dirname(fileURLToPath(import.meta.resolve('dti-criteria/package.json')));

const criteria = getCriteria('can-tho@2022.1.0');
const submission = JSON.parse(readFileSync(join(here, 'submissions.json'), 'utf8'));
const report = withExplanations(scoreBatch(criteria, submission, { inputHashes: true })); // as dti score --format json writes it

const csv = safeParseSubmissionsCsv(readFileSync(join(here, 'submissions.csv'), 'utf8'), criteria, { locale: 'en', criteriaRef: 'can-tho@2022.1.0', period: '2022' });
if (!csv.ok) fail(`CSV rejected: ${JSON.stringify(csv.issues.slice(0, 3))}`);
const csvReport = withExplanations(scoreBatch(criteria, csv.value, { inputHashes: true })); // as dti score --format json writes it

// The shipped criteria file and the embedded set are the same set.
const fromFile = safeLoadCriteria(join(pkgDir, 'criteria', 'can-tho', '2022.1.0.json'));
if (!fromFile.ok) fail(`shipped criteria file rejected: ${JSON.stringify(fromFile.issues.slice(0, 3))}`);
if (criteriaHash(fromFile.value) !== report.criteria.sha256) fail('shipped criteria/can-tho/2022.1.0.json hash differs from the embedded set');

mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'esm-json.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(here, 'out', 'esm-csv.json'), `${JSON.stringify(csvReport, null, 2)}\n`);
