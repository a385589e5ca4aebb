import { DtiError, type Result } from '../errors.js';
import { parseSubmission } from '../format/parse-submission.js';
import { safeLoadCriteria } from '../node/load-criteria.js';
import { chooseCriteria, commandRegistry, criteriaFile, currentPeriod } from './criteria-choice.js';
import { readResultsStamp } from '../results/index.js';
import type { CriteriaStamp, ScoreReport } from '../scoring/result-types.js';
import { compareReports, comparisonToMarkdown } from '../versioning/compare.js';
import { migrateSubmission, migrationToMarkdown } from '../versioning/migrate.js';
import { printIssues, type Io } from './output.js';
import { outIsInput, writeOut } from './out-file.js';
import { readJsonFile } from './read-input.js';

/** Runs `body`, printing a `DtiError`'s issues and returning 1. */
function guarded(io: Io, format: string, body: () => number): number {
  try {
    return body();
  } catch (error) {
    if (error instanceof DtiError) {
      printIssues(io, error.issues, format);
      return 1;
    }
    throw error;
  }
}

/**
 * `dti migrate <submissions.json> --to <ref> [--criteria <from>] [--out file] [--format md|json]`:
 * carries a submission to another version and reports every carried, renamed,
 * flagged, dropped and missing leaf.
 */
export function migrateCommand(io: Io, file: string, options: { to: string; from: string | undefined; criteriaDir?: string | undefined; period?: string | undefined; out: string | undefined; format: string; lang: 'vi' | 'en' }): number {
  const clash = outIsInput(options.out, [file, criteriaFile(options.to), criteriaFile(options.from)]);
  if (clash) { printIssues(io, [clash], 'text'); return 2; }
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) { printIssues(io, registry.issues, options.format); return 1; }
  const data = readJsonFile(file);
  if (!data.ok) { printIssues(io, data.issues, options.format); return 1; }
  return guarded(io, options.format, () => {
    const submission = parseSubmission(data.value);
    const from = chooseCriteria(registry.value, options.from ?? submission.criteria, submission.period);
    const to = chooseCriteria(registry.value, options.to, options.period ?? currentPeriod());
    if (!from.ok || !to.ok) { printIssues(io, [...(from.ok ? [] : from.issues), ...(to.ok ? [] : to.issues)], options.format); return 1; }
    io.err(`từ / from: ${from.value.note}đến / to: ${to.value.note}`);
    const result = migrateSubmission(submission, from.value.set, to.value.set);
    const migrated = options.period !== undefined ? { ...result.submission, period: options.period } : result.submission;
    const unwritten = options.out === undefined ? undefined : writeOut(options.out, `${JSON.stringify(migrated, null, 2)}\n`);
    if (unwritten) { printIssues(io, [unwritten], options.format); return 1; }
    io.out(options.format === 'json' ? `${JSON.stringify({ ...result, submission: migrated }, null, 2)}\n` : migrationToMarkdown(result, options.lang));
    return 0;
  });
}

/**
 * `dti compare <results-a.json> <results-b.json> [--format md|json]`: official and
 * rebased change per unit between two scored periods (each report's criteria
 * are resolved from its stamp, or given with `--criteria-a` / `--criteria-b`).
 */
export function compareCommand(io: Io, fileA: string, fileB: string, options: { criteriaA: string | undefined; criteriaB: string | undefined; criteriaDir?: string | undefined; format: string; lang: 'vi' | 'en' }): number {
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) { printIssues(io, registry.issues, options.format); return 1; }
  const a = readJsonFile(fileA);
  const b = readJsonFile(fileB);
  if (!a.ok || !b.ok) { printIssues(io, [...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)], options.format); return 1; }
  return guarded(io, options.format, () => {
    // Each stamp names its set (unless --criteria-a / --criteria-b do); compareReports then checks both files
    // in full against their sets and throws with every problem of both (paths `a.report…`, `b.report…`).
    const stampA = readResultsStamp(a.value, { path: ['a', 'report'] });
    const stampB = readResultsStamp(b.value, { path: ['b', 'report'] });
    const unreadable = [...(stampA.ok || options.criteriaA !== undefined ? [] : stampA.issues), ...(stampB.ok || options.criteriaB !== undefined ? [] : stampB.issues)];
    if (unreadable.length > 0) { printIssues(io, unreadable, options.format); return 1; }
    const refOf = (stamp: Result<CriteriaStamp>): string => (stamp.ok ? `${stamp.value.id}@${stamp.value.version}` : '');
    const critA = safeLoadCriteria(options.criteriaA ?? refOf(stampA), { registry: registry.value });
    const critB = safeLoadCriteria(options.criteriaB ?? refOf(stampB), { registry: registry.value });
    if (!critA.ok || !critB.ok) { printIssues(io, [...(critA.ok ? [] : critA.issues), ...(critB.ok ? [] : critB.issues)], options.format); return 1; }
    const comparison = compareReports({ report: a.value as ScoreReport, criteria: critA.value }, { report: b.value as ScoreReport, criteria: critB.value });
    io.out(options.format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonToMarkdown(comparison, options.lang));
    return 0;
  });
}
