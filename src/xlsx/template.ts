import ExcelJS from 'exceljs';
import type { Border, Cell, DataValidation, Fill, Worksheet } from 'exceljs';
import { criteriaHash } from '../compile/criteria-hash.js';
import { Dec, exactOf } from '../decimal.js';
import { DtiError, makeIssue, type Issue } from '../errors.js';
import { atomOf, type CompiledNode } from '../compile/compiled.js';
import type { Localized } from '../format/localized.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { show } from '../rules/shared.js';
import type { Exact } from '../exact/exact.js';
import { fractionToPercent, inPercentUnits } from '../format/percent.js';
import type { EvidenceEntry } from '../format/evidence-entry.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import { readExact } from '../exact/read-exact.js';
import { formatDecimalCell } from '../input/numbers.js';
import { formatPath, type PathSegment } from '../path.js';
import type { InputOption, InputShape } from '../rules/input-shape.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import { writeDecimal } from './cells.js';
import { deterministicBytes, documentDate } from './deterministic.js';
import { choiceEntries } from './choices.js';
import { BODY_SIZE, PRINT_PARTS, columnWidthFor, font, fontEverywhere, forPaper, rowHeight, type WrappedText } from './paper.js';
import {
  EVIDENCE_COLUMNS,
  EVIDENCE_HEADER_ROW,
  FORM_COLUMNS,
  FORM_HEADER_ROW,
  META_FORMAT,
  UNIT_CELLS,
  UNIT_FIELDS,
  XLSX_LAYOUT_VERSION,
  XLSX_SHEETS,
  cellAddress,
  columnLetters,
  columnNumber,
  type EvidenceColumns,
  type FormColumns,
  type Labels,
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
  /**
   * The language of the form's words (headings, criteria names, rules,
   * hints, signature block): `vi` (default) Vietnamese only, `en` English
   * only (a name without an English one stays Vietnamese), `both`
   * Vietnamese then English. The drop-down lists and numbers typed as text
   * follow English with `en`, Vietnamese otherwise.
   */
  readonly lang?: 'vi' | 'en' | 'both';
  /**
   * Identity cells filled in advance (the unit may still change id, name and
   * parent, unless `locked`: a form handed to one named unit).
   */
  readonly unit?: { readonly id?: string; readonly name?: string; readonly parent?: string; readonly locked?: boolean };
  /** The assessment period filled in advance (`"2022"`). */
  readonly period?: string;
}

/** The languages {@link TemplateOptions.lang} takes. */
const LABELS: readonly Labels[] = ['vi', 'en', 'both'];

/** A text in the form's words: one language, or Vietnamese then English (on a new line, or after `joiner`). */
function say(text: Localized, labels: Labels, joiner = '\n'): string {
  if (labels === 'vi' || text.en === undefined) return text.vi;
  if (labels === 'en') return text.en;
  return text.en === text.vi ? text.vi : `${text.vi}${joiner}${text.en}`;
}

/** Column widths of the form, in characters; a name column not shown is hidden. */
function formWidths(labels: Labels, codeWidth: number): Readonly<Record<keyof FormColumns, number>> {
  const names = labels === 'vi' ? { nameVi: 46, nameEn: 0 } : labels === 'en' ? { nameVi: 0, nameEn: 46 } : { nameVi: 36, nameEn: 30 };
  return { code: codeWidth, ...names, rule: labels === 'both' ? 72 : 44, points: 8, value: 13, denominator: 13, notes: 20, appraisedValue: 13, appraisedDenominator: 13 };
}

const EVIDENCE_WIDTHS: Readonly<Record<Exclude<keyof EvidenceColumns, 'code'>, number>> = {
  name: 36, asked: 40, number: 16, date: 12, issuer: 20, summary: 36, link: 22,
};

const ROLES = Object.keys(FORM_COLUMNS) as (keyof FormColumns)[];
const EVIDENCE_ROLES = Object.keys(EVIDENCE_COLUMNS) as (keyof EvidenceColumns)[];
/** The form's columns that wrap their text. */
const WRAPPED: ReadonlySet<keyof FormColumns> = new Set(['nameVi', 'nameEn', 'rule', 'notes']);

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
/** The size of the codes of checklist items (`CQS.1.4.chuyen-muc`), smaller than body text. */
const ITEM_CODE_SIZE = 9;
/** Number formats with thousands grouping (the spreadsheet program shows the separators of its locale: `1.234` in Vietnamese). */
const WHOLE_GROUPED = '#,##0';
/** Every digit a cell can show (Excel shows 15), grouped, without a trailing separator: only ever applied to a number with decimals. */
const DECIMAL_GROUPED = '#,##0.###############';

const T = {
  header: {
    code: { vi: 'Mã', en: 'Code' },
    nameVi: { vi: 'Tên tiêu chí', en: 'Criterion (Vietnamese)' },
    nameEn: { vi: 'Tên tiếng Anh', en: 'Criterion' },
    rule: { vi: 'Cách tính điểm', en: 'How it is scored' },
    points: { vi: 'Điểm tối đa', en: 'Max points' },
    value: { vi: 'Giá trị / Tử số (n)', en: 'Value / numerator (n)' },
    denominator: { vi: 'Mẫu số (d)', en: 'Denominator (d)' },
    notes: { vi: 'Ghi chú', en: 'Notes' },
    appraisedValue: { vi: 'Thẩm định: giá trị / tử số', en: 'Appraisal: value / numerator' },
    appraisedDenominator: { vi: 'Thẩm định: mẫu số', en: 'Appraisal: denominator' },
  } satisfies Record<keyof FormColumns, Localized>,
  instructions: (textDecimal: Localized, c: FormColumns): Localized => ({
    vi:
      `Điền các ô nền vàng. Có/không và lựa chọn: chọn trong danh sách thả xuống. Tỷ lệ: tử số (n) ở cột ${c.value}, mẫu số (d) ở cột ${c.denominator}. ` +
      `Số gõ như bình thường trong Excel; nếu ô ở dạng văn bản, viết ${textDecimal.vi}. "n/a" = không áp dụng, chỉ dùng ở tiêu chí cho phép. ` +
      `Để trống = chưa có số liệu. Minh chứng (số, ngày, trích yếu văn bản): ghi ở trang "${XLSX_SHEETS.evidence}". Cột ${c.appraisedValue}, ${c.appraisedDenominator} dành cho cơ quan thẩm định. ` +
      `Không sửa mã ở cột ${c.code}. In trên khổ A4, ký và đóng dấu ở cuối biểu.`,
    en:
      `Fill in the yellow cells. Yes/no and choices: pick from the drop-down list. Ratios: numerator (n) in column ${c.value}, denominator (d) in column ${c.denominator}. ` +
      `Type numbers as usual in Excel; in a text cell write ${textDecimal.en}. "n/a" = not applicable, only where a criterion allows it. ` +
      `Empty = no data yet. Evidence (document number, date, summary): on the sheet "${XLSX_SHEETS.evidence}". Columns ${c.appraisedValue}, ${c.appraisedDenominator} are for the appraising body. ` +
      `Do not change the codes in column ${c.code}. Print on A4, sign and seal at the end.`,
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
  evidence: {
    title: { vi: 'Minh chứng', en: 'Evidence' },
    instructions: {
      vi:
        'Mỗi tiêu chí một dòng, tìm theo mã ở cột A. Ghi văn bản làm minh chứng: số, ngày ban hành (ngày/tháng/năm), cơ quan ban hành, trích yếu; tài liệu điện tử: đường dẫn http(s) hoặc mã SHA-256 của tệp (tên tệp ghi ở trích yếu). ' +
        'Nhiều văn bản: mỗi văn bản một dòng trong ô (Alt+Enter để xuống dòng), cùng thứ tự ở mọi ô. Cột C: minh chứng bộ tiêu chí yêu cầu; "Bắt buộc": tiêu chí phải có minh chứng.',
      en:
        'One row per criterion, found by the code in column A. Give the documents that prove the value: number, date (day/month/year), issuing body, summary; an electronic record: its http(s) link or the file\'s SHA-256 (its name in the summary). ' +
        'Several documents: one per line in the cell (Alt+Enter for a new line), in the same order in every cell. Column C: the evidence the criteria set asks for; "Required": the criterion must have evidence.',
    },
    header: {
      code: { vi: 'Mã', en: 'Code' },
      name: { vi: 'Tên tiêu chí', en: 'Criterion' },
      asked: { vi: 'Minh chứng cần có', en: 'Evidence asked for' },
      number: { vi: 'Số, ký hiệu văn bản', en: 'Document number' },
      date: { vi: 'Ngày ban hành', en: 'Date issued' },
      issuer: { vi: 'Cơ quan ban hành', en: 'Issued by' },
      summary: { vi: 'Trích yếu nội dung', en: 'Summary' },
      link: { vi: 'Đường dẫn (http/https) hoặc SHA-256 của tệp', en: 'Link (http/https) or the file\'s SHA-256' },
    } satisfies Record<keyof EvidenceColumns, Localized>,
    required: { vi: 'Bắt buộc', en: 'Required' },
  },
  signature: {
    date: { vi: '…………, ngày …… tháng …… năm ……', en: '…………, date ……………………' },
    preparer: { vi: 'Người lập biểu', en: 'Prepared by' },
    preparerNote: { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
    head: { vi: 'Thủ trưởng đơn vị', en: 'Head of the unit' },
    headNote: { vi: '(Ký tên, đóng dấu)', en: '(Signature and seal)' },
  },
  page: { vi: 'Trang', en: 'Page' },
  na: { vi: ' Ghi "n/a" nếu tiêu chí không áp dụng cho đơn vị.', en: ' Write "n/a" when the criterion does not apply to the unit.' },
  invalid: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
  itemWorth: (worth: Exact): Localized => ({ vi: `Có: ${show(worth, 'vi')} điểm`, en: `Yes: ${show(worth)} points` }),
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
  /** The cell's number format: a unit shown, or thousands grouping of a whole number (never a percent format: see {@link PERCENT_TEXT}). */
  readonly format?: string;
  /** A number cell that may hold decimals: thousands grouping by conditional formatting, for numbers of 1,000 and more (see {@link groupThousands}). */
  readonly grouped?: boolean;
}

/**
 * The format of a `%` leaf's cell: text (`@`), so that the cell keeps what
 * the officer typed, `3`, `1,7` or `1,7%`, and the reader reads it in percent
 * units. A number format would let the program read it first: LibreOffice
 * Calc stores `1,7%` typed into a `General" %"` cell as 0.017 under the
 * cell's own format (shown `0,017 %`), which the file cannot tell from
 * `0,017` typed; Excel's percent format stores 3% as 0.03, and the programs'
 * typing rules for it differ.
 */
const PERCENT_TEXT = '@';

const nonNeg = (x: string): string => `AND(ISNUMBER(${x}),${x}>=0)`;

/** `x` within the bounds of a `number` input, in Excel's words. */
function numberCheck(x: string, whole: boolean, min: Exact | undefined, max: Exact | undefined): string {
  const parts = [`ISNUMBER(${x})`, ...(min !== undefined ? [`${x}>=${show(min)}`] : []), ...(max !== undefined ? [`${x}<=${show(max)}`] : []), ...(whole ? [`${x}=INT(${x})`] : [])];
  return parts.length === 1 ? parts[0]! : `AND(${parts.join(',')})`;
}

/** What a `number` input accepts, in words: "Một số." / "Số ≥ 0." / "Số nguyên ≥ 0." / "Số từ 0 đến 1.". */
function numberPrompt(whole: boolean, min: Exact | undefined, max: Exact | undefined): Localized {
  const [vi, en] = whole ? ['Số nguyên', 'A whole number'] : ['Số', 'A number'];
  if (min !== undefined && max !== undefined) return { vi: `${vi} từ ${show(min, 'vi')} đến ${show(max, 'vi')}.`, en: `${en} from ${show(min)} to ${show(max)}.` };
  if (min !== undefined) return { vi: `${vi} ≥ ${show(min, 'vi')}.`, en: `${en} ≥ ${show(min)}.` };
  if (max !== undefined) return { vi: `${vi} ≤ ${show(max, 'vi')}.`, en: `${en} ≤ ${show(max)}.` };
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
          grouped: true,
        };
      }
      return {
        title: { vi: 'Mẫu số (d)', en: 'Denominator (d)' },
        prompt: { vi: `Số ≥ 0.${T.zero[zeroDenominator].vi}`, en: `A number ≥ 0.${T.zero[zeroDenominator].en}` },
        check: { formula: (x, y) => (allowOver ? nonNeg(x) : `AND(ISNUMBER(${x}),${x}>=0,OR(NOT(ISNUMBER(${y})),${y}<=${x}))`) },
        grouped: true,
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
            check: {
              formula: (x, y) => {
                const numeric = `AND(ISNUMBER(${x}),OR(AND(NOT(ISNUMBER(${y})),${alone(x)}),AND(ISNUMBER(${y}),${x}>=0,${x}<=${y})))`;
                return shape.percent ? `OR(ISTEXT(${x}),${numeric})` : numeric;
              },
            },
            ...(shape.percent ? { format: PERCENT_TEXT } : { grouped: true }),
          };
        }
        return {
          title: { vi: 'Mẫu số (nếu có)', en: 'Denominator (if any)' },
          prompt: { vi: 'Để trống khi ô bên trái là một số; hoặc mẫu số ≥ 0 của phân số.', en: 'Leave empty when the cell on the left is a plain number; or the fraction\'s denominator ≥ 0.' },
          check: { formula: (x, y) => `AND(ISNUMBER(${x}),${x}>=0,OR(NOT(ISNUMBER(${y})),AND(${y}>=0,${y}<=${x})))` },
          grouped: true,
        };
      }
      if (role !== 'value') return undefined;
      const prompt = numberPrompt(whole, min, max);
      return {
        title: whole ? { vi: 'Số lượng', en: 'Count' } : { vi: 'Giá trị', en: 'Value' },
        prompt: shape.percent ? { vi: `${prompt.vi}${percentHint.vi}`, en: `${prompt.en}${percentHint.en}` } : whole ? prompt : { vi: `${prompt.vi}${unitHint.vi}`, en: `${prompt.en}${unitHint.en}` },
        // A `%` cell is text (what is typed there is read by the reader); a number a program writes into it is still checked.
        check: { formula: (x) => (shape.percent ? `OR(ISTEXT(${x}),${numberCheck(x, whole, min, max)})` : numberCheck(x, whole, min, max)) },
        // A count is whole, grouped by its format; other numbers are grouped only when they reach 1,000.
        ...(shape.percent ? { format: PERCENT_TEXT } : whole ? { format: WHOLE_GROUPED } : { grouped: true }),
      };
    }
    case 'points': {
      // The formula is Excel's (a dot whatever the locale); the prompt is words (a decimal comma in Vietnamese).
      const top = show(shape.max);
      return role === 'value'
        ? { title: { vi: 'Điểm', en: 'Points' }, prompt: { vi: `Số điểm từ 0 đến ${show(shape.max, 'vi')}.`, en: `Points from 0 to ${top}.` }, check: { formula: (x) => `AND(ISNUMBER(${x}),${x}>=0,${x}<=${top})` } }
        : undefined;
    }
    case 'note':
      return role === 'value' ? { title: { vi: 'Thông tin', en: 'Information' }, prompt: { vi: 'Thông tin thu thập, không tính điểm.', en: 'Collected for information, not scored.' }, check: { formula: () => 'TRUE' } } : undefined;
  }
}

/** A text within Excel's limit for an input message (255) or its title (32): both languages when they fit, else Vietnamese. */
function within(text: Localized, labels: Labels, limit: number, joiner: string): string {
  const both = say(text, labels, joiner);
  return (both.length <= limit ? both : text.vi).slice(0, limit);
}

function validation(rule: CellRule, address: string, other: string, allowNA: boolean, labels: Labels): DataValidation {
  const na = allowNA ? T.na : { vi: '', en: '' };
  const prompt = within({ vi: `${rule.prompt.vi}${na.vi}`, en: `${rule.prompt.en ?? rule.prompt.vi}${na.en}` }, labels, 255, '\n');
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: within(rule.title, labels, 32, ' / '),
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: within(T.invalid, labels, 32, ' / '),
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
  /** The words of the form. */
  readonly labels: Labels;
  /** The language of the drop-down lists. */
  readonly lang: Lang;
  readonly widths: Readonly<Record<keyof FormColumns, number>>;
  /** Number cells that may hold decimals, grouped by conditional formatting. */
  readonly grouped: string[];
  /** The unit's values written into the cells ({@link buildFilledTemplate}); none in a blank template. */
  readonly fill: Filling | undefined;
  row: number;
  listColumn: number;
}

/** The column of a form that shows criteria names: the Vietnamese one, or the English one in an English form. */
function nameColumn(labels: Labels): 'nameVi' | 'nameEn' {
  return labels === 'en' ? 'nameEn' : 'nameVi';
}

/** The name columns a form shows: one, or both in a bilingual form. */
function nameColumns(labels: Labels): readonly ('nameVi' | 'nameEn')[] {
  return labels === 'both' ? ['nameVi', 'nameEn'] : [nameColumn(labels)];
}

/** Indents a row's names by their depth in the tree. */
function indent(sheet: Worksheet, row: number, labels: Labels, depth: number): void {
  for (const role of nameColumns(labels)) {
    const cell = sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
    // Spreadsheet programs indent only text aligned left.
    cell.alignment = { ...cell.alignment, horizontal: 'left', indent: depth };
  }
}

function styleRow(sheet: Worksheet, row: number, fill: Fill | undefined, bold: boolean): void {
  for (const role of ROLES) {
    const cell = sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: WRAPPED.has(role) };
    if (fill) cell.fill = fill;
    cell.font = font(bold ? { bold: true } : {});
  }
}

/** Sets a row's height from the wrapped texts of its cells (a spreadsheet program does not grow a row a program wrote). */
function fitRow<K extends string>(sheet: Worksheet, row: number, widths: Readonly<Record<K, number>>, columns: Readonly<Record<K, string>>, minimum = 1): void {
  const texts: WrappedText[] = [];
  for (const role of Object.keys(columns) as K[]) {
    const cell = sheet.getCell(cellAddress(columns[role], row));
    const width = widths[role];
    if (width === 0 || cell.master.address !== cell.address || typeof cell.value !== 'string' || cell.value === '') continue;
    const size = cell.font?.size ?? BODY_SIZE;
    texts.push({ text: cell.value, width, size, bold: cell.font?.bold === true, indent: cell.alignment?.indent ?? 0 });
  }
  sheet.getRow(row).height = rowHeight(texts, minimum);
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
      cell.dataValidation = validation(rule, address, other, node.leaf!.allowNA, ctx.labels);
      if (rule.format !== undefined) cell.numFmt = rule.format;
      if (rule.grouped === true) ctx.grouped.push(address);
    }
  }
}

/** A checklist's item rows under its leaf row; returns each item's row. */
function itemRows(ctx: FormContext, node: CompiledNode, items: readonly InputOption[], depth: number): Map<string, number> {
  const rows = new Map<string, number>();
  const yesNo = `"${T.yes[ctx.lang]},${T.no[ctx.lang]}${node.leaf!.allowNA ? ',n/a' : ''}"`;
  const rule: CellRule = { title: { vi: 'Có / không', en: 'Yes / no' }, prompt: { vi: 'Chọn "có" nếu đạt mục này, "không" nếu không.', en: 'Pick "yes" when the item is met, "no" when not.' }, check: { list: yesNo } };
  for (const item of items) {
    const row = ctx.row++;
    rows.set(item.id, row);
    styleRow(ctx.sheet, row, undefined, false);
    const at = (role: keyof FormColumns): Cell => ctx.sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
    at('code').value = `${node.code}.${item.id}`;
    at('code').font = font({ size: ITEM_CODE_SIZE, color: { argb: 'FF7F7F7F' } });
    at('code').alignment = { vertical: 'top', wrapText: true };
    if (ctx.labels !== 'en') at('nameVi').value = `• ${item.label.vi}`;
    if (ctx.labels !== 'vi') at('nameEn').value = `• ${item.label.en ?? item.label.vi}`;
    indent(ctx.sheet, row, ctx.labels, depth + 1);
    at('rule').value = say(T.itemWorth(item.worth), ctx.labels);
    for (const [role, fill] of [['value', FILL.input], ['appraisedValue', FILL.appraisal]] as const) {
      const cell = at(role);
      input(cell, fill);
      cell.dataValidation = validation(rule, cell.address, cell.address, node.leaf!.allowNA, ctx.labels);
    }
    at('denominator').fill = FILL.unused;
    at('appraisedDenominator').fill = FILL.unused;
    at('notes').protection = { locked: false };
    fitRow(ctx.sheet, row, ctx.widths, FORM_COLUMNS);
  }
  return rows;
}

/** The name of a node in the form's words: each name column in its own language. */
function names(sheet: Worksheet, row: number, node: CompiledNode, labels: Labels): void {
  if (labels !== 'en') sheet.getCell(cellAddress(FORM_COLUMNS.nameVi, row)).value = node.node.name.vi;
  if (labels !== 'vi') sheet.getCell(cellAddress(FORM_COLUMNS.nameEn, row)).value = node.node.name.en ?? node.node.name.vi;
}

function leafRow(ctx: FormContext, node: CompiledNode, depth: number): void {
  const leaf = node.leaf!;
  const max = leaf.points.get(ctx.level) ?? new Dec(0);
  const row = ctx.row++;
  styleRow(ctx.sheet, row, undefined, false);
  const at = (role: keyof FormColumns): Cell => ctx.sheet.getCell(cellAddress(FORM_COLUMNS[role], row));
  const name = nameColumn(ctx.labels);
  at('code').value = node.code;
  names(ctx.sheet, row, node, ctx.labels);
  indent(ctx.sheet, row, ctx.labels, depth);
  if (node.node.description) at(name).note = say(node.node.description, ctx.labels);
  at('rule').value = say(leaf.rule.describe(leaf.compiled, exactOf(max)), ctx.labels);
  if (leaf.rule.scored) writeDecimal(at('points'), max);
  at('notes').protection = { locked: false };

  let listRef: string | undefined;
  const shape = inputOfLeaf(leaf, ctx.level);
  if (shape.type === 'one-of') {
    const entries = [...choiceEntries(shape.options, ctx.lang), ...(leaf.allowNA ? ['n/a'] : [])];
    const column = columnLetters(++ctx.listColumn);
    entries.forEach((entry, index) => { ctx.lists.getCell(cellAddress(column, index + 1)).value = entry; });
    listRef = `'${XLSX_SHEETS.lists}'!$${column}$1:$${column}$${entries.length}`;
  }
  valueCells(ctx, row, node, shape, valueRoles(shape), listRef);
  fitRow(ctx.sheet, row, ctx.widths, FORM_COLUMNS);
  const items = shape.type === 'any-of' ? itemRows(ctx, node, shape.items, depth) : new Map<string, number>();
  if (ctx.fill) fillLeaf(ctx, ctx.fill, node, shape, row, items);
}

function writeNodes(ctx: FormContext, nodes: readonly CompiledNode[], atom: string, depth: number): void {
  for (const node of nodes) {
    if (!node.scope.has(atom)) continue;
    if (node.leaf) { leafRow(ctx, node, depth); continue; }
    const row = ctx.row++;
    styleRow(ctx.sheet, row, depth === 0 ? FILL.pillar : depth === 1 ? FILL.index : undefined, true);
    ctx.sheet.getCell(cellAddress(FORM_COLUMNS.code, row)).value = node.code;
    names(ctx.sheet, row, node, ctx.labels);
    indent(ctx.sheet, row, ctx.labels, depth);
    fitRow(ctx.sheet, row, ctx.widths, FORM_COLUMNS);
    writeNodes(ctx, node.children, atom, depth + 1);
  }
}

/**
 * What {@link buildFilledTemplate} writes into the cells: the unit's values,
 * appraised values and evidence, and the problems of what cannot be written
 * so that the reader reads it back.
 */
interface Filling {
  readonly unit: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly appraised: Readonly<Record<string, unknown>>;
  readonly evidence: Readonly<Record<string, readonly EvidenceEntry[]>>;
  /** The leaves written, by target, to find the values that have no row. */
  readonly written: { readonly values: Set<string>; readonly appraised: Set<string>; readonly evidence: Set<string> };
  readonly issues: Issue[];
}

const isNA = (value: unknown): boolean => typeof value === 'string' && value.trim().toLowerCase() === 'n/a';
const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A decimal as data holds it (a plain decimal string, or a JSON number), as its plain text; `undefined` for anything else. */
function decimalText(value: unknown): string | undefined {
  if (typeof value === 'string') return readExact(value) === undefined ? undefined : value.trim();
  if (typeof value === 'number') return readExact(value)?.toString();
  return undefined;
}

/**
 * Writes one leaf's value (and appraised value) into its cells as a person
 * types them in this form: the yes/no words and option labels of its
 * drop-down lists, numbers as numbers (text in the form's convention when a
 * double cannot hold them exactly), a `%` leaf in percent units as text,
 * `n/a` as typed. A value the cells cannot hold is an issue at its path.
 */
function fillLeaf(ctx: FormContext, fill: Filling, node: CompiledNode, shape: InputShape, row: number, items: ReadonlyMap<string, number>): void {
  const targets = [
    ['values', fill.values, FORM_COLUMNS.value, FORM_COLUMNS.denominator],
    ['appraised', fill.appraised, FORM_COLUMNS.appraisedValue, FORM_COLUMNS.appraisedDenominator],
  ] as const;
  const locale = ctx.lang;
  const words = { yes: T.yes[ctx.lang], no: T.no[ctx.lang] };
  for (const [target, record, valueColumn, denominatorColumn] of targets) {
    if (!hasOwn(record, node.code) || record[node.code] === undefined) continue;
    fill.written[target].add(node.code);
    const value = record[node.code];
    const path: PathSegment[] = [target, node.code];
    const cell = (column: string, at = row): Cell => ctx.sheet.getCell(cellAddress(column, at));
    const refuse = (expected: string, where: PathSegment[] = path): void => {
      fill.issues.push(makeIssue('value/shape', formatPath(where), { unit: fill.unit, expected }, { node: node.code }));
    };
    /** Writes a decimal into a cell; `false` when the value is not one. */
    const decimal = (column: string, part: unknown, where: PathSegment[]): boolean => {
      const text = decimalText(part);
      if (text === undefined) {
        refuse('decimal', where);
        return false;
      }
      writeDecimal(cell(column), text, undefined, locale);
      return true;
    };
    if (isNA(value)) {
      if (shape.type === 'any-of') for (const itemRow of items.values()) cell(valueColumn, itemRow).value = 'n/a';
      else for (const role of valueRoles(shape)) cell(role === 'value' ? valueColumn : denominatorColumn).value = 'n/a';
      continue;
    }
    switch (shape.type) {
      case 'yes-no':
        if (typeof value === 'boolean') cell(valueColumn).value = value ? words.yes : words.no;
        else refuse('boolean');
        break;
      case 'one-of': {
        const index = shape.options.findIndex((option) => option.id === value);
        if (index < 0) {
          fill.issues.push(makeIssue('value/unknown-option', formatPath(path), { unit: fill.unit, option: String(value), allowed: shape.options.map((option) => option.id) }, { node: node.code }));
          break;
        }
        cell(valueColumn).value = choiceEntries(shape.options, ctx.lang)[index]!;
        break;
      }
      case 'any-of': {
        const ticked = Array.isArray(value) ? value : isRecord(value) ? Object.keys(value).filter((id) => value[id] === true) : undefined;
        if (ticked === undefined || (isRecord(value) && Object.values(value).some((flag) => typeof flag !== 'boolean'))) {
          refuse('checklist');
          break;
        }
        const unknown = ticked.filter((id) => typeof id !== 'string' || !items.has(id));
        for (const id of unknown) fill.issues.push(makeIssue('value/unknown-item', formatPath(path), { unit: fill.unit, item: String(id), allowed: [...items.keys()] }, { node: node.code }));
        if (unknown.length > 0) break;
        for (const [id, itemRow] of items) cell(valueColumn, itemRow).value = ticked.includes(id) ? words.yes : words.no;
        break;
      }
      case 'note':
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') cell(valueColumn).value = value;
        else refuse('scalar');
        break;
      case 'points':
        decimal(valueColumn, value, path);
        break;
      case 'fraction':
      case 'number':
        if (isRecord(value) && takesPair(shape)) {
          decimal(valueColumn, value['numerator'], [...path, 'numerator']);
          decimal(denominatorColumn, value['denominator'], [...path, 'denominator']);
        } else if (shape.type === 'fraction') {
          refuse('fraction');
        } else if (shape.percent) {
          // A `%` cell is text in percent units (3 for 3 %), as the officer types it.
          const text = decimalText(value);
          if (text === undefined) refuse('decimal');
          else cell(valueColumn).value = formatDecimalCell(fractionToPercent(text)!, locale);
        } else {
          decimal(valueColumn, value, path);
        }
        break;
    }
  }
}

/** Whether a leaf's value may be a pair `{ numerator, denominator }`. */
function takesPair(shape: InputShape): boolean {
  return valueRoles(shape).includes('denominator');
}

/** Dates as the evidence sheet shows them: `dd/mm/yyyy` (the reader takes it back to `YYYY-MM-DD`). */
function vietnameseDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * Writes a leaf's evidence entries into its row of the evidence sheet, one
 * entry per line of each cell (the reader's layout): number, date, issuer,
 * title (summary), and the link or the file's SHA-256. A single dated entry's
 * date is a real date; several are `dd/mm/yyyy` lines. An entry with both a
 * link and a SHA-256, or a text holding a line break, cannot be written so
 * (one cell, one line per entry): it is an issue at its path.
 */
function fillEvidence(sheet: Worksheet, row: number, code: string, entries: readonly EvidenceEntry[], fill: Filling): void {
  const base: PathSegment[] = ['evidence', code];
  let writable = true;
  entries.forEach((entry, index) => {
    if (entry.url !== undefined && entry.sha256 !== undefined) {
      fill.issues.push(makeIssue('value/shape', formatPath([...base, index]), { unit: fill.unit, expected: 'single-value', reason: 'url-and-sha256' }, { node: code }));
      writable = false;
    }
    for (const key of ['number', 'date', 'issuer', 'title', 'url', 'sha256'] as const) {
      if (/[\r\n]/.test(entry[key] ?? '')) {
        fill.issues.push(makeIssue('value/shape', formatPath([...base, index, key]), { unit: fill.unit, expected: 'single-value', reason: 'line-break' }, { node: code }));
        writable = false;
      }
    }
  });
  if (!writable || entries.length === 0) return;
  const lines = (pick: (entry: EvidenceEntry) => string | undefined): string | undefined => {
    const texts = entries.map((entry) => pick(entry) ?? '');
    return texts.every((text) => text === '') ? undefined : texts.join('\n');
  };
  const at = (role: keyof EvidenceColumns): Cell => sheet.getCell(cellAddress(EVIDENCE_COLUMNS[role], row));
  const only = entries.length === 1 ? entries[0]!.date : undefined;
  const cells = {
    number: lines((entry) => entry.number),
    date: only !== undefined && vietnameseDate(only) !== undefined ? new Date(`${only}T00:00:00Z`) : lines((entry) => (entry.date === undefined ? undefined : (vietnameseDate(entry.date) ?? entry.date))),
    issuer: lines((entry) => entry.issuer),
    summary: lines((entry) => entry.title),
    link: lines((entry) => entry.url ?? entry.sha256),
  };
  for (const [role, value] of Object.entries(cells) as [keyof typeof cells, string | Date | undefined][]) {
    if (value === undefined) continue;
    const cell = at(role);
    cell.value = value;
    if (typeof value === 'string' && role !== 'date') cell.numFmt = '@';
  }
}

/**
 * Thousands grouping for number cells that may hold decimals, by
 * conditional formatting: a whole number of 1,000 or more shows as
 * `#,##0`, one with decimals as `#,##0.###…` (every digit it has); below
 * 1,000 the cell keeps `General`, which shows exactly what was typed. No
 * single number format can do it: `#,##0.##` shows 1,000 as "1,000."
 */
function groupThousands(sheet: Worksheet, addresses: readonly string[]): void {
  if (addresses.length === 0) return;
  const x = addresses[0]!;
  sheet.addConditionalFormatting({
    ref: addresses.join(' '),
    rules: [
      { type: 'expression', priority: 1, formulae: [`AND(ISNUMBER(${x}),ABS(${x})>=1000,${x}=INT(${x}))`], style: { numFmt: WHOLE_GROUPED } },
      { type: 'expression', priority: 2, formulae: [`AND(ISNUMBER(${x}),ABS(${x})>=1000)`], style: { numFmt: DECIMAL_GROUPED } },
    ],
  });
}

/**
 * The signature block under the form: the place and date, then who
 * prepared it and the head of the unit, each with room to sign ("Người lập
 * biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)").
 * Its words are in the name column and the notes column, centred across
 * the columns to their right without merging cells (a merge over value
 * cells would move wrongly when a program deletes a row above it), never in
 * the code or value columns: the reader passes over rows without a code.
 */
function signatureBlock(ctx: FormContext): void {
  const sheet = ctx.sheet;
  const blocks = [
    { from: nameColumn(ctx.labels), to: 'rule' as const },
    { from: 'notes' as const, to: 'appraisedDenominator' as const },
  ];
  const s = T.signature;
  const lines: [Localized | undefined, Localized | undefined, { bold?: boolean; italic?: boolean }, number][] = [
    [undefined, s.date, { italic: true }, 1],
    [s.preparer, s.head, { bold: true }, 1],
    [s.preparerNote, s.headNote, { italic: true }, 1],
    [undefined, undefined, {}, 4],
    [undefined, undefined, {}, 1],
  ];
  const first = ctx.row + 1;
  lines.forEach(([leftText, rightText], index) => {
    const row = first + index;
    const style = lines[index]![2];
    [leftText, rightText].forEach((text, side) => {
      const block = blocks[side]!;
      for (let column = columnNumber(FORM_COLUMNS[block.from]); column <= columnNumber(FORM_COLUMNS[block.to]); column++) {
        const cell = sheet.getCell(row, column);
        cell.alignment = { horizontal: 'centerContinuous', vertical: 'top' };
        cell.font = font(style);
      }
      if (text !== undefined) sheet.getCell(cellAddress(FORM_COLUMNS[block.from], row)).value = say(text, ctx.labels, ' / ');
    });
    sheet.getRow(row).height = rowHeight([], lines[index]![3]);
  });
  // The date and the signers' names may be typed in.
  const last = first + lines.length - 1;
  for (const address of [cellAddress(FORM_COLUMNS.notes, first), cellAddress(FORM_COLUMNS[blocks[0]!.from], last), cellAddress(FORM_COLUMNS.notes, last)]) {
    sheet.getCell(address).protection = { locked: false };
  }
}

/** A title or instructions above a table: one cell merged across its columns (`width` characters), wrapped, the row as tall as the text. */
function banner(sheet: Worksheet, row: number, last: string, width: number, text: string, style: { bold?: boolean; size?: number } = {}): void {
  sheet.mergeCells(`A${row}:${last}${row}`);
  const cell = sheet.getCell(`A${row}`);
  cell.value = text;
  cell.font = font(style);
  cell.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(row).height = rowHeight([{ text, width, bold: style.bold === true, ...(style.size !== undefined ? { size: style.size } : {}) }]);
}

/** The evidence sheet: one row per leaf of the form, for the documents behind its value. */
function evidenceSheet(sheet: Worksheet, leaves: readonly CompiledNode[], labels: Labels, codeWidth: number, heading: string, fill: Filling | undefined): void {
  const widths: Readonly<Record<keyof EvidenceColumns, number>> = { code: codeWidth, ...EVIDENCE_WIDTHS };
  sheet.columns = EVIDENCE_ROLES.map((role) => ({ width: widths[role], style: { font: font() } }));
  const last = EVIDENCE_COLUMNS[EVIDENCE_ROLES[EVIDENCE_ROLES.length - 1]!];
  const total = EVIDENCE_ROLES.reduce((sum, role) => sum + widths[role], 0);
  const e = T.evidence;
  banner(sheet, 1, last, total, `${say(e.title, labels, ' / ')} — ${heading}`, { bold: true, size: 14 });
  banner(sheet, 2, last, total, say(e.instructions, labels));
  const headerRow = EVIDENCE_HEADER_ROW;
  for (const role of EVIDENCE_ROLES) {
    const cell = sheet.getCell(cellAddress(EVIDENCE_COLUMNS[role], headerRow));
    cell.value = say(e.header[role], labels);
    cell.font = font({ bold: true });
    cell.fill = FILL.header;
  }
  leaves.forEach((node, index) => {
    const row = headerRow + 1 + index;
    const at = (role: keyof EvidenceColumns): Cell => sheet.getCell(cellAddress(EVIDENCE_COLUMNS[role], row));
    at('code').value = node.code;
    at('name').value = labels === 'en' ? (node.node.name.en ?? node.node.name.vi) : say(node.node.name, labels);
    // Evidence the set requires (format reference §12): said in words, in bold, before what it asks for.
    const required = node.leaf?.evidenceRequired === true;
    const asked = node.node.evidence ? say(node.node.evidence, labels) : '';
    if (required) {
      at('asked').value = `${say(e.required, labels, ' / ')}${asked === '' ? '' : `: ${asked}`}`;
      at('asked').font = font({ bold: true });
      at('code').font = font({ bold: true });
    } else if (asked !== '') at('asked').value = asked;
    for (const role of ['number', 'date', 'issuer', 'summary', 'link'] as const) input(at(role), FILL.input);
    at('date').numFmt = 'dd/mm/yyyy';
    const entries = fill?.evidence[node.code];
    if (fill && entries !== undefined) {
      fill.written.evidence.add(node.code);
      fillEvidence(sheet, row, node.code, entries, fill);
    }
  });
  for (let row = headerRow; row <= headerRow + leaves.length; row++) {
    for (const role of EVIDENCE_ROLES) {
      const cell = sheet.getCell(cellAddress(EVIDENCE_COLUMNS[role], row));
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    }
    fitRow(sheet, row, widths, EVIDENCE_COLUMNS);
  }
  forPaper(sheet, { orientation: 'landscape', titleRows: `${headerRow}:${headerRow}`, page: say(T.page, labels, '/') });
  fontEverywhere(sheet);
}

/** The leaves of the form, in tree order. */
function leavesOf(nodes: readonly CompiledNode[], atom: string, out: CompiledNode[] = []): CompiledNode[] {
  for (const node of nodes) {
    if (!node.scope.has(atom)) continue;
    if (node.leaf) out.push(node);
    else leavesOf(node.children, atom, out);
  }
  return out;
}

/** The codes column: wide enough for the longest code on one line (a checklist item's at its smaller size), at most 24 characters. */
function codeColumnWidth(leaves: readonly CompiledNode[]): number {
  let width = 8;
  for (const node of leaves) {
    width = Math.max(width, columnWidthFor(node.code, BODY_SIZE));
    const shape = inputOfLeaf(node.leaf!, undefined);
    if (shape.type === 'any-of') for (const item of shape.items) width = Math.max(width, columnWidthFor(`${node.code}.${item.id}`, ITEM_CODE_SIZE));
  }
  return Math.min(width, 24);
}

function checkOptions(criteria: CriteriaSet, options: TemplateOptions): void {
  if (options.lang !== undefined && !LABELS.includes(options.lang)) throw new DtiError([makeIssue('schema/enum', 'options.lang', { allowed: [...LABELS] })]);
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
 *   leaf with its code (column A), name, the rule in words, the points `P`
 *   at the level, the value cell(s) (yellow) and notes; a checklist leaf has
 *   one row per item below it (code `CODE.itemId`). Columns I and J (green,
 *   locked) take the appraising body's values. Under the criteria, the
 *   signature block: place and date, "Người lập biểu" (Ký, ghi rõ họ tên)
 *   and "Thủ trưởng đơn vị" (Ký tên, đóng dấu);
 * - sheet **Minh chứng**: one row per leaf (code, name, the evidence the set
 *   asks for) with cells for the documents behind the value: number, date,
 *   issuing body, summary, link or file name. The reader does not read it
 *   (submissions carry no evidence yet): it is for the appraising body;
 * - hidden sheets `_meta` (criteria `id@version`, sha256, level, group,
 *   language, layout version and where everything is) and `_lists` (the
 *   choice lists).
 *
 * The words are Vietnamese unless `options.lang` says `en` or `both`
 * (Vietnamese, then English); names show in the form's language (a
 * bilingual form has a column per language).
 *
 * Made for paper: every sheet prints on A4 (the form and the evidence
 * landscape, the identity portrait) fit to the page width, with its header
 * row on every page, the page number at the foot, every cell in Times New
 * Roman (Vietnamese administration's font; Liberation Serif, metric
 * compatible, where it is missing) and every row as tall as its wrapped
 * text (spreadsheet programs do not grow a row written by a program).
 * Counts show thousands separators (`#,##0`; other numbers from 1,000 on,
 * by conditional formatting, keeping their decimals); a `%` cell is text
 * and takes percent units as typed (`3`, `1,7` or `1,7%` for 1,7 %).
 *
 * Value cells carry Excel data validation with an input message: yes/no
 * and choice leaves a drop-down (`có,không`; a choice leaf's option labels in
 * `lang`, or its ids when two labels could be confused), ratios numbers >= 0
 * with `n <= d` checked by a formula (unless `allowOver`), counts whole
 * numbers >= 0, `appraised` 0..P, `linear` and `relative` numbers; where
 * the leaf allows it, `n/a` passes every check (it is in the drop-down
 * lists). The sheets are protected without a password, to prevent
 * accidents only: codes, names and rules are locked, rows cannot be inserted
 * or deleted; Review → Unprotect Sheet lifts it (the appraising body does so
 * to fill columns I and J). The same options give the same bytes.
 *
 * Rejects with a {@link DtiError} for an invalid set, an unknown level or
 * group, a missing group, or a `lang` other than `vi`, `en`, `both`.
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
  return writeTemplate(criteria, options, undefined);
}

/** Options of {@link buildFilledTemplate}: the template's, less what the unit gives (its identity, level and group). */
export interface FilledTemplateOptions {
  /** The language of the form's words, as in {@link TemplateOptions.lang}; also how numbers written as text read (`4,5` unless `en`). */
  readonly lang?: 'vi' | 'en' | 'both';
  /** The assessment period written on the identity sheet (`"2024"`). */
  readonly period?: string;
  /** The identity cells locked, as in a form handed to one named unit. */
  readonly locked?: boolean;
}

/**
 * The template of the unit's level (and group), filled with the unit's
 * submission as a person would type it, so that {@link safeReadWorkbook}
 * reads it back to the same unit: the identity sheet (id, name, parent,
 * `options.period`), every value and appraised value in its cells, the
 * evidence entries on the evidence sheet. Written by the same writer as
 * {@link buildTemplate} (same layout, checks, protection and print setup):
 * a portal can hand the officer the workbook of what was typed on the page,
 * to print, sign, keep or send, and the Department reads it like any other.
 *
 * How each value is typed: yes/no as the words of the drop-down list (`có`,
 * `không`), an option by its entry in the list, a checklist item by item,
 * numbers as numbers (as text in the form's convention, `1.234,5`, when a
 * double cannot hold every digit), a `%` leaf in percent units as text (`3`
 * for `0.03`, as its cell takes it), `n/a` as it is. Evidence entries go one
 * per line of the cells of the leaf's row; the sheet has no column for the
 * kind, so it reads back from the fields given (a number or an issuer: a
 * document; a SHA-256: a file; an address alone: a link), and dates as
 * `YYYY-MM-DD`.
 *
 * Rejects with a {@link DtiError} listing every problem: those of
 * {@link buildTemplate} (level, group, `lang`), a value for a code that has
 * no row in this form (`submission/unknown-leaf`,
 * `submission/not-a-leaf`, `submission/leaf-not-applicable`), a value its
 * cells cannot hold (`value/shape`, `value/unknown-option`,
 * `value/unknown-item`), an evidence entry with both a link and a SHA-256 or
 * a line break in a text. Values the cells hold but the rules refuse
 * (`n > d`, a negative count) are written as given: the reader reports them
 * at their cells, as it would had the officer typed them.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { buildFilledTemplate, safeReadWorkbook } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const unit = {
 *   id: 'my-khanh',
 *   name: 'Xã Mỹ Khánh',
 *   level: 'commune',
 *   values: { 'CQS.1.1': 'deputy', 'CQS.1.3': { numerator: '12', denominator: '15' }, 'CQS.2.1': true, 'CQS.7.3': '0.03', 'KTS.3.2': 'n/a' },
 * };
 * const bytes = await buildFilledTemplate(criteria, unit, { period: '2024' });
 * const back = await safeReadWorkbook(bytes, { name: 'my-khanh.xlsx', criteria });
 * console.log(back.ok && back.value.unit.values['CQS.7.3']); // 0.03
 * console.log(back.ok && back.value.period); // 2024
 * console.log(back.ok && JSON.stringify(back.value.unit.values) === JSON.stringify(unit.values)); // true
 * ```
 */
export async function buildFilledTemplate(criteria: CriteriaSet, unit: UnitSubmission, options: FilledTemplateOptions = {}): Promise<Uint8Array> {
  const fill: Filling = {
    unit: unit.id,
    values: unit.values,
    appraised: unit.appraised ?? {},
    evidence: unit.evidence ?? {},
    written: { values: new Set(), appraised: new Set(), evidence: new Set() },
    issues: [],
  };
  const templateOptions: TemplateOptions = {
    level: unit.level,
    ...(typeof unit.group === 'string' ? { group: unit.group } : {}),
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    ...(options.period !== undefined ? { period: options.period } : {}),
    unit: { id: unit.id, ...(unit.name !== undefined ? { name: unit.name } : {}), ...(typeof unit.parent === 'string' ? { parent: unit.parent } : {}), ...(options.locked !== undefined ? { locked: options.locked } : {}) },
  };
  const bytes = await writeTemplate(criteria, templateOptions, fill);
  const compiled = compileCriteria(criteria);
  for (const [target, record] of [['values', fill.values], ['appraised', fill.appraised], ['evidence', fill.evidence]] as const) {
    for (const code of Object.keys(record)) {
      if (record[code] === undefined || fill.written[target].has(code)) continue;
      const node = compiled.byCode.get(code);
      const code_ = !node ? 'submission/unknown-leaf' : !node.leaf ? 'submission/not-a-leaf' : 'submission/leaf-not-applicable';
      fill.issues.push(makeIssue(code_, formatPath([target, code]), { unit: unit.id, code }, { node: code }));
    }
  }
  if (fill.issues.length > 0) throw new DtiError(fill.issues);
  return bytes;
}

/** The template writer: a blank form, or one filled with a unit's values (`fill`). */
async function writeTemplate(criteria: CriteriaSet, options: TemplateOptions, fill: Filling | undefined): Promise<Uint8Array> {
  const compiled = compileCriteria(criteria);
  checkOptions(criteria, options);
  const labels = options.lang ?? 'vi';
  const lang: Lang = labels === 'en' ? 'en' : 'vi';
  const level = criteria.levels.find((entry) => entry.id === options.level)!;
  const group = level.groups?.find((entry) => entry.id === options.group);
  const atom = atomOf(level.id, group?.id);
  const ref = `${criteria.id}@${criteria.version}`;
  const leaves = leavesOf(compiled.roots, atom);
  const page = say(T.page, labels, '/');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dti-criteria';
  const unitSheet = workbook.addWorksheet(XLSX_SHEETS.unit, { views: [{ showGridLines: false }] });
  const form = workbook.addWorksheet(XLSX_SHEETS.form, { views: [{ state: 'frozen', xSplit: 1, ySplit: FORM_HEADER_ROW }] });
  const evidence = workbook.addWorksheet(XLSX_SHEETS.evidence, { views: [{ state: 'frozen', xSplit: 1, ySplit: EVIDENCE_HEADER_ROW }] });
  const lists = workbook.addWorksheet(XLSX_SHEETS.lists, { state: 'veryHidden' });
  const meta = workbook.addWorksheet(XLSX_SHEETS.meta, { state: 'veryHidden' });

  // The identity sheet.
  const unitWidths = { label: 28, value: 30, hint: 46 };
  unitSheet.columns = Object.values(unitWidths).map((width) => ({ width, style: { font: font() } }));
  const unitColumns = { label: 'A', value: 'B', hint: 'C' };
  const unitTotal = unitWidths.label + unitWidths.value + unitWidths.hint;
  banner(unitSheet, 1, 'C', unitTotal, `${say(T.unitTitle, labels, ' / ')} — ${say(criteria.title, labels, ' / ')}`, { bold: true, size: 14 });
  banner(unitSheet, 2, 'C', unitTotal, say(T.unitInstructions, labels));
  const identity: Record<UnitField, { value: string; hint: string; editable: boolean }> = {
    criteria: { value: ref, hint: say(criteria.title, labels), editable: false },
    id: { value: options.unit?.id ?? '', hint: say(T.hints.id, labels), editable: options.unit?.locked !== true },
    name: { value: options.unit?.name ?? '', hint: say(T.hints.name, labels), editable: options.unit?.locked !== true },
    level: { value: level.id, hint: say(level.name, labels), editable: false },
    group: { value: group?.id ?? '', hint: group ? say(group.name, labels) : say(T.hints.noGroups, labels), editable: false },
    parent: { value: options.unit?.parent ?? '', hint: say(T.hints.parent, labels), editable: options.unit?.locked !== true },
    period: { value: options.period ?? '', hint: say(T.hints.period, labels), editable: true },
  };
  for (const field of UNIT_FIELDS) {
    const address = UNIT_CELLS[field];
    const row = Number(address.slice(1));
    const entry = identity[field];
    const label = unitSheet.getCell(`A${row}`);
    label.value = say(T.fields[field], labels);
    label.font = font({ bold: true });
    label.alignment = { wrapText: true, vertical: 'top' };
    const value = unitSheet.getCell(address);
    value.value = entry.value;
    value.numFmt = '@';
    value.border = BORDER;
    value.alignment = { wrapText: true, vertical: 'top' };
    if (entry.editable) input(value, FILL.input);
    const hint = unitSheet.getCell(`C${row}`);
    hint.value = entry.hint;
    hint.font = font({ italic: true, color: { argb: 'FF595959' } });
    hint.alignment = { wrapText: true, vertical: 'top' };
    fitRow(unitSheet, row, unitWidths, unitColumns);
  }
  forPaper(unitSheet, { orientation: 'portrait', page });
  fontEverywhere(unitSheet);
  await unitSheet.protect('', PROTECTION);

  // The form.
  const widths = formWidths(labels, codeColumnWidth(leaves));
  form.columns = ROLES.map((role) => ({ key: role, width: widths[role] === 0 ? 10 : widths[role], hidden: widths[role] === 0, style: { font: font() } }));
  const lastColumn = FORM_COLUMNS[ROLES[ROLES.length - 1]!];
  const shownWidth = ROLES.reduce((sum, role) => sum + widths[role], 0);
  const scope = group ? `${say(level.name, labels, ' / ')} — ${say(group.name, labels, ' / ')}` : say(level.name, labels, ' / ');
  banner(form, 1, lastColumn, shownWidth, `${say(criteria.title, labels, ' / ')} (${ref}) — ${scope}`, { bold: true, size: 14 });
  banner(form, 2, lastColumn, shownWidth, say(T.instructions(T.textDecimal, FORM_COLUMNS), labels));
  styleRow(form, FORM_HEADER_ROW, FILL.header, true);
  for (const role of ROLES) {
    if (widths[role] === 0) continue;
    form.getCell(cellAddress(FORM_COLUMNS[role], FORM_HEADER_ROW)).value = say(T.header[role], labels);
    form.getCell(cellAddress(FORM_COLUMNS[role], FORM_HEADER_ROW)).alignment = { vertical: 'top', wrapText: true };
  }
  fitRow(form, FORM_HEADER_ROW, widths, FORM_COLUMNS);
  const ctx: FormContext = { sheet: form, lists, level: level.id, labels, lang, widths, grouped: [], fill, row: FORM_HEADER_ROW + 1, listColumn: 0 };
  writeNodes(ctx, compiled.roots, atom, 0);
  groupThousands(form, ctx.grouped);
  signatureBlock(ctx);
  forPaper(form, { orientation: 'landscape', titleRows: `${FORM_HEADER_ROW}:${FORM_HEADER_ROW}`, page });
  fontEverywhere(form);
  await form.protect('', PROTECTION);

  // The evidence, one row per leaf.
  evidenceSheet(evidence, leaves, labels, widths.code, `${say(criteria.title, labels, ' / ')} (${ref}) — ${scope}`, fill);
  await evidence.protect('', PROTECTION);

  // The layout record.
  const metaRows: [string, string | number][] = [
    ['format', META_FORMAT],
    ['layout', XLSX_LAYOUT_VERSION],
    ['criteria', ref],
    ['sha256', criteriaHash(criteria)],
    ['level', level.id],
    ['group', group?.id ?? ''],
    ['lang', lang],
    ['labels', labels],
    ['sheet.unit', XLSX_SHEETS.unit],
    ['sheet.form', XLSX_SHEETS.form],
    ['sheet.evidence', XLSX_SHEETS.evidence],
    ['form.headerRow', FORM_HEADER_ROW],
    ...ROLES.map((role): [string, string] => [`column.${role}`, FORM_COLUMNS[role]]),
    ...UNIT_FIELDS.map((field): [string, string] => [`unit.${field}`, UNIT_CELLS[field]]),
    ['evidence.headerRow', EVIDENCE_HEADER_ROW],
    ...EVIDENCE_ROLES.map((role): [string, string] => [`evidence.column.${role}`, EVIDENCE_COLUMNS[role]]),
  ];
  metaRows.forEach(([key, value], index) => {
    meta.getCell(`A${index + 1}`).value = key;
    meta.getCell(`B${index + 1}`).value = value;
  });

  // The same bytes on every run: a published form can be checked against its sha256.
  return deterministicBytes(workbook, documentDate(criteria.effective.from), PRINT_PARTS);
}
