import { Dec, isPlainDecimalString } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import type { Cell, Column, Row } from './table.js';

/**
 * A decimal text as a JavaScript number, when the number is the decimal:
 * its shortest text reads back as the same decimal value (`"812.50"` →
 * 812.5, `"0.1"` → 0.1); `undefined` when converting would change the value
 * (`"0.12345678901234567890"`, `"9007199254740993"`).
 *
 * @internal
 */
export function exactNumber(text: string): number | undefined {
  const number = Number(text);
  return Number.isFinite(number) && new Dec(number).eq(text) ? number : undefined;
}

/**
 * The rows with every decimal cell as a number (see {@link exactNumber}),
 * converted in place (rows the table has just built, no one else's); a
 * cell that would change is `analysis/inexact-number` at its row and
 * column, and the rows are not returned.
 *
 * @internal
 */
export function withNumbers(columns: readonly Column[], rows: Record<string, Cell>[]): { readonly rows?: Row[]; readonly issues: Issue[] } {
  const decimals = columns.filter((column) => column.type === 'decimal').map((column) => column.name);
  const issues: Issue[] = [];
  rows.forEach((row, position) => {
    for (const name of decimals) {
      const cell = row[name];
      if (typeof cell !== 'string' || !isPlainDecimalString(cell)) continue;
      const number = exactNumber(cell);
      if (number === undefined) issues.push(makeIssue('analysis/inexact-number', ['rows', position, name], { column: name, value: cell }));
      else row[name] = number;
    }
  });
  return issues.length > 0 ? { issues } : { rows, issues };
}
