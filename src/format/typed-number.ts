import type { Exact } from '../exact/exact.js';
import { parseExact } from '../exact/read-exact.js';
import { percentToFraction } from './percent.js';

/** What a typed number is read against: the leaf's bounds (as data holds them) and whether it is in percent. */
export interface TypedNumberOptions {
  readonly min?: Exact | undefined;
  readonly max?: Exact | undefined;
  readonly whole?: boolean;
  /**
   * The text is a percentage (a `%` leaf where a person types): `3` and `3%`
   * mean `0.03`; the value returned, and the bounds, are fractions.
   */
  readonly percent?: boolean;
}

/**
 * A number as a person typed it, read: `value` a plain decimal string (as
 * data holds it); or why it cannot be read: not a number, or `ambiguous`
 * with the two readings it has (as typed, before any percent conversion).
 */
export type TypedNumber =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: 'not-a-number' }
  | { readonly ok: false; readonly problem: 'ambiguous'; readonly readings: readonly [string, string] };

const NOT_A_NUMBER: TypedNumber = Object.freeze({ ok: false, problem: 'not-a-number' });

/** One separator then digits: `4,5`, `4.5`, `1.000`. */
const ONE_SEPARATOR = /^(\d+)([.,])(\d+)$/;
/** Thousands groups only, with one separator repeated: `1.200.000`, `1,200,000`. */
const GROUPS = /^[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})+$/;
/** Thousands groups with one separator, then the other one before the decimals: `1.234,56`, `1,234.56`. */
const GROUPS_THEN_DECIMALS = /^([1-9]\d{0,2}(?:([.,])\d{3})+)([.,])(\d+)$/;
/** A whole part that can be the first thousands group. */
const FIRST_GROUP = /^[1-9]\d{0,2}$/;

/** `digits` without the leading zeros of its whole part (`"007.50"` → `"7.50"`). */
function plain(sign: string, whole: string, decimals: string | undefined): string {
  const stripped = whole.replace(/^0+(?=\d)/, '');
  return `${sign}${stripped}${decimals === undefined ? '' : `.${decimals}`}`;
}

/**
 * Reads a number as a person types it, where people type (the portal, a
 * workbook's text cells, a CSV file read with `--locale vi`): the Vietnamese
 * convention (`1.234,5`, `4,5`, `1.200.000`) and the English one (`1,234.5`,
 * `4.5`) alike, full-width digits and a typographic minus too. Every digit is
 * kept (no binary float).
 *
 * A text whose separator can be a decimal point or a thousands separator
 * (`1.000`: one, or a thousand?) is read both ways; when both readings fit
 * the leaf (its bounds, whole or not) it is `ambiguous`, never a guess; when
 * only one fits, that one is taken (`1.000` on a `%` field typed from 0 to
 * 100 can only be 1).
 *
 * @example
 * ```ts
 * import { readExact, readTypedNumber } from 'dti-criteria';
 * console.log(readTypedNumber('4,5')); // {"ok":true,"value":"4.5"}
 * console.log(readTypedNumber('1.234.567,8')); // {"ok":true,"value":"1234567.8"}
 * console.log(readTypedNumber('1.000')); // {"ok":false,"problem":"ambiguous","readings":["1.000","1000"]}
 * console.log(readTypedNumber('1.000', { percent: true, min: readExact(0), max: readExact(1) })); // {"ok":true,"value":"0.01"}
 * console.log(readTypedNumber('３%', { percent: true })); // {"ok":true,"value":"0.03"}
 * console.log(readTypedNumber('1.5e3')); // {"ok":false,"problem":"not-a-number"}
 * ```
 */
export function readTypedNumber(text: string, options: TypedNumberOptions = {}): TypedNumber {
  let body = text.normalize('NFKC').trim();
  if (options.percent && body.endsWith('%')) body = body.slice(0, -1).trimEnd();
  let sign = '';
  if (/^[-\u2212]/.test(body)) {
    sign = '-';
    body = body.slice(1);
  }
  const readings = candidates(sign, body);
  if (readings === undefined) return NOT_A_NUMBER;
  const values = readings.map((reading) => (options.percent ? percentToFraction(reading) : reading) ?? reading);
  if (values.length === 1) return { ok: true, value: values[0]! };
  const fitting = values.filter((value) => fits(value, options));
  if (fitting.length === 1) return { ok: true, value: fitting[0]! };
  return { ok: false, problem: 'ambiguous', readings: [readings[0]!, readings[1]!] };
}

/** The plain decimals a text can mean: one, or two for `1.000` (decimal first); `undefined` when none. */
function candidates(sign: string, body: string): string[] | undefined {
  if (/^\d+$/.test(body)) return [plain(sign, body, undefined)];
  const one = ONE_SEPARATOR.exec(body);
  if (one) {
    const [, whole, , decimals] = one as unknown as [string, string, string, string];
    const decimal = plain(sign, whole, decimals);
    return FIRST_GROUP.test(whole) && decimals.length === 3 ? [decimal, plain(sign, `${whole}${decimals}`, undefined)] : [decimal];
  }
  if (GROUPS.test(body)) return [plain(sign, body.replace(/[.,]/g, ''), undefined)];
  const grouped = GROUPS_THEN_DECIMALS.exec(body);
  if (grouped && grouped[2] !== grouped[3]) return [plain(sign, grouped[1]!.replace(/[.,]/g, ''), grouped[4])];
  return undefined;
}

function fits(value: string, { min, max, whole }: TypedNumberOptions): boolean {
  const x = parseExact(value);
  if (x === undefined) return false;
  return (!whole || x.isInteger()) && (min === undefined || !x.lt(min)) && (max === undefined || !x.gt(max));
}
