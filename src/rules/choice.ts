import * as z from 'zod';
import { commonSchemas } from '../format/common.js';
import { once } from '../format/once.js';
import { pick, type Localized } from '../format/localized.js';
import { awardWorth, checkAwards, compileAward, inputOption, scoredAs, show, valueIssue, type CompiledAward, scaleAward } from './shared.js';
import { already, discreteChange, earned, goalOf, reaches, unreachable } from './inverse-grid.js';
import type { Exact } from '../exact/exact.js';
import type { InvertibleRuleKind } from './types.js';
import { idKey } from '../format/identity.js';

/** One option of a `choice` rule. */
export interface ChoiceOption {
  /** The option's id, what a unit answers: letters, digits, `-` and `_`; unique in the rule. */
  readonly id: string;
  /** The option's label, shown in forms and explanations. */
  readonly label: Localized;
  /** What the option earns, in points, at most `P`; exactly one of `points` and `fraction`. */
  readonly points?: string | number;
  /** What the option earns, as a share of `P` in `[0, 1]`; exactly one of `points` and `fraction`. */
  readonly fraction?: string | number;
}

/**
 * `choice`: the chosen option's points. Inverse: the option worth the least
 * among those that reach the target (the first in list order of equals), one
 * step from any other.
 * Format reference: [4.6. Quy tắc choice](../../docs/reference/criteria-format.md#46-quy-tắc-choice).
 */
export interface ChoiceRule {
  /** The rule kind: a unit answers one option's id. */
  readonly kind: 'choice';
  /** The options (at least one). */
  readonly options: readonly ChoiceOption[];
}

export interface CompiledOption extends CompiledAward { readonly id: string; readonly label: Localized }
export type CompiledChoice = ReadonlyMap<string, CompiledOption>;

/** Schema of an option or checklist item (one instance for both kinds). */
export const awardEntrySchema = once(() => {
  const { id, localized, decimal } = commonSchemas();
  return z.strictObject({
    id: id.meta({ description: 'Mã lựa chọn hoặc mục, là điều đơn vị trả lời; không trùng trong quy tắc / The option\'s or item\'s id, what a unit answers; unique in the rule' }),
    label: localized.meta({ description: 'Tên hiển thị trong biểu mẫu và lời giải thích / The label shown in forms and explanations' }),
    points: decimal.optional().meta({ description: 'Điểm, không quá P; ghi đúng một trong points và fraction / The points, at most P; exactly one of points and fraction' }),
    fraction: decimal.optional().meta({ description: 'Điểm theo tỷ lệ của P, trong [0, 1]; ghi đúng một trong points và fraction / The points as a share of P, in [0, 1]; exactly one of points and fraction' }),
  });
});

export const choiceRule: InvertibleRuleKind<ChoiceRule, CompiledChoice, CompiledOption> = {
  kind: 'choice',
  schema: () => z.strictObject({ kind: z.literal('choice'), options: z.array(awardEntrySchema()).min(1).meta({ description: 'Các lựa chọn; đơn vị chọn một / The options; a unit picks one' }) }),
  scored: true,
  scale: (config, factor) => ({ ...config, options: config.options.map((option) => scaleAward(option, factor)) }),
  check: (config, maxByLevel, path) => checkAwards(config.options, maxByLevel, [...path, 'options']),
  compile: (config) => new Map(config.options.map((option) => [option.id, { ...compileAward(option), id: option.id, label: option.label }])),
  input: (compiled, { max }) => ({ type: 'one-of', options: [...compiled.values()].map((option) => inputOption(option, max)) }),
  read(raw, compiled, ctx) {
    // format reference §10: an option id is compared trimmed and in NFC.
    const option = typeof raw === 'string' ? compiled.get(idKey(raw)) : undefined;
    if (option !== undefined) return option;
    const allowed = [...compiled.keys()];
    if (typeof raw !== 'string') return valueIssue(ctx, 'value/shape', { expected: 'option' });
    return valueIssue(ctx, 'value/unknown-option', { option: raw, allowed });
  },
  evaluate: (_compiled, option, { max }) => scoredAs(awardWorth(option, max)),
  explain(_compiled, option, _outcome, { max }, points) {
    const how = (lang: 'vi' | 'en'): string => (option.fraction !== undefined ? `${show(option.fraction, lang)} × ${show(max, lang)} = ` : '');
    // The option by its label (what the unit chose), never its id; English falls back to the Vietnamese label.
    return {
      vi: `Lựa chọn "${option.label.vi}" → ${how('vi')}${show(points, 'vi')} điểm`,
      en: `Option "${pick(option.label, 'en')}" → ${how('en')}${points} points`,
    };
  },
  describe: (compiled, max) => ({
    vi: `Chọn một: ${[...compiled.values()].map((o) => `${o.label.vi} (${show(awardWorth(o, max), 'vi')})`).join('; ')}`,
    en: `Choose one: ${[...compiled.values()].map((o) => `${pick(o.label, 'en')} (${show(awardWorth(o, max))})`).join('; ')}`,
  }),
  inverse(compiled, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (option: CompiledOption): Exact => earned(scoredAs(awardWorth(option, ctx.max)), ctx.places)!;
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    let chosen: CompiledOption | undefined;
    let most: Exact | undefined;
    for (const option of compiled.values()) {
      const worth = points(option);
      if (most === undefined || worth.gt(most)) most = worth;
      if (reaches(worth, goal) && (chosen === undefined || worth.lt(points(chosen)))) chosen = option;
    }
    if (chosen === undefined) return unreachable(most);
    return { state: 'value', value: chosen, raw: chosen.id, points: points(chosen), change: discreteChange(1) };
  },
};
