// docs/guides/analysis-uncertainty.md (a section of the analysis guide): its TypeScript blocks run as
// one program after the guide's own definitions (criteria, submissions), and each
// `console.log(x); // expected` line prints what it says.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { checkedLines, runPrinted, typescriptBlocks } from './support/printed-code.js';

it('the uncertainty section of the analysis guide runs as printed', async () => {
  const root = resolve(__dirname, '..');
  const blocks = typescriptBlocks(readFileSync(join(root, 'docs/guides/analysis-uncertainty.md'), 'utf8'));
  expect(blocks.length).toBe(1);
  // What analysis.md defines before this section (its section 2).
  const preamble = "import { readFileSync } from 'node:fs';\nimport { getCriteria } from 'dti-criteria/sets';\nconst criteria = getCriteria('can-tho@2022.1.0');\nconst submissions = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));\n";
  const code = preamble + blocks.join('\n');
  expect(checkedLines(code).length).toBeGreaterThanOrEqual(7);
  await runPrinted('analysis-uncertainty-guide', code);
}, 120_000);
