// The rank band chart of an uncertainty analysis (dti-criteria/charts), checked like the other charts
// (test/charts.test.ts): well-formed, accessible, readable at 390 px, Vietnamese first, deterministic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uncertainty } from '../src/analysis/index.js';
import { rankBandChart, type RankBands, type RankBandUnit } from '../src/charts/index.js';
import { escapeXml } from '../src/charts/svg.js';
import { parseCriteria } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { wellFormedProblems } from './fixtures/report/well-formed.js';

const canTho = getCriteria('can-tho@2022.1.0');
const examples = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as unknown;
const analysed = uncertainty(canTho, examples, { samples: 12, seed: 2022, inputs: [{ kind: 'weights', spread: '0.3' }, { kind: 'aggregation', options: ['arithmetic', 'geometric'] }] });
const golden = parseCriteria(JSON.parse(readFileSync(new URL('./golden/analysis/criteria.json', import.meta.url), 'utf8')));
const unit = (id: string, name: string | null, official: number | null, median: number | null, low: number | null, high: number | null): RankBandUnit => ({
  unit: id, name, level: 'commune', group: null, official: { rank: official }, rank: { median, low, high },
});
const bands: RankBands = {
  samples: 40,
  band: { low: 0.05, high: 0.95 },
  derivedFrom: { criteria: { id: 'golden-analysis', version: '2022.1.0' }, period: '2022' },
  units: [
    unit('u3', 'Xã Ba', 3, 2.5, 2, 3.55),
    unit('u1', 'A & B <C> "Đặc biệt"', 1, 1, 1, 2),
    unit('u2', 'Xã Hai', 2, 2, 1.45, 3),
    unit('u9', null, null, null, null, null),
  ],
};

/** The accessibility frame every chart must have (as in test/charts.test.ts). */
function expectAccessible(svg: string): void {
  expect(wellFormedProblems(svg)).toEqual([]);
  expect(svg.startsWith('<svg ') && svg.endsWith('</svg>')).toBe(true);
  const id = /^<svg [^>]*\bid="([^"]+)"/.exec(svg)?.[1];
  expect(id).toBeDefined();
  expect(svg).toMatch(/^<svg [^>]*role="img"/);
  expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
  expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
  expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
  for (const size of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(11);
  expect(/NaN|Infinity/.test(svg)).toBe(false);
  expect(/="-?\d+(?:\.\d+)?e[+-]?\d+"/.test(svg)).toBe(false);
}

/** Every x coordinate of the drawing (text anchors, shapes, path points), to check it stays on the canvas. */
function xs(svg: string): number[] {
  const attrs = [...svg.matchAll(/\s(?:x|x1|x2|cx)="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
  const path = [...svg.matchAll(/\sd="([^"]+)"/g)].flatMap((m) => [...m[1]!.matchAll(/[ML](-?[\d.]+) /g)].map((p) => Number(p[1])));
  return [...attrs, ...path];
}

describe('rankBandChart', () => {
  it('is well-formed and accessible, names every unit with its band, median and official rank, in official rank order', () => {
    const svg = rankBandChart(bands, golden, { level: 'commune' });
    expectAccessible(svg);
    expect(svg).toContain('<title id="dti-rank-band-commune-title">Độ bất định của xếp hạng — Xã — kỳ 2022</title>');
    expect(svg).toContain('golden-analysis@2022.1.0 · 40 mẫu · 4 đơn vị');
    // Vietnamese figures with a decimal comma; English ones as data writes them.
    expect(svg).toContain('>2,5 (2–3,55)<');
    expect(svg).toContain('>2 (1,45–3)<');
    expect(rankBandChart(bands, golden, { level: 'commune', lang: 'en' })).toContain('>2.5 (2–3.55)<');
    expect(svg).toContain('>— (—–—)<');
    expect(svg).toContain('A &amp; B &lt;C&gt; &quot;Đặc biệt&quot;');
    expect(svg).not.toContain('<C>');
    const order = ['A &amp; B', 'Xã Hai', 'Xã Ba', '>u9<'].map((name) => svg.indexOf(name));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(svg).toContain('Hạng trung vị');
    expect(svg).toContain('Khoảng 5–95 %');
    expect(svg).toContain('Hạng chính thức');
    expect(svg).toContain('Xã Ba: hạng chính thức 3; trung vị 2,5; khoảng 2–3,55.');
    // One band, one median dot and one diamond per unit with figures; none for the unit without.
    expect(svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="10" rx="2"/g)?.length).toBe(3 + 1);
    expect(svg.match(/<circle /g)?.length).toBe(3 + 1);
    expect(svg.match(/<path /g)?.length).toBe(3 + 1);
  });

  it('places rank 1 on the left: the band of a unit spans its low to its high rank', () => {
    const svg = rankBandChart(bands, golden, { level: 'commune', width: 600 });
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="10" rx="2"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // Rows in official rank order: u1 (1–2), u2 (1.45–3), u3 (2–3.55); the legend's swatch last.
    const [u1, u2, u3] = rects;
    expect(u1![0]).toBeLessThan(u2![0]);
    expect(u2![0]).toBeLessThan(u3![0]);
    expect(u3![0] + u3![1]).toBeGreaterThan(u2![0] + u2![1]);
  });

  it('reads on a phone: 390 px wide, each unit on two lines, nothing off the canvas, no text below 11 px', () => {
    const svg = rankBandChart(analysed, canTho, { level: 'commune', width: 390 });
    expectAccessible(svg);
    expect(svg).toMatch(/^<svg [^>]*width="390"/);
    for (const x of xs(svg)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(390);
    }
    expect(rankBandChart(analysed, canTho, { level: 'commune', width: 200 })).toMatch(/^<svg [^>]*width="390"/);
  });

  it('draws the analysis of the examples for every level, with group blocks where the set ranks within groups', () => {
    for (const level of ['department', 'district', 'commune']) {
      const svg = rankBandChart(analysed, canTho, { level });
      expectAccessible(svg);
      for (const u of analysed.units.filter((entry) => entry.level === level)) expect(svg).toContain(escapeXml(u.name!));
    }
    const departments = rankBandChart(analysed, canTho, { level: 'department' });
    const [a, b, c] = ['Nhóm A: ', 'Nhóm B: ', 'Nhóm C: '].map((heading) => departments.indexOf(heading));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a!);
    expect(c).toBeGreaterThan(b!);
    const groupB = rankBandChart(analysed, canTho, { level: 'department', group: 'B' });
    expect(groupB).toContain('dti-rank-band-department-b-title');
    expect(groupB).not.toContain('Nhóm A: ');
  });

  it('shows the first units only with limit, speaks English with lang en, and is deterministic', () => {
    const top = rankBandChart(analysed, canTho, { level: 'commune', limit: 3 });
    expect(top).toContain('3 đơn vị');
    const communes = analysed.units.filter((u) => u.level === 'commune').sort((x, y) => x.official.rank! - y.official.rank!);
    expect(top).toContain(escapeXml(communes[2]!.name!));
    expect(top).not.toContain(escapeXml(communes[3]!.name!));
    const en = rankBandChart(analysed, canTho, { level: 'district', lang: 'en' });
    expectAccessible(en);
    expect(en).toContain('<title id="dti-rank-band-district-title">How certain the ranking is — District People&#39;s Committees — period 2022</title>');
    expect(en).toContain('Median rank');
    expect(en).toContain('lang="en"');
    expect(rankBandChart(analysed, canTho, { level: 'district' })).toBe(rankBandChart(analysed, canTho, { level: 'district' }));
    const reversed = { ...analysed, units: [...analysed.units].reverse() };
    expect(rankBandChart(reversed, canTho, { level: 'district' })).toBe(rankBandChart(analysed, canTho, { level: 'district' }));
  });

  it('says so when the level has no unit, and rejects an unknown level or group', () => {
    const empty = rankBandChart({ ...bands, units: [] }, golden, { level: 'commune' });
    expectAccessible(empty);
    expect(empty).toContain('Không có đơn vị nào.');
    expect(() => rankBandChart(bands, golden, { level: 'province' })).toThrow(/unknown level "province"/);
    expect(() => rankBandChart(analysed, canTho, { level: 'department', group: 'Z' })).toThrow(/unknown group "Z"/);
  });
});
