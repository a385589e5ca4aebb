import * as z from 'zod';
import { SCORED_ZERO, scoredAs, show, valueIssue } from './shared.js';
import type { InputShape } from './input-shape.js';
import type { RuleKind } from './types.js';

/** `boolean`: `true` earns `P`, `false` earns 0. */
export interface BooleanRule { readonly kind: 'boolean' }

const YES_NO: InputShape = Object.freeze({ type: 'yes-no' });

export const booleanRule: RuleKind<BooleanRule, null, boolean> = {
  kind: 'boolean',
  schema: () => z.strictObject({ kind: z.literal('boolean') }),
  scored: true,
  // Worth P or 0: scaling P scales it.
  scale: (config) => config,
  check: () => [],
  input: () => YES_NO,
  compile: () => null,
  read(raw, _compiled, ctx) {
    if (typeof raw === 'boolean') return raw;
    return valueIssue(ctx, 'value/shape', { expected: 'boolean' });
  },
  evaluate: (_compiled, value, { max }) => (value ? scoredAs(max) : SCORED_ZERO),
  explain: (_compiled, value, _outcome, _ctx, points) =>
    value ? { vi: `Đạt → ${points} điểm`, en: `Yes → ${points} points` } : { vi: `Không đạt → ${points} điểm`, en: `No → ${points} points` },
  describe: (_compiled, max) => ({ vi: `Có: ${show(max)} điểm; không: 0 điểm`, en: `Yes: ${show(max)} points; no: 0 points` }),
};
