// Command blocks of the user guides run as a user runs them: each line by bash, in a folder outside
// the repository where `dti-criteria` is installed as `npm install dti-criteria` would install it
// (node_modules/dti-criteria and its bin node_modules/.bin/dti), so that `npx dti …` is npm's own
// npx finding the package's bin. The bin is the built command (dist/cli.cjs) when it is at least as
// new as the sources, as CI builds it before the tests; otherwise the sources run by tsx, as
// `npm run dti --` does (the guide's commands are the same either way).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The lines of the fenced blocks of `lang` (```sh, ```bat, …), block by block; blank lines and `#` comments left out. */
export function commandBlocks(markdown: string, lang: string): string[][] {
  const fence = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g');
  return [...markdown.matchAll(fence)].map((block) => block[1]!.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('REM ')));
}

/** The part of a guide between two headings (`## Tiếng Việt` … `## English`), or to its end. */
export function section(markdown: string, heading: string, next?: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const end = next === undefined ? markdown.length : markdown.indexOf(`\n${next}\n`, start);
  if (end < 0) throw new Error(`no heading "${next}" after "${heading}"`);
  return markdown.slice(start, end);
}

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs);
  }
  return latest;
}

/** Which `dti` the installed package runs: the build, or the sources when there is no build as new as them. */
export function installedBin(): 'dist/cli.cjs' | 'src/cli/main.ts' {
  const built = join(root, 'dist', 'cli.cjs');
  if (!existsSync(built)) return 'src/cli/main.ts';
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'criteria')), statSync(join(root, 'package.json')).mtimeMs);
  return statSync(built).mtimeMs >= sources ? 'dist/cli.cjs' : 'src/cli/main.ts';
}

/**
 * What `npm install dti-criteria` leaves in `project`: a package.json naming the
 * dependency, node_modules/dti-criteria (this repository) and node_modules/.bin/dti.
 */
export function installPackage(project: string): void {
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  if (!existsSync(join(project, 'package.json'))) writeFileSync(join(project, 'package.json'), `${JSON.stringify({ dependencies: { 'dti-criteria': '^0.1.0' } }, null, 2)}\n`);
  if (!existsSync(join(modules, 'dti-criteria'))) symlinkSync(root, join(modules, 'dti-criteria'), 'dir');
  const bin = join(modules, '.bin', 'dti');
  if (existsSync(bin)) return;
  if (installedBin() === 'dist/cli.cjs') {
    symlinkSync('../dti-criteria/dist/cli.cjs', bin);
  } else {
    writeFileSync(bin, `#!/bin/sh\nexec "${join(root, 'node_modules', '.bin', 'tsx')}" "${join(root, 'src', 'cli', 'main.ts')}" "$@"\n`);
    chmodSync(bin, 0o755);
  }
}

/** The environment a user's shell has: no npm script variables, no repository bins on PATH, `HOME` as given. */
export function userEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  env['PATH'] = [dirname(process.execPath), ...(process.env['PATH'] ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules'))].join(delimiter);
  env['HOME'] = home;
  env['npm_config_update_notifier'] = 'false';
  env['npm_config_fund'] = 'false';
  env['npm_config_audit'] = 'false';
  return env;
}

/** What one line printed, and its exit code. */
export interface LineRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * A shell session over the guide's lines: each line run by `bash -c` in the
 * current folder; a `cd` line is run too and moves the session to where it
 * went; `npm install dti-criteria` is performed by {@link installPackage}
 * (the package is this repository, not the registry's).
 */
export class Session {
  cwd: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(cwd: string, home: string) {
    this.cwd = cwd;
    this.env = userEnvironment(home);
  }

  run(line: string): LineRun {
    if (line === 'npm install dti-criteria') {
      installPackage(this.cwd);
      return { code: 0, out: '', err: '' };
    }
    const cd = /^cd\s/.test(line);
    const result = spawnSync('bash', ['-c', cd ? `${line} && pwd` : line], { cwd: this.cwd, env: this.env, encoding: 'utf8', timeout: 180_000 });
    if (result.error) throw result.error;
    if (cd && result.status === 0) this.cwd = result.stdout.trim();
    return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
  }
}
