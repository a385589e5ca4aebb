import { readFileSync } from 'node:fs';
import { ioFailure, makeIssue, type Result } from '../errors.js';
import { safeDecodeUtf8 } from '../format/text-bytes.js';

/**
 * A file's text: read, then decoded as UTF-8 (a BOM allowed); `input/read`
 * or `input/encoding` naming the file otherwise. Never throws.
 *
 * @example
 * ```ts
 * import { safeReadTextFile } from 'dti-criteria/node';
 * const text = safeReadTextFile('criteria/manifest.json');
 * console.log(text.ok && text.value.startsWith('{')); // true
 * const missing = safeReadTextFile('nowhere.json');
 * console.log(missing.ok ? '' : missing.issues[0]?.code); // input/read
 * ```
 */
export function safeReadTextFile(file: string): Result<string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, issues: [makeIssue('input/read', file, { file, reason: ioFailure(error) })] };
  }
  const decoded = safeDecodeUtf8(bytes, file);
  return decoded.ok ? { ok: true, value: decoded.value.text } : decoded;
}
