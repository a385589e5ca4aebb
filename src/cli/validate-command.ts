import type { InputLimits } from '../limits.js';
import { safeReadCriteriaFile } from '../node/read-criteria-file.js';
import { printIssues, type Io } from './output.js';

/** `dti validate <criteria.json> [--format text|json]`: exit 0 when valid, 1 on any problem (every one listed, each naming the file). */
export function validateCommand(io: Io, file: string, format: 'text' | 'json', limits?: Partial<InputLimits>): number {
  const result = safeReadCriteriaFile(file, limits ? { limits } : {});
  if (!result.ok) {
    printIssues(io, result.issues, format);
    return 1;
  }
  if (format === 'json') io.out(`${JSON.stringify({ errors: [] }, null, 2)}\n`);
  else io.out(`${file}: hợp lệ / valid (${result.value.id}@${result.value.version})\n`);
  return 0;
}
