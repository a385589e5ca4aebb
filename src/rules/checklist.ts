import { z } from 'zod';
import { Dec } from '../decimal.js';
import type { Localized } from '../format/localized.js';
import { awardEntrySchema } from './choice.js';
import { add, compareScaled, mul, rescale, roundToPlaces } from '../scoring/fast/safe-int.js';
import { awardWorth, checkAwards, compileAward, show, ticks, valueIssue, type CompiledAward } from './shared.js';
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

export const checklistRule: RuleKind<ChecklistRule, CompiledChecklist, readonly CompiledItem[]> = {
  kind: 'checklist',
  schema: z.strictObject({ kind: z.literal('checklist'), items: z.array(awardEntrySchema).min(1) }),
  scored: true,
  check: (config, maxByLevel, path) => checkAwards(config.items, maxByLevel, [...path, 'items']),
  compile: (config) => config.items.map((item) => ({ ...compileAward(item), id: item.id, label: item.label })),
  read(raw, compiled, ctx) {
    const byId = byIdOf(compiled);
    const chosen = new Set<string>();
    let bad = false;
    if (Array.isArray(raw)) {
      for (let index = 0; index < raw.length; index++) {
        const entry: unknown = raw[index];
        if (typeof entry !== 'string') { valueIssue(ctx, 'value/shape', { expected: 'item' }, [index]); bad = true; continue; }
        if (!byId.has(entry)) { valueIssue(ctx, 'value/unknown-item', { item: entry, allowed: idsOf(compiled) }, [index]); bad = true; continue; }
        if (chosen.has(entry)) { valueIssue(ctx, 'value/duplicate-item', { item: entry }, [index]); bad = true; continue; }
        chosen.add(entry);
      }
    } else if (typeof raw === 'object' && raw !== null) {
      for (const [key, flag] of Object.entries(raw)) {
        if (!byId.has(key)) { valueIssue(ctx, 'value/unknown-item', { item: key, allowed: idsOf(compiled) }, [key]); bad = true; continue; }
        if (typeof flag !== 'boolean') { valueIssue(ctx, 'value/shape', { expected: 'boolean' }, [key]); bad = true; continue; }
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
  evaluate(_compiled, items, max) {
    let sum = new Dec(0);
    for (const item of items) sum = sum.plus(awardWorth(item, max));
    const capped = sum.gt(max);
    return {
      state: 'scored', numerator: capped ? max : sum, denominator: new Dec(1),
      explain: (points) => {
        if (items.length === 0) return { vi: `Không mục nào đạt → ${points} điểm`, en: `No item met → ${points} points` };
        const terms = items.map((item) => `${item.id} ${show(awardWorth(item, max))}`).join(' + ');
        const total = show(sum);
        return {
          vi: `${terms} = ${total}${capped ? `, tối đa ${show(max)}` : ''} → ${points} điểm`,
          en: `${terms} = ${total}${capped ? `, capped at ${show(max)}` : ''} → ${points} points`,
        };
      },
    };
  },
  fastEvaluate(_compiled, items, ctx) {
    // The exact sum at a common scale, then the cap, then the single rounding.
    let sum = 0;
    let scale = 0;
    for (const item of items) {
      let m: number;
      let s: number;
      if (item.points !== undefined) {
        m = item.points.m;
        s = item.points.s;
      } else if (item.fraction !== undefined) {
        m = mul(item.fraction.m, ctx.max.m);
        s = item.fraction.s + ctx.max.s;
      } else {
        continue;
      }
      if (s > scale) {
        sum = rescale(sum, scale, s);
        scale = s;
      }
      sum = add(sum, rescale(m, s, scale));
    }
    const capped = compareScaled(sum, scale, ctx.max.m, ctx.max.s);
    if (capped !== capped) return Number.NaN;
    return capped > 0 ? ticks(ctx.max, ctx.places) : roundToPlaces(sum, scale, ctx.places);
  },
  describe: (compiled, max) => ({
    vi: `Cộng điểm các mục đạt, tối đa ${show(max)}: ${compiled.map((i) => `${i.label.vi} (${show(awardWorth(i, max))})`).join('; ')}`,
    en: `Sum of the items met, at most ${show(max)}: ${compiled.map((i) => `${i.label.en ?? i.id} (${show(awardWorth(i, max))})`).join('; ')}`,
  }),
};
