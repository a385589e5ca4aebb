/**
 * Score the synthetic Cần Thơ 2022 examples and print each level's ranking,
 * the way an analyst would from a notebook project (CommonJS TypeScript):
 *
 *   npm run build                      # at the repository root
 *   cd examples/analyst && npm install
 *   npx ts-node score-examples.ts
 *   npx tsx score-examples.ts
 *
 * It imports the package by its name, installed from the repository
 * (`"dti-criteria": "file:../.."`), exactly as an installed copy would be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreBatch, type UnitResult } from 'dti-criteria';
import { getCriteria } from 'dti-criteria/sets';

const criteria = getCriteria('can-tho@2022.1.0');
const submission: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'can-tho-2022', 'submissions.json'), 'utf8'));
const report = scoreBatch(criteria, submission);

console.log(`${report.criteria.id}@${report.criteria.version} (sha256 ${report.criteria.sha256.slice(0, 12)}…), kỳ ${report.period ?? '—'}`);
for (const level of criteria.levels) {
  const units = report.results.filter((r: UnitResult) => r.level === level.id);
  const rows = [...units]
    .sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .map((r) => ({
      nhóm: r.group ?? '',
      hạng: r.rank,
      'đơn vị': r.name ?? r.unit,
      điểm: r.points,
      'chỉ số': r.index,
      'xếp loại': r.rating,
      CQS: r.nodes['CQS']?.index ?? '—',
      KTS: r.nodes['KTS']?.index ?? '—',
      XHS: r.nodes['XHS']?.index ?? '—',
    }));
  console.log(`\n${level.name.vi} / ${level.name.en ?? level.id}`);
  console.table(rows);
}
