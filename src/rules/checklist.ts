import * as z from 'zod';
import type { Exact } from '../exact/exact.js';
import { pick, type Localized } from '../format/localized.js';
import { awardEntrySchema } from './choice.js';
import { awardWorth, checkAwards, compileAward, inputOption, ONE, scored, show, valueIssue, ZERO, type CompiledAward, scaleAward } from './shared.js';
import type { InvertibleRuleKind } from './types.js';
import { already, discreteChange, earned, goalOf, reaches, unreachable } from './inverse-grid.js';
import { idKey } from '../format/identity.js';

/** One item of a `checklist` rule. */
export interface ChecklistItem {
  /** The item's id, what a unit ticks: letters, digits, `-` and `_`; unique in the rule. */
  readonly id: string;
  /** The item's label, shown in forms and explanations. */
  readonly label: Localized;
  /** What the item earns when met, in points, at most `P`; exactly one of `points` and `fraction`. */
  readonly points?: string | number;
  /** What the item earns when met, as a share of `P` in `[0, 1]`; exactly one of `points` and `fraction`. */
  readonly fraction?: string | number;
}

/**
 * `checklist`: `min(P, sum of the items that are true)`. Inverse: the items
 * met kept, the fewest items added that reach the target: the most valuable
 * first, the last one the least valuable that still reaches it (equals in
 * list order); each item added is one step.
 * Format reference: [4.7. Quy tắc checklist](../../docs/reference/criteria-format.md#47-quy-tắc-checklist).
 */
export interface ChecklistRule {
  /** The rule kind: a unit gives `{ "itemId": true, ... }` or a list of the ids met. */
  readonly kind: 'checklist';
  /** The items (at least one); together they may be worth more than `P`, the total is capped at `P`. */
  readonly items: readonly ChecklistItem[];
}

export interface CompiledItem extends CompiledAward { readonly id: string; readonly label: Localized }
export type CompiledChecklist = readonly CompiledItem[];

/** What a checklist evaluation tells its explanation: the sum of the items met, before the cap. */
export type ChecklistDetail = Exact;

/** Items by id, per compiled checklist, built once. */
const itemsById = new WeakMap<CompiledChecklist, ReadonlyMap<string, CompiledItem>>();

/** The item ids, for messages. */
function idsOf(compiled: CompiledChecklist): string[] {
  return compiled.map((item) => item.id);
}

/** The items of a compiled checklist by id. */
function byIdOf(compiled: CompiledChecklist): ReadonlyMap<string, CompiledItem> {
  let map = itemsById.get(compiled);
  if (map === undefined) {
    map = new Map(compiled.map((item) => [item.id, item]));
    itemsById.set(compiled, map);
  }
  return map;
}

export const checklistRule: InvertibleRuleKind<ChecklistRule, CompiledChecklist, readonly CompiledItem[], ChecklistDetail> = {
  kind: 'checklist',
  schema: () => z.strictObject({ kind: z.literal('checklist'), items: z.array(awardEntrySchema()).min(1).meta({ description: 'Các mục; đơn vị đánh dấu các mục đạt, tổng không quá P / The items; a unit ticks those met, the total capped at P' }) }),
  scored: true,
  scale: (config, factor) => ({ ...config, items: config.items.map((item) => scaleAward(item, factor)) }),
  check: (config, maxByLevel, path) => checkAwards(config.items, maxByLevel, [...path, 'items']),
  compile: (config) => config.items.map((item) => ({ ...compileAward(item), id: item.id, label: item.label })),
  input: (compiled, { max }) => ({ type: 'any-of', items: compiled.map((item) => inputOption(item, max)) }),
  read(raw, compiled, ctx) {
    const byId = byIdOf(compiled);
    const chosen = new Set<string>();
    let bad = false;
    if (Array.isArray(raw)) {
      for (let index = 0; index < raw.length; index++) {
        const typed: unknown = raw[index];
        if (typeof typed !== 'string') { valueIssue(ctx, 'value/shape', { expected: 'item' }, [index]); bad = true; continue; }
        // format reference §10: an item id is compared trimmed and in NFC.
        const entry = idKey(typed);
        if (!byId.has(entry)) { valueIssue(ctx, 'value/unknown-item', { item: entry, allowed: idsOf(compiled) }, [index]); bad = true; continue; }
        if (chosen.has(entry)) { valueIssue(ctx, 'value/duplicate-item', { item: entry }, [index]); bad = true; continue; }
        chosen.add(entry);
      }
    } else if (typeof raw === 'object' && raw !== null) {
      const keys = new Set<string>();
      for (const [typed, flag] of Object.entries(raw)) {
        const key = idKey(typed);
        if (!byId.has(key)) { valueIssue(ctx, 'value/unknown-item', { item: typed, allowed: idsOf(compiled) }, [typed]); bad = true; continue; }
        if (keys.has(key)) { valueIssue(ctx, 'value/duplicate-item', { item: key }, [typed]); bad = true; continue; }
        keys.add(key);
        if (typeof flag !== 'boolean') { valueIssue(ctx, 'value/shape', { expected: 'boolean' }, [typed]); bad = true; continue; }
        if (flag) chosen.add(key);
      }
    } else {
      return valueIssue(ctx, 'value/shape', { expected: 'checklist' });
    }
    if (bad) return undefined;
    const items: CompiledItem[] = [];
    for (const item of compiled) if (chosen.has(item.id)) items.push(item);
    return items;
  },
  evaluate(_compiled, items, { max }) {
    let sum = ZERO;
    for (const item of items) sum = sum.plus(awardWorth(item, max));
    return scored(sum.gt(max) ? max : sum, ONE, sum);
  },
  explain(_compiled, items, { detail: sum }, { max }, points) {
    const capped = sum.gt(max);
    if (items.length === 0) return { vi: `Không mục nào đạt → ${show(points, 'vi')} điểm`, en: `No item met → ${points} points` };
    // Each item met by its label (what the unit ticked), not its id, with what it is worth.
    const terms = (lang: 'vi' | 'en'): string => items.map((item) => `"${pick(item.label, lang)}" ${show(awardWorth(item, max), lang)}`).join(' + ');
    return {
      vi: `${terms('vi')} = ${show(sum, 'vi')}${capped ? `; tối đa ${show(max, 'vi')}` : ''} → ${show(points, 'vi')} điểm`,
      en: `${terms('en')} = ${show(sum)}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
    };
  },
  inverse(compiled, target, ctx, current) {
    const goal = goalOf(target, ctx.places);
    const points = (items: readonly CompiledItem[]): Exact => earned(checklistRule.evaluate(compiled, items, ctx), ctx.places)!;
    const met = current ?? [];
    if (current !== undefined && reaches(points(current), goal)) return already(points(current));
    const have = new Set(met.map((item) => item.id));
    // The items not met, most valuable first (a stable sort: equals in list order), each worth worked out once.
    const open = compiled
      .filter((item) => !have.has(item.id))
      .map((item) => ({ item, worth: awardWorth(item, ctx.max) }))
      .sort((a, b) => b.worth.comparedTo(a.worth));
    const inOrder = (ids: ReadonlySet<string>): CompiledItem[] => compiled.filter((item) => ids.has(item.id));
    const chosen = new Set(have);
    const chosenItems = [...met];
    if (reaches(points(met), goal)) return answer(met, 0);
    const reachesWith = (i: number): boolean => reaches(points([...chosenItems, open[i]!.item]), goal);
    for (let k = 0; k < open.length; k++) {
      // The least valuable item still open that reaches the target with those chosen so far, if any.
      // Reaching is monotone in worth: those that reach are the first ones of open[k..], so when the
      // most valuable does not, none does; else the last that does is found by bisection.
      if (reachesWith(k)) {
        let [low, high] = [k, open.length - 1];
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (reachesWith(mid)) low = mid;
          else high = mid - 1;
        }
        // Among items worth the same, the first in the list.
        while (low > k && open[low - 1]!.worth.eq(open[low]!.worth)) low--;
        return answer(inOrder(new Set([...chosen, open[low]!.item.id])), k + 1);
      }
      chosen.add(open[k]!.item.id);
      chosenItems.push(open[k]!.item);
    }
    return unreachable(points(inOrder(chosen)));

    function answer(items: readonly CompiledItem[], added: number) {
      return { state: 'value' as const, value: items, raw: items.map((item) => item.id), points: points(items), change: discreteChange(added) };
    }
  },
  describe: (compiled, max) => ({
    vi: `Cộng điểm các mục đạt, tối đa ${show(max, 'vi')}: ${compiled.map((i) => `${i.label.vi} (${show(awardWorth(i, max), 'vi')})`).join('; ')}`,
    en: `Sum of the items met, at most ${show(max)}: ${compiled.map((i) => `${pick(i.label, 'en')} (${show(awardWorth(i, max))})`).join('; ')}`,
  }),
};
