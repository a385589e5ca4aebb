// Node CommonJS consumer: `require` of every code entry point of the installed tarball.
// Writes out/cjs-json.json and out/cjs-csv.json.
'use strict';
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { criteriaHash, scoreBatch, withExplanations } = require('dti-criteria');
const { getCriteria } = require('dti-criteria/sets');
const { safeParseSubmissionsCsv } = require('dti-criteria/csv');
const { safeLoadCriteria } = require('dti-criteria/node');

const fail = (message) => { console.error(`cjs: ${message}`); process.exit(1); };

const entry = require.resolve('dti-criteria');
if (!/[\\/]node_modules[\\/]dti-criteria[\\/]dist[\\/]index\.cjs$/.test(entry)) fail(`'dti-criteria' resolved to ${entry}, expected node_modules/dti-criteria/dist/index.cjs`);
const pkgDir = dirname(require.resolve('dti-criteria/package.json'));

const criteria = getCriteria('can-tho@2022.1.0');
const submission = JSON.parse(readFileSync(join(__dirname, 'submissions.json'), 'utf8'));
const report = withExplanations(scoreBatch(criteria, submission, { inputHashes: true })); // as dti score --format json writes it

const csv = safeParseSubmissionsCsv(readFileSync(join(__dirname, 'submissions.csv'), 'utf8'), criteria, { locale: 'en', criteriaRef: 'can-tho@2022.1.0', period: '2022' });
if (!csv.ok) fail(`CSV rejected: ${JSON.stringify(csv.issues.slice(0, 3))}`);
const csvReport = withExplanations(scoreBatch(criteria, csv.value, { inputHashes: true })); // as dti score --format json writes it

const fromFile = safeLoadCriteria(join(pkgDir, 'criteria', 'can-tho', '2022.1.0.json'));
if (!fromFile.ok) fail(`shipped criteria file rejected: ${JSON.stringify(fromFile.issues.slice(0, 3))}`);
if (criteriaHash(fromFile.value) !== report.criteria.sha256) fail('shipped criteria/can-tho/2022.1.0.json hash differs from the embedded set');

mkdirSync(join(__dirname, 'out'), { recursive: true });
writeFileSync(join(__dirname, 'out', 'cjs-json.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(__dirname, 'out', 'cjs-csv.json'), `${JSON.stringify(csvReport, null, 2)}\n`);
