import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, rankEntries } from '../src/index.js';
import { rankExact } from '../src/scoring/rank.js';

/** Exact keys: mostly safe integers at one scale (the integer path), sometimes another scale or a BigInt (the exact path). */
const key = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3, max: 12 }).map((m) => Exact.scaled(m, 2)) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 12 }).map((m) => Exact.scaled(m * 10, 3)) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((b) => Exact.scaled(b, 2)) },
);
const keys = fc.array(fc.option(key, { freq: 6 }), { maxLength: 40 }).map((list) => list.map((k) => k ?? undefined));
const cohorts = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 40, maxLength: 40 });

/** Ranks by the definition: 1 + how many keys of the cohort are larger (competition) or how many distinct larger keys (dense). */
function byDefinition(list: readonly (Exact | undefined)[], cohort: readonly string[], ties: 'competition' | 'dense'): (number | null)[] {
  return list.map((k, i) => {
    if (k === undefined) return null;
    const larger = list.filter((o, j) => o !== undefined && cohort[j] === cohort[i] && o.gt(k));
    return 1 + (ties === 'dense' ? new Set(larger.map((o) => o!.toString())).size : larger.length);
  });
}

describe('rankExact: integer keys where they fit, the same ranks as the definition and as rankEntries', () => {
  it.each(['competition', 'dense'] as const)('%s ties', (ties) => {
    fc.assert(
      fc.property(keys, cohorts, (list, cohort) => {
        const expected = byDefinition(list, cohort, ties);
        expect(rankExact(list, (i) => cohort[i]!, ties)).toEqual(expected);
        expect(rankEntries(list, (i) => cohort[i]!, ties)).toEqual(expected);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('compares the largest safe integers exactly (their difference is not a safe integer)', () => {
    const max = Number.MAX_SAFE_INTEGER;
    const list = [Exact.scaled(-max, 0), Exact.scaled(max, 0), Exact.scaled(max - 1, 0), Exact.scaled(-max, 0)];
    expect(rankExact(list, () => 'all', 'competition')).toEqual([3, 1, 2, 3]);
  });
});
