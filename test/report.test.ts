import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../src/cli/report-command.js';
import { parseCriteria, scoreBatch, safeScoreBatch, withExplanations, type ScoreReport } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { reportToHtml, reportToMarkdown } from '../src/report/index.js';
import { svgElements, wellFormedProblems } from './fixtures/report/well-formed.js';

const root = join(__dirname, '..');
const canTho = getCriteria('can-tho@2022.1.0');
const submissions = JSON.parse(readFileSync(join(root, 'examples/can-tho-2022/submissions.json'), 'utf8'));
const example = scoreBatch(canTho, submissions);
const miniPath = join(__dirname, 'fixtures/report/mini-criteria.json');
const mini = parseCriteria(JSON.parse(readFileSync(miniPath, 'utf8')));
const miniReport = scoreBatch(mini, JSON.parse(readFileSync(join(__dirname, 'fixtures/report/mini-submissions.json'), 'utf8')));

/**
 * A figure as a Vietnamese report writes it: a decimal comma, thousands dots from four digits
 * (a reference of the format written here, independent of src/).
 */
const vi = (figure: string): string => {
  const [whole, decimals] = figure.split('.') as [string, string | undefined];
  const digits = whole.replace('-', '');
  const grouped = digits.length >= 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digits;
  return `${whole.startsWith('-') ? '-' : ''}${grouped}${decimals === undefined ? '' : `,${decimals}`}`;
};

const tmp = mkdtempSync(join(tmpdir(), 'dti-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reportToHtml', () => {
  const html = reportToHtml(example, canTho);

  it('is one well-formed, self-contained HTML document', () => {
    expect(wellFormedProblems(html, { html: true })).toEqual([]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    for (const forbidden of ['src="http', "src='http", 'href="http', 'url(http', 'url(//', '<link', '<script', '@import', '<img', '<iframe']) {
      expect(html, forbidden).not.toContain(forbidden);
    }
    // Links only point inside the document.
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]!.startsWith('#')).toBe(true);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const href of html.matchAll(/href="#([^"]*)"/g)) expect(ids.has(href[1]!)).toBe(true);
    // Every id is unique (several SVGs share the page).
    const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(all.length).toBe(ids.size);
  });

  it('has inline charts, each well-formed, and print rules with page breaks', () => {
    const svgs = svgElements(html);
    // 5 cohorts × (bar chart for laptops and print, bar chart for phones, heat map) + one radar per unit.
    expect(svgs.length).toBe(5 * 3 + example.results.length);
    for (const svg of svgs) expect(wellFormedProblems(svg)).toEqual([]);
    expect(html).toContain('@media print');
    expect(html).toContain('section.cohort,article.profile{break-before:page}');
    expect(html).toContain('@page{size:A4');
    // Each chart is never shown smaller than where its smallest text is 11 px: its width × 11 / its smallest font size.
    for (const svg of svgs) {
      const width = Number(/^<svg [^>]*\bwidth="([\d.]+)"/.exec(svg)![1]);
      const smallest = Math.min(13, ...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])));
      expect(smallest).toBeGreaterThanOrEqual(12);
      expect(svg).toContain(`style="--min:${Math.ceil((width * 11) / smallest)}px"`);
    }
  });

  it('puts every table and chart in a box of its own that scrolls sideways, focusable and named', () => {
    const tables = html.match(/<table/g)!.length;
    const boxes = [...html.matchAll(/<div class="scroll" tabindex="0" role="region" aria-label="([^"]+)">(<table|<svg)/g)];
    expect(boxes.length).toBe(tables + 5 * 2 + example.results.length);
    expect(boxes.map((b) => b[1])).toContain('Bảng: Bảng xếp hạng — UBND quận, huyện');
    expect(boxes.map((b) => b[1])).toContain('Biểu đồ: Biểu đồ xếp hạng — UBND quận, huyện');
    expect(boxes.map((b) => b[1])).toContain('Biểu đồ: Hồ sơ chỉ số — Quận Ninh Kiều');
    // Names stay on one line; the bar chart has a phone rendering, shown instead of the laptop's on a narrow screen.
    expect(html).toContain('td.num,td.nowrap{white-space:nowrap}');
    expect(html).toContain('<svg class="chart-narrow" style="--min:');
    const phone = html.slice(html.indexOf('@media screen and (max-width:600px){'), html.indexOf('@media print{'));
    expect(phone).toContain('\n.chart-wide{display:none}\n.chart-narrow{display:block}\n');
    expect(phone).toContain('dl.facts{grid-template-columns:minmax(0,1fr);gap:0}');
  });

  it('prints the title and the date (or the period) and "Trang N/M" at the foot of every page', () => {
    expect(html).toContain(`@page{size:A4;margin:14mm 12mm 18mm;@bottom-left{content:"${canTho.title.vi} · Kỳ đánh giá 2022";`);
    expect(html).toContain('@bottom-right{content:"Trang " counter(page) "/" counter(pages);');
    expect(html).toContain('@page wide{size:A4 landscape;');
    const dated = reportToHtml(example, canTho, { date: '2023-03-15', title: 'Kết quả "DTI" 2022 </style><script>' });
    expect(dated).toContain('@bottom-left{content:"Kết quả \\22 DTI\\22  2022 \\3C /style\\3E \\3C script\\3E  · 15/03/2023";');
    expect(dated).toContain('<dt>Ngày báo cáo</dt><dd>15/03/2023</dd>');
    expect(dated.match(/<\/style>/g)?.length).toBe(1);
    expect(dated).not.toContain('<script');
    for (const bad of ['2023-02-30', '15/03/2023', '2023-3-15']) {
      expect(() => reportToHtml(example, canTho, { date: bad }), bad).toThrow(/schema\/date/);
      expect(() => reportToMarkdown(example, canTho, { date: bad }), bad).toThrow(/schema\/date/);
    }
    expect(reportToMarkdown(example, canTho, { date: '2023-03-15' })).toContain('15/03/2023');
    const en = reportToHtml(example, canTho, { lang: 'en', date: '2023-03-15' });
    expect(en).toContain('@bottom-right{content:"Page " counter(page) " of " counter(pages);');
    expect(en).toContain(' · 2023-03-15";');
  });

  it('carries the stamp, the period and the set’s caveat in the header', () => {
    expect(html).toContain(example.criteria.sha256);
    expect(html).toContain('can-tho@2022.1.0 (đã công bố)');
    expect(html).toContain('<dt>Kỳ đánh giá</dt><dd>2022</dd>');
    expect(html).toContain(`<h1>${canTho.title.vi}</h1>`);
    expect(html).toContain('Bản tái dựng để minh họa, không phải phụ lục chính thức');
    expect(html).toContain('2088/QĐ-UBND (14/07/2022)');
  });

  it('has a section per level and group, with every unit, its figures and a profile', () => {
    for (const anchor of ['c-department-a', 'c-department-b', 'c-department-c', 'c-district', 'c-commune']) expect(html).toContain(`<section class="cohort" id="${anchor}"`);
    expect(html).toContain('<h2 id="c-district-h">UBND quận, huyện</h2>');
    expect(html).toContain('<h2 id="c-department-b-h">Sở, ban, ngành · nhóm B: Có dịch vụ công, chỉ đánh giá chính quyền số</h2>');
    for (const r of example.results) {
      expect(html).toContain(`<td class="nowrap">${r.name}</td><td class="num">${vi(r.points)}</td><td class="num">${vi(r.maxPoints)}</td><td class="num">${vi(r.index!)}</td>`);
      expect(html).toContain(`<article class="profile" id="u-${r.unit}"`);
    }
    // A commune's parent is named, not given by its id.
    const commune = html.slice(html.indexOf('id="c-commune"'), html.indexOf('id="u-', html.indexOf('id="c-commune"')));
    expect(commune).toContain('<th scope="col">Trực thuộc</th>');
    expect(commune).toContain('<td class="nowrap">Quận Ninh Kiều</td>');
    expect(commune).not.toMatch(/<td[^>]*>ninh-kieu</);
    // Sections come in the set's level order; profiles follow their section.
    const order = ['c-department-a', 'u-so-tttt', 'c-department-b', 'c-department-c', 'c-district', 'u-ninh-kieu', 'c-commune', 'u-xa-nhon-ai'].map((id) => html.indexOf(` id="${id}"`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows the rating distribution and the appraisal table', () => {
    const district = html.slice(html.indexOf('id="c-district"'), html.indexOf('id="c-commune"'));
    expect(district).toContain('<h3>Phân bố xếp loại</h3>');
    const districts = example.results.filter((r) => r.level === 'district');
    for (const rating of ['tot', 'kha', 'trung-binh']) {
      const n = districts.filter((r) => r.rating === rating).length;
      const name = canTho.ratings!.find((x) => x.id === rating)!.name.vi;
      expect(district).toContain(`${name}</td><td class="nowrap">≥ ${vi(String(canTho.ratings!.find((x) => x.id === rating)!.min))}</td><td class="num">${n}</td>`);
    }
    const nk = example.results.find((r) => r.unit === 'ninh-kieu')!;
    expect(district).toContain('<h3>Tự đánh giá và kết quả thẩm định</h3>');
    expect(district).toContain(`<td class="nowrap">Quận Ninh Kiều</td><td class="num">${vi(nk.selfPoints!)}</td><td class="num">${vi(nk.points)}</td><td class="num">${vi(nk.difference!)}</td><td>CQS.1.2: 15,00 → 11,25; CQS.6.4: 18,00 → 14,00</td>`);
    // Each rating's swatch has its colour and a pattern of its own (a black-and-white print tells them apart), and its name.
    const swatches = [...district.matchAll(/<span class="swatch" style="([^"]+)"><\/span>([^<]+)</g)].map((m) => [m[2], m[1]] as const);
    const byName = new Map(swatches);
    expect(byName.size).toBe(5);
    expect(new Set(byName.values()).size).toBe(5);
    expect(byName.get('Xuất sắc')).toBe('background:#0072B2');
    expect(byName.get('Tốt')).toMatch(/^background:repeating-linear-gradient\(/);
  });

  it('profiles each unit: pillars against the level average, 5 strongest and 5 weakest criteria with explanations', () => {
    const profile = html.slice(html.indexOf('<article class="profile" id="u-ninh-kieu"'), html.indexOf('</article>', html.indexOf('id="u-ninh-kieu"')));
    expect(profile).toContain('Hạng 2/9 · Chỉ số 0,8142 · Tốt · 814,20/1.000,00 điểm · tự đánh giá 821,95 điểm, chênh lệch -7,75');
    expect(profile).toContain('<td>CQS</td><td>Chính quyền số</td><td class="num">430,68</td><td class="num">500,00</td><td class="num">0,8614</td>');
    expect(profile).toContain('trung bình cộng chỉ số của 9 đơn vị thuộc UBND quận, huyện');
    expect(profile).toContain('<h4>5 tiêu chí mạnh nhất</h4>');
    expect(profile).toContain('<h4>5 tiêu chí yếu nhất</h4>');
    expect(profile).toContain('86.967/246.000 = 35,35% so với mục tiêu 100%');
    expect(profile).toContain('id="u-ninh-kieu-radar"');
    // A department of group B has one pillar: its radar shows the main indices.
    const noiVu = html.slice(html.indexOf('id="u-so-noi-vu"'), html.indexOf('</article>', html.indexOf('id="u-so-noi-vu"')));
    expect(noiVu).toContain('<th scope="col">Chỉ số chính</th>');
    expect(noiVu).toContain('>CQS.7<');
  });

  it('is deterministic and speaks English with lang en', () => {
    expect(reportToHtml(example, canTho)).toBe(html);
    const en = reportToHtml(example, canTho, { lang: 'en', title: 'Cần Thơ DX results 2022' });
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('<h1>Cần Thơ DX results 2022</h1>');
    expect(en).toContain(`<dt>Criteria set</dt><dd>${canTho.title.en}</dd>`);
    expect(en).toContain('<h2 id="c-district-h">District People&#39;s Committees</h2>');
    expect(en).toContain('An illustrative reconstruction, not the official appendix');
    expect(en).toContain('<h4>5 weakest criteria</h4>');
    expect(en).toContain('Quận Ninh Kiều');
    // English keeps the results' figures as they are written.
    const nk = example.results.find((r) => r.unit === 'ninh-kieu')!;
    expect(en).toContain(`<td class="nowrap">Quận Ninh Kiều</td><td class="num">${nk.points}</td><td class="num">${nk.maxPoints}</td><td class="num">${nk.index}</td>`);
    expect(en).toContain('Rank 2 of 9 · Index 0.8142 · Good · 814.20 of 1000.00 points');
    expect(wellFormedProblems(en, { html: true })).toEqual([]);
  });

  it('escapes special characters, flags a draft set, and shows ties and missing indices', () => {
    const text = reportToHtml(miniReport, mini);
    expect(wellFormedProblems(text, { html: true })).toEqual([]);
    for (const svg of svgElements(text)) expect(wellFormedProblems(svg)).toEqual([]);
    expect(text).toContain('A &amp; B &lt;C&gt; &quot;Đặc biệt&quot;');
    expect(text).not.toContain('<C>');
    expect(text).toContain('<h1>Bộ chỉ số thử nghiệm &lt;nhỏ&gt; &amp; &quot;đặc biệt&quot;</h1>');
    expect(text).toContain('Bộ chỉ số này là bản nháp');
    expect(text).toContain('<td class="num">3</td><td class="nowrap">Xã Mỹ Khánh</td>');
    expect(text).toContain('<td class="num">3</td><td class="nowrap">Xã Nhơn Ái</td>');
    expect(text).toContain('<td class="num">—</td><td class="nowrap">Phường Không Số Liệu</td><td class="num">0,00</td><td class="num">0,00</td><td class="num">—</td><td class="nowrap">—</td>');
    expect(text).toContain('<td class="nowrap">Chưa xếp loại</td><td class="nowrap">—</td><td class="num">1</td>');
    expect(text).toContain('Có kế hoạch &lt;năm&gt; &amp; &quot;chuyên mục&quot;');
  });

  it('lists rejected units and scoring warnings', () => {
    const outcome = safeScoreBatch(mini, {
      period: '2019',
      units: [
        { id: 'ok', name: 'Xã Tốt', level: 'xa', values: { 'A.1.1': true } },
        { id: 'bad', name: 'Xã Lỗi', level: 'xa', values: { 'A.1.2': -1 } },
      ],
    }, { skipInvalid: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = reportToHtml(outcome.value, mini);
    expect(text).toContain('Đơn vị không được chấm (dữ liệu không hợp lệ)');
    expect(text).toContain('Đơn vị “bad” (vị trí 2 trong tệp nộp)');
    expect(text).toContain('[value/negative]');
    expect(text).toContain('Cảnh báo khi chấm');
    expect(text).toContain('[version/out-of-period]');
    expect(reportToMarkdown(outcome.value, mini)).toContain('\\[value/negative\\]');
  });

  it('works without explanations and refuses a unit it cannot place', () => {
    const lean = scoreBatch(mini, { units: [{ id: 'x', name: 'Xã X', level: 'xa', values: { 'A.1.1': true } }] }, { explain: false });
    const text = reportToHtml(lean, mini);
    expect(text).toContain('<td>A.1.1</td><td>Có kế hoạch &lt;năm&gt; &amp; &quot;chuyên mục&quot;</td><td class="num">10,00</td><td class="num">10,00</td><td>—</td>');
    const stray: ScoreReport = { ...lean, results: [{ ...lean.results[0]!, level: 'tinh' }] };
    expect(() => reportToHtml(stray, mini)).toThrow(/level "tinh"/);
  });
});

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(example, canTho);

  it('has the header, a section per level and group, and no charts', () => {
    expect(md.startsWith(`# ${canTho.title.vi}\n`)).toBe(true);
    expect(md).toContain(`- **Mã kiểm tra sha256 của bộ chỉ số:** \`${example.criteria.sha256}\``);
    expect(md).toContain('> **Lưu ý về bộ chỉ số:** Bản tái dựng để minh họa');
    for (const heading of ['## Sở, ban, ngành · nhóm A: Có dịch vụ công, đánh giá 3 trụ cột', '## Sở, ban, ngành · nhóm B', '## Sở, ban, ngành · nhóm C', '## UBND quận, huyện', '## UBND xã, phường, thị trấn']) {
      expect(md).toContain(heading);
    }
    expect(md).not.toContain('<svg');
    // A profile per unit, and a heading per unit of the appraisal section.
    const appraised = example.results.filter((r) => r.selfPoints !== undefined || (r.evidence?.lacking.length ?? 0) > 0).length;
    expect(md.match(/^#### /gm)?.length).toBe(example.results.length + appraised);
    expect(reportToMarkdown(example, canTho)).toBe(md);
  });

  it('writes GitHub-style tables with the report’s own figures', () => {
    expect(md).toContain('| Hạng | Đơn vị | Điểm | Tối đa | Chỉ số | Xếp loại | Chính quyền số (CQS) | Kinh tế số (KTS) | Xã hội số (XHS) |\n|---:|---|---:|---:|---:|---|---:|---:|---:|');
    // Vietnamese figures with a decimal comma and thousands dots.
    for (const r of example.results) expect(md).toContain(`| ${r.rank} | ${r.name} | ${vi(r.points)} | ${vi(r.maxPoints)} | ${vi(r.index!)} |`);
    expect(md).toContain('| 1 | Sở Thông tin và Truyền thông | 878,53 | 940,00 | 0,9346 | Xuất sắc | 0,9327 | 0,9286 | 0,9447 |');
    expect(md).toContain('- Xếp loại theo chỉ số (đã làm tròn): Xuất sắc ≥ 0,9; Tốt ≥ 0,8; Khá ≥ 0,7; Trung bình ≥ 0,5; Yếu ≥ 0.');
    expect(md).not.toMatch(/\| \d+\.\d+ \|/);
    expect(md).toContain('### Chỉ số chính theo đơn vị');
    expect(md).toContain('| Hạng | Đơn vị | CQS.1 | CQS.2 | CQS.3 | CQS.4 | CQS.5 | CQS.6 | CQS.7 | KTS.1 | KTS.2 | KTS.3 | XHS.1 | XHS.2 | XHS.3 |');
    // The codes of the heat map's columns are named under it.
    expect(md).toContain('Mã chỉ số: CQS.1 ');
    expect(md).toContain('; XHS.3 ');
    // Every table row has as many cells as its header.
    const lines = md.split('\n');
    lines.forEach((line, i) => {
      if (!/^\|---/.test(line)) return;
      const cells = (row: string): number => row.replace(/\\\|/g, '').split('|').length;
      const header = lines[i - 1]!;
      for (let k = i + 1; k < lines.length && lines[k]!.startsWith('|'); k++) expect(cells(lines[k]!)).toBe(cells(header));
    });
  });

  it('escapes Markdown and speaks English', () => {
    const text = reportToMarkdown(miniReport, mini, { lang: 'en' });
    expect(text).toContain('| 1 | A & B \\<C\\> "Đặc biệt" | 45.00 | 45.00 | 1.0000 | Good |');
    expect(text).not.toContain('<C>');
    expect(text).toContain('# Small \\<test\\> set & "special"');
    expect(text).toContain('| 3 | Xã Mỹ Khánh | 20.00 | 45.00 | 0.4444 | Weak |');
    expect(text).toContain('| — | Phường Không Số Liệu | 0.00 | 0.00 | — | — | — | — | — |');
    expect(text).toContain('**5 strongest criteria**');
  });
});

describe('reportCommand (dti report)', () => {
  const capture = (): { io: { out: (t: string) => void; err: (t: string) => void }; out: () => string; err: () => string } => {
    let out = '';
    let err = '';
    return { io: { out: (t) => void (out += t), err: (t) => void (err += t) }, out: () => out, err: () => err };
  };
  const results = join(tmp, 'results.json');
  writeFileSync(results, `${JSON.stringify(withExplanations(example), null, 2)}\n`);

  it('writes HTML to standard output, resolving the criteria from the stamp', async () => {
    const c = capture();
    expect(await reportCommand(c.io, results, { format: 'html', lang: 'vi' })).toBe(0);
    expect(c.out()).toBe(reportToHtml(example, canTho));
    expect(c.err()).toBe('');
  });

  it('writes Markdown to --out, and accepts --criteria naming the same set', async () => {
    const c = capture();
    const out = join(tmp, 'report.md');
    expect(await reportCommand(c.io, results, { format: 'md', lang: 'en', out, criteria: join(root, 'criteria/can-tho/2022.1.0.json') })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reportToMarkdown(example, canTho, { lang: 'en' }));
    expect(c.out()).toBe('');
    expect(c.err()).toContain(out);
  });

  it('refuses results whose sha256 does not match the criteria set', async () => {
    const tampered = join(tmp, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...example, criteria: { ...example.criteria, sha256: '0'.repeat(64) } }));
    const c = capture();
    expect(await reportCommand(c.io, tampered, { format: 'html', lang: 'vi' })).toBe(1);
    expect(c.err()).toMatch(/^criteria: .*\[compare\/criteria-mismatch\]\n$/);
    expect(c.out()).toBe('');
    const other = capture();
    expect(await reportCommand(other.io, results, { format: 'md', lang: 'vi', criteria: 'can-tho@2023.1.0' })).toBe(1);
    expect(other.err()).toContain('[compare/criteria-mismatch]');
  });

  it('reports unreadable, malformed and misshapen input with codes and paths', async () => {
    const run = async (content: string | null): Promise<{ code: number; err: string }> => {
      const file = join(tmp, `input-${Math.abs(content?.length ?? 0)}.json`);
      if (content !== null) writeFileSync(file, content);
      const c = capture();
      const code = await reportCommand(c.io, content === null ? join(tmp, 'missing.json') : file, { format: 'html', lang: 'vi' });
      return { code, err: c.err() };
    };
    expect(await run(null)).toMatchObject({ code: 1, err: expect.stringContaining('[input/read]') });
    expect(await run('{ nope')).toMatchObject({ code: 1, err: expect.stringContaining('[json/syntax]') });
    expect(await run('[]')).toMatchObject({ code: 1, err: expect.stringContaining('$: ') });
    const broken = JSON.parse(JSON.stringify(example)) as { results: Record<string, unknown>[] };
    broken.results[2]!.index = '0,8';
    (broken.results[3]!.nodes as Record<string, Record<string, unknown>>).CQS!.maxPoints = 12;
    delete broken.results[4]!.level;
    const result = await run(JSON.stringify(broken));
    expect(result.code).toBe(1);
    expect(result.err).toContain('results[2].index: ');
    expect(result.err).toContain('[schema/decimal]');
    expect(result.err).toContain('results[3].nodes.CQS.maxPoints');
    expect(result.err).toContain('results[4].level: ');
    expect(result.err).toContain('[schema/required]');
  });

  it('needs --out for Excel, and writes a workbook with it', async () => {
    const c = capture();
    expect(await reportCommand(c.io, results, { format: 'xlsx', lang: 'vi' })).toBe(2);
    expect(c.err()).toBe('--out: lệnh "dti report" với --format xlsx cần --out <file> / "dti report" with --format xlsx needs --out <file> [cli/missing-option]\n');
    const out = join(tmp, 'report.xlsx');
    const d = capture();
    expect(await reportCommand(d.io, results, { format: 'xlsx', lang: 'vi', out })).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reports a file it cannot write', async () => {
    const c = capture();
    expect(await reportCommand(c.io, results, { format: 'md', lang: 'vi', out: join(tmp, 'no-such-dir', 'r.md') })).toBe(1);
    expect(c.err()).toContain(join(tmp, 'no-such-dir', 'r.md'));
  });

  it('uses the mini set from a path for a report scored with it', async () => {
    const file = join(tmp, 'mini-results.json');
    writeFileSync(file, JSON.stringify(miniReport));
    const c = capture();
    expect(await reportCommand(c.io, file, { format: 'md', lang: 'vi', criteria: miniPath })).toBe(0);
    expect(c.out()).toContain('A & B \\<C\\>');
  });
});
