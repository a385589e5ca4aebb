import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ioFailure, makeIssue, type Issue } from '../errors.js';

/** Whether two paths name the same file: the same resolved path, or (both existing) the same device and inode. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * `cli/out-is-input` when `out` is one of the command's `inputs` (a results
 * file, a submission, a criteria file given by path): writing there would
 * replace what the command reads.
 *
 * @example
 * ```ts
 * import { outIsInput } from './out-file.js';
 * console.log(outIsInput('./r.json', ['r.json'])?.code); // cli/out-is-input
 * console.log(outIsInput('r.html', ['r.json'])); // undefined
 * ```
 */
export function outIsInput(out: string | undefined, inputs: readonly (string | undefined)[]): Issue | undefined {
  if (out === undefined) return undefined;
  return inputs.some((input) => input !== undefined && sameFile(out, input)) ? makeIssue('cli/out-is-input', '--out', { file: out }) : undefined;
}

/**
 * Writes `content` to `file`; a file that cannot be written (its folder is
 * missing, no permission) is an `output/write` issue naming it. The folder is
 * never created: a typo in it should not scatter files.
 */
export function writeOut(file: string, content: string | Uint8Array): Issue | undefined {
  try {
    writeFileSync(file, content);
    return undefined;
  } catch (error) {
    return makeIssue('output/write', file, { file, reason: ioFailure(error) });
  }
}
