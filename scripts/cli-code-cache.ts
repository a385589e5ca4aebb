// Writes the command's V8 code caches (dist/cli-cache/<file>.v8; src/cli/code-cache.ts) after tsup has
// built it: runs `dti score` on the examples, as a person would first, with DTI_CODE_CACHE=write, so that
// each file it loads is cached with every function the run compiled. Node uses a cache only when its V8
// version and flags are those that made it; otherwise the file is compiled as usual.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_CACHE_DIR } from '../src/cli/code-cache.js';

const dir = join('dist', CODE_CACHE_DIR);
rmSync(dir, { recursive: true, force: true });
const run = spawnSync(process.execPath, ['dist/cli.cjs', 'score', 'examples/can-tho-2022/submissions.json'], { env: { ...process.env, DTI_CODE_CACHE: 'write' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (run.status !== 0 || !existsSync(dir)) {
  console.error(`dti score failed (${run.status ?? run.signal}): ${run.stderr}`);
  process.exit(1);
}
console.log(`${dir}: ${readdirSync(dir).length} code caches written (node ${process.version})`);
