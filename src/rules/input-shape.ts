import type { Exact } from '../exact/exact.js';
import type { Localized } from '../format/localized.js';

/** An option of a `one-of` input or an item of an `any-of` input, with what it is worth at the leaf's points. */
export interface InputOption {
  readonly id: string;
  readonly label: Localized;
  /** Points it earns on the leaf (an item's points add up, the sum capped at `P`). */
  readonly worth: Exact;
}

/**
 * What a person or a program gives for a leaf, as its rule kind describes it
 * (the rule-kind contract's `input`): forms, the unit schema, CSV columns,
 * workbooks and the portal are all derived from it, so none of them needs to
 * know a rule kind by name. The `type`s are those of the value, not of the rule:
 *
 * - `yes-no`: `true` / `false`.
 * - `fraction`: `{ numerator, denominator }`, both `>= 0`, `numerator <= denominator` unless `allowOver`;
 *   `zeroDenominator` says what a denominator of 0 earns (left out of the maximum, full points or none).
 * - `number`: a decimal (a whole number with `whole`) within `min` / `max` when given;
 *   with `orFraction`, a `{ numerator, denominator }` (`n <= d`) may be given instead and its quotient is used;
 *   with `percent`, a fraction in data that people type as a percentage.
 * - `one-of`: the id of one option. `any-of`: the ids of the items met (or `{ id: true | false }`).
 * - `points`: points from 0 to `max`, set by the appraisal council.
 * - `note`: any scalar (text, number, yes/no or `null`), recorded and never scored.
 *
 * @example
 * ```ts
 * import { leafInput } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const set = getCriteria('can-tho@2022.1.0');
 * console.log(leafInput(set, 'CQS.1.3', 'commune')?.type); // "fraction"
 * console.log(leafInput(set, 'CQS.4.2', 'commune')?.type); // "one-of"
 * ```
 */
export type InputShape =
  | { readonly type: 'yes-no' }
  | { readonly type: 'fraction'; readonly allowOver: boolean; readonly zeroDenominator: 'not-applicable' | 'full' | 'zero' }
  | {
      readonly type: 'number';
      readonly whole: boolean;
      readonly min: Exact | undefined;
      readonly max: Exact | undefined;
      readonly orFraction: boolean;
      /**
       * The leaf's unit is `%` ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)): the value is a fraction in data
       * (`0.03`), and where a person types it is shown and typed as a
       * percentage (`3`), converted exactly.
       */
      readonly percent: boolean;
    }
  | { readonly type: 'one-of'; readonly options: readonly InputOption[] }
  | { readonly type: 'any-of'; readonly items: readonly InputOption[] }
  | { readonly type: 'points'; readonly max: Exact }
  | { readonly type: 'note' };

/** The `type` of an {@link InputShape}. */
export type InputType = InputShape['type'];
