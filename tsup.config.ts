import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { transform } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * The embedded criteria sets as `JSON.parse('…')` rather than object literals:
 * V8 reads a JSON string faster than it parses and runs the same data as code,
 * which shortens every start of the command and of the `sets` entry.
 */
const criteriaAsJsonText: Plugin = {
  name: 'criteria-as-json-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]criteria[\\/][^\\/]+[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** A module the command loads on first use only (see {@link deferredModules}). */
interface Deferred {
  /** How the sources import it: a package name, or a file of src/ (relative to the repository). */
  readonly module: string;
  /** The command's own file it is built into (`cli-zod` → dist/cli-zod.cjs); none: a package left to Node. */
  readonly entry?: string;
}

/**
 * Modules the command loads on first use only, as `import defer` would
 * (TC39, stage 3, which esbuild parses but bundles as a plain import). Every
 * import of one of them resolves to a stand-in of the same names, each a
 * function that loads the module with `require` the first time one is called
 * and then calls the module's own. Loading stays synchronous, so the code that
 * uses them runs unchanged (and the sources, the tests and the library import
 * them as usual). A deferred file of src/ is an entry of the split build: its
 * own file, sharing the other files' modules (one instance of each).
 *
 * Only functions can stand in: a package's other exports are left out (using
 * one is a build warning, "no matching export", never a different value), and
 * a file of src/ whose exports are not all function declarations is a build
 * error.
 */
function deferredModules(list: readonly Deferred[]): Plugin {
  const root = process.cwd();
  const isFile = (module: string): boolean => module.startsWith('src/');
  const byPackage = new Map(list.filter((d) => !isFile(d.module)).map((d) => [d.module, d]));
  const byFile = new Map(list.filter((d) => isFile(d.module)).map((d) => [resolve(root, d.module), d]));
  const functionsOf = async (deferred: Deferred): Promise<string[]> => {
    if (!isFile(deferred.module)) {
      // A package's functions (zod: not its locales nor its namespaces; its messages stay its default, English).
      const exports = (await import(deferred.module)) as Record<string, unknown>;
      return Object.keys(exports).filter((key) => key !== 'default' && typeof exports[key] === 'function').sort();
    }
    const source = await readFile(resolve(root, deferred.module), 'utf8');
    const names: string[] = [];
    for (const [line] of source.matchAll(/^export .*$/gm)) {
      if (/^export (interface|type) /.test(line)) continue;
      const fn = /^export (?:async )?function (\w+)/.exec(line);
      if (!fn) throw new Error(`${deferred.module}: a deferred module exports functions only (${line.slice(0, 60)})`);
      names.push(fn[1]!);
    }
    return names;
  };
  return {
    name: 'deferred-modules',
    setup(build) {
      const entries = Object.fromEntries(list.filter((d) => d.entry !== undefined).map((d) => [d.entry!, isFile(d.module) ? d.module : `deferred-entry:${d.module}`]));
      build.initialOptions.entryPoints = { ...(build.initialOptions.entryPoints as Record<string, string>), ...entries };
      const packages = [...byPackage.keys()].map((name) => name.replace(/[/.]/g, '\\$&')).join('|');
      build.onResolve({ filter: new RegExp(`^(${packages})$`) }, (args) => {
        if (args.kind === 'entry-point' || args.namespace === 'deferred-entry') return undefined; // the package itself
        // The stand-in's own `require` of a package left to Node (csv-parse), or the stand-in.
        return args.namespace === 'deferred' ? { path: args.path, external: true } : { path: args.path, namespace: 'deferred' };
      });
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const deferred = byFile.get(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
        return deferred ? { path: deferred.module, namespace: 'deferred' } : undefined;
      });
      build.onResolve({ filter: /^deferred-entry:/ }, (args) => ({ path: args.path.slice('deferred-entry:'.length), namespace: 'deferred-entry' }));
      build.onResolve({ filter: /^\.\/cli-[\w-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'deferred-entry' }, async (args) => ({
        contents: `export { ${(await functionsOf(byPackage.get(args.path)!)).join(', ')} } from ${JSON.stringify(args.path)};\n`,
        resolveDir: root,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
        const deferred = byPackage.get(args.path) ?? [...byFile.values()].find((d) => d.module === args.path)!;
        const file = deferred.entry !== undefined ? `./${deferred.entry}.cjs` : deferred.module;
        // Local names of their own: an export may be a word (`catch`) that cannot name a function.
        const keys = await functionsOf(deferred);
        const stand = keys.map((key, i) => `function f${i}(...args) { return load()[${JSON.stringify(key)}](...args); }`);
        const names = keys.map((key, i) => `f${i} as ${key}`).join(', ');
        return {
          contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(file)}));\n${stand.join('\n')}\nexport { ${names} };\n`,
          resolveDir: root,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * The command's files as CommonJS, each turned from the ESM that esbuild splits
 * (esbuild splits ESM only) by esbuild itself: `import`s become `require`s
 * (`import()` too, so that loading stays CommonJS), and nothing else changes
 * (tsup's own `splitting` for CommonJS rewrites `?.` and `??` into helper
 * calls with closures, which slowed every hot loop of the command).
 */
const commonJsFiles: NonNullable<Options['plugins']>[number] = {
  name: 'commonjs-files',
  async renderChunk(code, info) {
    if (!info.path.endsWith('.cjs')) return undefined;
    // ESM is strict mode: so is the CommonJS made of it.
    const result = await transform(code, { format: 'cjs', platform: 'node', target: 'node20', banner: '"use strict";', sourcemap: 'external', sourcefile: info.path, supported: { 'dynamic-import': false }, logLevel: 'error' });
    return { code: result.code, map: result.map };
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      csv: 'src/csv/index.ts',
      node: 'src/node/index.ts',
      sets: 'src/sets/index.ts',
      charts: 'src/charts/index.ts',
      report: 'src/report/index.ts',
      xlsx: 'src/xlsx/index.ts',
      analysis: 'src/analysis/index.ts',
      // Started by dti-criteria/node's safeUncertaintyInWorkers from beside itself, never imported.
      'uncertainty-worker': 'src/node/uncertainty-worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    // import.meta.url in the CommonJS build (the node entry finds its worker file beside itself).
    shims: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    esbuildPlugins: [criteriaAsJsonText],
  },
  {
    // The command: split into files (esbuild's ESM chunks, each turned into CommonJS), so
    // that a command loads only the files it uses: `dti score` of JSON loads neither zod,
    // csv-parse, the workbook, report and analysis code, nor the other commands' code.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    outExtension: () => ({ js: '.cjs' }),
    plugins: [commonJsFiles],
    splitting: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // zod and decimal.js inside the command's files: no module resolution at
    // start, and only zod's functions (not its 40 locales). csv-parse stays a
    // package of its own, required by its stand-in (listed here only so that the
    // stand-in, not tsup, resolves it).
    noExternal: ['zod', 'decimal.js', 'csv-parse/sync'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [
      criteriaAsJsonText,
      deferredModules([
        // Called only when a schema is built: valid input builds none (see `once`, src/format/once.ts).
        { module: 'zod', entry: 'cli-zod' },
        // Called only when a CSV file is read.
        { module: 'csv-parse/sync' },
        // The other commands that run synchronously (the asynchronous ones are loaded with import()).
        { module: 'src/cli/versioning-commands.ts', entry: 'cli-versioning' },
        { module: 'src/cli/criteria-command.ts', entry: 'cli-criteria' },
        { module: 'src/cli/validate-command.ts', entry: 'cli-validate' },
      ]),
    ],
    esbuildOptions(options) {
      options.chunkNames = 'cli-[name]-[hash]';
    },
  },
]);
