/**
 * Compares two `YEAR.MAJOR.MINOR` versions numerically.
 *
 * @example
 * ```ts
 * import { compareVersions } from 'dti-criteria';
 * console.log(compareVersions('2022.10.0', '2022.9.1') > 0); // true
 * ```
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
