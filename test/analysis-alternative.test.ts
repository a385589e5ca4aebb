// Other aggregations of the pillars (issue #15 item 4), for analysis only: checked against an independent
// computation (Python's fractions and 60-digit decimals: test/golden/analysis/alternative-reference.py),
// the official index recovered, the means' order, and the refusals.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExact } from '../src/exact/read-exact.js';
import { scoreBatch, type Submission } from '../src/index.js';
import { AGGREGATION_METHODS, safeAlternativeIndex } from '../src/analysis/alternative-index.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';

const criteria = getCriteria('can-tho@2022.1.0');
const report = scoreBatch(criteria, JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission);
const golden = JSON.parse(readFileSync(new URL('golden/analysis/alternative-2022.json', import.meta.url), 'utf8')) as Record<string, Record<string, string | null>>;
const run = (r: typeof report, options: Parameters<typeof safeAlternativeIndex>[2]) => {
  const result = safeAlternativeIndex(r, criteria, options);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.code).join(', '));
  return result.value;
};

describe('another aggregation of the pillars', () => {
  it('gives the independent computation\'s index for every example unit, method and weighting', () => {
    for (const method of AGGREGATION_METHODS) {
      for (const weights of ['points', 'equal'] as const) {
        const units = run(report, { method, weights }).units;
        expect(Object.fromEntries(units.map((unit) => [unit.unit, unit.index]))).toEqual(Object.fromEntries(Object.entries(golden).map(([id, entry]) => [id, entry[`${method}/${weights}`]])));
      }
    }
  });

  it('with points as weights over the pillars, the arithmetic mean is the official index, and so is its rank', () => {
    const units = run(report, { method: 'arithmetic' }).units;
    expect(units.map((unit) => [unit.index, unit.rank])).toEqual(report.results.map((result) => [result.index, result.rank]));
  });

  it('minimum <= geometric <= arithmetic for every unit of random batches (one unit of rounding at most)', () => {
    const unit = readExact('0.0001')!;
    fc.assert(fc.property(batchFor(criteria), (units) => {
      const scored = scoreBatch(criteria, { units });
      const [a, g, m] = (['arithmetic', 'geometric', 'minimum'] as const).map((method) => run(scored, { method }).units.map((u) => (u.index === null ? undefined : readExact(u.index)!)));
      a!.forEach((arithmetic, i) => {
        if (arithmetic === undefined) return expect(g![i]).toBeUndefined();
        expect(m![i]!.lte(g![i]!.plus(unit)) && g![i]!.lte(arithmetic.plus(unit))).toBe(true);
      });
    }), { numRuns: 25 });
  });

  it('is stamped as derived, for analysis only, with the method in words', () => {
    const result = run(report, { method: 'geometric', weights: 'equal' });
    expect(result.derivedFrom).toEqual({ criteria: report.criteria, period: report.period });
    expect([result.method, result.weights, result.nodes]).toEqual(['geometric', 'equal', ['CQS', 'KTS', 'XHS']]);
    expect(result.about.vi).toContain('chỉ để phân tích');
    expect(result.about.en).toContain('analysis only');
  });

  it('refuses a node not in the set and results of another set', () => {
    const codes = (r: typeof report, options: Parameters<typeof safeAlternativeIndex>[2]): string[] => {
      const result = safeAlternativeIndex(r, criteria, options);
      return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.code}`);
    };
    expect(codes(report, { method: 'minimum', nodes: ['CQS', 'XYZ'] })).toEqual(['nodes[1] analysis/unknown-node']);
    expect(codes({ ...report, criteria: { ...report.criteria, version: '2023.1.0' } }, { method: 'minimum' })).toEqual(['criteria compare/criteria-mismatch']);
    // The same id and version with another content (an edited set): its hash tells them apart.
    expect(codes({ ...report, criteria: { ...report.criteria, sha256: '0'.repeat(64) } }, { method: 'minimum' })).toEqual(['criteria compare/criteria-mismatch']);
  });
});
