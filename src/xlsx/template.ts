import ExcelJS from 'exceljs';
import type { Border, Cell, DataValidation, Fill, Worksheet } from 'exceljs';
import { criteriaHash } from '../compile/criteria-hash.js';
import { Dec, exactOf } from '../decimal.js';
import { DtiError, makeIssue } from '../errors.js';
import { atomOf, type CompiledNode } from '../compile/compiled.js';
import { pick, type Localized } from '../format/localized.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { show } from '../rules/shared.js';
import type { Exact } from '../exact/exact.js';
import { inPercentUnits } from '../format/percent.js';
import type { InputOption, InputShape } from '../rules/input-shape.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import { writeDecimal } from './cells.js';
import { deterministicBytes, documentDate } from './deterministic.js';
import { choiceEntries } from './choices.js';
import {
  FORM_COLUMNS,
  FORM_HEADER_ROW,
  META_FORMAT,
  UNIT_CELLS,
  UNIT_FIELDS,
  XLSX_LAYOUT_VERSION,
  XLSX_SHEETS,
  cellAddress,
  columnLetters,
  type FormColumns,
  type Lang,
  type UnitField,
  type ValueRole,
  valueRoles,
} from './layout.js';

/** Options of {@link buildTemplate}. */
export interface TemplateOptions {
  /** The level the form is for (`commune`, `department`, ...). */
  readonly level: string;
  /** The group, required for a level with groups (`A`). */
  readonly group?: string;
  /** Language of the headings, rules, hints and drop-down labels; default `vi`. Names are always given in both. */
  readonly lang?: 'vi' | 'en';
  /**
   * Identity cells filled in advance (the unit may still change id, name and
   * parent, unless `locked`: a form handed to one named unit).
   */
  readonly unit?: { readonly id?: string; readonly name?: string; readonly parent?: string; readonly locked?: boolean };
  /** The assessment period filled in advance (`"2022"`). */
  readonly period?: string;
}


const COLUMN_WIDTHS: Readonly<Record<keyof FormColumns, number>> = {
  code: 16, nameVi: 48, nameEn: 36, rule: 48, points: 9, value: 15, denominator: 15, evidence: 40, notes: 28, appraisedValue: 15, appraisedDenominator: 15,
};
const ROLES = Object.keys(FORM_COLUMNS) as (keyof FormColumns)[];

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const FILL = {
  header: solid('FFD9D9D9'),
  pillar: solid('FFBDD7EE'),
  index: solid('FFDDEBF7'),
  input: solid('FFFFF2CC'),
  unused: solid('FFF2F2F2'),
  appraisal: solid('FFE2EFDA'),
} as const;
const THIN: Partial<Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const T = {
  header: {
    code: { vi: 'Mã', en: 'Code' },
    nameVi: { vi: 'Tên tiêu chí', en: 'Criterion (Vietnamese)' },
    nameEn: { vi: 'Tên tiếng Anh', en: 'Criterion (English)' },
    rule: { vi: 'Cách tính điểm', en: 'How it is scored' },
    points: { vi: 'Điểm tối đa', en: 'Max points' },
    value: { vi: 'Giá trị / Tử số (n)', en: 'Value / numerator (n)' },
    denominator: { vi: 'Mẫu số (d)', en: 'Denominator (d)' },
    evidence: { vi: 'Minh chứng: số, ngày, trích yếu văn bản', en: 'Evidence: document number, date, summary' },
    notes: { vi: 'Ghi chú', en: 'Notes' },
    appraisedValue: { vi: 'Thẩm định: giá trị / tử số (cơ quan thẩm định ghi)', en: 'Appraisal: value / numerator (appraising body only)' },
    appraisedDenominator: { vi: 'Thẩm định: mẫu số', en: 'Appraisal: denominator' },
  } satisfies Record<keyof FormColumns, Localized>,
  instructions: (textDecimal: string): Localized => ({
    vi:
      'Điền các ô nền vàng. Có/không và lựa chọn: chọn trong danh sách thả xuống. Tỷ lệ: tử số (n) ở cột F, mẫu số (d) ở cột G. ' +
      `Số gõ như bình thường trong Excel; nếu ô ở dạng văn bản, viết ${textDecimal}. "n/a" = không áp dụng, chỉ dùng ở tiêu chí cho phép. ` +
      'Để trống = chưa có số liệu. Cột H: minh chứng (số, ngày, trích yếu văn bản). Cột J, K dành cho cơ quan thẩm định. Không sửa mã ở cột A.',
    en:
      'Fill in the yellow cells. Yes/no and choices: pick from the drop-down list. Ratios: numerator (n) in column F, denominator (d) in column G. ' +
      `Type numbers as usual in Excel; in a text cell write ${textDecimal}. "n/a" = not applicable, only where a criterion allows it. ` +
      'Empty = no data yet. Column H: evidence (document number, date, summary). Columns J, K are for the appraising body. Do not change the codes in column A.',
  }),
  textDecimal: { vi: '4,5 (dấu phẩy thập phân)', en: '4.5 (decimal point)' },
  unitTitle: { vi: 'Thông tin đơn vị tự đánh giá', en: 'The unit assessed' },
  unitInstructions: {
    vi: 'Điền các ô nền vàng. Mã đơn vị: mã ngắn, giữ nguyên qua các năm. Cấp và nhóm do mẫu quy định: cần cấp/nhóm khác thì tạo mẫu khác.',
    en: 'Fill in the yellow cells. Unit id: a short code that stays the same every year. Level and group come with the template: for another one, make another template.',
  },
  fields: {
    criteria: { vi: 'Bộ tiêu chí (criteria)', en: 'Criteria set (criteria)' },
    id: { vi: 'Mã đơn vị (id)', en: 'Unit id (id)' },
    name: { vi: 'Tên đơn vị (name)', en: 'Unit name (name)' },
    level: { vi: 'Cấp (level)', en: 'Level (level)' },
    group: { vi: 'Nhóm (group)', en: 'Group (group)' },
    parent: { vi: 'Đơn vị cấp trên (parent)', en: 'Parent unit (parent)' },
    period: { vi: 'Kỳ đánh giá (period)', en: 'Assessment period (period)' },
  } satisfies Record<UnitField, Localized>,
  hints: {
    id: { vi: 'Bắt buộc. Ví dụ: an-binh', en: 'Required. For example: an-binh' },
    name: { vi: 'Bắt buộc. Ví dụ: Phường An Bình', en: 'Required. For example: Phường An Bình' },
    parent: { vi: 'Không bắt buộc: mã đơn vị cấp trên, nếu được xếp hạng trong đơn vị đó', en: 'Optional: the id of the unit it is ranked within' },
    period: { vi: 'Ví dụ: 2022 (YYYY, YYYY-Qn, YYYY-Hn hoặc YYYY-MM)', en: 'For example: 2022 (YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM)' },
    noGroups: { vi: 'Cấp này không chia nhóm', en: 'This level has no groups' },
  },
  na: { vi: ' Ghi "n/a" nếu tiêu chí không áp dụng cho đơn vị.', en: ' Write "n/a" when the criterion does not apply to the unit.' },
  invalid: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
  itemWorth: (worth: string): Localized => ({ vi: `Có: ${worth} điểm`, en: `Yes: ${worth} points` }),
  unitOf: (unit: string): Localized => ({ vi: ` Đơn vị tính: ${unit}.`, en: ` Unit: ${unit}.` }),
  percent: { vi: ' (tính theo %: nhập 3 cho 3%, không nhập 0,03)', en: ' (in percent: type 3 for 3%, not 0.03)' } as Localized,
  zero: {
    'not-applicable': { vi: ' Mẫu số 0: không áp dụng.', en: ' Denominator 0: not applicable.' },
    full: { vi: ' Mẫu số 0: đạt đủ điểm.', en: ' Denominator 0: full points.' },
    zero: { vi: ' Mẫu số 0: 0 điểm.', en: ' Denominator 0: 0 points.' },
  },
};

/** The prompt shown when a value cell is selected, and the check Excel applies. */
interface CellRule {
  readonly title: Localized;
  readonly prompt: Localized;
  /** A custom formula on the cell's own address `X` (and the other cell of a pair, `Y`), or a list. */
  readonly check: { readonly formula: (x: string, y: string) => string } | { readonly list: string };
  /** The cell's number format, where it shows a unit (never a percent format: see {@link PERCENT_UNITS}). */
  readonly format?: string;
}

/**
 * The number format of a `%` leaf's cell: the number typed, followed by a
 * literal " %" (`3` shows as `3 %`). Not Excel's percent format, which
 * stores 3% as 0.03 and whose typing rules differ between spreadsheet programs.
 */
const PERCENT_UNITS = 'General" %"';

const nonNeg = (x: string): string => `AND(ISNUMBER(${x}),${x}>=0)`;

/** `x` within the bounds of a `number` input, in Excel's words. */
function numberCheck(x: string, whole: boolean, min: Exact | undefined, max: Exact | undefined): string {
  const parts = [`ISNUMBER(${x})`, ...(min !== undefined ? [`${x}>=${show(min)}`] : []), ...(max !== undefined ? [`${x}<=${show(max)}`] : []), ...(whole ? [`${x}=INT(${x})`] : [])];
  return parts.length === 1 ? parts[0]! : `AND(${parts.join(',')})`;
}

/** What a `number` input accepts, in words: "Một số." / "Số ≥ 0." / "Số nguyên ≥ 0." / "Số từ 0 đến 1.". */
function numberPrompt(whole: boolean, min: Exact | undefined, max: Exact | undefined): Localized {
  const [vi, en] = whole ? ['Số nguyên', 'A whole number'] : ['Số', 'A number'];
  if (min !== undefined && max !== undefined) return { vi: `${vi} từ ${show(min)} đến ${show(max)}.`, en: `${en} from ${show(min)} to ${show(max)}.` };
  if (min !== undefined) return { vi: `${vi} ≥ ${show(min)}.`, en: `${en} ≥ ${show(min)}.` };
  if (max !== undefined) return { vi: `${vi} ≤ ${show(max)}.`, en: `${en} ≤ ${show(max)}.` };
  return whole ? { vi: 'Một số nguyên.', en: 'A whole number.' } : { vi: 'Một số.', en: 'A number.' };
}

function cellRule(node: CompiledNode, shape: InputShape, role: ValueRole, lang: Lang, listRef: string | undefined): CellRule | undefined {
  const leaf = node.leaf!;
  const unit = node.node.unit;
  const unitHint = unit && unit !== 'count' && unit !== 'points' ? T.unitOf(unit) : { vi: '', en: '' };
  const yesNo = `"${T.yes[lang]},${T.no[lang]}${leaf.allowNA ? ',n/a' : ''}"`;
  switch (shape.type) {
    case 'yes-no':
      return role === 'value' ? { title: { vi: 'Có / không', en: 'Yes / no' }, prompt: { vi: 'Chọn "có" hoặc "không".', en: 'Pick "yes" or "no".' }, check: { list: yesNo } } : undefined;
    case 'any-of':
      return undefined;
    case 'one-of':
      return role === 'value' ? { title: { vi: 'Lựa chọn', en: 'Choice' }, prompt: { vi: 'Chọn một lựa chọn trong danh sách.', en: 'Pick one option from the list.' }, check: { list: listRef! } } : undefined;
    case 'fraction': {
      const { allowOver, zeroDenominator } = shape;
      if (role === 'value') {
        return {
          title: { vi: 'Tử số (n)', en: 'Numerator (n)' },
          prompt: allowOver ? { vi: `Số ≥ 0.${unitHint.vi}`, en: `A number ≥ 0.${unitHint.en}` } : { vi: `Số ≥ 0, không lớn hơn mẫu số (cột bên phải).${unitHint.vi}`, en: `A number ≥ 0, at most the denominator (next column).${unitHint.en}` },
          check: { formula: (x, y) => (allowOver ? nonNeg(x) : `AND(ISNUMBER(${x}),${x}>=0,OR(NOT(ISNUMBER(${y})),${x}<=${y}))`) },
        };
      }
      return {
        title: { vi: 'Mẫu số (d)', en: 'Denominator (d)' },
        prompt: { vi: `Số ≥ 0.${T.zero[zeroDenominator].vi}`, en: `A number ≥ 0.${T.zero[zeroDenominator].en}` },
        check: { formula: (x, y) => (allowOver ? nonNeg(x) : `AND(ISNUMBER(${x}),${x}>=0,OR(NOT(ISNUMBER(${y})),${y}<=${x}))`) },
      };
    }
    case 'number': {
      // A `%` leaf's cell holds a plain number in percent units (3 for 3%), divided by 100 on reading.
      const { whole } = shape;
      const [min, max] = shape.percent ? [inPercentUnits(shape.min), inPercentUnits(shape.max)] : [shape.min, shape.max];
      const percentHint = shape.percent ? T.percent : { vi: '', en: '' };
      if (shape.orFraction) {
        if (role === 'value') {
          const alone = (x: string): string => numberCheck(x, whole, min, max);
          return {
            title: { vi: 'Giá trị hoặc tử số', en: 'Value or numerator' },
            prompt: { vi: `Một số${percentHint.vi}; hoặc tử số ở đây và mẫu số ở cột bên phải.${unitHint.vi}`, en: `A number${percentHint.en}; or a numerator here and its denominator in the next column.${unitHint.en}` },
            check: { formula: (x, y) => `AND(ISNUMBER(${x}),OR(AND(NOT(ISNUMBER(${y})),${alone(x)}),AND(ISNUMBER(${y}),${x}>=0,${x}<=${y})))` },
          };
        }
        return {
          title: { vi: 'Mẫu số (nếu có)', en: 'Denominator (if any)' },
          prompt: { vi: 'Để trống khi ô bên trái là một số; hoặc mẫu số ≥ 0 của phân số.', en: 'Leave empty when the cell on the left is a plain number; or the fraction\'s denominator ≥ 0.' },
          check: { formula: (x, y) => `AND(ISNUMBER(${x}),${x}>=0,OR(NOT(ISNUMBER(${y})),AND(${y}>=0,${y}<=${x})))` },
        };
      }
      if (role !== 'value') return undefined;
      const prompt = numberPrompt(whole, min, max);
      return {
        title: whole ? { vi: 'Số lượng', en: 'Count' } : { vi: 'Giá trị', en: 'Value' },
        prompt: shape.percent ? { vi: `${prompt.vi}${percentHint.vi}`, en: `${prompt.en}${percentHint.en}` } : whole ? prompt : { vi: `${prompt.vi}${unitHint.vi}`, en: `${prompt.en}${unitHint.en}` },
        check: { formula: (x) => numberCheck(x, whole, min, max) },
        ...(shape.percent ? { format: PERCENT_UNITS } : {}),
      };
    }
    case 'points': {
      const top = show(shape.max);
      return role === 'value'
        ? { title: { vi: 'Điểm', en: 'Points' }, prompt: { vi: `Số điểm từ 0 đến ${top}.`, en: `Points from 0 to ${top}.` }, check: { formula: (x) => `AND(ISNUMBER(${x}),${x}>=0,${x}<=${top})` } }
        : undefined;
    }
    case 'note':
      return role === 'value' ? { title: { vi: 'Thông tin', en: 'Information' }, prompt: { vi: 'Thông tin thu thập, không tính điểm.', en: 'Collected for information, not scored.' }, check: { formula: () => 'TRUE' } } : undefined;
  }
}

function validation(rule: CellRule, address: string, other: string, allowNA: boolean, lang: Lang): DataValidation {
  const na = allowNA ? T.na[lang] : '';
  const prompt = `${pick(rule.prompt, lang)}${na}`.slice(0, 255);
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: pick(rule.title, lang).slice(0, 32),
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: T.invalid[lang].slice(0, 32),
    error: prompt,
  };
  if ('list' in rule.check) return { type: 'list', formulae: [rule.check.list], ...common };
  const formula = rule.check.formula(address, other);
  return { type: 'custom', formulae: [allowNA && formula !== 'TRUE' ? `OR(${address}="n/a",${formula})` : formula], ...common };
}

/** What the form sheet needs while rows are written. */
interface FormContext {
  readonly sheet: Worksheet;
  readonly lists: Worksheet;
  readonly level: string;
  readonly lang: Lang;
  row: number;
  listColumn: number;
}

function styleRow(sheet: Worksheet, row: number, fill: Fill | undefined, bold: boolean): void {
  for (const role of ROLES) {
    const cell = sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: role === 'nameVi' || role === 'nameEn' || role === 'rule' || role === 'evidence' || role === 'notes' };
    if (fill) cell.fill = fill;
    if (bold) cell.font = { bold: true };
  }
}

/** A cell to fill in: yellow and unlocked for the unit, green and locked (until unprotected) for the appraising body. */
function input(cell: Cell, fill: typeof FILL.input | typeof FILL.appraisal): void {
  cell.fill = fill;
  cell.protection = { locked: fill === FILL.appraisal };
}

/** Marks the value cells of a row: used ones get a check, the others are greyed. */
function valueCells(ctx: FormContext, row: number, node: CompiledNode, shape: InputShape, roles: readonly ValueRole[], listRef: string | undefined): void {
  const pairs: readonly [keyof FormColumns, keyof FormColumns, Fill][] = [
    ['value', 'denominator', FILL.input],
    ['appraisedValue', 'appraisedDenominator', FILL.appraisal],
  ];
  for (const [valueRole, denominatorRole, fill] of pairs) {
    const x = cellAddress(FORM_COLUMNS[valueRole], row);
    const y = cellAddress(FORM_COLUMNS[denominatorRole], row);
    for (const [role, address, other] of [['value', x, y], ['denominator', y, x]] as const) {
      const cell = ctx.sheet.getCell(address);
      const rule = roles.includes(role) ? cellRule(node, shape, role, ctx.lang, listRef) : undefined;
      if (!rule) { cell.fill = FILL.unused; continue; }
      input(cell, fill);
      cell.dataValidation = validation(rule, address, other, node.leaf!.allowNA, ctx.lang);
      if (rule.format !== undefined) cell.numFmt = rule.format;
    }
  }
}

function itemRows(ctx: FormContext, node: CompiledNode, items: readonly InputOption[], depth: number): void {
  const yesNo = `"${T.yes[ctx.lang]},${T.no[ctx.lang]}${node.leaf!.allowNA ? ',n/a' : ''}"`;
  const rule: CellRule = { title: { vi: 'Có / không', en: 'Yes / no' }, prompt: { vi: 'Chọn "có" nếu đạt mục này, "không" nếu không.', en: 'Pick "yes" when the item is met, "no" when not.' }, check: { list: yesNo } };
  for (const item of items) {
    const row = ctx.row++;
    styleRow(ctx.sheet, row, undefined, false);
    const at = (role: keyof FormColumns): Cell => ctx.sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
    at('code').value = `${node.code}.${item.id}`;
    at('code').font = { color: { argb: 'FF7F7F7F' } };
    at('nameVi').value = `• ${item.label.vi}`;
    at('nameVi').alignment = { ...at('nameVi').alignment, indent: depth + 1 };
    at('nameEn').value = item.label.en ?? '';
    at('rule').value = pick(T.itemWorth(show(item.worth)), ctx.lang);
    for (const [role, fill] of [['value', FILL.input], ['appraisedValue', FILL.appraisal]] as const) {
      const cell = at(role);
      input(cell, fill);
      cell.dataValidation = validation(rule, cell.address, cell.address, node.leaf!.allowNA, ctx.lang);
    }
    at('denominator').fill = FILL.unused;
    at('appraisedDenominator').fill = FILL.unused;
    for (const role of ['evidence', 'notes'] as const) at(role).protection = { locked: false };
  }
}

function leafRow(ctx: FormContext, node: CompiledNode, depth: number): void {
  const leaf = node.leaf!;
  const max = leaf.points.get(ctx.level) ?? new Dec(0);
  const row = ctx.row++;
  styleRow(ctx.sheet, row, undefined, false);
  const at = (role: keyof FormColumns): Cell => ctx.sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
  at('code').value = node.code;
  at('nameVi').value = node.node.name.vi;
  at('nameVi').alignment = { ...at('nameVi').alignment, indent: depth };
  if (node.node.description) at('nameVi').note = pick(node.node.description, ctx.lang);
  at('nameEn').value = node.node.name.en ?? '';
  at('rule').value = pick(leaf.rule.describe(leaf.compiled, exactOf(max)), ctx.lang);
  if (leaf.rule.scored) writeDecimal(at('points'), max);
  if (node.node.evidence) at('evidence').note = pick(node.node.evidence, ctx.lang);
  for (const role of ['evidence', 'notes'] as const) at(role).protection = { locked: false };

  let listRef: string | undefined;
  const shape = inputOfLeaf(leaf, ctx.level);
  if (shape.type === 'one-of') {
    const entries = [...choiceEntries(shape.options, ctx.lang), ...(leaf.allowNA ? ['n/a'] : [])];
    const column = columnLetters(++ctx.listColumn);
    entries.forEach((entry, index) => { ctx.lists.getCell(cellAddress(column, index + 1)).value = entry; });
    listRef = `'${XLSX_SHEETS.lists}'!$${column}$1:$${column}$${entries.length}`;
  }
  valueCells(ctx, row, node, shape, valueRoles(shape), listRef);
  if (shape.type === 'any-of') itemRows(ctx, node, shape.items, depth);
}

function writeNodes(ctx: FormContext, nodes: readonly CompiledNode[], atom: string, depth: number): void {
  for (const node of nodes) {
    if (!node.scope.has(atom)) continue;
    if (node.leaf) { leafRow(ctx, node, depth); continue; }
    const row = ctx.row++;
    styleRow(ctx.sheet, row, depth === 0 ? FILL.pillar : depth === 1 ? FILL.index : undefined, true);
    ctx.sheet.getCell(cellAddress(FORM_COLUMNS.code, row)).value = node.code;
    const name = ctx.sheet.getCell(cellAddress(FORM_COLUMNS.nameVi, row));
    name.value = node.node.name.vi;
    name.alignment = { ...name.alignment, indent: depth };
    ctx.sheet.getCell(cellAddress(FORM_COLUMNS.nameEn, row)).value = node.node.name.en ?? '';
    writeNodes(ctx, node.children, atom, depth + 1);
  }
}

function checkOptions(criteria: CriteriaSet, options: TemplateOptions): void {
  const level = criteria.levels.find((entry) => entry.id === options.level);
  if (!level) throw new DtiError([makeIssue('criteria/unknown-level', 'options.level', { level: options.level })]);
  const groups = level.groups ?? [];
  if (groups.length > 0 && options.group === undefined) throw new DtiError([makeIssue('schema/required', 'options.group')]);
  if (options.group !== undefined && !groups.some((group) => group.id === options.group)) {
    throw new DtiError([makeIssue('criteria/unknown-group', 'options.group', { group: options.group, level: options.level })]);
  }
}

const PROTECTION = {
  selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
  insertRows: false, insertColumns: false, deleteRows: false, deleteColumns: false, sort: false, autoFilter: false,
};

/**
 * Builds the Excel workbook (`.xlsx`) a unit fills in for its
 * self-assessment, for one level (and group) of a criteria set:
 *
 * - sheet **Đơn vị**: the unit's identity as labelled cells (criteria set,
 *   id, name, level, group, parent unit, period). Level and group come with
 *   the template and are locked; id, name, parent and period are filled in
 *   (`options.unit` and `options.period` fill them in advance);
 * - sheet **Tự đánh giá**: a header row, then the criteria that apply to the
 *   level/group in tree order: pillar and main-index rows in bold, one row per
 *   leaf with its code (column A), Vietnamese and English names, the rule in
 *   words, the points `P` at the level, the value cell(s) (yellow), evidence
 *   ("Minh chứng: số, ngày, trích yếu văn bản") and notes; a checklist leaf has
 *   one row per item below it (code `CODE.itemId`). Columns J and K (green,
 *   locked) take the appraising body's values;
 * - hidden sheets `_meta` (criteria `id@version`, sha256, level, group,
 *   language, layout version and where everything is) and `_lists` (the
 *   choice lists).
 *
 * Value cells carry Excel data validation with an input message: yes/no
 * and choice leaves a drop-down (`có,không`; a choice leaf's option labels in
 * `lang`, or its ids when two labels could be confused), ratios numbers >= 0
 * with `n <= d` checked by a formula (unless `allowOver`), counts whole
 * numbers >= 0, `appraised` 0..P, `linear` and `relative` numbers; where
 * the leaf allows it, `n/a` passes every check (it is in the drop-down
 * lists). Both sheets are protected without a password, to prevent
 * accidents only: codes, names and rules are locked, rows cannot be inserted
 * or deleted; Review → Unprotect Sheet lifts it (the appraising body does so
 * to fill columns J and K).
 *
 * Rejects with a {@link DtiError} for an invalid set, an unknown level or
 * group, or a missing group.
 *
 * @example
 * ```ts
 * import { embeddedCriteria, getCriteria } from 'dti-criteria/sets';
 * import { buildTemplate, safeReadWorkbook } from 'dti-criteria/xlsx';
 * const bytes = await buildTemplate(getCriteria('can-tho@2022.1.0'), { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' }, period: '2022' });
 * console.log(bytes.length > 10000); // true
 * const back = await safeReadWorkbook(bytes, { name: 'an-binh.xlsx', registry: embeddedCriteria });
 * if (back.ok) console.log(back.value.unit.values); // {}
 * ```
 */
export async function buildTemplate(criteria: CriteriaSet, options: TemplateOptions): Promise<Uint8Array> {
  const compiled = compileCriteria(criteria);
  checkOptions(criteria, options);
  const lang = options.lang ?? 'vi';
  const level = criteria.levels.find((entry) => entry.id === options.level)!;
  const group = level.groups?.find((entry) => entry.id === options.group);
  const atom = atomOf(level.id, group?.id);
  const ref = `${criteria.id}@${criteria.version}`;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dti-criteria';
  const unitSheet = workbook.addWorksheet(XLSX_SHEETS.unit, { views: [{ showGridLines: false }] });
  const form = workbook.addWorksheet(XLSX_SHEETS.form, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: FORM_HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lists = workbook.addWorksheet(XLSX_SHEETS.lists, { state: 'veryHidden' });
  const meta = workbook.addWorksheet(XLSX_SHEETS.meta, { state: 'veryHidden' });

  // The identity sheet.
  unitSheet.columns = [{ width: 30 }, { width: 36 }, { width: 60 }];
  unitSheet.mergeCells('A1:C1');
  unitSheet.getCell('A1').value = `${pick(T.unitTitle, lang)} — ${pick(criteria.title, lang)}`;
  unitSheet.getCell('A1').font = { bold: true, size: 14 };
  unitSheet.mergeCells('A2:C2');
  unitSheet.getCell('A2').value = pick(T.unitInstructions, lang);
  unitSheet.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  unitSheet.getRow(2).height = 36;
  const identity: Record<UnitField, { value: string; hint: string; editable: boolean }> = {
    criteria: { value: ref, hint: pick(criteria.title, lang), editable: false },
    id: { value: options.unit?.id ?? '', hint: pick(T.hints.id, lang), editable: options.unit?.locked !== true },
    name: { value: options.unit?.name ?? '', hint: pick(T.hints.name, lang), editable: options.unit?.locked !== true },
    level: { value: level.id, hint: pick(level.name, lang), editable: false },
    group: { value: group?.id ?? '', hint: group ? pick(group.name, lang) : pick(T.hints.noGroups, lang), editable: false },
    parent: { value: options.unit?.parent ?? '', hint: pick(T.hints.parent, lang), editable: options.unit?.locked !== true },
    period: { value: options.period ?? '', hint: pick(T.hints.period, lang), editable: true },
  };
  for (const field of UNIT_FIELDS) {
    const address = UNIT_CELLS[field];
    const row = Number(address.slice(1));
    const entry = identity[field];
    const label = unitSheet.getCell(`A${row}`);
    label.value = pick(T.fields[field], lang);
    label.font = { bold: true };
    const value = unitSheet.getCell(address);
    value.value = entry.value;
    value.numFmt = '@';
    value.border = BORDER;
    if (entry.editable) input(value, FILL.input);
    unitSheet.getCell(`C${row}`).value = entry.hint;
    unitSheet.getCell(`C${row}`).font = { italic: true, color: { argb: 'FF595959' } };
  }
  await unitSheet.protect('', PROTECTION);

  // The form.
  form.columns = ROLES.map((role) => ({ key: role, width: COLUMN_WIDTHS[role] }));
  const lastColumn = FORM_COLUMNS[ROLES[ROLES.length - 1]!];
  form.mergeCells(`A1:${lastColumn}1`);
  const title = group ? `${pick(level.name, lang)} — ${pick(group.name, lang)}` : pick(level.name, lang);
  form.getCell('A1').value = `${pick(criteria.title, lang)} (${ref}) — ${title}`;
  form.getCell('A1').font = { bold: true, size: 14 };
  form.mergeCells(`A2:${lastColumn}2`);
  form.getCell('A2').value = pick(T.instructions(pick(T.textDecimal, lang)), lang);
  form.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  form.getRow(2).height = 64;
  for (const role of ROLES) {
    const cell = form.getCell(cellAddress(FORM_COLUMNS[role], FORM_HEADER_ROW));
    cell.value = pick(T.header[role], lang);
  }
  styleRow(form, FORM_HEADER_ROW, FILL.header, true);
  const ctx: FormContext = { sheet: form, lists, level: level.id, lang, row: FORM_HEADER_ROW + 1, listColumn: 0 };
  writeNodes(ctx, compiled.roots, atom, 0);
  await form.protect('', PROTECTION);

  // The layout record.
  const metaRows: [string, string | number][] = [
    ['format', META_FORMAT],
    ['layout', XLSX_LAYOUT_VERSION],
    ['criteria', ref],
    ['sha256', criteriaHash(criteria)],
    ['level', level.id],
    ['group', group?.id ?? ''],
    ['lang', lang],
    ['sheet.unit', XLSX_SHEETS.unit],
    ['sheet.form', XLSX_SHEETS.form],
    ['form.headerRow', FORM_HEADER_ROW],
    ...ROLES.map((role): [string, string] => [`column.${role}`, FORM_COLUMNS[role]]),
    ...UNIT_FIELDS.map((field): [string, string] => [`unit.${field}`, UNIT_CELLS[field]]),
  ];
  metaRows.forEach(([key, value], index) => {
    meta.getCell(`A${index + 1}`).value = key;
    meta.getCell(`B${index + 1}`).value = value;
  });

  // The same bytes on every run: a published form can be checked against its sha256.
  return deterministicBytes(workbook, documentDate(criteria.effective.from));
}
