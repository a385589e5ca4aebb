/** The first and last day (`YYYY-MM-DD`) of an assessment period. */
export interface PeriodRange {
  readonly start: string;
  readonly end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an assessment period: `2022` (the calendar year), `2022-Q3`, `2022-H1`,
 * `2022-06` or a single day `2022-06-30`. Returns `undefined` for anything else.
 *
 * @example
 * ```ts
 * import { periodRange } from 'dti-criteria';
 * console.log(periodRange('2022')); // {"start":"2022-01-01","end":"2022-12-31"}
 * console.log(periodRange('2024-Q1')?.end); // 2024-03-31
 * ```
 */
export function periodRange(period: string): PeriodRange | undefined {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { start: `${m[1]}-${pad(first)}-01`, end: `${m[1]}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
  }
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(Number(m[1]), Number(m[2])))}` };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3])) return { start: period, end: period };
  }
  return undefined;
}
