import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from './support/cli.js';
import { messageOf } from './support/issues.js';
import { encodeTcvn3, encodeVni, encodeWindows1258 } from './support/legacy-encoders.js';
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
    // Bytes no Vietnamese encoding explains: "not UTF-8", with the first bad byte and its offset.
    const latin = refused(bytes(0x41, 0x42, 0xff, 0x43), 'form.json');
    expect(latin.code).toBe('input/encoding');
    expect(latin.message).toContain('không phải UTF-8');
    expect(latin.message).toContain('not UTF-8');
    expect(latin.message).toContain('0xFF');
    expect(latin.message).toContain('offset 2');
    expect(latin.message.split(' / ')).toHaveLength(2);
    // Offsets count from the start of the file, BOM included.
    expect(refused(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff)).message).toContain('offset 4');
    // "Cần" in Windows-1258 is 43 E2 CC 6E: E2 starts a three-byte sequence that CC 6E does not continue.
    const cp1258 = safeDecodeUtf8(bytes(0x43, 0xe2, 0xcc, 0x6e), 'form.json');
    expect(cp1258.ok ? {} : cp1258.issues[0]!.params).toEqual({ file: 'form.json', encoding: 'Windows-1258', byte: '0xE2', offset: 1 });
    expect(cp1258.ok ? '' : cp1258.issues[0]!.message.en).toBe('file "form.json" is not UTF-8: invalid byte 0xE2 at offset 1, probably Windows-1258; save it again as UTF-8');
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

describe('safeDecodeUtf8: the encoding found is named', () => {
  const examples = readFileSync('examples/can-tho-2022/submissions.json', 'utf8');
  const csv = 'id;name;level\ncai-khe;Phường Cái Khế;commune\nphong-dien;Huyện Phong Điền;district\nninh-kieu;Quận Ninh Kiều;district\n';
  const encoders = { 'Windows-1258': encodeWindows1258, TCVN3: encodeTcvn3, VNI: encodeVni } as const;

  it.each(Object.entries(encoders))('a file saved in %s is refused naming that encoding, with the first bad byte', (encoding, encode) => {
    for (const text of [examples, csv, 'Chuyển đổi số Cần Thơ', 'Sở Thông tin và Truyền thông']) {
      const result = safeDecodeUtf8(encode(text), 'units.csv');
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0]!.params).toMatchObject({ file: 'units.csv', encoding, byte: expect.stringMatching(/^0x[0-9A-F]{2}$/), offset: expect.any(Number) });
      expect(messageOf(result.issues[0])).toContain(encoding);
    }
  });

  it.each(Object.entries(encoders))('every unit name of the examples alone, in %s, is named right', (encoding, encode) => {
    const names = (JSON.parse(examples) as { units: { name: string }[] }).units.map((unit) => unit.name);
    for (const name of names) {
      const result = safeDecodeUtf8(encode(name), 'a.txt');
      expect(result.ok ? '' : result.issues[0]!.params.encoding, name).toBe(encoding);
    }
  });

  it('bytes no encoding explains clearly are "not UTF-8", never a wrong name', () => {
    // "Kinh tế số" in TCVN3 also reads as Windows-1258 ("Kinh tƠ sè"): no name rather than a guess.
    expect(refused(encodeTcvn3('Kinh tế số')).message).toContain('not UTF-8');
    const random = new Uint8Array(4_096).map((_, i) => (i * 7919 + 13) % 251);
    expect(refused(random).code).toBe('input/encoding');
  });

  it('UTF-16 and UTF-32 without a BOM whose first character is not ASCII: told by where the zero bytes fall', () => {
    const text = 'Đơn vị;mã\nPhường An Bình;an-binh\n';
    const units = [...text].map((c) => c.codePointAt(0)!);
    const utf16le = Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8]));
    const utf16be = Uint8Array.from(units.flatMap((u) => [u >> 8, u & 0xff]));
    const utf32le = Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8, 0, 0]));
    const utf32be = Uint8Array.from(units.flatMap((u) => [0, 0, u >> 8, u & 0xff]));
    expect(refused(utf16le).message).toContain('UTF-16LE');
    expect(refused(utf16be).message).toContain('UTF-16BE');
    expect(refused(utf32le).message).toContain('UTF-32LE');
    expect(refused(utf32be).message).toContain('UTF-32BE');
    // One stray zero byte in UTF-8 text is no wide encoding (JSON.parse then refuses it).
    expect(safeDecodeUtf8(utf8('{"a":"b\u0000"}'), 'a.json').ok).toBe(true);
  });

  it('dti score names the encoding of a legacy CSV and of a UTF-16 JSON file without a BOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-encodings-'));
    const tcvn = join(dir, 'units.csv');
    writeFileSync(tcvn, encodeTcvn3(`${csv}`));
    const scored = dti('score', tcvn, '--criteria', 'can-tho@2022.1.0', '--format', 'json');
    expect(scored.code).toBe(1);
    expect((JSON.parse(scored.out) as { errors: { code: string; params: { encoding: string } }[] }).errors).toMatchObject([{ code: 'input/encoding', params: { encoding: 'TCVN3' } }]);
    const wide = join(dir, 'units.json');
    writeFileSync(wide, Uint8Array.from([...'  {"units":[]}'].flatMap((c) => [0, c.charCodeAt(0)])));
    expect(dti('validate', wide).err).toContain('UTF-16BE');
  });
});
