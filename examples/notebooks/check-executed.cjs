/**
 * Checks a notebook executed by run.sh (nbconvert --execute):
 *
 *   node check-executed.cjs <executed.ipynb>             every code cell ran without error, the expected outputs are there
 *   node check-executed.cjs --diagnose <executed.ipynb>  print the failing cells' error output (after a failed run)
 *
 * tslab reports a failing cell (a type error, an exception) with an error reply,
 * which makes nbconvert fail, and writes the message as a stderr stream rather
 * than as an `error` output. So both count as errors here: a cell must not
 * write to stderr.
 *
 * The expected outputs are listed per cell id below: a cell that is renamed,
 * removed or stops showing its table or chart fails the check. Add a line here
 * when the notebook gains a cell whose output matters.
 */
'use strict';
const { readFileSync } = require('node:fs');

/** @type {Record<string, { what: string, mime: string, includes?: string[], matches?: RegExp[] }[]>} */
const EXPECTED = {
  load: [{ what: 'the stamp and the unit count', mime: 'stdout', includes: ['can-tho@2022.1.0', '47 đơn vị / units'] }],
  table: [
    {
      what: 'the districts ranking as an HTML table',
      mime: 'text/html',
      includes: ['<table', 'Quận Ninh Kiều', 'Quận Cái Răng', 'Chỉ số / Index'],
      // an index as the report writes it (four places) in a cell of its own
      matches: [/<td[^>]*>0\.\d{4}<\/td>/],
    },
  ],
  chart: [
    {
      what: 'the ranking bar chart as inline SVG (in an HTML output)',
      mime: 'text/html',
      includes: ['role="img"', 'Quận Cái Răng', '<rect'],
      matches: [/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>\s*$/],
    },
  ],
  explain: [{ what: 'one leaf explained in both languages', mime: 'stdout', includes: ['CQS.1.3', 'điểm', 'points', 'vi: ', 'en: '] }],
  describe: [{ what: "Cronbach's alpha per pillar and the flags", mime: 'text/html', includes: ["Cronbach's alpha", 'CQS', 'KTS', 'XHS', 'negative-pillar-correlation'] }],
  'table-csv': [{ what: 'the wide table and its CSV', mime: 'stdout', includes: ['47 dòng / rows', 'unit,name,level'] }],
  variant: [{ what: 'the units a variant moves', mime: 'text/html', includes: ['Biến thể phân tích', 'derivedFrom can-tho@2022.1.0', 'Sở Xây dựng'] }],
  merge: [{ what: 'a merge by the three methods', mime: 'stdout', includes: ['mean-of-indices: 0.', 'mean-of-main-indices: 0.', 'pooled-points: 0.'] }],
  uncertainty: [
    { what: 'rank bands of the first communes', mime: 'stdout', includes: ['trung vị / median', '5–95 %'] },
    { what: 'the rank-band chart', mime: 'text/html', includes: ['<svg', 'role="img"', 'Phường Xuân Khánh'] },
  ],
};

const args = process.argv.slice(2);
const diagnose = args[0] === '--diagnose';
const file = diagnose ? args[1] : args[0];
if (file === undefined) {
  console.error('usage: node check-executed.cjs [--diagnose] <executed.ipynb>');
  process.exit(2);
}
const text = (value) => (Array.isArray(value) ? value.join('') : String(value ?? ''));
const notebook = JSON.parse(readFileSync(file, 'utf8'));
const codeCells = notebook.cells.filter((cell) => cell.cell_type === 'code');
const cellName = (cell) => `cell "${cell.id ?? '?'}" (code cell ${codeCells.indexOf(cell) + 1} of ${codeCells.length})`;

/** The error outputs of a cell: `error` outputs and stderr streams, as text. */
function errorsOf(cell) {
  const found = [];
  for (const output of cell.outputs ?? []) {
    if (output.output_type === 'error') found.push(`${output.ename}: ${output.evalue}\n${text(output.traceback)}`);
    if (output.output_type === 'stream' && output.name === 'stderr') found.push(text(output.text));
  }
  return found;
}

const problems = [];
for (const cell of codeCells) {
  for (const error of errorsOf(cell)) problems.push(`${cellName(cell)} failed:\n${error.replace(/^/gm, '    ').trimEnd()}`);
}

if (diagnose) {
  for (const problem of problems) console.error(problem);
  if (problems.length === 0) console.error('no cell wrote an error (the kernel may have died or timed out: see the nbconvert log above)');
  process.exit(1);
}

/** The outputs of a cell of one kind: `stdout` for printed text, else a MIME type of a display. */
function outputsOf(cell, mime) {
  const found = [];
  for (const output of cell.outputs ?? []) {
    if (mime === 'stdout' && output.output_type === 'stream' && output.name === 'stdout') found.push(text(output.text));
    if ((output.output_type === 'display_data' || output.output_type === 'execute_result') && output.data?.[mime] !== undefined) found.push(text(output.data[mime]));
  }
  return found.join('\n');
}

const byId = new Map(codeCells.map((cell) => [cell.id, cell]));
let checked = 0;
for (const [id, expectations] of Object.entries(EXPECTED)) {
  const cell = byId.get(id);
  if (cell === undefined) {
    problems.push(`no code cell "${id}" in the notebook (the check expects it: update EXPECTED in check-executed.cjs)`);
    continue;
  }
  for (const { what, mime, includes = [], matches = [] } of expectations) {
    checked++;
    const output = outputsOf(cell, mime);
    if (output === '') {
      problems.push(`${cellName(cell)}: no ${mime} output (expected ${what})`);
      continue;
    }
    for (const part of includes) if (!output.includes(part)) problems.push(`${cellName(cell)}: its ${mime} output lacks ${JSON.stringify(part)} (expected ${what})`);
    for (const pattern of matches) if (!pattern.test(output)) problems.push(`${cellName(cell)}: its ${mime} output does not match ${pattern} (expected ${what})`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`notebook check: ${problems.length} problem(s) in ${file}`);
  process.exit(1);
}
console.log(`   ${codeCells.length} code cells ran without error; ${checked} expected outputs found (${[...Object.keys(EXPECTED)].join(', ')})`);
