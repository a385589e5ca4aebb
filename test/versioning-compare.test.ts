import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dec, DtiError, scoreBatch, type ScoreReport, type Submission, type UnitResult, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { compareReports, comparisonToMarkdown, type Comparison, type UnitComparison } from '../src/versioning/compare.js';
import { migrateSubmission } from '../src/versioning/migrate.js';

const c2022 = getCriteria('can-tho@2022.1.0');
const c2023 = getCriteria('can-tho@2023.1.0');
const c2025 = getCriteria('can-tho@2025.1.0');
const example2022 = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8')) as Submission;
const EXAMPLE_2023 = 'examples/can-tho-2023/submissions.json';

// ---------------------------------------------------------------------------
// An independent reading of the criteria JSON (no library code): leaves with
// their aliases, rule, allowNA, points per level and applicability.

interface RawNode {
  code: string;
  aliases?: string[];
  appliesTo?: (string | { level: string; groups: string[] })[];
  points?: string | number | Record<string, string | number>;
  allowNA?: boolean;
  rule?: unknown;
  children?: RawNode[];
}
interface RawLeaf {
  code: string;
  aliases: string[];
  rule: string;
  allowNA: boolean;
  points: (level: string) => string | undefined;
  applies: (level: string, group: string | null) => boolean;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function rawLeaves(file: string): RawLeaf[] {
  const set = JSON.parse(readFileSync(file, 'utf8')) as { nodes: RawNode[] };
  const out: RawLeaf[] = [];
  const walk = (nodes: RawNode[], parent: (level: string, group: string | null) => boolean): void => {
    for (const node of nodes) {
      const own = node.appliesTo;
      const applies = (level: string, group: string | null): boolean =>
        parent(level, group) && (!own || own.some((s) => (typeof s === 'string' ? s === level : s.level === level && group !== null && s.groups.includes(group))));
      if (node.rule) {
        const pts = node.points;
        out.push({
          code: node.code,
          aliases: node.aliases ?? [],
          rule: stable(node.rule),
          allowNA: node.allowNA ?? false,
          points: (level) => (pts === undefined ? undefined : typeof pts === 'object' ? (pts[level] === undefined ? undefined : String(pts[level])) : String(pts)),
          applies,
        });
      }
      walk(node.children ?? [], applies);
    }
  };
  walk(set.nodes, () => true);
  return out;
}

const raw2022 = rawLeaves('criteria/can-tho/2022.1.0.json');
const raw2023 = rawLeaves('criteria/can-tho/2023.1.0.json');
const raw2025 = rawLeaves('criteria/can-tho/2025.1.0.json');

/** The common leaves of a unit, its rebased figures and coverage, by hand. */
function byHand(leavesA: RawLeaf[], leavesB: RawLeaf[], ra: UnitResult, rb: UnitResult) {
  const codesA = new Map(leavesA.map((l) => [l.code, l]));
  const common: string[] = [];
  let pa = new Dec(0);
  let pb = new Dec(0);
  let max = new Dec(0);
  for (const b of leavesB) {
    const a = codesA.get(b.code) ?? b.aliases.map((x) => codesA.get(x)).find((x) => x !== undefined);
    if (!a) continue;
    if (!a.applies(ra.level, ra.group) || !b.applies(rb.level, rb.group)) continue;
    if (a.rule !== b.rule || a.allowNA !== b.allowNA) continue;
    const pA = a.points(ra.level);
    const pB = b.points(rb.level);
    if (pA === undefined || pB === undefined || !new Dec(pA).eq(pB)) continue;
    const na = ra.nodes[a.code];
    const nb = rb.nodes[b.code];
    if (!na || !nb || na.points === null || nb.points === null) continue;
    common.push(b.code);
    pa = pa.plus(na.points);
    pb = pb.plus(nb.points);
    max = max.plus(pA);
  }
  const ratio = (x: Dec, y: Dec | string): string => x.div(y).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4);
  return {
    common,
    max: max.toFixed(2),
    a: ratio(pa, max),
    b: ratio(pb, max),
    coverage: { a: ratio(max, ra.maxPoints), b: ratio(max, rb.maxPoints) },
  };
}

// ---------------------------------------------------------------------------
// The two years: 2022 examples, and 2023 either from the examples or built by
// migrating 2022 and tweaking values deterministically.

function tweaked2023(): Submission {
  const migrated = migrateSubmission(example2022, c2022, c2023).submission;
  const units = migrated.units.map((unit, i): UnitSubmission => {
    const values: Record<string, unknown> = {};
    Object.entries(unit.values).forEach(([code, value], j) => {
      const v = value as { numerator?: number; denominator?: number };
      if ((i + j) % 4 === 0 && v && typeof v === 'object' && typeof v.numerator === 'number' && typeof v.denominator === 'number' && v.numerator < v.denominator) {
        values[code] = { numerator: v.numerator + 1, denominator: v.denominator };
      } else {
        values[code] = value;
      }
    });
    values['CQS.3.7'] = { numerator: i % 9, denominator: 8 + (i % 3) };
    return { ...unit, values };
  });
  return { ...migrated, period: '2023', units };
}

const sources: [string, () => Submission][] = [['2022 migrated to 2023 and tweaked', tweaked2023]];
if (existsSync(EXAMPLE_2023)) sources.push(['examples/can-tho-2023', () => JSON.parse(readFileSync(EXAMPLE_2023, 'utf8')) as Submission]);

const report2022 = scoreBatch(c2022, example2022);
const row = (c: Comparison, id: string): UnitComparison => {
  const found = c.units.find((u) => u.unit === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
};
const resultOf = (report: ScoreReport, id: string): UnitResult => report.results.find((r) => r.unit === id)!;

describe.each(sources)('compareReports 2022 → 2023 (%s)', (_name, build) => {
  const report2023 = scoreBatch(c2023, build());
  const c = compareReports({ report: report2022, criteria: c2022 }, { report: report2023, criteria: c2023 });

  it('every unit of both years is compared, official change is exact', () => {
    expect(c.units).toHaveLength(report2022.results.length);
    expect(c.onlyA).toEqual([]);
    expect(c.onlyB).toEqual([]);
    expect(c.sameCriteria).toBe(false);
    for (const u of c.units) {
      const ra = resultOf(report2022, u.unit);
      const rb = resultOf(report2023, u.unit);
      expect(u.official.a).toBe(ra.index);
      expect(u.official.b).toBe(rb.index);
      expect(u.official.change).toBe(new Dec(rb.index!).minus(ra.index!).toFixed(4));
    }
  });

  it.each(['ninh-kieu', 'phuong-an-binh', 'so-tttt', 'so-noi-vu', 'thanh-tra', 'phuong-cai-khe'])('%s: rebased figures and coverage match a hand computation from the criteria JSON', (id) => {
    const u = row(c, id);
    const hand = byHand(raw2022, raw2023, resultOf(report2022, id), resultOf(report2023, id));
    expect(u.rebased.leaves).toEqual(hand.common);
    expect(u.rebased.max).toBe(hand.max);
    expect(u.rebased.a).toBe(hand.a);
    expect(u.rebased.b).toBe(hand.b);
    expect(u.rebased.coverage).toEqual(hand.coverage);
    expect(u.rebased.change).toBe(new Dec(hand.b).minus(hand.a).toFixed(4));
  });

  it('a district: KTS.1.4/KTS.3.5 is common through the alias; CQS.7.2, CQS.3.2, CQS.3.7 are not; XHS.2.2 is', () => {
    const u = row(c, 'ninh-kieu');
    expect(u.rebased.leaves).toContain('KTS.3.5');
    expect(u.rebased.renamed).toEqual([{ a: 'KTS.1.4', b: 'KTS.3.5' }]);
    for (const code of ['CQS.7.2', 'CQS.3.2', 'CQS.3.7', 'KTS.1.4']) expect(u.rebased.leaves).not.toContain(code);
    expect(u.rebased.leaves).toContain('XHS.2.2');
    expect(u.rebased.leaves).toContain('XHS.1.1');
    // Premise: ninh-kieu answers no "n/a" in either year, so the common maximum is 1000 − 15 (CQS.3.2) − 30 (CQS.7.2).
    expect(resultOf(report2022, 'ninh-kieu').maxPoints).toBe('1000.00');
    expect(resultOf(report2023, 'ninh-kieu').maxPoints).toBe('1000.00');
    expect(u.rebased.max).toBe('955.00');
    expect(u.rebased.coverage).toEqual({ a: '0.9550', b: '0.9550' });
    expect(u.rebased.points.a).toBe(new Dec(resultOf(report2022, 'ninh-kieu').points).minus(resultOf(report2022, 'ninh-kieu').nodes['CQS.3.2']!.points!).minus(resultOf(report2022, 'ninh-kieu').nodes['CQS.7.2']!.points!).toFixed(2));
    expect(u.note.en).toContain('not one series');
    expect(u.note.en).toContain('95.50%');
    expect(u.note.vi).toContain('95.50%');
  });

  it('a commune: XHS.2.2 and XHS.1.1 (points changed) and CQS.7.2 (rule changed) are not common', () => {
    const u = row(c, 'phuong-an-binh');
    for (const code of ['XHS.2.2', 'XHS.1.1', 'CQS.7.2', 'CQS.3.2', 'CQS.3.7']) expect(u.rebased.leaves).not.toContain(code);
    expect(u.rebased.renamed).toEqual([]);
    // 1000 − 10 (CQS.3.2) − 30 (CQS.7.2) − 70 (XHS.1.1) − 30 (XHS.2.2) over 2022's maximum.
    expect(resultOf(report2022, 'phuong-an-binh').maxPoints).toBe('1000.00');
    expect(u.rebased.max).toBe('860.00');
  });

  it('a leaf answered "n/a" in one year only is left out on both sides', () => {
    const a = resultOf(report2022, 'phuong-cai-khe');
    expect(a.nodes['KTS.3.2']?.status).toBe('not-applicable');
    expect(row(c, 'phuong-cai-khe').rebased.leaves).not.toContain('KTS.3.2');
    expect(row(c, 'phuong-an-binh').rebased.leaves).toContain('KTS.3.2');
  });

  it('the Markdown table has one row per unit and the note', () => {
    const md = comparisonToMarkdown(c, 'en');
    expect(md).toContain('| Unit | Index 2022 | Index 2023 | Official change | Rebased 2022 | Rebased 2023 | Rebased change | Coverage |');
    expect(md).toContain('not one series');
    const u = row(c, 'ninh-kieu');
    const line = md.split('\n').find((l) => l.startsWith('| ninh-kieu |'))!;
    expect(line.split('|').map((s) => s.trim()).slice(1, 9)).toEqual([
      'ninh-kieu',
      u.official.a,
      u.official.b,
      new Dec(u.official.change!).gt(0) ? `+${u.official.change}` : u.official.change,
      u.rebased.a,
      u.rebased.b,
      new Dec(u.rebased.change!).gt(0) ? `+${u.rebased.change}` : u.rebased.change,
      '95.50%',
    ]);
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Unit') && !l.startsWith('| ---'))).toHaveLength(c.units.length);
    expect(comparisonToMarkdown(c, 'vi')).toContain('| Đơn vị | Chỉ số 2022 | Chỉ số 2023 |');
  });
});

describe('compareReports under one version', () => {
  it('identical versions give coverage 1 and rebased == official', () => {
    const rescored = scoreBatch(c2022, { ...example2022, units: tweaked2023().units.map((u) => {
      const values = Object.fromEntries(Object.entries(u.values).filter(([code]) => code !== 'CQS.3.7' && code !== 'KTS.3.5'));
      const original = example2022.units.find((x) => x.id === u.id)!;
      if ('KTS.1.4' in original.values) values['KTS.1.4'] = original.values['KTS.1.4'];
      if ('CQS.3.2' in original.values) values['CQS.3.2'] = original.values['CQS.3.2'];
      return { ...u, values };
    }) });
    for (const [a, b] of [[report2022, report2022], [report2022, rescored]] as const) {
      const c = compareReports({ report: a, criteria: c2022 }, { report: b, criteria: c2022 });
      expect(c.sameCriteria).toBe(true);
      expect(c.units).toHaveLength(a.results.length);
      for (const u of c.units) {
        expect(u.rebased.coverage).toEqual({ a: '1.0000', b: '1.0000' });
        expect(u.rebased.a).toBe(u.official.a);
        expect(u.rebased.b).toBe(u.official.b);
        expect(u.rebased.change).toBe(u.official.change);
      }
      expect(c.note.en).toContain('compare directly');
    }
  });

  it('a unit that changed group is compared on the leaves both groups share, and says so', () => {
    const dep = example2022.units.find((u) => u.id === 'so-tttt')!;
    const asB: UnitSubmission = { ...dep, group: 'B', values: Object.fromEntries(Object.entries(dep.values).filter(([code]) => code.startsWith('CQS.'))) };
    const rb = scoreBatch(c2022, { units: [asB] });
    const c = compareReports({ report: report2022, criteria: c2022 }, { report: rb, criteria: c2022 });
    const u = row(c, 'so-tttt');
    expect(u.groupChanged).toBe(true);
    expect(u.group).toEqual({ a: 'A', b: 'B' });
    expect(u.note.en).toContain('changed group: A → B');
    const hand = byHand(raw2022, raw2022, resultOf(report2022, 'so-tttt'), resultOf(rb, 'so-tttt'));
    expect(u.rebased.leaves).toEqual(hand.common);
    expect(u.rebased.coverage).toEqual(hand.coverage);
    expect(u.rebased.leaves.every((code) => code.startsWith('CQS.'))).toBe(true);
    expect(comparisonToMarkdown(c, 'en')).toContain('| so-tttt (A → B) |');
    expect(c.onlyA).toHaveLength(report2022.results.length - 1);
  });

  it('match renames units; unmatched units and level changes are listed', () => {
    const a = scoreBatch(c2022, { units: [
      { id: 'old-name', level: 'commune', values: { 'CQS.2.1': true } },
      { id: 'gone', level: 'commune', values: {} },
      { id: 'moved', level: 'district', values: {} },
    ] });
    const b = scoreBatch(c2022, { units: [
      { id: 'new-name', level: 'commune', values: { 'CQS.2.1': false } },
      { id: 'moved', level: 'commune', values: {} },
      { id: 'fresh', level: 'commune', values: {} },
    ] });
    const c = compareReports({ report: a, criteria: c2022 }, { report: b, criteria: c2022 }, { match: { 'old-name': 'new-name' } });
    expect(c.units.map((u) => [u.unit, u.unitB])).toEqual([['old-name', 'new-name']]);
    expect(c.units[0]!.official).toEqual({ a: '0.0150', b: '0.0000', change: '-0.0150' });
    expect(c.onlyA).toEqual([{ unit: 'gone', level: 'commune', group: null }]);
    expect(c.onlyB).toEqual([{ unit: 'fresh', level: 'commune', group: null }]);
    expect(c.levelChanged).toEqual([{ a: { unit: 'moved', level: 'district', group: null }, b: { unit: 'moved', level: 'commune', group: null } }]);
    const md = comparisonToMarkdown(c, 'en');
    expect(md).toContain('| old-name → new-name |');
    expect(md).toContain('Only in A: gone (commune)');
    expect(md).toContain('Only in B: fresh (commune)');
    expect(md).toContain('moved (district → commune)');
  });

  it('a report paired with the wrong criteria is refused', () => {
    expect(() => compareReports({ report: report2022, criteria: c2023 }, { report: report2022, criteria: c2022 })).toThrow(DtiError);
    try {
      compareReports({ report: report2022, criteria: c2022 }, { report: report2022, criteria: c2023 });
    } catch (error) {
      expect((error as DtiError).issues[0]).toMatchObject({ code: 'compare/criteria-mismatch', path: 'b.report.criteria' });
    }
  });
});

describe('compareReports 2022 → 2025 (reference 5.6)', () => {
  const migrated = migrateSubmission(example2022, c2022, c2025).submission;
  const report2025 = scoreBatch(c2025, { ...migrated, period: '2025' });
  const c = compareReports({ report: report2022, criteria: c2022 }, { report: report2025, criteria: c2025 });

  it('districts and group C are only in 2022; the note says levels changed', () => {
    expect(c.onlyA.map((u) => u.level === 'district' || u.group === 'C').every(Boolean)).toBe(true);
    expect(c.onlyA).toHaveLength(example2022.units.filter((u) => u.level === 'district' || u.group === 'C').length);
    expect(c.note.en).toContain('compares rules, not like units');
  });

  it('a commune: the 21 "=" leaves, 545 of 1000', () => {
    const u = row(c, 'phuong-an-binh');
    expect(u.rebased.leaves).toEqual(['CQS.1.1', 'CQS.1.3', 'CQS.2.1', 'CQS.3.3', 'CQS.4.1', 'CQS.4.2', 'CQS.5.2', 'CQS.6.1', 'CQS.6.4', 'CQS.7.1', 'CQS.7.3', 'CQS.7.4', 'CQS.7.5', 'KTS.1.1', 'KTS.2.1', 'KTS.2.2', 'KTS.3.2', 'XHS.2.1', 'XHS.2.3', 'XHS.2.4', 'XHS.3.2']);
    expect(u.rebased.max).toBe('545.00');
    expect(u.rebased.coverage).toEqual({ a: '0.5450', b: '0.5450' });
    expect(u.note.en).toContain('54.50%');
    const hand = byHand(raw2022, raw2025, resultOf(report2022, 'phuong-an-binh'), resultOf(report2025, 'phuong-an-binh'));
    expect([u.rebased.a, u.rebased.b]).toEqual([hand.a, hand.b]);
  });

  it('departments: group A shares 19 leaves worth 470, group B 15 worth 330', () => {
    const a = row(c, 'so-nnptnt');
    expect(a.rebased.leaves).toHaveLength(19);
    expect(a.rebased.max).toBe('470.00');
    const b = row(c, 'so-noi-vu');
    expect(b.rebased.leaves).toHaveLength(15);
    expect(b.rebased.max).toBe('330.00');
    expect(b.rebased.coverage).toEqual({ a: '0.5500', b: '0.5500' });
  });
});
