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

/** A preload that writes, when the process ends, every file Node loaded with `require`. */
const recorder = join(scratch, 'record-loaded.cjs');
writeFileSync(recorder, "process.on('exit', () => require('node:fs').writeFileSync(process.env.DTI_LOADED, JSON.stringify(Object.keys(require.cache))));\n");

/** Runs the built command in a child process; its exit code, output and the files it loaded (names only, packages by name). */
function run(...args: string[]): { code: number | null; out: string; err: string; loaded: string[] } {
  const list = join(scratch, `loaded-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const child = spawnSync(process.execPath, ['--require', recorder, cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DTI_LOADED: list } });
  const files = JSON.parse(readFileSync(list, 'utf8')) as string[];
  const loaded = files.filter((file) => file !== recorder).map((file) => {
    const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    return pkg ? `package:${pkg[1]!.replace(/\\/g, '/')}` : basename(file);
  });
  return { code: child.status, out: child.stdout, err: child.stderr, loaded: [...new Set(loaded)].sort() };
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
    const scored = run('score', 'examples/can-tho-2022/submissions.json');
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
    const refused = run('score', bad);
    expect(refused.code).toBe(1);
    expect(refused.loaded).toContain('cli-zod.cjs');
    // The same issues as the command run from the sources.
    expect(refused.err).toBe(dti('score', bad).err);
  });

  it('loads csv-parse for a CSV file only', () => {
    const csv = run('score', 'examples/can-tho-2022/submissions.csv', '--criteria', 'can-tho@2022.1.0');
    expect(csv.loaded).toContain('package:csv-parse');
    expect(csv.out).toBe(dti('score', 'examples/can-tho-2022/submissions.csv', '--criteria', 'can-tho@2022.1.0').out);
  });
});
if (!built) it.skip('dist/cli.cjs is not built (`npm run build`): the built command is not checked here', () => {});
