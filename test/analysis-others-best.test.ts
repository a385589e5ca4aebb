// The best values a unit is compared with in targets and what-if (`othersBest`): worked out once per
// cohort from each key's leader and runner-up, they must equal the best values of the batch scored
// without the unit, for every unit, ties included (a best held by two units stands without either).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchCohort, othersBest } from '../src/analysis/targets-cohort.js';
import { runBest } from '../src/scoring/score-batch.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';

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
