// Merging units after the 2025 reform (issue #15 item 6): the three named methods, checked against an
// independent computation with Python's fractions (test/golden/analysis/merge-reference.py), their
// properties, and every refusal.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExact } from '../src/exact/read-exact.js';
import { scoreBatch, type Submission } from '../src/index.js';
import { MERGE_METHODS, safeMergeUnits, type Crosswalk } from '../src/analysis/merge-units.js';
import { getCriteria } from '../src/sets/index.js';

const criteria = getCriteria('can-tho@2022.1.0');
const submission = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
const report = scoreBatch(criteria, submission);
const golden = JSON.parse(readFileSync(new URL('golden/analysis/merge-communes.json', import.meta.url), 'utf8')) as {
  crosswalk: Crosswalk[];
  expected: Record<string, {
    'mean-of-indices': string;
    'mean-of-main-indices': { index: string; nodes: Record<string, string | null> };
    'pooled-points': { index: string; points: string; maxPoints: string };
  }>;
};
const merged = (crosswalk: readonly Crosswalk[], method: (typeof MERGE_METHODS)[number]) => {
  const result = safeMergeUnits(report, criteria, crosswalk, { method });
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.code).join(', '));
  return result.value;
};

describe('merging predecessors into successors', () => {
  it('gives the values of the independent computation for every method, exactly', () => {
    const expected = golden.expected;
    const byIndex = merged(golden.crosswalk, 'mean-of-indices');
    expect(Object.fromEntries(byIndex.units.map((unit) => [unit.successor, unit.index]))).toEqual(Object.fromEntries(Object.entries(expected).map(([id, e]) => [id, e['mean-of-indices']])));
    const byMain = merged(golden.crosswalk, 'mean-of-main-indices');
    expect(Object.fromEntries(byMain.units.map((unit) => [unit.successor, { index: unit.index, nodes: unit.nodes }]))).toEqual(Object.fromEntries(Object.entries(expected).map(([id, e]) => [id, e['mean-of-main-indices']])));
    const pooled = merged(golden.crosswalk, 'pooled-points');
    expect(Object.fromEntries(pooled.units.map((unit) => [unit.successor, { index: unit.index, points: unit.points, maxPoints: unit.maxPoints }]))).toEqual(Object.fromEntries(Object.entries(expected).map(([id, e]) => [id, e['pooled-points']])));
    // Where the maxima differ (n/a leaves), the methods disagree: they are not the same computation named three ways.
    expect(new Set(Object.values(expected).map((e) => `${e['mean-of-indices']}|${e['mean-of-main-indices'].index}|${e['pooled-points'].index}`)).size).toBeGreaterThan(1);
    expect(Object.values(expected).some((e) => e['mean-of-indices'] !== e['pooled-points'].index)).toBe(true);
  });

  it('stamps the method and what it was derived from, names and ranks the successors', () => {
    const result = merged(golden.crosswalk, 'mean-of-main-indices');
    expect(result.method).toBe('mean-of-main-indices');
    expect(result.derivedFrom).toEqual({ criteria: report.criteria, period: report.period });
    expect(result.about.vi).toContain('chỉ số chính');
    expect(result.about.en).toContain('Splits of a unit are out of scope');
    expect(result.units.find((unit) => unit.successor === 'phuong-cai-khe')?.name).toBe('Phường Cái Khế (mới)');
    expect(result.units.find((unit) => unit.successor === 'xa-giai-xuan')?.name).toBe('Xã Giai Xuân');
    // Ranks follow the published (rounded) indices, highest first, competition ties.
    const units = [...result.units].sort((a, b) => a.rank! - b.rank!);
    for (let i = 1; i < units.length; i++) expect(readExact(units[i - 1]!.index!)!.gte(readExact(units[i]!.index!)!)).toBe(true);
    expect(units[0]!.rank).toBe(1);
  });

  it('reads published figures of any length (a sum past the 30 digits of input is never taken as absent)', () => {
    const big = '123456789012345678901234567890123.00';
    const edited = { ...report, results: report.results.map((result) => (result.unit === 'xa-nhon-ai' ? { ...result, points: big, maxPoints: big } : result)) };
    const pooled = safeMergeUnits(edited, criteria, [{ successor: 's', predecessors: ['xa-nhon-ai'] }], { method: 'pooled-points' });
    expect(pooled.ok ? [pooled.value.units[0]!.points, pooled.value.units[0]!.index, pooled.value.units[0]!.leftOut] : pooled.issues).toEqual([big, '1.0000', []]);
  });

  it('a unit that continues alone keeps its own index under every method', () => {
    const ids = report.results.filter((result) => result.level === 'commune').map((result) => result.unit);
    for (const method of MERGE_METHODS) {
      const alone = merged(ids.map((id) => ({ successor: id, predecessors: [id] })), method);
      expect(alone.units.map((unit) => [unit.successor, unit.index])).toEqual(ids.map((id) => [id, report.results.find((result) => result.unit === id)!.index]));
    }
  });

  it('the mean and the pooled index of any group of communes lie between the lowest and the highest predecessor', () => {
    const communes = report.results.filter((result) => result.level === 'commune');
    fc.assert(fc.property(fc.subarray(communes.map((result) => result.unit), { minLength: 1 }), (predecessors) => {
      const own = predecessors.map((id) => readExact(communes.find((result) => result.unit === id)!.index!)!);
      const low = own.reduce((a, b) => (a.lt(b) ? a : b));
      const high = own.reduce((a, b) => (a.gt(b) ? a : b));
      for (const method of ['mean-of-indices', 'pooled-points'] as const) {
        const index = readExact(merged([{ successor: 'x', predecessors }], method).units[0]!.index!)!;
        // One unit of rounding at most beyond the predecessors' own (rounded) indices.
        const unit = readExact('0.0001')!;
        expect(index.gte(low.minus(unit)) && index.lte(high.plus(unit))).toBe(true);
      }
    }), { numRuns: 60 });
  });
});

describe('what a merge refuses', () => {
  const codes = (crosswalk: readonly Crosswalk[], options: Parameters<typeof safeMergeUnits>[3] = { method: 'mean-of-indices' }, from = report) => {
    const result = safeMergeUnits(from, criteria, crosswalk, options);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
  };

  it('an unknown unit, a split, a successor given twice, an empty merge', () => {
    expect(codes([{ successor: 'a', predecessors: ['xa-khong-co'] }])).toEqual(['crosswalk[0].predecessors[0] analysis/unknown-unit']);
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai'] }, { successor: 'b', predecessors: ['xa-nhon-ai', 'xa-tan-thoi'] }])).toEqual(['crosswalk[1].predecessors[0] analysis/unit-twice']);
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai'] }, { successor: 'a', predecessors: ['xa-tan-thoi'] }])).toEqual(['crosswalk[1].successor analysis/unit-twice']);
    expect(codes([{ successor: 'a', predecessors: [] }])).toEqual(['crosswalk[0].predecessors analysis/empty-merge']);
  });

  it('units of different levels, a main index that is not a node, results of another set', () => {
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai', 'phong-dien'] }])).toEqual(['crosswalk[0] analysis/mixed-merge']);
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai'] }], { method: 'mean-of-main-indices', mainNodes: ['CQS', 'XYZ'] })).toEqual(['mainNodes[1] analysis/unknown-node']);
    const other = { ...report, criteria: { ...report.criteria, version: '2023.1.0' } };
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai'] }], { method: 'pooled-points' }, other)).toEqual(['criteria compare/criteria-mismatch']);
    const edited = { ...report, criteria: { ...report.criteria, sha256: '0'.repeat(64) } };
    expect(codes([{ successor: 'a', predecessors: ['xa-nhon-ai'] }], { method: 'pooled-points' }, edited)).toEqual(['criteria compare/criteria-mismatch']);
  });
});
