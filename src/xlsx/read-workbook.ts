import { capIssues, limitsOf, type InputLimits } from '../limits.js';
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { CriteriaRegistry } from '../criteria/registry.js';
import { BOOLEAN_CELL } from '../input/cells.js';
import { itemIds, scalarInputOf, takesFraction, type LeafColumns } from '../input/columns.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { InputShape } from '../rules/input-shape.js';
import { readLeafValue } from '../input/leaf-value.js';
import { inPercentUnits, percentToFraction } from '../format/percent.js';
import { readExact } from '../exact/read-exact.js';
import { rangeText } from '../rules/shared.js';
import type { CsvLocale } from '../input/numbers.js';
import { csvCellPath } from '../input/paths.js';
import { DtiError, makeIssue, relocateIssue, type Issue, type IssueArgs, type IssueCode, type Result } from '../errors.js';
import { atomOf, type Atom, type CompiledCriteria, type CompiledNode } from '../compile/compiled.js';
import { idIssues, idKey } from '../format/identity.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { Submission, UnitSubmission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { formatPath } from '../path.js';
import { prepareUnits } from '../scoring/values.js';
import { contentText, formulaText, plainText, readCell, type CellContent } from './cells.js';
import { equalsDecimal, literalArithmetic } from './formula.js';
import { normalizedPackage } from './package-parts.js';
import { choiceEntries, choiceId, choiceLookup } from './choices.js';
import { xlsxIssue } from './issues.js';
import { readMeta, templateLayout } from './meta.js';
import { readEvidenceSheet } from './read-evidence.js';
import {
  UNIT_FIELDS,
  XLSX_LAYOUT_VERSION,
  XLSX_SHEETS,
  cellAddress,
  columnLetters,
  columnNumber,
  splitAddress,
  xlsxPath,
  type FormColumns,
  type Lang,
  valueRoles,
  type UnitField,
} from './layout.js';

/** Options of {@link safeReadWorkbook}. */
export interface ReadWorkbookOptions {
  /** The workbook's name in issue paths (`form-a.xlsx!Tự đánh giá!F12`); default `workbook.xlsx`. */
  readonly name?: string;
  /**
   * The criteria set to read against. A workbook made for another
   * `id@version` is rejected (`submission/criteria-mismatch`).
   */
  readonly criteria?: CriteriaSet;
  /**
   * Where to find the set the workbook names when `criteria` is not given
   * (for example `embeddedCriteria` of `dti-criteria/sets`, or the command
   * line's registry of criteria folders).
   */
  readonly registry?: CriteriaRegistry;
  /**
   * How numbers typed as text are read (see `CsvLocale` in `dti-criteria/csv`):
   * `vi` takes `4,5` and `1.234,5`, `en` takes `4.5`. Default: the language the
   * template was made in, else `vi`. Cells holding real numbers do not depend on it.
   */
  readonly locale?: CsvLocale;
  /** How many issues are listed (per workbook, and for a batch); default `DEFAULT_LIMITS.issues`. */
  readonly limits?: Partial<InputLimits>;
}

/** One filled-in workbook, read. */
export interface WorkbookReading {
  /** The unit's identity and values (decimal strings, option ids, lists of item ids, `"n/a"`). */
  readonly unit: UnitSubmission;
  /** The criteria set read against, `id@version`. */
  readonly criteria: string;
  /** The period from the identity sheet, when filled in. */
  readonly period?: string;
  /** The paths of the identity cells, for messages about the whole workbook. */
  readonly cells: { readonly id: string; readonly criteria: string; readonly period: string };
}

/**
 * The largest workbook read, in bytes (20 MB; a filled-in form is tens of
 * kilobytes).
 *
 * @example
 * ```ts
 * import { MAX_WORKBOOK_BYTES } from 'dti-criteria/xlsx';
 * console.log(MAX_WORKBOOK_BYTES); // 20971520
 * ```
 */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** A sheet position for ordering issues: the whole workbook, then the identity sheet, the form, the evidence. */
const ORDER = { book: 0, meta: 1, unit: 2, form: 3, evidence: 4 } as const;

interface Located {
  readonly issue: Issue;
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
}

/** A place in the workbook that issues point at. */
interface Place {
  readonly sheet: keyof typeof ORDER;
  readonly address?: string;
}

/** Everything one read needs: names, layout, the collected issues. */
interface Reader {
  readonly book: string;
  readonly sheetNames: Readonly<Record<keyof typeof ORDER, string>>;
  readonly issues: Located[];
}

function pathOf(reader: Reader, place: Place): string {
  return place.sheet === 'book' ? reader.book : xlsxPath(reader.book, reader.sheetNames[place.sheet], place.address);
}

/** The `cell` of an issue at `place` (`Sheet!F12`); none for the whole workbook. */
function cellOf(reader: Reader, place: Place): string | undefined {
  return place.sheet === 'book' ? undefined : `${reader.sheetNames[place.sheet]}${place.address ? `!${place.address}` : ''}`;
}

function push<C extends IssueCode>(reader: Reader, place: Place, code: C, ...args: IssueArgs<C>): void {
  const [params, where] = args;
  const located = [params, { file: reader.book, cell: cellOf(reader, place), ...where }] as unknown as IssueArgs<C>;
  addIssue(reader, place, xlsxIssue(code, pathOf(reader, place), ...located));
}

/**
 * An issue found in the data read from a place (the scorer's, the CSV
 * reader's), moved to that place; it names the leaf it concerns (`node`),
 * given or read from its path in the submission (`units[0].values["CQS.1.3"]`).
 */
function relocate(reader: Reader, place: Place, issue: Issue, node?: string): void {
  const [units, , record, code] = issue.segments;
  const leaf = node ?? (units === 'units' && (record === 'values' || record === 'appraised' || record === 'evidence') && typeof code === 'string' ? code : undefined);
  addIssue(reader, place, relocateIssue(issue, pathOf(reader, place), { file: reader.book, cell: cellOf(reader, place), node: issue.node ?? leaf }));
}

function addIssue(reader: Reader, place: Place, issue: Issue): void {
  const first = splitAddress(place.address?.split(':')[0] ?? '');
  reader.issues.push({ issue, sheet: ORDER[place.sheet], row: first?.row ?? 0, column: first ? columnNumber(first.column) : 0 });
}

function sorted(reader: Reader): Issue[] {
  return reader.issues
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.sheet - b.entry.sheet || a.entry.row - b.entry.row || a.entry.column - b.entry.column || a.index - b.index)
    .map(({ entry }) => entry.issue);
}

async function loadWorkbook(bytes: Uint8Array, book: string): Promise<Result<Workbook>> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    return { ok: false, issues: [xlsxIssue('input/too-large', book, { limit: MAX_WORKBOOK_BYTES, what: 'bytes' })] };
  }
  try {
    const workbook = new ExcelJS.Workbook();
    // Parts as other programs write them (openpyxl: targets from the package root, comments elsewhere).
    const normal = await normalizedPackage(bytes);
    if (normal === 'strict') return { ok: false, issues: [xlsxIssue('input/read', book, { file: book, reason: 'strict-ooxml' })] };
    await workbook.xlsx.load(normal as unknown as ArrayBuffer);
    return { ok: true, value: workbook };
  } catch (error) {
    return { ok: false, issues: [xlsxIssue('input/read', book, { file: book, reason: 'not-xlsx', detail: error instanceof Error ? error.message : String(error) })] };
  }
}

/** Merged ranges of a sheet: every covered address → its range (`F12:G12`) and whether it is the top-left cell. */
function mergesOf(sheet: Worksheet): Map<string, { range: string; master: boolean }> {
  const out = new Map<string, { range: string; master: boolean }>();
  for (const range of sheet.model.merges ?? []) {
    const [from, to] = range.split(':');
    const a = splitAddress(from ?? '');
    const b = splitAddress(to ?? from ?? '');
    if (!a || !b) continue;
    for (let row = a.row; row <= b.row; row++) {
      for (let column = columnNumber(a.column); column <= columnNumber(b.column); column++) {
        const address = cellAddress(columnLetters(column), row);
        out.set(address, { range, master: row === a.row && column === columnNumber(a.column) });
      }
    }
  }
  return out;
}

/** The value cells of a leaf row, for one target. */
interface TargetColumns {
  readonly target: 'values' | 'appraised';
  readonly value: string;
  readonly denominator: string;
}

/** What a form row is, by the key in its code cell. */
type RowKind =
  | { readonly kind: 'section'; readonly node: CompiledNode }
  | { readonly kind: 'leaf'; readonly node: CompiledNode }
  | { readonly kind: 'item'; readonly node: CompiledNode; readonly item: string };

function classify(criteria: CompiledCriteria, key: string): RowKind | undefined {
  const node = criteria.byCode.get(key);
  if (node) return node.leaf ? { kind: 'leaf', node } : { kind: 'section', node };
  const dot = key.lastIndexOf('.');
  const owner = dot > 0 ? criteria.byCode.get(key.slice(0, dot)) : undefined;
  const item = key.slice(dot + 1);
  if (owner?.leaf && itemIds(inputOfLeaf(owner.leaf, undefined)).includes(item)) return { kind: 'item', node: owner, item };
  return undefined;
}


function expectedFor(input: InputShape): string {
  switch (input.type) {
    case 'yes-no':
    case 'any-of':
      return BOOLEAN_CELL;
    case 'one-of':
      return 'list-option';
    case 'note':
      return 'value';
    case 'fraction':
    case 'number':
    case 'points':
      return 'decimal';
  }
}

interface FormState {
  readonly reader: Reader;
  readonly criteria: CompiledCriteria;
  readonly sheet: Worksheet;
  readonly merges: ReadonlyMap<string, { range: string; master: boolean }>;
  readonly columns: FormColumns;
  readonly locale: CsvLocale;
  /** The language the template was made in: its drop-down lists show the option labels in it. */
  readonly lang: Lang;
  readonly unit: string;
  /** Merged ranges already reported. */
  readonly reportedMerges: Set<string>;
  /** Formatted submission path → where it is in the workbook. */
  readonly places: Map<string, Place>;
}

/** A used value cell's content; `undefined` after reporting a merged, error or formula-without-result cell. */
function usedCell(state: FormState, address: string, input: InputShape): CellContent | undefined {
  const merge = state.merges.get(address);
  if (merge && !merge.master) {
    if (!state.reportedMerges.has(merge.range)) {
      state.reportedMerges.add(merge.range);
      push(state.reader, { sheet: 'form', address: merge.range }, 'value/shape', { unit: state.unit, expected: 'single-cell' });
    }
    return undefined;
  }
  const cell = state.sheet.getCell(address);
  const content = readCell(cell);
  const at: Place = { sheet: 'form', address };
  const expected = expectedFor(input);
  // The form asks for values: a formula is refused, unless it is arithmetic of literals whose exact value is the cached one.
  const formula = formulaText(cell);
  if (formula !== undefined) {
    const exact = literalArithmetic(formula);
    if (exact === undefined) {
      push(state.reader, at, 'xlsx/formula', { unit: state.unit, formula: `=${formula}` });
      return undefined;
    }
    if (content.kind !== 'no-result' && (content.kind !== 'number' || !equalsDecimal(exact, content.decimal))) {
      push(state.reader, at, 'xlsx/formula-result', { unit: state.unit, formula: `=${formula}`, cached: contentText(content) });
      return undefined;
    }
  }
  switch (content.kind) {
    case 'number-beyond-limits':
      push(state.reader, at, 'value/shape', { unit: state.unit, expected, reason: 'number-limits', found: content.text });
      return undefined;
    case 'error':
      push(state.reader, at, 'value/shape', { unit: state.unit, expected, reason: 'cell-error', found: String(content.error) });
      return undefined;
    case 'no-result':
      push(state.reader, at, 'value/shape', { unit: state.unit, expected, reason: 'no-result' });
      return undefined;
    case 'date':
      if (input.type === 'note') return content;
      push(state.reader, at, 'value/shape', { unit: state.unit, expected, reason: 'date', found: content.iso });
      return undefined;
    default:
      return content;
  }
}

/** A percent cell's text without the `%` (or full-width `％`) typed after the number: the cell is in percent units already. */
function withoutPercentSign(text: string): string {
  return text.replace(/\s*[%\uFF05]\s*$/u, '');
}

/** Whether a number format is a percent format (a `%` outside quotes and not escaped: the cell stores 3% as 0.03). */
function hasPercentFormat(format: string | undefined): boolean {
  return format !== undefined && /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** `true` when a value cell holds something (the covered cells of a merged range hold nothing of their own). */
function filled(state: FormState, address: string): boolean {
  const merge = state.merges.get(address);
  if (merge && !merge.master) return false;
  return readCell(state.sheet.getCell(address)).kind !== 'empty';
}

/**
 * Reads one leaf's value for one target from its cells with the CSV layer's
 * rules (missing, `n/a`, pairs, checklists, cell conversion), and records
 * where each part of the value is, for the scorer's checks.
 */
function readTarget(state: FormState, node: CompiledNode, row: number, items: ReadonlyMap<string, number>, columns: TargetColumns): { value: unknown } | undefined {
  const input = inputOfLeaf(node.leaf!, undefined);
  const base = ['units', 0, columns.target, node.code] as const;
  const cells: { address: string; content: CellContent | undefined }[] = [];
  const cell = (address: string): number => {
    cells.push({ address, content: usedCell(state, address, input) });
    return cells.length - 1;
  };
  let layout: LeafColumns;
  const valueAddress = cellAddress(columns.value, row);
  const denominatorAddress = cellAddress(columns.denominator, row);
  const itemOrder: string[] = [];
  if (input.type === 'any-of') {
    const positions = new Map<string, number>();
    for (const [item, itemRow] of items) {
      itemOrder.push(item);
      positions.set(item, cell(cellAddress(columns.value, itemRow)));
    }
    layout = { target: columns.target, code: node.code, input, items: positions };
    const rows = [...items.values()];
    state.places.set(formatPath(base), { sheet: 'form', address: `${columns.value}${Math.min(...rows)}:${columns.value}${Math.max(...rows)}` });
  } else if (input.type === 'fraction' || (takesFraction(input) && filled(state, denominatorAddress))) {
    layout = { target: columns.target, code: node.code, input, numerator: cell(valueAddress), denominator: cell(denominatorAddress) };
    state.places.set(formatPath(base), { sheet: 'form', address: `${valueAddress}:${denominatorAddress}` });
    state.places.set(formatPath([...base, 'numerator']), { sheet: 'form', address: valueAddress });
    state.places.set(formatPath([...base, 'denominator']), { sheet: 'form', address: denominatorAddress });
  } else {
    layout = { target: columns.target, code: node.code, input, value: cell(valueAddress) };
    state.places.set(formatPath(base), { sheet: 'form', address: valueAddress });
  }
  if (cells.some((entry) => entry.content === undefined)) return undefined;

  const cellInput = input.type === 'any-of' ? 'boolean' : (scalarInputOf(input) ?? 'number');
  // A `%` leaf's own cell is in percent units: `1,7%` typed there (a text cell keeps the sign) is 1,7.
  const percentCell = input.type === 'number' && input.percent;
  const names = cells.map((_, index) => String(index));
  const local: Issue[] = [];
  const reading = readLeafValue(
    {
      row: 0,
      unit: state.unit,
      cells: cells.map((entry, index) => (percentCell && index === layout.value ? withoutPercentSign(contentText(entry.content!)) : contentText(entry.content!))),
      stored: cells.map((entry) => entry.content!.kind === 'number' && cellInput === 'number'),
      percentUnits: true,
      names,
      locale: state.locale,
      issues: local,
    },
    layout,
  );
  const byPath = new Map(names.map((name, index) => [csvCellPath(0, name), cells[index]!.address]));
  for (const issue of local) {
    const address = byPath.get(issue.path);
    relocate(state.reader, { sheet: 'form', ...(address ? { address } : {}) }, issue, node.code);
  }
  if (reading.state !== 'value') return undefined;
  let value = reading.value;
  // A `%` leaf's own cell holds percent units (3 for 3%): data holds the fraction (a pair n/d is one already).
  if (input.type === 'number' && input.percent && layout.value !== undefined && typeof value === 'string' && value !== 'n/a') {
    if (hasPercentFormat(state.sheet.getCell(valueAddress).numFmt)) {
      push(state.reader, { sheet: 'form', address: valueAddress }, 'xlsx/percent-format', { unit: state.unit }, { node: node.code });
      return undefined;
    }
    const fraction = percentToFraction(value);
    const x = fraction === undefined ? undefined : readExact(fraction);
    if (x !== undefined && ((input.min !== undefined && x.lt(input.min)) || (input.max !== undefined && x.gt(input.max)))) {
      // Said in the units the person typed: "[0, 100] %", not the data's fractions.
      const range = `${rangeText(inPercentUnits(input.min), inPercentUnits(input.max))} %`;
      push(state.reader, { sheet: 'form', address: valueAddress }, 'value/out-of-range', { unit: state.unit, range }, { node: node.code });
      return undefined;
    }
    value = fraction ?? value;
  }
  if (input.type === 'one-of' && typeof value === 'string' && value !== 'n/a') {
    const id = choiceId(choiceLookup(input.options), value);
    if (id === undefined) {
      // Said with the entries of the cell's own drop-down list (the labels the officer picked from).
      push(state.reader, { sheet: 'form', address: valueAddress }, 'value/unknown-option', { unit: state.unit, option: value, allowed: choiceEntries(input.options, state.lang) }, { node: node.code });
      return undefined;
    }
    value = id;
  }
  if (input.type === 'any-of' && Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemRow = items.get(String(item));
      if (itemRow !== undefined) state.places.set(formatPath([...base, index]), { sheet: 'form', address: cellAddress(columns.value, itemRow) });
    });
  }
  return { value };
}

/**
 * The text of an identity cell, or `undefined` after reporting an Excel error or a formula without
 * a result. An id (the unit's, its parent's) follows the identity rules of [format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản), read from the
 * cell as typed: trimmed and in NFC, its problems reported at the cell.
 */
function identityText(reader: Reader, sheet: Worksheet, address: string, id = false): string | undefined {
  const content = readCell(sheet.getCell(address));
  if (content.kind === 'error' || content.kind === 'no-result') {
    const detail = content.kind === 'error' ? `the cell holds the error ${content.error} / ô đang báo lỗi` : 'the formula has no saved result / công thức chưa có kết quả';
    push(reader, { sheet: 'unit', address }, 'schema/invalid', { detail });
    return undefined;
  }
  if (!id) return plainText(content);
  // The cell as typed (a cell of spaces reads as empty content, but was typed).
  const typed = sheet.getCell(address).value;
  const raw = typeof typed === 'string' ? typed : contentText(content);
  // An empty cell gives no id; a cell of spaces only is an id typed empty (`id/empty`), as in JSON and CSV.
  if (raw === '') return '';
  for (const issue of idIssues(raw, '$')) relocate(reader, { sheet: 'unit', address }, issue);
  return idKey(raw);
}

function resolveCriteria(reader: Reader, named: string, at: Place, options: ReadWorkbookOptions): CriteriaSet | undefined {
  const given = options.criteria;
  if (given) {
    const ref = `${given.id}@${given.version}`;
    if (named !== '' && named !== ref) {
      push(reader, at, 'submission/criteria-mismatch', { given: named, used: ref });
      return undefined;
    }
    return given;
  }
  if (named === '') {
    push(reader, at, 'schema/required');
    return undefined;
  }
  const resolved = options.registry ? options.registry.safeResolve(named) : { ok: false as const, issues: [makeIssue('criteria/not-found', '$', { ref: named, known: [] })] };
  if (resolved.ok) return resolved.value;
  for (const issue of resolved.issues) relocate(reader, at, issue);
  return undefined;
}

function atomFor(criteria: CompiledCriteria, level: string, group: string | undefined): Atom | undefined {
  const groups = criteria.levels.get(level);
  if (!groups) return undefined;
  if (groups.size === 0) return group === undefined ? level : undefined;
  return group !== undefined && groups.has(group) ? atomOf(level, group) : undefined;
}

function readLoaded(workbook: Workbook, book: string, options: ReadWorkbookOptions): Result<WorkbookReading> {
  const meta = readMeta(workbook);
  const metaValue = (key: string): string | undefined => meta.get(key)?.value || undefined;
  // Where things are: as recorded in _meta, else layout 1. A value edited into something that is no
  // place on a sheet (a column past XFD, row 0) is xlsx/bad-meta at its cell, never a crash.
  const { layout: recorded, bad } = templateLayout(meta);
  const sheetNames = { book, meta: XLSX_SHEETS.meta, ...recorded.sheetNames, evidence: recorded.evidence?.sheet ?? XLSX_SHEETS.evidence };
  const reader: Reader = { book, sheetNames, issues: [] };
  const fail = (): Result<WorkbookReading> => ({ ok: false, issues: capIssues(sorted(reader), limitsOf(options.limits).issues) });

  const layout = meta.get('layout');
  if (layout && Number(layout.value) > XLSX_LAYOUT_VERSION) {
    push(reader, { sheet: 'meta', address: layout.address }, 'schema/enum', { allowed: [String(XLSX_LAYOUT_VERSION)] });
    return fail();
  }
  const unitSheet = workbook.getWorksheet(sheetNames.unit);
  const form = workbook.getWorksheet(sheetNames.form);
  if (!unitSheet) push(reader, { sheet: 'book' }, 'xlsx/missing-sheet', { sheet: sheetNames.unit });
  if (!form) push(reader, { sheet: 'book' }, 'xlsx/missing-sheet', { sheet: sheetNames.form });
  // A template made with the evidence sheet must still have it (a template made before it has none).
  const evidenceSheet = recorded.evidence === undefined ? undefined : workbook.getWorksheet(recorded.evidence.sheet);
  if (recorded.evidence !== undefined && !evidenceSheet) push(reader, { sheet: 'book' }, 'xlsx/missing-sheet', { sheet: recorded.evidence.sheet });
  if (!unitSheet || !form || (recorded.evidence !== undefined && !evidenceSheet)) return fail();
  for (const entry of bad) push(reader, { sheet: 'meta', address: entry.address }, 'xlsx/bad-meta', { key: entry.key, value: entry.value });
  if (bad.length > 0) return fail();
  const { unitCells, columns, headerRow } = recorded;
  const unitPlace = (field: UnitField): Place => ({ sheet: 'unit', address: unitCells[field] });

  // The criteria the workbook was made for.
  const criteriaCell = identityText(reader, unitSheet, unitCells.criteria) ?? '';
  const named = metaValue('criteria') ?? criteriaCell;
  const set = resolveCriteria(reader, named, unitPlace('criteria'), options);
  if (!set) return fail();
  let criteria: CompiledCriteria;
  try {
    criteria = compileCriteria(set);
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    throw error;
  }
  const locale: CsvLocale = options.locale ?? recorded.lang;

  // The unit's identity.
  const identity = {} as Record<UnitField, string | undefined>;
  for (const field of UNIT_FIELDS) identity[field] = identityText(reader, unitSheet, unitCells[field], field === 'id' || field === 'parent');
  // Required unless typed (an id of spaces only is already id/empty at its cell).
  const typedBlank = (field: 'id' | 'name' | 'level'): boolean => field === 'id' && typeof unitSheet.getCell(unitCells.id).value === 'string' && unitSheet.getCell(unitCells.id).value !== '';
  for (const field of ['id', 'name', 'level'] as const) if (identity[field] === '' && !typedBlank(field)) push(reader, unitPlace(field), 'schema/required');
  const unitId = identity.id || book;
  const level = identity.level ?? '';
  const group = identity.group || undefined;

  // The form's rows, by the key in their code cell.
  const state: FormState = {
    reader, criteria, sheet: form, merges: mergesOf(form), columns, locale, lang: recorded.lang, unit: unitId, reportedMerges: new Set(), places: new Map(),
  };
  const valueColumns = [columns.value, columns.denominator, columns.appraisedValue, columns.appraisedDenominator];
  const rows = new Map<string, { row: number; kind: RowKind }>();
  for (let row = headerRow + 1; row <= form.rowCount; row++) {
    const codeAddress = cellAddress(columns.code, row);
    const merge = state.merges.get(codeAddress);
    const key = merge && !merge.master ? '' : plainText(readCell(form.getCell(codeAddress)));
    const filledCells = valueColumns.map((column) => cellAddress(column, row)).filter((address) => filled(state, address));
    if (key === '') {
      if (filledCells.length > 0) push(reader, { sheet: 'form', address: codeAddress }, 'schema/required');
      continue;
    }
    const first = rows.get(key);
    if (first) {
      push(reader, { sheet: 'form', address: codeAddress }, 'xlsx/duplicate-row', { code: key, first: pathOf(reader, { sheet: 'form', address: cellAddress(columns.code, first.row) }) });
      continue;
    }
    const kind = classify(criteria, key);
    if (!kind) {
      push(reader, { sheet: 'form', address: codeAddress }, 'submission/unknown-leaf', { unit: unitId, code: key });
      continue;
    }
    rows.set(key, { row, kind });
    const used =
      kind.kind === 'section' ? [] : kind.kind === 'item' ? [columns.value, columns.appraisedValue]
        : valueRoles(inputOfLeaf(kind.node.leaf!, undefined)).flatMap((role) => (role === 'value' ? [columns.value, columns.appraisedValue] : [columns.denominator, columns.appraisedDenominator]));
    for (const address of filledCells) {
      if (used.some((column) => address === cellAddress(column, row))) continue;
      if (kind.kind === 'section') push(reader, { sheet: 'form', address }, 'submission/not-a-leaf', { unit: unitId, code: key });
      else push(reader, { sheet: 'form', address }, 'value/shape', { unit: unitId, expected: 'blank' });
    }
  }

  // Every leaf that applies to the unit has its rows; each leaf with rows is read.
  const atom = atomFor(criteria, level, group);
  const values: Record<string, unknown> = {};
  const appraised: Record<string, unknown> = {};
  for (const node of criteria.leaves) {
    const leafRow = rows.get(node.code)?.row;
    const items = new Map<string, number>();
    const missing: string[] = leafRow === undefined ? [node.code] : [];
    const input = inputOfLeaf(node.leaf!, undefined);
    if (input.type === 'any-of') {
      for (const item of input.items) {
        const itemRow = rows.get(`${node.code}.${item.id}`)?.row;
        if (itemRow === undefined) missing.push(`${node.code}.${item.id}`);
        else items.set(item.id, itemRow);
      }
    }
    const applies = atom !== undefined && node.scope.has(atom);
    if (missing.length > 0) {
      if (applies) for (const code of leafRow === undefined ? [node.code] : missing) push(reader, { sheet: 'form' }, 'xlsx/missing-row', { code });
      continue;
    }
    for (const target of [
      { target: 'values', value: columns.value, denominator: columns.denominator },
      { target: 'appraised', value: columns.appraisedValue, denominator: columns.appraisedDenominator },
    ] as const) {
      const read = readTarget(state, node, leafRow!, items, target);
      if (read) (target.target === 'values' ? values : appraised)[node.code] = read.value;
    }
  }

  // The documents behind the values, from the evidence sheet.
  const evidence = evidenceSheet === undefined || recorded.evidence === undefined
    ? undefined
    : readEvidenceSheet(
      evidenceSheet,
      recorded.evidence,
      criteria,
      unitId,
      (address, code, ...args) => push(reader, { sheet: 'evidence', address }, code, ...args),
      (address) => pathOf(reader, { sheet: 'evidence', address }),
    );
  const hasEvidence = evidence !== undefined && Object.keys(evidence.evidence).length > 0;

  const unit: UnitSubmission = {
    id: identity.id ?? '',
    ...(identity.name ? { name: identity.name } : {}),
    level,
    ...(group !== undefined ? { group } : {}),
    ...(identity.parent ? { parent: identity.parent } : {}),
    values,
    ...(Object.keys(appraised).length > 0 ? { appraised } : {}),
    ...(hasEvidence ? { evidence: evidence.evidence } : {}),
  };

  // The scorer's own checks (level, group, applicability, option ids, n <= d, n/a), at the cells.
  if (level !== '') {
    const places = state.places;
    for (const field of ['id', 'level', 'group'] as const) places.set(formatPath(['units', 0, field]), unitPlace(field));
    places.set(formatPath(['units', 0, 'values']), { sheet: 'form' });
    places.set(formatPath(['units', 0, 'appraised']), { sheet: 'form' });
    places.set(formatPath(['units', 0, 'evidence']), { sheet: 'evidence' });
    for (const [path, address] of evidence?.places ?? []) places.set(path, { sheet: 'evidence', address });
    const { issuesByUnit } = prepareUnits(criteria, [unit], { ...(identity.period ? { period: identity.period } : {}) });
    for (const issue of issuesByUnit[0] ?? []) {
      const place = places.get(issue.path) ?? { sheet: issue.segments[2] === 'evidence' ? 'evidence' : 'form' };
      relocate(reader, place, issue);
    }
  }
  if (reader.issues.length > 0) return fail();
  return {
    ok: true,
    value: {
      unit,
      criteria: `${set.id}@${set.version}`,
      ...(identity.period ? { period: identity.period } : {}),
      cells: { id: pathOf(reader, unitPlace('id')), criteria: pathOf(reader, unitPlace('criteria')), period: pathOf(reader, unitPlace('period')) },
    },
  };
}

/**
 * Reads one filled-in workbook made by `buildTemplate`: the unit's identity
 * from the sheet **Đơn vị** and its values from **Tự đánh giá**, found by the
 * code in column A (so inserted, moved or sorted rows do no harm). Never
 * rejects for bad input: every problem is returned at once, each with the
 * cell it concerns (`form-a.xlsx!Tự đánh giá!F12`; a pair of cells as
 * `F12:G12`) and a coded issue.
 *
 * How cells are read:
 *
 * - an empty cell is missing; `n/a` (any case) is not applicable; a ratio's
 *   pair, a bands fraction (a denominator filled in) and a checklist's item
 *   rows follow the CSV layer's rules (both cells empty: missing; a number in
 *   one cell and nothing in the other: an error; items: all empty is missing,
 *   an empty item is "no");
 * - a number is read through its shortest round-trip text: Excel stores
 *   binary doubles, so a cell showing 0.1 holds the double nearest 0.1 and is
 *   read as `"0.1"` (never as 0.1000000000000000055...); values become
 *   decimal strings, never JS numbers;
 * - a number typed as text (`'4,5`, or a cell formatted as text) is read in
 *   `options.locale`; yes/no cells take `có`/`không`, `true`/`false`
 *   (also Excel's TRUE/FALSE), `yes`/`no`, `1`/`0`, `x`; a choice cell its
 *   option's label (Vietnamese or English) or id;
 * - a formula gives its cached result (the value Excel saved); a formula
 *   without one (a workbook written by a program, never opened in Excel) is
 *   an error, as is a cell holding an Excel error (`#DIV/0!`);
 * - a date where a number is expected is an error (an `info` leaf takes it as
 *   `YYYY-MM-DD`), in whatever form the program stored it: a serial number in
 *   any date format (Excel's, a Vietnamese `[$-42A]dd/mm/yyyy`, the East Asian
 *   built-in ones), or an ISO date cell;
 * - the workbook may have been saved by another program than Excel
 *   (LibreOffice Calc, Google Sheets, openpyxl, a writer built on the Open
 *   XML SDK): shared or inline strings, rich text, other part names, targets
 *   from the package root and namespace prefixes are read alike; the hidden
 *   `_meta` sheet is read whether it is very hidden or merely hidden, and
 *   nothing depends on frozen panes, protection or drop-down lists;
 * - a value cell covered by a merged range is an error naming the range
 *   (one value per cell); merges elsewhere (titles, evidence) are ignored;
 * - a row whose code is not in the set, a code given twice, values in a row
 *   without a code or in a cell the leaf does not use, and a missing row of a
 *   leaf that applies to the unit are errors naming the cell;
 * - the identity sheet must give the unit's id, name and level (group where
 *   the level has groups); then the scorer's own checks run (option ids,
 *   `n <= d`, counts, `n/a` where not allowed, applicability) and are
 *   reported at the cells.
 *
 * The appraising body's columns (I and J; J and K in templates made before
 * the evidence sheet: `_meta` says which) become the unit's `appraised`
 * values. The evidence sheet (**Minh chứng**) becomes the unit's
 * `evidence` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): one document per line of the cells of a leaf's row,
 * the same line in every cell (cells with different numbers of lines are
 * `xlsx/evidence-lines`); a number or an issuer make a `document`, a SHA-256
 * in the link cell alone a `file`, an address alone a `link`; a date is a
 * date cell or typed `dd/mm/yyyy` (day first) or `YYYY-MM-DD`. The entries
 * are checked as in JSON (`value/date`, `evidence/url` at their cells;
 * incomplete or late documents are flags of the results). Notes are not read.
 *
 * @example
 * ```ts
 * import ExcelJS from 'exceljs';
 * import { embeddedCriteria, getCriteria } from 'dti-criteria/sets';
 * import { buildTemplate, safeReadWorkbook } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const workbook = new ExcelJS.Workbook();
 * await workbook.xlsx.load(await buildTemplate(criteria, { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' } }) as never);
 * const form = workbook.getWorksheet('Tự đánh giá')!;
 * form.eachRow((row) => {
 *   if (row.getCell(1).value === 'CQS.1.3') { row.getCell(6).value = 12; row.getCell(7).value = '15'; }
 *   if (row.getCell(1).value === 'CQS.2.1') row.getCell(6).value = 'có';
 *   if (row.getCell(1).value === 'CQS.4.1') { row.getCell(6).value = 20; row.getCell(7).value = 15; }
 *   if (row.getCell(1).value === 'CQS.4.2') row.getCell(6).value = 'abc';
 * });
 * const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
 * const result = await safeReadWorkbook(bytes, { name: 'an-binh.xlsx', registry: embeddedCriteria });
 * if (!result.ok) console.log(result.issues.map((issue) => `${issue.path} [${issue.code}]`)); // ["an-binh.xlsx!Tự đánh giá!F32:G32 [value/numerator-exceeds-denominator]","an-binh.xlsx!Tự đánh giá!F33 [value/unknown-option]"]
 * workbook.getWorksheet('Tự đánh giá')!.getCell('F32').value = 12;
 * workbook.getWorksheet('Tự đánh giá')!.getCell('F33').value = 'Có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số';
 * const fixed = await safeReadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), { name: 'an-binh.xlsx', registry: embeddedCriteria });
 * if (fixed.ok) console.log(fixed.value.unit.values); // {"CQS.1.3":{"numerator":"12","denominator":"15"},"CQS.2.1":true,"CQS.4.1":{"numerator":"12","denominator":"15"},"CQS.4.2":"chuyen-trach"}
 * ```
 */
export async function safeReadWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): Promise<Result<WorkbookReading>> {
  const book = options.name ?? 'workbook.xlsx';
  const loaded = await loadWorkbook(bytes, book);
  if (!loaded.ok) return loaded;
  return readLoaded(loaded.value, book, options);
}

/**
 * Reads several filled-in workbooks (one unit each) into one submission
 * batch, reporting every problem of every workbook together (see
 * {@link safeReadWorkbook}), plus a unit id used by two workbooks
 * (`submission/duplicate-unit`), workbooks made for different criteria sets
 * (`submission/criteria-mismatch`) and different periods
 * (`xlsx/period-mismatch`). Units keep the order of `files`.
 *
 * @example
 * ```ts
 * import { safeScoreBatch } from 'dti-criteria';
 * import { embeddedCriteria, getCriteria } from 'dti-criteria/sets';
 * import { buildTemplate, safeReadWorkbooks } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const form = (id: string, name: string) => buildTemplate(criteria, { level: 'commune', unit: { id, name }, period: '2022' });
 * const batch = await safeReadWorkbooks([
 *   { name: 'an-binh.xlsx', bytes: await form('an-binh', 'Phường An Bình') },
 *   { name: 'an-cu.xlsx', bytes: await form('an-cu', 'Phường An Cư') },
 * ], { registry: embeddedCriteria });
 * if (batch.ok) console.log(batch.value.units.map((unit) => unit.id)); // ["an-binh","an-cu"]
 * if (batch.ok) console.log(safeScoreBatch(criteria, batch.value).ok); // true
 * const twice = await safeReadWorkbooks([
 *   { name: 'a.xlsx', bytes: await form('an-binh', 'Phường An Bình') },
 *   { name: 'b.xlsx', bytes: await form('an-binh', 'Phường An Bình') },
 * ], { registry: embeddedCriteria });
 * if (!twice.ok) console.log(twice.issues[0]?.path); // b.xlsx!Đơn vị!B4
 * ```
 */
export async function safeReadWorkbooks(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  options: Omit<ReadWorkbookOptions, 'name'> = {},
): Promise<Result<Submission>> {
  const batch = await readWorkbookBatch(files, options);
  if (batch.rejected.length > 0) return { ok: false, issues: capIssues(batch.rejected.flatMap((entry) => entry.issues), limitsOf(options.limits).issues) };
  return { ok: true, value: batch.submission };
}

/** A workbook left out of a batch, with every problem found in it (see {@link readWorkbookBatch}). */
export interface RejectedWorkbook {
  /** The workbook's name as given. */
  readonly file: string;
  readonly issues: readonly Issue[];
}

/** The workbooks of a batch read: the valid ones as one submission, and the ones left out with why. */
export interface WorkbookBatch {
  /** The units of the valid workbooks, in the order given (none when every workbook was left out). */
  readonly submission: Submission;
  readonly rejected: readonly RejectedWorkbook[];
}

/**
 * Reads workbooks as one batch and keeps going: each workbook is read on
 * its own, then checked against the ones before it (the same unit twice,
 * another criteria set, another period: the later workbook is left out and
 * says which one it conflicts with). Never throws for bad input; what
 * {@link safeReadWorkbooks} refuses as a whole is here the list of the
 * workbooks left out, each with every problem found in it, so that a
 * command can score the valid ones (`dti score --skip-invalid`).
 *
 * @example
 * ```ts
 * import { embeddedCriteria, getCriteria } from 'dti-criteria/sets';
 * import { buildTemplate, readWorkbookBatch } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const form = (id: string, name: string) => buildTemplate(criteria, { level: 'commune', unit: { id, name }, period: '2022' });
 * const batch = await readWorkbookBatch([
 *   { name: 'an-binh.xlsx', bytes: await form('an-binh', 'Phường An Bình') },
 *   { name: 'broken.xlsx', bytes: new TextEncoder().encode('not a workbook') },
 *   { name: 'again.xlsx', bytes: await form('an-binh', 'Phường An Bình') },
 * ], { registry: embeddedCriteria });
 * console.log(batch.submission.units.map((unit) => unit.id)); // ["an-binh"]
 * console.log(batch.rejected.map((entry) => `${entry.file}: ${entry.issues[0]?.code}`)); // ["broken.xlsx: input/read","again.xlsx: submission/duplicate-unit"]
 * ```
 */
export async function readWorkbookBatch(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  options: Omit<ReadWorkbookOptions, 'name'> = {},
): Promise<WorkbookBatch> {
  const rejected: RejectedWorkbook[] = [];
  const readings: WorkbookReading[] = [];
  const limit = limitsOf(options.limits).issues;
  const ids = new Map<string, string>();
  let criteria: { ref: string; at: string } | undefined = options.criteria ? { ref: `${options.criteria.id}@${options.criteria.version}`, at: '' } : undefined;
  let period: { value: string; at: string } | undefined;
  for (const file of files) {
    const result = await safeReadWorkbook(file.bytes, { ...options, name: file.name });
    if (!result.ok) {
      rejected.push({ file: file.name, issues: result.issues });
      continue;
    }
    const reading = result.value;
    const conflicts: Issue[] = [];
    const first = ids.get(reading.unit.id);
    if (first !== undefined) conflicts.push(xlsxIssue('submission/duplicate-unit', reading.cells.id, { unit: reading.unit.id, first }));
    if (criteria !== undefined && reading.criteria !== criteria.ref) conflicts.push(xlsxIssue('submission/criteria-mismatch', reading.cells.criteria, { given: reading.criteria, used: criteria.ref }));
    if (reading.period !== undefined && period !== undefined && reading.period !== period.value) {
      conflicts.push(xlsxIssue('xlsx/period-mismatch', reading.cells.period, { period: reading.period, expected: period.value, first: period.at }));
    }
    if (conflicts.length > 0) {
      rejected.push({ file: file.name, issues: capIssues(conflicts, limit) });
      continue;
    }
    ids.set(reading.unit.id, reading.cells.id);
    criteria ??= { ref: reading.criteria, at: reading.cells.criteria };
    if (reading.period !== undefined) period ??= { value: reading.period, at: reading.cells.period };
    readings.push(reading);
  }
  return {
    submission: {
      ...(criteria ? { criteria: criteria.ref } : {}),
      ...(period ? { period: period.value } : {}),
      units: readings.map((reading) => reading.unit),
    },
    rejected,
  };
}
