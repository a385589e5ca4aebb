/**
 * What each entry point pulls in, as a bundler sees it: the core entry
 * (`dti-criteria`, src/index.ts) depends on zod and decimal.js only — no Node
 * built-in, no exceljs, no csv-parse, none of the command line, CSV or Node
 * code — so it runs in a browser. The entry points are bundled in memory with
 * esbuild (no network, no dist/ needed), every bare import left external and
 * recorded with the file that makes it. When dist/ is built, the built core
 * entry is checked the same way (the guard of scripts/bundle-size.ts).
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const builtins = new Set(builtinModules);

/** `zod/v4/core` → `zod`, `@scope/x/y` → `@scope/x`, `node:fs` → `node:fs`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtins.has(packageName(specifier));

interface Graph {
  /** package name (or built-in) → the files importing it, relative to the repository. */
  readonly packages: ReadonlyMap<string, readonly string[]>;
  /** every file bundled, relative to the repository. */
  readonly inputs: readonly string[];
}

async function graph(entry: string): Promise<Graph> {
  const packages = new Map<string, Set<string>>();
  const recordBareImports: Plugin = {
    name: 'record-bare-imports',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (isAbsolute(args.path)) return undefined;
        const name = packageName(args.path);
        const importers = packages.get(name) ?? new Set<string>();
        importers.add(relative(root, args.importer));
        packages.set(name, importers);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [recordBareImports],
  });
  return {
    packages: new Map([...packages].map(([name, importers]) => [name, [...importers].sort()])),
    inputs: Object.keys(result.metafile.inputs).sort(),
  };
}

/** "x (imported by a.ts, b.ts)" lines, for readable failures. */
const explain = (g: Graph, names: readonly string[]): string[] => names.map((n) => `${n} (imported by ${g.packages.get(n)?.join(', ')})`);

describe('package dependencies of the entry points', () => {
  it('the core entry point (src/index.ts) imports zod and decimal.js only', async () => {
    const core = await graph('src/index.ts');
    const names = [...core.packages.keys()].sort();
    expect(explain(core, names.filter(isBuiltin)), 'Node built-ins in the core entry point').toEqual([]);
    expect(explain(core, names.filter((n) => n === 'exceljs' || n === 'csv-parse')), 'exceljs / csv-parse in the core entry point').toEqual([]);
    expect(explain(core, names), 'packages the core entry point imports').toEqual(explain(core, ['decimal.js', 'zod']));
    for (const name of names) expect(pkg.dependencies?.[name], `${name} must be a runtime dependency`).toBeDefined();
  });

  it('the core entry point bundles none of the command line, CSV, Node, report or chart code', async () => {
    const core = await graph('src/index.ts');
    const outside = core.inputs.filter((file) => !file.startsWith('src/'));
    expect(outside, 'core inputs outside src/ (the embedded criteria files belong to dti-criteria/sets)').toEqual([]);
    expect(core.inputs.filter((file) => file.startsWith('src/sets/')), 'the embedded sets in the core entry point').toEqual([]);
    const forbidden = core.inputs.filter((file) => /^src\/(cli|csv|node)\/|^src\/[^/]*(report|chart|workbook|xlsx|excel)/i.test(file));
    expect(forbidden, 'command line, CSV, Node or report code in the core entry point').toEqual([]);
  });

  it('dti-criteria/csv adds csv-parse only; dti-criteria/node adds Node built-ins only', async () => {
    const csv = await graph('src/csv/index.ts');
    expect([...csv.packages.keys()].sort()).toEqual(['csv-parse', 'decimal.js', 'zod']);
    const node = await graph('src/node/index.ts');
    const notBuiltin = [...node.packages.keys()].filter((n) => !isBuiltin(n)).sort();
    expect(explain(node, notBuiltin)).toEqual(explain(node, ['decimal.js', 'zod']));
  });

  it('dti-criteria/analysis is browser-safe: zod and decimal.js only, none of the command line, CSV reader, Node or workbook code', async () => {
    const analysis = await graph('src/analysis/index.ts');
    expect(explain(analysis, [...analysis.packages.keys()].sort())).toEqual(explain(analysis, ['decimal.js', 'zod']));
    expect(analysis.inputs.filter((file) => /^src\/(cli|csv|node|xlsx|report|sets)\//.test(file))).toEqual([]);
  });

  it('a bundle of safeScoreBatch and one embedded set carries that set only (tree-shaken)', async () => {
    const sets = readdirSync(join(root, 'criteria')).filter((id) => statSync(join(root, 'criteria', id)).isDirectory())
      .flatMap((id) => readdirSync(join(root, 'criteria', id)).map((file) => `criteria/${id}/${file}`));
    expect(sets.length).toBeGreaterThan(2);
    const result = await build({
      stdin: { contents: "import { safeScoreBatch } from './src/index.ts';\nimport { canTho2025 } from './src/sets/index.ts';\nexport const score = (units) => safeScoreBatch(canTho2025, { units });\n", resolveDir: root, loader: 'ts' },
      absWorkingDir: root,
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
      external: ['zod', 'decimal.js'],
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const kept = Object.entries(output.inputs).filter(([, use]) => use.bytesInOutput > 0).map(([file]) => file);
    expect(kept.filter((file) => file.startsWith('criteria/'))).toEqual(['criteria/can-tho/2025.1.0.json']);
    const code = result.outputFiles[0]!.text;
    expect(code.includes('version:"2025.1.0"'), 'can-tho@2025.1.0 in the bundle').toBe(true);
    for (const other of ['version:"2022.1.0"', 'version:"2023.1.0"', 'id:"vn-dti-province"']) expect(code.includes(other), `${other} in the bundle`).toBe(false);
  });

  const built = existsSync(join(root, 'dist', 'index.js'));
  it.skipIf(!built)('the built core entry point (dist/index.js) imports zod and decimal.js only', async () => {
    const core = await graph('dist/index.js');
    expect(explain(core, [...core.packages.keys()].sort())).toEqual(explain(core, ['decimal.js', 'zod']));
  });
  if (!built) it.skip('dist/index.js is not built (`npm run build`): the built core entry point is not checked here', () => {});
});
