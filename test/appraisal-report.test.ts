// The appraisal report (issue #14, item 3): every appraised criterion per unit, the
// criteria lacking evidence, and the batch distribution by reason and by pillar, in the
// HTML, Markdown and Excel reports; the appraiser's name only when asked; text escaped.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../src/cli/report-command.js';
import { appraisalSummary } from '../src/charts/appraisal.js';
import { parseCriteria, scoreBatch, type ScoreReport } from '../src/index.js';
import { reportToHtml, reportToMarkdown } from '../src/report/index.js';
import { reportToXlsx } from '../src/xlsx/index.js';
import { wellFormedProblems } from './fixtures/report/well-formed.js';

const dir = join(__dirname, 'fixtures/appraisal');
const criteria = parseCriteria(JSON.parse(readFileSync(join(dir, 'criteria.json'), 'utf8')));
const submissions = JSON.parse(readFileSync(join(dir, 'submissions.json'), 'utf8'));
// Scored with the appraisers kept, as `dti score --with-appraisers` writes them: the reports must still hide them.
const report = scoreBatch(criteria, submissions, { withAppraisers: true });
const SCRIPT = '<script>alert(1)</script>';

const tmp = mkdtempSync(join(tmpdir(), 'dti-appraisal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Worked by hand from submissions.json (evidencePolicy "zero"; A.1.1 and B.1.1 require evidence;
 * booleans score 10, A.1.2 counts 1 a meeting, at most 5):
 * - Xã Tân Thới: self 10 + 4 + 10 + 0 (B.1.1 lacks evidence) + 10 = 34; appraised A.1.2 4 → 2 (sai-so-lieu),
 *   C.1.1 10 → 0 (thieu-minh-chung): 22, difference −12.
 * - Xã Mỹ Khánh: self 10 + 1 + 0 + 10 + 0 = 21; A.1.2 1 → 0 (`appraised`, no reason), A.2.1 0 → 10 (khac),
 *   B.1.1 10 → 0 (sai-so-lieu): 20, difference −1.
 * - Xã Nhơn Ái: self 0 (A.1.1 lacks evidence) + 2 = 2; A.1.1 0 → 10 (khac; the appraised value stands): 12, +10;
 *   lacking A.1.1 and B.1.1.
 * - Phường An Bình: evidence for both, nothing appraised: not in the section.
 * By reason: thieu-minh-chung 1 leaf −10; sai-so-lieu 2 leaves −2 − 10 = −12; khac 2 leaves +10 + 10 = +20;
 * no reason 1 leaf −1. By pillar: A 4 leaves −2 + 10 − 1 + 10 = +17; B 1 leaf −10; C 1 leaf −10.
 * Total 6 leaves, 4 lowered, 2 raised, −3 = the units' differences −12 − 1 + 10.
 */
describe('the appraisal summary against a hand computation', () => {
  const summary = appraisalSummary(report, criteria, 'vi');

  it('lists the units appraised or lacking evidence, with the results’ own totals', () => {
    expect(summary.units.map((u) => [u.unit.unit, u.self, u.appraised, u.difference])).toEqual([
      ['tan-thoi', '34.00', '22.00', '-12.00'],
      ['my-khanh', '21.00', '20.00', '-1.00'],
      ['nhon-ai', '2.00', '12.00', '10.00'],
    ]);
    expect(summary.units.map((u) => u.changes.map((c) => [c.code, c.self, c.appraised, c.delta, c.reason]))).toEqual([
      [['A.1.2', '4.00', '2.00', '-2.00', 'sai-so-lieu'], ['C.1.1', '10.00', '0.00', '-10.00', 'thieu-minh-chung']],
      [['A.1.2', '1.00', '0.00', '-1.00', ''], ['A.2.1', '0.00', '10.00', '10.00', 'khac'], ['B.1.1', '10.00', '0.00', '-10.00', 'sai-so-lieu']],
      [['A.1.1', '0.00', '10.00', '10.00', 'khac']],
    ]);
    expect(summary.units.map((u) => u.lacking.map((l) => [l.code, l.points, l.appraised]))).toEqual([
      [['B.1.1', '0.00', false]],
      [],
      [['A.1.1', '10.00', true], ['B.1.1', '0.00', false]],
    ]);
    expect(summary.policy).toBe('zero');
    expect(summary.lackingLeaves).toBe(3);
  });

  it('distributes the changes by reason (the set’s labels, its order) and by pillar', () => {
    const row = (t: { label: string; count: number; lowered: number; raised: number; moved: string }): unknown => [t.label, t.count, t.lowered, t.raised, t.moved];
    expect(summary.byReason.map(row)).toEqual([
      ['Không có minh chứng', 1, 1, 0, '-10.00'],
      ['Số liệu tự đánh giá sai', 2, 2, 0, '-12.00'],
      ['Khác', 2, 0, 2, '20.00'],
      ['Không ghi lý do (chỉ có giá trị thẩm định)', 1, 1, 0, '-1.00'],
    ]);
    expect(summary.byPillar.map((t) => [t.key, ...(row(t) as unknown[])])).toEqual([
      ['A', 'Chính quyền số', 4, 2, 2, '17.00'],
      ['B', 'Kinh tế số', 1, 1, 0, '-10.00'],
      ['C', 'Xã hội số', 1, 1, 0, '-10.00'],
    ]);
    expect(row(summary.total)).toEqual(['Tổng', 6, 4, 2, '-3.00']);
    expect(summary.appraisedUnits).toBe(3);
  });

  it('sums exactly: a hundred leaves of 0.10 move exactly 10.00 (floats make 9.99999…)', () => {
    const one = report.results[0]!;
    const node = one.nodes['A.1.2']!;
    const nodes = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`X.${i}`, { ...node, selfPoints: '0.30', points: '0.20' }]));
    const wide: ScoreReport = { ...report, results: [{ ...one, nodes }] };
    expect(appraisalSummary(wide, criteria, 'en').total.moved).toBe('-10.00');
  });

  it('a batch without appraisal or evidence has no section', () => {
    const plain = scoreBatch(criteria, { units: [{ id: 'x', level: 'xa', values: { 'A.1.2': 1 } }] });
    expect(appraisalSummary(plain, criteria, 'vi').units).toEqual([]);
    expect(reportToMarkdown(plain, criteria)).not.toContain('Kết quả thẩm định');
    expect(reportToHtml(plain, criteria)).not.toContain('Kết quả thẩm định');
  });
});

describe('Markdown', () => {
  it.each(['vi', 'en'] as const)('the %s appraisal section is the golden file test/fixtures/appraisal/section.%s.md', (lang) => {
    const md = reportToMarkdown(report, criteria, { lang });
    const section = md.slice(md.search(/## (Kết quả thẩm định|Appraisal)/), md.lastIndexOf('---\n'));
    expect(section).toBe(readFileSync(join(dir, `section.${lang}.md`), 'utf8'));
  });

  it('Vietnamese numbers where Vietnamese people read them, the results’ strings in English', () => {
    expect(reportToMarkdown(report, criteria)).toContain('Tự đánh giá 34,00 điểm → thẩm định 22,00 điểm, chênh lệch -12,00; 2 tiêu chí được thẩm định.');
    expect(reportToMarkdown(report, criteria, { lang: 'en' })).toContain('Self-assessed 34.00 points → appraised 22.00 points, difference -12.00; 2 criteria appraised.');
  });

  it('hides who appraised unless asked, and shows it when asked', () => {
    const hidden = reportToMarkdown(report, criteria);
    expect(hidden).not.toContain('Nguyễn Văn A');
    expect(hidden).not.toContain('Trần Thị B');
    expect(hidden).not.toContain('Người thẩm định');
    const shown = reportToMarkdown(report, criteria, { withAppraisers: true });
    expect(shown).toContain('| A.1.2 | Số cuộc họp | 4,00 | 2,00 | -2,00 | Số liệu tự đánh giá sai | Chỉ 2 biên bản họp \\<script\\>alert(1)\\</script\\> & "kết luận" | 10/02/2025 | Nguyễn Văn A |');
    expect(shown).toContain('| Trần Thị B |');
  });

  it('results scored without the appraisers show none even when asked', () => {
    const anonymous = scoreBatch(criteria, submissions);
    expect(reportToMarkdown(anonymous, criteria, { withAppraisers: true })).not.toContain('Người thẩm định');
  });
});

describe('HTML', () => {
  const html = reportToHtml(report, criteria);

  it('has the section, linked from the contents, well-formed', () => {
    expect(wellFormedProblems(html, { html: true })).toEqual([]);
    expect(html).toContain('<a href="#appraisal">Kết quả thẩm định</a> (3 đơn vị)');
    expect(html).toContain('<h2 id="appraisal-h">Kết quả thẩm định</h2>');
    expect(html).toContain('<td>Số liệu tự đánh giá sai</td><td class="num">2</td><td class="num">2</td><td class="num">0</td><td class="num">-12,00</td>');
    expect(html).toContain('<td>Tổng</td><td class="num">6</td><td class="num">4</td><td class="num">2</td><td class="num">-3,00</td>');
    expect(html).toContain('<td>A</td><td>Chính quyền số</td><td class="num">4</td><td class="num">2</td><td class="num">2</td><td class="num">+17,00</td>');
  });

  it('escapes a note holding markup: no script reaches the page', () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<script');
    expect(html).toContain('Chỉ 2 biên bản họp &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kết luận&quot;');
    // A unit name and a reason label with markup are escaped too.
    const marked = parseCriteria({ ...JSON.parse(readFileSync(join(dir, 'criteria.json'), 'utf8')), appraisalReasons: [{ id: 'x', label: { vi: '<b>lý do</b>' } }] });
    const hostile = scoreBatch(marked, {
      units: [{ id: 'u', name: `<img src=x onerror=alert(1)>`, level: 'xa', values: { 'A.1.2': 3 }, appraisal: { 'A.1.2': { value: 1, reason: 'x', note: SCRIPT, by: '<i>ai</i>' } } }],
    }, { withAppraisers: true });
    const text = reportToHtml(hostile, marked, { withAppraisers: true });
    expect(wellFormedProblems(text, { html: true })).toEqual([]);
    for (const raw of [SCRIPT, '<img', '<b>lý do</b>', '<i>ai</i>']) expect(text).not.toContain(raw);
    expect(text).toContain('&lt;b&gt;lý do&lt;/b&gt;');
    expect(text).toContain('&lt;i&gt;ai&lt;/i&gt;');
  });

  it('hides who appraised unless asked', () => {
    expect(html).not.toContain('Nguyễn Văn A');
    expect(html).not.toContain('Người thẩm định');
    const shown = reportToHtml(report, criteria, { withAppraisers: true });
    expect(shown).toContain('<td>Nguyễn Văn A</td>');
    expect(shown).toContain('<th scope="col" class="long">Người thẩm định</th>');
  });
});

describe('Excel', () => {
  async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    return workbook;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet): unknown[][] => {
    const out: unknown[][] = [];
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  it('has a "Thẩm định" sheet: every change, the lacking criteria, the distributions, A4 landscape', async () => {
    const workbook = await open(await reportToXlsx(report, criteria));
    const sheet = workbook.getWorksheet('Thẩm định')!;
    expect(sheet).toBeDefined();
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:2');
    const rows = rowsOf(sheet);
    expect(rows[1]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Mã tiêu chí', 'Tiêu chí', 'Trụ cột', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch (thẩm định − tự đánh giá)', 'Lý do', 'Ghi chú', 'Ngày thẩm định']);
    expect(rows[2]).toEqual(['tan-thoi', 'Xã Tân Thới', 'A.1.2', 'Số cuộc họp', 'A', 4, 2, -2, 'Số liệu tự đánh giá sai', `Chỉ 2 biên bản họp ${SCRIPT} & "kết luận"`, '10/02/2025']);
    expect(sheet.getCell('H3').numFmt).toBe('#,##0.00');
    expect(rows.slice(2, 8).map((r) => [r[0], r[2], r[7]])).toEqual([
      ['tan-thoi', 'A.1.2', -2], ['tan-thoi', 'C.1.1', -10], ['my-khanh', 'A.1.2', -1], ['my-khanh', 'A.2.1', 10], ['my-khanh', 'B.1.1', -10], ['nhon-ai', 'A.1.1', 10],
    ]);
    const texts = rows.map((r) => r.filter((c) => c !== undefined && c !== null));
    expect(rows.some((r) => r[0] === 'Tiêu chí thiếu minh chứng bắt buộc (chính sách “zero”: tính 0 điểm, trừ khi được thẩm định)')).toBe(true);
    expect(texts).toContainEqual(['nhon-ai', 'Xã Nhơn Ái', 'A.1.1', 'Có kế hoạch <năm> & "chuyên mục" (đã thẩm định: giá trị thẩm định được giữ)', 10]);
    expect(texts).toContainEqual(['Số liệu tự đánh giá sai', 2, 2, 0, -12]);
    expect(texts).toContainEqual(['Tổng', 6, 4, 2, -3]);
    expect(texts).toContainEqual(['A', 'Chính quyền số', 4, 2, 2, 17]);
    // No appraiser by default.
    expect(JSON.stringify(rows)).not.toContain('Nguyễn Văn A');
  });

  it('names the appraisers only when asked; English sheet "Appraisal"', async () => {
    const shown = await open(await reportToXlsx(report, criteria, { withAppraisers: true }));
    const rows = rowsOf(shown.getWorksheet('Thẩm định')!);
    expect(rows[1]?.[11]).toBe('Người thẩm định');
    expect(rows[2]?.[11]).toBe('Nguyễn Văn A');
    const en = await open(await reportToXlsx(report, criteria, { lang: 'en' }));
    expect(en.getWorksheet('Appraisal')?.getCell('K3').value).toBe('2025-02-10');
  });
});

describe('dti report --with-appraisers', () => {
  it('leaves the appraisers out by default and shows them when asked', async () => {
    const file = join(tmp, 'results.json');
    writeFileSync(file, JSON.stringify(report));
    const criteriaFile = join(dir, 'criteria.json');
    const run = async (withAppraisers: boolean): Promise<string> => {
      let out = '';
      const io = { out: (text: string) => void (out += text), err: () => undefined };
      expect(await reportCommand(io as never, file, { format: 'md', lang: 'vi', criteria: criteriaFile, withAppraisers })).toBe(0);
      return out;
    };
    const hidden = await run(false);
    expect(hidden).toContain('## Kết quả thẩm định');
    expect(hidden).not.toContain('Nguyễn Văn A');
    expect(await run(true)).toContain('| Nguyễn Văn A |');
  });
});
