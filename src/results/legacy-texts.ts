import type { Localized } from '../format/localized.js';

/** A number as the Vietnamese texts write it (`formatNumber`): thousands dots, a decimal comma. */
const VIETNAMESE_NUMBER = /(?<![\p{L}\p{N}.,])(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?!\p{N})/gu;

/**
 * A Vietnamese explanation as versions 0.1 wrote it, before the texts for
 * people wrote Vietnamese numbers (`16,00`, `1.000,00`): numbers as data
 * holds them (`16.00`, `1000.00`), and a comma where the Vietnamese texts now
 * put a semicolon after a number (`= 19.5, tối đa 15`, `[0, 1]`). Text in
 * double quotes (an option's or item's label) is left as it is.
 */
export function legacyVietnamese(text: string): string {
  return text
    .split(/("[^"]*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(VIETNAMESE_NUMBER, (_all, sign: string, whole: string, decimals: string | undefined) => `${sign}${whole.replace(/\./g, '')}${decimals === undefined ? '' : `.${decimals}`}`)
        .replace(/(\d%?); (tối đa|giới hạn) /g, '$1, $2 ')
        .replace(/\[0; 1\]/g, '[0, 1]')
        .replace(/ được 0 điểm; /g, ' được 0 điểm, ');
    })
    .join('');
}

/**
 * Whether a published explanation says what ours says: the same texts, or
 * ours as versions 0.1 wrote their Vietnamese (see {@link legacyVietnamese}),
 * so that a results file published then still verifies.
 */
export function sameExplanation(published: unknown, ours: unknown): boolean {
  if (typeof published !== 'object' || published === null || typeof ours !== 'object' || ours === null) return false;
  const [theirs, mine] = [published as Partial<Localized>, ours as Partial<Localized>];
  if (theirs.en !== mine.en || typeof theirs.vi !== 'string' || typeof mine.vi !== 'string') return false;
  return theirs.vi === mine.vi || theirs.vi === legacyVietnamese(mine.vi);
}
