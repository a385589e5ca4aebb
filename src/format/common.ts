import { z } from 'zod';
import { readDecimal } from '../decimal.js';

/** Pattern of a decimal written as a JSON string (`"12.5"`, `"0.8"`). */
export const DECIMAL_PATTERN = '^-?\\d+(\\.\\d+)?$';

/** A decimal: a plain decimal string or a finite JSON number, read exactly. */
export const decimalSchema = z
  .union([z.string().regex(new RegExp(DECIMAL_PATTERN), { error: 'schema/decimal' }), z.number()])
  .refine((value) => readDecimal(value) !== undefined, { error: 'schema/decimal' })
  .meta({ description: 'Decimal: a plain decimal string ("12.5") or a JSON number / Số thập phân' });

/** A decimal that must not be negative. */
export const nonNegativeDecimalSchema = decimalSchema.refine((value) => !readDecimal(value)?.isNeg(), {
  error: 'rule/negative',
});

/** Localized text: Vietnamese required, English optional. */
export const localizedSchema = z
  .strictObject({ vi: z.string().min(1), en: z.string().min(1).optional() })
  .meta({ description: 'Localized text / Văn bản song ngữ: { "vi": "...", "en": "..." }' });

/** Lowercase kebab-case id (`can-tho`, `xuat-sac`). */
export const kebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'schema/format|chữ thường, số và dấu gạch nối, ví dụ "can-tho" (lowercase kebab-case)' });

/** Id of an option, item, level or group: letters, digits, `-` and `_`. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'schema/format|chữ, số, "-" hoặc "_", ví dụ "department", "A" (letters, digits, - and _)' });

/** Dotted node code (`CQS`, `CQS.1`, `CQS.1.2`). */
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/, { error: 'schema/format|mã phân cấp bằng dấu chấm, ví dụ "CQS.1.2" (dotted code)' });

/** `YEAR.MAJOR.MINOR`. */
export const versionSchema = z.string().regex(/^\d{4}\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/, { error: 'schema/version' });

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real date `YYYY-MM-DD`. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'schema/date' })
  .refine(isIsoDate, { error: 'schema/date' });
