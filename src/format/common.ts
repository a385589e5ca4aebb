import * as z from 'zod';
import { readDecimal } from '../decimal.js';
import { coded, codedPattern } from './coded.js';
import { SIMPLE_ID } from './identity.js';
import { once } from './once.js';

/** Pattern of a decimal written as a JSON string (`"12.5"`, `"0.8"`). */
export const DECIMAL_PATTERN = '^-?\\d+(\\.\\d+)?$';

/**
 * The schemas of the fields every format shares, built on first use (see
 * {@link once}): a decimal, a non-negative decimal, localized text, the ids,
 * codes, versions and dates.
 *
 * @internal
 */
export const commonSchemas = once(() => {
  /** A decimal: a plain decimal string or a finite JSON number, read exactly. */
  const decimal = z
    .union([codedPattern(z.string(), new RegExp(DECIMAL_PATTERN), 'schema/decimal'), z.number()])
    .refine((value) => readDecimal(value) !== undefined, coded('schema/decimal'))
    .meta({ description: 'Số thập phân: chuỗi thập phân viết thường ("12.5") hoặc số JSON / Decimal: a plain decimal string ("12.5") or a JSON number' });
  return {
    decimal,
    /** A decimal that must not be negative. */
    nonNegativeDecimal: decimal.refine((value) => !readDecimal(value)?.isNeg(), { ...coded('rule/negative') }),
    /** Localized text: Vietnamese required, English optional. */
    localized: z
      .strictObject({
        vi: z.string().min(1).meta({ description: 'Tiếng Việt, không để trống / Vietnamese, not empty' }),
        en: z.string().min(1).optional().meta({ description: 'Tiếng Anh, không để trống khi có ghi / English, not empty when given' }),
      })
      .meta({ description: 'Văn bản song ngữ / Localized text: { "vi": "...", "en": "..." }' }),
    /** Lowercase kebab-case id (`can-tho`, `xuat-sac`). */
    kebabId: codedPattern(z.string(), /^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'schema/format', { format: 'kebab-id' }),
    /** Id of an option, item, level or group: letters, digits, `-` and `_`. */
    id: codedPattern(z.string(), SIMPLE_ID, 'schema/format', { format: 'id' }),
    /** Dotted node code (`CQS`, `CQS.1`, `CQS.1.2`). */
    code: codedPattern(z.string(), /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/, 'schema/format', { format: 'code' }),
    /** `YEAR.MAJOR.MINOR`. */
    version: codedPattern(z.string(), /^\d{4}\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/, 'schema/version'),
    /** A real date `YYYY-MM-DD`. */
    date: codedPattern(z.string(), /^\d{4}-\d{2}-\d{2}$/, 'schema/date').refine(isIsoDate, coded('schema/date')),
  };
});

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

