import { Dec, isPlainDecimalString } from '../decimal.js';
import type { InputShape } from '../rules/input-shape.js';
import type { InputValue } from '../scoring/result-types.js';
import type { Cell, ColumnType } from './table.js';

/** A raw input split into the cells a table gives it: a scalar `value`, or a fraction's `numerator` and `denominator`. @internal */
export interface InputParts {
  readonly value?: Cell;
  readonly numerator?: Cell;
  readonly denominator?: Cell;
}

const isRecord = (value: unknown): value is Readonly<Record<string, InputValue>> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isFraction = (value: Readonly<Record<string, InputValue>>): boolean => Object.prototype.hasOwnProperty.call(value, 'numerator') || Object.prototype.hasOwnProperty.call(value, 'denominator');

/** A number as a plain decimal string: its shortest round-trip text, never in exponent form. */
function numberText(value: number): string {
  const text = String(value);
  return Number.isFinite(value) && /e/i.test(text) ? new Dec(value).toFixed() : text;
}

/** A number or decimal text as a plain decimal string (every digit kept, as written); other values as they are. */
function decimalOrText(value: InputValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return isPlainDecimalString(value.trim()) ? value.trim() : value;
  if (typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Whether a value given means "not applicable". */
export const isNotApplicable = (value: InputValue | undefined): boolean => typeof value === 'string' && value.trim().toLowerCase() === 'n/a';

/**
 * A raw input as cells (see `TableValue`): nothing for none or `"n/a"`; a
 * fraction's two numbers; a checklist's items met, separated by spaces
 * (listed, or `true` in a record); a number as its exact decimal text
 * (`12` → `"12"`, `0.8` → `"0.8"`, `1e21` → `"1000000000000000000000"`), a
 * decimal text as written; `true`/`false` and text as they are.
 *
 * @internal
 */
export function inputParts(value: InputValue | undefined): InputParts {
  if (value === undefined || isNotApplicable(value)) return {};
  if (Array.isArray(value)) return { value: value.map(String).join(' ') };
  if (isRecord(value)) {
    if (isFraction(value)) return { numerator: decimalOrText(value.numerator), denominator: decimalOrText(value.denominator) };
    return { value: Object.entries(value).filter(([, met]) => met === true).map(([item]) => item).join(' ') };
  }
  return { value: decimalOrText(value as InputValue) };
}

/** The type of a scalar input column, by what the leaf takes. @internal */
export function inputColumnType(shape: InputShape): ColumnType {
  switch (shape.type) {
    case 'yes-no':
      return 'boolean';
    case 'number':
    case 'points':
    case 'fraction':
      return 'decimal';
    case 'one-of':
    case 'any-of':
    case 'note':
      return 'text';
  }
}

/** The type of a scalar input column by its cells: `boolean` or `decimal` when every cell is one, else `text`. @internal */
export function inferredType(cells: readonly Cell[]): ColumnType {
  const present = cells.filter((cell) => cell !== null);
  if (present.length > 0 && present.every((cell) => typeof cell === 'boolean')) return 'boolean';
  if (present.length > 0 && present.every((cell) => typeof cell === 'string' && isPlainDecimalString(cell))) return 'decimal';
  return 'text';
}

/** A cell as a column of `type` holds it: text columns hold text (`true` as `"true"`). @internal */
export function cellAs(cell: Cell | undefined, type: ColumnType): Cell {
  if (cell === undefined || cell === null) return null;
  return type === 'text' ? String(cell) : cell;
}
