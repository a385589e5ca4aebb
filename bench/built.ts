import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * Whether the built file (`dist/…`, relative to the root) exists and is at
 * least as new as every file of src/: what users run, rather than a build
 * older than the sources (run `npm run build` first).
 */
export function builtIsFresh(file: string): boolean {
  const built = path.join(root, file);
  return fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest(path.join(root, 'src'));
}
