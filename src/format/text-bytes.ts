import { makeIssue, type Result } from '../errors.js';
import { guessLegacyEncoding } from './legacy-encodings.js';

/** Text decoded from bytes, and whether a UTF-8 byte-order mark was stripped. */
export interface DecodedText {
  readonly text: string;
  /** `true` when the bytes started with a UTF-8 BOM (`EF BB BF`), now stripped. */
  readonly bom: boolean;
}

/** Byte-order marks of the encodings that are not UTF-8, longest first (UTF-32LE starts like UTF-16LE). */
const FOREIGN_BOMS: readonly (readonly [encoding: string, bom: readonly number[]])[] = [
  ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The `encoding` of `input/encoding` for bytes that are not UTF-8 and in no
 * encoding recognised (then `byte` and `offset` say where).
 */
const NOT_UTF8 = 'not UTF-8';

/** Bytes looked at for the zero bytes of UTF-16/32 text. */
const WIDE_SAMPLE = 4_096;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * UTF-16/32 text without a BOM, told by the zero bytes around its first
 * character (the rule of RFC 4627 §3: text starts with an ASCII character).
 */
function unmarkedWideEncoding(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (bytes.length >= 4 && a === 0 && b === 0 && c === 0 && d !== 0) return 'UTF-32BE';
  if (bytes.length >= 4 && a !== 0 && b === 0 && c === 0 && d === 0) return 'UTF-32LE';
  if (a === 0 && b !== 0) return 'UTF-16BE';
  if (a !== 0 && b === 0) return 'UTF-16LE';
  return undefined;
}

/**
 * UTF-16/32 text without a BOM whose first character is not ASCII, told by
 * where its zero bytes fall: in UTF-16 the high byte of every ASCII character
 * (digits, punctuation, the letters without marks) is zero, in UTF-32 the top
 * two bytes of every character are. UTF-8 text has no zero bytes at all.
 */
function wideByZeroBytes(bytes: Uint8Array): string | undefined {
  const length = Math.min(bytes.length, WIDE_SAMPLE) & ~3;
  if (length < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < length; i += 1) if (bytes[i] === 0) zeros[i & 3]! += 1;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  if (z0 + z1 + z2 + z3 === 0) return undefined;
  const quarter = length / 4;
  if (z2 >= 0.9 * quarter && z3 >= 0.9 * quarter) return 'UTF-32LE';
  if (z0 >= 0.9 * quarter && z1 >= 0.9 * quarter) return 'UTF-32BE';
  const half = length / 2;
  if (z1 + z3 >= 0.3 * half && z0 + z2 <= 0.05 * half) return 'UTF-16LE';
  if (z0 + z2 >= 0.3 * half && z1 + z3 <= 0.05 * half) return 'UTF-16BE';
  return undefined;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (-1 when none). */
function firstInvalidByte(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (length === 0 || i + length >= bytes.length) return i;
    let point = lead & (0x3f >> length);
    for (let k = 1; k <= length; k += 1) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      point = (point << 6) | (next & 0x3f);
    }
    const minimum = [0, 0x80, 0x800, 0x10000][length]!;
    if (point < minimum || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return i;
    i += length + 1;
  }
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes text input (a file's bytes) as UTF-8, the only encoding the format
 * accepts ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)). A UTF-8 byte-order mark is allowed: it is stripped and
 * reported through `bom`. A UTF-16 or UTF-32 text (with or without its BOM:
 * then told by its zero bytes) and bytes that are not well-formed UTF-8 are
 * refused with the coded issue `input/encoding` at `file`, naming the
 * encoding found; for bytes that are not UTF-8, the legacy Vietnamese
 * encoding they read best in (`Windows-1258`, `TCVN3`, `VNI`) or `not UTF-8`
 * when none fits, with the first bad byte and its offset. Nothing is ever
 * decoded with replacement characters.
 *
 * @example
 * ```ts
 * import { safeDecodeUtf8 } from 'dti-criteria/node';
 * const withBom = safeDecodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 'a.json');
 * console.log(withBom.ok && withBom.value.text); // {}
 * console.log(withBom.ok && withBom.value.bom); // true
 * const utf16 = safeDecodeUtf8(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 'b.json');
 * console.log(utf16.ok ? 'decoded' : utf16.issues[0]?.code); // input/encoding
 * console.log(utf16.ok ? '' : utf16.issues[0]?.params.encoding); // UTF-16LE
 * // "Cần Thơ" saved as Windows-1258: â, then the grave accent as a byte of its own.
 * const legacy = safeDecodeUtf8(new Uint8Array([0x43, 0xe2, 0xcc, 0x6e, 0x20, 0x54, 0x68, 0xf5]), 'c.csv');
 * console.log(legacy.ok ? '' : legacy.issues[0]?.params); // {"file":"c.csv","encoding":"Windows-1258","byte":"0xE2","offset":1}
 * ```
 */
export function safeDecodeUtf8(bytes: Uint8Array, file: string): Result<DecodedText> {
  for (const [encoding, mark] of FOREIGN_BOMS) {
    if (startsWith(bytes, mark)) return { ok: false, issues: [makeIssue('input/encoding', file, { file, encoding })] };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const wide = unmarkedWideEncoding(body) ?? wideByZeroBytes(body);
  if (wide !== undefined) return { ok: false, issues: [makeIssue('input/encoding', file, { file, encoding: wide })] };
  try {
    return { ok: true, value: { text: strictUtf8.decode(body), bom } };
  } catch {
    const offset = Math.max(firstInvalidByte(body, 0), 0);
    const byte = `0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const encoding = guessLegacyEncoding(body) ?? NOT_UTF8;
    return { ok: false, issues: [makeIssue('input/encoding', file, { file, encoding, byte, offset: offset + (bom ? UTF8_BOM.length : 0) })] };
  }
}
