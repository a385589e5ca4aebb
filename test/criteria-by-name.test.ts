// Criteria as data, end to end (spec section 11): a version made with `dti criteria new` in an
// empty folder is usable by name by every command, with no code change; resolution by period;
// submissions name sets, never files; every set handed out is frozen and caches never go stale.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf } from './support/issues.js';
import { createRegistry, criteriaHash, criteriaSource, safeScoreBatch, type CriteriaSet, type ScoreReport } from '../src/index.js';
import { safeOpenCriteriaRegistry } from '../src/node/index.js';
import { canTho2022, canTho2025, embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { dti, dtiAsync } from './support/cli.js';

const repo = resolve(__dirname, '..');
const examples2025 = join(repo, 'examples/can-tho-2025/submissions.json');

/** Runs `body` with the working directory set to `dir` (the registry reads ./criteria of it). */
async function inFolder<T>(dir: string, body: () => T | Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await body();
  } finally {
    process.chdir(before);
  }
}

describe('the DIC cycle in an empty folder, by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-cycle-'));
  const title = 'Bộ chỉ số đánh giá chuyển đổi số thành phố Cần Thơ năm 2026';

  it('criteria new → edit → validate → publish → verify → score, template, migrate, report, compare by name', async () => {
    await inFolder(dir, async () => {
      const made = dti('criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0', '--title', title, '--title-en', 'Cần Thơ DTI 2026', '--effective-from', '2026-01-01');
      expect(made.code, made.err).toBe(0);
      const file = join('criteria', 'can-tho', '2026.1.0.json');
      expect(existsSync(file)).toBe(true);
      const draft = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { nodes: { code: string; children?: { code: string; rule?: unknown }[] }[] };
      expect(draft).toMatchObject({ id: 'can-tho', version: '2026.1.0', status: 'draft', title: { vi: title, en: 'Cần Thơ DTI 2026' }, effective: { from: '2026-01-01', to: null } });
      expect(JSON.stringify(draft.title)).not.toContain('2025');
      expect(draft.description).toBeUndefined();

      // The edit: a real decision as the basis, and a target raised.
      draft.basis = [{ ref: '999/QĐ-UBND', date: '2025-12-20', title: { vi: 'Quyết định ban hành Bộ chỉ số năm 2026' } }];
      writeFileSync(file, `${JSON.stringify(draft, null, 2)}\n`);

      expect(dti('validate', file).code).toBe(0);
      expect(dti('criteria', 'publish', file).code).toBe(0);
      const verify = dti('criteria', 'verify');
      expect(verify.code, verify.err).toBe(0);
      expect(dti('criteria', 'list').out).toMatch(/can-tho@2026\.1\.0\tpublished\t2026-01-01 → …\t[0-9a-f]{12}\t.*criteria/);

      const scored = dti('score', examples2025, '--criteria', 'can-tho@2026.1.0', '--format', 'json');
      expect(scored.code, scored.err).toBe(0);
      const report = JSON.parse(scored.out) as ScoreReport;
      expect(report.criteria).toMatchObject({ id: 'can-tho', version: '2026.1.0' });
      expect(report.warnings.map((w) => w.code)).toContain('version/out-of-period'); // the 2025 examples are not of 2026
      writeFileSync('results-2026.json', scored.out);
      writeFileSync('results-2025.json', dti('score', examples2025, '--format', 'json').out);

      const template = await dtiAsync('template', '--criteria', 'can-tho@2026.1.0', '--level', 'commune', '--out', 'form.xlsx');
      expect(template.code, template.err).toBe(0);
      expect(template.out).toContain('can-tho@2026.1.0');

      const migrated = dti('migrate', examples2025, '--to', 'can-tho@2026.1.0', '--period', '2026', '--out', 'units-2026.json');
      expect(migrated.code, migrated.err).toBe(0);
      const units2026 = JSON.parse(readFileSync('units-2026.json', 'utf8')) as { criteria: string; period: string };
      expect([units2026.criteria, units2026.period]).toEqual(['can-tho@2026.1.0', '2026']);
      // The migrated batch names its set; scored without --criteria, with no out-of-period warning.
      const rescored = dti('score', 'units-2026.json', '--format', 'json');
      expect(rescored.code, rescored.err).toBe(0);
      expect((JSON.parse(rescored.out) as ScoreReport).warnings).toEqual([]);

      const html = await dtiAsync('report', 'results-2026.json', '--out', 'report.html');
      expect(html.code, html.err).toBe(0);
      expect(readFileSync('report.html', 'utf8')).toContain('2026.1.0');

      const compared = dti('compare', 'results-2025.json', 'results-2026.json', '--format', 'json');
      expect(compared.code, compared.err).toBe(0);
      expect(JSON.parse(compared.out)).toMatchObject({ a: { criteria: { version: '2025.1.0' } }, b: { criteria: { version: '2026.1.0' } } });

      const diff = dti('criteria', 'diff', 'can-tho@2025.1.0', 'can-tho@2026.1.0', '--format', 'json');
      expect(diff.code, diff.err).toBe(0);
    });
  });

  it('with no set named, the version in force for the period is used, and the output says which', async () => {
    await inFolder(dir, async () => {
      const sub = { period: '2026', units: [] };
      writeFileSync('period-2026.json', JSON.stringify(sub));
      const table = dti('score', 'period-2026.json');
      expect(table.code, table.err).toBe(0);
      expect(table.err).toContain('can-tho@2026.1.0 (có hiệu lực cuối kỳ 2026 / in force at the end of period 2026)');
      writeFileSync('period-2024.json', JSON.stringify({ ...sub, period: '2024' }));
      expect(JSON.parse(dti('score', 'period-2024.json', '--format', 'json').out).criteria.version).toBe('2023.1.0');
      const form = await dtiAsync('template', '--level', 'commune', '--period', '2026', '--out', 'default.xlsx');
      expect(form.err).toContain('can-tho@2026.1.0');
      const earlier = await dtiAsync('template', '--level', 'district', '--period', '2022', '--out', 'district.xlsx');
      expect(earlier.code, earlier.err).toBe(0);
      expect(earlier.err).toContain('can-tho@2022.1.0');
    });
  });
});

describe('a period outside the set\'s dates is said in every output format', () => {
  it('table and CSV print the warning on stderr, JSON carries it', () => {
    for (const format of ['table', 'csv']) {
      const { code, err } = dti('score', examples2025, '--criteria', 'can-tho@2022.1.0', '--format', format, '--skip-invalid');
      expect(code, err).toBe(0);
      expect(err).toContain('bộ tiêu chí / criteria: can-tho@2022.1.0');
      expect(err).toMatch(/warning: period: .*can-tho@2025\.1\.0.*\[version\/out-of-period\]/);
    }
    const json = dti('score', examples2025, '--criteria', 'can-tho@2022.1.0', '--format', 'json', '--skip-invalid');
    expect((JSON.parse(json.out) as ScoreReport).warnings.map((w) => w.code)).toEqual(['submission/criteria-mismatch', 'version/out-of-period']);
    expect(json.err).not.toContain('warning');
  });
});

describe('resolution', () => {
  it('an unknown reference lists the versions that exist; a bare id with no version in force is coded', () => {
    const missing = embeddedCriteria.safeResolve('can-tho@2030.1.0');
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.issues[0]?.code).toBe('criteria/not-found');
    expect(messageOf(missing.issues[0])).toContain('can-tho@2022.1.0, can-tho@2023.1.0, can-tho@2025.1.0');
    const unknownId = embeddedCriteria.safeResolve('ha-noi');
    expect(messageOf(!unknownId.ok && unknownId.issues[0])).toContain('can-tho, vn-dti-province');
    const early = embeddedCriteria.safeResolve('can-tho', { period: '2021' });
    expect(!early.ok && early.issues.map((i) => i.code)).toEqual(['criteria/none-in-force']);
    expect(messageOf(!early.ok && early.issues[0])).toContain('can-tho@2022.1.0 (2022-07-14 → …)');
    const badPeriod = embeddedCriteria.safeResolve('can-tho', { period: 'năm ngoái' });
    expect(!badPeriod.ok && badPeriod.issues[0]?.code).toBe('version/period-format');
    for (const ref of ['criteria/can-tho/2022.1.0.json', '../secret', 'Can-Tho', 'can-tho@2022', '']) {
      const bad = embeddedCriteria.safeResolve(ref);
      expect(!bad.ok && bad.issues[0]?.code, ref).toBe('criteria/bad-reference');
    }
  });

  it('resolves by the last day of the period, the latest `from` winning', () => {
    const version = (period: string): string | false => { const r = embeddedCriteria.safeResolve('can-tho', { period }); return r.ok && r.value.version; };
    expect(version('2022')).toBe('2022.1.0');
    expect(version('2024')).toBe('2023.1.0');
    expect(version('2025-H1')).toBe('2023.1.0');
    expect(version('2025-06')).toBe('2023.1.0');
    expect(version('2025-07')).toBe('2025.1.0');
    expect(version('2025')).toBe('2025.1.0');
    const latest = embeddedCriteria.safeResolve('can-tho');
    expect(latest.ok && latest.value.version).toBe('2025.1.0');
  });

  it('the same id@version with two contents in two sources is a coded error naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-conflict-'));
    const altered = { ...JSON.parse(JSON.stringify(canTho2025)), title: { vi: 'Bản sửa lén' } };
    const folder = join(dir, 'criteria');
    mkdirSync(join(folder, 'can-tho'), { recursive: true });
    writeFileSync(join(folder, 'can-tho', '2025.1.0.json'), JSON.stringify(altered, null, 2));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ format: 1, sets: [{ id: 'can-tho', version: '2025.1.0', status: 'published', effective: altered.effective, basis: altered.basis.map((b: { ref: string }) => b.ref), sha256: criteriaHash(getCriteria('can-tho@2025.1.0')).replace(/^./, '0'), file: 'can-tho/2025.1.0.json' }] }, null, 2));
    const registry = safeOpenCriteriaRegistry({ criteriaDir: folder, cwd: dir, env: {} });
    expect(registry.ok).toBe(true);
    if (!registry.ok) return;
    const conflict = registry.value.safeResolve('can-tho@2025.1.0');
    expect(!conflict.ok && conflict.issues[0]?.code).toBe('criteria/conflict');
    expect(messageOf(!conflict.ok && conflict.issues[0])).toContain(folder);
    expect(messageOf(!conflict.ok && conflict.issues[0])).toContain('embedded');
    // The other versions still resolve; the CLI answers the same.
    expect(registry.value.safeResolve('can-tho@2022.1.0').ok).toBe(true);
    const cli = dti('score', examples2025, '--criteria-dir', folder);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain('[criteria/conflict]');
  });

  it('a folder named explicitly must exist and hold a manifest; DTI_CRITERIA_DIR is read', () => {
    expect(safeOpenCriteriaRegistry({ criteriaDir: join(tmpdir(), 'no-such-dti-folder'), env: {} }).ok).toBe(false);
    const viaEnv = safeOpenCriteriaRegistry({ cwd: tmpdir(), env: { DTI_CRITERIA_DIR: join(repo, 'test/fixtures/other-province/criteria') } });
    expect(viaEnv.ok && viaEnv.value.sources.length).toBe(2);
    const sx = viaEnv.ok ? viaEnv.value.safeResolve('song-xanh', { period: '2024' }) : undefined;
    expect(sx?.ok && sx.value.version).toBe('2024.1.0');
    expect(dti('score', examples2025, '--criteria-dir', join(tmpdir(), 'no-such-dti-folder')).err).toContain('[criteria/source]');
  });

  it('a published file edited after publishing is refused when resolved by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-tamper-'));
    const result = safeOpenCriteriaRegistry({ cwd: dir, env: {} });
    expect(result.ok).toBe(true);
    return inFolder(dir, () => {
      expect(dti('criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0', '--title', 'Bộ 2026').code).toBe(0);
      const file = join('criteria', 'can-tho', '2026.1.0.json');
      expect(dti('criteria', 'publish', file).code).toBe(0);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...data, title: { vi: 'Sửa sau khi công bố' } }, null, 2));
      const scored = dti('score', examples2025, '--criteria', 'can-tho@2026.1.0');
      expect(scored.code).toBe(1);
      expect(scored.err).toContain('[version/hash-mismatch]');
    });
  });
});

describe('submissions name sets, never files', () => {
  it('a path in the "criteria" field is a coded error that echoes nothing from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-path-'));
    const secret = join(dir, 'secret.json');
    writeFileSync(secret, '{"password": "hunter2-do-not-echo"}');
    const lenient = join(dir, 'lenient.json');
    writeFileSync(lenient, JSON.stringify({ ...JSON.parse(JSON.stringify(canTho2022)), ratings: [{ id: 'xuat-sac', name: { vi: 'Xuất sắc' }, min: '0' }] }));
    for (const ref of [secret, lenient, './criteria/can-tho/2022.1.0.json']) {
      const file = join(dir, 'sub.json');
      writeFileSync(file, JSON.stringify({ criteria: ref, units: [] }));
      for (const format of ['table', 'json']) {
        const { code, out, err } = dti('score', file, '--format', format);
        expect(code).toBe(1);
        expect(out + err).toContain('criteria/bad-reference');
        expect(out + err).not.toContain('hunter2');
      }
    }
    const library = safeScoreBatch(canTho2022, { criteria: secret, units: [] });
    expect(!library.ok && library.issues.map((i) => `${i.path} [${i.code}]`)).toEqual(['criteria [schema/format]']);
  });
});

describe('immutable sets, safe caches', () => {
  it('every set handed out is deep-frozen: an edit after use is refused', () => {
    const set = getCriteria('can-tho@2022.1.0');
    safeScoreBatch(set, { units: [] });
    expect(Object.isFrozen(set)).toBe(true);
    expect(() => { (set as { title: unknown }).title = { vi: 'x' }; }).toThrow(TypeError);
    const leaf = set.nodes[0]!.children![0]!.children![0]!;
    expect(() => { (leaf.points as Record<string, unknown>).commune = '999'; }).toThrow(TypeError);
    const registry = createRegistry([criteriaSource('mine', [JSON.parse(JSON.stringify(canTho2022)) as CriteriaSet])]);
    const mine = registry.safeResolve('can-tho@2022.1.0');
    expect(mine.ok && Object.isFrozen(mine.value.nodes[0])).toBe(true);
  });

  it('a set of the caller\'s own (not frozen) is scored and stamped as its current content after an edit', () => {
    const own = JSON.parse(JSON.stringify(canTho2022)) as { nodes: { children: { children: { code: string; points: Record<string, string> }[] }[] }[] } & CriteriaSet;
    const submission = { units: [{ id: 'x', level: 'commune', values: { 'CQS.2.1': true } }] };
    const first = safeScoreBatch(own, submission);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const leaf = own.nodes.flatMap((p) => p.children).flatMap((g) => g.children).find((l) => l.code === 'CQS.2.1')!;
    const before = first.value.results[0]!.nodes['CQS.2.1']!.points;
    leaf.points = { ...leaf.points, commune: String(Number(leaf.points.commune) + 5) };
    const commune = own.levels.find((level) => level.id === 'commune') as { expectedMax?: unknown };
    commune.expectedMax = String(Number(commune.expectedMax) + 5);
    const second = safeScoreBatch(own, submission);
    expect(second.ok, second.ok ? '' : JSON.stringify(second.issues.slice(0, 2))).toBe(true);
    if (!second.ok) return;
    expect(second.value.results[0]!.nodes['CQS.2.1']!.points).not.toBe(before);
    expect(Number(second.value.results[0]!.nodes['CQS.2.1']!.points)).toBe(Number(before) + 5);
    expect(second.value.criteria.sha256).not.toBe(first.value.criteria.sha256);
    expect(second.value.criteria.sha256).toBe(criteriaHash(own));
    // The caller's input to validation is copied, never frozen.
    expect(Object.isFrozen(own)).toBe(false);
  });
});

