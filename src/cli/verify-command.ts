import { formatIssue, inFile, type Issue } from '../errors.js';
import type { InputLimits } from '../limits.js';
import { readResultsStamp } from '../results/stamp.js';
import { safeVerifyResults } from '../results/verify.js';
import { commandRegistry } from './criteria-choice.js';
import { printIssues, type Io } from './output.js';
import { readJsonFile } from './read-input.js';
import { readSubmissionFile, type SubmissionFile } from './score-command.js';
import { chooseCriteria } from './criteria-choice.js';
import { isWorkbookInput } from './workbook-paths.js';
import type { CriteriaRegistry } from '../criteria/registry.js';
import type { Result } from '../errors.js';

/** Options of `dti verify-results`. */
export interface VerifyCommandOptions {
  /** `--submissions`: the submission the results were scored from: a JSON or CSV file, or filled workbooks (an `.xlsx` file or a folder of them). */
  readonly submissions: string;
  /** `--criteria`: the set to recompute with (a reference or a file); default the one the results file's stamp names. */
  readonly criteria: string | undefined;
  readonly criteriaDir?: string | undefined;
  readonly period?: string | undefined;
  /** How numbers are written in a CSV submission. */
  readonly locale: 'vi' | 'en';
  readonly format: 'text' | 'json';
  readonly limits?: Partial<InputLimits>;
}

/**
 * The filled workbooks (an `.xlsx` file or a folder of them) as `dti score`
 * reads them, against the set `ref` names: every problem of every workbook
 * at its cell, none skipped (a verification reads exactly what was scored).
 */
async function readWorkbookSubmission(registry: CriteriaRegistry, path: string, ref: string, options: VerifyCommandOptions): Promise<Result<SubmissionFile>> {
  const chosen = chooseCriteria(registry, ref, options.period, options.limits);
  if (!chosen.ok) return chosen;
  // Loaded only for workbooks: the workbook reader (exceljs) is the heaviest part of the command line.
  const { readWorkbookInput } = await import('./xlsx-input.js');
  const input = await readWorkbookInput([path], chosen.value.set, { locale: options.locale, registry, ...(options.limits ? { limits: options.limits } : {}) });
  const issues = [...input.unnamed, ...input.rejected.flatMap((entry) => entry.issues)];
  if (issues.length > 0) return { ok: false, issues };
  const period = input.submission.period ?? options.period;
  return { ok: true, value: { choice: chosen.value, submission: period === undefined ? input.submission : { ...input.submission, period }, warnings: [] } };
}

/**
 * `dti verify-results <results.json> --submissions <file|folder>`: recomputes
 * the results from the criteria and the submission (JSON, CSV, or filled
 * workbooks); 0 when every figure is the one published, 1 with each
 * difference listed, or when an input cannot be read.
 */
export async function verifyCommand(io: Io, resultsFile: string, options: VerifyCommandOptions): Promise<number> {
  const fail = (issues: readonly Issue[]): number => {
    printIssues(io, issues, options.format);
    return 1;
  };
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);
  const data = readJsonFile(resultsFile);
  if (!data.ok) return fail(data.issues);
  let ref = options.criteria;
  if (ref === undefined) {
    // The set the results say they were scored with, unless --criteria names another one.
    const stamp = readResultsStamp(data.value);
    if (!stamp.ok) return fail(stamp.issues.map((issue) => inFile(issue, resultsFile)));
    ref = `${stamp.value.id}@${stamp.value.version}`;
  }
  const read = isWorkbookInput(options.submissions)
    ? await readWorkbookSubmission(registry.value, options.submissions, ref, options)
    : readSubmissionFile(registry.value, options.submissions, { criteria: ref, locale: options.locale, period: options.period, ...(options.limits ? { limits: options.limits } : {}) });
  if (!read.ok) return fail(read.issues.map((issue) => (issue.file === undefined ? inFile(issue, options.submissions) : issue)));
  const { choice, submission, warnings } = read.value;
  const verified = safeVerifyResults(data.value, submission, choice.set, {
    versions: registry.value.list(),
    resultsFile,
    submissionFile: options.submissions,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  if (!verified.ok) return fail(verified.issues);
  const { identical, differences } = verified.value;
  if (options.format === 'json') {
    io.out(`${JSON.stringify({ identical, criteria: `${choice.set.id}@${choice.set.version}`, differences }, null, 2)}\n`);
    return identical ? 0 : 1;
  }
  io.err(choice.note);
  for (const warning of warnings) io.err(`cảnh báo / warning: ${formatIssue(warning)}\n`);
  if (identical) {
    io.out(`giống hệt / identical: mọi số liệu của ${resultsFile} đều tính lại được từ bộ tiêu chí và ${options.submissions} / every figure of ${resultsFile} is recomputed from the criteria and ${options.submissions}\n`);
    return 0;
  }
  for (const difference of differences) io.out(`${formatIssue(difference)}\n`);
  io.out(`khác nhau / different: ${differences.length} khác biệt / differences\n`);
  return 1;
}
