// The analyses on worker threads (dti-criteria/node): the same result, figure for figure, as in one
// thread, whatever the number of workers (each sample draws from its own seeded stream; the summaries
// place every sample by its number). From the sources, the workers load the .ts worker through tsx.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeSensitivity, safeUncertainty, type UncertainInput } from '../src/analysis/index.js';
import { safeSensitivityInWorkers, safeUncertaintyInWorkers } from '../src/node/index.js';
import { getCriteria } from '../src/sets/index.js';

const criteria = getCriteria('can-tho@2022.1.0');
const submission = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as unknown;
const inputs: UncertainInput[] = [{ kind: 'weights', spread: '0.3' }, { kind: 'missing', options: ['zero', 'exclude'] }, { kind: 'aggregation', options: ['arithmetic', 'geometric'] }];

describe('worker threads', () => {
  it('give the single-thread uncertainty result with 1, 2 and 3 workers', async () => {
    const options = { samples: 13, seed: 4242, inputs };
    const single = safeUncertainty(criteria, submission, options);
    expect(single.ok).toBe(true);
    for (const workers of [1, 2, 3]) {
      const parallel = await safeUncertaintyInWorkers(criteria, submission, { ...options, workers });
      expect(parallel, `${workers} workers`).toEqual(single);
    }
  }, 180_000);

  it('give the single-thread sensitivity indices', async () => {
    const options = { samples: 4, seed: 17, inputs };
    const single = safeSensitivity(criteria, submission, options);
    expect(single.ok).toBe(true);
    expect(await safeSensitivityInWorkers(criteria, submission, { ...options, workers: 2 })).toEqual(single);
  }, 180_000);

  it('refuse what the single-thread analyses refuse, and a bad worker count, before starting any worker', async () => {
    const outcome = await safeUncertaintyInWorkers(criteria, submission, { samples: 0, inputs, workers: 0 });
    expect(outcome.ok ? [] : outcome.issues.map((issue) => `${issue.path}: ${issue.code}`)).toEqual(['workers: analysis/bad-workers', 'samples: analysis/bad-samples']);
    const sensitivity = await safeSensitivityInWorkers(criteria, submission, { samples: 2, inputs: [{ kind: 'weights', nodes: ['NOPE'], spread: '0.1' }], workers: 2 });
    expect(sensitivity.ok ? [] : sensitivity.issues.map((issue) => issue.code)).toEqual(['analysis/unknown-node']);
  });
});
