import { DtiError, makeIssue, type Issue, type IssueWhere, type Result } from '../errors.js';
import type { PathSegment } from '../path.js';

// The identity rules of format reference §10, in one place for JSON, CSV and workbooks: an id is compared after
// trimming and Unicode NFC; an empty id, an invisible or control character, and any character
// outside ASCII letters and digits, the Vietnamese letters, "-", "_" and "." are refused.

/** White space trimmed from both ends: Unicode's spaces and line breaks, but not the BOM, which is refused. */
const SPACE = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGE_SPACE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

/**
 * Characters no one sees: controls (C0, DEL, C1), format characters (zero-width space and joiners,
 * the BOM, bidi marks and overrides, the soft hyphen), line and paragraph separators, and the
 * other default-ignorable characters (fillers, variation selectors, tags).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\u{e0000}-\u{e0fff}]/u;

/** The Vietnamese vowels, each with its five tone marks (NFC), both cases, and đ. */
function vietnameseLetters(): Set<string> {
  const letters = new Set<string>(['đ', 'Đ']);
  for (const vowel of 'aăâeêioôơuưy') {
    for (const tone of ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
      const letter = `${vowel}${tone}`.normalize('NFC');
      letters.add(letter);
      letters.add(letter.toUpperCase());
    }
  }
  return letters;
}

const VIETNAMESE = vietnameseLetters();
const ASCII_ID = /^[A-Za-z0-9._-]$/;
/** An id made of ASCII letters, digits, "-", "_" and "." only: already trimmed, NFC and allowed (the common case, checked in one test). */
export const PLAIN_ID = /^[A-Za-z0-9._-]+$/;

/** The id of an option, item, level or group ([format reference §2](../../docs/reference/criteria-format.md#2-cấp-và-nhóm)): letters, digits, `-` and `_`, not starting with a sign. */
export const SIMPLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The ids the rules accept, as a JSON Schema `pattern` for editors: the allowed
 * characters, also decomposed (base letter and combining marks, normalised on
 * reading), with white space around. The rules themselves are checked in code.
 *
 * @internal
 */
export const ID_PATTERN = `^${SPACE}*[A-Za-z0-9._\\-${[...VIETNAMESE].join('')}\\u0300-\\u0303\\u0306\\u0309\\u031b\\u0323]+${SPACE}*$`;

/** `true` for a letter of the Vietnamese alphabet beyond ASCII (NFC: `đ`, `ạ`, `Ư`, …). @internal */
export function isVietnameseLetter(char: string): boolean {
  return VIETNAMESE.has(char);
}

/** `true` for a character an id may hold ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)). */
function allowed(char: string): boolean {
  return ASCII_ID.test(char) || VIETNAMESE.has(char);
}

/** `U+200B` for a character. */
function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The id as it is compared ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)): Unicode NFC, without the white space
 * around it. Nothing else changes (no case folding, no removal of
 * characters): whether the result is a valid id is for
 * {@link safeNormalizeId} to say.
 *
 * @example
 * ```ts
 * import { idKey } from 'dti-criteria';
 * console.log(idKey(' ninh-kie\u0302\u0300u\t') === 'ninh-kiều'); // true
 * console.log(idKey('u1\u200b').length); // 3
 * ```
 */
export function idKey(text: string): string {
  if (PLAIN_ID.test(text)) return text;
  return text.replace(EDGE_SPACE, '').normalize('NFC');
}

/**
 * The problems of one id, as coded issues at `path` (none for a valid id):
 * `id/empty`, `id/invisible` or `id/character`, the first that applies.
 * With `characters: false` only the first two are checked (for criterion
 * codes in a submission, where any other unknown code is an unknown leaf).
 *
 * @internal
 */
export function idIssues(text: string, path: string | readonly PathSegment[], where: IssueWhere = {}, characters = true): Issue[] {
  if (PLAIN_ID.test(text)) return [];
  const key = idKey(text);
  if (key === '') return [makeIssue('id/empty', path, {}, where)];
  for (const char of key) {
    if (INVISIBLE.test(char)) return [makeIssue('id/invisible', path, { id: text, character: codePoint(char) }, where)];
  }
  if (!characters) return [];
  for (const char of key) {
    if (!allowed(char)) return [makeIssue('id/character', path, { id: text, character: char, codePoint: codePoint(char) }, where)];
  }
  return [];
}

/**
 * Reads an id (a unit id, a parent unit's id, a criterion code given in a
 * submission) as [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản) says: trimmed and in Unicode NFC, so `ninh-kiều`
 * typed with combining accents and `u1 ` are `ninh-kiều` and `u1`. Refused,
 * with a coded issue at `path`: an id that is empty once trimmed
 * (`id/empty`); one holding an invisible or control character, such as a
 * zero-width space, a BOM or a bidi mark (`id/invisible`, naming it by
 * code point); one holding any character but ASCII letters and digits, the
 * letters of the Vietnamese alphabet with their tone marks, `-`, `_` and `.`
 * (`id/character`), so a look-alike (Cyrillic `а`, Icelandic `Ð` for `Đ`, a
 * full-width digit, an inner space) cannot pass for another id.
 *
 * @example
 * ```ts
 * import { safeNormalizeId } from 'dti-criteria';
 * console.log(safeNormalizeId(' Ninh-Kie\u0302\u0300u ')); // {"ok":true,"value":"Ninh-Kiều"}
 * const hidden = safeNormalizeId('u1\u200b', ['units', 0, 'id']);
 * console.log(hidden.ok ? '' : [hidden.issues[0]?.code, hidden.issues[0]?.path, hidden.issues[0]?.params.character]); // ["id/invisible","units[0].id","U+200B"]
 * const cyrillic = safeNormalizeId('\u0430n-binh');
 * console.log(cyrillic.ok ? '' : cyrillic.issues[0]?.message.en); // the id "аn-binh" holds "а" (U+0430), which ids may not hold: only ASCII and Vietnamese letters, digits, "-", "_" and "." (a look-alike from another alphabet, such as Cyrillic "а" or Icelandic "Ð", is not the same letter)
 * console.log(safeNormalizeId('  ').ok); // false
 * ```
 */
export function safeNormalizeId(text: string, path: string | readonly PathSegment[] = '$', where: IssueWhere = {}): Result<string> {
  const issues = idIssues(text, path, where);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: idKey(text) };
}

/**
 * Throwing twin of {@link safeNormalizeId}.
 *
 * @example
 * ```ts
 * import { DtiError, normalizeId } from 'dti-criteria';
 * console.log(normalizeId('phuong-an-binh ')); // phuong-an-binh
 * let code = '';
 * try { normalizeId('u\u202e1'); } catch (error) { if (error instanceof DtiError) code = error.issues[0]?.code ?? ''; }
 * console.log(code); // id/invisible
 * ```
 */
export function normalizeId(text: string): string {
  const result = safeNormalizeId(text);
  if (!result.ok) throw new DtiError(result.issues);
  return result.value;
}
