import { defineConfig } from 'tsup';

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
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
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
  },
]);
