import { formatIssue, type Issue } from '../errors.js';

/** Where the command writes: injected so tests can capture it. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Prints issues as `path: message [code]` lines, or as `{ "errors": [...] }` JSON. */
export function printIssues(io: Io, issues: readonly Issue[], format: string): void {
  if (format === 'json') {
    io.out(`${JSON.stringify({ errors: issues }, null, 2)}\n`);
    return;
  }
  for (const issue of issues) io.err(`${formatIssue(issue)}\n`);
}
