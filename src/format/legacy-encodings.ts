/**
 * Which legacy Vietnamese encoding bytes that are not UTF-8 were most likely
 * written in: Windows-1258, TCVN3 (ABC) or VNI. Used only to name the
 * encoding in an error; nothing is ever decoded with these tables into data.
 *
 * Each candidate's table turns the bytes into text; the words with a
 * non-ASCII letter are checked against the shape of a Vietnamese syllable
 * (an initial consonant, a vowel group of the language, a final consonant
 * where the group allows one, at most one tone mark). A reading counts when
 * at least four in five of those words (and of the bytes the encoding would
 * not write) read so; the one with the most syllables over failures, alone
 * at the top, is the guess. Otherwise there is none: better no name than a
 * wrong one.
 */

/** The encodings guessed, as `input/encoding` names them. */
export type LegacyEncoding = 'Windows-1258' | 'TCVN3' | 'VNI';

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** A byte of a one-byte table: a character, or `undefined` for a byte no Vietnamese text uses. */
type Table = readonly (string | undefined)[];

function table(entries: Readonly<Record<number, string>>): Table {
  const out: (string | undefined)[] = [];
  for (let byte = 0; byte < 0x80; byte += 1) out.push(String.fromCharCode(byte));
  for (let byte = 0x80; byte < 0x100; byte += 1) out.push(entries[byte]);
  return out;
}

/** Windows-1258: Latin-1 letters, with five tone marks as combining bytes. */
const CP1258 = table({
  0xc0: 'À', 0xc1: 'Á', 0xc2: 'Â', 0xc3: 'Ă', 0xc8: 'È', 0xc9: 'É', 0xca: 'Ê', 0xcc: GRAVE, 0xcd: 'Í', 0xd0: 'Đ', 0xd2: HOOK,
  0xd3: 'Ó', 0xd4: 'Ô', 0xd5: 'Ơ', 0xd9: 'Ù', 0xda: 'Ú', 0xdd: 'Ư', 0xde: TILDE, 0xe0: 'à', 0xe1: 'á', 0xe2: 'â', 0xe3: 'ă',
  0xe8: 'è', 0xe9: 'é', 0xea: 'ê', 0xec: ACUTE, 0xed: 'í', 0xf0: 'đ', 0xf2: DOT, 0xf3: 'ó', 0xf4: 'ô', 0xf5: 'ơ', 0xf9: 'ù',
  0xfa: 'ú', 0xfd: 'ư',
});

/** `letters` on the bytes from `start` on, `_` for a byte left unused. */
function run(start: number, letters: string): Record<number, string> {
  const out: Record<number, string> = {};
  [...letters].forEach((letter, i) => {
    if (letter !== '_') out[start + i] = letter;
  });
  return out;
}

/** TCVN3 (TCVN 5712:1993, the ABC fonts): one byte per lower-case letter, seven capitals. */
const TCVN3 = table({
  ...run(0xa1, 'ĂÂÊÔƠƯĐăâêôơưđ'),
  ...run(0xb5, 'àảãáạ_ằẳẵắ'),
  ...run(0xc6, 'ặầẩẫấậè_ẻẽéẹềểễếệìỉ___ĩíịò_ỏõóọồổỗốộờởỡớợù_ủũúụừửữứựỳỷỹýỵ'),
});

/**
 * VNI (VNI-Windows fonts): a letter is an ASCII vowel followed by a byte for
 * its marks, or a byte of its own (đ, ơ, ư and the toned i's); capitals use
 * the same bytes less 0x20.
 */
const VNI_MARKS: Readonly<Record<number, string>> = {
  0xf9: ACUTE, 0xf8: GRAVE, 0xfb: HOOK, 0xf5: TILDE, 0xef: DOT,
  0xe2: CIRCUMFLEX, 0xe1: CIRCUMFLEX + ACUTE, 0xe0: CIRCUMFLEX + GRAVE, 0xe5: CIRCUMFLEX + HOOK, 0xe3: CIRCUMFLEX + TILDE, 0xe4: CIRCUMFLEX + DOT,
  0xea: BREVE, 0xe9: BREVE + ACUTE, 0xe8: BREVE + GRAVE, 0xfa: BREVE + HOOK, 0xfc: BREVE + TILDE, 0xeb: BREVE + DOT,
};
const VNI_LETTERS: Readonly<Record<number, string>> = { 0xf1: 'đ', 0xf4: 'ơ', 0xf6: 'ư', 0xed: 'í', 0xec: 'ì', 0xe6: 'ỉ', 0xf3: 'ĩ', 0xf2: 'ị', 0xee: 'ỵ' };

function vniByte(byte: number): { readonly mark?: string; readonly letter?: string } {
  const lower = byte >= 0xc0 && byte < 0xe0 ? byte + 0x20 : byte;
  const letter = VNI_LETTERS[lower];
  if (letter !== undefined) return { letter: lower === byte ? letter : letter.toUpperCase() };
  const mark = VNI_MARKS[lower];
  return mark === undefined ? {} : { mark };
}

/** Marker for a byte that the encoding would not produce in Vietnamese text: it breaks the word and counts against. */
const FOREIGN = '\u0000';

function decodeTable(bytes: Uint8Array, map: Table): string {
  let out = '';
  for (const byte of bytes) out += map[byte] ?? FOREIGN;
  return out;
}

/** The letters a VNI mark byte sits on. */
const MARKED = 'aeiouyAEIOUYơưƠƯ';

function decodeVni(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      continue;
    }
    const { mark, letter } = vniByte(byte);
    // A mark follows the letter it sits on: an ASCII vowel, or ơ / ư.
    if (mark !== undefined && MARKED.includes(out.charAt(out.length - 1))) out += mark;
    else out += letter ?? FOREIGN;
  }
  return out;
}

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?';
const CODA = '(?:ch|ng|nh|[cmnpt])';
const group = (vowels: string): string => `(?:${vowels.split(' ').sort((a, b) => b.length - a.length).join('|')})`;
/** Vowel groups that may end a syllable or take a final consonant. */
const OPEN = group('a e ê i o ô ơ u ư y uy oa oe uê');
/** Vowel groups that need a final consonant. */
const NEEDS_CODA = group('ă â iê yê uô ươ oă uâ uyê');
/** Vowel groups ending in a glide: nothing may follow. */
const CLOSED = group('ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa uơ oai oao oay oeo uây uôi ươi ươu iêu yêu uya uyu');
const SYLLABLE = new RegExp(`^${ONSET}(?:${OPEN}${CODA}?|${NEEDS_CODA}${CODA}|${CLOSED})$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** `true` when `word` (lower case, NFC) has the shape of one Vietnamese syllable. */
function isSyllable(word: string): boolean {
  const bare = word.normalize('NFD');
  const tones = bare.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(bare.replace(TONES, '').normalize('NFC'));
}

/** How a reading fares: words that read as Vietnamese syllables, and words that do not plus bytes the encoding does not use. */
interface Reading {
  readonly good: number;
  readonly bad: number;
}

function reading(text: string): Reading {
  let good = 0;
  let bad = 0;
  for (const word of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    if (!/[^\u0000-\u007f]/.test(word)) continue;
    if (isSyllable(word)) good += 1;
    else bad += 1;
  }
  for (const c of text) if (c === FOREIGN) bad += 1;
  return { good, bad };
}

/** Bytes looked at for a guess: enough for any real file's words, bounded for a huge one. */
const SAMPLE = 65_536;

/**
 * The legacy Vietnamese encoding `bytes` (not UTF-8) were most likely written
 * in, or `undefined` when no reading is clearly Vietnamese.
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | undefined {
  const sample = bytes.subarray(0, SAMPLE);
  const readings: readonly (readonly [LegacyEncoding, Reading])[] = [
    ['Windows-1258', reading(decodeTable(sample, CP1258))],
    ['TCVN3', reading(decodeTable(sample, TCVN3))],
    ['VNI', reading(decodeVni(sample))],
  ];
  // A reading counts when at least four in five of its words and bytes read as Vietnamese.
  const ranked = readings
    .filter(([, r]) => r.good > 0 && r.bad * 4 <= r.good)
    .map(([encoding, r]) => [encoding, r.good - r.bad] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best !== undefined && (second === undefined || best[1] > second[1]) ? best[0] : undefined;
}
