import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexHeatmap, pillarRadar, rankingBarChart, ratingColours } from '../src/charts/index.js';
import { ratingFill, ratingStyles } from '../src/charts/palette.js';
import { escapeXml } from '../src/charts/svg.js';
import { parseCriteria, scoreBatch, type ScoreReport, type UnitResult } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { wellFormedProblems } from './fixtures/report/well-formed.js';

const root = join(__dirname, '..');
const canTho = getCriteria('can-tho@2022.1.0');
const example = scoreBatch(canTho, JSON.parse(readFileSync(join(root, 'examples/can-tho-2022/submissions.json'), 'utf8')));
const mini = parseCriteria(JSON.parse(readFileSync(join(__dirname, 'fixtures/report/mini-criteria.json'), 'utf8')));
const miniReport = scoreBatch(mini, JSON.parse(readFileSync(join(__dirname, 'fixtures/report/mini-submissions.json'), 'utf8')));
const unit = (report: ScoreReport, id: string): UnitResult => {
  const found = report.results.find((r) => r.unit === id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
};
/** An index (below 10) as a Vietnamese chart prints it: a decimal comma. */
const vi = (figure: string): string => figure.replace('.', ',');
const only = (report: ScoreReport, ids: readonly string[]): ScoreReport => ({ ...report, results: report.results.filter((r) => ids.includes(r.unit)) });

/** The accessibility frame every chart must have. */
function expectAccessible(svg: string): void {
  expect(wellFormedProblems(svg)).toEqual([]);
  expect(svg.startsWith('<svg ') && svg.endsWith('</svg>')).toBe(true);
  const id = /^<svg [^>]*\bid="([^"]+)"/.exec(svg)?.[1];
  expect(id).toBeDefined();
  expect(svg).toMatch(new RegExp(`^<svg [^>]*role="img"`));
  expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
  expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
  expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
  expect(svg).toContain("font-family=\"&#39;Noto Sans&#39;, &#39;DejaVu Sans&#39;");
  // Readable: no font size below 11px.
  for (const size of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(11);
  // Coordinates are plain numbers: no NaN, no exponent.
  expect(/NaN|Infinity/.test(svg)).toBe(false);
  expect(/="-?\d+(?:\.\d+)?e[+-]?\d+"/.test(svg)).toBe(false);
}

describe('rankingBarChart', () => {
  const levels = [
    { level: 'department', group: 'A' },
    { level: 'department', group: 'B' },
    { level: 'department', group: 'C' },
    { level: 'department' },
    { level: 'district' },
    { level: 'commune' },
  ] as const;

  it.each(levels)('is well-formed, accessible and names every unit of %o with its diacritics', (options) => {
    const svg = rankingBarChart(example, canTho, options);
    expectAccessible(svg);
    const units = example.results.filter((r) => r.level === options.level && (!('group' in options) || r.group === options.group));
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) {
      expect(svg).toContain(escapeXml(u.name!));
      expect(svg).toContain(`>${vi(u.index!)}<`);
    }
  });

  it('orders bars by rank, prints the index exactly and colours by rating with a legend', () => {
    const svg = rankingBarChart(example, canTho, { level: 'district' });
    const districts = example.results.filter((r) => r.level === 'district').sort((a, b) => a.rank! - b.rank!);
    const positions = districts.map((d) => svg.indexOf(`>${d.name}<`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const styles = ratingStyles(canTho);
    for (const d of districts) expect(svg).toContain(`fill="${ratingFill('dti-bar-district', styles[d.rating!]!)}"`);
    for (const name of ['Xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu']) expect(svg).toContain(name);
    expect(svg).toContain('<title id="dti-bar-district-title">Xếp hạng chỉ số chuyển đổi số — UBND quận, huyện — kỳ 2022</title>');
  });

  it('shows group blocks when the set ranks within groups and no group is chosen', () => {
    const svg = rankingBarChart(example, canTho, { level: 'department' });
    const a = svg.indexOf('Nhóm A: ');
    const b = svg.indexOf('Nhóm B: ');
    const c = svg.indexOf('Nhóm C: ');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(svg.indexOf('Sở Tư pháp')).toBeGreaterThan(b);
  });

  it('is deterministic', () => {
    expect(rankingBarChart(example, canTho, { level: 'commune' })).toBe(rankingBarChart(example, canTho, { level: 'commune' }));
    const reversed = { ...example, results: [...example.results].reverse() };
    // Units with distinct ranks come out in the same order whatever the input order.
    expect(rankingBarChart(reversed, canTho, { level: 'district' })).toBe(rankingBarChart(example, canTho, { level: 'district' }));
  });

  it('speaks English with lang en, unit names unchanged', () => {
    const svg = rankingBarChart(example, canTho, { level: 'district', lang: 'en' });
    expectAccessible(svg);
    expect(svg).toContain('<title id="dti-bar-district-title">Digital transformation index ranking — District People&#39;s Committees — period 2022</title>');
    expect(svg).toContain('<desc id="dti-bar-district-desc">Horizontal bar chart');
    expect(svg).toContain('Quận Ninh Kiều');
    expect(svg).toContain('Good');
    expect(svg).toContain('lang="en"');
  });

  it('escapes special characters in unit names', () => {
    const svg = rankingBarChart(miniReport, mini, { level: 'xa' });
    expectAccessible(svg);
    expect(svg).toContain('A &amp; B &lt;C&gt; &quot;Đặc biệt&quot;');
    expect(svg).not.toContain('<C>');
    expect(svg).not.toContain('"Đặc');
  });

  it('handles ties (same rank, report order) and a unit without an index', () => {
    const svg = rankingBarChart(miniReport, mini, { level: 'xa' });
    const my = svg.indexOf('Xã Mỹ Khánh');
    const nhon = svg.indexOf('Xã Nhơn Ái');
    const none = svg.indexOf('Phường Không Số Liệu');
    expect(my).toBeGreaterThan(0);
    expect(nhon).toBeGreaterThan(my);
    expect(none).toBeGreaterThan(nhon);
    expect(svg.match(/>3<\/text>/g)?.length).toBe(2);
    expect(svg.match(/>0,4444</g)?.length).toBe(2);
    expect(svg).toContain('— không có chỉ số');
    expect(svg).toContain('Chưa xếp loại: 1');
  });

  it('draws a single unit and an empty level', () => {
    const one = only(example, ['cai-rang']);
    const svg = rankingBarChart(one, canTho, { level: 'district', width: 300 });
    expectAccessible(svg);
    expect(svg).toContain('Quận Cái Răng');
    expect(svg).toMatch(/width="320"/);
    const empty = rankingBarChart(one, canTho, { level: 'commune' });
    expectAccessible(empty);
    expect(empty).toContain('Không có đơn vị nào.');
  });

  it('rejects an unknown level or group', () => {
    expect(() => rankingBarChart(example, canTho, { level: 'province' })).toThrow(/unknown level "province"/);
    expect(() => rankingBarChart(example, canTho, { level: 'department', group: 'Z' })).toThrow(/unknown group "Z"/);
  });
});

describe('pillarRadar', () => {
  it('plots the pillars against the exact, rounded average of the cohort', () => {
    const svg = pillarRadar(unit(miniReport, 'a-b'), mini, { compareWith: 'level-average', report: miniReport });
    expectAccessible(svg);
    // A: (1 + 0.8 + 0.4 + 0.4) / 4 = 0.65; B: (1 + 0 + 1 + 1) / 4 = 0.75; C: (1 + 0 + 0) / 3 = 0.3333…
    expect(svg).toContain('◆ 0,6500');
    expect(svg).toContain('◆ 0,7500');
    expect(svg).toContain('◆ 0,3333');
    expect(svg).toContain('Trung bình UBND xã, phường (5 đơn vị)');
    expect(svg).toContain('A &amp; B &lt;C&gt; &quot;Đặc biệt&quot;');
    expect(svg).toContain('<polygon');
  });

  it('rounds the average half-up, exactly (no binary floating point)', () => {
    const fake = (id: string, index: string): UnitResult => ({ ...unit(miniReport, 'a-b'), unit: id, nodes: { ...unit(miniReport, 'a-b').nodes, A: { ...unit(miniReport, 'a-b').nodes.A!, index } } });
    const report = { ...miniReport, results: [fake('x', '0.1234'), fake('y', '0.1235'), fake('z', '0.1236'), fake('w', '0.1235')] };
    // (0.1234 + 0.1235 + 0.1236 + 0.1235) / 4 = 0.1235 exactly; with 0.1235 + 0.1236 only: 0.12355 → 0.1236 (half-up).
    expect(pillarRadar(report.results[0]!, mini, { compareWith: 'level-average', report })).toContain('◆ 0,1235');
    const two = { ...report, results: [fake('y', '0.1235'), fake('z', '0.1236')] };
    expect(pillarRadar(two.results[0]!, mini, { compareWith: 'level-average', report: two })).toContain('◆ 0,1236');
  });

  it('leaves a gap for a null index and says so', () => {
    const svg = pillarRadar(unit(miniReport, 'tan-thoi'), mini, { compareWith: 'level-average', report: miniReport });
    expectAccessible(svg);
    expect(svg).toContain('● —');
    expect(svg).toContain('không có giá trị (không áp dụng hoặc tối đa bằng 0): C');
    // The unit's outline is open (a path of segments), the average's is closed.
    expect(svg).toMatch(/<path d="M[^"]+" fill="none" stroke="#0072B2"/);
    expect(svg).toMatch(/<polygon points="[^"]+" fill="none" [^>]*stroke="#D55E00"/);
  });

  it('draws a unit without any index', () => {
    const svg = pillarRadar(unit(miniReport, 'trong'), mini, { compareWith: 'level-average', report: miniReport, lang: 'en' });
    expectAccessible(svg);
    expect(svg).toContain('Phường Không Số Liệu');
    expect(svg).toContain('no value (not applicable, or a maximum of 0): A, B, C');
  });

  it('plots main indices at depth 2 with a key, and compares with another unit', () => {
    const svg = pillarRadar(unit(example, 'so-noi-vu'), canTho, { depth: 2, compareWith: unit(example, 'so-tu-phap') });
    expectAccessible(svg);
    for (const code of ['CQS.1', 'CQS.2', 'CQS.3', 'CQS.4', 'CQS.5', 'CQS.6', 'CQS.7']) expect(svg).toContain(`>${code}<`);
    expect(svg).not.toContain('>CQS.8<'); // the smart-city block is not scored
    expect(svg).toContain('Chú giải mã chỉ số');
    expect(svg).toContain('Sở Tư pháp');
    expect(svg).toContain(`● ${vi(unit(example, 'so-noi-vu').nodes['CQS.1']!.index!)}`);
    expect(svg).toContain(`◆ ${vi(unit(example, 'so-tu-phap').nodes['CQS.1']!.index!)}`);
  });

  it('leaves the key out with key: false', () => {
    const svg = pillarRadar(unit(example, 'so-noi-vu'), canTho, { depth: 2, key: false });
    expectAccessible(svg);
    expect(svg).not.toContain('Chú giải mã chỉ số');
    expect(svg).toContain('>CQS.7<');
  });

  it('works with fewer than three axes, and for a single unit (average = itself)', () => {
    const one = only(example, ['thanh-tra']);
    const svg = pillarRadar(one.results[0]!, canTho, { compareWith: 'level-average', report: one });
    expectAccessible(svg);
    const cqs = vi(one.results[0]!.nodes.CQS!.index!);
    expect(svg).toContain(`● ${cqs}`);
    expect(svg).toContain(`◆ ${cqs}`);
    expect(svg).toContain('Ít hơn 3 trục');
  });

  it('averages over the ranking cohort (level and group when the set ranks by group)', () => {
    const svg = pillarRadar(unit(example, 'so-noi-vu'), canTho, { compareWith: 'level-average', report: example, lang: 'en' });
    expect(svg).toContain('Average of City departments and agencies · group B (5 units)');
  });

  it('is deterministic and needs the report for the level average', () => {
    const u = unit(example, 'ninh-kieu');
    expect(pillarRadar(u, canTho, { compareWith: 'level-average', report: example })).toBe(pillarRadar(u, canTho, { compareWith: 'level-average', report: example }));
    expect(() => pillarRadar(u, canTho, { compareWith: 'level-average' })).toThrow(TypeError);
  });
});

describe('indexHeatmap', () => {
  it('has one row per unit and one column per main index, values exactly as reported', () => {
    const svg = indexHeatmap(example, canTho, { level: 'district' });
    expectAccessible(svg);
    const districts = example.results.filter((r) => r.level === 'district');
    for (const d of districts) {
      expect(svg).toContain(`>${d.name}<`);
      for (const code of ['CQS.1', 'CQS.7', 'KTS.3', 'XHS.3']) expect(svg).toContain(`>${vi(d.nodes[code]!.index!)}<`);
    }
    expect(svg).not.toContain('>CQS.8<');
    expect(svg).toContain('CQS · Chính quyền số');
    expect(svg).toContain('Chú giải mã chỉ số');
  });

  it('hatches null cells with "—"', () => {
    const svg = indexHeatmap(miniReport, mini, { level: 'xa' });
    expectAccessible(svg);
    expect(svg).toContain('<pattern id="dti-heat-xa-2-hatch"');
    // Tân Thới: A.2 and C.1 not applicable; the empty unit: all four.
    expect(svg.match(/fill="url\(#dti-heat-xa-2-hatch\)" stroke="#ffffff"/g)?.length).toBe(6);
    expect(svg).toContain('A &amp; B &lt;C&gt; &quot;Đặc biệt&quot;');
  });

  it('shows pillars with depth 1, in English, deterministically', () => {
    const svg = indexHeatmap(example, canTho, { level: 'department', group: 'A', depth: 1, lang: 'en' });
    expectAccessible(svg);
    expect(svg).toContain('Pillar indices by unit — City departments and agencies · group A: With public services; assessed on all three pillars — period 2022');
    for (const code of ['CQS', 'KTS', 'XHS']) expect(svg).toContain(`>${code}<`);
    expect(svg).toBe(indexHeatmap(example, canTho, { level: 'department', group: 'A', depth: 1, lang: 'en' }));
  });

  it('draws a single unit', () => {
    const svg = indexHeatmap(only(miniReport, ['tan-thoi']), mini, { level: 'xa' });
    expectAccessible(svg);
    expect(svg).toContain('Xã Tân Thới');
    expect(svg).not.toContain('Xã Mỹ Khánh');
  });
});

describe('ratingColours', () => {
  it('gives each rating its own colour, best to worst', () => {
    const colours = ratingColours(canTho);
    expect(Object.keys(colours)).toEqual(['xuat-sac', 'tot', 'kha', 'trung-binh', 'yeu']);
    expect(new Set(Object.values(colours)).size).toBe(5);
    expect(ratingColours(mini)).toEqual({ tot: '#0072B2', kha: '#F0E442', yeu: '#D55E00' });
  });
});

describe('the well-formedness checker used here', () => {
  it('catches what it is meant to catch', () => {
    expect(wellFormedProblems('<svg><g></g><rect/></svg>')).toEqual([]);
    expect(wellFormedProblems('<svg><g></svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg>A & B</svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg><text>A <C></text></svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg a="1" a="2"></svg>')).not.toEqual([]);
    expect(wellFormedProblems('<svg></svg><svg></svg>')).not.toEqual([]);
  });
});
