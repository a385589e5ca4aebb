import type { z } from 'zod';
import type { Dec } from '../decimal.js';
import type { Issue } from '../errors.js';
import type { Localized } from '../format/localized.js';
import type { PathSegment } from '../path.js';
import type { Exact } from '../scoring/fast/exact.js';

/** Where a value is being read: the unit it belongs to and its JSON path, plus the sink for problems. */
export interface ValueContext {
  readonly unit: string;
  readonly path: readonly PathSegment[];
  /** The leaf's points `P` at the unit's level (`appraised` checks `p <= P`). */
  readonly max: Dec;
  readonly issues: Issue[];
}

/** Cohort-wide facts a rule may need (the `relative` rule's best value). */
export interface EvalContext {
  /** Largest value in the unit's cohort for this leaf, for `relative` rules. */
  readonly best?: Dec;
}

/** What the exact integer fast path knows of a leaf for one unit. */
export interface FastContext {
  /** The leaf's points `P` at the unit's level. */
  readonly max: Exact;
  /** Decimals the points are rounded to (the set's `rounding.points`). */
  readonly places: number;
  /** Largest value in the unit's cohort for this leaf, for `relative` rules. */
  readonly best: Exact | undefined;
}

/** The exact outcome of one rule on one value, before the single rounding. */
export type Evaluation =
  | {
      readonly state: 'scored';
      /** Exact points are `numerator / denominator` (denominator > 0). */
      readonly numerator: Dec;
      readonly denominator: Dec;
      /** Builds the explanation once the rounded points are known. */
      readonly explain: (points: string) => Localized;
    }
  | {
      readonly state: 'not-applicable';
      /** Builds the reason, only when explanations are wanted. */
      readonly reason: () => Localized;
    };

/**
 * One rule kind: its config schema, config checks, value reader and evaluator.
 * A new kind is one file implementing this plus one line in the registry.
 */
export interface RuleKind<Config extends { readonly kind: string }, Compiled, Value> {
  readonly kind: Config['kind'];
  /** Strict zod schema of the rule object (unknown keys rejected). */
  readonly schema: z.ZodType;
  /** `false` only for `info`: recorded, never scored, no points. */
  readonly scored: boolean;
  /** Cross-field checks against the leaf's points per level (e.g. a band worth more than `P`). */
  check(config: Config, maxByLevel: ReadonlyMap<string, Dec>, path: readonly PathSegment[]): Issue[];
  /** Converts the config's decimals once, for fast repeated evaluation. */
  compile(config: Config): Compiled;
  /** Reads a unit's value; returns `undefined` after pushing at least one issue. */
  read(raw: unknown, compiled: Compiled, ctx: ValueContext): Value | undefined;
  /** Exact points for `value` on a leaf worth `max`. */
  evaluate(compiled: Compiled, value: Value, max: Dec, ctx: EvalContext): Evaluation;
  /**
   * The exact integer fast path of {@link RuleKind.evaluate}: the points it
   * gives, rounded once, half-up, to `ctx.places` decimals, as a whole number
   * of `10^-places`, computed with safe integers only. Returns
   * `FAST_NOT_APPLICABLE` (-1) where `evaluate` says not applicable, and `NaN`
   * where an input has no safe-integer form or a step might not fit: the
   * caller then runs `evaluate`. Must agree with `evaluate` exactly
   * (test/fast-path.test.ts). Optional: a kind without it is always evaluated with decimal.js.
   *
   * @internal
   */
  fastEvaluate?(compiled: Compiled, value: Value, ctx: FastContext): number;
  /** The rule in words, for forms and reports. */
  describe(compiled: Compiled, max: Dec): Localized;
}
