// docs/guides/analysis.md: its TypeScript blocks run, one after the other as one program, on the
// embedded 2022 examples, and each `console.log(x); // expected` line prints what it says.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

it('the analysis guide runs as printed', async () => {
  const root = resolve(__dirname, '..');
  const guide = readFileSync(join(root, 'docs/guides/analysis.md'), 'utf8');
  const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBe(6);
  const code = blocks.join('\n');
  const checks = code.match(/console\.log\(.*\);\s*\/\/ .+$/gm) ?? [];
  expect(checks.length).toBeGreaterThanOrEqual(18);
  const program = `import { __check } from '${join(__dirname, 'support/check-log.ts').replace(/\\/g, '/')}';\n${code
    .replace(/from 'dti-criteria\/([a-z]+)'/g, (_all, entry: string) => `from '${join(root, 'src', entry, 'index.ts').replace(/\\/g, '/')}'`)
    .replace(/from 'dti-criteria'/g, `from '${join(root, 'src/index.ts').replace(/\\/g, '/')}'`)
    .replace(/console\.log\((.*)\);\s*\/\/\s*(.+)$/gm, (_all, expr: string, expected: string) => `__check(${expr}, ${JSON.stringify(expected.trim())});`)}`;
  const dir = join(__dirname, '.examples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'analysis-guide.ts');
  writeFileSync(file, program);
  await import(file);
});
