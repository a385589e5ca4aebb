// Encoders for the legacy Vietnamese encodings, for tests: text as an old program would have saved it.
// Windows-1258 comes from the platform's own decoder; TCVN3 and VNI from their published tables.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

const cp1258Decoder = new TextDecoder('windows-1258');
const CP1258 = new Map<string, number>();
for (let byte = 0; byte < 0x100; byte += 1) {
  const char = cp1258Decoder.decode(Uint8Array.of(byte));
  if (char !== '\uFFFD' && !CP1258.has(char)) CP1258.set(char, byte);
}

/** `text` in Windows-1258: the letters it has, the tone marks as combining bytes (as Windows writes them). */
export function encodeWindows1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const byte = CP1258.get(char);
    if (byte !== undefined) {
      out.push(byte);
      continue;
    }
    const parts = char.normalize('NFD');
    const tone = TONES.exec(parts)?.[0];
    const base = CP1258.get(parts.replace(TONES, '').normalize('NFC'));
    if (tone === undefined || base === undefined) throw new Error(`no Windows-1258 for ${char}`);
    out.push(base, CP1258.get(tone)!);
  }
  return Uint8Array.from(out);
}

const TCVN3_LETTERS = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const TCVN3_BYTES = [
  0xb5, 0xb8, 0xb6, 0xb7, 0xb9, 0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6, 0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb, 0xae, 0xcc, 0xd0, 0xce, 0xcf, 0xd1,
  0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6, 0xd7, 0xdd, 0xd8, 0xdc, 0xde, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4, 0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9,
  0xac, 0xea, 0xed, 0xeb, 0xec, 0xee, 0xef, 0xf3, 0xf1, 0xf2, 0xf4, 0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe,
  0xa1, 0xa2, 0xa7, 0xa3, 0xa4, 0xa5, 0xa6,
];
const TCVN3 = new Map([...TCVN3_LETTERS].map((letter, i) => [letter, TCVN3_BYTES[i]!] as const));

/** `text` in TCVN3 (ABC): capitals with marks are written with the lower-case byte (the capital font shows them). */
export function encodeTcvn3(text: string): Uint8Array {
  return Uint8Array.from([...text.normalize('NFC')].map((char) => {
    if (char.charCodeAt(0) < 0x80) return char.charCodeAt(0);
    const byte = TCVN3.get(char) ?? TCVN3.get(char.toLowerCase());
    if (byte === undefined) throw new Error(`no TCVN3 for ${char}`);
    return byte;
  }));
}

const VNI_TONE: Readonly<Record<string, number>> = { '\u0301': 0xf9, '\u0300': 0xf8, '\u0309': 0xfb, '\u0303': 0xf5, '\u0323': 0xef };
const VNI_CIRCUMFLEX: Readonly<Record<string, number>> = { '': 0xe2, '\u0301': 0xe1, '\u0300': 0xe0, '\u0309': 0xe5, '\u0303': 0xe3, '\u0323': 0xe4 };
const VNI_BREVE: Readonly<Record<string, number>> = { '': 0xea, '\u0301': 0xe9, '\u0300': 0xe8, '\u0309': 0xfa, '\u0303': 0xfc, '\u0323': 0xeb };
const VNI_I: Readonly<Record<string, number>> = { '\u0300': 0xec, '\u0301': 0xed, '\u0309': 0xe6, '\u0303': 0xf3, '\u0323': 0xf2 };

/** `text` in VNI-Windows: an ASCII letter and a byte for its marks, or a byte of its own; capitals 0x20 lower. */
export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    const upper = char !== char.toLowerCase();
    const shift = upper ? -0x20 : 0;
    const parts = char.toLowerCase().normalize('NFD');
    const base = parts[0]!;
    const tone = TONES.exec(parts)?.[0] ?? '';
    const caseOf = (letter: string): number => (upper ? letter.toUpperCase() : letter).charCodeAt(0);
    if (parts === 'đ') out.push(0xf1 + shift);
    else if (base === 'i' && tone !== '') out.push(VNI_I[tone]! + shift);
    else if (base === 'y' && tone === '\u0323') out.push(0xee + shift);
    else if (parts.includes('\u031b')) out.push((base === 'o' ? 0xf4 : 0xf6) + shift, ...(tone ? [VNI_TONE[tone]! + shift] : []));
    else if (parts.includes('\u0302')) out.push(caseOf(base), VNI_CIRCUMFLEX[tone]! + shift);
    else if (parts.includes('\u0306')) out.push(caseOf(base), VNI_BREVE[tone]! + shift);
    else if (tone !== '') out.push(caseOf(base), VNI_TONE[tone]! + shift);
    else throw new Error(`no VNI for ${char}`);
  }
  return Uint8Array.from(out);
}
