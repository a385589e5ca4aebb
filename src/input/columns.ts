import { makeIssue, type Issue } from '../errors.js';
import type { CompiledNode } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { InputShape } from '../rules/input-shape.js';
import type { ScalarInput } from './cells.js';
import { csvHeaderPath } from './paths.js';

/**
 * The unit columns, in the order `submissionToCsv` writes them. `id` and
 * `level` are required; the others may be left out of a file.
 *
 * @example
 * ```ts
 * import { UNIT_COLUMNS } from 'dti-criteria/csv';
 * console.log(UNIT_COLUMNS.join(',')); // "id,name,level,group,parent"
 * ```
 */
export const UNIT_COLUMNS = ['id', 'name', 'level', 'group', 'parent'] as const;

/** One of {@link UNIT_COLUMNS}. */
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

/**
 * The prefix of the columns that hold the DIC's appraised values
 * (matched case-insensitively when reading).
 *
 * @example
 * ```ts
 * import { APPRAISED_PREFIX } from 'dti-criteria/csv';
 * console.log(`${APPRAISED_PREFIX}CQS.6.4`); // "appraised:CQS.6.4"
 * ```
 */
export const APPRAISED_PREFIX = 'appraised:';

/** Which of a unit's value sets a column feeds: its self-assessment or the appraisal. */
export type CsvTarget = 'values' | 'appraised';

/** Which part of a leaf's value a column holds. */
export type LeafPart =
  | { readonly kind: 'value' }
  | { readonly kind: 'numerator' }
  | { readonly kind: 'denominator' }
  | { readonly kind: 'item'; readonly item: string };

/**
 * The header text of a leaf column: `CODE` for a scalar value,
 * `CODE.numerator` / `CODE.denominator` for a fraction, `CODE.itemId` for a
 * checklist item, each prefixed `appraised:` for an appraised value.
 *
 * @example
 * ```ts
 * import { csvColumnName } from 'dti-criteria/csv';
 * console.log(csvColumnName('values', 'CQS.1.3', { kind: 'numerator' })); // "CQS.1.3.numerator"
 * console.log(csvColumnName('appraised', 'CQS.1.2', { kind: 'value' })); // "appraised:CQS.1.2"
 * console.log(csvColumnName('values', 'CQS.1.4', { kind: 'item', item: 'ngay-cds' })); // "CQS.1.4.ngay-cds"
 * ```
 */
export function csvColumnName(target: CsvTarget, code: string, part: LeafPart): string {
  const prefix = target === 'appraised' ? APPRAISED_PREFIX : '';
  const suffix = part.kind === 'value' ? '' : `.${part.kind === 'item' ? part.item : part.kind}`;
  return `${prefix}${code}${suffix}`;
}

/**
 * How a leaf's scalar cell is read, by what the leaf takes (its {@link InputShape});
 * `undefined` for the inputs without a scalar form (`fraction`, `any-of`).
 *
 * @example
 * ```ts
 * import { leafInput } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { scalarInputOf } from 'dti-criteria/csv';
 * const set = getCriteria('can-tho@2022.1.0');
 * console.log(scalarInputOf(leafInput(set, 'CQS.1.2', 'commune')!)); // "number"
 * console.log(scalarInputOf(leafInput(set, 'CQS.4.2', 'commune')!)); // "text"
 * console.log(scalarInputOf(leafInput(set, 'CQS.1.3', 'commune')!)); // undefined
 * ```
 */
export function scalarInputOf(input: InputShape): ScalarInput | undefined {
  switch (input.type) {
    case 'yes-no':
      return 'boolean';
    case 'one-of':
    case 'note':
      return 'text';
    case 'number':
    case 'points':
      return 'number';
    case 'fraction':
    case 'any-of':
      return undefined;
  }
}

/**
 * Whether a leaf's value may be a `{ numerator, denominator }` pair.
 *
 * @internal
 */
export function takesFraction(input: InputShape): boolean {
  return input.type === 'fraction' || (input.type === 'number' && input.orFraction);
}

/**
 * The item ids of an `any-of` input, in the criteria's order (empty for the others).
 *
 * @internal
 */
export function itemIds(input: InputShape): readonly string[] {
  return input.type === 'any-of' ? input.items.map((item) => item.id) : [];
}

/** The columns (0-based positions) that hold one leaf's value for one target. */
export interface LeafColumns {
  readonly target: CsvTarget;
  readonly code: string;
  /** What the leaf takes (its structure: the same at every level). */
  readonly input: InputShape;
  /** The `CODE` column. */
  readonly value?: number;
  /** The `CODE.numerator` column. */
  readonly numerator?: number;
  /** The `CODE.denominator` column. */
  readonly denominator?: number;
  /** Checklist leaves: item id → column, in the criteria's item order. */
  readonly items?: ReadonlyMap<string, number>;
}

/** What a CSV header means: where the unit fields are and which columns make each leaf's value. */
export interface CsvColumnMap {
  /** The header texts, trimmed. */
  readonly names: readonly string[];
  /** Position of each unit column present. */
  readonly unit: Readonly<Partial<Record<UnitColumn, number>>>;
  /** One entry per leaf and target with at least one column, in order of first column. */
  readonly leaves: readonly LeafColumns[];
}

interface LeafBuilder {
  target: CsvTarget;
  code: string;
  input: InputShape;
  node: CompiledNode;
  value?: number;
  numerator?: number;
  denominator?: number;
  items?: Map<string, number>;
}

type Resolved =
  | { readonly ok: true; readonly node: CompiledNode; readonly part: LeafPart }
  | { readonly ok: false; readonly issue: 'unknown' | { readonly columns: readonly string[] } };

/** The columns a leaf that takes several of them is given in. */
function columnsOf(node: CompiledNode, input: InputShape, target: CsvTarget): string[] {
  if (input.type === 'any-of') return itemIds(input).map((item) => csvColumnName(target, node.code, { kind: 'item', item }));
  return [csvColumnName(target, node.code, { kind: 'numerator' }), csvColumnName(target, node.code, { kind: 'denominator' })];
}

function resolveLeafColumn(byCode: ReadonlyMap<string, CompiledNode>, name: string, target: CsvTarget): Resolved {
  const whole = byCode.get(name);
  if (whole) {
    if (!whole.leaf) return { ok: false, issue: 'unknown' };
    const input = inputOfLeaf(whole.leaf, undefined);
    if (scalarInputOf(input) === undefined) return { ok: false, issue: { columns: columnsOf(whole, input, target) } };
    return { ok: true, node: whole, part: { kind: 'value' } };
  }
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { ok: false, issue: 'unknown' };
  const node = byCode.get(name.slice(0, dot));
  const suffix = name.slice(dot + 1);
  if (!node?.leaf) return { ok: false, issue: 'unknown' };
  const input = inputOfLeaf(node.leaf, undefined);
  if (input.type === 'any-of') {
    return itemIds(input).includes(suffix) ? { ok: true, node, part: { kind: 'item', item: suffix } } : { ok: false, issue: 'unknown' };
  }
  const lower = suffix.toLowerCase();
  if (takesFraction(input) && (lower === 'numerator' || lower === 'denominator')) return { ok: true, node, part: { kind: lower } };
  return { ok: false, issue: 'unknown' };
}

function partKey(part: LeafPart): string {
  return part.kind === 'item' ? `item:${part.item}` : part.kind;
}

/**
 * Reads a CSV header against a criteria set. Unit columns (`id`, `name`,
 * `level`, `group`, `parent`) and the words `appraised:`, `numerator` and
 * `denominator` are matched case-insensitively; leaf codes and item ids
 * exactly. Reports, with the header cell's path:
 *
 * - `schema/unknown-key`: a code that is not in the set, an aggregate's code,
 *   a suffix the leaf does not take (`CQS.1.2.numerator` on a count leaf, an
 *   unknown checklist item), a non-empty column with an empty header;
 * - `schema/format`: a ratio or checklist leaf given as one `CODE` column;
 * - `csv/duplicate-column`: the same column twice;
 * - `schema/required`: no `id` or `level` column, a `CODE.numerator` without
 *   its `CODE.denominator` (or the reverse), a checklist with columns for only
 *   some of its items (a missing item would silently count as not done).
 *
 * Columns whose header and cells are all empty (a spreadsheet's trailing
 * commas) are ignored. `isBlankColumn(i)` tells whether every data cell of
 * column `i` is empty.
 * Throws a `DtiError` when `criteria` itself is invalid.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { mapCsvHeader } from 'dti-criteria/csv';
 * const { map, issues } = mapCsvHeader(['id', 'level', 'CQS.1.3.numerator', 'CQS.1.3.denominator', 'CQS.9.9'], getCriteria('can-tho@2022.1.0'));
 * console.log(map.leaves[0]?.code); // "CQS.1.3"
 * console.log(issues[0]?.path); // header["CQS.9.9"]
 * ```
 */
export function mapCsvHeader(
  header: readonly string[],
  criteria: CriteriaSet,
  isBlankColumn: (position: number) => boolean = () => false,
): { map: CsvColumnMap; issues: Issue[] } {
  const compiled = compileCriteria(criteria);
  const issues: Issue[] = [];
  const names = header.map((name) => name.trim());
  const unit: Partial<Record<UnitColumn, number>> = {};
  const builders = new Map<string, LeafBuilder>();
  const seen = new Map<string, number>();

  names.forEach((name, position) => {
    if (name === '') {
      if (!isBlankColumn(position)) issues.push(makeIssue('schema/unknown-key', csvHeaderPath('', position + 1), { key: '' }));
      return;
    }
    const duplicateOf = (key: string): boolean => {
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, position);
        return false;
      }
      issues.push(makeIssue('csv/duplicate-column', csvHeaderPath(name), { column: name, first: first + 1 }));
      return true;
    };
    const lower = name.toLowerCase();
    if ((UNIT_COLUMNS as readonly string[]).includes(lower)) {
      if (!duplicateOf(`unit\u0000${lower}`)) unit[lower as UnitColumn] = position;
      return;
    }
    const appraised = lower.startsWith(APPRAISED_PREFIX);
    const target: CsvTarget = appraised ? 'appraised' : 'values';
    const rest = appraised ? name.slice(APPRAISED_PREFIX.length).trim() : name;
    const resolved = resolveLeafColumn(compiled.byCode, rest, target);
    if (!resolved.ok) {
      if (resolved.issue === 'unknown') issues.push(makeIssue('schema/unknown-key', csvHeaderPath(name), { key: name }));
      else issues.push(makeIssue('csv/split-column', csvHeaderPath(name), { column: name, columns: resolved.issue.columns }));
      return;
    }
    const { node, part } = resolved;
    if (duplicateOf(`${target}\u0000${node.code}\u0000${partKey(part)}`)) return;
    const key = `${target}\u0000${node.code}`;
    let builder = builders.get(key);
    if (!builder) {
      builder = { target, code: node.code, input: inputOfLeaf(node.leaf!, undefined), node };
      builders.set(key, builder);
    }
    if (part.kind === 'item') (builder.items ??= new Map()).set(part.item, position);
    else builder[part.kind] = position;
  });

  if (unit.id === undefined) issues.push(makeIssue('schema/required', csvHeaderPath('id')));
  if (unit.level === undefined) issues.push(makeIssue('schema/required', csvHeaderPath('level')));

  const leaves: LeafColumns[] = [];
  for (const builder of builders.values()) {
    const { target, code } = builder;
    const missing = (part: LeafPart): void => {
      issues.push(makeIssue('schema/required', csvHeaderPath(csvColumnName(target, code, part))));
    };
    let complete = true;
    if ((builder.numerator === undefined) !== (builder.denominator === undefined)) {
      missing(builder.numerator === undefined ? { kind: 'numerator' } : { kind: 'denominator' });
      complete = false;
    }
    let items: Map<string, number> | undefined;
    if (builder.items) {
      const all = itemIds(builder.input);
      for (const item of all.filter((id) => !builder.items!.has(id))) missing({ kind: 'item', item });
      if (all.every((id) => builder.items!.has(id))) items = new Map(all.map((id) => [id, builder.items!.get(id)!]));
      else complete = false;
    }
    if (!complete) continue;
    leaves.push({
      target,
      code,
      input: builder.input,
      ...(builder.value !== undefined ? { value: builder.value } : {}),
      ...(builder.numerator !== undefined && builder.denominator !== undefined ? { numerator: builder.numerator, denominator: builder.denominator } : {}),
      ...(items ? { items } : {}),
    });
  }
  return { map: { names, unit, leaves }, issues };
}
