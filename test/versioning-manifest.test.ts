import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf } from './support/issues.js';
import { dti } from './support/cli.js';
import { buildManifest, criteriaHash, issueLocation, criteriaInForce, criteriaWarnings, periodRange, scoreBatch, safeParseCriteria } from '../src/index.js';
import { embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { safeNewCriteriaVersion, safePublishCriteriaFile, readCriteriaDir, safeReadManifest, verifyCriteriaDir } from '../src/node/index.js';
import type { Manifest } from '../src/index.js';

/** The manifest's entries (the test fails on a manifest that does not read). */
function entries(dir: string): Manifest['sets'] {
  const read = safeReadManifest(dir);
  expect(read.ok ? [] : read.issues).toEqual([]);
  return read.ok ? read.value.sets : [];
}

function copyOfCriteria(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dti-criteria-'));
  cpSync('criteria', dir, { recursive: true });
  return dir;
}


describe('the manifest of published versions', () => {
  it('the repository verifies: every published file matches its recorded sha256', () => {
    expect(verifyCriteriaDir('criteria')).toEqual([]);
    const read = safeReadManifest('criteria');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const manifest = read.value;
    const files = readCriteriaDir('criteria');
    expect(manifest.sets.map((e) => e.file).sort()).toEqual([...files.keys()].sort());
    for (const entry of manifest.sets) {
      const set = safeParseCriteria(JSON.parse(files.get(entry.file)!));
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
    const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2023.1.0'), '2024.1.0', { title: 'Bộ chỉ số 2024' });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const draft = JSON.parse(readFileSync(made.value, 'utf8'));
    expect(draft).toMatchObject({ version: '2024.1.0', status: 'draft', effective: { from: '2024-01-01', to: null } });
    expect(entries(dir).find((e) => e.version === '2024.1.0')?.status).toBe('draft');
    // A draft changes freely.
    draft.title.vi = 'Bản nháp 2024';
    writeFileSync(made.value, JSON.stringify(draft, null, 2));
    expect(verifyCriteriaDir(dir)).toEqual([]);
    // A broken draft is refused with its problems.
    const broken = { ...draft, levels: draft.levels.map((l: { id: string }) => (l.id === 'commune' ? { ...l, expectedMax: '999' } : l)) };
    writeFileSync(made.value, JSON.stringify(broken, null, 2));
    const refused = safePublishCriteriaFile(made.value, dir);
    expect(refused.ok ? [] : refused.issues.map((i) => i.code)).toContain('criteria/expected-max-mismatch');
    writeFileSync(made.value, JSON.stringify(draft, null, 2));
    const published = safePublishCriteriaFile(made.value, dir);
    expect(published.ok).toBe(true);
    const entry = entries(dir).find((e) => e.version === '2024.1.0');
    expect(entry?.status).toBe('published');
    expect(verifyCriteriaDir(dir)).toEqual([]);
    // Published once: never again, and never changed.
    expect(safePublishCriteriaFile(made.value, dir).ok).toBe(false);
    writeFileSync(made.value, readFileSync(made.value, 'utf8').replace('Bản nháp 2024', 'Sửa sau khi công bố'));
    expect(verifyCriteriaDir(dir).map((i) => i.code)).toContain('version/hash-mismatch');
    // An existing version is not overwritten by "new".
    expect(safeNewCriteriaVersion(dir, getCriteria('can-tho@2023.1.0'), '2024.1.0', { title: 'Lần nữa' }).ok).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI runs the same workflow', () => {
    const dir = copyOfCriteria();
    // `criteria new` needs a title: a usage error without one.
    const untitled = dti('criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0', '--dir', dir);
    expect(untitled.code).toBe(2);
    expect(untitled.err).toMatch(/^--title: .*"dti criteria new" needs --title <tên> \[cli\/missing-option\]$/m);
    const made = dti('criteria', 'new', 'can-tho', '--from', '2025.1.0', '--version', '2026.1.0', '--title', 'Bộ chỉ số 2026', '--effective-from', '2026-03-01', '--dir', dir);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'can-tho/2026.1.0.json'), 'utf8'))).toMatchObject({ title: { vi: 'Bộ chỉ số 2026' }, effective: { from: '2026-03-01', to: null } });
    expect(dti('criteria', 'publish', join(dir, 'can-tho/2026.1.0.json'), '--dir', dir).code).toBe(0);
    expect(dti('criteria', 'verify', '--dir', dir).code).toBe(0);
    expect(dti('criteria', 'list', '--criteria-dir', dir).out).toMatch(/can-tho@2026\.1\.0\tpublished/);
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

describe('manifest integrity: every problem is a coded issue naming its file', () => {
  const FILE = 'can-tho/2022.1.0.json';
  const codesOf = (dir: string): string[] => verifyCriteriaDir(dir).map((i) => `${i.code} ${issueLocation(i)}`);
  const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
  const editManifest = (dir: string, edit: (manifest: { format: number; sets: Record<string, unknown>[] }) => void): void => {
    const manifest = readJson(join(dir, 'manifest.json')) as { format: number; sets: Record<string, unknown>[] };
    edit(manifest);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  };
  const withDir = (body: (dir: string) => void): void => {
    const dir = copyOfCriteria();
    try {
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a published entry flipped to "draft" in the manifest, its file then edited, fails', () => {
    withDir((dir) => {
      editManifest(dir, (m) => { m.sets.find((e) => e.file === FILE)!.status = 'draft'; });
      const data = readJson(join(dir, FILE));
      writeFileSync(join(dir, FILE), JSON.stringify({ ...data, title: { vi: 'Sửa lén sau khi công bố' } }, null, 2));
      const issues = verifyCriteriaDir(dir);
      expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([`version/status-mismatch ${FILE}`]);
      expect(messageOf(issues[0])).toContain(FILE);
      expect(messageOf(issues[0])).toContain('"published"');
      // Flipped but not edited: the same.
      writeFileSync(join(dir, FILE), JSON.stringify(data, null, 2));
      expect(codesOf(dir)).toEqual([`version/status-mismatch ${FILE}`]);
    });
  });

  it('a manifest entry without its file is flagged for a draft too', () => {
    withDir((dir) => {
      const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'Bản nháp 2026' });
      expect(made.ok).toBe(true);
      expect(verifyCriteriaDir(dir)).toEqual([]);
      rmSync(join(dir, 'can-tho/2026.1.0.json'));
      const issues = verifyCriteriaDir(dir);
      expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(['version/missing-file can-tho/2026.1.0.json']);
      expect(messageOf(issues[0])).toContain('can-tho/2026.1.0.json');
    });
  });

  it('an empty folder, a missing folder, and published files with no manifest are flagged', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dti-empty-'));
    try {
      expect(verifyCriteriaDir(empty).map((i) => `${i.code} ${i.path}`)).toEqual([`version/empty-folder ${empty}`]);
      writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ format: 1, sets: [] }));
      expect(verifyCriteriaDir(empty).map((i) => i.code)).toEqual(['version/empty-folder']);
      expect(verifyCriteriaDir(join(empty, 'nowhere')).map((i) => i.code)).toEqual(['input/read']);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    withDir((dir) => {
      rmSync(join(dir, 'manifest.json'));
      const codes = codesOf(dir);
      expect(codes).toContain('version/no-manifest manifest.json');
      expect(codes).toContain(`version/not-in-manifest ${FILE}`);
      // Without a manifest, new and publish start one.
      expect(safeReadManifest(dir)).toEqual({ ok: true, value: { format: 1, sets: [] } });
    });
  });

  it('a BOM at the start of a published file is flagged; a draft may have one until it is published', () => {
    withDir((dir) => {
      writeFileSync(join(dir, FILE), `\uFEFF${readFileSync(join(dir, FILE), 'utf8')}`);
      const issues = verifyCriteriaDir(dir);
      expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([`version/bom ${FILE}`]);
      expect(messageOf(issues[0])).toContain(FILE);
      const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'Bản nháp 2026' });
      if (!made.ok) throw new Error('new failed');
      writeFileSync(made.value, `\uFEFF${readFileSync(made.value, 'utf8')}`);
      expect(codesOf(dir)).toEqual([`version/bom ${FILE}`]);
    });
  });

  it('a BOM at the start of the manifest is flagged (the manifest still reads)', () => {
    withDir((dir) => {
      writeFileSync(join(dir, 'manifest.json'), `\uFEFF${readFileSync(join(dir, 'manifest.json'), 'utf8')}`);
      expect(codesOf(dir)).toEqual(['version/bom manifest.json']);
      expect(safeReadManifest(dir).ok).toBe(true);
    });
  });

  it('a UTF-16 file and a file that is not UTF-8 are flagged, naming the encoding', () => {
    withDir((dir) => {
      writeFileSync(join(dir, FILE), Buffer.from(`\uFEFF${readFileSync(join(dir, FILE), 'utf8')}`, 'utf16le'));
      const issues = verifyCriteriaDir(dir);
      expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([`input/encoding ${FILE}`]);
      expect(messageOf(issues[0])).toContain('UTF-16LE');
      expect(messageOf(issues[0])).toContain(FILE);
      // Windows-1258 bytes: "Cần" is 43 E2 CC 6E.
      const text = readFileSync(join(dir, 'can-tho/2023.1.0.json'));
      writeFileSync(join(dir, 'can-tho/2023.1.0.json'), Buffer.concat([text.subarray(0, 20), Buffer.from([0x43, 0xe2, 0xcc, 0x6e]), text.subarray(20)]));
      const latin = verifyCriteriaDir(dir).find((i) => i.path === 'can-tho/2023.1.0.json');
      expect(latin?.code).toBe('input/encoding');
      expect(messageOf(latin)).toContain('not UTF-8');
    });
  });

  it('a manifest that is not JSON is a coded issue, never an exception', () => {
    withDir((dir) => {
      writeFileSync(join(dir, 'manifest.json'), '{ "format": 1, "sets": [');
      expect(codesOf(dir)).toEqual(['json/syntax manifest.json']);
      const read = safeReadManifest(dir);
      expect(read.ok ? [] : read.issues.map((i) => `${i.code} ${i.path}`)).toEqual([`json/syntax ${join(dir, 'manifest.json')}`]);
      expect(safePublishCriteriaFile(join(dir, FILE), dir).ok).toBe(false);
      expect(safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'x' }).ok).toBe(false);
      const verify = dti('criteria', 'verify', '--dir', dir);
      expect(verify.code).toBe(1);
      expect(verify.err).toContain('manifest.json: ');
      expect(verify.err).toContain('[json/syntax]');
      writeFileSync(join(dir, 'manifest.json'), Buffer.from('\uFEFF{"format":1,"sets":[]}', 'utf16le'));
      expect(codesOf(dir)).toEqual(['input/encoding manifest.json']);
    });
  });

  it('a manifest with an unknown field, a missing field or a bad value is refused by its schema', () => {
    withDir((dir) => {
      editManifest(dir, (m) => { m.sets[0]!.signedBy = 'someone'; });
      expect(codesOf(dir)).toEqual(['schema/unknown-key manifest.json: sets[0].signedBy']);
    });
    withDir((dir) => {
      editManifest(dir, (m) => {
        (m as Record<string, unknown>).comment = 'x';
        delete m.sets[1]!.sha256;
        m.sets[2]!.effective = { from: '2025-02-30', to: null };
        m.sets[3]!.status = 'final';
        m.sets[4]!.file = '../../outside.json';
      });
      expect(codesOf(dir).sort()).toEqual([
        'schema/date manifest.json: sets[2].effective.from',
        'schema/enum manifest.json: sets[3].status',
        'schema/format manifest.json: sets[4].file',
        'schema/required manifest.json: sets[1].sha256',
        'schema/unknown-key manifest.json: comment',
      ]);
    });
    withDir((dir) => {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 2, sets: {} }));
      expect(codesOf(dir)).toEqual(['schema/enum manifest.json: format', 'schema/type manifest.json: sets']);
    });
  });

  it('a manifest entry that disagrees with its file on dates, basis, id/version or file is flagged, field by field', () => {
    withDir((dir) => {
      editManifest(dir, (m) => {
        const entry = m.sets.find((e) => e.file === FILE)!;
        entry.effective = { from: '2022-01-01', to: '2022-12-31' };
        entry.basis = ['2088/QĐ-UBND'];
      });
      const issues = verifyCriteriaDir(dir);
      expect(issues.map((i) => i.code)).toEqual(['version/entry-mismatch', 'version/entry-mismatch', 'version/entry-mismatch']);
      expect(issues.every((i) => i.path === FILE && messageOf(i).includes(FILE))).toBe(true);
      expect(issues.map((i) => /"(effective\.\w+|basis)"/.exec(messageOf(i))?.[1])).toEqual(['effective.from', 'effective.to', 'basis']);
    });
    withDir((dir) => {
      editManifest(dir, (m) => {
        m.sets.find((e) => e.file === FILE)!.version = '2022.2.0';
        m.sets.push({ ...m.sets.find((e) => e.file === 'can-tho/2023.1.0.json')! });
      });
      expect(codesOf(dir)).toEqual([
        `version/entry-mismatch ${FILE}`,
        `version/entry-mismatch ${FILE}`,
        'version/duplicate-entry can-tho/2023.1.0.json',
      ]);
    });
  });

  it('publishes a draft saved with a BOM, and writes it back without one', () => {
    withDir((dir) => {
      const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'Bộ chỉ số 2026', effectiveFrom: '2026-01-15' });
      if (!made.ok) throw new Error('new failed');
      writeFileSync(made.value, `\uFEFF${readFileSync(made.value, 'utf8')}`);
      const published = safePublishCriteriaFile(made.value, dir);
      expect(published.ok ? [] : published.issues).toEqual([]);
      const bytes = readFileSync(made.value);
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(0, 1).toString()).toBe('{');
      expect(JSON.parse(bytes.toString('utf8')).status).toBe('published');
      expect(verifyCriteriaDir(dir)).toEqual([]);
    });
  });

  it('publishing an unreadable path, a UTF-16 draft or bad JSON answers coded issues naming the file', () => {
    withDir((dir) => {
      const missing = join(dir, 'can-tho/2030.1.0.json');
      const unread = safePublishCriteriaFile(missing, dir);
      expect(unread.ok ? [] : unread.issues.map((i) => `${i.code} ${i.path}`)).toEqual([`input/read ${missing}`]);
      expect(messageOf(unread.ok ? undefined : unread.issues[0])).toContain(missing);
      const folder = safePublishCriteriaFile(join(dir, 'can-tho'), dir);
      expect(folder.ok ? [] : folder.issues.map((i) => i.code)).toEqual(['input/read']);
      const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'Bộ chỉ số 2026' });
      if (!made.ok) throw new Error('new failed');
      const text = readFileSync(made.value, 'utf8');
      writeFileSync(made.value, Buffer.from(`\uFEFF${text}`, 'utf16le'));
      const utf16 = safePublishCriteriaFile(made.value, dir);
      expect(utf16.ok ? [] : utf16.issues.map((i) => `${i.code} ${i.path}`)).toEqual([`input/encoding ${made.value}`]);
      writeFileSync(made.value, text.slice(0, 100));
      expect(safePublishCriteriaFile(made.value, dir).ok ? [] : ['json/syntax']).toEqual(['json/syntax']);
      // Nothing was published.
      expect(entries(dir).find((e) => e.version === '2026.1.0')?.status).toBe('draft');
    });
  });

  it('safeNewCriteriaVersion sets the title, description and dates; nothing of the old text is carried over', () => {
    withDir((dir) => {
      const old = readFileSync(join(dir, 'can-tho/2025.1.0.json'), 'utf8');
      const oldData = JSON.parse(old);
      expect(oldData.description).toBeDefined();
      const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', {
        title: 'Bộ chỉ số chuyển đổi số Cần Thơ năm 2026',
        titleEn: 'Cần Thơ digital transformation index 2026',
        description: 'Theo Quyết định số 12/QĐ-UBND.',
        descriptionEn: 'Per Decision 12/QĐ-UBND.',
        effectiveFrom: '2026-04-01',
        effectiveTo: '2026-12-31',
      });
      if (!made.ok) throw new Error(JSON.stringify(made.issues));
      const text = readFileSync(made.value, 'utf8');
      const draft = JSON.parse(text);
      expect(draft).toMatchObject({
        version: '2026.1.0',
        status: 'draft',
        title: { vi: 'Bộ chỉ số chuyển đổi số Cần Thơ năm 2026', en: 'Cần Thơ digital transformation index 2026' },
        description: { vi: 'Theo Quyết định số 12/QĐ-UBND.', en: 'Per Decision 12/QĐ-UBND.' },
        effective: { from: '2026-04-01', to: '2026-12-31' },
      });
      for (const stale of [oldData.title.vi, oldData.title.en, oldData.description.vi, oldData.description.en]) expect(text).not.toContain(stale);
      // The key order of the old file is kept (description right after title).
      expect(Object.keys(draft)).toEqual(Object.keys(oldData));
      expect(entries(dir).find((e) => e.version === '2026.1.0')).toMatchObject({ status: 'draft', effective: { from: '2026-04-01', to: '2026-12-31' } });
      expect(verifyCriteriaDir(dir)).toEqual([]);
      // No description given: none, and the defaults for the dates.
      const bare = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2027.1.0', { title: 'Bộ chỉ số 2027' });
      if (!bare.ok) throw new Error(JSON.stringify(bare.issues));
      const bareText = readFileSync(bare.value, 'utf8');
      expect(JSON.parse(bareText)).toMatchObject({ title: { vi: 'Bộ chỉ số 2027' }, effective: { from: '2027-01-01', to: null } });
      expect(JSON.parse(bareText).title.en).toBeUndefined();
      expect('description' in JSON.parse(bareText)).toBe(false);
      for (const stale of [oldData.title.vi, oldData.title.en, oldData.description.vi, oldData.description.en]) expect(bareText).not.toContain(stale);
    });
  });

  it('safeNewCriteriaVersion refuses bad dates and arguments with coded issues, and writes nothing then', () => {
    withDir((dir) => {
      const codes = (options: Parameters<typeof safeNewCriteriaVersion>[3], version = '2026.1.0'): string[] => {
        const made = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), version, options);
        return made.ok ? [] : made.issues.map((i) => `${i.code} ${i.path}`);
      };
      expect(codes({ title: 'x', effectiveFrom: '2026-02-30' })).toEqual(['schema/date effective.from']);
      expect(codes({ title: 'x', effectiveFrom: '1/4/2026' })).toEqual(['schema/date effective.from']);
      expect(codes({ title: 'x', effectiveTo: '2026-13-01' })).toEqual(['schema/date effective.to']);
      expect(codes({ title: 'x', effectiveFrom: '2026-06-01', effectiveTo: '2026-05-31' })).toEqual(['criteria/effective-dates effective.to']);
      expect(codes({ title: '  ' })).toEqual(['schema/required title.vi']);
      expect(codes({ title: 'x', descriptionEn: 'English only' })).toEqual(['schema/required description.vi']);
      expect(codes({ title: 'x' }, '2026')).toEqual(['schema/version version']);
      expect(codes({ title: 'x' }, 'next')).toEqual(['schema/version version']);
      expect(readCriteriaDir(dir).has('can-tho/2026.1.0.json')).toBe(false);
      expect(entries(dir).some((e) => e.version === '2026.1.0')).toBe(false);
      const same = safeNewCriteriaVersion(dir, getCriteria('can-tho@2025.1.0'), '2026.1.0', { title: 'x', effectiveFrom: '2026-06-01', effectiveTo: '2026-06-01' });
      expect(same.ok).toBe(true);
    });
  });
});

describe('resolution by date', () => {
  const versions = embeddedCriteria.list();
  it('finds the version in force on a date', () => {
    expect(criteriaInForce('can-tho', '2022-07-14', versions)?.version).toBe('2022.1.0');
    expect(criteriaInForce('can-tho', '2022-07-13', versions)).toBeUndefined();
    expect(criteriaInForce('can-tho', '2023-01-01', versions)?.version).toBe('2023.1.0');
    expect(criteriaInForce('can-tho', '2025-06-30', versions)?.version).toBe('2023.1.0');
    expect(criteriaInForce('can-tho', '2025-07-01', versions)?.version).toBe('2025.1.0');
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
    expect(scoreBatch(criteria, { period: '2022', units: [] }, { versions }).warnings).toEqual([]);
    const late = scoreBatch(criteria, { period: '2024', units: [] }, { versions }).warnings;
    expect(late.map((w) => w.code)).toEqual(['version/out-of-period']);
    expect(messageOf(late[0])).toContain('can-tho@2023.1.0');
    const early = criteriaWarnings(criteria, '2021', versions);
    expect(messageOf(early[0])).toContain('none');
    expect(messageOf(criteriaWarnings(getCriteria('can-tho@2025.1.0'), '2025-H1', versions)[0])).toContain('can-tho@2023.1.0');
    expect(criteriaWarnings(criteria, 'năm 2022', versions).map((w) => w.code)).toEqual(['version/period-format']);
  });

  it('without the other versions, only the set\'s own dates are judged', () => {
    const criteria = getCriteria('can-tho@2025.1.0');
    expect(criteriaWarnings(criteria, '2024').map((w) => w.code)).toEqual(['version/out-of-period']);
    expect(messageOf(criteriaWarnings(criteria, '2024')[0])).toContain('none');
    expect(criteriaWarnings(criteria, '2026')).toEqual([]);
  });

  it('a draft is scored with a warning that the results are not official', () => {
    const draft = safeParseCriteria({ ...JSON.parse(JSON.stringify(getCriteria('can-tho@2025.1.0'))), version: '2026.1.0', status: 'draft', effective: { from: '2026-01-01', to: null } });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(criteriaWarnings(draft.value, '2026', versions).map((w) => w.code)).toEqual(['version/draft']);
    expect(criteriaWarnings(draft.value, '2024', versions).map((w) => w.code)).toEqual(['version/draft', 'version/out-of-period']);
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
