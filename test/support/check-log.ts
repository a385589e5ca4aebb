import { expect } from 'vitest';

/** Checks a value an example prints against the comment written beside it. */
export function __check(value: unknown, expected: string): void {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const alternatives = [shown, JSON.stringify(value), String(value)].map((s) => s?.replace(/\s+/g, ''));
  expect(alternatives, `printed ${shown}, comment says ${expected}`).toContain(expected.replace(/\s+/g, ''));
}
