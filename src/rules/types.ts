import type * as z from 'zod';
import type { Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import type { Localized } from '../format/localized.js';
import type { InputShape } from './input-shape.js';
import type { PathSegment } from '../path.js';

/**
 * The values a leaf that takes a number accepts ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)): its `range`, or
 * `[0, 1]` for a `%` leaf (a fraction in data), bounds inclusive.
 */
export interface ValueDomain {
  readonly min: Exact | undefined;
  readonly max: Exact | undefined;
  /** The leaf's unit is `%`: a value above 1 is most likely a percentage typed as such. */
  readonly percent: boolean;
}

/** Where a value is being read: the unit it belongs to and its JSON path, plus the sink for problems. */
export interface ValueContext {
  readonly unit: string;
  readonly path: readonly PathSegment[];
  /** The leaf's points `P` at the unit's level (`appraised` checks `p <= P`). */
  readonly max: Exact;
  /** The leaf's value domain, for kinds that take a number; `undefined`: none declared. */
  readonly domain: ValueDomain | undefined;
  readonly issues: Issue[];
}

/** What a rule's input shape depends on besides its config: the leaf's points and value domain. */
export interface InputContext {
  /** The leaf's points `P` at the level (what options and items are worth, the `points` bound). */
  readonly max: Exact;
  /** The values a unit can give ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)), for kinds that take a number; `undefined`: unbounded. */
  readonly domain: ValueDomain | undefined;
}

/** What a rule knows when it evaluates a value: the leaf's points and, for `relative`, the cohort's best value. */
export interface EvalContext {
  /** The leaf's points `P` at the unit's level. */
  readonly max: Exact;
  /** Largest value in the unit's cohort for this leaf (`relative` rules); `undefined` when none was given. */
  readonly best: Exact | undefined;
}

/**
 * What a rule knows when it looks for the value that earns given points
 * (the rule-kind contract's `inverse`): the evaluation's context, the set's
 * rounding of points, the leaf's value domain and the input's step.
 */
export interface InverseContext extends EvalContext {
  /**
   * `rounding.points`: a target is compared with the points as published,
   * rounded once half-up to these decimals, never with the exact points.
   */
  readonly places: number;
  /** The values a unit can give ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)); an answer always lies inside. `undefined`: none declared. */
  readonly domain: ValueDomain | undefined;
  /**
   * The input's resolution for kinds that take a number (a `ratio`'s
   * numerator, the points of an `appraised` leaf): an answer is a multiple of
   * it. `undefined`: the kind's own default (see each kind).
   */
  readonly step: Exact | undefined;
}

/**
 * How far an answer lies from the current value, in steps of input:
 * `distance / step` steps (`step` is 1 for kinds whose values are not
 * numbers: one option changed, one item added, yes for no). Kept as two
 * exact numbers so that rates compare without dividing.
 */
export interface InverseChange {
  readonly distance: Exact;
  readonly step: Exact;
}

/**
 * What `inverse` answers:
 *
 * - `already`: the current value earns the target (`points`: what it earns, rounded).
 * - `value`: the least change of input that earns at least the target: the
 *   value as the rule reads it, `raw` as a unit writes it (JSON), the
 *   `points` it earns (rounded as published) and how far it is (`change`).
 * - `unreachable`: no value the leaf accepts earns the target; `most` is the
 *   most any accepted value earns (rounded), `undefined` when none counts
 *   (a zero denominator left out of the maximum).
 * - `needs-value`: the kind cannot answer without the unit's current value
 *   (a `ratio` keeps the unit's denominator and changes its numerator).
 */
export type Inverse<Value> =
  | { readonly state: 'already'; readonly points: Exact }
  | { readonly state: 'value'; readonly value: Value; readonly raw: unknown; readonly points: Exact; readonly change: InverseChange }
  | { readonly state: 'unreachable'; readonly most: Exact | undefined }
  | { readonly state: 'needs-value' };

/**
 * A value scored: exact points `numerator / denominator` (denominator > 0),
 * before the single rounding, and what the rule's explanation needs
 * (`detail`: the band matched, a sum before its cap; `undefined` for most kinds).
 */
export interface Scored<Detail = undefined> {
  readonly state: 'scored';
  readonly numerator: Exact;
  readonly denominator: Exact;
  readonly detail: Detail;
}

/** A value that takes the leaf out of the unit's maximum (a ratio's zero denominator, by default). */
export interface NotApplicable<Detail = undefined> {
  readonly state: 'not-applicable';
  readonly numerator: undefined;
  readonly denominator: undefined;
  readonly detail: Detail;
}

/**
 * The exact outcome of one rule on one value, before the single rounding
 * (`roundQuotient(numerator, denominator, rounding.points)`). Every outcome
 * has the same four fields (make them with `scored` / `notApplicable`), so
 * the scorer reads them the same way whatever the kind.
 */
export type Evaluation<Detail = undefined> = Scored<Detail> | NotApplicable<Detail>;

/**
 * One rule kind: its config schema, config checks, value reader, evaluator and
 * texts. A new kind is one file implementing this plus one line in the registry.
 */
export interface RuleKind<Config extends { readonly kind: string }, Compiled, Value, Detail = undefined> {
  readonly kind: Config['kind'];
  /**
   * Strict zod schema of the rule object (unknown keys rejected). Called once
   * per registry of kinds, when a set is first checked against the schema
   * (never when the library loads, nor for an embedded set).
   */
  schema(): z.ZodType;
  /** `false` only for `info`: recorded, never scored, no points. */
  readonly scored: boolean;
  /**
   * The rule with every absolute amount of points in it multiplied by
   * `factor` (> 0): an option's, item's or band's `points`, a count's `each`,
   * so that with the leaf's points also multiplied, the leaf earns `factor`
   * times what it earned, for every value (analysis variants: other weights).
   * Kinds whose points are a fraction of `P` return the config unchanged;
   * `undefined` when the kind cannot be rescaled (`appraised`: its values are
   * points people give). A kind without it cannot be reweighted.
   */
  scale?(config: Config, factor: Exact): Config | undefined;
  /** Cross-field checks against the leaf's points per level (e.g. a band worth more than `P`). */
  check(config: Config, maxByLevel: ReadonlyMap<string, Exact>, path: readonly PathSegment[]): Issue[];
  /** Converts the config's decimals once, for fast repeated evaluation. */
  compile(config: Config): Compiled;
  /** Reads a unit's value; returns `undefined` after pushing at least one issue. */
  read(raw: unknown, compiled: Compiled, ctx: ValueContext): Value | undefined;
  /** The exact points for `value` on a leaf worth `ctx.max`, computed once with {@link Exact} numbers. */
  evaluate(compiled: Compiled, value: Value, ctx: EvalContext): Evaluation<Detail>;
  /**
   * The evaluation in words, Vietnamese and English, built from what
   * `evaluate` returned: `points` is the rounded points as published (empty
   * when not applicable). Called only when an explanation is wanted.
   */
  explain(compiled: Compiled, value: Value, outcome: Evaluation<Detail>, ctx: EvalContext, points: string): Localized;
  /** The rule in words, for forms and reports. */
  describe(compiled: Compiled, max: Exact): Localized;
  /**
   * The value needed to earn `target` points (for targets and what-if): the
   * least change from `current` (the unit's value, `undefined` when it gave
   * none) whose points, rounded once as published (`ctx.places`), reach
   * `target` (a target with more decimals counts as the next published
   * figure). Exact: the answer is found by comparing exact numbers, never by
   * rounding the input. Each built-in kind documents what "least change" and
   * its step are. Every built-in kind but `info` has one; a kind of one's own
   * may leave it out, and then the analysis leaves its leaves as they are
   * and says so (`dti-criteria/analysis`).
   *
   * @example
   * ```ts
   * import { readExact, RULE_KINDS } from 'dti-criteria';
   * const ratio = RULE_KINDS.ratio;
   * const compiled = ratio.compile({ kind: 'ratio' });
   * const ctx = { max: readExact(20)!, best: undefined, places: 2, domain: undefined, step: undefined };
   * const current = { numerator: readExact(12)!, denominator: readExact(15)! };
   * // 18 points on 20 need 13.49625 of 15: the least whole numerator is 14, which earns 18.67.
   * const answer = ratio.inverse!(compiled, readExact(18)!, ctx, current);
   * if (answer.state === 'value') console.log([answer.raw, answer.points.toString()]); // [{"numerator":14,"denominator":15},"18.67"]
   * const over = ratio.inverse!(compiled, readExact(20.01)!, ctx, current);
   * if (over.state === 'unreachable') console.log(over.most?.toString()); // 20
   * ```
   */
  readonly inverse?: (compiled: Compiled, target: Exact, ctx: InverseContext, current: Value | undefined) => Inverse<Value>;
  /**
   * What a unit gives for a leaf of this kind worth `ctx.max` points: the one
   * description forms, the unit schema, CSV, workbooks and the portal derive
   * from. A kind whose input is a `number` may be bounded by a leaf's `range`
   * and takes a `%` leaf's value as a fraction within `[0, 1]` ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)): its
   * shape carries `ctx.domain` and its `read` checks it (`ctx.domain` there too).
   */
  input(compiled: Compiled, ctx: InputContext): InputShape;
  /**
   * Kinds scored against the best value of the unit's cohort (`relative`):
   * the cohort the best is taken over. The scorer finds the best values for
   * every leaf whose kind has it; absent for the other kinds.
   */
  readonly cohort?: (compiled: Compiled) => 'level' | 'group';
}

/** A {@link RuleKind} with its `inverse`: what every built-in kind that is scored is. */
export type InvertibleRuleKind<Config extends { readonly kind: string }, Compiled, Value, Detail = undefined> = RuleKind<Config, Compiled, Value, Detail> &
  Required<Pick<RuleKind<Config, Compiled, Value, Detail>, 'inverse'>>;
