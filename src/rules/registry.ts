import { appraisedRule, type AppraisedRule } from './appraised.js';
import { bandsRule, type BandsRule } from './bands.js';
import { booleanRule, type BooleanRule } from './boolean.js';
import { checklistRule, type ChecklistRule } from './checklist.js';
import { choiceRule, type ChoiceRule } from './choice.js';
import { countRule, type CountRule } from './count.js';
import { infoRule, type InfoRule } from './info.js';
import { linearRule, type LinearRule } from './linear.js';
import { ratioRule, type RatioRule } from './ratio.js';
import { relativeRule, type RelativeRule } from './relative.js';
import type { InvertibleRuleKind, RuleKind } from './types.js';

/** A rule object as written in a criteria file, one shape per kind. */
export type Rule = BooleanRule | RatioRule | LinearRule | BandsRule | CountRule | ChoiceRule | ChecklistRule | RelativeRule | AppraisedRule | InfoRule;

/** The name of a rule kind (`"ratio"`, `"bands"`, ...). */
export type RuleKindName = Rule['kind'];

/** A rule kind implementation with its compiled config and value types erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuleKind = RuleKind<Rule, any, any, any>;

const kinds = {
  boolean: booleanRule,
  ratio: ratioRule,
  linear: linearRule,
  bands: bandsRule,
  count: countRule,
  choice: choiceRule,
  checklist: checklistRule,
  relative: relativeRule,
  appraised: appraisedRule,
  info: infoRule,
  // Every built-in kind that is scored has its inverse (a kind of one's own may leave it out).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies { readonly [K in RuleKindName]: K extends 'info' ? RuleKind<Extract<Rule, { kind: K }>, any, any, any> : InvertibleRuleKind<Extract<Rule, { kind: K }>, any, any, any> };

/**
 * Every rule kind, by its `kind` string. A new kind is one file and one line here.
 *
 * @example
 * ```ts
 * import { RULE_KINDS } from 'dti-criteria';
 * console.log(Object.keys(RULE_KINDS).length); // 10
 * ```
 */
export const RULE_KINDS: Readonly<Record<RuleKindName, AnyRuleKind>> = kinds as unknown as Readonly<Record<RuleKindName, AnyRuleKind>>;

/** The rule kind implementation for `kind`. */
export function ruleKind(kind: RuleKindName): AnyRuleKind {
  return RULE_KINDS[kind];
}

/** Rule kind implementations by their `kind` string: {@link RULE_KINDS}, or those plus others ({@link withRuleKinds}). */
export type RuleKindRegistry = Readonly<Record<string, AnyRuleKind>>;

/**
 * The built-in rule kinds plus `extra` ones, for reading criteria sets that
 * use a kind of their own (`safeParseCriteria(input, { ruleKinds })`). Each
 * extra kind implements the {@link RuleKind} contract (`inverse` is optional:
 * without it, a path to a rating leaves its leaves as they are); scoring,
 * forms, CSV, workbooks and the analysis then handle it through that contract alone. A kind whose
 * name is already taken throws a `RangeError`: a built-in kind is never replaced.
 *
 * @example
 * ```ts
 * import { RULE_KINDS, withRuleKinds } from 'dti-criteria';
 * const kinds = withRuleKinds([{ ...RULE_KINDS.boolean, kind: 'tick' }]);
 * console.log(Object.keys(kinds).length); // 11
 * ```
 */
export function withRuleKinds(extra: readonly AnyRuleKind[]): RuleKindRegistry {
  const kinds: Record<string, AnyRuleKind> = { ...RULE_KINDS };
  for (const kind of extra) {
    if (Object.prototype.hasOwnProperty.call(kinds, kind.kind)) throw new RangeError(`withRuleKinds: the rule kind "${kind.kind}" already exists`);
    kinds[kind.kind] = kind;
  }
  return Object.freeze(kinds);
}
