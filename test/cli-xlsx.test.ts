import { mkdtempSync } from 'node:fs';
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
});
