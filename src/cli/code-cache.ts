import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { Script } from 'node:vm';

/** The folder beside the command's files that holds their code caches (`dist/cli-cache/<file>.v8`). */
export const CODE_CACHE_DIR = 'cli-cache';

/** How the command's files are loaded: through their code caches (`read`, the default), making them (`write`), or as Node loads any file (`off`). */
export type CodeCacheMode = 'read' | 'write' | 'off';

/** The mode the environment variable `DTI_CODE_CACHE` asks for (`write`, `off`); `read` otherwise. */
export function codeCacheMode(value: string | undefined): CodeCacheMode {
  return value === 'write' || value === 'off' ? value : 'read';
}

/** What a CommonJS file is wrapped in, as Node wraps it (the same text when a cache is made and when it is used). */
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source.startsWith('#!') ? `//${source.slice(2)}` : source}\n});`;

type Loader = (module: NodeJS.Module, filename: string) => void;

/**
 * Loads the command's own files (`cli-*.cjs` in `dir`, the folder of the
 * built command) through the V8 code caches made when the package was built
 * (`dist/cli-cache/<file>.v8`, written by `scripts/cli-code-cache.ts`, which
 * runs `dti score` on the examples with `DTI_CODE_CACHE=write`). With a cache,
 * V8 neither parses a file nor compiles the functions the cache holds. V8 uses
 * a cache only when the same V8 version made it, with the same flags, for a
 * source of the same length; otherwise it ignores it and compiles the file as
 * usual, so a cache can make a start faster but never changes what runs (and
 * every file's name but the entry's carries a hash of its content). Any other
 * file is loaded as Node loads it.
 *
 * `write`: the files are compiled as usual and, when the process ends, the
 * cache of each (with every function the run compiled) is written; `off`:
 * nothing changes how files are loaded.
 */
export function useCodeCache(dir: string, mode: CodeCacheMode): void {
  if (mode === 'off') return;
  const extensions = createRequire(join(dir, 'cli.cjs')).extensions as unknown as Record<string, Loader>;
  // `.cjs` files are otherwise loaded by the `.js` loader (Node registers no `.cjs` of its own).
  const usual = extensions['.cjs'] ?? extensions['.js']!;
  const made: [file: string, script: Script][] = [];
  // Plain string tests, not path functions: this runs for every file the command loads.
  const prefix = `${dir}${sep}cli-`;
  const cacheDir = join(dir, CODE_CACHE_DIR);
  extensions['.cjs'] = (module, filename) => {
    if (!filename.startsWith(prefix) || filename.includes(sep, prefix.length)) {
      usual(module, filename);
      return;
    }
    const cacheFile = `${cacheDir}${sep}${filename.slice(dir.length + 1)}.v8`;
    let cachedData: Buffer | undefined;
    if (mode === 'read') {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined; // no cache for this file: compiled as usual
      }
    }
    const script = new Script(wrap(readFileSync(filename, 'utf8')), { filename, ...(cachedData !== undefined ? { cachedData } : {}) });
    if (mode === 'write') made.push([cacheFile, script]);
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    // `require` as the file's own: Node resolves from the module it is loading.
    run.call(module.exports, module.exports, (id: string) => module.require(id), module, filename, dir);
  };
  if (mode === 'write') {
    process.on('exit', () => {
      mkdirSync(cacheDir, { recursive: true });
      for (const [file, script] of made) writeFileSync(file, script.createCachedData());
    });
  }
}
