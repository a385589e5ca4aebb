// `stars`, a rule kind written outside the library with its public API only (the rule-kind contract:
// one file plus one registry line). test/extra-rule-kind.test.ts proves it flows through scoring, forms,
// CSV and workbooks; test/analysis-targets.test.ts that the analysis takes a kind without an inverse.
import * as z from 'zod';
import { Exact, formatPath, makeIssue, readExact, type RuleKind } from '../../src/index.js';

/** `stars`: a whole number of stars from 0 to `of`, worth `P × n / of`. */
export interface StarsRule { readonly kind: 'stars'; readonly of: number }

export const ZERO = Exact.scaled(0, 0);
export const ONE = Exact.scaled(1, 0);

export const starsRule: RuleKind<StarsRule, Exact, Exact> = {
  kind: 'stars',
  schema: () => z.strictObject({ kind: z.literal('stars'), of: z.number().int().min(1) }),
  scored: true,
  check: () => [],
  compile: (config) => Exact.scaled(config.of, 0),
  read(raw, of, ctx) {
    const n = typeof raw === 'number' || typeof raw === 'string' ? readExact(raw) : undefined;
    if (n === undefined || !n.isInteger() || n.isNegative()) {
      ctx.issues.push(makeIssue('value/shape', formatPath(ctx.path), { unit: ctx.unit, expected: 'whole' }));
      return undefined;
    }
    if (n.gt(of)) {
      ctx.issues.push(makeIssue('value/out-of-range', formatPath(ctx.path), { unit: ctx.unit, range: `[0, ${of.toString()}]` }));
      return undefined;
    }
    return n;
  },
  evaluate: (of, n, { max }) => ({ state: 'scored', numerator: max.times(n), denominator: of, detail: undefined }),
  explain: (of, n, _outcome, _ctx, points) => ({ vi: `${n.toString()}/${of.toString()} sao → ${points} điểm`, en: `${n.toString()}/${of.toString()} stars → ${points} points` }),
  describe: (of, max) => ({ vi: `Số sao từ 0 đến ${of.toString()}: ${max.toString()} × sao ÷ ${of.toString()}`, en: `Stars from 0 to ${of.toString()}: ${max.toString()} × stars ÷ ${of.toString()}` }),
  input: (of) => ({ type: 'number', whole: true, min: ZERO, max: of, orFraction: false, percent: false }),
};
