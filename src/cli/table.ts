import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { byCodeUnits } from '../order.js';
import { pick } from '../format/localized.js';
import { formatNumber } from '../text/number-text.js';

/** Display width of a cell (NFC, so Vietnamese letters count once). */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function pad(text: string, size: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, size - width(text)));
  return right ? gap + text : text + gap;
}

/** Lays out rows as aligned columns; `numeric[i]` right-aligns column `i`. */
export function alignColumns(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const sizes = header.map((cell, i) => Math.max(width(cell), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (row: readonly string[]): string => row.map((cell, i) => pad(cell, sizes[i] ?? 0, numeric[i] ?? false)).join('  ').trimEnd();
  return [line(header), sizes.map((size) => '─'.repeat(size)).join('  '), ...rows.map(line)].join('\n');
}

/** Under a block, the units lacking required evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) and what the set's policy makes of it; empty when none. */
function lackingLines(units: readonly UnitResult[], criteria: CriteriaSet, lang: 'vi' | 'en'): string {
  const lacking = units.filter((r) => (r.evidence?.lacking.length ?? 0) > 0);
  if (lacking.length === 0) return '';
  const zero = criteria.evidencePolicy === 'zero';
  const heading = lang === 'en'
    ? `Lacking required evidence (${zero ? 'policy "zero": scored 0 unless appraised' : 'policy "flag": points unchanged'}):`
    : `Thiếu minh chứng bắt buộc (${zero ? 'chính sách "zero": tính 0 điểm, trừ khi được thẩm định' : 'chính sách "flag": điểm không đổi'}):`;
  return `\n${heading}\n${lacking.map((r) => `  ${r.name ?? r.unit}: ${r.evidence!.lacking.join(', ')}`).join('\n')}`;
}

/**
 * The ranking as a table for people: one block per level (and group when the
 * set ranks within groups, named), sorted by rank, with Vietnamese unit names,
 * points, index, rating (by name) and the index of each pillar (the pillars'
 * codes named under the title); figures with a decimal comma and thousands
 * dots in Vietnamese (`0,9346`, `1.000,00`), as the results write them in
 * English; where a unit of the block was
 * appraised, its self-assessed points and the difference (appraised − self)
 * close the row ("—" for the units not appraised). Under a block, the
 * units lacking required evidence are listed with the leaves concerned.
 */
export function formatTable(report: ScoreReport, criteria: CriteriaSet, lang: 'vi' | 'en' = 'vi'): string {
  const pillars = criteria.nodes.map((node) => node.code);
  const ratingName = new Map((criteria.ratings ?? []).map((r) => [r.id, pick(r.name, lang)]));
  const num = (figure: string | null | undefined): string => (figure === null || figure === undefined ? '—' : formatNumber(figure, lang));
  const blocks: string[] = [];
  const title = pick(criteria.title, lang);
  const key = criteria.nodes.map((node) => `${node.code} ${pick(node.name, lang)}`).join(' · ');
  blocks.push(`${title}\n${criteria.id}@${criteria.version} · sha256 ${report.criteria.sha256.slice(0, 12)}… · ${lang === 'en' ? 'period' : 'kỳ đánh giá'} ${report.period ?? '—'}\n${key}`);
  const byGroup = criteria.ranking?.cohort === 'level+group';
  for (const level of criteria.levels) {
    const groups = byGroup && level.groups ? level.groups : [null];
    for (const group of groups) {
      const units = report.results.filter((r) => r.level === level.id && (group === null || r.group === group.id));
      if (units.length === 0) continue;
      const sorted = [...units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || byCodeUnits(a.unit, b.unit));
      const groupName = group === null ? '' : ` · ${lang === 'en' ? 'group' : 'nhóm'} ${group.id}: ${pick(group.name, lang)}`;
      const levelName = pick(level.name, lang);
      const appraised = units.some((r) => r.selfPoints !== undefined);
      const header = [lang === 'en' ? 'Rank' : 'Hạng', lang === 'en' ? 'Unit' : 'Đơn vị', lang === 'en' ? 'Points' : 'Điểm', lang === 'en' ? 'Max' : 'Tối đa', lang === 'en' ? 'Index' : 'Chỉ số', lang === 'en' ? 'Rating' : 'Xếp loại', ...pillars,
        ...(appraised ? [lang === 'en' ? 'Self-assessed' : 'Tự đánh giá', lang === 'en' ? 'Difference' : 'Chênh lệch'] : [])];
      const rows = sorted.map((r: UnitResult) => [
        r.rank === null ? '—' : String(r.rank),
        r.name ?? r.unit,
        num(r.points),
        num(r.maxPoints),
        num(r.index),
        r.rating === null ? '—' : (ratingName.get(r.rating) ?? r.rating),
        ...pillars.map((code) => num(r.nodes[code]?.index)),
        ...(appraised ? [num(r.selfPoints), num(r.difference)] : []),
      ]);
      const numeric = header.map((_, i) => i !== 1 && i !== 5);
      blocks.push(`\n${levelName}${groupName} (${units.length})\n${alignColumns(header, rows, numeric)}${lackingLines(sorted, criteria, lang)}`);
    }
  }
  return `${blocks.join('\n')}\n`;
}
