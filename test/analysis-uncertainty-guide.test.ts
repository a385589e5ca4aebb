// docs/guides/analysis-uncertainty.md (a section of the analysis guide): its TypeScript blocks run as
// one program after the guide's own definitions (criteria, submissions), and each
// `console.log(x); // expected` line prints what it says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { checkedLines, PRINTED_DIR, runPrinted, typescriptBlocks } from './support/printed-code.js';

it('the uncertainty section of the analysis guide runs as printed', async () => {
  const root = resolve(__dirname, '..');
  const blocks = typescriptBlocks(readFileSync(join(root, 'docs/guides/analysis-uncertainty.md'), 'utf8'));
  expect(blocks.length).toBe(1);
  // What analysis.md defines before this section (its section 2).
  const preamble = "import { readFileSync } from 'node:fs';\nimport { getCriteria } from 'dti-criteria/sets';\nconst criteria = getCriteria('can-tho@2022.1.0');\nconst submissions = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));\n";
  const code = preamble + blocks.join('\n');
  expect(checkedLines(code).length).toBeGreaterThanOrEqual(7);
  // The chart the guide's code draws is the one the guide shows (docs/guides/img/analysis-rank-bands.svg):
  // seeded, so the same on every run; UPDATE_FIGURES=1 writes it again after a deliberate change.
  const drawn = join(PRINTED_DIR, 'analysis-rank-bands.svg');
  const save = `\nimport { writeFileSync as __writeFigure } from 'node:fs';\n__writeFigure(${JSON.stringify(drawn)}, svg);\n`;
  await runPrinted('analysis-uncertainty-guide', code + save);
  const figure = join(root, 'docs/guides/img/analysis-rank-bands.svg');
  if (process.env.UPDATE_FIGURES === '1') writeFileSync(figure, readFileSync(drawn));
  expect(existsSync(figure), 'docs/guides/img/analysis-rank-bands.svg is missing: run the test with UPDATE_FIGURES=1').toBe(true);
  expect(readFileSync(drawn, 'utf8')).toBe(readFileSync(figure, 'utf8'));
  expect(readFileSync(join(root, 'docs/guides/analysis-uncertainty.md'), 'utf8').match(/\(img\/analysis-rank-bands\.svg\)/g)).toHaveLength(2);
}, 120_000);
