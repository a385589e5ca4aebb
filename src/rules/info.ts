import * as z from 'zod';
import { SCORED_ZERO, valueIssue } from './shared.js';
import type { InputShape } from './input-shape.js';
import type { RuleKind } from './types.js';

/**
 * `info`: any scalar, recorded and never scored; the leaf has no points.
 * Format reference: [4.10. Quy tắc info](../../docs/reference/criteria-format.md#410-quy-tắc-info).
 */
export interface InfoRule {
  /** The rule kind: any JSON scalar, recorded in the result. */
  readonly kind: 'info';
}

/** An `info` value as recorded. */
export type InfoValue = string | number | boolean | null;

const COLLECTED = { vi: 'Chỉ thu thập, không tính điểm', en: 'Collected, not scored' } as const;

const NOTE: InputShape = Object.freeze({ type: 'note' });

export const infoRule: RuleKind<InfoRule, null, InfoValue> = {
  kind: 'info',
  schema: () => z.strictObject({ kind: z.literal('info') }),
  scored: false,
  // Never scored.
  scale: (config) => config,
  check: () => [],
  input: () => NOTE,
  compile: () => null,
  read(raw, _compiled, ctx) {
    if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return raw;
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    return valueIssue(ctx, 'value/shape', { expected: 'scalar' });
  },
  evaluate: () => SCORED_ZERO,
  explain: () => ({ ...COLLECTED }),
  describe: () => ({ vi: 'Chỉ thu thập thông tin, không tính điểm', en: 'Collected for information, not scored' }),
};
