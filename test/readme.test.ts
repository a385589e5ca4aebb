// The README's TypeScript example runs as printed, and prints what its comments say.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it, vi } from 'vitest';

it("the README's TypeScript example runs and prints the explanation it shows", async () => {
  const root = resolve(__dirname, '..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const dir = join(__dirname, '.examples');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'readme-example.ts');
  writeFileSync(file, block!.replace(/from 'dti-criteria\/sets'/g, `from '${join(root, 'src/sets/index.ts').replace(/\\/g, '/')}'`).replace(/from 'dti-criteria'/g, `from '${join(root, 'src/index.ts').replace(/\\/g, '/')}'`));
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { printed.push(args.map(String).join(' ')); });
  try {
    await import(file);
  } finally {
    spy.mockRestore();
  }
  expect(printed).toContain('12/15 = 80% so với mục tiêu 100% → 0,8 × 20 = 16,00 điểm');
  expect(printed).toContain('20.00 → 10.00');
  // The issues the README prints are the ones the library gives.
  const shown = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^\/\/ (units\[0\]\.values.*\])$/gm)].map((m) => m[1]);
  expect(shown.length).toBe(2);
  for (const line of shown) expect(printed).toContain(line);
});
