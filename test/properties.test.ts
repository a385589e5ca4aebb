import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, scoreBatch, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor, domainOf, leavesOf, unitFor, valueFor } from './support/arbitraries.js';

const criteria = getCriteria('can-tho@2022.1.0');
const runs = Number(process.env.FC_RUNS ?? 60);

function shuffleKeys<T>(value: T, seed: number): T {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i)) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    entries.sort((a, b) => ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? 1 : -1) * a[0].localeCompare(b[0]));
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + 1)])) as T;
  }
  return value;
}

describe('scoring invariants (fast-check)', () => {
  it('0 <= points <= maxPoints at every node, and unit totals equal the sum of top-level nodes', () => {
    fc.assert(
      fc.property(batchFor(criteria), (units) => {
        const report = scoreBatch(criteria, { units });
        for (const result of report.results) {
          for (const node of Object.values(result.nodes)) {
            if (node.points === null || node.maxPoints === null) continue;
            expect(new Dec(node.points).gte(0)).toBe(true);
            expect(new Dec(node.points).lte(node.maxPoints)).toBe(true);
          }
          const tops = criteria.nodes.map((n) => result.nodes[n.code]).filter((n) => n && n.status === 'scored');
          const sum = tops.reduce((acc, n) => acc.plus(n!.points!), new Dec(0));
          const max = tops.reduce((acc, n) => acc.plus(n!.maxPoints!), new Dec(0));
          expect(sum.toFixed(2)).toBe(result.points);
          expect(max.toFixed(2)).toBe(result.maxPoints);
          if (result.index !== null) {
            expect(new Dec(result.index).gte(0) && new Dec(result.index).lte(1)).toBe(true);
          }
        }
      }),
      { numRuns: runs },
    );
  });

  it('reordering units or object keys changes no score or rank, and output is byte-identical for the same input', () => {
    fc.assert(
      fc.property(batchFor(criteria), fc.integer({ min: 0, max: 1000 }), (units, seed) => {
        const first = scoreBatch(criteria, { units });
        const again = scoreBatch(criteria, { units });
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        const reordered = [...units].reverse().map((u) => shuffleKeys(u, seed));
        const second = scoreBatch(criteria, { units: reordered });
        const byUnit = new Map(second.results.map((r) => [r.unit, r]));
        for (const result of first.results) {
          const other = byUnit.get(result.unit)!;
          expect(JSON.stringify(other)).toBe(JSON.stringify(result));
        }
      }),
      { numRuns: runs },
    );
  });

  it('more of a higher-is-better value never lowers a score', () => {
    const monotone = leavesOf(criteria).filter(({ node }) => {
      const rule = node.rule!;
      if (rule.kind === 'count' || rule.kind === 'relative') return true;
      if (rule.kind === 'linear') return Number(rule.to) > Number(rule.from);
      if (rule.kind === 'bands') return rule.bands.every((b) => b.max === undefined);
      return false;
    });
    const ratioLeaves = leavesOf(criteria).filter((l) => l.node.rule!.kind === 'ratio');
    const subjects = [...monotone, ...ratioLeaves];
    fc.assert(
      fc.property(fc.constantFrom(...subjects), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (leaf, a, b) => {
        const atom = [...leaf.atoms][0]!;
        const [level, group] = atom.split('/') as [string, string | undefined];
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const kind = leaf.node.rule!.kind;
        // A leaf with a domain (a % leaf: [0, 1]) gets x/200 of its span, in order: still "more".
        const { min, max } = domainOf(leaf.node);
        const span = (x: number): string => ((min ?? 0) + (((max ?? 1) - (min ?? 0)) * x) / 200).toFixed(4);
        const shaped = (x: number): unknown => (kind === 'ratio' ? { numerator: x, denominator: 200 } : max !== undefined ? span(x) : kind === 'linear' ? (x / 40).toString() : x);
        const unit = (id: string, x: number): UnitSubmission => ({ id, level, ...(group ? { group } : {}), values: { [leaf.node.code]: shaped(x) } });
        // Score separately so a relative leaf's best is the unit itself or the other one: use one batch.
        const report = scoreBatch(criteria, { units: [unit('lo', lo), unit('hi', hi)] });
        const [rLo, rHi] = report.results;
        const pLo = rLo!.nodes[leaf.node.code]!.points;
        const pHi = rHi!.nodes[leaf.node.code]!.points;
        if (pLo !== null && pHi !== null) expect(new Dec(pHi).gte(pLo)).toBe(true);
      }),
      { numRuns: runs * 3 },
    );
  });

  it('scoring never mutates its (deep-frozen) inputs', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    fc.assert(
      fc.property(batchFor(criteria, 4), (units) => {
        const input = deepFreeze({ units: structuredClone(units) });
        const before = JSON.stringify(input);
        scoreBatch(criteria, input);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: Math.max(10, runs / 3) },
    );
  });

  it('generators produce valid units for every level and group', () => {
    for (const atom of ['department/A', 'department/B', 'department/C', 'district', 'commune']) {
      const [unit] = fc.sample(unitFor(criteria, atom, 'x'), 1);
      expect(() => scoreBatch(criteria, { units: [unit!] })).not.toThrow();
    }
    expect(fc.sample(valueFor(leavesOf(criteria)[0]!.node, 'commune'), 1)).toHaveLength(1);
  });
});
