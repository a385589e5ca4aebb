// What the user has entered for each field, as raw strings from the inputs,
// and how it becomes the value of the unit's submission (spec section 4).
// Numbers are read as people type them (readTypedNumber: 4,5 and 4.5, a % field
// in percent); what cannot be read, or reads two ways, is a coded issue at the
// field. Everything else is the library's to check when it scores.
import { fractionToPercent, makeIssue, readExact, readTypedNumber, type FormField, type Issue, type PathSegment, type TypedNumberOptions } from 'dti-criteria';
import type { Part } from './issues.js';

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
}

export function emptyAnswer(type: FormField['input']['type']): Answer {
  return { type, na: false, value: '', numerator: '', denominator: '', mode: 'value', items: new Set() };
}

/** A field's answer read: its submission value (`undefined` when unanswered) and the problems found reading it. */
export interface ReadAnswer {
  readonly value: unknown;
  readonly problems: readonly { readonly part: Part; readonly issue: Issue }[];
}

/** Where a field's value goes in the one-unit submission the portal scores. */
const at = (code: string, part?: 'numerator' | 'denominator'): PathSegment[] => (part === undefined ? ['units', 0, 'values', code] : ['units', 0, 'values', code, part]);

/** Reads the typed text of one number input: its plain decimal, or a problem at its part. */
function typedNumber(code: string, raw: string, options: TypedNumberOptions, part: 'numerator' | 'denominator' | undefined, problems: { part: Part; issue: Issue }[], unit: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const reading = readTypedNumber(text, options);
  const where = at(code, part);
  const onPart: Part = part ?? 'field';
  if (!reading.ok) {
    const issue = reading.problem === 'ambiguous'
      ? makeIssue('value/ambiguous-number', where, { unit, text, readings: [...reading.readings] })
      : makeIssue('value/shape', where, { unit, expected: 'decimal' });
    problems.push({ part: onPart, issue });
    return undefined;
  }
  if (options.percent) {
    // Checked here, in the units typed: the library would speak of fractions ("3 > 1").
    const x = readExact(reading.value)!;
    if ((options.min !== undefined && x.lt(options.min)) || (options.max !== undefined && x.gt(options.max))) {
      const range = `[${options.min === undefined ? '…' : fractionToPercent(options.min.toString())}, ${options.max === undefined ? '…' : fractionToPercent(options.max.toString())}] %`;
      problems.push({ part: onPart, issue: makeIssue('value/out-of-range', where, { unit, range }) });
      return undefined;
    }
  }
  return reading.value;
}

const NON_NEGATIVE: TypedNumberOptions = { min: readExact(0)! };

function fraction(field: FormField, answer: Answer, problems: { part: Part; issue: Issue }[], unit: string): { numerator?: string; denominator?: string } | undefined {
  const numerator = typedNumber(field.code, answer.numerator, NON_NEGATIVE, 'numerator', problems, unit);
  const denominator = typedNumber(field.code, answer.denominator, NON_NEGATIVE, 'denominator', problems, unit);
  if (numerator === undefined && denominator === undefined) return undefined;
  // A half-filled fraction is sent as it is: the library names the missing part.
  return { ...(numerator !== undefined ? { numerator } : {}), ...(denominator !== undefined ? { denominator } : {}) };
}

/**
 * The submission value of a field, `undefined` when it is unanswered (left
 * out of `values`; the set's `missing` policy then applies), and the problems
 * of the numbers typed. Decimals are sent as exact strings, so that nothing
 * is lost to floating point.
 */
export function readAnswer(field: FormField, answer: Answer, unit: string): ReadAnswer {
  const problems: { part: Part; issue: Issue }[] = [];
  if (field.allowNA && answer.na) return { value: 'n/a', problems };
  const input = field.input;
  let value: unknown;
  switch (input.type) {
    case 'yes-no':
      value = answer.value === 'yes' ? true : answer.value === 'no' ? false : undefined;
      break;
    case 'fraction':
      value = fraction(field, answer, problems, unit);
      break;
    case 'number': {
      if (input.fraction && answer.mode === 'fraction') {
        value = fraction(field, answer, problems, unit);
        break;
      }
      const bounds = { whole: input.whole, percent: input.percent, min: readExact(input.min), max: readExact(input.max) };
      value = typedNumber(field.code, answer.value, bounds, undefined, problems, unit);
      break;
    }
    case 'points':
      value = typedNumber(field.code, answer.value, { min: readExact(input.min), max: readExact(input.max) }, undefined, problems, unit);
      break;
    case 'one-of':
      value = answer.value === '' ? undefined : answer.value;
      break;
    case 'any-of':
      // In the set's item order; nothing ticked is left unanswered.
      value = answer.items.size === 0 ? undefined : input.items.filter((item) => answer.items.has(item.id)).map((item) => item.id);
      break;
    case 'note':
      value = answer.value === '' ? undefined : answer.value;
      break;
  }
  return { value: problems.length > 0 ? undefined : value, problems };
}

/** The `values` object of the unit's submission, in form order. */
export function valuesOf(fields: readonly FormField[], answers: ReadonlyMap<string, Answer>, unit: string, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const answer = answers.get(field.code);
    if (!answer || skip.has(field.code)) continue;
    const { value } = readAnswer(field, answer, unit);
    if (value !== undefined) values[field.code] = value;
  }
  return values;
}
