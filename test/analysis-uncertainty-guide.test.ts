// docs/guides/analysis-uncertainty.md (a section of the analysis guide): its TypeScript blocks run as
// one program after the guide's own definitions (criteria, submissions), and each
// `console.log(x); // expected` line prints what it says.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

it('the uncertainty section of the analysis guide runs as printed', async () => {
  const root = resolve(__dirname, '..');
  const guide = readFileSync(join(root, 'docs/guides/analysis-uncertainty.md'), 'utf8');
  const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBe(1);
  // What analysis.md defines before this section (its section 2).
  const preamble = "import { readFileSync } from 'node:fs';\nimport { getCriteria } from 'dti-criteria/sets';\nconst criteria = getCriteria('can-tho@2022.1.0');\nconst submissions = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));\n";
  const code = preamble + blocks.join('\n');
  expect((code.match(/console\.log\(.*\);\s*\/\/ .+$/gm) ?? []).length).toBeGreaterThanOrEqual(7);
  const program = `import { __check } from '${join(__dirname, 'support/check-log.ts').replace(/\\/g, '/')}';\n${code
    .replace(/from 'dti-criteria\/([a-z]+)'/g, (_all, entry: string) => `from '${join(root, 'src', entry, 'index.ts').replace(/\\/g, '/')}'`)
    .replace(/from 'dti-criteria'/g, `from '${join(root, 'src/index.ts').replace(/\\/g, '/')}'`)
    .replace(/console\.log\((.*)\);\s*\/\/\s*(.+)$/gm, (_all, expr: string, expected: string) => `__check(${expr}, ${JSON.stringify(expected.trim())});`)}`;
  const dir = join(__dirname, '.examples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'analysis-uncertainty-guide.ts');
  writeFileSync(file, program);
  await import(file);
}, 120_000);
