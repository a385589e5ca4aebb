import { DtiError, makeIssue, type Issue } from '../errors.js';
import { isIsoDate } from '../format/common.js';
import { safeLoadCriteria } from '../node/load-criteria.js';
import { commandRegistry, criteriaFile } from './criteria-choice.js';
import { reportToHtml } from '../report/html.js';
import { reportToMarkdown } from '../report/markdown.js';
import { readResultsStamp, safeParseScoreReport } from '../results/index.js';
import { printIssues, type Io } from './output.js';
import { outIsInput, writeOut } from './out-file.js';
import { readJsonFile } from './read-input.js';

/** Options of `dti report`. */
export interface ReportCommandOptions {
  readonly format: 'html' | 'md' | 'xlsx';
  readonly lang: 'vi' | 'en';
  /** Where to write; default standard output (html and md only). */
  readonly out?: string | undefined;
  /** The criteria reference (`id@version`, `id` or a path to a JSON file); default the results' own stamp. */
  readonly criteria?: string | undefined;
  /** `--criteria-dir`: a criteria folder searched before `./criteria` and the embedded sets. */
  readonly criteriaDir?: string | undefined;
  /** `--with-appraisers`: show who appraised (personal data) in the appraisal section; default left out. */
  readonly withAppraisers?: boolean;
  /** `--date`: the report's date (`YYYY-MM-DD`), in its header and at the foot of every printed page; default none (the footer names the period). */
  readonly date?: string | undefined;
}

/**
 * `dti report <results.json> [--format html|md|xlsx] [--lang vi|en] [--out file] [--criteria ref]`:
 * turns the output of `dti score --format json` into a report for people.
 * When a unit was appraised or lacks required evidence, the report has an
 * appraisal section (an appraisal sheet in Excel): every appraised criterion
 * with its reason and note, and the batch distribution by reason and pillar;
 * who appraised only with `--with-appraisers`.
 * The criteria set comes from the results' stamp (`id@version`), or from
 * `--criteria`; its sha256 must equal the stamp's, so a report is never drawn
 * with other rules than the ones that produced the scores. HTML and Markdown
 * go to `--out` or standard output; Excel needs `--out`.
 * Returns 0 on success, 1 for invalid input, a criteria mismatch or a file
 * that cannot be written, 2 for a usage error (Excel without `--out`, `--out`
 * naming an input).
 */
export async function reportCommand(io: Io, file: string, options: ReportCommandOptions): Promise<number> {
  const fail = (issues: readonly Issue[], code = 1): number => {
    printIssues(io, issues, 'text');
    return code;
  };
  if (options.format === 'xlsx' && options.out === undefined) {
    return fail([makeIssue('cli/missing-option', '--out', { option: '--out <file>', command: 'dti report', when: '--format xlsx' })], 2);
  }
  if (options.date !== undefined && !isIsoDate(options.date)) return fail([makeIssue('schema/date', '--date')], 2);
  // The workbook has no page header or footer to date: never take the option and drop it.
  if (options.date !== undefined && options.format === 'xlsx') return fail([makeIssue('cli/option-conflict', '--date', { options: ['--date', '--format xlsx'], command: 'dti report' })], 2);
  const clash = outIsInput(options.out, [file, criteriaFile(options.criteria)]);
  if (clash) return fail([clash], 2);
  const parsed = readJsonFile(file);
  if (!parsed.ok) return fail(parsed.issues);
  const data = parsed.value;
  // The stamp names the set; `--criteria` overrides it (and lets a file with a broken stamp be checked in full).
  const stamp = readResultsStamp(data);
  if (!stamp.ok && options.criteria === undefined) return fail(stamp.issues);
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);
  const ref = options.criteria ?? (stamp.ok ? `${stamp.value.id}@${stamp.value.version}` : '');
  const loaded = safeLoadCriteria(ref, { registry: registry.value });
  if (!loaded.ok) return fail(loaded.issues);
  const criteria = loaded.value;
  // The whole file, checked against the set: a hand-edited or inconsistent file is refused, nothing written.
  const checked = safeParseScoreReport(data, criteria);
  if (!checked.ok) return fail(checked.issues);
  const report = checked.value;
  const withAppraisers = options.withAppraisers === true;

  let output: string | Uint8Array;
  if (options.format === 'xlsx') {
    // Loaded only when asked for: the workbook writer (exceljs) is the heaviest part of the command line.
    const { reportToXlsx } = await import('../xlsx/index.js');
    try {
      output = await reportToXlsx(report, criteria, { lang: options.lang, withAppraisers });
    } catch (error) {
      if (error instanceof DtiError) return fail(error.issues);
      throw error;
    }
  } else {
    const date = options.date === undefined ? {} : { date: options.date };
    output = options.format === 'html' ? reportToHtml(report, criteria, { lang: options.lang, withAppraisers, ...date }) : reportToMarkdown(report, criteria, { lang: options.lang, withAppraisers, ...date });
    if (options.out === undefined) {
      io.out(output);
      return 0;
    }
  }
  // Excel always has an --out (checked above).
  const out = options.out ?? '';
  const unwritten = writeOut(out, output);
  if (unwritten) return fail([unwritten]);
  io.err(`đã ghi báo cáo / report written: ${out}\n`);
  return 0;
}
