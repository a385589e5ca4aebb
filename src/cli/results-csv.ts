import type { CriteriaSet, CriteriaNode } from '../compile/types.js';
import { formatDecimalCell, type CsvLocale } from '../input/numbers.js';
import type { ScoreReport } from '../scoring/result-types.js';

/** Options of {@link formatResultsCsv}. */
export interface ResultsCsvOptions {
  /**
   * `en` (default): `,` between cells, plain decimals. `vi`: as a Vietnamese
   * Excel opens it: a UTF-8 BOM, `;` between cells, decimal commas.
   */
  readonly locale?: CsvLocale;
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * A text cell a spreadsheet program would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
 * `'`, which the program shows as text; numbers are left as they are.
 */
function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_DECIMAL.test(cell) ? `'${cell}` : cell;
}

function codesInOrder(nodes: readonly CriteriaNode[], out: string[] = []): string[] {
  for (const node of nodes) {
    out.push(node.code);
    if (node.children) codesInOrder(node.children, out);
  }
  return out;
}

/**
 * Results as CSV for spreadsheet programs: one row per unit (input order),
 * unit columns then the points of every node; where the set requires
 * evidence (or a unit gave some), a `lackingEvidence` column lists the
 * leaves lacking it. Text that looks like a formula
 * (a unit named `=HYPERLINK(…)`) is neutralised; with `locale: 'vi'` the file
 * opens right in a Vietnamese Excel (BOM, `;`, decimal commas).
 *
 * @internal
 */
export function formatResultsCsv(report: ScoreReport, criteria: CriteriaSet, options: ResultsCsvOptions = {}): string {
  const vi = options.locale === 'vi';
  const delimiter = vi ? ';' : ',';
  const number = (decimal: string): string => (vi ? formatDecimalCell(decimal, 'vi') : decimal);
  const codes = codesInOrder(criteria.nodes);
  // The leaves lacking required evidence (format reference §12), codes separated by spaces: a column only when some unit has the list.
  const lacking = report.results.some((r) => r.evidence !== undefined);
  const header = ['unit', 'name', 'level', 'group', 'parent', 'points', 'maxPoints', 'index', 'rating', 'rank', 'rankInParent', 'selfPoints', 'difference', ...(lacking ? ['lackingEvidence'] : []), ...codes];
  const figure = (value: string | null | undefined): string => (value === null || value === undefined ? '' : number(value));
  const rows = report.results.map((r) => [
    neutralised(r.unit), neutralised(r.name ?? ''), neutralised(r.level), neutralised(r.group ?? ''), neutralised(r.parent ?? ''), figure(r.points), figure(r.maxPoints), figure(r.index), neutralised(r.rating ?? ''),
    r.rank === null ? '' : String(r.rank), r.rankInParent === null ? '' : String(r.rankInParent), figure(r.selfPoints), figure(r.difference),
    ...(lacking ? [(r.evidence?.lacking ?? []).join(' ')] : []),
    ...codes.map((code) => (r.nodes[code]?.points != null ? number(r.nodes[code]!.points!) : r.nodes[code]?.status === 'not-applicable' ? 'n/a' : '')),
  ]);
  const quote = (cell: string): string => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const body = `${[header, ...rows].map((row) => row.map(quote).join(delimiter)).join('\r\n')}\r\n`;
  return vi ? `\uFEFF${body}` : body;
}
