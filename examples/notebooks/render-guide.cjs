/**
 * The analyst's notebook as a page of the guides, with its outputs as they were computed:
 * docs/guides/analysis-notebook.md, and its SVG charts in docs/guides/img/notebook-*.svg.
 *
 *   node render-guide.cjs <executed.ipynb> <guides dir> --check   the committed page and charts are those of this run
 *   node render-guide.cjs <executed.ipynb> <guides dir> --write   write them
 *
 * run.sh calls it with --check after executing the notebook (CI), so the page cannot drift from
 * what the notebook prints; `DTI_NOTEBOOK_GUIDE=write bash examples/notebooks/run.sh` rewrites it.
 * Every output is deterministic: the data are the examples, the Monte Carlo run is seeded.
 *
 * The page: the notebook's markdown cells (Vietnamese, then English, each heading one level down
 * under the page's own title), each code cell as TypeScript, then its outputs: printed text as a
 * text block, HTML tables as they are (Markdown keeps HTML), SVG charts as image files.
 */
'use strict';
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [file, dir, mode] = process.argv.slice(2);
if (file === undefined || dir === undefined || (mode !== '--check' && mode !== '--write')) {
  console.error('usage: node render-guide.cjs <executed.ipynb> <guides dir> --check|--write');
  process.exit(2);
}
const PAGE = 'analysis-notebook.md';
const text = (value) => (Array.isArray(value) ? value.join('') : String(value ?? ''));
const notebook = JSON.parse(readFileSync(file, 'utf8'));

/** A fence longer than any run of backticks in the text. */
const fence = (body) => '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
const block = (lang, body) => {
  const f = fence(body);
  return `${f}${lang}\n${body.replace(/\s+$/, '')}\n${f}`;
};

const files = new Map();
const parts = [
  '---',
  "title: Sổ tay phân tích, đã chạy / The analyst's notebook, executed",
  '---',
  '',
  "# Sổ tay phân tích, đã chạy / The analyst's notebook, executed",
  '',
  '*Trang này sinh từ `examples/notebooks/analyst.ipynb` sau khi CI chạy sổ tay (nhân TypeScript `tslab`, ' +
    '`python3 -m nbconvert --execute`): mã và **kết quả đúng như sổ tay in ra**; CI báo lỗi nếu trang khác ' +
    'với lần chạy. Không sửa tay: `DTI_NOTEBOOK_GUIDE=write bash examples/notebooks/run.sh`.*',
  '',
  '*Generated from `examples/notebooks/analyst.ipynb` after CI executes it (TypeScript `tslab` kernel, ' +
    '`python3 -m nbconvert --execute`): the code and **its outputs as the notebook printed them**; CI fails when ' +
    'this page differs from the run. Do not edit by hand: `DTI_NOTEBOOK_GUIDE=write bash examples/notebooks/run.sh`.*',
  '',
  'Xem thêm / see also: [analysis.md](analysis.md), [analysis-targets.md](analysis-targets.md), [analysis-uncertainty.md](analysis-uncertainty.md).',
];

for (const cell of notebook.cells) {
  const source = text(cell.source).trim();
  if (cell.cell_type === 'markdown') {
    parts.push('', source.replace(/^(#{1,5}) /gm, '#$1 '));
    continue;
  }
  if (cell.cell_type !== 'code') continue;
  const id = cell.id ?? `cell-${notebook.cells.indexOf(cell)}`;
  parts.push('', block('ts', source));
  let figure = 0;
  for (const output of cell.outputs ?? []) {
    if (output.output_type === 'stream') {
      if (output.name !== 'stdout') throw new Error(`cell "${id}" wrote to ${output.name}: the notebook failed`);
      parts.push('', block('text', text(output.text)));
      continue;
    }
    if (output.output_type === 'error') throw new Error(`cell "${id}" failed: ${output.ename}: ${output.evalue}`);
    const data = output.data ?? {};
    const html = data['text/html'] !== undefined ? text(data['text/html']).trim() : undefined;
    if (html !== undefined && html.startsWith('<svg')) {
      figure++;
      const name = `img/notebook-${id}${figure > 1 ? `-${figure}` : ''}.svg`;
      const title = /<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? `chart ${figure} of cell ${id}`;
      files.set(name, `${html}\n`);
      parts.push('', `![${title.replace(/[[\]]/g, '')}](${name})`);
    } else if (html !== undefined) {
      parts.push('', '<div class="notebook-output">', '', html, '', '</div>');
    } else if (data['text/plain'] !== undefined) {
      parts.push('', block('text', text(data['text/plain'])));
    }
  }
}
files.set(PAGE, `${parts.join('\n')}\n`);

let stale = 0;
for (const [name, content] of files) {
  const path = join(dir, name);
  if (mode === '--write') {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    console.log(`   wrote ${path}`);
  } else if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
    console.error(`${path} is not what the notebook printed in this run`);
    stale++;
  }
}
if (stale > 0) {
  console.error(`${stale} file(s) of the notebook's guide page differ: run DTI_NOTEBOOK_GUIDE=write bash examples/notebooks/run.sh and commit them`);
  process.exit(1);
}
if (mode === '--check') console.log(`   ${PAGE} and its ${files.size - 1} chart(s) are those of this run`);
