import * as z from 'zod';
import { isPlainDecimalString } from '../decimal.js';

/** The tag of the schema's own issues, which carry a library issue code and its parameters. */
export const RESULTS_ISSUE = 'dtiResults';

/** The parameters of a schema issue tagged with {@link RESULTS_ISSUE}. */
export type TaggedParams =
  | { readonly [RESULTS_ISSUE]: 'schema/decimal' }
  | { readonly [RESULTS_ISSUE]: 'results/decimal-places'; readonly places: number };

const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;

/** The number of decimals written in a plain decimal string. */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A published decimal: a plain decimal string (`"812.50"`, never `"-0.00"`,
 * `"8.125e2"` or a JSON number) with exactly `places` decimals. The sign is
 * not checked here: where a figure must not be negative, the consistency
 * checks say so with the figure's range.
 */
export function fixedDecimalSchema(places: number): z.ZodType<string> {
  let schema = fixedDecimals.get(places);
  if (schema === undefined) {
    schema = fixedDecimal(places);
    fixedDecimals.set(places, schema);
  }
  return schema;
}

/** One schema per number of decimals (a results file has two: points and index values). */
const fixedDecimals = new Map<number, z.ZodType<string>>();

function fixedDecimal(places: number): z.ZodType<string> {
  return z.string().superRefine((text, ctx) => {
    if (!isPlainDecimalString(text) || NEGATIVE_ZERO.test(text)) {
      const params: TaggedParams = { [RESULTS_ISSUE]: 'schema/decimal' };
      ctx.addIssue({ code: 'custom', message: 'not a plain decimal string', params });
    } else if (decimalPlaces(text) !== places) {
      const params: TaggedParams = { [RESULTS_ISSUE]: 'results/decimal-places', places };
      ctx.addIssue({ code: 'custom', message: `expected exactly ${places} decimal places`, params });
    }
  });
}
