import { safeScoreBatch, type CriteriaSet, type ScoreReport } from '../../src/index.js';

/** Scores a submission that must be valid, failing with every problem otherwise. */
export function scoredOrThrow(criteria: CriteriaSet, submission: unknown): ScoreReport {
  const outcome = safeScoreBatch(criteria, submission);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message} [${i.code}]`).join('\n'));
  return outcome.value;
}

/** A report with `info` values as text (a CSV or workbook cell is text; a JSON value may be a number). */
export function comparable(report: ScoreReport): unknown {
  return {
    ...report,
    results: report.results.map((result) => ({
      ...result,
      nodes: Object.fromEntries(
        Object.entries(result.nodes).map(([code, node]) => [code, node.value === undefined || node.value === null ? node : { ...node, value: String(node.value) }]),
      ),
    })),
  };
}
