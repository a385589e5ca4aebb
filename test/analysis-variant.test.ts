// Analysis variants (issue #15 item 4): other weights or points as a set of their own, stamped as derived
// and never published; absolute awards follow, expectedMax is recomputed, results carry derivedFrom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExact } from '../src/exact/read-exact.js';
import { criteriaHash, safeParseCriteria, safeParseScoreReport, scoreBatch, type CriteriaSet } from '../src/index.js';
import { safeDeriveVariant, type VariantChanges } from '../src/analysis/derive-variant.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';

const official = getCriteria('can-tho@2022.1.0');
const derive = (changes: VariantChanges): CriteriaSet => {
  const result = safeDeriveVariant(official, changes, { unscalable: 'keep' });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.path} ${issue.code}`).join(', '));
  return result.value;
};
const under = (code: string, prefix: string): boolean => code === prefix || code.startsWith(`${prefix}.`);

describe('a variant with other weights', () => {
  it('is its own draft set, stamped with what it was derived from, never the official version', () => {
    const variant = derive({ weights: { KTS: 2 } });
    expect([variant.id, variant.version, variant.status]).toEqual(['can-tho-variant', official.version, 'draft']);
    expect(variant.derivedFrom).toEqual({ id: 'can-tho', version: '2022.1.0', sha256: criteriaHash(official), weights: { KTS: 2 } });
    expect(variant.title.vi).toBe(`Biến thể phân tích của ${official.title.vi}`);
    expect(criteriaHash(variant)).not.toBe(criteriaHash(official));
    // A variant marked published is refused by the format itself.
    const published = safeParseCriteria({ ...JSON.parse(JSON.stringify(variant)), status: 'published' });
    expect(published.ok ? [] : published.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['status criteria/variant-published']);
  });

  it('recomputes expectedMax for every level and group where the official set states it', () => {
    const variant = derive({ weights: { KTS: '1.5', 'XHS.1': '0.5' } });
    const official2 = (level: string) => official.levels.find((entry) => entry.id === level)!.expectedMax;
    expect(official2('commune')).toBe('1000');
    // A commune: KTS 200 → 300; XHS.1 (its points at the commune level) halved.
    const xhs1 = scoreBatch(official, { units: [{ id: 'x', level: 'commune', values: {} }] }).results[0]!.nodes['XHS.1']!.maxPoints!;
    expect(variant.levels.find((entry) => entry.id === 'commune')!.expectedMax).toBe(readExact('1100')!.minus(readExact(xhs1)!.times(readExact('0.5')!)).toString());
    expect(Object.keys(variant.levels.find((entry) => entry.id === 'department')!.expectedMax as object)).toEqual(['A', 'B', 'C']);
  });

  it('multiplies every leaf below a weight, absolute awards included, exactly (choice, bands, checklist, count)', () => {
    const variant = derive({ weights: { CQS: 2, KTS: 3 } });
    const unit = { id: 'q', level: 'department', group: 'A', values: { 'CQS.4.2': 'chuyen-trach', 'CQS.1.2': 4, 'CQS.3.4': 3, 'KTS.3.4': 2, 'XHS.1.4': 2500 } };
    const [a, b] = [scoreBatch(official, { units: [unit] }).results[0]!, scoreBatch(variant, { units: [unit] }).results[0]!];
    expect(variant.derivedFrom?.kept).toEqual(['CQS.6.4']);
    for (const [code, factor] of [['CQS.4.2', 2], ['CQS.1.2', 2], ['CQS.3.4', 2], ['KTS.3.4', 3], ['XHS.1.4', 1]] as const) {
      expect(readExact(b.nodes[code]!.points!)!.eq(readExact(a.nodes[code]!.points!)!.times(readExact(factor)!))).toBe(true);
      expect(readExact(b.nodes[code]!.maxPoints!)!.eq(readExact(a.nodes[code]!.maxPoints!)!.times(readExact(factor)!))).toBe(true);
    }
  });

  it('weights of 1 change no figure; a weight changes only the leaves below it (random batches)', () => {
    const ones = derive({ weights: { CQS: 1, KTS: '1.0' } });
    const doubled = derive({ weights: { 'CQS.1': 2 } });
    fc.assert(fc.property(batchFor(official, 4), (units) => {
      const base = scoreBatch(official, { units }).results;
      const same = scoreBatch(ones, { units }).results;
      const twice = scoreBatch(doubled, { units }).results;
      base.forEach((result, i) => {
        expect(same[i]!.nodes).toEqual(result.nodes);
        expect([same[i]!.points, same[i]!.index, same[i]!.rank]).toEqual([result.points, result.index, result.rank]);
        for (const [code, node] of Object.entries(result.nodes)) {
          const other = twice[i]!.nodes[code]!;
          if (!under(code, 'CQS.1') && !['CQS'].includes(code)) { expect(other).toEqual(node); continue; }
          if (!under(code, 'CQS.1') || node.maxPoints === null) continue;
          expect(readExact(other.maxPoints!)!.eq(readExact(node.maxPoints)!.times(readExact(2)!))).toBe(true);
          // Rounded once either way: twice the rounded points, within one unit of rounding.
          const gap = readExact(other.points!)!.minus(readExact(node.points!)!.times(readExact(2)!)).abs();
          expect(gap.lte(readExact('0.01')!)).toBe(true);
        }
      });
    }), { numRuns: 20 });
  });

  it('results scored with it carry derivedFrom and the draft warning, and read back', () => {
    const variant = derive({ weights: { XHS: '1.25' } });
    const report = scoreBatch(variant, { units: [{ id: 'a', level: 'commune', values: {} }] });
    expect(report.derivedFrom).toEqual({ id: 'can-tho', version: '2022.1.0', sha256: criteriaHash(official) });
    expect(report.warnings.map((warning) => warning.code)).toContain('version/draft');
    expect(Object.keys(report).slice(0, 4)).toEqual(['format', 'criteria', 'derivedFrom', 'generator']);
    const read = safeParseScoreReport(JSON.parse(JSON.stringify(report)), variant);
    expect(read.ok ? read.value.derivedFrom : read.issues).toEqual(report.derivedFrom);
    expect(scoreBatch(official, { units: [] }).derivedFrom).toBeUndefined();
  });
});

describe('a variant with other points', () => {
  it('sets a leaf\'s points at every level, or per level; absolute awards follow in proportion', () => {
    const variant = derive({ points: { 'CQS.1.3': 30, 'CQS.4.2': 30, 'KTS.1.2': { district: 50, commune: 25 } } });
    const unit = { id: 'c', level: 'commune', values: { 'CQS.1.3': { numerator: 15, denominator: 15 }, 'CQS.4.2': 'chuyen-trach', 'KTS.1.2': 5 } };
    const result = scoreBatch(variant, { units: [unit] }).results[0]!;
    expect(['CQS.1.3', 'CQS.4.2', 'KTS.1.2'].map((code) => [result.nodes[code]!.points, result.nodes[code]!.maxPoints])).toEqual([['30.00', '30.00'], ['30.00', '30.00'], ['25.00', '25.00']]);
    expect(variant.derivedFrom?.points).toEqual({ 'CQS.1.3': 30, 'CQS.4.2': 30, 'KTS.1.2': { district: 50, commune: 25 } });
  });

  it('refuses what it cannot do exactly or honestly, every problem at once', () => {
    const codes = (changes: VariantChanges): string[] => {
      const result = safeDeriveVariant(official, changes);
      return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
    };
    expect(codes({ weights: { 'XYZ.1': 2, CQS: 0, KTS: '-1', XHS: 'abc' } })).toEqual(['weights["XYZ.1"] analysis/unknown-node', 'weights.CQS analysis/bad-weight', 'weights.KTS analysis/bad-weight', 'weights.XHS analysis/bad-weight']);
    expect(codes({ points: { CQS: 500 } })).toEqual(['points.CQS analysis/not-a-leaf']);
    // The appraised leaf's values are points appraisers write: a weight above it cannot rescale them.
    expect(codes({ weights: { 'CQS.6': 2 } })).toEqual(['nodes[0].children[5].children[3] analysis/cannot-scale']);
    // A choice with absolute awards, points in a different proportion per level: refused; a ratio: fine.
    expect(codes({ points: { 'CQS.4.2': { department: 30, district: 15, commune: 15 } } })).toEqual(['points["CQS.4.2"] analysis/inexact-points']);
    expect(codes({ points: { 'CQS.1.3': { department: 30, district: 15, commune: 15 } } })).toEqual([]);
    expect(codes({ points: { 'CQS.1.3': { ward: 3 } } })).toEqual(['points["CQS.1.3"].ward analysis/unknown-node']);
    // Its own points for the appraised leaf are the caller's choice: allowed.
    expect(codes({ points: { 'CQS.6.4': 25 } })).toEqual([]);
  });
});
