import type { Localized } from '../format/localized.js';
import type { PreparedUnit } from './answers.js';
import { INFO_ONLY } from './node-texts.js';
import type { NodeResult, NodeStatus } from './result-types.js';

/**
 * Flattens the texts in place and returns them. Texts built by concatenation
 * are trees of fragments in V8 (one object per piece); reading a character
 * makes each a single string while it is young, which roughly halves the
 * memory a report with explanations keeps, and the time spent collecting it.
 */
function flat(text: Localized): Localized {
  text.vi.charCodeAt(0);
  text.en?.charCodeAt(0);
  return text;
}

/** A scored, not-applicable or missing leaf's result (`selfPoints` only where the unit has an appraised value). */
export function leafResult(points: string | null, maxPoints: string | null, status: NodeStatus, selfPoints: string | null | undefined, text: Localized | undefined): NodeResult {
  const explanation = text === undefined ? undefined : flat(text);
  if (selfPoints === undefined) {
    return explanation === undefined ? { points, maxPoints, status } : { points, maxPoints, status, explanation };
  }
  return explanation === undefined ? { points, maxPoints, status, selfPoints } : { points, maxPoints, status, selfPoints, explanation };
}

/** An `info` leaf's result. */
export function infoResult(value: string | number | boolean | null, explain: boolean): NodeResult {
  return explain ? { points: null, maxPoints: null, status: 'info', value, explanation: INFO_ONLY } : { points: null, maxPoints: null, status: 'info', value };
}

/** The recorded value of an `info` leaf (appraised first). */
export function infoValue(unit: PreparedUnit, code: string): string | number | boolean | null {
  const answer = unit.appraised.get(code) ?? unit.self.get(code);
  return answer?.state === 'value' ? (answer.value as string | number | boolean | null) : null;
}

/** An aggregate's result (`selfPoints` only where an appraised value lies below). */
export function aggregateResult(points: string, maxPoints: string, index: string | null, status: NodeStatus, selfPoints: string | undefined, text: Localized | undefined): NodeResult {
  const explanation = text === undefined ? undefined : flat(text);
  if (selfPoints === undefined) {
    return explanation === undefined ? { points, maxPoints, index, status } : { points, maxPoints, index, status, explanation };
  }
  return explanation === undefined ? { points, maxPoints, index, status, selfPoints } : { points, maxPoints, index, status, selfPoints, explanation };
}
