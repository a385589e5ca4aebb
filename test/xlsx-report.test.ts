import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Dec, DtiError, readDecimal, scoreBatch, type ScoreReport, type Submission, type UnitResult } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import ExcelJS from 'exceljs';
import { exactNumber, writeDecimal } from '../src/xlsx/cells.js';
import { reportToXlsx } from '../src/xlsx/index.js';
import { open, sheet } from './fixtures/xlsx/workbook-helpers.js';

const criteria = getCriteria('can-tho@2022.1.0');
const example = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
const report = scoreBatch(criteria, example);

/** What a cell shows: a number in its fixed-decimals format, or its text. */
function shown(sheetRef: Worksheet, row: number, column: number): string {
  const cell = sheetRef.getCell(row, column);
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const places = /^#,##0\.(0+)$/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0;
    return readDecimal(value)!.toFixed(places);
  }
  return String(value);
}

function header(sheetRef: Worksheet, row: number): string[] {
  const out: string[] = [];
  for (let column = 1; column <= sheetRef.columnCount; column++) out.push(String(sheetRef.getCell(row, column).value ?? ''));
  return out;
}

describe('reportToXlsx', () => {
  it('writes one ranking sheet per cohort whose rows match the report, in rank order', async () => {
    const workbook = await open(await reportToXlsx(report, criteria));
    // Vietnamese names throughout; a name too long for Excel's 31 characters is the cohort's alone.
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Thông tin', 'Xếp hạng Sở, ban, ngành nhóm A', 'Xếp hạng Sở, ban, ngành nhóm B', 'Xếp hạng Sở, ban, ngành nhóm C', 'Xếp hạng UBND quận, huyện', 'UBND xã, phường, thị trấn', 'Điểm chi tiết', 'Thẩm định',
    ]);
    const cohorts: [string, (r: UnitResult) => boolean][] = [
      ['Xếp hạng Sở, ban, ngành nhóm A', (r) => r.level === 'department' && r.group === 'A'],
      ['Xếp hạng Sở, ban, ngành nhóm B', (r) => r.level === 'department' && r.group === 'B'],
      ['Xếp hạng Sở, ban, ngành nhóm C', (r) => r.level === 'department' && r.group === 'C'],
      ['Xếp hạng UBND quận, huyện', (r) => r.level === 'district'],
      ['UBND xã, phường, thị trấn', (r) => r.level === 'commune'],
    ];
    const names = new Map(report.results.map((result) => [result.unit, result.name]));
    const ratingName = new Map((criteria.ratings ?? []).map((rating) => [rating.id, rating.name.vi]));
    let appraisedSeen = 0;
    for (const [name, member] of cohorts) {
      const ranking = sheet(workbook, name);
      const roots = header(ranking, 2).slice(12).map((text) => /Chỉ số (\S+):/.exec(text)?.[1] ?? '');
      expect(header(ranking, 2).slice(0, 12)).toEqual(['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Hạng trong đơn vị cấp trên', 'Điểm', 'Điểm tối đa', 'Chỉ số', 'Xếp loại', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch (thẩm định − tự đánh giá)']);
      const expected = report.results.filter(member).map((result, index) => ({ result, index })).sort((a, b) => (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity) || a.index - b.index).map((entry) => entry.result);
      expect(expected.length).toBeGreaterThan(0);
      expected.forEach((result, position) => {
        const row = position + 3;
        const cells = Array.from({ length: 12 + roots.length }, (_, i) => shown(ranking, row, i + 1));
        expect(cells).toEqual([
          result.rank === null ? '' : String(result.rank), result.unit, result.name ?? '', result.parent === null ? '' : (names.get(result.parent) ?? result.parent), result.rankInParent === null ? '' : String(result.rankInParent),
          result.points, result.maxPoints, result.index ?? '', result.rating === null ? '' : ratingName.get(result.rating),
          result.selfPoints ?? result.points, result.selfPoints === undefined ? '' : result.points, result.difference ?? '',
          ...roots.map((code) => result.nodes[code]?.index ?? ''),
        ]);
        if (result.difference !== undefined) appraisedSeen++;
      });
      expect(shown(ranking, expected.length + 3, 2)).toBe('');
      // For paper and for a council: A4, fit to the width, header rows on every page, a filter on the table.
      expect(ranking.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
      expect(ranking.autoFilter).toBeDefined();
    }
    expect(appraisedSeen).toBeGreaterThan(0);
    // Thousands grouping: the spreadsheet program shows its locale's separators (1.234,50 in Vietnamese).
    expect(sheet(workbook, 'Xếp hạng UBND quận, huyện').getCell('F3').numFmt).toBe('#,##0.00');
    expect(sheet(workbook, 'Xếp hạng UBND quận, huyện').getCell('H3').numFmt).toBe('#,##0.0000');
    // A commune's parent is shown by the district's name.
    expect(shown(sheet(workbook, 'UBND xã, phường, thị trấn'), 3, 4)).toMatch(/^(Quận|Huyện) /);
    const about = sheet(workbook, 'Thông tin');
    expect(Array.from({ length: 8 }, (_, i) => String(about.getCell(i + 1, 2).value))).toContain('theo chỉ số; đồng hạng thì hạng sau bỏ trống (1, 1, 3); trong mỗi cấp và nhóm');
  });

  it('the node points sheet holds every node of every unit, n/a where not applicable', async () => {
    const workbook = await open(await reportToXlsx(report, criteria));
    const detail = sheet(workbook, 'Điểm chi tiết');
    const codes = header(detail, 1).slice(4);
    expect(codes.slice(0, 3)).toEqual(['CQS', 'CQS.1', 'CQS.1.1']);
    report.results.forEach((result, position) => {
      const row = position + 3;
      expect(shown(detail, row, 1)).toBe(result.unit);
      // The level and group by name, not by id.
      const level = criteria.levels.find((l) => l.id === result.level)!;
      expect(shown(detail, row, 3)).toBe(level.name.vi);
      expect(shown(detail, row, 4)).toBe(result.group === null ? '' : level.groups!.find((g) => g.id === result.group)!.name.vi);
      codes.forEach((code, index) => {
        const node = result.nodes[code];
        const expected = node === undefined ? '' : node.points ?? (node.status === 'not-applicable' ? 'n/a' : node.status === 'missing' ? 'thiếu' : String(node.value ?? ''));
        expect([code, shown(detail, row, 5 + index)]).toEqual([code, expected]);
      });
    });
  });

  it('the about sheet stamps the criteria and lists rejected units and warnings', async () => {
    const withBad: Submission = { ...example, period: '2030', units: [...example.units, { id: 'bad', level: 'commune', values: { 'CQS.1.3': { numerator: 5, denominator: 1 } } }] };
    const partial = scoreBatch(criteria, withBad, { skipInvalid: true });
    expect(partial.rejected.length).toBe(1);
    const workbook = await open(await reportToXlsx(partial, criteria, { lang: 'en' }));
    const about = sheet(workbook, 'About');
    const texts = Array.from({ length: about.rowCount }, (_, i) => `${String(about.getCell(i + 1, 1).value ?? '')}|${String(about.getCell(i + 1, 2).value ?? '')}`);
    expect(texts).toContain(`sha256 of the criteria set|${report.criteria.sha256}`);
    expect(texts).toContain('Period|2030');
    expect(texts.some((line) => line.includes('bad: units[') && line.includes('[value/numerator-exceeds-denominator]'))).toBe(true);
    expect(texts.some((line) => line.includes('[version/out-of-period]'))).toBe(partial.warnings.length > 0);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'About', 'City departments group A', 'City departments group B', 'City departments group C', "District People's Committees", 'Commune, ward and town', 'Node points', 'Appraisal',
    ]);
  });

  it('rejects a report scored with another set', async () => {
    const other = getCriteria('can-tho@2023.1.0');
    await expect(reportToXlsx(report, other)).rejects.toBeInstanceOf(DtiError);
    const forged: ScoreReport = { ...report, criteria: { ...report.criteria, sha256: '0'.repeat(64) } };
    await expect(reportToXlsx(forged, criteria)).rejects.toMatchObject({ issues: [{ code: 'compare/criteria-mismatch', path: 'report.criteria' }] });
  });

  it('a published decimal is written as a number only when the number reads back as exactly that decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 8 }), (digits, places) => {
        const text = new Dec(digits.toString()).div(new Dec(10).pow(places)).toFixed(places);
        const number = exactNumber(text);
        expect(number).toBeDefined();
        expect(readDecimal(number!)!.toFixed(places)).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(exactNumber('0.12345678901234567')).toBeUndefined();
    expect(exactNumber('12345678901234567890.25')).toBeUndefined();
    expect(exactNumber('812.50')).toBe(812.5);
  });

  it('prints: every sheet A4 in Times New Roman, the node points over pages across with the units on each', async () => {
    const workbook = await open(await reportToXlsx(report, criteria));
    expect(sheet(workbook, 'Thông tin').pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet(workbook, 'Điểm chi tiết').pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 80, printTitlesRow: '1:2', printTitlesColumn: 'A:B' });
    for (const ws of workbook.worksheets) {
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Trang &P/&N');
      ws.eachRow((row) => row.eachCell((cell) => expect([ws.name, cell.address, cell.font?.name]).toEqual([ws.name, cell.address, 'Times New Roman'])));
    }
  });

  it("an info leaf's number is a number cell (the reader's Excel shows its separators); its text stays text", async () => {
    const scored = scoreBatch(criteria, { units: [
      { id: 'a', name: 'Phường A', level: 'commune', values: { 'CQS.8.1': 1234 } },
      { id: 'b', name: 'Phường B', level: 'commune', values: { 'CQS.8.1': 'đang xây dựng' } },
    ] });
    const detail = sheet(await open(await reportToXlsx(scored, criteria)), 'Điểm chi tiết');
    const column = header(detail, 1).indexOf('CQS.8.1') + 1;
    expect(column).toBeGreaterThan(0);
    expect(detail.getCell(3, column).value).toBe(1234);
    expect(detail.getCell(4, column).value).toBe('đang xây dựng');
  });

  it('a figure an Excel number cannot hold is text, with Vietnamese separators in a Vietnamese report', () => {
    const cell = new ExcelJS.Workbook().addWorksheet('x').getCell('A1');
    writeDecimal(cell, '12345678901234567890.25', 2, 'vi');
    expect(cell.value).toBe('12.345.678.901.234.567.890,25');
    writeDecimal(cell, '12345678901234567890.25', 2, 'en');
    expect(cell.value).toBe('12345678901234567890.25');
    writeDecimal(cell, '1234.50', 2, 'vi');
    expect([cell.value, cell.numFmt]).toEqual([1234.5, '#,##0.00']);
  });
});
