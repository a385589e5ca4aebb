import { describe, expect, it } from 'vitest';
import { messageOf } from './support/issues.js';
import { safeDecodeUtf8 } from '../src/format/text-bytes.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refused(input: Uint8Array, file = 'a.json'): { code: string; path: string; message: string } {
  const result = safeDecodeUtf8(input, file);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('decoded');
  expect(result.issues).toHaveLength(1);
  const [issue] = result.issues;
  return { code: issue!.code, path: issue!.path, message: messageOf(issue) };
}

describe('safeDecodeUtf8', () => {
  it('decodes UTF-8, Vietnamese included, and reports no BOM', () => {
    expect(safeDecodeUtf8(utf8('{"vi":"Chuyển đổi số Cần Thơ"}'), 'a.json')).toEqual({ ok: true, value: { text: '{"vi":"Chuyển đổi số Cần Thơ"}', bom: false } });
    expect(safeDecodeUtf8(bytes(), 'empty.json')).toEqual({ ok: true, value: { text: '', bom: false } });
    expect(safeDecodeUtf8(utf8('😀 a'), 'a.txt')).toEqual({ ok: true, value: { text: '😀 a', bom: false } });
  });

  it('strips a UTF-8 BOM and says so; only the first one', () => {
    expect(safeDecodeUtf8(utf8('\uFEFF{}'), 'a.json')).toEqual({ ok: true, value: { text: '{}', bom: true } });
    expect(safeDecodeUtf8(bytes(0xef, 0xbb, 0xbf), 'a.json')).toEqual({ ok: true, value: { text: '', bom: true } });
    expect(safeDecodeUtf8(utf8('\uFEFF\uFEFF{}'), 'a.json')).toEqual({ ok: true, value: { text: '\uFEFF{}', bom: true } });
  });

  it('refuses UTF-16 and UTF-32 by their BOM, naming the encoding and the file', () => {
    for (const [encoding, input] of [
      ['UTF-16LE', bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00)],
      ['UTF-16BE', bytes(0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d)],
      ['UTF-32LE', bytes(0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00)],
      ['UTF-32BE', bytes(0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x7b)],
    ] as const) {
      const issue = refused(input, 'criteria/x/2024.1.0.json');
      expect(issue.code).toBe('input/encoding');
      expect(issue.path).toBe('criteria/x/2024.1.0.json');
      expect(issue.message).toContain(encoding);
      expect(issue.message).toContain("criteria/x/2024.1.0.json");
    }
  });

  it('refuses UTF-16 and UTF-32 without a BOM, told by the zero bytes of the first character', () => {
    expect(refused(bytes(0x7b, 0x00, 0x7d, 0x00)).message).toContain('UTF-16LE');
    expect(refused(bytes(0x00, 0x7b, 0x00, 0x7d)).message).toContain('UTF-16BE');
    expect(refused(bytes(0x7b, 0x00, 0x00, 0x00)).message).toContain('UTF-32LE');
    expect(refused(bytes(0x00, 0x00, 0x00, 0x7b)).message).toContain('UTF-32BE');
  });

  it('refuses bytes that are not UTF-8 (never replacement characters), naming the first bad byte', () => {
    // "Cần" in Windows-1258 is 43 E2 CC 6E: E2 starts a three-byte sequence that CC 6E does not continue.
    const latin = refused(bytes(0x43, 0xe2, 0xcc, 0x6e), 'form.json');
    expect(latin.code).toBe('input/encoding');
    expect(latin.message).toContain('không phải UTF-8');
    expect(latin.message).toContain('not UTF-8');
    expect(latin.message).toContain('0xE2');
    expect(latin.message).toContain('offset 1');
    expect(latin.message.split(' / ')).toHaveLength(2);
    // Offsets count from the start of the file, BOM included.
    expect(refused(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff)).message).toContain('offset 4');
  });

  it('refuses every ill-formed sequence TextDecoder refuses: overlong, surrogate, beyond U+10FFFF, truncated, stray continuation', () => {
    for (const input of [
      bytes(0xc0, 0xaf), // overlong "/"
      bytes(0xe0, 0x80, 0xaf), // overlong
      bytes(0xed, 0xa0, 0x80), // a UTF-16 surrogate
      bytes(0xf4, 0x90, 0x80, 0x80), // U+110000
      bytes(0xe1, 0xba), // truncated "ạ"
      bytes(0x41, 0x80), // a continuation byte alone
      bytes(0xf8, 0x88, 0x80, 0x80, 0x80), // five-byte form
    ]) {
      expect(refused(input).code).toBe('input/encoding');
    }
  });
});
