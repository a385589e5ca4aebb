// The rule-kind contract's `scale` (used by analysis variants): with a leaf's points and its rule's
// absolute awards multiplied by w, the leaf earns w times what it earned, for every value. Checked on
// random valid sets and submissions of every rule kind (the fuzz generators), at 10 decimals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/exact/exact.js';
import { readExact } from '../src/exact/read-exact.js';
import { safeScoreBatch, type CriteriaSet } from '../src/index.js';
import { safeDeriveVariant } from '../src/analysis/derive-variant.js';
import { RULE_KINDS } from '../src/rules/registry.js';
import { caseArb } from './fuzz/arbitraries.js';

/** A published decimal of any length (points at 10 decimals may pass the format's 30 significant digits of input). */
function decimal(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const digits = BigInt(`${match[2]}${match[3] ?? ''}`);
  return Exact.scaled(match[1] === '-' ? -digits : digits, match[3]?.length ?? 0);
}

describe('rule kinds scale their absolute points', () => {
  it('every built-in kind says whether and how it scales', () => {
    const kinds = Object.values(RULE_KINDS);
    expect(kinds.every((kind) => typeof kind.scale === 'function')).toBe(true);
    const two = Exact.scaled(2, 0);
    expect(RULE_KINDS.appraised!.scale!({ kind: 'appraised' }, two)).toBeUndefined();
    expect(RULE_KINDS.count!.scale!({ kind: 'count', each: '2.5' }, two)).toEqual({ kind: 'count', each: '5' });
    expect(RULE_KINDS.choice!.scale!({ kind: 'choice', options: [{ id: 'a', label: { vi: 'A' }, points: 3 }, { id: 'b', label: { vi: 'B' }, fraction: '0.5' }] }, two))
      .toEqual({ kind: 'choice', options: [{ id: 'a', label: { vi: 'A' }, points: '6' }, { id: 'b', label: { vi: 'B' }, fraction: '0.5' }] });
    expect(RULE_KINDS.bands!.scale!({ kind: 'bands', bands: [{ min: 5, points: '1.5' }], else: '0.25' }, two)).toEqual({ kind: 'bands', bands: [{ min: 5, points: '3' }], else: '0.5' });
  });

  it('a variant weighted by w earns w times the official points on every scaled leaf (random sets, every kind)', () => {
    const weightArb = fc.constantFrom('2', '0.5', '1.25', '3', '0.1');
    let compared = 0;
    const kinds = new Set<string>();
    fc.assert(fc.property(caseArb, weightArb, ({ generated, submission }, w) => {
      // Points kept at 10 decimals, so that the comparison is of the exact points, not of their rounding.
      const official: CriteriaSet = { ...generated.set, rounding: { points: 10, index: generated.set.rounding?.index ?? 4 } };
      const variant = safeDeriveVariant(official, { weights: Object.fromEntries(official.nodes.map((node) => [node.code, w])) }, { unscalable: 'keep' });
      // A scaled decimal can leave the format's limits (1e-30 × 0.5): refused at its path, never rounded.
      if (!variant.ok) {
        expect(variant.issues.map((issue) => issue.code).every((code) => code === 'schema/decimal')).toBe(true);
        return;
      }
      const kept = new Set(variant.value.derivedFrom?.kept ?? []);
      const a = safeScoreBatch(official, submission, { skipInvalid: true });
      const b = safeScoreBatch(variant.value, submission, { skipInvalid: true });
      if (!a.ok || !b.ok) return;
      const factor = readExact(w)!;
      const slack = factor.plus(Exact.scaled(1, 0)).times(readExact('0.00000000005')!);
      for (const leaf of generated.leaves) kinds.add((leaf.node.rule as { kind: string }).kind);
      a.value.results.forEach((result, i) => {
        for (const [code, node] of Object.entries(result.nodes)) {
          const other = b.value.results[i]!.nodes[code]!;
          expect(other.status).toBe(node.status);
          if (node.points === null || node.index !== undefined) continue;
          const times = kept.has(code) ? Exact.scaled(1, 0) : factor;
          expect(decimal(other.maxPoints!).eq(decimal(node.maxPoints!).times(times))).toBe(true);
          expect(decimal(other.points!).minus(decimal(node.points).times(times)).abs().lte(slack)).toBe(true);
          compared += 1;
        }
      });
    }), { numRuns: 60 });
    // The property compared many leaves, of every kind.
    expect(compared).toBeGreaterThan(200);
    expect([...kinds].sort()).toEqual(Object.keys(RULE_KINDS).sort());
  });
});
