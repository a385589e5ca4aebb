// Code printed in the docs (TSDoc @example blocks, the guides' TypeScript blocks) run as the sources:
// `dti-criteria` and its subpaths resolve to src/, and each `console.log(x); // expected` line checks
// that it prints what it says (test/support/check-log.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const posix = (path: string): string => path.replace(/\\/g, '/');

/** Where the programs are written (test/.examples, ignored by git). */
export const PRINTED_DIR = join(root, 'test', '.examples');

/** The `console.log(x); // expected` lines of some code. */
export function checkedLines(code: string): string[] {
  return code.match(/console\.log\(.*\);\s*\/\/ .+$/gm) ?? [];
}

/** `code` as a program of the sources: imports of the package point at src/, printed lines are checked. */
export function instrumentPrinted(code: string): string {
  return (
    `import { __check } from '${posix(join(root, 'test/support/check-log.ts'))}';\n` +
    code
      .replace(/from 'dti-criteria\/([a-z]+)'/g, (_all, entry: string) => `from '${posix(join(root, 'src', entry, 'index.ts'))}'`)
      .replace(/from 'dti-criteria'/g, `from '${posix(join(root, 'src/index.ts'))}'`)
      .replace(/console\.log\((.*)\);\s*\/\/\s*(.+)$/gm, (_all, expr: string, expected: string) => `__check(${expr}, ${JSON.stringify(expected.trim())});`)
  );
}

/** Writes the instrumented program as `name`.ts and runs it (a failed check throws). */
export async function runPrinted(name: string, code: string): Promise<void> {
  mkdirSync(PRINTED_DIR, { recursive: true });
  const file = join(PRINTED_DIR, `${name}.ts`);
  writeFileSync(file, instrumentPrinted(code));
  await import(file);
}

/** The TypeScript blocks of a Markdown text, in order. */
export function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}
