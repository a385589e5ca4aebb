import { run } from '../../src/cli/run.js';

/** Runs the `dti` command line in-process and captures what it prints (synchronous commands only). */
export function dti(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, '0.0.0-test');
  if (typeof code !== 'number') throw new Error('asynchronous command: use dtiAsync');
  return { code, out, err };
}

/** Runs any `dti` command, awaiting the asynchronous ones (workbooks, reports). */
export async function dtiAsync(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, '0.0.0-test');
  return { code, out, err };
}
