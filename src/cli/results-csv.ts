import type { CriteriaSet, CriteriaNode } from '../compile/types.js';
import type { ScoreReport } from '../scoring/result-types.js';

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function codesInOrder(nodes: readonly CriteriaNode[], out: string[] = []): string[] {
  for (const node of nodes) {
    out.push(node.code);
    if (node.children) codesInOrder(node.children, out);
  }
  return out;
}

/** Results as CSV: one row per unit (input order), unit columns then the points of every node. */
export function formatResultsCsv(report: ScoreReport, criteria: CriteriaSet): string {
  const codes = codesInOrder(criteria.nodes);
  const header = ['unit', 'name', 'level', 'group', 'parent', 'points', 'maxPoints', 'index', 'rating', 'rank', 'rankInParent', 'selfPoints', 'difference', ...codes];
  const rows = report.results.map((r) => [
    r.unit, r.name ?? '', r.level, r.group ?? '', r.parent ?? '', r.points, r.maxPoints, r.index ?? '', r.rating ?? '',
    r.rank === null ? '' : String(r.rank), r.rankInParent === null ? '' : String(r.rankInParent), r.selfPoints ?? '', r.difference ?? '',
    ...codes.map((code) => r.nodes[code]?.points ?? (r.nodes[code]?.status === 'not-applicable' ? 'n/a' : '')),
  ]);
  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
