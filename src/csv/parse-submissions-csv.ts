import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import { idIssues, idKey } from '../format/identity.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { Submission, UnitSubmission } from '../format/submission-schema.js';
import { capIssues, limitsOf, type InputLimits } from '../limits.js';
import type { CriteriaSet } from '../compile/types.js';
import { cellText } from '../input/cells.js';
import { mapCsvHeader, type CsvColumnMap, type UnitColumn } from '../input/columns.js';
import { readLeafValue } from '../input/leaf-value.js';
import type { CsvLocale } from '../input/numbers.js';
import { csvCellPath } from '../input/paths.js';
import { readCsvTable, type CsvDelimiter, type CsvRow } from './table.js';

/** Options of {@link safeParseSubmissionsCsv}. */
export interface SubmissionsCsvOptions {
  /** How numbers are written in the file (see {@link CsvLocale}); default `en`, plain decimals. */
  readonly locale?: CsvLocale;
  /** The submission's `criteria` field; default the set's own `id@version`. */
  readonly criteriaRef?: string;
  /** The submission's `period` field (`"2022"`); absent when not given. */
  readonly period?: string;
  /** The field delimiter; default: detected from the header line (`,`, `;` or tab). */
  readonly delimiter?: CsvDelimiter;
  /** Size limits (rows, issues listed); default `DEFAULT_LIMITS`. */
  readonly limits?: Partial<InputLimits>;
}

function readUnit(row: CsvRow, map: CsvColumnMap, locale: CsvLocale, issues: Issue[]): UnitSubmission {
  const field = (column: UnitColumn): string | undefined => {
    const position = map.unit[column];
    return position === undefined ? undefined : cellText(row.cells[position] ?? '');
  };
  const cellPath = (column: UnitColumn): string => csvCellPath(row.row, map.names[map.unit[column]!] ?? column);
  const required = (column: 'id' | 'level'): string => {
    const value = field(column);
    if (value === '') issues.push(makeIssue('schema/required', cellPath(column)));
    return value ?? '';
  };
  // A unit's id and its parent's follow the identity rules (format reference §10), read from the cell as typed.
  const identity = (column: 'id' | 'parent'): string | undefined => {
    const position = map.unit[column];
    if (position === undefined) return undefined;
    const raw = row.cells[position] ?? '';
    // An empty cell gives no id; a cell of spaces only is an id typed empty (`id/empty`), as in JSON.
    if (raw === '') return '';
    for (const issue of idIssues(raw, cellPath(column))) issues.push(issue);
    return idKey(raw);
  };
  const typedId = identity('id');
  const id = typedId ?? '';
  if (typedId === undefined || (id === '' && (row.cells[map.unit.id!] ?? '') === '')) issues.push(makeIssue('schema/required', cellPath('id')));
  const level = required('level');
  const ctx = { row: row.row, unit: id || `row ${row.row}`, cells: row.cells, names: map.names, locale, issues };
  const values: Record<string, unknown> = {};
  const appraised: Record<string, unknown> = {};
  for (const columns of map.leaves) {
    const reading = readLeafValue(ctx, columns);
    if (reading.state === 'value') (columns.target === 'values' ? values : appraised)[columns.code] = reading.value;
  }
  const name = field('name');
  const group = field('group');
  const parent = identity('parent');
  return {
    id,
    ...(name ? { name } : {}),
    level,
    ...(group ? { group } : {}),
    ...(parent ? { parent } : {}),
    values,
    ...(Object.keys(appraised).length > 0 ? { appraised } : {}),
  };
}

/**
 * Turns a CSV file of self-assessments into a submission batch ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp))
 * for `criteria`. Never throws for bad input: every problem found is returned,
 * with its path in the file (see {@link csvCellPath}).
 *
 * Layout: one row per unit; columns `id` and `level` (required), `name`,
 * `group`, `parent` (optional); then per leaf `CODE` (a scalar value),
 * `CODE.numerator` and `CODE.denominator` (a ratio, or a bands leaf given as a
 * fraction) or `CODE.itemId` (one per checklist item); the same with the prefix
 * `appraised:` for the DIC's appraised values. Leaves without columns are
 * missing for every unit; the columns may come in any order. An empty cell
 * is missing; `n/a` (any case) is not applicable (for a pair: in both cells, or
 * in one with the other empty; for a checklist: in every item cell, or empty);
 * numbers become exact decimal strings read in `options.locale`; yes/no words
 * (`true`/`false`, `1`/`0`, `yes`/`no`, `có`/`không`, `x`) become booleans;
 * option ids and `info` values stay text; a checklist becomes the list of the
 * items marked yes (an empty item cell is "no" unless all are empty).
 *
 * The CSV layer only converts text: it reports malformed CSV, header problems
 * (see {@link mapCsvHeader}), empty `id`/`level` cells (`schema/required`),
 * `id` and `parent` cells that break the identity rules of [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản)
 * (`id/invisible`, `id/character`: see `safeNormalizeId`; ids are read
 * trimmed and in NFC, as from JSON) and cells that cannot be converted
 * (`value/shape`, `rows[3]["CQS.1.3.numerator"]`). Levels, groups, whether a
 * leaf applies, `n > d`, option ids and duplicate units (ids compared once
 * normalised) are checked when the result is scored, with paths
 * `units[i]...`, where `units[i]` is the i-th non-blank data row. An invalid
 * criteria set is reported with its own issues.
 *
 * @example
 * ```ts
 * import { safeScoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeParseSubmissionsCsv } from 'dti-criteria/csv';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const csv = 'id;name;level;CQS.1.3.numerator;CQS.1.3.denominator;CQS.2.3.numerator;CQS.2.3.denominator\n' +
 *   'cai-khe;Phường Cái Khế;commune;12;15;1.220.000.000;84.210.000.000\n';
 * const parsed = safeParseSubmissionsCsv(csv, criteria, { locale: 'vi', period: '2022' });
 * if (parsed.ok) {
 *   console.log(parsed.value.units[0]?.values['CQS.2.3']); // {"numerator":"1220000000","denominator":"84210000000"}
 *   const scored = safeScoreBatch(criteria, parsed.value);
 *   if (scored.ok) console.log(scored.value.results[0]?.nodes['CQS.1.3']?.points); // "16.00"
 * } else {
 *   for (const issue of parsed.issues) console.log(`${issue.path}: ${issue.message}`);
 * }
 * ```
 */
export function safeParseSubmissionsCsv(text: string, criteria: CriteriaSet, options: SubmissionsCsvOptions = {}): Result<Submission> {
  try {
    compileCriteria(criteria);
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
  const locale = options.locale ?? 'en';
  const { table, issues } = readCsvTable(text, options.delimiter);
  if (!table) return { ok: false, issues };
  const limits = limitsOf(options.limits);
  if (table.rows.length > limits.units) {
    return { ok: false, issues: capIssues([...issues, makeIssue('input/too-large', 'rows', { limit: limits.units, what: 'rows' })], limits.issues) };
  }
  const blank = (position: number): boolean => table.rows.every((row) => (row.cells[position] ?? '').trim() === '');
  const { map, issues: headerIssues } = mapCsvHeader(table.header, criteria, blank);
  const rowIssues: Issue[] = [];
  const units = table.rows.map((row) => readUnit(row, map, locale, rowIssues));
  const all = [...headerIssues, ...issues, ...rowIssues];
  if (all.length > 0) return { ok: false, issues: capIssues(sortIssues(all), limits.issues) };
  return {
    ok: true,
    value: {
      criteria: options.criteriaRef ?? `${criteria.id}@${criteria.version}`,
      ...(options.period !== undefined ? { period: options.period } : {}),
      units,
    },
  };
}

/** Header issues first, then by row number (stable within a row). */
function sortIssues(issues: readonly Issue[]): Issue[] {
  const rowOf = (issue: Issue): number => {
    const match = /^rows\[(\d+)\]/.exec(issue.path);
    return match ? Number(match[1]) : 0;
  };
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => rowOf(a.issue) - rowOf(b.issue) || a.index - b.index).map((entry) => entry.issue);
}
