import { readFileSync, writeFileSync } from 'node:fs';
import { criteriaHash } from '../canonical/criteria-hash.js';
import { isPlainDecimalString } from '../decimal.js';
import { DtiError, makeIssue, type Issue, type IssueCode } from '../errors.js';
import type { CriteriaSet } from '../format/types.js';
import { loadCriteria } from '../node/load-criteria.js';
import { commandRegistry } from './criteria-choice.js';
import { reportToHtml } from '../report/html.js';
import { reportToMarkdown } from '../report/markdown.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { printIssues, type Io } from './output.js';
import { parseJsonText } from '../format/json-text.js';

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
}

/**
 * The code for a file that cannot be written. `output/write` is proposed for
 * src/errors.ts; until it exists, `input/read` (same `detail` parameter) stands in.
 */
const WRITE_CODE: IssueCode = 'output/write';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks that `data` has the shape of `dti score --format json` output, enough
 * for a report: every field the report prints, every decimal a plain decimal
 * string. Returns every problem with its JSON path.
 */
function checkScoreReport(data: unknown): Issue[] {
  const issues: Issue[] = [];
  const type = (path: string, expected: string): void => void issues.push(makeIssue('schema/type', path, { expected }));
  const string = (obj: Json, key: string, path: string, nullable: boolean): void => {
    const value = obj[key];
    if (value === undefined) issues.push(makeIssue('schema/required', `${path}.${key}`));
    else if (!(typeof value === 'string' || (nullable && value === null))) type(`${path}.${key}`, nullable ? 'string | null' : 'string');
  };
  const decimal = (obj: Json, key: string, path: string, nullable: boolean, optional = false): void => {
    const value = obj[key];
    if (value === undefined) {
      if (!optional) issues.push(makeIssue('schema/required', `${path}.${key}`));
    } else if (value === null) {
      if (!nullable) type(`${path}.${key}`, 'string');
    } else if (typeof value !== 'string' || !isPlainDecimalString(value)) {
      issues.push(makeIssue('schema/decimal', `${path}.${key}`));
    }
  };
  const rank = (obj: Json, key: string, path: string): void => {
    const value = obj[key];
    if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isInteger(value) && value > 0)) type(`${path}.${key}`, 'integer ≥ 1 | null');
  };
  if (!isObject(data)) {
    type('$', 'object');
    return issues;
  }
  if (!isObject(data.criteria)) {
    if (data.criteria === undefined) issues.push(makeIssue('schema/required', 'criteria'));
    else type('criteria', 'object { id, version, sha256 }');
  } else {
    for (const key of ['id', 'version', 'sha256']) string(data.criteria, key, 'criteria', false);
  }
  if (data.period !== undefined && data.period !== null && typeof data.period !== 'string') type('period', 'string | null');
  for (const key of ['rejected', 'warnings']) if (data[key] !== undefined && !Array.isArray(data[key])) type(key, 'array');
  if (!Array.isArray(data.results)) {
    if (data.results === undefined) issues.push(makeIssue('schema/required', 'results'));
    else type('results', 'array');
    return issues;
  }
  data.results.forEach((result: unknown, i: number) => {
    const path = `results[${i}]`;
    if (!isObject(result)) return type(path, 'object');
    for (const key of ['unit', 'level']) string(result, key, path, false);
    for (const key of ['name', 'group', 'rating', 'parent']) if (result[key] !== undefined) string(result, key, path, true);
    if (result.group === undefined) issues.push(makeIssue('schema/required', `${path}.group`));
    if (result.rating === undefined) issues.push(makeIssue('schema/required', `${path}.rating`));
    decimal(result, 'points', path, false);
    decimal(result, 'maxPoints', path, false);
    decimal(result, 'index', path, true);
    decimal(result, 'selfPoints', path, false, true);
    if (result.difference !== undefined && (typeof result.difference !== 'string' || !/^-?\d+(\.\d+)?$/.test(result.difference))) issues.push(makeIssue('schema/decimal', `${path}.difference`));
    rank(result, 'rank', path);
    rank(result, 'rankInParent', path);
    if (!isObject(result.nodes)) return type(`${path}.nodes`, 'object');
    for (const [code, node] of Object.entries(result.nodes)) {
      const nodePath = `${path}.nodes["${code}"]`;
      if (!isObject(node)) {
        type(nodePath, 'object');
        continue;
      }
      decimal(node, 'points', nodePath, true);
      decimal(node, 'maxPoints', nodePath, true);
      decimal(node, 'index', nodePath, true, true);
      decimal(node, 'selfPoints', nodePath, true, true);
      if (typeof node.status !== 'string') type(`${nodePath}.status`, 'string');
      if (node.explanation !== undefined && !(isObject(node.explanation) && typeof node.explanation.vi === 'string')) type(`${nodePath}.explanation`, 'object { vi, en? }');
    }
  });
  return issues;
}

/** Results whose level (or group) the criteria set does not declare. */
function unknownLevels(report: ScoreReport, criteria: CriteriaSet): Issue[] {
  const issues: Issue[] = [];
  report.results.forEach((r, i) => {
    const level = criteria.levels.find((l) => l.id === r.level);
    if (!level) issues.push(makeIssue('submission/unknown-level', `results[${i}].level`, { unit: r.unit, level: r.level }));
    else if ((level.groups?.length ?? 0) > 0 && r.group !== null && !level.groups?.some((g) => g.id === r.group)) {
      issues.push(makeIssue('submission/unknown-group', `results[${i}].group`, { unit: r.unit, level: r.level, group: r.group }));
    } else if ((level.groups?.length ?? 0) > 0 && r.group === null) {
      issues.push(makeIssue('submission/group-required', `results[${i}].group`, { unit: r.unit, level: r.level }));
    }
  });
  return issues;
}

/**
 * `dti report <results.json> [--format html|md|xlsx] [--lang vi|en] [--out file] [--criteria ref]`:
 * turns the output of `dti score --format json` into a report for people.
 * The criteria set comes from the results' stamp (`id@version`), or from
 * `--criteria`; its sha256 must equal the stamp's, so a report is never drawn
 * with other rules than the ones that produced the scores. HTML and Markdown
 * go to `--out` or standard output; Excel needs `--out`.
 * Returns 0 on success, 1 for invalid input or a criteria mismatch, 2 for a usage error.
 */
export async function reportCommand(io: Io, file: string, options: ReportCommandOptions): Promise<number> {
  const fail = (issues: readonly Issue[], code = 1): number => {
    printIssues(io, issues, 'text');
    return code;
  };
  if (options.format === 'xlsx' && options.out === undefined) {
    return fail([makeIssue('cli/usage', '$', { detail: '--format xlsx needs --out <file.xlsx> / cần --out <tệp.xlsx>' })], 2);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail([makeIssue('input/read', file, { detail: (error as Error).message })]);
  }
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return fail(parsed.issues);
  const data = parsed.value;
  const shape = checkScoreReport(data);
  if (shape.length > 0) return fail(shape);
  const raw = data as Json & { criteria: { id: string; version: string; sha256: string } };
  const report: ScoreReport = {
    ...(raw as unknown as ScoreReport),
    period: typeof raw.period === 'string' ? raw.period : null,
    rejected: Array.isArray(raw.rejected) ? (raw.rejected as ScoreReport['rejected']) : [],
    warnings: Array.isArray(raw.warnings) ? (raw.warnings as ScoreReport['warnings']) : [],
  };

  const stamp = `${report.criteria.id}@${report.criteria.version}`;
  const registry = commandRegistry(options.criteriaDir);
  if (!registry.ok) return fail(registry.issues);
  const loaded = loadCriteria(options.criteria ?? stamp, { registry: registry.value });
  if (!loaded.ok) return fail(loaded.issues);
  const criteria = loaded.value;
  const hash = criteriaHash(criteria);
  if (criteria.id !== report.criteria.id || criteria.version !== report.criteria.version || hash !== report.criteria.sha256) {
    return fail([
      makeIssue('compare/criteria-mismatch', 'criteria', {
        given: stamp,
        givenHash: report.criteria.sha256.slice(0, 12),
        used: `${criteria.id}@${criteria.version}`,
      }),
    ]);
  }
  const levels = unknownLevels(report, criteria);
  if (levels.length > 0) return fail(levels);

  let output: string | Uint8Array;
  if (options.format === 'xlsx') {
    // Loaded only when asked for: the workbook writer (exceljs) is the heaviest part of the command line.
    const { reportToXlsx } = await import('../xlsx/index.js');
    try {
      output = await reportToXlsx(report, criteria, { lang: options.lang });
    } catch (error) {
      if (error instanceof DtiError) return fail(error.issues);
      throw error;
    }
  } else {
    output = options.format === 'html' ? reportToHtml(report, criteria, { lang: options.lang }) : reportToMarkdown(report, criteria, { lang: options.lang });
    if (options.out === undefined) {
      io.out(output);
      return 0;
    }
  }
  // Excel always has an --out (checked above).
  const out = options.out ?? '';
  try {
    writeFileSync(out, output);
  } catch (error) {
    return fail([makeIssue(WRITE_CODE, out, { file: out, detail: (error as Error).message })]);
  }
  io.err(`đã ghi báo cáo / report written: ${out}\n`);
  return 0;
}
