/**
 * Size of the built entry points as a user's bundler sees them, and a guard on
 * what the core entry point pulls in.
 *
 *   npm run build && npx tsx scripts/bundle-size.ts [--json] [--check-readme]
 *
 * Each entry of dist/ (index, csv, node, analysis; ESM with its chunks) is bundled with
 * esbuild, format esm, platform neutral, with every bare import (packages and
 * Node built-ins) left external, once as is and once minified; the minified
 * bundle is gzipped (level 9). The core figure (dist/index.js, zod and
 * decimal.js excluded) is the one the README states.
 *
 * Also bundles what a portal ships (`safeScoreBatch` and one embedded set,
 * dependencies included, for the browser) and checks that no other embedded
 * set is in it.
 *
 * Exits 1 when the core entry point imports anything but `zod` and
 * `decimal.js` (a Node built-in, exceljs, csv-parse, ...), when the portal
 * bundle holds another embedded set, and with
 * --check-readme when the README's "N kB minified and gzipped" is more than 5 %
 * off the measured core figure. Exits 2 when dist/ is not built.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const CORE_ALLOWED = ['decimal.js', 'zod'] as const;
const FORBIDDEN = /^(exceljs|csv-parse)(\/|$)/;
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** `zod/v4/core` → `zod`, `@scope/x/y` → `@scope/x`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(packageName(specifier));

interface Measure {
  readonly entry: string;
  readonly raw: number;
  readonly min: number;
  readonly gzip: number;
  readonly brotli: number;
  /** Bare specifiers the bundle leaves to the user's bundler or to Node. */
  readonly imports: readonly string[];
  /** External imports of the written bundle, of any kind (import, require, import()). */
  readonly outputImports: readonly string[];
  readonly inputs: readonly string[];
}

/** Leaves every bare import (package or built-in) to the user's bundler or to Node. */
const allBareExternal: Plugin = {
  name: 'all-bare-imports-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (isAbsolute(args.path) ? undefined : { path: args.path, external: true }));
  },
};

async function bundle(file: string, minify: boolean, externalPackages: boolean): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    minify,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: externalPackages ? [allBareExternal] : [],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild wrote nothing for ${file}`);
  return { code: out.contents, metafile: result.metafile };
}

async function measure(entry: string): Promise<Measure> {
  const file = join(root, 'dist', `${entry}.js`);
  const raw = await bundle(file, false, true);
  const min = await bundle(file, true, true);
  const imports = new Set<string>();
  for (const input of Object.values(min.metafile.inputs)) {
    for (const imported of input.imports) if (imported.external) imports.add(imported.path);
  }
  return {
    entry,
    raw: raw.code.byteLength,
    min: min.code.byteLength,
    gzip: gzipSync(min.code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(min.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
    imports: [...imports].sort(),
    outputImports: [...new Set(Object.values(min.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort(),
    inputs: Object.keys(min.metafile.inputs).map((p) => relative(root, join(root, p))).sort(),
  };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** The embedded sets as dist/sets.js exports them, with the version and id that mark each in a bundle. */
/**
 * What a portal ships: `safeScoreBatch` and one embedded set (can-tho@2025.1.0), zod and decimal.js
 * included, tree-shaken and minified by esbuild for the browser. Returns its size and the embedded
 * sets found in it (by their `id` and `version` as the minifier writes them).
 */
async function portalBundle(): Promise<{ min: number; gzip: number; sets: string[] }> {
  const result = await build({
    stdin: {
      contents: "import { safeScoreBatch } from './dist/index.js';\nimport { canTho2025 } from './dist/sets.js';\nexport const score = (units) => safeScoreBatch(canTho2025, { units });\n",
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const sets: string[] = [];
  for (const [id, version] of [['can-tho', '2022.1.0'], ['can-tho', '2023.1.0'], ['can-tho', '2025.1.0'], ['vn-dti-province', '2022.1.0'], ['vn-dti-province', '2025.1.0']] as const) {
    // An object literal (`id:"can-tho",version:…`) or the JSON text the build embeds (`\"id\":\"can-tho\",…`).
    if (new RegExp(`\\\\?"?id\\\\?"?:\\\\?"${id}\\\\?",\\\\?"?version\\\\?"?:\\\\?"${version.replace(/\./g, '\\.')}`).test(code)) sets.push(`${id}@${version}`);
  }
  const bytes = new TextEncoder().encode(code);
  return { min: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength, sets };
}

async function main(): Promise<number> {
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.error('bundle-size: dist/index.js is missing; run `npm run build` first');
    return 2;
  }
  // Every bare import is left external; for the core entry point these must be zod and decimal.js.
  const core = await measure('index');
  // Information only: the other entry points.
  const others = await Promise.all(['csv', 'node', 'analysis'].map((entry) => measure(entry)));
  // Information only: what a browser user ships for the core, zod and decimal.js included (tree-shaken by esbuild).
  let withDeps: { min: number; gzip: number } | undefined;
  try {
    const all = await bundle(join(root, 'dist', 'index.js'), true, false);
    withDeps = { min: all.code.byteLength, gzip: gzipSync(all.code, { level: 9 }).byteLength };
  } catch {
    withDeps = undefined;
  }

  const portal = await portalBundle();
  const problems: string[] = [];
  if (portal.sets.join(',') !== 'can-tho@2025.1.0') problems.push(`a bundle of safeScoreBatch and canTho2025 holds the sets ${portal.sets.join(', ') || '(none)'}; it must hold can-tho@2025.1.0 only`);
  // What the bundled files import, and (the same, as a cross-check) what esbuild's output imports: static, require or import().
  for (const specifier of new Set([...core.imports, ...core.outputImports])) {
    if ((CORE_ALLOWED as readonly string[]).includes(packageName(specifier))) continue;
    const what = isBuiltin(specifier) ? 'the Node built-in ' : FORBIDDEN.test(specifier) ? 'the dependency of another entry point ' : '';
    problems.push(`core entry point imports ${what}'${specifier}'; only ${CORE_ALLOWED.join(' and ')} are allowed`);
  }
  for (const input of core.inputs) {
    if (input.includes('node_modules')) problems.push(`core bundle inlines a package file: ${input}`);
  }

  if (args.has('--json')) {
    console.log(JSON.stringify({ core, others, coreWithDeps: withDeps ?? null, portal, problems }, null, 2));
  } else {
    console.log('entry                  raw (bundled)   minified   min+gzip   min+brotli   external imports');
    for (const m of [core, ...others]) {
      const name = m.entry === 'index' ? 'dti-criteria' : `dti-criteria/${m.entry}`;
      console.log(`${name.padEnd(22)} ${kB(m.raw).padStart(13)} ${kB(m.min).padStart(10)} ${kB(m.gzip).padStart(10)} ${kB(m.brotli).padStart(12)}   ${m.imports.join(', ')}`);
    }
    console.log(`\ncore entry point (dist/index.js; zod and decimal.js excluded): ${kB(core.gzip)} minified and gzipped (${kB(core.min)} minified)`);
    if (withDeps) console.log(`core entry point with zod and decimal.js bundled by esbuild (information; bundlers tree-shake zod differently): ${kB(withDeps.gzip)} minified and gzipped (${kB(withDeps.min)} minified)`);
    console.log(`core entry point imports: ${core.imports.join(', ') || '(nothing)'}`);
    console.log(`portal bundle (safeScoreBatch + canTho2025, zod and decimal.js included): ${kB(portal.gzip)} minified and gzipped (${kB(portal.min)} minified); embedded sets in it: ${portal.sets.join(', ')}`);
  }

  if (args.has('--check-readme')) {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const statedPortal = /portal that scores with one embedded set ships about ([\d.]+)\s*kB/.exec(readme);
    if (!statedPortal) problems.push('README.md states no "portal that scores with one embedded set ships about <N> kB" figure');
    else if (Math.abs(Number(statedPortal[1]) * 1000 - portal.gzip) / portal.gzip > 0.05) problems.push(`README.md states a portal bundle of ${statedPortal[1]} kB; measured ${kB(portal.gzip)} (more than 5 % off)`);
    const stated = /([\d.]+)\s*kB\**\s+minified and gzipped/.exec(readme);
    if (!stated) problems.push('README.md states no "<N> kB minified and gzipped" figure for the core bundle');
    else {
      const statedBytes = Number(stated[1]) * 1000;
      if (Math.abs(statedBytes - core.gzip) / core.gzip > 0.05) problems.push(`README.md states ${stated[1]} kB minified and gzipped; measured ${kB(core.gzip)} (more than 5 % off)`);
    }
  }

  for (const problem of problems) console.error(`bundle-size: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
