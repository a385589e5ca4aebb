/**
 * `safeScoreBatch` (src/scoring/score-batch.ts) step by step, with a timer
 * between its phases: the same internal functions called in the same order
 * (no copy of their code). The bench checks once that the result is identical
 * to `safeScoreBatch`'s, so the phase split describes the real path; keep the
 * sequence in step with score-batch.ts.
 */
import { criteriaHash } from '../src/compile/criteria-hash.js';
import type { Issue, Result } from '../src/errors.js';
import { compileCriteria } from '../src/compile/parse-criteria.js';
import { checkSubmissionShape } from '../src/format/parse-submission.js';
import type { CriteriaSet } from '../src/compile/types.js';
import { prepareUnits, type PreparedUnit } from '../src/scoring/values.js';
import type { ScoreReport } from '../src/scoring/result-types.js';
import { rankUnits, runBest, scoreUnits, type ScoreOptions } from '../src/scoring/score-batch.js';
import { criteriaWarnings } from '../src/criteria/warnings.js';
import { GENERATOR } from '../src/version.js';

export const PHASES = [
  'compile (cached)',
  'shape check (zod)',
  'prepare (check units, read values)',
  'relative best values',
  'score units (leaves, aggregates, totals, rating)',
  'rank + assemble unit results',
  'report (hash, period warnings)',
] as const;

export type PhaseTimes = Record<(typeof PHASES)[number], number>;

export function scoreSubmissionPhased(criteriaSet: CriteriaSet, submission: unknown, options: ScoreOptions = {}): { outcome: Result<ScoreReport>; times: PhaseTimes } {
  const times = Object.fromEntries(PHASES.map((p) => [p, 0])) as PhaseTimes;
  let t = performance.now();
  const lap = (phase: (typeof PHASES)[number]): void => {
    const now = performance.now();
    times[phase] += now - t;
    t = now;
  };
  const criteria = compileCriteria(criteriaSet);
  lap('compile (cached)');
  const checked = checkSubmissionShape(submission);
  lap('shape check (zod)');
  if (!checked.ok) return { outcome: checked, times };
  const { units, period } = checked.value;
  const { prepared, issuesByUnit, columns } = prepareUnits(criteria, units.map((entry) => entry.unit));
  const allIssues: Issue[] = units.flatMap((entry, position) => [...entry.issues, ...(issuesByUnit[position] ?? [])]);
  if (allIssues.length > 0) return { outcome: { ok: false, issues: allIssues }, times };
  const valid = prepared.filter((unit): unit is PreparedUnit => unit !== undefined);
  lap('prepare (check units, read values)');
  const best = runBest(criteria, columns, valid);
  lap('relative best values');
  const scored = scoreUnits(criteria, columns, valid, best);
  lap('score units (leaves, aggregates, totals, rating)');
  const results = rankUnits(criteria, scored, best, options.explain ?? true);
  lap('rank + assemble unit results');
  const outcome: Result<ScoreReport> = {
    ok: true,
    value: {
      format: 1,
      criteria: { id: criteriaSet.id, version: criteriaSet.version, sha256: criteriaHash(criteriaSet) },
      generator: GENERATOR,
      period: period ?? null,
      results,
      rejected: [],
      warnings: criteriaWarnings(criteriaSet, period, options.versions ?? []),
    },
  };
  lap('report (hash, period warnings)');
  return { outcome, times };
}
