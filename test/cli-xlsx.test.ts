import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dtiAsync as dti } from './support/cli.js';


describe('dti template and dti score on workbooks', () => {
  it('writes a template, scores it once filled, and reports a bad cell by workbook, sheet and cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-xlsx-cli-'));
    const form = join(dir, 'xa-my-khanh.xlsx');
    expect((await dti('template', '--level', 'commune', '--out', form)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(form);
    const unit = book.getWorksheet('Đơn vị')!;
    unit.getCell('B4').value = 'xa-my-khanh';
    unit.getCell('B5').value = 'Xã Mỹ Khánh';
    const sheet = book.getWorksheet('Tự đánh giá')!;
    let row = 0;
    sheet.eachRow((r, n) => { if (r.getCell(1).value === 'CQS.1.3') row = n; });
    expect(row).toBeGreaterThan(0);
    sheet.getCell(`F${row}`).value = 12;
    sheet.getCell(`G${row}`).value = 15;
    await book.xlsx.writeFile(form);
    const scored = await dti('score', form, '--format', 'json');
    expect(scored.err).toBe('');
    expect(scored.code).toBe(0);
    const report = JSON.parse(scored.out);
    expect(report.results[0].unit).toBe('xa-my-khanh');
    expect(report.results[0].nodes['CQS.1.3'].points).toBe('16.00');
    // A folder of workbooks is one batch.
    expect((await dti('score', dir, '--format', 'json')).code).toBe(0);
    // A bad cell is named by workbook, sheet and cell.
    sheet.getCell(`F${row}`).value = 20;
    await book.xlsx.writeFile(form);
    const bad = await dti('score', form);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`xa-my-khanh.xlsx!Tự đánh giá!`);
    expect(bad.err).toContain('[value/numerator-exceeds-denominator]');
  });

  it('usage errors and unknown levels', async () => {
    expect((await dti('template', '--level', 'commune')).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'dti-xlsx-cli-'));
    expect((await dti('template', '--level', 'province', '--out', join(dir, 'x.xlsx'))).code).toBe(1);
  });

  it('--lang vi|en|both: the words of the form, recorded in _meta; another language is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-xlsx-cli-'));
    const labels = async (...lang: string[]): Promise<unknown[]> => {
      const file = join(dir, `${lang.join('') || 'default'}.xlsx`);
      expect((await dti('template', '--criteria', 'can-tho@2022.1.0', '--level', 'commune', ...lang, '--out', file)).code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const meta = workbook.getWorksheet('_meta')!;
      const record = Object.fromEntries(Array.from({ length: meta.rowCount }, (_, i) => [meta.getCell(`A${i + 1}`).value, meta.getCell(`B${i + 1}`).value]));
      return [record.labels, record.lang, workbook.getWorksheet('Tự đánh giá')!.getCell('D3').value];
    };
    expect(await labels()).toEqual(['vi', 'vi', 'Cách tính điểm']);
    expect(await labels('--lang', 'en')).toEqual(['en', 'en', 'How it is scored']);
    expect(await labels('--lang', 'both')).toEqual(['both', 'vi', 'Cách tính điểm\nHow it is scored']);
    const french = await dti('template', '--level', 'commune', '--lang', 'fr', '--out', join(dir, 'fr.xlsx'));
    expect([french.code, french.err]).toEqual([2, expect.stringContaining('[cli/bad-choice]')]);
  });
});

describe('dti score on a folder of workbooks: batches that finish', () => {
  async function folderWith(): Promise<{ dir: string }> {
    const { buildTemplate } = await import('../src/xlsx/index.js');
    const { getCriteria } = await import('../src/sets/index.js');
    const criteria = getCriteria('can-tho@2022.1.0');
    const dir = mkdtempSync(join(tmpdir(), 'dti-batch-'));
    const write = async (file: string, id: string, name: string): Promise<void> => {
      writeFileSync(join(dir, file), await buildTemplate(criteria, { level: 'commune', unit: { id, name }, period: '2022' }));
    };
    await write('a-an-binh.xlsx', 'an-binh', 'Phường An Bình');
    await write('b-an-cu.xlsx', 'an-cu', 'Phường An Cư');
    await write('c-again.xlsx', 'an-binh', 'Phường An Bình'); // the same unit again
    writeFileSync(join(dir, 'd-broken.xlsx'), 'not a workbook');
    symlinkSync(join(dir, 'b-an-cu.xlsx'), join(dir, 'e-link.xlsx')); // a link to a workbook: read (a second an-cu)
    symlinkSync(join(dir, 'missing.xlsx'), join(dir, 'f-dangling.xlsx')); // a link to nothing: listed
    return { dir };
  }

  it('without --skip-invalid: every problem of every workbook, then exit 1', async () => {
    const { dir } = await folderWith();
    const run = await dti('score', dir);
    expect(run.code).toBe(1);
    for (const expected of ['f-dangling.xlsx', 'd-broken.xlsx', 'c-again.xlsx!', 'e-link.xlsx!', '[submission/duplicate-unit]', '[input/read]']) expect(run.err).toContain(expected);
  });

  it('with --skip-invalid: the valid workbooks are scored and ranked, each bad one listed with why', async () => {
    const { dir } = await folderWith();
    const run = await dti('score', dir, '--skip-invalid', '--format', 'json');
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as { results: { unit: string; rank: number }[] };
    expect(report.results.map((r) => [r.unit, r.rank])).toEqual([['an-binh', 1], ['an-cu', 1]]);
    for (const file of ['c-again.xlsx', 'd-broken.xlsx', 'e-link.xlsx', 'f-dangling.xlsx']) expect(run.err).toContain(`bỏ qua sổ tính / skipped workbook ${join(dir, file)}`);
    expect(run.err).not.toContain('skipped workbook ' + join(dir, 'a-an-binh.xlsx'));
  });
});

describe('dti template --units: a form per unit, named and locked', () => {
  it('writes one workbook per unit, its identity filled in and locked, read back as that unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-units-'));
    const units = join(dir, 'don-vi.csv');
    writeFileSync(units, 'id,name,level,group,parent\nphường-an-bình,Phường An Bình,commune,,ninh-kieu\nđông-thạnh,Xã Đông Thạnh,commune,,chau-thanh\nso-tu-phap,Sở Tư pháp,department,B,\n');
    const forms = join(dir, 'mau');
    mkdirSync(forms);
    const run = await dti('template', '--criteria', 'can-tho@2022.1.0', '--units', units, '--out', forms, '--period', '2022');
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(forms).sort()).toEqual(['dong-thanh.xlsx', 'phuong-an-binh.xlsx', 'so-tu-phap.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(forms, 'phuong-an-binh.xlsx'));
    const unit = book.getWorksheet('Đơn vị')!;
    expect([unit.getCell('B4').value, unit.getCell('B5').value, unit.getCell('B6').value, unit.getCell('B8').value]).toEqual(['phường-an-bình', 'Phường An Bình', 'commune', 'ninh-kieu']);
    expect(unit.getCell('B4').protection?.locked).not.toBe(false); // id, name, parent locked: only values are typed
    const scored = await dti('score', forms, '--format', 'json');
    expect(scored.code, scored.err).toBe(0);
    const report = JSON.parse(scored.out) as { results: { unit: string; parent: string | null; group: string | null }[] };
    expect(report.results.map((r) => [r.unit, r.parent, r.group])).toEqual([
      ['đông-thạnh', 'chau-thanh', null],
      ['phường-an-bình', 'ninh-kieu', null],
      ['so-tu-phap', null, 'B'],
    ]);
  });

  it('refuses two ids with one file name, a name Windows reserves, an unknown level, and --level with --units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-units-'));
    const units = join(dir, 'don-vi.json');
    writeFileSync(units, JSON.stringify({ units: [
      { id: 'an-bình', name: 'A', level: 'commune' }, { id: 'an-binh', name: 'B', level: 'commune' }, { id: 'con', name: 'C', level: 'commune' },
    ] }));
    const run = await dti('template', '--criteria', 'can-tho@2022.1.0', '--units', units, '--out', dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('[output/same-file]');
    expect(run.err).toContain('[output/reserved-name]');
    expect(readdirSync(dir).filter((name) => name.endsWith('.xlsx'))).toEqual([]);
    writeFileSync(units, JSON.stringify({ units: [{ id: 'x', name: 'X', level: 'province' }] }));
    const level = await dti('template', '--criteria', 'can-tho@2022.1.0', '--units', units, '--out', dir);
    expect(level.code).toBe(1);
    expect(level.err).toContain('[submission/unknown-level]');
    const both = await dti('template', '--level', 'commune', '--units', units, '--out', dir);
    expect(both.code).toBe(2);
    expect(both.err).toContain('[cli/option-conflict]');
    const neither = await dti('template', '--out', dir);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('[cli/missing-option]');
  });
});
