import { appraisedRule } from './appraised.js';
import { bandsRule } from './bands.js';
import { booleanRule } from './boolean.js';
import { checklistRule } from './checklist.js';
import { choiceRule } from './choice.js';
import { countRule } from './count.js';
import { infoRule } from './info.js';
import { linearRule } from './linear.js';
import { ratioRule } from './ratio.js';
import { relativeRule } from './relative.js';
import type { RuleKind } from './types.js';

/**
 * Every rule kind, by its `kind` string. A new kind is one file and one line here.
 *
 * @example
 * ```ts
 * import { RULE_KINDS } from 'dti-criteria';
 * console.log(Object.keys(RULE_KINDS).length); // 10
 * ```
 */
export const RULE_KINDS = {
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
} as const;

/** The name of a rule kind (`"ratio"`, `"bands"`, ...). */
export type RuleKindName = keyof typeof RULE_KINDS;

/** A rule object as written in a criteria file. */
export type Rule = { [K in RuleKindName]: (typeof RULE_KINDS)[K] extends RuleKind<infer C, unknown, unknown> ? C : never }[RuleKindName];

/** The rule kind implementation for `kind`, erased to a common shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ruleKind(kind: RuleKindName): RuleKind<Rule, any, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return RULE_KINDS[kind] as unknown as RuleKind<Rule, any, any>;
}
