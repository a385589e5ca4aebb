import { readDecimal } from '../decimal.js';
import { DtiError, makeIssue, type Issue } from '../errors.js';
import type { CompiledNode } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { Submission, UnitSubmission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { formatPath, type PathSegment } from '../path.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { InputShape } from '../rules/input-shape.js';
import { csvColumnName, itemIds, scalarInputOf, takesFraction, UNIT_COLUMNS, type CsvTarget, type LeafPart } from '../input/columns.js';
import { formatDecimalCell, type CsvLocale } from '../input/numbers.js';
import type { CsvDelimiter } from './table.js';

/** Options of {@link submissionToCsv}. */
export interface SubmissionCsvWriteOptions {
  /** How numbers are written (see {@link CsvLocale}); default `en`, plain decimals. */
  readonly locale?: CsvLocale;
  /** The field delimiter; default `,`. With `locale: 'vi'` a `;` avoids quoting every decimal comma. */
  readonly delimiter?: CsvDelimiter;
  /** The line ending; default `\n`. */
  readonly lineEnding?: '\n' | '\r\n';
  /** Start with a UTF-8 byte order mark (Excel on Windows then reads Vietnamese text right); default `false`. */
  readonly bom?: boolean;
}

/** The columns one leaf takes for one target, and how its value fills them. */
interface LeafLayout {
  readonly node: CompiledNode;
  readonly input: InputShape;
  readonly target: CsvTarget;
  readonly scalar: boolean;
  readonly fraction: boolean;
  readonly items: readonly string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNA = (value: unknown): boolean => typeof value === 'string' && value.trim().toLowerCase() === 'n/a';
const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

function layoutColumns(layout: LeafLayout): string[] {
  const { node, target } = layout;
  const parts: LeafPart[] = [
    ...(layout.scalar ? [{ kind: 'value' } as const] : []),
    ...(layout.fraction ? [{ kind: 'numerator' } as const, { kind: 'denominator' } as const] : []),
    ...layout.items.map((item) => ({ kind: 'item', item }) as const),
  ];
  return parts.map((part) => csvColumnName(target, node.code, part));
}

function planLayouts(leaves: readonly CompiledNode[], units: readonly UnitSubmission[], target: CsvTarget): LeafLayout[] {
  const layouts: LeafLayout[] = [];
  for (const node of leaves) {
    const input = inputOfLeaf(node.leaf!, undefined);
    const given = units.map((unit) => (target === 'values' ? unit.values : unit.appraised)).filter((record) => record !== undefined && hasOwn(record, node.code) && record[node.code] !== undefined);
    if (target === 'appraised' && given.length === 0) continue;
    if (input.type === 'any-of') {
      layouts.push({ node, input, target, scalar: false, fraction: false, items: itemIds(input) });
      continue;
    }
    if (input.type === 'fraction') {
      layouts.push({ node, input, target, scalar: false, fraction: true, items: [] });
      continue;
    }
    const objects = given.some((record) => isObject(record![node.code]));
    const scalars = given.some((record) => !isObject(record![node.code]) && !isNA(record![node.code]));
    const fraction = takesFraction(input) && objects;
    layouts.push({ node, input, target, scalar: scalars || !fraction, fraction, items: [] });
  }
  return layouts;
}

function numberCell(value: unknown, locale: CsvLocale): string | undefined {
  if (typeof value === 'number') return readDecimal(value)?.toFixed() ?? String(value);
  if (typeof value === 'string') return formatDecimalCell(value.trim(), locale);
  return undefined;
}

function scalarCell(value: unknown, layout: LeafLayout, locale: CsvLocale): string | undefined {
  const input = scalarInputOf(layout.input);
  if (input === 'number') {
    if (typeof value === 'number' || typeof value === 'string') return numberCell(value, locale);
  } else if (input === 'boolean' || input === 'text') {
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return readDecimal(value)?.toFixed() ?? String(value);
    if (value === null && layout.input.type === 'note') return '';
  }
  return undefined;
}

function leafCells(layout: LeafLayout, value: unknown, locale: CsvLocale, at: readonly PathSegment[], issues: Issue[], unit: string): string[] {
  const width = layoutColumns(layout).length;
  const cells: string[] = Array<string>(width).fill('');
  if (value === undefined) return cells;
  const shape = (expected: string): string[] => {
    issues.push(makeIssue('value/shape', formatPath(at), { unit, expected }));
    return cells;
  };
  if (isNA(value)) {
    if (layout.scalar) cells[0] = 'n/a';
    else cells.fill('n/a');
    return cells;
  }
  if (layout.items.length > 0) {
    const allowed = layout.items;
    let done: Set<string>;
    if (Array.isArray(value)) {
      done = new Set(value.map(String));
    } else if (isObject(value)) {
      done = new Set(Object.entries(value).filter(([, flag]) => flag === true).map(([item]) => item));
      for (const [item, flag] of Object.entries(value)) {
        if (typeof flag !== 'boolean') issues.push(makeIssue('value/shape', formatPath([...at, item]), { unit, expected: 'boolean' }));
      }
    } else {
      return shape('checklist');
    }
    const listed = Array.isArray(value) ? value.map(String) : Object.keys(value);
    for (const item of listed) if (!layout.items.includes(item)) issues.push(makeIssue('value/unknown-item', formatPath(at), { unit, item, allowed }));
    return layout.items.map((item) => (done.has(item) ? 'true' : 'false'));
  }
  if (isObject(value)) {
    if (!layout.fraction) return shape('single-value');
    const extra = Object.keys(value).filter((key) => key !== 'numerator' && key !== 'denominator');
    for (const key of extra) issues.push(makeIssue('schema/unknown-key', formatPath([...at, key]), { key }));
    const n = numberCell(value.numerator, locale);
    const d = numberCell(value.denominator, locale);
    if (n === undefined || d === undefined) return shape('fraction');
    const start = layout.scalar ? 1 : 0;
    cells[start] = n;
    cells[start + 1] = d;
    return cells;
  }
  if (!layout.scalar) return shape('fraction');
  const cell = scalarCell(value, layout, locale);
  if (cell === undefined) return shape('single-value');
  cells[0] = cell;
  return cells;
}

/**
 * Writes a submission batch as CSV in the layout {@link safeParseSubmissionsCsv}
 * reads: the unit columns, then the columns of every leaf of the set in tree
 * order (`CODE`, `CODE.numerator`/`CODE.denominator` or `CODE.itemId`), then
 * `appraised:` columns for the leaves that some unit has an appraised value
 * for. A bands leaf gets a numerator/denominator pair when some unit gives it
 * a fraction, a `CODE` column when some unit gives a number (both when both
 * occur). Numbers keep every digit (JSON numbers through their shortest
 * round-trip text); checklists become `true`/`false` per item; `"n/a"` is
 * written `n/a`; a missing value leaves its cells empty. `criteria` and
 * `period` are not part of the layout (pass them back to the parser's options).
 *
 * With no units it writes the header alone: an empty form to fill in.
 * Reading the output back gives the same values, as decimal strings.
 *
 * Throws a {@link DtiError} listing every value that has no place in the
 * layout (an unknown or aggregate code, an object for a scalar leaf, a
 * checklist item the leaf does not have, a unit's `evidence` or `appraisal`:
 * `csv/not-in-layout`); values of the right shape that the
 * scorer would reject (`n > d`, an unknown option id) are written as they are.
 * Also throws when `criteria` is invalid.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeParseSubmissionsCsv, submissionToCsv } from 'dti-criteria/csv';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const csv = submissionToCsv({ units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } }] }, criteria);
 * console.log(csv.split('\n')[0]?.startsWith('id,name,level,group,parent,CQS.1.1,CQS.1.2,CQS.1.3.numerator')); // true
 * const back = safeParseSubmissionsCsv(csv, criteria);
 * if (back.ok) console.log(back.value.units[0]?.values['CQS.1.3']); // {"numerator":"12","denominator":"15"}
 * ```
 */
export function submissionToCsv(submission: Submission, criteria: CriteriaSet, options: SubmissionCsvWriteOptions = {}): string {
  const compiled = compileCriteria(criteria);
  const locale = options.locale ?? 'en';
  const delimiter = options.delimiter ?? ',';
  const issues: Issue[] = [];
  const units = submission.units;

  units.forEach((unit, position) => {
    // Evidence and appraisal with reasons (format reference §12) have no columns: refused, never dropped.
    for (const field of ['appraisal', 'evidence'] as const) {
      if (unit[field] !== undefined) issues.push(makeIssue('csv/not-in-layout', ['units', position, field], { unit: unit.id, field }));
    }
    for (const target of ['values', 'appraised'] as const) {
      for (const code of Object.keys(unit[target] ?? {})) {
        const node = compiled.byCode.get(code);
        const path = formatPath(['units', position, target, code]);
        if (!node) issues.push(makeIssue('submission/unknown-leaf', path, { unit: unit.id, code }));
        else if (!node.leaf) issues.push(makeIssue('submission/not-a-leaf', path, { unit: unit.id, code }));
      }
    }
  });

  const layouts = [...planLayouts(compiled.leaves, units, 'values'), ...planLayouts(compiled.leaves, units, 'appraised')];
  const header = [...UNIT_COLUMNS, ...layouts.flatMap(layoutColumns)];
  const rows = units.map((unit, position) => [
    unit.id,
    unit.name ?? '',
    unit.level,
    unit.group ?? '',
    unit.parent ?? '',
    ...layouts.flatMap((layout) => {
      const record = layout.target === 'values' ? unit.values : unit.appraised;
      const value = record && hasOwn(record, layout.node.code) ? record[layout.node.code] : undefined;
      return leafCells(layout, value, locale, ['units', position, layout.target, layout.node.code], issues, unit.id);
    }),
  ]);
  if (issues.length > 0) throw new DtiError(issues);

  const quote = (cell: string): string => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const eol = options.lineEnding ?? '\n';
  const body = [header, ...rows].map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
  return options.bom ? `\uFEFF${body}` : body;
}
