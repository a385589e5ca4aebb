import { criteriaHash } from '../canonical/criteria-hash.js';
import { Dec, divideRounded, toFixed } from '../decimal.js';
import { DtiError, type Issue, type Result } from '../errors.js';
import { periodWarnings } from '../versioning/period-warnings.js';
import { compileCriteria } from '../format/parse-criteria.js';
import { checkSubmissionShape } from '../format/parse-submission.js';
import type { CriteriaSet } from '../format/types.js';
import { prepareUnits, type PreparedUnit } from './answers.js';
import { rankEntries } from './rank.js';
import type { NodeResult, RejectedUnit, ScoreReport, UnitResult } from './result-types.js';
import { relativeKey, scoreNodes, type BestValues } from './score-tree.js';

/** Options for {@link scoreSubmission} and {@link scoreBatch}. */
export interface ScoreOptions {
  /** Score the valid units and list the rejected ones, instead of failing the whole batch. */
  readonly skipInvalid?: boolean;
  /**
   * Other versions of the set, to name the one in force when the submission's
   * period falls outside the chosen version's dates (the embedded sets are always consulted).
   */
  readonly versions?: readonly CriteriaSet[];
}

/** Largest value per relative leaf and cohort, over the final values or over the self-assessed ones. */
function bestValues(criteria: ReturnType<typeof compileCriteria>, units: readonly PreparedUnit[], source: 'final' | 'self'): BestValues {
  const best = new Map<string, Dec>();
  for (const node of criteria.leaves) {
    if (node.leaf?.kind !== 'relative') continue;
    const cohort = node.leaf.compiled as 'level' | 'group';
    for (const unit of units) {
      const answer = source === 'self' ? unit.self.get(node.code) : (unit.appraised.get(node.code) ?? unit.self.get(node.code));
      if (answer?.state !== 'value') continue;
      const key = relativeKey(node.code, cohort, unit);
      const value = answer.value as Dec;
      const current = best.get(key);
      if (current === undefined || value.gt(current)) best.set(key, value);
    }
  }
  return best;
}

/**
 * Scores a batch of units (spec sections 4 to 8): validates the whole batch
 * first, then scores every unit exactly, aggregates, rates and ranks within
 * each cohort. Pure and synchronous; never mutates its inputs; never throws for
 * bad input (it returns the issues instead).
 *
 * @example
 * ```ts
 * import { getCriteria, scoreSubmission } from 'dti-criteria';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const outcome = scoreSubmission(criteria, {
 *   units: [{ id: 'ninh-kieu', level: 'district', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } }],
 * });
 * if (outcome.ok) console.log(outcome.value.results[0]?.nodes['CQS.1.3']?.points); // "16.00"
 * ```
 */
export function scoreSubmission(criteriaSet: CriteriaSet, submission: unknown, options: ScoreOptions = {}): Result<ScoreReport> {
  const criteria = compileCriteria(criteriaSet);
  const checked = checkSubmissionShape(submission);
  if (!checked.ok) return checked;
  const { units, period } = checked.value;
  const { prepared, issuesByUnit } = prepareUnits(criteria, units.map((entry) => entry.unit));
  const unitIssues: Issue[][] = units.map((entry, position) => [...entry.issues, ...(issuesByUnit[position] ?? [])]);
  const allIssues: Issue[] = unitIssues.flat();
  const rejected: RejectedUnit[] = [];
  if (allIssues.length > 0) {
    if (!options.skipInvalid) return { ok: false, issues: allIssues };
    unitIssues.forEach((issues, position) => {
      if (issues.length > 0) rejected.push({ unit: units[position]?.id ?? '', position, issues });
    });
  }
  const valid = prepared.filter((unit): unit is PreparedUnit => unit !== undefined);
  const best = { final: bestValues(criteria, valid, 'final'), self: bestValues(criteria, valid, 'self') };
  const dp = criteria.rounding.points;
  const idp = criteria.rounding.index;

  const scored = valid.map((unit) => {
    const nodes: Record<string, NodeResult> = {};
    const tops = scoreNodes(criteria, criteria.roots, unit, best, nodes);
    const counted = tops.filter((f) => f.counted);
    const points = counted.reduce((acc, f) => acc.plus(f.points), new Dec(0));
    const max = counted.reduce((acc, f) => acc.plus(f.max), new Dec(0));
    const self = tops.reduce((acc, f) => acc.plus(f.self), new Dec(0));
    const appraised = tops.some((f) => f.appraised);
    const index = max.isZero() ? undefined : divideRounded(points, max, idp);
    const rating = index === undefined ? null : (criteria.ratings.find((band) => band.min.lte(index))?.id ?? null);
    return { unit, nodes, points, max, index, rating, self, appraised };
  });

  const key = (position: number): Dec | undefined => {
    const entry = scored[position]!;
    if (entry.index === undefined) return undefined;
    return criteria.ranking.by === 'points' ? entry.points : entry.index;
  };
  const keys = scored.map((_, position) => key(position));
  const cohortOf = (position: number): string => {
    const unit = scored[position]!.unit;
    return criteria.ranking.cohort === 'level+group' ? unit.atom : unit.source.level;
  };
  const ranks = rankEntries(keys, cohortOf, criteria.ranking.ties);
  const parentKeys = scored.map((entry, position) => (entry.unit.source.parent ? keys[position] : undefined));
  const parentRanks = rankEntries(parentKeys, (position) => `${scored[position]!.unit.source.level}\u0000${scored[position]!.unit.source.parent ?? ''}`, criteria.ranking.ties);

  const results: UnitResult[] = scored.map((entry, position) => {
    const source = entry.unit.source;
    return {
      unit: source.id,
      name: source.name ?? null,
      level: source.level,
      group: source.group ?? null,
      parent: source.parent ?? null,
      points: toFixed(entry.points, dp),
      maxPoints: toFixed(entry.max, dp),
      index: entry.index === undefined ? null : toFixed(entry.index, idp),
      rating: entry.rating,
      rank: ranks[position] ?? null,
      rankInParent: parentRanks[position] ?? null,
      ...(entry.appraised ? { selfPoints: toFixed(entry.self, dp), difference: toFixed(entry.points.minus(entry.self), dp) } : {}),
      nodes: entry.nodes,
    };
  });
  return {
    ok: true,
    value: {
      criteria: { id: criteriaSet.id, version: criteriaSet.version, sha256: criteriaHash(criteriaSet) },
      period: period ?? null,
      results,
      rejected,
      warnings: periodWarnings(criteriaSet, period, options.versions ?? []),
    },
  };
}

/**
 * Like {@link scoreSubmission}, but throws a {@link DtiError} listing every problem.
 *
 * @example
 * ```ts
 * import { getCriteria, scoreBatch } from 'dti-criteria';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), {
 *   units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.4.2': 'kiem-nhiem' } }],
 * });
 * console.log(report.results[0]?.nodes['CQS.4.2']?.points); // "7.50"
 * ```
 */
export function scoreBatch(criteria: CriteriaSet, submission: unknown, options: ScoreOptions = {}): ScoreReport {
  const outcome = scoreSubmission(criteria, submission, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
