// docs/guides/analysis.md: its TypeScript blocks run, one after the other as one program, on the
// embedded 2022 examples, and each `console.log(x); // expected` line prints what it says.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { checkedLines, runPrinted, typescriptBlocks } from './support/printed-code.js';

it('the analysis guide runs as printed', async () => {
  const root = resolve(__dirname, '..');
  const blocks = typescriptBlocks(readFileSync(join(root, 'docs/guides/analysis.md'), 'utf8'));
  expect(blocks.length).toBe(6);
  const code = blocks.join('\n');
  expect(checkedLines(code).length).toBeGreaterThanOrEqual(18);
  await runPrinted('analysis-guide', code);
});
