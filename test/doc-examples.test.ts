// Every `@example` in the sources is run, and each `console.log(x); // expected` line is checked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPrinted } from './support/printed-code.js';

const root = resolve(__dirname, '..');

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

describe('TSDoc @example blocks run and print what they say', () => {
  it('there are examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });
  it.each(examples.map((e) => [`${relative(root, e.file)} #${e.index + 1}`, e] as const))('%s', async (_name, example) => {
    await runPrinted(`${relative(join(root, 'src'), example.file).replace(/[/\\.]/g, '_')}_${example.index}`, example.code);
  });
});
