// What targets and what-if work out once per cohort to rescore one unit quickly must give what scoring
// the batch gives: the best values a unit is compared with (`othersBest`, from each key's leader and
// runner-up) equal those of the batch without the unit, ties included (a best held by two units stands
// without either); the ranks after one unit's figures change (only its cohort's and parent's ranks
// worked out again) equal ranking the whole batch again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchCohort, othersBest, rescore } from '../src/analysis/targets-cohort.js';
import { rankScored, runBest } from '../src/scoring/score-batch.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor, unitFor } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 40);
const asObject = (best: ReadonlyMap<string, { toString(): string }>): Record<string, string> => Object.fromEntries([...best].map(([key, value]) => [key, value.toString()]).sort(([a], [b]) => (a! < b! ? -1 : 1)));

describe('othersBest', () => {
  for (const id of ['can-tho@2022.1.0', 'can-tho@2025.1.0']) {
    const set = getCriteria(id);
    it(`${id}: equals the best values of the batch without the unit, for every unit (ties by copies of a unit)`, () => {
      const batches = batchFor(set, 7).chain((units) =>
        fc.array(fc.nat({ max: units.length - 1 }), { maxLength: 3 }).map((copies) => [...units, ...copies.map((at, k) => ({ ...units[at]!, id: `copy${k}` }))]),
      );
      fc.assert(
        fc.property(batches, (units) => {
          const cohort = batchCohort(set, { units });
          if (!cohort.ok) throw new Error(JSON.stringify(cohort.issues));
          const { criteria, columns, valid } = cohort.value;
          valid.forEach((_unit, index) => {
            const expected = runBest(criteria, columns, valid.filter((_other, position) => position !== index));
            const got = othersBest({ cohort: cohort.value, index, base: ['units', index] });
            expect(asObject(got.final), `final, unit ${index}`).toEqual(asObject(expected.final));
            expect(asObject(got.self), `self, unit ${index}`).toEqual(asObject(expected.self));
          });
        }),
        { numRuns: runs },
      );
    });
  }
});

describe('rescore', () => {
  const sets = ['can-tho@2022.1.0', 'can-tho@2023.1.0', 'can-tho@2025.1.0'].flatMap((id) => {
    const set = getCriteria(id);
    // The same set ranking ties densely (1, 1, 2) as well as by competition (1, 1, 3).
    return [set, { ...set, ranking: { ...set.ranking, ties: set.ranking?.ties === 'dense' ? ('competition' as const) : ('dense' as const) } }];
  });
  for (const set of sets) {
    it(`${set.id}@${set.version}, ties ${set.ranking?.ties ?? 'competition'}: a unit scored again with other values is ranked as the whole batch ranked again`, () => {
      // Copies of units make ties; the unit scored again may take its copy's values (a tie) or others.
      const batches = batchFor(set, 9).chain((units) =>
        fc.array(fc.nat({ max: units.length - 1 }), { maxLength: 4 }).map((copies) => [...units, ...copies.map((at, k) => ({ ...units[at]!, id: `copy${k}` }))]),
      );
      const cases = batches.chain((units) =>
        fc.nat({ max: units.length - 1 }).chain((index) => {
          const unit = units[index]!;
          const atom = unit.group === undefined ? unit.level : `${unit.level}/${unit.group}`;
          // Parents shared by some units, so that ranks in parent move too.
          const parents = fc.array(fc.constantFrom(undefined, 'p1', 'p2'), { minLength: units.length, maxLength: units.length });
          return fc.tuple(fc.constant(units), fc.constant(index), unitFor(set, atom, unit.id), parents);
        }),
      );
      fc.assert(
        fc.property(cases, ([units, index, changed, parents]) => {
          const withParents = units.map((unit, at) => (parents[at] === undefined ? unit : { ...unit, parent: parents[at] }));
          const cohort = batchCohort(set, { units: withParents });
          if (!cohort.ok) throw new Error(JSON.stringify(cohort.issues));
          const again = rescore({ cohort: cohort.value, index, base: ['units', index] }, { ...changed, ...(parents[index] === undefined ? {} : { parent: parents[index] }) });
          if (!again.ok) throw new Error(JSON.stringify(again.issues));
          const expected = rankScored(cohort.value.criteria, again.value.scored);
          expect(again.value.ranks).toEqual(expected.ranks);
          expect(again.value.parentRanks).toEqual(expected.parentRanks);
          expect([again.value.result.rank, again.value.result.rankInParent]).toEqual([expected.ranks[index], expected.parentRanks[index]]);
        }),
        { numRuns: runs },
      );
    });
  }

  it('a unit that loses its index (every value left out, missing values excluded) is ranked no more, and the others move up', () => {
    const set = { ...getCriteria('can-tho@2025.1.0'), missing: 'exclude' as const };
    const value = { 'XHS.1.1': { numerator: 9, denominator: 10 } };
    const units = ['a', 'b', 'c'].map((id, at) => ({ id, level: 'commune', parent: 'p', values: at === 0 ? value : { 'XHS.1.1': { numerator: 10 - 4 * at, denominator: 10 } } }));
    const cohort = batchCohort(set, { units });
    if (!cohort.ok) throw new Error(JSON.stringify(cohort.issues));
    expect(cohort.value.results.map((r) => r.rank)).toEqual([1, 2, 3]);
    const again = rescore({ cohort: cohort.value, index: 0, base: ['units', 0] }, { ...units[0]!, values: {} });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.value.result.index).toBeNull();
    expect(again.value.ranks).toEqual([null, 1, 2]);
    expect(again.value.parentRanks).toEqual([null, 1, 2]);
    expect(again.value.ranks).toEqual(rankScored(cohort.value.criteria, again.value.scored).ranks);
  });
});
