/**
 * Every subpath entry point resolves under TypeScript's older `node10` module
 * resolution too (tslab, the notebook kernel, compiles with it; so do projects
 * on `"moduleResolution": "node"`): node10 does not read `exports`, so each code
 * subpath needs a `typesVersions` entry, and it must name the same types as
 * `exports` gives `require` (the `.d.cts`: node10 loads the CommonJS build).
 * `npx attw --pack .` (its default profile) checks the packed package; this is
 * the quick guard that needs no build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Conditions {
  readonly import?: { readonly types?: string; readonly default?: string };
  readonly require?: { readonly types?: string; readonly default?: string };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  readonly types?: string;
  readonly exports: Readonly<Record<string, string | Conditions>>;
  readonly typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
};

/** Entry points announced in `typesVersions` before their `exports` entry lands (issue #15: `dti-criteria/analysis`). */
const ANNOUNCED = new Set(['analysis']);

const codeSubpaths = Object.entries(pkg.exports)
  .filter((entry): entry is [string, Conditions] => entry[0] !== '.' && typeof entry[1] === 'object')
  .map(([subpath, conditions]) => ({ name: subpath.replace(/^\.\//, ''), requireTypes: conditions.require?.types }));

describe('typesVersions: the subpath entry points under node10 resolution', () => {
  const map = pkg.typesVersions?.['*'] ?? {};

  it('the root entry point gives the CommonJS types to node10 (`types`, as exports gives require)', () => {
    const root = pkg.exports['.'] as Conditions;
    expect(pkg.types).toBe(root.require?.types);
  });

  it.each(codeSubpaths)('dti-criteria/$name maps to the types exports gives require', ({ name, requireTypes }) => {
    expect(requireTypes, `exports["./${name}"].require.types`).toMatch(/\.d\.cts$/);
    expect(map[name], `typesVersions["*"]["${name}"]`).toEqual([requireTypes]);
  });

  it('maps nothing else (but the announced entry points), and no catch-all pattern', () => {
    const exported = new Set(codeSubpaths.map((s) => s.name));
    const extra = Object.keys(map).filter((name) => !exported.has(name) && !ANNOUNCED.has(name));
    expect(extra).toEqual([]);
    for (const name of ANNOUNCED) if (!exported.has(name)) expect(map[name]).toEqual([`./dist/${name}.d.cts`]);
    expect(Object.keys(pkg.typesVersions ?? {})).toEqual(['*']);
  });
});
