import { safeToRows, TABLE_VALUES, toCsv, type TableValue } from '../analysis/index.js';
import { formatIssue, inFile, makeIssue, type Issue } from '../errors.js';
import type { InputLimits } from '../limits.js';
import { safeLoadCriteria } from '../node/load-criteria.js';
import { readResultsStamp, safeParseScoreReport } from '../results/index.js';
import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { safeScoreBatch } from '../scoring/score-batch.js';
import { commandRegistry, criteriaFile } from './criteria-choice.js';
import { outIsInput, writeOut } from './out-file.js';
import { printIssues, type Io } from './output.js';
import { readJsonFile } from './read-input.js';
import { readSubmissionFile } from './score-command.js';
import type { CriteriaRegistry } from '../criteria/registry.js';

/** Options of `dti export`. */
export interface ExportCommandOptions {
  readonly shape: 'wide' | 'long';
  /** `--values`: the figures per node, comma-separated (see `TableValue`); default as `toRows`. */
  readonly values: string | undefined;
  readonly nodes: 'all' | 'leaves' | 'aggregates';
  readonly out?: string | undefined;
  readonly criteria?: string | undefined;
  readonly criteriaDir?: string | undefined;
  readonly lang: 'vi' | 'en';
  /** How numbers are read from a CSV submission and written: `vi` writes a BOM, `;` and decimal commas. */
  readonly locale: 'vi' | 'en';
  readonly bom: boolean;
  readonly period?: string | undefined;
  readonly limits?: Partial<InputLimits>;
}

/** `--values a,b,c` read against the table values; `cli/bad-choice` for any other word. */
function readValues(text: string | undefined): { values?: TableValue[]; issues: Issue[] } {
  if (text === undefined) return { issues: [] };
  const words = text.split(',').map((word) => word.trim()).filter((word) => word !== '');
  const issues = words
    .filter((word) => !(TABLE_VALUES as readonly string[]).includes(word))
    .map((word) => makeIssue('cli/bad-choice', '--values', { option: '--values', value: word, choices: [...TABLE_VALUES] }));
  return { values: words as TableValue[], issues };
}

/** A results file read and checked against the set its stamp (or `--criteria`) names. */
function readResults(registry: CriteriaRegistry, file: string, data: unknown, options: ExportCommandOptions): { report?: ScoreReport; set?: CriteriaSet; issues: readonly Issue[] } {
  let ref = options.criteria;
  if (ref === undefined) {
    const stamp = readResultsStamp(data);
    if (!stamp.ok) return { issues: stamp.issues.map((issue) => inFile(issue, file)) };
    ref = `${stamp.value.id}@${stamp.value.version}`;
  }
  const loaded = safeLoadCriteria(ref, { registry });
  if (!loaded.ok) return { issues: loaded.issues };
  const checked = safeParseScoreReport(data, loaded.value);
  if (!checked.ok) return { issues: checked.issues.map((issue) => inFile(issue, file)) };
  return { report: checked.value, set: loaded.value, issues: [] };
}

/**
 * `dti export <results.json | submissions.json | submissions.csv>`: a results
 * table as CSV (`toRows` then `toCsv` of `dti-criteria/analysis`). A results
 * file (`dti score --format json`) is checked against the set its stamp
 * names (or `--criteria`); a submission is scored first, as `dti score`
 * does, keeping each leaf's raw inputs. Writes to `--out` or standard
 * output. Returns 0 on success, 1 for invalid input or a file that cannot be
 * written, 2 for a usage error (an unknown `--values` word, `--out` naming an
 * input).
 */
export function exportCommand(io: Io, file: string, options: ExportCommandOptions): number {
  const fail = (issues: readonly Issue[], code = 1): number => {
    printIssues(io, issues, 'text');
    return code;
  };
  const { values, issues: valueIssues } = readValues(options.values);
  if (valueIssues.length > 0) return fail(valueIssues, 2);
  const clash = outIsInput(options.out, [file, criteriaFile(options.criteria)]);
  if (clash) return fail([clash], 2);
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);

  let report: ScoreReport;
  let set: CriteriaSet;
  const isCsv = /\.(csv|tsv|txt)$/i.test(file);
  const data = isCsv ? undefined : readJsonFile(file);
  if (data !== undefined && !data.ok) return fail(data.issues);
  const isResults = data?.ok === true && data.value !== null && typeof data.value === 'object' && Array.isArray((data.value as { results?: unknown }).results);
  if (isResults) {
    const read = readResults(registry.value, file, data.value, options);
    if (read.report === undefined || read.set === undefined) return fail(read.issues);
    ({ report, set } = { report: read.report, set: read.set });
  } else {
    const read = readSubmissionFile(registry.value, file, { criteria: options.criteria, locale: options.locale, period: options.period, ...(options.limits ? { limits: options.limits } : {}) });
    if (!read.ok) return fail(read.issues.map((issue) => (issue.file === undefined ? inFile(issue, file) : issue)));
    const { choice, submission, warnings } = read.value;
    io.err(choice.note);
    for (const warning of warnings) io.err(`cảnh báo / warning: ${formatIssue(warning)}\n`);
    const scored = safeScoreBatch(choice.set, submission, { keepInputs: true, explain: false, versions: registry.value.list(), ...(options.limits ? { limits: options.limits } : {}) });
    if (!scored.ok) return fail(scored.issues);
    report = scored.value;
    set = choice.set;
  }
  const table = safeToRows(report, { shape: options.shape, nodes: options.nodes, criteria: set, lang: options.lang, ...(values !== undefined ? { values } : {}) });
  if (!table.ok) return fail(table.issues);
  const vi = options.locale === 'vi';
  const csv = toCsv(table.value, { decimalComma: vi, bom: vi || options.bom });
  if (options.out === undefined) {
    io.out(csv);
    return 0;
  }
  const unwritten = writeOut(options.out, csv);
  if (unwritten) return fail([unwritten]);
  io.err(`đã ghi bảng / table written: ${options.out} (${table.value.rows.length} dòng / rows, ${table.value.columns.length} cột / columns)\n`);
  return 0;
}
