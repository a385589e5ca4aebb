import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/**
 * The embedded criteria sets as `JSON.parse('…')` rather than object literals:
 * V8 reads a JSON string faster than it parses and runs the same data as code,
 * which shortens every start of the command and of the `sets` entry.
 */
const criteriaAsJsonText: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'criteria-as-json-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]criteria[\\/][^\\/]+[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
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
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    // zod and decimal.js inside the command's one file: no module resolution at
    // start, and only the parts of zod the schemas use (not its 40 locales).
    noExternal: ['zod', 'decimal.js'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [criteriaAsJsonText],
  },
]);
