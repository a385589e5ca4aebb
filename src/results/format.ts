import type { GeneratorStamp } from '../scoring/result-types.js';

/**
 * The results format this version of the library writes and reads
 * ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): `1`, the first key of every report. A file without `format` is
 * format 0, the layout written before `format` and `generator` existed; it is
 * still read. A file with a higher format is refused (`results/format-version`).
 *
 * @example
 * ```ts
 * import { RESULTS_FORMAT } from 'dti-criteria';
 * console.log(RESULTS_FORMAT); // 1
 * ```
 */
export const RESULTS_FORMAT = 1;

/**
 * The `generator` given to a format-0 file when it is read (format 0 has no
 * generator stamp): which program scored it is not known.
 *
 * @example
 * ```ts
 * import { parseScoreReport, scoreBatch, UNKNOWN_GENERATOR } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const { format, generator, ...formatZero } = scoreBatch(criteria, { units: [] });
 * const read = parseScoreReport(formatZero, criteria);
 * console.log([read.format, read.generator === UNKNOWN_GENERATOR]); // [1,true]
 * ```
 */
export const UNKNOWN_GENERATOR: GeneratorStamp = Object.freeze({ name: 'unknown', version: 'unknown' });

/** What a results file's `format` field says. */
export type FormatReading =
  /** A format this library reads: 0 (no `format` field) or 1. */
  | { readonly kind: 'known'; readonly format: 0 | 1 }
  /** A whole number above {@link RESULTS_FORMAT}: a newer layout, refused. */
  | { readonly kind: 'newer'; readonly format: number }
  /** Anything else (`"1"`, `0`, `1.5`): the schema reports it. */
  | { readonly kind: 'invalid' };

/** Reads the `format` field of a results file (an object). */
export function readFormat(data: Readonly<Record<string, unknown>>): FormatReading {
  if (!Object.prototype.hasOwnProperty.call(data, 'format')) return { kind: 'known', format: 0 };
  const format = data.format;
  if (format === RESULTS_FORMAT) return { kind: 'known', format: RESULTS_FORMAT };
  if (typeof format === 'number' && Number.isSafeInteger(format) && format > RESULTS_FORMAT) return { kind: 'newer', format };
  return { kind: 'invalid' };
}
