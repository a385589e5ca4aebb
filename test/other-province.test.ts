// A second, independent set is data only: the imaginary province Sông Xanh (test/fixtures/other-province),
// used through --criteria-dir by every command, with no change to src/.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../src/index.js';
import { dti, dtiAsync } from './support/cli.js';

const fixture = resolve(__dirname, 'fixtures/other-province');
const dir = join(fixture, 'criteria');
const sub2024 = join(fixture, 'submissions-2024.json');
const sub2025 = join(fixture, 'submissions-2025.json');
const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as {
  unit: string; points: string; index: string; leaves: Record<string, string | null>; firstByCohort: Record<string, string>;
};
const out = mkdtempSync(join(tmpdir(), 'dti-song-xanh-'));

describe('song-xanh through --criteria-dir', () => {
  it('validate and verify', () => {
    for (const version of ['2024.1.0', '2025.1.0']) expect(dti('validate', join(dir, 'song-xanh', `${version}.json`)).code).toBe(0);
    const verify = dti('criteria', 'verify', '--dir', dir);
    expect(verify.code, verify.err).toBe(0);
    expect(dti('criteria', 'list', '--criteria-dir', dir).out).toContain('song-xanh@2025.1.0\tpublished');
  });

  it('score: the submission names its set; the figures are the ones worked by hand', () => {
    const { code, out: text, err } = dti('score', sub2024, '--criteria-dir', dir, '--format', 'json');
    expect(code, err).toBe(0);
    const report = JSON.parse(text) as ScoreReport;
    expect(report.criteria).toMatchObject({ id: 'song-xanh', version: '2024.1.0' });
    expect(report.warnings).toEqual([]);
    const unit = report.results.find((r) => r.unit === expected.unit)!;
    expect([unit.points, unit.index]).toEqual([expected.points, expected.index]);
    for (const [code, points] of Object.entries(expected.leaves)) expect(unit.nodes[code]?.points ?? null, code).toBe(points);
    for (const [level, first] of Object.entries(expected.firstByCohort)) {
      expect(report.results.find((r) => r.level === level && r.rank === 1)?.unit, level).toBe(first);
    }
    // A bare id resolves by the period; the table names the set.
    const table = dti('score', sub2025, '--criteria-dir', dir, '--criteria', 'song-xanh');
    expect(table.code, table.err).toBe(0);
    expect(table.err).toContain('song-xanh@2025.1.0');
    expect(table.out).toContain('song-xanh@2025.1.0');
    // Without the folder the set does not exist: the error lists what does.
    const missing = dti('score', sub2024);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[criteria/not-found]');
  });

  it('template, report, criteria diff, migrate and compare', async () => {
    const form = await dtiAsync('template', '--criteria-dir', dir, '--criteria', 'song-xanh', '--period', '2024', '--level', 'so', '--group', 'dvc', '--out', join(out, 'so.xlsx'));
    expect(form.code, form.err).toBe(0);
    expect(form.err).toContain('song-xanh@2024.1.0');
    const scored = dti('score', sub2024, '--criteria-dir', dir, '--format', 'json');
    const results2024 = join(out, 'r2024.json');
    const results2025 = join(out, 'r2025.json');
    (await import('node:fs')).writeFileSync(results2024, scored.out);
    (await import('node:fs')).writeFileSync(results2025, dti('score', sub2025, '--criteria-dir', dir, '--format', 'json').out);
    const md = await dtiAsync('report', results2024, '--criteria-dir', dir, '--format', 'md');
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain('Sông Xanh');
    const diff = dti('criteria', 'diff', 'song-xanh@2024.1.0', 'song-xanh@2025.1.0', '--criteria-dir', dir, '--format', 'json');
    expect(diff.code, diff.err).toBe(0);
    const changes = JSON.parse(diff.out) as { nodes: { code: string; change: string; formerCode?: string }[] };
    expect(changes.nodes.find((n) => n.change === 'renamed')).toMatchObject({ code: 'DV.6', formerCode: 'DV.4' });
    expect(changes.nodes.filter((n) => n.change === 'removed').map((n) => n.code)).toContain('NL.4');
    expect(changes.nodes.filter((n) => n.change === 'added').map((n) => n.code)).toContain('HT.6');
    const migrated = dti('migrate', sub2024, '--criteria-dir', dir, '--to', 'song-xanh', '--period', '2025', '--format', 'json');
    expect(migrated.code, migrated.err).toBe(0);
    const migration = JSON.parse(migrated.out) as { submission: { criteria: string; period: string } };
    expect([migration.submission.criteria, migration.submission.period]).toEqual(['song-xanh@2025.1.0', '2025']);
    const compared = dti('compare', results2024, results2025, '--criteria-dir', dir);
    expect(compared.code, compared.err).toBe(0);
    expect(compared.out).toContain('song-xanh@2025.1.0');
  });
});
