// The analysis golden case (test/golden/analysis/README.md): six communes whose points are worked
// by hand, their tables (wide.csv, long.csv) and their statistics. expected.json is written by
// test/golden/analysis/cross-check.py, an independent computation (Python's statistics module with
// Decimal for the exact quartiles, numpy and scipy for the moments and correlations, the textbook
// formula for Cronbach's alpha), which also reads the committed tables back with Python's csv module.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dec, isPlainDecimalString } from '../src/decimal.js';
import { parseCriteria, scoreBatch } from '../src/index.js';
import { describeResults, toCsv, toRows, type TableValue } from '../src/analysis/index.js';

const dir = new URL('./golden/analysis/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const criteria = parseCriteria(JSON.parse(read('criteria.json')));
const report = scoreBatch(criteria, JSON.parse(read('submissions.json')), { keepInputs: true });
const expected = JSON.parse(read('expected.json')) as {
  tolerance: number;
  points: Record<string, (string | null)[]>;
  index: Record<string, string[]>;
  cohort: Record<string, unknown>;
};

/**
 * Compares a value with the cross-check's: numbers within the stated tolerance (relative above 1,
 * absolute below), decimal strings by exact value (and written with at least as many decimals as the
 * published figures: 2 for points, 4 for an index), everything else exactly; every key both ways.
 */
function agree(actual: unknown, wanted: unknown, path: string): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - wanted), `${path}: ${String(actual)} vs ${wanted}`).toBeLessThanOrEqual(expected.tolerance * Math.max(1, Math.abs(wanted)));
  } else if (typeof wanted === 'string' && isPlainDecimalString(wanted) && typeof actual === 'string' && isPlainDecimalString(actual)) {
    expect(new Dec(actual).eq(wanted), `${path}: ${actual} vs ${wanted}`).toBe(true);
    expect(actual.split('.')[1]?.length ?? 0, `${path}: decimals of ${actual}`).toBeGreaterThanOrEqual(2);
  } else if (Array.isArray(wanted)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(wanted.length);
    wanted.forEach((item, i) => agree((actual as unknown[])[i], item, `${path}[${i}]`));
  } else if (wanted !== null && typeof wanted === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(wanted).sort());
    for (const [key, item] of Object.entries(wanted)) agree((actual as Record<string, unknown>)[key], item, `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(wanted);
  }
}

describe('analysis golden case: six communes worked by hand', () => {
  it('scores to the hand-worked points and indices the cross-check starts from', () => {
    for (const [code, points] of Object.entries(expected.points)) {
      expect(report.results.map((r) => r.nodes[code]?.points ?? null), code).toEqual(points);
    }
    for (const [code, index] of Object.entries(expected.index)) {
      expect(report.results.map((r) => (code === 'total' ? r.index : r.nodes[code]?.index)), code).toEqual(index);
    }
  });

  it('writes wide.csv and long.csv byte for byte (read back by cross-check.py)', () => {
    const values: TableValue[] = ['input', 'points', 'maxPoints', 'index', 'status', 'selfPoints'];
    expect(toCsv(toRows(report, { criteria, values }))).toBe(read('wide.csv'));
    expect(toCsv(toRows(report, { criteria, values, shape: 'long' }))).toBe(read('long.csv'));
  });

  it('describes the cohort as the independent computation does (tolerance 1e-12)', () => {
    const described = describeResults(report, criteria);
    expect(described.cohort).toBe('level');
    expect(described.cohorts).toHaveLength(1);
    agree(described.cohorts[0], expected.cohort, 'cohort');
  });

  it('names the flags a reader acts on: P.3 does not discriminate, Q.2 works against its pillar', () => {
    const [cohort] = describeResults(report, criteria).cohorts;
    expect(cohort!.flags).toEqual([{ code: 'P.3', flag: 'all-full' }, { code: 'Q.2', flag: 'negative-pillar-correlation' }]);
    expect(cohort!.alpha.map((a) => [a.code, a.items, a.n])).toEqual([['P', 3, 5], ['Q', 2, 6]]);
    expect(cohort!.alpha[1]!.alpha).toBeLessThan(0);
  });
});
