import { readFileSync } from 'node:fs';
import { inFile, ioFailure, makeIssue, type Result } from '../errors.js';
import { parseJsonText } from '../format/json-text.js';
import { safeDecodeUtf8 } from '../format/text-bytes.js';

/** A file's text: read, then decoded as UTF-8 (a BOM allowed); `input/read` or `input/encoding` naming the file otherwise. */
export function readTextFile(file: string): Result<string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, issues: [makeIssue('input/read', file, { file, reason: ioFailure(error) })] };
  }
  const decoded = safeDecodeUtf8(bytes, file);
  return decoded.ok ? { ok: true, value: decoded.value.text } : decoded;
}

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
  const text = readTextFile(file);
  if (!text.ok) return text;
  const parsed = parseJsonText(text.value, file);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((issue) => inFile(issue, file)) };
}
