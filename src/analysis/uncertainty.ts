/**
 * How sure a ranking is: Monte Carlo over declared uncertainties (weights,
 * the missing-value policy, the aggregation), every sample scored exactly.
 */
import type { CriteriaSet } from '../compile/types.js';
import { DtiError, type Result } from '../errors.js';
import { captureIssues, planUncertainty, runUncertaintyBlock, summariseUncertainty, type UncertaintyOptions, type UncertaintyResult } from './uncertainty-run.js';

/**
 * An uncertainty analysis of a batch's ranking, for analysis only: each of
 * `samples` samples draws every declared input (see {@link UncertainInput}),
 * builds the variant it describes — weights through `safeDeriveVariant` with
 * `unscalable: 'keep'` (appraised leaves keep their points), the
 * missing-value policy, the aggregation through `safeAlternativeIndex` —
 * scores the whole batch with it exactly (`explain: false`) and ranks and
 * rates every unit as the set does (the set's thresholds on the sample's
 * index, ranks within the set's cohorts and tie rule). Per unit: the median
 * rank and the 5–95 % band (type-7 quantiles, see {@link UncertainUnit}), the
 * probability of each rating, beside the official index, rank and rating.
 *
 * Sample `i` draws input `j` from its own random stream `(seed, i, j)`
 * (sfc32, see the analysis guide), so the result depends only on the
 * criteria, the submission and the options: never on how the samples are
 * split among worker threads (`safeUncertaintyInWorkers` of
 * `dti-criteria/node` gives the same result) nor on their order. The cost is
 * about that of scoring the batch `samples` times.
 *
 * Refused, every problem at once: `samples` not a whole number from 1 to
 * 10,000 (`analysis/bad-samples`), a bad seed (`analysis/bad-seed`), no
 * input (`analysis/no-uncertain-input`), an input of no known kind
 * (`analysis/unknown-input-kind`), weights with both or neither of `spread`
 * and `dirichlet` (`analysis/weights-form`), a node not in the set
 * (`analysis/unknown-node`) or weighted twice or within another
 * (`analysis/node-twice`), a spread not in (0, 1) (`analysis/bad-spread`)
 * or below a node's step (`analysis/spread-too-fine`), a concentration not
 * above 0 (`analysis/bad-concentration`), a Dirichlet node without points
 * in the batch (`analysis/no-points`), options that are not a list of
 * distinct known values (`analysis/bad-options`, `analysis/unknown-option`),
 * `missing` or `aggregation` declared twice (`analysis/input-twice`); and
 * the set's or the submission's own issues.
 *
 * @param criteria - the official set
 * @param submission - the batch, as for `safeScoreBatch` (every unit valid)
 * @param options - `samples`, `seed` (default 1) and the uncertain `inputs`
 * @returns per unit the rank band and rating probabilities, or the issues
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeUncertainty } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const outcome = safeUncertainty(criteria, submission, {
 *   samples: 20,
 *   seed: 2022,
 *   inputs: [{ kind: 'weights', spread: '0.2' }, { kind: 'aggregation', options: ['arithmetic', 'geometric'] }],
 * });
 * if (outcome.ok) {
 *   const anKhanh = outcome.value.units.find((u) => u.unit === 'phuong-an-khanh')!;
 *   console.log([anKhanh.official.rank, anKhanh.rank.median, anKhanh.rank.low, anKhanh.rank.high]); // [4,4,3,4]
 *   console.log([anKhanh.official.rating, anKhanh.ratings.tot, anKhanh.ratings.kha]); // ["tot",0.9,0.1]
 * }
 * const refused = safeUncertainty(criteria, submission, { samples: 0, inputs: [{ kind: 'weights', spread: '1.5' }] });
 * if (!refused.ok) console.log(refused.issues.map((issue) => issue.code)); // ["analysis/bad-samples","analysis/bad-spread"]
 * ```
 * @category Uncertainty
 */
export function safeUncertainty(criteria: CriteriaSet, submission: unknown, options: UncertaintyOptions): Result<UncertaintyResult> {
  const plan = planUncertainty(criteria, submission, options);
  if (!plan.ok) return plan;
  return captureIssues(() => summariseUncertainty(plan.value, [runUncertaintyBlock(plan.value, 0, plan.value.samples)]));
}

/**
 * Like {@link safeUncertainty}, but throws a `DtiError` listing every problem.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { uncertainty } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const result = uncertainty(criteria, submission, { samples: 10, inputs: [{ kind: 'missing', options: ['zero', 'exclude'] }] });
 * console.log([result.samples, result.seed, result.band.low, result.band.high]); // [10,1,0.05,0.95]
 * ```
 * @category Uncertainty
 */
export function uncertainty(criteria: CriteriaSet, submission: unknown, options: UncertaintyOptions): UncertaintyResult {
  const outcome = safeUncertainty(criteria, submission, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
