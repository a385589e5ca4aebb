// What the user has entered for each field, as raw strings from the inputs,
// and how it becomes the value of the unit's submission (spec section 4).
// Nothing is checked here: the library checks every value and the portal
// shows its coded issues at the field.
import type { FormField } from 'dti-criteria';

/** Raw state of one field's inputs. */
export interface Answer {
  /** The field's input type when the answer was made (answers are kept across sets by leaf code). */
  readonly type: FormField['input']['type'];
  /** `"n/a"` (not applicable) ticked, where the field allows it. */
  na: boolean;
  /** yes-no: `'yes'`, `'no'` or `''`; one-of: an option id or `''`; number, points, note: the input's text. */
  value: string;
  /** fraction, and number in fraction mode: the two parts as typed. */
  numerator: string;
  denominator: string;
  /** number fields that accept a fraction: which of the two the user enters. */
  mode: 'value' | 'fraction';
  /** any-of: the ids of the items ticked. */
  items: Set<string>;
  /** A number input whose text the browser cannot read (`validity.badInput`), by part. */
  unreadable: Set<'value' | 'numerator' | 'denominator'>;
}

export function emptyAnswer(type: FormField['input']['type']): Answer {
  return { type, na: false, value: '', numerator: '', denominator: '', mode: 'value', items: new Set(), unreadable: new Set() };
}

/** The value a number input gives: trimmed text, `undefined` when empty. */
function text(raw: string): string | undefined {
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function fraction(answer: Answer): { numerator?: string; denominator?: string } | undefined {
  const numerator = text(answer.numerator);
  const denominator = text(answer.denominator);
  if (numerator === undefined && denominator === undefined) return undefined;
  // A half-filled fraction is sent as it is: the library names the missing part.
  return { ...(numerator !== undefined ? { numerator } : {}), ...(denominator !== undefined ? { denominator } : {}) };
}

/**
 * The submission value of a field, or `undefined` when it is unanswered
 * (left out of `values`; the set's `missing` policy then applies).
 * Decimals are sent as the strings typed, so that nothing is lost to floating point.
 */
export function valueOf(field: FormField, answer: Answer): unknown {
  if (field.allowNA && answer.na) return 'n/a';
  const input = field.input;
  switch (input.type) {
    case 'yes-no':
      return answer.value === 'yes' ? true : answer.value === 'no' ? false : undefined;
    case 'fraction':
      return fraction(answer);
    case 'number':
      return input.fraction && answer.mode === 'fraction' ? fraction(answer) : text(answer.value);
    case 'points':
      return text(answer.value);
    case 'one-of':
      return answer.value === '' ? undefined : answer.value;
    case 'any-of':
      // In the set's item order; nothing ticked is left unanswered.
      return answer.items.size === 0 ? undefined : input.items.filter((item) => answer.items.has(item.id)).map((item) => item.id);
    case 'note':
      return answer.value === '' ? undefined : answer.value;
  }
}

/** The `values` object of the unit's submission, in form order. */
export function valuesOf(fields: readonly FormField[], answers: ReadonlyMap<string, Answer>, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const answer = answers.get(field.code);
    if (!answer || skip.has(field.code)) continue;
    const value = valueOf(field, answer);
    if (value !== undefined) values[field.code] = value;
  }
  return values;
}
