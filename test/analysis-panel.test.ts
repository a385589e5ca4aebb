// Panels over years (issue #15 item 6): results of several periods joined unit by unit, through aliases
// and merged successors, with exact index changes and ranks as published and among units present throughout.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExact } from '../src/exact/read-exact.js';
import { scoreBatch, type ScoreReport, type Submission } from '../src/index.js';
import { safeMergeUnits } from '../src/analysis/merge-units.js';
import { safeBuildPanel } from '../src/analysis/panel.js';
import { getCriteria } from '../src/sets/index.js';

const example = (year: string): ScoreReport => {
  const submission = JSON.parse(readFileSync(new URL(`../examples/can-tho-${year}/submissions.json`, import.meta.url), 'utf8')) as Submission;
  return scoreBatch(getCriteria(submission.criteria ?? `can-tho@${year}.1.0`), submission);
};
const y2022 = example('2022');
const y2023 = example('2023');
const y2025 = example('2025');
const ok = <T>(result: { ok: true; value: T } | { ok: false; issues: readonly { code: string }[] }): T => {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.code).join(', '));
  return result.value;
};
/** Competition ranks by index, highest first, within each level: an independent computation. */
function ranksByIndex(entries: readonly { id: string; level: string; index: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const level of new Set(entries.map((entry) => entry.level))) {
    const members = entries.filter((entry) => entry.level === level);
    for (const entry of members) out.set(entry.id, 1 + members.filter((other) => readExact(other.index)!.gt(readExact(entry.index)!)).length);
  }
  return out;
}

describe('a panel of two years', () => {
  const panel = ok(safeBuildPanel([{ report: y2023 }, { report: y2022 }]));

  it('puts the periods in order, says what each was scored with and that the rules differ', () => {
    expect(panel.periods.map((entry) => [entry.period, `${entry.criteria.id}@${entry.criteria.version}`])).toEqual([['2022', 'can-tho@2022.1.0'], ['2023', 'can-tho@2023.1.0']]);
    expect(panel.sameCriteria).toBe(false);
    expect(ok(safeBuildPanel([{ report: y2022 }, { report: { ...y2022, period: '2021' } }])).sameCriteria).toBe(true);
  });

  it('gives every unit its exact index change and the places it gained, as published', () => {
    expect(panel.rows).toHaveLength(47);
    for (const row of panel.rows) {
      const [a, b] = [y2022.results.find((r) => r.unit === row.unit)!, y2023.results.find((r) => r.unit === row.unit)!];
      const change = row.changes[0]!;
      expect([change.from, change.to]).toEqual(['2022', '2023']);
      expect(change.index === null).toBe(a.index === null || b.index === null);
      if (a.index !== null && b.index !== null) {
        expect(change.index).toMatch(/^-?\d+\.\d{4}$/);
        expect(readExact(change.index!)!.eq(readExact(b.index)!.minus(readExact(a.index)!))).toBe(true);
      }
      expect(change.rank).toBe(a.rank! - b.rank!);
      expect(row.periods['2022']?.points).toBe(a.points);
    }
  });

  it('ranks among the units present throughout do not move when a unit enters', () => {
    const newcomer = scoreBatch(getCriteria('can-tho@2023.1.0'), { period: '2023', units: [...(JSON.parse(readFileSync(new URL('../examples/can-tho-2023/submissions.json', import.meta.url), 'utf8')) as Submission).units, { id: 'xa-moi', name: 'Xã Mới', level: 'commune', values: {} }] });
    const withNewcomer = ok(safeBuildPanel([{ report: y2022 }, { report: newcomer }]));
    const row = withNewcomer.rows.find((entry) => entry.unit === 'xa-moi')!;
    expect(row.periods['2022']).toBeNull();
    expect(row.periods['2023']?.commonRank).toBeNull();
    expect(row.changes[0]).toEqual({ from: '2022', to: '2023', index: null, rank: null, commonRank: null });
    for (const entry of withNewcomer.rows.filter((r) => r.unit !== 'xa-moi')) {
      expect(entry.periods['2023']?.commonRank).toBe(panel.rows.find((r) => r.unit === entry.unit)!.periods['2023']?.commonRank);
    }
  });

  it('commonRank is the rank by index among the units in every period (property)', () => {
    const ids = y2023.results.map((r) => r.unit);
    fc.assert(fc.property(fc.subarray(ids, { minLength: 1, maxLength: 20 }), (dropped) => {
      const later = { ...y2023, results: y2023.results.filter((r) => !dropped.includes(r.unit)) };
      const built = ok(safeBuildPanel([{ report: y2022 }, { report: later }]));
      const common = later.results.filter((r) => r.index !== null && y2022.results.find((a) => a.unit === r.unit)?.index != null);
      const expected = ranksByIndex(common.map((r) => ({ id: r.unit, level: r.level, index: r.index! })));
      for (const row of built.rows) expect(row.periods['2023']?.commonRank ?? null).toBe(expected.get(row.unit) ?? null);
    }), { numRuns: 40 });
  });
});

describe('units that changed: aliases and merged successors', () => {
  const renamed = { ...y2023, results: y2023.results.map((r) => (r.unit === 'xa-nhon-ai' ? { ...r, unit: 'xa-nhon-ai-2' } : r)) };

  it('joins a unit under its new id through an alias, and through a chain of them', () => {
    const panel = ok(safeBuildPanel([{ report: y2022 }, { report: renamed }], { aliases: { 'xa-nhon-ai': 'xa-nhon-ai-2' } }));
    const row = panel.rows.find((entry) => entry.unit === 'xa-nhon-ai-2')!;
    expect([row.periods['2022']?.id, row.periods['2023']?.id]).toEqual(['xa-nhon-ai', 'xa-nhon-ai-2']);
    expect(panel.rows.some((entry) => entry.unit === 'xa-nhon-ai')).toBe(false);
    const chained = ok(safeBuildPanel([{ report: y2022 }, { report: renamed }], { aliases: { 'xa-nhon-ai': 'tam', tam: 'xa-nhon-ai-2' } }));
    expect(chained.rows.find((entry) => entry.unit === 'xa-nhon-ai-2')?.periods['2022']?.id).toBe('xa-nhon-ai');
  });

  it('follows communes of 2023 merged into the communes of 2025, stamped with the method', () => {
    const crosswalk = [
      { successor: 'phuong-ninh-kieu', predecessors: ['phuong-an-cu', 'phuong-an-hoa', 'phuong-thoi-binh'] },
      { successor: 'phuong-an-binh', predecessors: ['phuong-an-binh', 'phuong-an-khanh'] },
      { successor: 'xa-nhon-ai', predecessors: ['xa-nhon-ai', 'xa-nhon-nghia'] },
    ];
    const merged = ok(safeMergeUnits(y2023, getCriteria('can-tho@2023.1.0'), crosswalk, { method: 'mean-of-main-indices' }));
    const later = { ...y2025, results: y2025.results.filter((r) => crosswalk.some((entry) => entry.successor === r.unit)) };
    const panel = ok(safeBuildPanel([{ report: merged, period: '2024' }, { report: later }]));
    expect(panel.periods.map((entry) => [entry.period, entry.merged ?? null])).toEqual([['2024', 'mean-of-main-indices'], ['2025', null]]);
    expect(panel.rows.map((row) => row.unit).sort()).toEqual(crosswalk.map((entry) => entry.successor).sort());
    for (const row of panel.rows) {
      const before = merged.units.find((unit) => unit.successor === row.unit)!;
      const after = later.results.find((r) => r.unit === row.unit)!;
      expect(readExact(row.changes[0]!.index!)!.eq(readExact(after.index!)!.minus(readExact(before.index!)!))).toBe(true);
      expect(row.periods['2024']?.points).toBeNull();
    }
  });
});

describe('what a panel refuses', () => {
  const codes = (...args: Parameters<typeof safeBuildPanel>): string[] => {
    const result = safeBuildPanel(...args);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
  };

  it('a period without a label, a period twice, an alias cycle, two units becoming one', () => {
    expect(codes([{ report: { ...y2022, period: null } }])).toEqual(['[0] analysis/period-required']);
    expect(codes([{ report: y2022 }, { report: y2023, period: '2022' }])).toEqual(['[1].period analysis/period-twice']);
    expect(codes([{ report: y2022 }], { aliases: { a: 'b', b: 'a' } })).toEqual(['aliases.a analysis/alias-cycle', 'aliases.b analysis/alias-cycle']);
    const collision = codes([{ report: y2022 }], { aliases: { 'xa-nhon-ai': 'xa-tan-thoi' } });
    expect(collision).toHaveLength(1);
    expect(collision[0]).toMatch(/^\[0\]\.report\.results\[\d+\]\.unit analysis\/alias-collision$/);
  });
});
