import { inFile, type Result } from '../errors.js';
import { parseJsonText } from '../format/json-text.js';
import { safeReadTextFile } from '../node/read-text-file.js';

/**
 * A JSON file's data: read, decoded and parsed; every issue names the file.
 *
 * @example
 * ```ts
 * import { readJsonFile } from './read-input.js';
 * const missing = readJsonFile('nowhere.json');
 * console.log(missing.ok ? '' : `${missing.issues[0]?.code} ${missing.issues[0]?.file}`); // input/read nowhere.json
 * ```
 */
export function readJsonFile(file: string): Result<unknown> {
  const text = safeReadTextFile(file);
  if (!text.ok) return text;
  const parsed = parseJsonText(text.value, file);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((issue) => inFile(issue, file)) };
}
