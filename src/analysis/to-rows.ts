import type { CompiledCriteria } from '../compile/compiled.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { CriteriaSet } from '../compile/types.js';
import { DtiError, makeIssue, type Issue, type Result } from '../errors.js';
import { pick } from '../format/localized.js';
import type { NodeResult, ScoreReport, UnitResult } from '../scoring/result-types.js';
import { cellAs, inferredType, inputColumnType, inputParts, type InputParts } from './input-cells.js';
import { resultsOrder, treeOrder } from './node-order.js';
import { withNumbers } from './number-cells.js';
import { setOfReport } from './stamp.js';
import { TABLE_VALUES, type Cell, type Column, type ColumnType, type Table, type TableShape, type TableValue } from './table.js';

/** Options of {@link toRows} and {@link safeToRows}. */
export interface RowsOptions {
  /** `wide` (default): one row per unit, a column per node and figure. `long`: one row per unit and node. */
  readonly shape?: TableShape;
  /**
   * The figures per node, in this order (see {@link TableValue}); default
   * `["input", "points", "status"]` when the results keep raw inputs, else
   * `["points", "status"]`.
   */
  readonly values?: readonly TableValue[];
  /** The nodes listed: every node (default), the leaves only, or the aggregates only. */
  readonly nodes?: 'all' | 'leaves' | 'aggregates';
  /**
   * The criteria set that scored the report (its stamp must match): then the
   * table has the rating's name (`ratingName`) and, in the long shape, each
   * node's name (`nodeName`), lists the nodes in the set's tree order, and
   * types the input columns by what each leaf takes. Without it, the order
   * is one every unit's results agree with (the tree's, for a set that
   * numbers siblings in order) and an input column's type is read from its cells.
   */
  readonly criteria?: CriteriaSet;
  /** The language of names (`vi` default, `en`). */
  readonly lang?: 'vi' | 'en';
  /**
   * How decimals are given: `decimal` (default), exact text (`"812.50"`);
   * `number`, JavaScript numbers, only where the number is the decimal (its
   * shortest text reads back as the same value): any other decimal is an
   * `analysis/inexact-number` issue, never silently rounded.
   */
  readonly numbers?: 'decimal' | 'number';
}

type Target = 'self' | 'appraised';

/** The input columns of one leaf and target, and its cells per unit. */
interface InputLayout {
  readonly code: string;
  readonly target: Target;
  /** The scalar column's type; `undefined` when the leaf has no scalar column. */
  readonly scalar: ColumnType | undefined;
  readonly fraction: boolean;
  readonly cells: readonly InputParts[];
}

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const NODE_SELECTIONS = ['all', 'leaves', 'aggregates'] as const;
const INPUT_NAMES: Readonly<Record<Target, string>> = { self: 'input', appraised: 'appraisedInput' };

/** The problems with the options themselves: unknown shape, values or node selection. */
function optionIssues(options: RowsOptions): Issue[] {
  const issues: Issue[] = [];
  if (options.shape !== undefined && options.shape !== 'wide' && options.shape !== 'long') issues.push(makeIssue('schema/enum', ['shape'], { allowed: ['wide', 'long'] }));
  if (options.nodes !== undefined && !(NODE_SELECTIONS as readonly string[]).includes(options.nodes)) issues.push(makeIssue('schema/enum', ['nodes'], { allowed: [...NODE_SELECTIONS] }));
  (options.values ?? []).forEach((value, i) => {
    if (!TABLE_VALUES.includes(value)) issues.push(makeIssue('schema/enum', ['values', i], { allowed: [...TABLE_VALUES] }));
  });
  return issues;
}

/** The input columns of a leaf for one target, from what the leaf takes (with its set) or from the cells. */
function inputLayout(code: string, target: Target, results: readonly UnitResult[], compiled: CompiledCriteria | undefined): InputLayout | undefined {
  const given = results.map((result) => result.nodes[code]?.given);
  if (target === 'appraised' && !given.some((entry) => entry !== undefined && has(entry, 'appraised'))) return undefined;
  const cells = given.map((entry) => inputParts(entry?.[target]));
  const fractionGiven = cells.some((parts) => has(parts, 'numerator'));
  const scalarGiven = cells.some((parts) => has(parts, 'value'));
  const leaf = compiled?.byCode.get(code)?.leaf;
  if (leaf !== undefined) {
    const shape = inputOfLeaf(leaf, undefined);
    if (shape.type === 'fraction') return { code, target, scalar: undefined, fraction: true, cells };
    const fraction = shape.type === 'number' && shape.orFraction && fractionGiven;
    return { code, target, scalar: inputColumnType(shape), fraction, cells };
  }
  const scalar = scalarGiven || !fractionGiven ? inferredType(cells.map((parts) => parts.value ?? null)) : undefined;
  return { code, target, scalar, fraction: fractionGiven, cells };
}

/** What a table is made of, worked out once for both shapes. */
interface Plan {
  readonly report: ScoreReport;
  readonly compiled: CompiledCriteria | undefined;
  readonly codes: readonly string[];
  readonly isLeaf: (code: string) => boolean;
  readonly values: readonly TableValue[];
  readonly inputs: ReadonlyMap<string, readonly InputLayout[]>;
  /** Codes with `selfPoints` in some unit's result. */
  readonly withSelf: ReadonlySet<string>;
  readonly lang: 'vi' | 'en';
}

const UNIT_COLUMNS: readonly Column[] = [
  { name: 'unit', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'level', type: 'text' },
  { name: 'group', type: 'text' },
  { name: 'parent', type: 'text' },
];

/** A new row holding the unit's cells (built as a literal, then filled: spreading rows is many times slower in V8). */
function unitCells(result: UnitResult): Record<string, Cell> {
  return { unit: result.unit, name: result.name, level: result.level, group: result.group, parent: result.parent };
}

/** A figure of a node's result as a cell: empty where the node does not count. */
function figure(node: NodeResult | undefined, value: Exclude<TableValue, 'input'>): Cell {
  if (node === undefined) return null;
  switch (value) {
    case 'status':
      return node.status;
    case 'index':
      return node.index ?? null;
    default:
      return node[value] ?? null;
  }
}

function figureType(value: Exclude<TableValue, 'input'>): ColumnType {
  return value === 'status' ? 'text' : 'decimal';
}

/** The input columns of a layout: names (after `prefix`) and types. */
function inputColumns(layout: InputLayout): { readonly suffix: string; readonly type: ColumnType; readonly part: keyof InputParts }[] {
  const name = INPUT_NAMES[layout.target];
  return [
    ...(layout.scalar !== undefined ? [{ suffix: name, type: layout.scalar, part: 'value' as const }] : []),
    ...(layout.fraction ? [{ suffix: `${name}.numerator`, type: 'decimal' as const, part: 'numerator' as const }, { suffix: `${name}.denominator`, type: 'decimal' as const, part: 'denominator' as const }] : []),
  ];
}

function wideTable(plan: Plan): { columns: Column[]; rows: Record<string, Cell>[] } {
  const { report, compiled, codes, isLeaf, values } = plan;
  const unitSelf = values.includes('selfPoints') && report.results.some((result) => result.selfPoints !== undefined);
  const columns: Column[] = [
    ...UNIT_COLUMNS,
    { name: 'points', type: 'decimal' },
    { name: 'maxPoints', type: 'decimal' },
    { name: 'index', type: 'decimal' },
    { name: 'rating', type: 'text' },
    ...(compiled !== undefined ? [{ name: 'ratingName', type: 'text' as const }] : []),
    { name: 'rank', type: 'integer' },
    { name: 'rankInParent', type: 'integer' },
    ...(unitSelf ? [{ name: 'selfPoints', type: 'decimal' as const }, { name: 'difference', type: 'decimal' as const }] : []),
  ];
  /** Per node column: how its cell is read from a unit's result (by its position in the report). */
  const fillers: ((result: UnitResult, position: number) => Cell)[] = [];
  for (const code of codes) {
    for (const value of values) {
      if (value === 'input') {
        for (const layout of plan.inputs.get(code) ?? []) {
          for (const { suffix, type, part } of inputColumns(layout)) {
            columns.push({ name: `${code}.${suffix}`, type, code, value });
            fillers.push((_result, position) => cellAs(layout.cells[position]?.[part], type));
          }
        }
        continue;
      }
      if (value === 'index' && isLeaf(code)) continue;
      if (value === 'selfPoints' && !plan.withSelf.has(code)) continue;
      columns.push({ name: `${code}.${value}`, type: figureType(value), code, value });
      fillers.push((result) => figure(result.nodes[code], value));
    }
  }
  const ratingName = (id: string | null): Cell => {
    const rating = id === null ? undefined : compiled?.set.ratings?.find((r) => r.id === id);
    return rating === undefined ? null : pick(rating.name, plan.lang);
  };
  const nodeColumns = columns.slice(columns.length - fillers.length);
  const rows = report.results.map((result, position) => {
    const row = unitCells(result);
    row.points = result.points;
    row.maxPoints = result.maxPoints;
    row.index = result.index;
    row.rating = result.rating;
    if (compiled !== undefined) row.ratingName = ratingName(result.rating);
    row.rank = result.rank;
    row.rankInParent = result.rankInParent;
    if (unitSelf) {
      row.selfPoints = result.selfPoints ?? null;
      row.difference = result.difference ?? null;
    }
    fillers.forEach((fill, i) => {
      row[nodeColumns[i]!.name] = fill(result, position);
    });
    return row;
  });
  return { columns, rows };
}

function longTable(plan: Plan): { columns: Column[]; rows: Record<string, Cell>[] } {
  const { report, compiled, codes, isLeaf, values } = plan;
  const layouts = [...plan.inputs.values()].flat();
  /** Per value column: its cell for a node of a unit (the unit by its position in the report). */
  const valueColumns: { readonly column: Column; readonly cell: (code: string, node: NodeResult, position: number) => Cell }[] = [];
  for (const value of values) {
    if (value === 'input') {
      for (const target of ['self', 'appraised'] as const) {
        const mine = layouts.filter((layout) => layout.target === target);
        if (mine.length === 0) continue;
        const byCode = new Map(mine.map((layout) => [layout.code, layout]));
        const name = INPUT_NAMES[target];
        const part = (suffix: string, key: keyof InputParts, type: ColumnType): void => {
          valueColumns.push({ column: { name: `${name}${suffix}`, type, value }, cell: (code, _node, position) => cellAs(byCode.get(code)?.cells[position]?.[key], type) });
        };
        if (mine.some((layout) => layout.scalar !== undefined)) part('', 'value', 'text');
        if (mine.some((layout) => layout.fraction)) {
          part('.numerator', 'numerator', 'decimal');
          part('.denominator', 'denominator', 'decimal');
        }
      }
      continue;
    }
    if (value === 'selfPoints' && plan.withSelf.size === 0) continue;
    valueColumns.push({ column: { name: value, type: figureType(value), value }, cell: (_code, node) => figure(node, value) });
  }
  const columns: Column[] = [
    ...UNIT_COLUMNS,
    { name: 'code', type: 'text' },
    ...(compiled !== undefined ? [{ name: 'nodeName', type: 'text' as const }] : []),
    { name: 'kind', type: 'text' },
    ...valueColumns.map((entry) => entry.column),
  ];
  const nodeName = new Map(compiled === undefined ? [] : codes.map((code) => [code, pick(compiled.byCode.get(code)!.node.name, plan.lang)]));
  const kind = new Map(codes.map((code) => [code, isLeaf(code) ? 'leaf' : 'aggregate']));
  const rows: Record<string, Cell>[] = [];
  report.results.forEach((result, position) => {
    for (const code of codes) {
      const node = result.nodes[code];
      if (node === undefined) continue;
      const row = unitCells(result);
      row.code = code;
      if (compiled !== undefined) row.nodeName = nodeName.get(code)!;
      row.kind = kind.get(code)!;
      for (const { column, cell } of valueColumns) row[column.name] = cell(code, node, position);
      rows.push(row);
    }
  });
  return { columns, rows };
}

/**
 * A results report as a table (plain data): `wide`, one row per unit (its
 * id, name, level, group, parent, points, maximum, index, rating and ranks,
 * then a column per node and figure, named `CODE.points`, `CODE.status`,
 * `CODE.input`, …), or `long`, one row per unit and node (the unit's columns,
 * `code`, `kind`, then a column per figure). Nodes come in tree order, each
 * listed where it applies to the unit.
 *
 * Figures stay exact: a decimal cell is the published text (`"812.50"`), a
 * column says its type (`decimal`, `integer`, `boolean`, `text`) so a reader
 * converts it with an exact type, and a CSV reader sees numbers
 * ({@link toCsv}). With `numbers: 'number'` decimals become JavaScript
 * numbers only where the number is the decimal (every published point and
 * index is); any other is an `analysis/inexact-number` issue. A node that
 * does not count (not applicable, excluded when missing, info) has empty
 * cells (`null`), and its status says why; nothing is written as `"n/a"` in
 * a number column. Raw inputs (`values: ['input', …]`) need results scored
 * with `keepInputs` (`analysis/no-inputs` otherwise).
 *
 * Returns the issues instead of throwing: unknown options (`schema/enum`), a
 * `criteria` set that did not score the report (`compare/criteria-mismatch`).
 *
 * @param report - results as `scoreBatch` returns them or `parseScoreReport` reads them
 * @param options - shape, figures, nodes, the set for names, numbers
 * @returns the table, or every problem
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeToRows } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 }, 'KTS.3.2': 'n/a' } }] }, { keepInputs: true });
 * const wide = safeToRows(report, { criteria, lang: 'en' });
 * if (wide.ok) console.log(wide.value.columns.slice(0, 3).map((c) => `${c.name}:${c.type}`)); // ["unit:text","name:text","level:text"]
 * if (wide.ok) console.log([wide.value.rows[0]?.['CQS.1.3.input.numerator'], wide.value.rows[0]?.['CQS.1.3.points'], wide.value.rows[0]?.ratingName]); // ["12","16.00","Weak"]
 * const long = safeToRows(report, { shape: 'long', values: ['points', 'maxPoints', 'status'], nodes: 'leaves' });
 * if (long.ok) console.log(long.value.rows.find((row) => row.code === 'KTS.3.2')); // {"unit":"cai-khe","name":null,"level":"commune","group":null,"parent":null,"code":"KTS.3.2","kind":"leaf","points":null,"maxPoints":null,"status":"not-applicable"}
 * const numbers = safeToRows(report, { values: ['points'], numbers: 'number' });
 * if (numbers.ok) console.log(numbers.value.rows[0]?.['CQS.1.3.points']); // 16
 * ```
 * @category Tables
 */
export function safeToRows(report: ScoreReport, options: RowsOptions = {}): Result<Table> {
  const issues = optionIssues(options);
  let compiled: CompiledCriteria | undefined;
  if (options.criteria !== undefined) {
    const checked = setOfReport(report.criteria, options.criteria);
    issues.push(...checked.issues);
    compiled = checked.compiled;
  }
  const kept = report.results.some((result) => Object.values(result.nodes).some((node) => node.given !== undefined));
  const values = [...new Set(options.values ?? (kept ? ['input', 'points', 'status'] : ['points', 'status']))] as TableValue[];
  const inputAt = (options.values ?? []).indexOf('input');
  if (inputAt >= 0 && !kept) issues.push(makeIssue('analysis/no-inputs', ['values', inputAt]));
  if (issues.length > 0) return { ok: false, issues };

  const present = new Set(report.results.flatMap((result) => Object.keys(result.nodes)));
  const firstResult = (code: string): NodeResult | undefined => report.results.find((result) => has(result.nodes, code))?.nodes[code];
  const isLeaf = (code: string): boolean => (compiled !== undefined ? compiled.byCode.get(code)?.leaf !== undefined : !has(firstResult(code) ?? {}, 'index'));
  const selection = options.nodes ?? 'all';
  const codes = (compiled !== undefined ? treeOrder(compiled).filter((code) => present.has(code)) : resultsOrder(report.results))
    .filter((code) => selection === 'all' || isLeaf(code) === (selection === 'leaves'));
  const inputs = new Map<string, InputLayout[]>();
  if (values.includes('input')) {
    for (const code of codes) {
      if (!isLeaf(code)) continue;
      const layouts = (['self', 'appraised'] as const).map((target) => inputLayout(code, target, report.results, compiled)).filter((layout): layout is InputLayout => layout !== undefined);
      inputs.set(code, layouts);
    }
  }
  const withSelf = new Set(codes.filter((code) => report.results.some((result) => result.nodes[code]?.selfPoints !== undefined)));
  const plan: Plan = { report, compiled, codes, isLeaf, values, inputs, withSelf, lang: options.lang ?? 'vi' };
  const shape = options.shape ?? 'wide';
  const { columns, rows } = shape === 'wide' ? wideTable(plan) : longTable(plan);
  if (options.numbers !== 'number') return { ok: true, value: { shape, columns, rows } };
  const converted = withNumbers(columns, rows);
  return converted.rows === undefined ? { ok: false, issues: converted.issues } : { ok: true, value: { shape, columns, rows: converted.rows } };
}

/**
 * Like {@link safeToRows}, but returns the table or throws a `DtiError`
 * listing every problem.
 *
 * @param report - results as `scoreBatch` returns them or `parseScoreReport` reads them
 * @param options - shape, figures, nodes, the set for names, numbers
 * @returns the table
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { toRows } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [{ id: 'o-mon', level: 'district', values: { 'CQS.2.1': true } }] });
 * const table = toRows(report, { shape: 'long', values: ['points', 'index', 'status'], nodes: 'aggregates' });
 * console.log(table.rows.slice(0, 2).map((row) => `${row.code} ${row.points} ${row.index} ${row.status}`)); // ["CQS 15.00 0.0300 scored","CQS.1 0.00 0.0000 scored"]
 * try { toRows(report, { values: ['input'] }); } catch (e) { console.log((e as { issues: { code: string }[] }).issues[0]?.code); } // analysis/no-inputs
 * ```
 * @category Tables
 */
export function toRows(report: ScoreReport, options: RowsOptions = {}): Table {
  const table = safeToRows(report, options);
  if (!table.ok) throw new DtiError(table.issues);
  return table.value;
}
