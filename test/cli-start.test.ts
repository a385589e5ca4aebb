/**
 * Start-up (#13 item 4): the built command (dist/cli.cjs and the files beside
 * it) loads only what the command it runs needs. `dti score` of valid JSON
 * loads neither zod (its own file, cli-zod.cjs, loaded on first use when
 * input is wrong), csv-parse, exceljs, nor the workbook, report, chart or
 * analysis code. Checked in a child process by the modules Node loaded;
 * the speed itself is measured by `npm run bench`, never asserted here.
 * Skipped when dist/ is not built (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dti } from './support/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.cjs');
const built = existsSync(cli);
const scratch = mkdtempSync(join(tmpdir(), 'dti-start-'));

/**
 * A preload that writes, when the process ends, every file Node loaded with `require`, and for
 * each script compiled with a code cache whether V8 took it (see src/cli/code-cache.ts).
 */
const recorder = join(scratch, 'record-loaded.cjs');
writeFileSync(recorder, [
  "const vm = require('node:vm');",
  'const caches = {};',
  'vm.Script = class extends vm.Script {',
  '  constructor(source, options) { super(source, options); if (options && options.cachedData) caches[require(\'node:path\').basename(options.filename)] = this.cachedDataRejected ? \'rejected\' : \'used\'; }',
  '};',
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.DTI_LOADED, JSON.stringify({ files: Object.keys(require.cache), caches })));",
  '',
].join('\n'));

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** The files loaded (names only; packages by name). */
  readonly loaded: string[];
  /** The command's files compiled with a code cache, and whether V8 took it. */
  readonly caches: Readonly<Record<string, 'used' | 'rejected'>>;
}

/** Runs the built command in a child process. */
function run(args: readonly string[], env: Readonly<Record<string, string>> = {}): Run {
  const list = join(scratch, `loaded-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const child = spawnSync(process.execPath, ['--require', recorder, cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env, DTI_LOADED: list } });
  const { files, caches } = JSON.parse(readFileSync(list, 'utf8')) as { files: string[]; caches: Run['caches'] };
  const loaded = files.filter((file) => file !== recorder).map((file) => {
    const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    return pkg ? `package:${pkg[1]!.replace(/\\/g, '/')}` : basename(file);
  });
  return { code: child.status, out: child.stdout, err: child.stderr, loaded: [...new Set(loaded)].sort(), caches };
}

/** The files of the built command (cli.cjs, cli-*.cjs) holding workbook, report, chart, analysis or versioning code, by the sources their maps name. */
function heavyFiles(): string[] {
  const dist = join(root, 'dist');
  return readdirSync(dist)
    .filter((name) => /^cli(-.*)?\.cjs$/.test(name))
    .filter((name) => {
      const { sources } = JSON.parse(readFileSync(join(dist, `${name}.map`), 'utf8')) as { sources: string[] };
      return sources.some((source) => /src\/(xlsx|report|charts|analysis|versioning)\//.test(source.replace(/\\/g, '/')));
    });
}

describe.skipIf(!built)('the built command loads only what it runs', () => {
  it('dti score on valid JSON: no zod, csv-parse, exceljs, nor workbook, report, chart, analysis or versioning code', () => {
    const scored = run(['score', 'examples/can-tho-2022/submissions.json']);
    expect(scored.code).toBe(0);
    expect(scored.loaded.filter((file) => file.startsWith('package:'))).toEqual([]);
    expect(scored.loaded).not.toContain('cli-zod.cjs');
    const heavy = heavyFiles();
    expect(heavy.length).toBeGreaterThan(0);
    expect(scored.loaded.filter((file) => heavy.includes(file))).toEqual([]);
    // The same table as the command run from the sources.
    expect(scored.out).toBe(dti('score', 'examples/can-tho-2022/submissions.json').out);
  });

  it('loads zod the first time a schema is built: a unit with a key the format does not know', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ period: '2022', criteria: 'can-tho@2022.1.0', units: [{ id: 'x', level: 'commune', values: {}, extra: 1 }] }));
    const refused = run(['score', bad]);
    expect(refused.code).toBe(1);
    expect(refused.loaded).toContain('cli-zod.cjs');
    // The same issues as the command run from the sources.
    expect(refused.err).toBe(dti('score', bad).err);
  });

  it('loads csv-parse for a CSV file only', () => {
    const csv = run(['score', 'examples/can-tho-2022/submissions.csv', '--criteria', 'can-tho@2022.1.0']);
    expect(csv.loaded).toContain('package:csv-parse');
    expect(csv.out).toBe(dti('score', 'examples/can-tho-2022/submissions.csv', '--criteria', 'can-tho@2022.1.0').out);
  });
});
describe.skipIf(!built)('the built command\'s code caches (dist/cli-cache, npm run build)', () => {
  const cacheDir = join(root, 'dist', 'cli-cache');
  const cached = built && existsSync(cacheDir);

  it.skipIf(!cached)('are taken by V8 for every file dti score loads (made by the Node that built them), and change nothing that runs', () => {
    const scored = run(['score', 'examples/can-tho-2022/submissions.json']);
    const ours = scored.loaded.filter((file) => /^cli-.*\.cjs$/.test(file));
    expect(Object.keys(scored.caches).sort()).toEqual(ours.filter((file) => existsSync(join(cacheDir, `${file}.v8`))));
    expect(Object.values(scored.caches).every((state) => state === 'used')).toBe(true);
    // Most of what dti score loads has one (the entry's helpers chunk loads before the caches can be used).
    expect(Object.keys(scored.caches).length).toBeGreaterThan(ours.length / 2);
    const plain = run(['score', 'examples/can-tho-2022/submissions.json'], { DTI_CODE_CACHE: 'off' });
    expect(plain.caches).toEqual({});
    expect(plain.out).toBe(scored.out);
    expect(plain.err).toBe(scored.err);
  });

  it.skipIf(!cached)('a cache made for other code is refused by V8, and the file is compiled as usual', () => {
    const scored = run(['score', 'examples/can-tho-2022/submissions.json']);
    const [first, second] = Object.keys(scored.caches);
    const file = join(cacheDir, `${first}.v8`);
    const own = readFileSync(file);
    try {
      writeFileSync(file, readFileSync(join(cacheDir, `${second}.v8`)));
      const again = run(['score', 'examples/can-tho-2022/submissions.json']);
      expect(again.caches[first!]).toBe('rejected');
      expect(again.out).toBe(scored.out);
    } finally {
      writeFileSync(file, own);
    }
  });
});
if (!built) it.skip('dist/cli.cjs is not built (`npm run build`): the built command is not checked here', () => {});
