import { readFileSync } from 'node:fs';
import { ioFailure, makeIssue } from '../errors.js';
import { safeParseCriteriaJson } from '../format/parse-criteria.js';
import { printIssues, type Io } from './output.js';

/** `dti validate <criteria.json> [--format text|json]`: exit 0 when valid, 1 on any problem. */
export function validateCommand(io: Io, file: string, format: string): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    printIssues(io, [makeIssue('input/read', file, { file, reason: ioFailure(error) })], format);
    return 1;
  }
  const result = safeParseCriteriaJson(text);
  if (!result.ok) {
    printIssues(io, result.issues, format);
    return 1;
  }
  if (format === 'json') io.out(`${JSON.stringify({ errors: [] }, null, 2)}\n`);
  else io.out(`${file}: hợp lệ / valid (${result.value.id}@${result.value.version})\n`);
  return 0;
}
