import { parseCriteriaRef } from '../format/reference.js';
import type { CriteriaRegistry } from '../criteria/registry.js';
import { safeParseSubmissionsCsv } from '../csv/index.js';
import { formatIssue, makeIssue, type Issue, type Result } from '../errors.js';
import { limitsOf, type InputLimits } from '../limits.js';
import type { Submission } from '../format/submission-schema.js';
import { safeScoreBatch } from '../scoring/score-batch.js';
import { explainUnit } from '../scoring/explain.js';
import { printIssues, type Io } from './output.js';
import { formatResultsCsv } from './results-csv.js';
import { formatTable } from './table.js';
import { parseJsonText } from '../format/json-text.js';
import { safeReadTextFile } from '../node/read-text-file.js';
import { writeReportJson } from '../results/write-json.js';
import { chooseCriteria, commandRegistry, type CriteriaChoice } from './criteria-choice.js';

/** Options of `dti score`. */
export interface ScoreCommandOptions {
  /** `--criteria`: a reference (`id@version`, `id`) or a path to a criteria file. */
  readonly criteria: string | undefined;
  /** `--criteria-dir`: a criteria folder searched before `./criteria` and the embedded sets. */
  readonly criteriaDir?: string | undefined;
  readonly format: 'table' | 'json' | 'csv';
  readonly locale: 'vi' | 'en';
  readonly lang: 'vi' | 'en';
  readonly skipInvalid: boolean;
  /** Write the explanation texts in the JSON report (default), built unit by unit as written; `--no-explanations` leaves them out. Table and CSV never build them. */
  readonly explain?: boolean;
  readonly period?: string | undefined;
  /** `--with-appraisers`: keep who appraised (an appraisal's `by`, personal data) in the results. */
  readonly withAppraisers?: boolean;
  /** `--keep-inputs`: each leaf's result keeps the raw inputs the unit gave (`given`; JSON report only). */
  readonly keepInputs?: boolean;
  /** `--pretty`: the JSON report indented by two spaces (default compact). */
  readonly pretty?: boolean;
  /** The input limits (`--max-units`, `--max-nodes`, ...); default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<InputLimits>;
}

/** The `criteria` and `period` fields of a submission read from JSON, when they are strings. */
function headField(data: unknown, key: 'criteria' | 'period'): string | undefined {
  if (data && typeof data === 'object' && !Array.isArray(data) && Object.prototype.hasOwnProperty.call(data, key)) {
    const value = (data as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The period of a submission: its own, else `--period`; both given and different is an error. */
function periodOf(own: string | undefined, option: string | undefined): { period: string | undefined; issues: Issue[] } {
  if (own !== undefined && option !== undefined && own !== option) {
    return { period: own, issues: [makeIssue('cli/period-conflict', '--period', { period: option, own })] };
  }
  return { period: own ?? option, issues: [] };
}

/**
 * Resolves the set to score with: `--criteria`, else the submission's own
 * `criteria` field (a reference only, never a path), else the default id; a
 * bare id is the version in force for the period.
 */
function chooseFor(registry: CriteriaRegistry, options: SubmissionFileOptions, named: string | undefined, period: string | undefined): { choice?: CriteriaChoice; issues: readonly Issue[]; warnings: readonly Issue[] } {
  if (named !== undefined && !parseCriteriaRef(named)) {
    return { issues: [makeIssue('criteria/bad-reference', 'criteria', { ref: named.length > 80 ? `${named.slice(0, 80)}…` : named })], warnings: [] };
  }
  const chosen = chooseCriteria(registry, options.criteria ?? named, period, options.limits);
  if (!chosen.ok) return { issues: chosen.issues, warnings: [] };
  const used = `${chosen.value.set.id}@${chosen.value.set.version}`;
  const warnings = options.criteria !== undefined && named !== undefined && named !== used && named !== chosen.value.set.id
    ? [makeIssue('submission/criteria-mismatch', 'criteria', { given: named, used })]
    : [];
  return { choice: chosen.value, issues: [], warnings };
}

/** What {@link readSubmissionFile} needs: the command's criteria, period, locale and limits. */
export type SubmissionFileOptions = Pick<ScoreCommandOptions, 'criteria' | 'locale' | 'period' | 'limits'>;

/** A submission file read: the set chosen for it, the submission (a CSV file already turned into one), and warnings. */
export interface SubmissionFile {
  readonly choice: CriteriaChoice;
  readonly submission: unknown;
  readonly warnings: readonly Issue[];
}

/**
 * Reads a submission file as `dti score` does (JSON, or CSV read with the
 * chosen set's columns), resolves its criteria set (`options.criteria`, else
 * the submission's own `criteria` field, else the set in force for the
 * period) and settles the period (`--period` fills a file that names none);
 * every problem as coded issues naming the file.
 */
export function readSubmissionFile(registry: CriteriaRegistry, file: string, options: SubmissionFileOptions): Result<SubmissionFile> {
  const read = safeReadTextFile(file);
  if (!read.ok) return read;
  const text = read.value;
  const isCsv = /\.(csv|tsv|txt)$/i.test(file);
  let data: unknown;
  if (!isCsv) {
    const parsed = parseJsonText(text, file, limitsOf(options.limits).issues);
    if (!parsed.ok) return parsed;
    data = parsed.value;
  }
  const { period, issues: periodIssues } = periodOf(isCsv ? undefined : headField(data, 'period'), options.period);
  if (periodIssues.length > 0) return { ok: false, issues: periodIssues };
  const { choice, issues, warnings } = chooseFor(registry, options, isCsv ? undefined : headField(data, 'criteria'), period);
  if (!choice) return { ok: false, issues };
  const criteria = choice.set;
  let submission: unknown = data;
  if (isCsv) {
    const parsed = safeParseSubmissionsCsv(text, criteria, { locale: options.locale, criteriaRef: `${criteria.id}@${criteria.version}`, ...(period ? { period } : {}), ...(options.limits ? { limits: options.limits } : {}) });
    if (!parsed.ok) return parsed;
    submission = parsed.value satisfies Submission;
  } else if (period !== undefined && headField(data, 'period') === undefined && data && typeof data === 'object') {
    submission = { ...(data as object), period };
  }
  return { ok: true, value: { choice, submission, warnings } };
}

/** `dti score <file> [...]`: 0 on success, 1 when the input or the criteria are invalid. */
export function scoreCommand(io: Io, file: string, options: ScoreCommandOptions): number {
  const fail = (issues: readonly Issue[]): number => {
    printIssues(io, issues, options.format === 'json' ? 'json' : 'text');
    return 1;
  };
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);
  const read = readSubmissionFile(registry.value, file, options);
  if (!read.ok) return fail(read.issues);
  return scoreAndPrint(io, registry.value, read.value.choice, read.value.submission, read.value.warnings, options);
}

/** Writes the JSON report unit by unit, in pieces of about 64 kB (never one string of the whole report). */
function writeJson(io: Io, report: object, pretty: boolean, explain: boolean): void {
  let pending = '';
  writeReportJson(report, (chunk) => {
    pending += chunk;
    if (pending.length >= 65_536) {
      io.out(pending);
      pending = '';
    }
  }, { pretty, ...(explain ? { mapResult: explainUnit } : {}) });
  io.out(`${pending}\n`);
}

/** Scores a submission already read and prints it in the chosen format (shared by every input kind). */
function scoreAndPrint(io: Io, registry: CriteriaRegistry, choice: CriteriaChoice, submission: unknown, before: readonly Issue[], options: ScoreCommandOptions): number {
  const criteria = choice.set;
  const explain = options.format === 'json' && (options.explain ?? true);
  const outcome = safeScoreBatch(criteria, submission, { skipInvalid: options.skipInvalid, explain, inputHashes: options.format === 'json', keepInputs: options.format === 'json' && options.keepInputs === true, withAppraisers: options.withAppraisers === true, versions: registry.list(), ...(options.limits ? { limits: options.limits } : {}) });
  if (!outcome.ok) {
    printIssues(io, outcome.issues, options.format === 'json' ? 'json' : 'text');
    return 1;
  }
  const report = outcome.value.warnings.length > 0 || before.length > 0 ? { ...outcome.value, warnings: [...before, ...outcome.value.warnings] } : outcome.value;
  if (options.format !== 'json') {
    io.err(choice.note);
    for (const warning of report.warnings) io.err(`cảnh báo / warning: ${formatIssue(warning)}\n`);
  }
  for (const rejected of report.rejected) {
    io.err(`bỏ qua đơn vị / skipped unit "${rejected.unit}" (units[${rejected.position}]):\n`);
    for (const issue of rejected.issues) io.err(`  ${formatIssue(issue)}\n`);
  }
  if (options.format === 'json') writeJson(io, report, options.pretty === true, explain);
  else if (options.format === 'csv') io.out(formatResultsCsv(report, criteria, { locale: options.locale }));
  else io.out(formatTable(report, criteria, options.lang));
  return 0;
}

/**
 * `dti score <form.xlsx|folder> [more …]`: reads every filled workbook (each bad
 * cell reported by workbook, sheet and cell), then scores them as one batch.
 */
export async function scoreWorkbooksCommand(io: Io, paths: readonly string[], options: ScoreCommandOptions & { readonly localeGiven: boolean }): Promise<number> {
  const format = options.format === 'json' ? 'json' : 'text';
  const fail = (issues: readonly Issue[]): number => {
    printIssues(io, issues, format);
    return 1;
  };
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);
  let given: CriteriaChoice | undefined;
  if (options.criteria !== undefined) {
    const chosen = chooseCriteria(registry.value, options.criteria, options.period, options.limits);
    if (!chosen.ok) return fail(chosen.issues);
    given = chosen.value;
  }
  // Loaded only for workbooks: the workbook reader (exceljs) is the heaviest part of the command line.
  const { readWorkbookInput } = await import('./xlsx-input.js');
  const input = await readWorkbookInput([...paths], given?.set, { ...(options.localeGiven ? { locale: options.locale } : {}), registry: registry.value, ...(options.limits ? { limits: options.limits } : {}) });
  const { submission: read, rejected, unnamed } = input;
  // Without --skip-invalid every problem of every workbook is listed before exit 1; with it, the
  // workbooks left out are listed (file, sheet, cell, reason) and the valid ones are scored and ranked.
  // A path that names no workbook is a mistake in the command itself: never skipped.
  const all = [...unnamed, ...rejected.flatMap((entry) => entry.issues)];
  if (unnamed.length > 0 || (rejected.length > 0 && (!options.skipInvalid || read.units.length === 0))) return fail(all);
  for (const entry of rejected) {
    io.err(`bỏ qua sổ tính / skipped workbook ${entry.file}:\n`);
    for (const issue of entry.issues) io.err(`  ${formatIssue(issue)}\n`);
  }
  const { period, issues: periodIssues } = periodOf(read.period, options.period);
  if (periodIssues.length > 0) return fail(periodIssues);
  let choice = given;
  if (!choice) {
    const chosen = chooseCriteria(registry.value, read.criteria, period);
    if (!chosen.ok) return fail(chosen.issues);
    choice = chosen.value;
  }
  const submission = period !== undefined ? { ...read, period } : read;
  return scoreAndPrint(io, registry.value, choice, submission, [], options);
}
