import { readNumberCell, type CsvLocale } from './numbers.js';
import type { TypedNumberOptions } from '../format/typed-number.js';

/**
 * The text of a cell as it is read: surrounding white space removed and
 * Unicode normalized to NFC (so a `có` typed with a combining accent equals
 * the precomposed one). Inner line breaks and spaces are kept.
 *
 * @example
 * ```ts
 * import { cellText } from 'dti-criteria/csv';
 * console.log(JSON.stringify(cellText('  Phường\nAn Bình \t'))); // "Phường\nAn Bình"
 * ```
 */
export function cellText(raw: string): string {
  return raw.trim().normalize('NFC');
}

/**
 * `true` when a cell says "not applicable": `n/a` in any case (`N/A`, `n/A`).
 *
 * @example
 * ```ts
 * import { isNotApplicableCell } from 'dti-criteria/csv';
 * console.log(isNotApplicableCell('N/A')); // true
 * console.log(isNotApplicableCell('na')); // false
 * ```
 */
export function isNotApplicableCell(text: string): boolean {
  return text.toLowerCase() === 'n/a';
}

const TRUE_WORDS = new Set(['true', '1', 'x', 'yes', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);

/**
 * The words a yes/no cell may hold, for messages.
 *
 * @example
 * ```ts
 * import { BOOLEAN_WORDS } from 'dti-criteria/csv';
 * console.log(BOOLEAN_WORDS); // "true/false, 1/0, yes/no, có/không, x"
 * ```
 */
export const BOOLEAN_WORDS = 'true/false, 1/0, yes/no, có/không, x';

/**
 * The `expected` id of `value/shape` for a yes/no cell (the words of {@link BOOLEAN_WORDS}).
 *
 * @example
 * ```ts
 * import { BOOLEAN_CELL } from 'dti-criteria/csv';
 * import { formatIssue, makeIssue } from 'dti-criteria';
 * console.log(formatIssue(makeIssue('value/shape', 'B7', { expected: BOOLEAN_CELL }), 'en')); // B7: wrong value shape, expected yes or no (true/false, 1/0, yes/no, có/không, x) [value/shape]
 * ```
 */
export const BOOLEAN_CELL = 'boolean-word';

/**
 * Reads a yes/no cell, case-insensitively: `true`/`false`, `1`/`0`,
 * `yes`/`no`, `có`/`không` (also typed without accents, `co`/`khong`), and `x`
 * for a tick. Returns `undefined` for anything else (the empty cell included:
 * the caller decides what empty means).
 *
 * @example
 * ```ts
 * import { parseBooleanCell } from 'dti-criteria/csv';
 * console.log(parseBooleanCell('Có')); // true
 * console.log(parseBooleanCell('FALSE')); // false
 * console.log(parseBooleanCell('x')); // true
 * console.log(parseBooleanCell('maybe')); // undefined
 * ```
 */
export function parseBooleanCell(text: string): boolean | undefined {
  const word = cellText(text).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** How a scalar leaf's cell is converted, by rule kind. */
export type ScalarInput = 'boolean' | 'number' | 'text';

/** A converted cell: its value, or what was expected when it cannot be converted. */
export type CellReading =
  | { readonly ok: true; readonly value: string | boolean }
  | {
      readonly ok: false;
      readonly expected: string;
      /** A number that reads two ways for the leaf (`1.000`): both readings, as typed. */
      readonly readings?: readonly [string, string];
    };

/**
 * What a number cell must look like in `locale`, for messages (Vietnamese and
 * as the `expected` id of `value/shape`: `decimal-vi` (`1.234,5`) or `decimal-en` (`1234.5`).
 *
 * @example
 * ```ts
 * import { expectedNumber } from 'dti-criteria/csv';
 * console.log(expectedNumber('vi')); // decimal-vi
 * ```
 */
export function expectedNumber(locale: CsvLocale): string {
  return locale === 'vi' ? 'decimal-vi' : 'decimal-en';
}

/**
 * Converts the (non-empty, not `n/a`) text of a scalar cell: a yes/no word to
 * a boolean, a number to a plain decimal string (exact, see
 * {@link readNumberCell}; `bounds` are the leaf's, which tell the readings of
 * an ambiguous `1.000` apart under `vi`), anything else (an option id, an
 * `info` note) to its trimmed text.
 *
 * @example
 * ```ts
 * import { readScalarCell } from 'dti-criteria/csv';
 * console.log(readScalarCell('4,5', 'number', 'vi')); // {"ok":true,"value":"4.5"}
 * console.log(readScalarCell('có', 'boolean', 'en')); // {"ok":true,"value":true}
 * console.log(readScalarCell('abc', 'number', 'en').ok); // false
 * console.log(readScalarCell('1.000', 'number', 'vi')); // {"ok":false,"expected":"decimal-vi","readings":["1.000","1000"]}
 * ```
 */
export function readScalarCell(text: string, input: ScalarInput, locale: CsvLocale, bounds: TypedNumberOptions = {}): CellReading {
  const clean = cellText(text);
  switch (input) {
    case 'boolean': {
      const value = parseBooleanCell(clean);
      return value === undefined ? { ok: false, expected: BOOLEAN_CELL } : { ok: true, value };
    }
    case 'number': {
      const reading = readNumberCell(clean, locale, bounds);
      if (reading.ok) return { ok: true, value: reading.value };
      return reading.problem === 'ambiguous' ? { ok: false, expected: expectedNumber(locale), readings: reading.readings } : { ok: false, expected: expectedNumber(locale) };
    }
    case 'text':
      return { ok: true, value: clean };
  }
}
