// Every `@example` in the sources is run, and each `console.log(x); // expected` line is checked.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const outDir = join(__dirname, '.examples');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'cli' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

interface Example { readonly file: string; readonly index: number; readonly code: string }

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  const pattern = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const code = match[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n');
    out.push({ file, index: out.length, code });
  }
  return out;
}

const examples = sources(join(root, 'src')).flatMap(examplesOf);

function instrument(code: string): string {
  const index = join(root, 'src/index.ts').replace(/\\/g, '/');
  return (
    `import { __check } from '${join(__dirname, 'support/check-log.ts').replace(/\\/g, '/')}';\n` +
    code
      .replace(/from 'dti-criteria\/([a-z]+)'/g, (_all, entry: string) => `from '${join(root, 'src', entry, 'index.ts').replace(/\\/g, '/')}'`)
      .replace(/from 'dti-criteria'/g, `from '${index}'`)
      .replace(/console\.log\((.*)\);\s*\/\/\s*(.+)$/gm, (_all, expr: string, expected: string) => `__check(${expr}, ${JSON.stringify(expected.trim())});`)
  );
}

mkdirSync(outDir, { recursive: true });
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('TSDoc @example blocks run and print what they say', () => {
  it('there are examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });
  it.each(examples.map((e) => [`${relative(root, e.file)} #${e.index + 1}`, e] as const))('%s', async (_name, example) => {
    const file = join(outDir, `${relative(join(root, 'src'), example.file).replace(/[/\\.]/g, '_')}_${example.index}.ts`);
    writeFileSync(file, instrument(example.code));
    await import(file);
  });
});
