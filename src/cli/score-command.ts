import { readFileSync } from 'node:fs';
import { DEFAULT_CRITERIA } from '../criteria/embedded.js';
import { parseSubmissionsCsv } from '../csv/index.js';
import { makeIssue, type Issue } from '../errors.js';
import type { Submission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../format/types.js';
import { readSubmissionWorkbooks } from './xlsx-input.js';
import { scoreSubmission } from '../scoring/score-batch.js';
import { loadCriteria } from '../node/load-criteria.js';
import { printIssues, type Io } from './output.js';
import { formatResultsCsv } from './results-csv.js';
import { formatTable } from './table.js';
import { parseJsonText } from '../format/json-text.js';

/** Options of `dti score`. */
export interface ScoreCommandOptions {
  readonly criteria: string | undefined;
  readonly format: 'table' | 'json' | 'csv';
  readonly locale: 'vi' | 'en';
  readonly lang: 'vi' | 'en';
  readonly skipInvalid: boolean;
  /** Build the explanation texts (default); `--no-explanations` leaves them out for speed and size. */
  readonly explain?: boolean;
  readonly period?: string | undefined;
}

function criteriaField(data: unknown): string | undefined {
  if (data && typeof data === 'object' && 'criteria' in data) {
    const ref = (data as { criteria: unknown }).criteria;
    return typeof ref === 'string' ? ref : undefined;
  }
  return undefined;
}

/** `dti score <file> [...]`: 0 on success, 1 when the input or the criteria are invalid. */
export function scoreCommand(io: Io, file: string, options: ScoreCommandOptions): number {
  const fail = (issues: readonly Issue[]): number => {
    printIssues(io, issues, options.format === 'json' ? 'json' : 'text');
    return 1;
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail([makeIssue('input/read', file, { detail: (error as Error).message })]);
  }
  const isCsv = /\.(csv|tsv|txt)$/i.test(file);
  let data: unknown;
  if (!isCsv) {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return fail(parsed.issues);
    data = parsed.value;
  }
  const named = isCsv ? undefined : criteriaField(data);
  const ref = options.criteria ?? named ?? DEFAULT_CRITERIA;
  const loaded = loadCriteria(ref);
  if (!loaded.ok) return fail(loaded.issues);
  const criteria = loaded.value;
  if (options.criteria !== undefined && named !== undefined && named !== `${criteria.id}@${criteria.version}` && named !== criteria.id) {
    io.err(`cảnh báo / warning: ${makeIssue('submission/criteria-mismatch', 'criteria', { given: named, used: `${criteria.id}@${criteria.version}` }).message}\n`);
  }
  let submission: unknown = data;
  if (isCsv) {
    const parsed = parseSubmissionsCsv(text, criteria, { locale: options.locale, criteriaRef: `${criteria.id}@${criteria.version}`, ...(options.period ? { period: options.period } : {}) });
    if (!parsed.ok) return fail(parsed.issues);
    submission = parsed.value satisfies Submission;
  }
  return scoreAndPrint(io, criteria, submission, options);
}

/** Scores a submission already read and prints it in the chosen format (shared by every input kind). */
function scoreAndPrint(io: Io, criteria: CriteriaSet, submission: unknown, options: ScoreCommandOptions): number {
  const outcome = scoreSubmission(criteria, submission, { skipInvalid: options.skipInvalid, explain: options.explain ?? true });
  if (!outcome.ok) {
    printIssues(io, outcome.issues, options.format === 'json' ? 'json' : 'text');
    return 1;
  }
  const report = outcome.value;
  for (const rejected of report.rejected) {
    io.err(`bỏ qua đơn vị / skipped unit "${rejected.unit}" (units[${rejected.position}]):\n`);
    for (const issue of rejected.issues) io.err(`  ${issue.path}: ${issue.message} [${issue.code}]\n`);
  }
  if (options.format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'csv') io.out(formatResultsCsv(report, criteria));
  else io.out(formatTable(report, criteria, options.lang));
  return 0;
}

/**
 * `dti score <form.xlsx|folder> [more …]`: reads every filled workbook (each bad
 * cell reported by workbook, sheet and cell), then scores them as one batch.
 */
export async function scoreWorkbooksCommand(io: Io, paths: readonly string[], options: ScoreCommandOptions & { readonly localeGiven: boolean }): Promise<number> {
  const format = options.format === 'json' ? 'json' : 'text';
  let criteria: CriteriaSet | undefined;
  if (options.criteria !== undefined) {
    const loaded = loadCriteria(options.criteria);
    if (!loaded.ok) { printIssues(io, loaded.issues, format); return 1; }
    criteria = loaded.value;
  }
  const read = await readSubmissionWorkbooks([...paths], criteria, options.localeGiven ? { locale: options.locale } : {});
  if (!read.ok) { printIssues(io, read.issues, format); return 1; }
  if (!criteria) {
    const named = loadCriteria(read.value.criteria ?? DEFAULT_CRITERIA);
    if (!named.ok) { printIssues(io, named.issues, format); return 1; }
    criteria = named.value;
  }
  const submission = options.period ? { ...read.value, period: options.period } : read.value;
  return scoreAndPrint(io, criteria, submission, options);
}
