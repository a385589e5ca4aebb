import type { PathSegment } from '../path.js';

/** Where a key stands in a JSON text: 1-based line and column (in UTF-16 code units, as editors count). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A key given twice in one object of a JSON text. */
export interface DuplicateKey {
  /** The key, its escapes decoded (`"\u0061"` is `a`). */
  readonly key: string;
  /** The JSON path of the key (the same for both occurrences). */
  readonly segments: readonly PathSegment[];
  /** Where the key is given again. */
  readonly at: TextPosition;
  /** Where it was given first. */
  readonly first: TextPosition;
}

/** The duplicates found, the first `limit` of them, and how many there were in all. */
export interface DuplicateKeyScan {
  readonly duplicates: readonly DuplicateKey[];
  readonly count: number;
}

/** One open object or array while scanning. */
interface Frame {
  readonly object: boolean;
  /** Object: the keys seen so far with where each was first given (made on the first key). */
  keys: Map<string, TextPosition> | undefined;
  /** Object: the current member's key. */
  key: string;
  /** Object: the next string is a key. */
  expectKey: boolean;
  /** Array: the current element's index. */
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Finds every key given twice in one object of a JSON text that
 * `JSON.parse` has accepted (`JSON.parse` keeps the last one silently;
 * [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản) makes it an error). On any other text it ends without throwing, but
 * its answer means nothing. One pass over the text with an explicit stack (no
 * recursion, so any depth `JSON.parse` accepts is scanned); keys are
 * compared after their escapes are decoded, as `JSON.parse` compares them.
 * Only the first `limit` duplicates are described; `count` has them all.
 *
 * Positions: lines are counted at LF, CR and CRLF; columns in UTF-16 code
 * units, both from 1.
 */
export function scanDuplicateKeys(text: string, limit = Number.POSITIVE_INFINITY): DuplicateKeyScan {
  const duplicates: DuplicateKey[] = [];
  let count = 0;
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    switch (c) {
      case LF:
        line += 1;
        lineStart = i + 1;
        i += 1;
        break;
      case CR:
        line += 1;
        if (text.charCodeAt(i + 1) === LF) i += 1;
        lineStart = i + 1;
        i += 1;
        break;
      case 0x7b: // {
        stack.push({ object: true, keys: undefined, key: '', expectKey: true, index: 0 });
        i += 1;
        break;
      case 0x5b: // [
        stack.push({ object: false, keys: undefined, key: '', expectKey: false, index: 0 });
        i += 1;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        i += 1;
        break;
      case 0x3a: { // :
        const frame = stack[stack.length - 1];
        if (frame !== undefined) frame.expectKey = false;
        i += 1;
        break;
      }
      case 0x2c: { // ,
        const frame = stack[stack.length - 1];
        if (frame?.object) frame.expectKey = true;
        else if (frame !== undefined) frame.index += 1;
        i += 1;
        break;
      }
      case QUOTE: {
        const end = closingQuote(text, i);
        const frame = stack[stack.length - 1];
        if (frame !== undefined && frame.object && frame.expectKey) {
          const raw = text.slice(i + 1, end);
          const key = raw.includes('\\') ? decodedKey(text.slice(i, end + 1), raw) : raw;
          const here: TextPosition = { line, column: i - lineStart + 1 };
          frame.keys ??= new Map();
          const first = frame.keys.get(key);
          if (first === undefined) frame.keys.set(key, here);
          else {
            count += 1;
            if (duplicates.length < limit) duplicates.push({ key, segments: pathOf(stack, key), at: here, first });
          }
          frame.key = key;
        }
        i = end + 1;
        break;
      }
      default:
        i += 1;
    }
  }
  return { duplicates, count };
}

/**
 * A JSON string token (escapes included; unrolled, so that a string of any
 * length is matched without deep backtracking), or a run of anything but
 * quotes and colons: what is left when both are removed from a JSON text is
 * its colons outside strings.
 */
const ALL_BUT_MEMBER_COLONS = /"[^"\\]*(?:\\.[^"\\]*)*"|[^":]+/g;

/**
 * `true` when some object of `text`, a JSON text `JSON.parse` has read as
 * `value`, gives a key twice. Each member of an object is written with one
 * `:` outside strings, and `JSON.parse` keeps one property per distinct key:
 * the text has duplicates exactly when it has more such colons than `value`
 * has keys. A quick answer (the colons kept by one native replace, the value
 * walked once, no positions); {@link scanDuplicateKeys} then finds and places them.
 */
export function hasDuplicateKeys(text: string, value: unknown): boolean {
  const members = text.replace(ALL_BUT_MEMBER_COLONS, '').length;
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
      continue;
    }
    const record = item as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue; // an enumerable key some code put on Object.prototype
      keys += 1;
      stack.push(record[key]);
    }
  }
  return members !== keys;
}

/** A key's text with its escapes decoded (as written, on text that is not JSON). */
function decodedKey(literal: string, raw: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return raw;
  }
}

/** Offset of the quote closing the string that opens at `start` (the end of the text when there is none). */
function closingQuote(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  for (;;) {
    if (at < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

/** The JSON path of `key` in the innermost open object. */
function pathOf(stack: readonly Frame[], key: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let depth = 0; depth < stack.length - 1; depth += 1) {
    const frame = stack[depth]!;
    segments.push(frame.object ? frame.key : frame.index);
  }
  segments.push(key);
  return segments;
}
