/**
 * Which uncertain input moves the ranking most: Sobol' sensitivity indices
 * of the mean absolute rank shift, by Saltelli's sampling design.
 */
import type { CriteriaSet } from '../compile/types.js';
import { DtiError, type Result } from '../errors.js';
import { captureIssues, planUncertainty, runSensitivityBlock, summariseSensitivity, type SensitivityResult, type UncertaintyOptions } from './uncertainty-run.js';

/**
 * A variance-based sensitivity analysis of the ranking, for analysis only:
 * first-order and total-effect Sobol' indices of each declared input (see
 * {@link UncertainInput}; a weights input counts as one input, all its nodes
 * together) for one scalar output, the **mean absolute rank shift**: the
 * mean over the units ranked both officially and in the run of
 * `|rank − official rank|` (the output COINr's sensitivity analysis uses).
 *
 * Saltelli's design with base sample `N` (`samples`) and `k` inputs costs
 * `N·(k + 2)` model runs, each a variant scored exactly as in
 * {@link safeUncertainty}: matrices A (run `i` draws every input from stream
 * `i`, the same draws as uncertainty sample `i`), B (stream `N + i`), and for
 * each input `j` the matrix `A_B^j` (A's row with input `j` from B's). With
 * `V` the variance of the `2N` outputs of A and B (denominator `2N − 1`):
 *
 * - first order (Saltelli et al. 2010): `S_j = (1/N)·Σ f(B)·(f(A_B^j) − f(A)) / V`;
 * - total effect (Jansen 1999): `S_Tj = (1/2N)·Σ (f(A) − f(A_B^j))² / V`.
 *
 * Both are estimates in float64 (they converge as `N` grows; a first-order
 * index may come out slightly below 0); an input that never changes the
 * output gets exactly 0, and every index is 0 when nothing changes it
 * (`V = 0`). The runs depend only on the seed and the run's number, so
 * `safeSensitivityInWorkers` of `dti-criteria/node` gives the same result.
 * Refused for the same problems as {@link safeUncertainty}.
 *
 * @param criteria - the official set
 * @param submission - the batch, as for `safeScoreBatch` (every unit valid)
 * @param options - `samples` (the base sample `N`), `seed` (default 1) and the uncertain `inputs`
 * @returns the output's mean and variance and each input's indices, or the issues
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeSensitivity } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const outcome = safeSensitivity(criteria, submission, {
 *   samples: 4,
 *   seed: 7,
 *   inputs: [{ kind: 'weights', spread: '0.2' }, { kind: 'missing', options: ['zero', 'exclude'] }],
 * });
 * if (outcome.ok) {
 *   console.log(outcome.value.runs); // 16
 *   // No example unit has a missing value: the policy changes nothing, both its indices are 0.
 *   console.log([outcome.value.indices[1]?.first, outcome.value.indices[1]?.total]); // [0,0]
 * }
 * ```
 * @category Uncertainty
 */
export function safeSensitivity(criteria: CriteriaSet, submission: unknown, options: UncertaintyOptions): Result<SensitivityResult> {
  const plan = planUncertainty(criteria, submission, options);
  if (!plan.ok) return plan;
  const runs = plan.value.samples * (plan.value.inputs.length + 2);
  return captureIssues(() => summariseSensitivity(plan.value, runSensitivityBlock(plan.value, 0, runs)));
}

/**
 * Like {@link safeSensitivity}, but throws a `DtiError` listing every problem.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { sensitivity } from 'dti-criteria/analysis';
 * import { DtiError } from 'dti-criteria';
 * try {
 *   sensitivity(getCriteria('can-tho@2022.1.0'), { units: [] }, { samples: 10, inputs: [{ kind: 'weights', nodes: ['XYZ'], spread: '0.1' }] });
 * } catch (error) {
 *   if (error instanceof DtiError) console.log(error.issues.map((issue) => issue.code)); // ["analysis/unknown-node"]
 * }
 * ```
 * @category Uncertainty
 */
export function sensitivity(criteria: CriteriaSet, submission: unknown, options: UncertaintyOptions): SensitivityResult {
  const outcome = safeSensitivity(criteria, submission, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
