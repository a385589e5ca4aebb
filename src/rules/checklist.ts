import { z } from 'zod';
import { Dec } from '../decimal.js';
import type { Localized } from '../format/localized.js';
import { awardEntrySchema } from './choice.js';
import { awardWorth, checkAwards, compileAward, show, valueIssue, type CompiledAward } from './shared.js';
import type { RuleKind } from './types.js';

/** One item of a `checklist` rule. */
export interface ChecklistItem {
  readonly id: string;
  readonly label: Localized;
  readonly points?: string | number;
  readonly fraction?: string | number;
}

/** `checklist`: `min(P, sum of the items that are true)`. */
export interface ChecklistRule { readonly kind: 'checklist'; readonly items: readonly ChecklistItem[] }

export interface CompiledItem extends CompiledAward { readonly id: string; readonly label: Localized }
export type CompiledChecklist = readonly CompiledItem[];

export const checklistRule: RuleKind<ChecklistRule, CompiledChecklist, readonly CompiledItem[]> = {
  kind: 'checklist',
  schema: z.strictObject({ kind: z.literal('checklist'), items: z.array(awardEntrySchema).min(1) }),
  scored: true,
  check: (config, maxByLevel, path) => checkAwards(config.items, maxByLevel, [...path, 'items']),
  compile: (config) => config.items.map((item) => ({ ...compileAward(item), id: item.id, label: item.label })),
  read(raw, compiled, ctx) {
    const byId = new Map(compiled.map((item) => [item.id, item]));
    const allowed = compiled.map((item) => item.id).join(', ');
    const chosen = new Set<string>();
    let bad = false;
    if (Array.isArray(raw)) {
      raw.forEach((entry, index) => {
        if (typeof entry !== 'string') { valueIssue(ctx, 'value/shape', { expected: 'an item id / mã mục' }, [index]); bad = true; return; }
        if (!byId.has(entry)) { valueIssue(ctx, 'value/unknown-item', { item: entry, allowed }, [index]); bad = true; return; }
        if (chosen.has(entry)) { valueIssue(ctx, 'value/duplicate-item', { item: entry }, [index]); bad = true; return; }
        chosen.add(entry);
      });
    } else if (typeof raw === 'object' && raw !== null) {
      for (const [key, flag] of Object.entries(raw)) {
        if (!byId.has(key)) { valueIssue(ctx, 'value/unknown-item', { item: key, allowed }, [key]); bad = true; continue; }
        if (typeof flag !== 'boolean') { valueIssue(ctx, 'value/shape', { expected: 'true / false' }, [key]); bad = true; continue; }
        if (flag) chosen.add(key);
      }
    } else {
      return valueIssue(ctx, 'value/shape', { expected: '{ "itemId": true, ... } or ["itemId", ...]' });
    }
    if (bad) return undefined;
    return compiled.filter((item) => chosen.has(item.id));
  },
  evaluate(_compiled, items, max) {
    const parts = items.map((item) => ({ item, worth: awardWorth(item, max) }));
    const sum = parts.reduce((acc, part) => acc.plus(part.worth), new Dec(0));
    const capped = sum.gt(max);
    const terms = parts.map((part) => `${part.item.id} ${show(part.worth)}`).join(' + ');
    return {
      state: 'scored', numerator: capped ? max : sum, denominator: new Dec(1),
      explain: (points) =>
        parts.length === 0
          ? { vi: `Không mục nào đạt → ${points} điểm`, en: `No item met → ${points} points` }
          : {
              vi: `${terms} = ${show(sum)}${capped ? `, tối đa ${show(max)}` : ''} → ${points} điểm`,
              en: `${terms} = ${show(sum)}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
            },
    };
  },
  describe: (compiled, max) => ({
    vi: `Cộng điểm các mục đạt, tối đa ${show(max)}: ${compiled.map((i) => `${i.label.vi} (${show(awardWorth(i, max))})`).join('; ')}`,
    en: `Sum of the items met, at most ${show(max)}: ${compiled.map((i) => `${i.label.en ?? i.id} (${show(awardWorth(i, max))})`).join('; ')}`,
  }),
};
