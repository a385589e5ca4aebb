import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dti } from './support/cli.js';
import { buildManifest, criteriaHash, criteriaInForce, getCriteria, periodRange, periodWarnings, scoreBatch, validateCriteria } from '../src/index.js';
import { newCriteriaVersion, publishCriteriaFile, readCriteriaDir, readManifest, verifyCriteriaDir } from '../src/node/index.js';

function copyOfCriteria(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dti-criteria-'));
  cpSync('criteria', dir, { recursive: true });
  return dir;
}


describe('the manifest of published versions', () => {
  it('the repository verifies: every published file matches its recorded sha256', () => {
    expect(verifyCriteriaDir('criteria')).toEqual([]);
    const manifest = readManifest('criteria');
    const files = readCriteriaDir('criteria');
    expect(manifest.sets.map((e) => e.file).sort()).toEqual([...files.keys()].sort());
    for (const entry of manifest.sets) {
      const set = validateCriteria(JSON.parse(files.get(entry.file)!));
      expect(set.ok).toBe(true);
      if (set.ok) expect(entry.sha256).toBe(criteriaHash(set.value));
    }
  });

  it('names the file when a published file no longer matches its hash', () => {
    const dir = copyOfCriteria();
    const file = join(dir, 'can-tho/2022.1.0.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.nodes[0].children[0].children[0].points.district = '25';
    writeFileSync(file, JSON.stringify(data, null, 2));
    const issues = verifyCriteriaDir(dir);
    expect(issues.map((i) => [i.code, i.path])).toContainEqual(['version/hash-mismatch', 'can-tho/2022.1.0.json']);
    const cli = dti('criteria', 'verify', '--dir', dir);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('can-tho/2022.1.0.json');
    expect(cli.err).toContain('[version/hash-mismatch]');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a change of layout only (key order, white space) is not a change', () => {
    const dir = copyOfCriteria();
    const file = join(dir, 'can-tho/2023.1.0.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    expect(verifyCriteriaDir(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a missing published file, an unlisted published file and a published file turned draft', () => {
    const dir = copyOfCriteria();
    rmSync(join(dir, 'can-tho/2023.1.0.json'));
    const stray = JSON.parse(readFileSync(join(dir, 'can-tho/2022.1.0.json'), 'utf8'));
    writeFileSync(join(dir, 'can-tho/2022.9.0.json'), JSON.stringify({ ...stray, version: '2022.9.0' }));
    const draft = JSON.parse(readFileSync(join(dir, 'can-tho/2025.1.0.json'), 'utf8'));
    writeFileSync(join(dir, 'can-tho/2025.1.0.json'), JSON.stringify({ ...draft, status: 'draft' }));
    const codes = verifyCriteriaDir(dir).map((i) => `${i.code} ${i.path}`);
    expect(codes).toContain('version/missing-file can-tho/2023.1.0.json');
    expect(codes).toContain('version/not-in-manifest can-tho/2022.9.0.json');
    expect(codes).toContain('version/unpublished can-tho/2025.1.0.json');
    rmSync(dir, { recursive: true, force: true });
  });

  it('new → edit → publish: a draft may change freely, publishing refuses on problems and stamps the manifest', () => {
    const dir = copyOfCriteria();
    const made = newCriteriaVersion(dir, 'can-tho', '2023.1.0', '2024.1.0');
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const draft = JSON.parse(readFileSync(made.value, 'utf8'));
    expect(draft).toMatchObject({ version: '2024.1.0', status: 'draft', effective: { from: '2024-01-01', to: null } });
    expect(readManifest(dir).sets.find((e) => e.version === '2024.1.0')?.status).toBe('draft');
    // A draft changes freely.
    draft.title.vi = 'Bản nháp 2024';
    writeFileSync(made.value, JSON.stringify(draft, null, 2));
    expect(verifyCriteriaDir(dir)).toEqual([]);
    // A broken draft is refused with its problems.
    const broken = { ...draft, levels: draft.levels.map((l: { id: string }) => (l.id === 'commune' ? { ...l, expectedMax: '999' } : l)) };
    writeFileSync(made.value, JSON.stringify(broken, null, 2));
    const refused = publishCriteriaFile(made.value, dir);
    expect(refused.ok ? [] : refused.issues.map((i) => i.code)).toContain('criteria/expected-max-mismatch');
    writeFileSync(made.value, JSON.stringify(draft, null, 2));
    const published = publishCriteriaFile(made.value, dir);
    expect(published.ok).toBe(true);
    const entry = readManifest(dir).sets.find((e) => e.version === '2024.1.0');
    expect(entry?.status).toBe('published');
    expect(verifyCriteriaDir(dir)).toEqual([]);
    // Published once: never again, and never changed.
    expect(publishCriteriaFile(made.value, dir).ok).toBe(false);
    writeFileSync(made.value, readFileSync(made.value, 'utf8').replace('Bản nháp 2024', 'Sửa sau khi công bố'));
    expect(verifyCriteriaDir(dir).map((i) => i.code)).toContain('version/hash-mismatch');
    // An existing version is not overwritten by "new".
    expect(newCriteriaVersion(dir, 'can-tho', '2023.1.0', '2024.1.0').ok).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI runs the same workflow', () => {
    const dir = copyOfCriteria();
    expect(dti('criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0', '--dir', dir).code).toBe(0);
    expect(dti('criteria', 'publish', join(dir, 'can-tho/2026.1.0.json'), '--dir', dir).code).toBe(0);
    expect(dti('criteria', 'verify', '--dir', dir).code).toBe(0);
    expect(dti('criteria', 'list', '--dir', dir).out).toMatch(/can-tho@2026\.1\.0\tpublished/);
    expect(dti('criteria', 'publish', join(dir, 'can-tho/2026.1.0.json'), '--dir', dir).err).toContain('[version/already-published]');
    expect(() => dti('criteria', 'new', 'can-tho', '--dir', dir)).not.toThrow();
    expect(dti('criteria', 'new', 'can-tho', '--dir', dir).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('buildManifest orders entries and records status, dates, basis and hash', () => {
    const manifest = buildManifest([getCriteria('can-tho@2025.1.0'), getCriteria('can-tho@2022.1.0')]);
    expect(manifest.sets.map((e) => e.version)).toEqual(['2022.1.0', '2025.1.0']);
    expect(manifest.sets[0]).toMatchObject({ status: 'published', effective: { from: '2022-07-14', to: null }, basis: ['2088/QĐ-UBND', '922/QĐ-BTTTT'] });
  });
});

describe('resolution by date', () => {
  it('finds the version in force on a date', () => {
    expect(criteriaInForce('can-tho', '2022-07-14')?.version).toBe('2022.1.0');
    expect(criteriaInForce('can-tho', '2022-07-13')).toBeUndefined();
    expect(criteriaInForce('can-tho', '2023-01-01')?.version).toBe('2023.1.0');
    expect(criteriaInForce('can-tho', '2025-06-30')?.version).toBe('2023.1.0');
    expect(criteriaInForce('can-tho', '2025-07-01')?.version).toBe('2025.1.0');
  });

  it('reads periods', () => {
    expect(periodRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange('2024-H2')).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2023-02-29')).toBeUndefined();
    expect(periodRange('năm 2022')).toBeUndefined();
  });

  it('warns when the period falls outside the chosen version, naming the version in force', () => {
    const criteria = getCriteria('can-tho@2022.1.0');
    expect(scoreBatch(criteria, { period: '2022', units: [] }).warnings).toEqual([]);
    const late = scoreBatch(criteria, { period: '2024', units: [] }).warnings;
    expect(late.map((w) => w.code)).toEqual(['version/out-of-period']);
    expect(late[0]?.message).toContain('can-tho@2023.1.0');
    const early = periodWarnings(criteria, '2021');
    expect(early[0]?.message).toContain('none');
    expect(periodWarnings(getCriteria('can-tho@2025.1.0'), '2025-H1')[0]?.message).toContain('can-tho@2023.1.0');
    expect(periodWarnings(criteria, 'năm 2022').map((w) => w.code)).toEqual(['version/period-format']);
  });
});

describe('dti criteria diff', () => {
  it('lists the removed district level and the leaf changes as Markdown and JSON', () => {
    const md = dti('criteria', 'diff', 'can-tho@2022.1.0', 'can-tho@2025.1.0');
    expect(md.code).toBe(0);
    expect(md.out).toContain('district');
    expect(md.out).toContain('Bỏ');
    expect(md.out).toContain('CQS.3.8');
    const json = JSON.parse(dti('criteria', 'diff', 'can-tho@2022.1.0', 'criteria/can-tho/2025.1.0.json', '--format', 'json').out);
    expect(json.levels.removed).toEqual(['district']);
    expect(json.summary.added).toBeGreaterThan(0);
    const renamed = JSON.parse(dti('criteria', 'diff', 'can-tho@2022.1.0', 'can-tho@2023.1.0', '--format', 'json').out);
    expect(renamed.nodes.find((n: { change: string }) => n.change === 'renamed')).toMatchObject({ code: 'KTS.3.5', formerCode: 'KTS.1.4' });
    expect(dti('criteria', 'diff', 'can-tho@2022.1.0', 'nowhere@1.0.0').code).toBe(1);
  });
});

describe('dti migrate and dti compare', () => {
  it('migrates a 2022 district to 2023, lists every changed leaf, and the result scores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-migrate-'));
    const example = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
    const input = join(dir, 'ninh-kieu-2022.json');
    writeFileSync(input, JSON.stringify({ ...example, units: example.units.filter((u: { id: string }) => u.id === 'ninh-kieu') }));
    const out = join(dir, 'ninh-kieu-2023.json');
    const migrated = dti('migrate', input, '--to', 'can-tho@2023.1.0', '--out', out, '--format', 'json');
    expect(migrated.code).toBe(0);
    const result = JSON.parse(migrated.out);
    const unit = result.units[0];
    expect(unit.renamed).toEqual([{ from: 'KTS.1.4', to: 'KTS.3.5' }]);
    expect(unit.dropped).toEqual([{ code: 'CQS.3.2', reason: 'removed' }]);
    expect(unit.missing).toEqual(['CQS.3.7']);
    expect(unit.ruleChanged.map((c: { code: string }) => c.code)).toEqual(['CQS.7.2']);
    const scored = dti('score', out, '--format', 'json');
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).criteria.version).toBe('2023.1.0');
    expect(dti('migrate', input, '--to', 'can-tho@2023.1.0').out).toContain('KTS.1.4');
    rmSync(dir, { recursive: true, force: true });
  });

  it('compares the 2022 and 2023 example results: official and rebased change, with coverage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-compare-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json').out);
    writeFileSync(b, dti('score', 'examples/can-tho-2023/submissions.json', '--format', 'json').out);
    const md = dti('compare', a, b);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/Thay đổi chính thức/);
    expect(md.out).toMatch(/Độ phủ/);
    const json = JSON.parse(dti('compare', a, b, '--format', 'json').out);
    const ninhKieu = json.units.find((u: { unit: string }) => u.unit === 'ninh-kieu');
    expect(ninhKieu.official.change).toMatch(/^[+-]?\d\.\d{4}$/);
    expect(ninhKieu.rebased.coverage.a).toBe('0.9550');
    expect(dti('compare', a, join(dir, 'missing.json')).code).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
