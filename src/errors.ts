import { formatPath, parsePath, type PathSegment } from './path.js';

/** The kind of an issue parameter: free text from the data, a number, or a list of ids. `?` marks an optional one. */
export type IssueParamKind = 'text' | 'number' | 'list';

type ParamSpec = Readonly<Record<string, IssueParamKind | `${IssueParamKind}?`>>;
type ValueOfKind<K> = K extends 'text' ? string : K extends 'number' ? number : K extends 'list' ? readonly string[] : never;
type RequiredKeys<S extends ParamSpec> = { [P in keyof S]: S[P] extends `${string}?` ? never : P }[keyof S];
type OptionalKeys<S extends ParamSpec> = { [P in keyof S]: S[P] extends `${string}?` ? P : never }[keyof S];
type ParamValues<S extends ParamSpec> = { readonly [P in RequiredKeys<S>]: ValueOfKind<S[P]> } & {
  readonly [P in OptionalKeys<S>]?: ValueOfKind<S[P] extends `${infer K}?` ? K : never>;
};

/** One catalogue entry: the parameters a code takes, and its Vietnamese and English message built from them. */
interface Entry<S extends ParamSpec> {
  readonly params: S;
  readonly text: (p: ParamValues<S>) => readonly [vi: string, en: string];
}

function entry<const S extends ParamSpec>(params: S, text: (p: ParamValues<S>) => readonly [vi: string, en: string]): Entry<S> {
  return { params, text };
}

/** Why a file could not be read or written (`reason` of `input/read` and `output/write`): an errno code or one of ours. */
const IO_REASONS: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  ENOENT: ['không có tệp hoặc thư mục này', 'no such file or folder'],
  EACCES: ['không có quyền', 'permission denied'],
  EPERM: ['không được phép', 'operation not permitted'],
  EISDIR: ['đây là thư mục, không phải tệp', 'it is a folder, not a file'],
  ENOTDIR: ['không phải thư mục', 'not a folder'],
  EEXIST: ['đã tồn tại', 'already exists'],
  ENOSPC: ['hết chỗ trên đĩa', 'no space left on the disk'],
  EROFS: ['ổ đĩa chỉ đọc', 'read-only file system'],
  EMFILE: ['quá nhiều tệp đang mở', 'too many open files'],
  'no-workbooks': ['thư mục không có tệp .xlsx', 'no .xlsx workbook in the folder'],
  'not-xlsx': ['không phải sổ tính Excel .xlsx (tệp .xls cũ phải lưu lại thành .xlsx)', 'not an Excel .xlsx workbook (an old .xls must be saved as .xlsx)'],
  'strict-ooxml': ['sổ tính được lưu ở dạng "Strict Open XML Spreadsheet": hãy lưu lại thành "Excel Workbook (*.xlsx)"', 'the workbook was saved as "Strict Open XML Spreadsheet": save it again as "Excel Workbook (*.xlsx)"'],
  network: ['không kết nối được (mạng, hoặc máy chủ không cho trang này đọc: CORS)', 'no connection (the network, or the server does not let this page read it: CORS)'],
};
const ioReason = (reason: string, lang: 0 | 1): string => IO_REASONS[reason]?.[lang] ?? reason;

/**
 * The `reason` parameter of `input/read` and `output/write` for a failed file
 * operation: the system's error code (`ENOENT`, `EACCES`, …), never its
 * English message.
 *
 * @example
 * ```ts
 * import { ioFailure } from 'dti-criteria';
 * import { readFileSync } from 'node:fs';
 * let reason = '';
 * try { readFileSync('no-such-file.json'); } catch (error) { reason = ioFailure(error); }
 * console.log(reason); // ENOENT
 * ```
 */
export function ioFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : 'unknown';
}

/** The unit a value issue concerns, as the start of its message (nothing when the issue is about one unit's form). */
const unitVi = (unit: string | undefined): string => (unit === undefined ? '' : `đơn vị "${unit}": `);
const unitEn = (unit: string | undefined): string => (unit === undefined ? '' : `unit "${unit}": `);

/** A list parameter as a message shows it. */
const list = (items: readonly string[] | undefined): string => (items === undefined || items.length === 0 ? '—' : items.join(', '));

/** Names of the formats `schema/format` reports (`format` parameter), in both languages. */
const FORMAT_NAMES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  'kebab-id': ['chữ thường, số và dấu gạch nối, ví dụ "can-tho"', 'lowercase kebab-case, for example "can-tho"'],
  id: ['chữ, số, "-" hoặc "_", ví dụ "department", "A"', 'letters, digits, - and _, for example "department", "A"'],
  code: ['mã phân cấp bằng dấu chấm, ví dụ "CQS.1.2"', 'a dotted code, for example "CQS.1.2"'],
  'criteria-ref': ['"id" hoặc "id@phiên-bản", ví dụ "can-tho@2025.1.0", không phải đường dẫn tệp', '"id" or "id@version", for example "can-tho@2025.1.0", not a file path'],
  'manifest-file': ['"<id>/<phiên-bản>.json"', '"<id>/<version>.json"'],
  whole: ['số nguyên', 'a whole number'],
  sha256: ['64 chữ số thập lục phân', '64 hexadecimal digits'],
  url: ['một địa chỉ web, ví dụ "https://…/criteria/manifest.json"', 'a web address, for example "https://…/criteria/manifest.json"'],
};
const formatName = (format: string, lang: 0 | 1): string => FORMAT_NAMES[format]?.[lang] ?? format;

/** Names of the things `input/too-large` counts (`what` parameter), in both languages. */
const COUNTED: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  nodes: ['nút', 'nodes'],
  children: ['nút con của một nút', 'children of one node'],
  units: ['đơn vị', 'units'],
  rows: ['dòng', 'rows'],
  bytes: ['byte', 'bytes'],
  items: ['phần tử', 'items'],
  characters: ['ký tự', 'characters'],
  issues: ['lỗi', 'issues'],
};
const counted = (what: string | undefined, lang: 0 | 1): string => (what === undefined ? '' : ` ${COUNTED[what]?.[lang] ?? what}`);

/**
 * What a value should have looked like (`expected` parameter of `value/shape`), in both languages;
 * another text is shown as it is (a type name, a JSON shape).
 */
const SHAPES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  boolean: ['đúng/sai (true / false)', 'true / false'],
  'boolean-word': ['có/không (true/false, 1/0, yes/no, có/không, x)', 'yes or no (true/false, 1/0, yes/no, có/không, x)'],
  'boolean-or-empty': ['có/không (true/false, 1/0, yes/no, có/không, x) hoặc để trống', 'yes or no (true/false, 1/0, yes/no, có/không, x), or empty'],
  decimal: ['một số', 'a decimal number'],
  'decimal-vi': ['một số dạng 1.234,5', 'a number such as 1.234,5'],
  'decimal-en': ['một số dạng 1234.5', 'a plain number such as 1234.5'],
  'non-negative': ['một số không âm', 'a decimal number >= 0'],
  whole: ['một số nguyên không âm', 'a whole number >= 0'],
  'appraised-points': ['số điểm từ 0 đến điểm tối đa', 'points from 0 to the maximum'],
  'decimal-or-fraction': ['một số hoặc phân số { "numerator", "denominator" }', 'a decimal number or { "numerator", "denominator" }'],
  'single-value': ['một giá trị', 'a single value'],
  'list-option': ['một lựa chọn trong danh sách', 'one of the options in the list'],
  value: ['một giá trị', 'a value'],
  'value-or-na': ['"n/a" hoặc giá trị đúng quy tắc', '"n/a" or a value the rule accepts'],
  fraction: ['{ "numerator": n, "denominator": d }', '{ "numerator": n, "denominator": d }'],
  option: ['mã một lựa chọn', 'an option id'],
  item: ['mã một mục', 'an item id'],
  checklist: ['{ "mã-mục": true, ... } hoặc ["mã-mục", ...]', '{ "itemId": true, ... } or ["itemId", ...]'],
  scalar: ['một giá trị đơn (chữ, số, đúng/sai)', 'a scalar (text, number, true/false)'],
  'single-cell': ['mỗi giá trị một ô: bỏ gộp ô', 'one value per cell: unmerge the cells'],
  blank: ['để trống: ô này không dùng cho tiêu chí này', 'nothing: this cell is not used for this criterion'],
};
const shape = (expected: string, lang: 0 | 1): string => SHAPES[expected]?.[lang] ?? expected;

/** Why a cell's content cannot be read (`reason` parameter of `value/shape`), in both languages. */
const CELL_REASONS: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  'pair-half': ['ô kia của cặp đã có số', 'the other cell of the pair is filled'],
  'na-both': ['"n/a" phải ghi ở cả hai ô', '"n/a" goes in both cells'],
  'na-all': ['"n/a" chỉ khi mọi mục đều n/a', '"n/a" only when every item is n/a'],
  'cell-error': ['ô đang báo lỗi', 'the cell holds the error'],
  'no-result': ['công thức chưa có kết quả: mở và lưu lại bằng Excel', 'the formula has no saved result: open and save the workbook in Excel'],
  date: ['không phải ngày tháng; ô đọc ra', 'not a date; the cell reads as'],
  'number-limits': ['số vượt giới hạn của thư viện (30 chữ số có nghĩa, độ lớn 10^±30):', 'a number beyond the library\'s limits (30 significant digits, magnitudes 10^±30):'],
  typed: ['số liệu ghi số thập phân thường, dấu chấm, không dấu phân cách hàng nghìn: ghi', 'data holds plain decimals, a dot and no thousands separator: write'],
  'url-and-sha256': ['trang minh chứng có một ô cho liên kết hoặc mã SHA-256, không ghi được cả hai', 'the evidence sheet has one cell for a link or a SHA-256, not both'],
  'line-break': ['mỗi minh chứng một dòng trong ô: chữ không được xuống dòng', 'one line per entry in a cell: the text must not hold a line break'],
};
/** A decimal without the trailing zeros of its decimals (`1.000` → `1`, `12.500` → `12.5`). */
function trimDecimal(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
}
/** A decimal written so that it cannot be read as thousands: trailing zeros dropped, or one more added when three decimals remain. */
function unambiguousDecimal(decimal: string, point: string): string {
  const trimmed = trimDecimal(decimal);
  const decimals = trimmed.split('.')[1] ?? '';
  return (decimals.length === 3 ? `${trimmed}0` : trimmed).replace('.', point);
}
const because = (reason: string | undefined, found: string | undefined, lang: 0 | 1): string =>
  reason === undefined ? '' : ` (${CELL_REASONS[reason]?.[lang] ?? reason}${found === undefined ? '' : ` ${found}`})`;

/**
 * Every stable problem code, with the parameters it takes and its message in
 * Vietnamese and English (`docs/guides/error-codes.md` is generated from it).
 */
const catalogue = {
  'json/syntax': entry({ detail: 'text' }, (p) => [`JSON không hợp lệ: ${p.detail}`, `malformed JSON: ${p.detail}`]),
  'json/duplicate-key': entry({ key: 'text', line: 'number', column: 'number', firstLine: 'number', firstColumn: 'number' }, (p) => [`khóa "${p.key}" được ghi lại lần nữa ở dòng ${p.line}, cột ${p.column} (lần đầu ở dòng ${p.firstLine}, cột ${p.firstColumn}); JSON chỉ giữ giá trị ghi sau cùng nên giá trị trước sẽ mất mà không báo: hãy xóa hoặc gộp một trong hai`, `key "${p.key}" given again at line ${p.line}, column ${p.column} (first at line ${p.firstLine}, column ${p.firstColumn}); JSON would keep only the last value and silently drop the other: remove or merge one of them`]),
  'input/read': entry({ file: 'text', reason: 'text', detail: 'text?' }, (p) => [`không đọc được ${p.file}: ${ioReason(p.reason, 0)}${p.detail === undefined ? '' : ` (${p.detail})`}`, `cannot read ${p.file}: ${ioReason(p.reason, 1)}${p.detail === undefined ? '' : ` (${p.detail})`}`]),
  'input/too-large': entry({ limit: 'number', what: 'text?' }, (p) => [`dữ liệu vượt giới hạn ${p.limit}${counted(p.what, 0)}`, `input exceeds the limit of ${p.limit}${counted(p.what, 1)}`]),
  'schema/unknown-key': entry({ key: 'text' }, (p) => [`khóa không được phép "${p.key}" (gõ sai tên trường?)`, `unknown key "${p.key}" (misspelt field?)`]),
  'schema/required': entry({}, () => ['thiếu trường bắt buộc', 'required field is missing']),
  'schema/type': entry({ expected: 'text' }, (p) => [`sai kiểu dữ liệu: cần ${p.expected}`, `wrong type: expected ${p.expected}`]),
  'schema/decimal': entry({}, () => ['không phải số thập phân hợp lệ (ví dụ "12.5")', 'not a valid decimal (for example "12.5")']),
  'schema/enum': entry({ allowed: 'list' }, (p) => [`giá trị không hợp lệ; cho phép: ${list(p.allowed)}`, `invalid value; allowed: ${list(p.allowed)}`]),
  'schema/format': entry({ format: 'text' }, (p) => [`định dạng sai: cần ${formatName(p.format, 0)}`, `bad format: expected ${formatName(p.format, 1)}`]),
  'schema/date': entry({}, () => ['ngày không hợp lệ (cần YYYY-MM-DD, ngày có thật)', 'invalid date (expected a real YYYY-MM-DD date)']),
  'schema/version': entry({}, () => ['phiên bản sai định dạng NĂM.CHÍNH.PHỤ (ví dụ "2022.1.0")', 'version must be YEAR.MAJOR.MINOR (for example "2022.1.0")']),
  'schema/too-small': entry({ min: 'number' }, (p) => [`cần ít nhất ${p.min} phần tử`, `needs at least ${p.min} item(s)`]),
  'schema/range': entry({ range: 'text' }, (p) => [`giá trị ngoài khoảng cho phép ${p.range}`, `value outside the allowed range ${p.range}`]),
  'schema/invalid': entry({ detail: 'text' }, (p) => [`giá trị không hợp lệ: ${p.detail}`, `invalid value: ${p.detail}`]),
  'rule/unknown-kind': entry({ kind: 'text', allowed: 'list' }, (p) => [`loại quy tắc không tồn tại "${p.kind}"; cho phép: ${list(p.allowed)}`, `unknown rule kind "${p.kind}"; allowed: ${list(p.allowed)}`]),
  'rule/points-or-fraction': entry({}, () => ['cần đúng một trong hai trường "points" hoặc "fraction"', 'give exactly one of "points" or "fraction"']),
  'rule/fraction-range': entry({}, () => ['"fraction" phải nằm trong [0, 1]', '"fraction" must lie in [0, 1]']),
  'rule/worth-more-than-points': entry({ level: 'text', max: 'text', worth: 'text' }, (p) => [`mức/lựa chọn này được ${p.worth} điểm, vượt điểm tối đa ${p.max} của tiêu chí ở cấp "${p.level}"`, `worth ${p.worth} points, more than the leaf's ${p.max} at level "${p.level}"`]),
  'rule/target-not-positive': entry({}, () => ['"target" phải lớn hơn 0', '"target" must be greater than 0']),
  'rule/floor-range': entry({}, () => ['"floor" phải nằm trong [0, 1]', '"floor" must lie in [0, 1]']),
  'rule/from-equals-to': entry({}, () => ['"from" và "to" không được bằng nhau', '"from" and "to" must differ']),
  'rule/each-not-positive': entry({}, () => ['"each" phải lớn hơn 0', '"each" must be greater than 0']),
  'rule/band-min-max': entry({}, () => ['"min" của mức lớn hơn "max"', 'band "min" is greater than its "max"']),
  'rule/negative': entry({}, () => ['không được âm', 'must not be negative']),
  'criteria/duplicate-code': entry({ code: 'text', first: 'text' }, (p) => [`mã "${p.code}" bị trùng (đã dùng tại ${p.first})`, `duplicate code "${p.code}" (first used at ${p.first})`]),
  'criteria/duplicate-id': entry({ id: 'text' }, (p) => [`định danh "${p.id}" bị trùng`, `duplicate id "${p.id}"`]),
  'criteria/code-not-under-parent': entry({ code: 'text', parent: 'text' }, (p) => [`mã "${p.code}" phải bắt đầu bằng mã nút cha "${p.parent}."`, `code "${p.code}" must start with its parent's code "${p.parent}."`]),
  'criteria/alias-collides': entry({ alias: 'text' }, (p) => [`bí danh "${p.alias}" trùng với một mã đang dùng trong bộ`, `alias "${p.alias}" equals a code of this set`]),
  'criteria/node-shape': entry({}, () => ['nút phải là nút lá (có "rule") hoặc nút tổng hợp (có "children"), không được cả hai', 'a node is either a leaf (with "rule") or an aggregate (with "children"), not both or neither']),
  'criteria/unknown-level': entry({ level: 'text' }, (p) => [`cấp "${p.level}" không có trong "levels"`, `level "${p.level}" is not declared in "levels"`]),
  'criteria/unknown-group': entry({ group: 'text', level: 'text' }, (p) => [`nhóm "${p.group}" không có trong cấp "${p.level}"`, `group "${p.group}" is not declared for level "${p.level}"`]),
  'criteria/applies-widens': entry({ scope: 'text' }, (p) => [`"appliesTo" mở rộng phạm vi của nút cha (${p.scope}); chỉ được thu hẹp`, `"appliesTo" widens the parent's applicability (${p.scope}); it may only narrow it`]),
  'criteria/applies-empty': entry({}, () => ['"appliesTo" không được rỗng', '"appliesTo" must not be empty']),
  'criteria/missing-points': entry({ level: 'text' }, (p) => [`tiêu chí áp dụng cho cấp "${p.level}" nhưng thiếu điểm cho cấp này`, `the leaf applies to level "${p.level}" but has no points for it`]),
  'criteria/points-not-applicable': entry({ level: 'text' }, (p) => [`có điểm cho cấp "${p.level}" nhưng tiêu chí không áp dụng cho cấp này`, `points given for level "${p.level}", to which the leaf does not apply`]),
  'criteria/range-order': entry({ min: 'text', max: 'text' }, (p) => [`khoảng giá trị sai: min ${p.min} lớn hơn max ${p.max}`, `the range is empty: min ${p.min} is above max ${p.max}`]),
  'criteria/range-not-numeric': entry({ kind: 'text' }, (p) => [`"range" chỉ dùng cho tiêu chí nhận một số; quy tắc "${p.kind}" không nhận số`, `"range" is for leaves that take a number; a "${p.kind}" rule does not`]),
  'criteria/variant-published': entry({}, () => ['bộ tiêu chí có "derivedFrom" là biến thể phân tích, không bao giờ là phiên bản chính thức: "status" phải là "draft"', 'a set with "derivedFrom" is an analysis variant, never an official version: its "status" must be "draft"']),
  'criteria/evidence-on-aggregate': entry({}, () => ['"evidenceRequired" chỉ dùng cho tiêu chí lá (minh chứng đi kèm giá trị của tiêu chí lá), không dùng cho nút tổng hợp', '"evidenceRequired" is for leaves only (evidence goes with a leaf\'s value), not for an aggregate']),
  'criteria/info-has-points': entry({}, () => ['tiêu chí loại "info" không tính điểm, không được có "points"', 'an "info" leaf is never scored and must not have "points"']),
  'criteria/expected-max-mismatch': entry({ actual: 'text', expected: 'text', scope: 'text' }, (p) => [`tổng điểm tối đa tính được là ${p.actual}, khác expectedMax ${p.expected} (${p.scope})`, `computed maximum ${p.actual} differs from expectedMax ${p.expected} (${p.scope})`]),
  'criteria/expected-max-groups': entry({ groups: 'list' }, (p) => [`expectedMax của cấp có nhóm phải ghi theo đúng các nhóm: ${list(p.groups)}`, `expectedMax of a level with groups must give a value for each of its groups: ${list(p.groups)}`]),
  'criteria/expected-max-single': entry({}, () => ['cấp không chia nhóm: expectedMax phải là một số', 'a level without groups takes a single decimal expectedMax']),
  'criteria/rating-range': entry({}, () => ['"min" của mức xếp loại là chỉ số, phải nằm trong [0, 1] (ví dụ "0.9", không phải "90")', 'a rating "min" is an index and must lie in [0, 1] (for example "0.9", not "90")']),
  'rule/target-unreachable': entry({}, () => ['"target" lớn hơn 1 mà không có "allowOver": không đơn vị nào đạt đủ điểm (nhập 0.8 thay vì 80?)', '"target" above 1 without "allowOver" can never earn full points (0.8 rather than 80?)']),
  'criteria/precision': entry({ places: 'number' }, (p) => [`số chữ số thập phân nhiều hơn rounding.points (${p.places}): điểm tối đa phải ghi được đúng như sẽ công bố`, `more decimals than rounding.points (${p.places}): a maximum must be publishable exactly as written`]),
  'criteria/effective-dates': entry({}, () => ['"effective.to" không được trước "effective.from"', '"effective.to" must not be before "effective.from"']),
  'criteria/ratings-order': entry({}, () => ['các mức xếp loại phải theo "min" giảm dần', 'ratings must be listed with "min" strictly decreasing']),
  'criteria/cap-level': entry({ level: 'text' }, (p) => [`"cap" nêu cấp "${p.level}" mà nút không áp dụng`, `"cap" names level "${p.level}", to which the node does not apply`]),
  'criteria/no-levels-apply': entry({}, () => ['nút không áp dụng cho cấp nào', 'the node applies to no level']),
  'criteria/too-deep': entry({ limit: 'number' }, (p) => [`cây tiêu chí sâu quá ${p.limit} tầng`, `the criteria tree is deeper than ${p.limit} levels`]),
  'criteria/not-found': entry({ ref: 'text', known: 'list?' }, (p) => [`không tìm thấy bộ tiêu chí "${p.ref}"${p.known === undefined ? '' : `; hiện có: ${list(p.known)}`}`, `criteria set "${p.ref}" not found${p.known === undefined ? '' : `; available: ${list(p.known)}`}`]),
  'submission/duplicate-unit': entry({ first: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}" bị trùng (đã có tại ${p.first})`, `duplicate unit id "${p.unit}" (first at ${p.first})`]),
  'submission/duplicate-code': entry({ key: 'text', first: 'text' }, (p) => [`mã tiêu chí "${p.key}" được ghi hai lần (lần đầu viết là "${p.first}"); mã được so sánh sau khi bỏ khoảng trắng hai đầu và chuẩn hóa Unicode`, `criterion code "${p.key}" is given twice (first written "${p.first}"); codes are compared after trimming and Unicode normalisation`]),
  'id/empty': entry({}, () => ['mã định danh trống (hoặc chỉ có khoảng trắng)', 'the id is empty (or only white space)']),
  'id/invisible': entry({ id: 'text', character: 'text' }, (p) => {
    // The id as a message can show it: each character no one sees written as [U+XXXX].
    const shown = p.id.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\u{e0000}-\u{e0fff}]/gu, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
    const point = parseInt(p.character.slice(2), 16);
    const names: Readonly<Record<string, readonly [vi: string, en: string]>> = {
      'U+200B': ['khoảng trắng độ rộng 0', 'a zero-width space'], 'U+200C': ['ký tự không nối độ rộng 0', 'a zero-width non-joiner'], 'U+200D': ['ký tự nối độ rộng 0', 'a zero-width joiner'],
      'U+2060': ['ký tự nối từ', 'a word joiner'], 'U+FEFF': ['dấu BOM', 'a byte order mark'], 'U+00AD': ['gạch nối mềm', 'a soft hyphen'],
      'U+200E': ['dấu hướng chữ', 'a direction mark'], 'U+200F': ['dấu hướng chữ', 'a direction mark'], 'U+061C': ['dấu hướng chữ', 'a direction mark'],
    };
    const bidi = (point >= 0x202a && point <= 0x202e) || (point >= 0x2066 && point <= 0x2069);
    const control = point < 0x20 || (point >= 0x7f && point <= 0x9f);
    const [vi, en] = names[p.character] ?? (bidi ? ['ký tự điều khiển hướng chữ', 'a bidi control'] : control ? ['ký tự điều khiển', 'a control character'] : ['ký tự ẩn', 'an invisible character']);
    return [`mã "${shown}" chứa ${vi} (${p.character}), một ký tự không nhìn thấy; hãy xóa nó (thường lẫn vào khi sao chép từ trang web hoặc văn bản)`, `the id "${shown}" holds ${en} (${p.character}), a character no one sees; delete it (it usually comes with text copied from a web page or a document)`];
  }),
  'id/character': entry({ id: 'text', character: 'text', codePoint: 'text' }, (p) => [`mã "${p.id}" có ký tự "${p.character}" (${p.codePoint}) không được dùng trong mã định danh: chỉ dùng chữ cái Latin và tiếng Việt, chữ số, "-", "_" và "." (chữ trông giống nhưng thuộc bảng chữ khác, như "а" Kirin hay "Ð" Iceland, không phải cùng một chữ)`, `the id "${p.id}" holds "${p.character}" (${p.codePoint}), which ids may not hold: only ASCII and Vietnamese letters, digits, "-", "_" and "." (a look-alike from another alphabet, such as Cyrillic "а" or Icelandic "Ð", is not the same letter)`]),
  'submission/unknown-level': entry({ level: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": cấp "${p.level}" không có trong bộ tiêu chí`, `unit "${p.unit}": level "${p.level}" is not in the criteria set`]),
  'submission/group-required': entry({ level: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": cấp "${p.level}" có nhóm, cần khai báo "group"`, `unit "${p.unit}": level "${p.level}" has groups, so "group" is required`]),
  'submission/unknown-group': entry({ group: 'text', level: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": nhóm "${p.group}" không có trong cấp "${p.level}"`, `unit "${p.unit}": group "${p.group}" is not a group of level "${p.level}"`]),
  'submission/group-not-allowed': entry({ level: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": cấp "${p.level}" không chia nhóm`, `unit "${p.unit}": level "${p.level}" has no groups`]),
  'submission/unknown-leaf': entry({ code: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": mã tiêu chí "${p.code}" không có trong bộ`, `unit "${p.unit}": unknown criterion code "${p.code}"`]),
  'submission/not-a-leaf': entry({ code: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": "${p.code}" là nút tổng hợp; chỉ nhập giá trị cho tiêu chí lá`, `unit "${p.unit}": "${p.code}" is an aggregate; values go on leaves only`]),
  'submission/leaf-not-applicable': entry({ code: 'text', unit: 'text' }, (p) => [`đơn vị "${p.unit}": tiêu chí "${p.code}" không áp dụng cho cấp/nhóm của đơn vị`, `unit "${p.unit}": criterion "${p.code}" does not apply to the unit's level/group`]),
  'submission/missing-values': entry({ unit: 'text', codes: 'list' }, (p) => [`đơn vị "${p.unit}" thiếu giá trị: ${list(p.codes)}`, `unit "${p.unit}" is missing values: ${list(p.codes)}`]),
  'submission/appraised-twice': entry({ unit: 'text', code: 'text' }, (p) => [`đơn vị "${p.unit}": tiêu chí "${p.code}" có cả "appraised" và "appraisal"; chỉ ghi một trong hai (appraisal kèm lý do)`, `unit "${p.unit}": "${p.code}" is in both "appraised" and "appraisal"; give one of them (appraisal, with its reason)`]),
  'submission/criteria-mismatch': entry({ given: 'text', used: 'text' }, (p) => [`bài nộp dùng bộ "${p.given}", khác bộ đang chấm "${p.used}"`, `the submission names "${p.given}", not the set being used "${p.used}"`]),
  'value/shape': entry({ unit: 'text?', expected: 'text', reason: 'text?', found: 'text?' }, (p) => [`${unitVi(p.unit)}giá trị sai dạng, cần ${shape(p.expected, 0)}${because(p.reason, p.found, 0)}`, `${unitEn(p.unit)}wrong value shape, expected ${shape(p.expected, 1)}${because(p.reason, p.found, 1)}`]),
  'value/percent-slip': entry({ unit: 'text?', value: 'text', fraction: 'text' }, (p) => [`${unitVi(p.unit)}${p.value} > 1: tiêu chí tính theo %, số liệu ghi dạng phân số; nếu là ${p.value}% thì ghi ${p.fraction}`, `${unitEn(p.unit)}${p.value} > 1: for ${p.value}% write ${p.fraction} (a % value is given as a fraction in data)`]),
  'value/ambiguous-number': entry({ unit: 'text?', text: 'text', readings: 'list' }, (p) => {
    const [decimal = '', whole = ''] = p.readings;
    const [vi, en] = [unambiguousDecimal(decimal, ','), unambiguousDecimal(decimal, '.')];
    const [shownVi, shownEn] = [trimDecimal(decimal).replace('.', ','), trimDecimal(decimal)];
    return [
      `${unitVi(p.unit)}"${p.text}" đọc được hai cách, ${shownVi} hoặc ${whole}, và cả hai đều có thể đúng: hãy ghi ${whole} (không có dấu chấm) hoặc ${vi}`,
      `${unitEn(p.unit)}"${p.text}" reads two ways, ${shownEn} or ${whole}, and both are possible here: write ${whole} (no separator) or ${en}`,
    ];
  }),
  'value/negative': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}giá trị không được âm`, `${unitEn(p.unit)}value must not be negative`]),
  'value/not-whole': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}cần số nguyên`, `${unitEn(p.unit)}a whole number is required`]),
  'value/numerator-exceeds-denominator': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}tử số lớn hơn mẫu số`, `${unitEn(p.unit)}numerator is greater than denominator`]),
  'value/unknown-option': entry({ unit: 'text?', option: 'text', allowed: 'list' }, (p) => [`${unitVi(p.unit)}lựa chọn "${p.option}" không có; cho phép: ${list(p.allowed)}`, `${unitEn(p.unit)}unknown option "${p.option}"; allowed: ${list(p.allowed)}`]),
  'value/unknown-item': entry({ unit: 'text?', item: 'text', allowed: 'list' }, (p) => [`${unitVi(p.unit)}mục "${p.item}" không có; cho phép: ${list(p.allowed)}`, `${unitEn(p.unit)}unknown item "${p.item}"; allowed: ${list(p.allowed)}`]),
  'value/duplicate-item': entry({ item: 'text', unit: 'text?' }, (p) => [`${unitVi(p.unit)}mục "${p.item}" bị lặp`, `${unitEn(p.unit)}item "${p.item}" listed twice`]),
  'value/out-of-range': entry({ range: 'text', unit: 'text?' }, (p) => [`${unitVi(p.unit)}giá trị ngoài khoảng ${p.range}`, `${unitEn(p.unit)}value outside ${p.range}`]),
  'value/na-not-allowed': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}tiêu chí không cho phép trả lời "n/a"`, `${unitEn(p.unit)}this criterion does not accept "n/a"`]),
  'value/date': entry({ unit: 'text?', date: 'text' }, (p) => [`${unitVi(p.unit)}ngày "${p.date}" không hợp lệ: cần ngày có thật, viết YYYY-MM-DD (ví dụ 2022-03-01)`, `${unitEn(p.unit)}"${p.date}" is not a date: write a real date as YYYY-MM-DD (for example 2022-03-01)`]),
  'evidence/url': entry({ unit: 'text?', problem: 'text', scheme: 'text?' }, (p) => {
    switch (p.problem) {
      case 'scheme': return [`${unitVi(p.unit)}liên kết phải là địa chỉ http:// hoặc https://; địa chỉ "${p.scheme ?? ''}:" bị từ chối`, `${unitEn(p.unit)}a link must be an http:// or https:// address; a "${p.scheme ?? ''}:" address is refused`];
      case 'spaces': return [`${unitVi(p.unit)}địa chỉ liên kết không được chứa dấu cách hay ký tự điều khiển`, `${unitEn(p.unit)}a link address must not hold spaces or control characters`];
      default: return [`${unitVi(p.unit)}địa chỉ liên kết phải là địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https:// và có tên máy chủ`, `${unitEn(p.unit)}a link address must be a full address starting with http:// or https://, with a host name`];
    }
  }),
  'evidence/sha256': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}"sha256" của tệp phải gồm đúng 64 chữ số thập lục phân`, `${unitEn(p.unit)}a file's "sha256" must be exactly 64 hexadecimal digits`]),
  'evidence/incomplete': entry({ unit: 'text?', kind: 'text' }, (p) => {
    const [vi, en] = p.kind === 'document' ? ['văn bản cần số hiệu ("number") hoặc tên ("title")', 'a document needs its "number" or its "title"'] : p.kind === 'link' ? ['liên kết cần địa chỉ ("url")', 'a link needs its "url"'] : ['tệp cần mã "sha256"', 'a file needs its "sha256"'];
    return [`${unitVi(p.unit)}minh chứng chưa đủ thông tin: ${vi}; minh chứng này không được tính`, `${unitEn(p.unit)}incomplete evidence: ${en}; it does not count`];
  }),
  'evidence/after-period': entry({ unit: 'text?', date: 'text', end: 'text' }, (p) => [`${unitVi(p.unit)}minh chứng ngày ${p.date}, sau ngày cuối kỳ đánh giá ${p.end}: không được tính cho kỳ này`, `${unitEn(p.unit)}evidence dated ${p.date}, after the period's last day ${p.end}: it does not count for this period`]),
  'evidence/number-format': entry({ unit: 'text?', number: 'text' }, (p) => [`${unitVi(p.unit)}số hiệu văn bản "${p.number}" không giống dạng thường gặp (123/QĐ-UBND, 45/2022/NĐ-CP): hãy kiểm tra lại`, `${unitEn(p.unit)}document number "${p.number}" does not look like the usual form (123/QĐ-UBND, 45/2022/NĐ-CP): check it`]),
  'appraisal/unknown-reason': entry({ unit: 'text?', reason: 'text', allowed: 'list' }, (p) => [`${unitVi(p.unit)}lý do thẩm định "${p.reason}" không có; cho phép: ${list(p.allowed)}`, `${unitEn(p.unit)}unknown appraisal reason "${p.reason}"; allowed: ${list(p.allowed)}`]),
  'appraisal/note-required': entry({ unit: 'text?', reason: 'text' }, (p) => [`${unitVi(p.unit)}lý do thẩm định "${p.reason}" cần ghi chú ("note") nói rõ lý do`, `${unitEn(p.unit)}appraisal reason "${p.reason}" needs a "note" that says why`]),
  'csv/syntax': entry({ problem: 'text', row: 'number', line: 'number', cells: 'number?', expected: 'number?', detail: 'text?' }, (p) => {
    const where = [` (dòng ${p.row}, dòng văn bản ${p.line})`, ` (row ${p.row}, line ${p.line})`] as const;
    switch (p.problem) {
      case 'unclosed-quote': return [`CSV sai cú pháp: thiếu dấu " đóng ô${where[0]}`, `malformed CSV: a cell's opening " is never closed${where[1]}`];
      case 'stray-quote': return [`CSV sai cú pháp: dấu " chỉ bao quanh cả ô, "" bên trong ô${where[0]}`, `malformed CSV: " only around a whole cell, "" inside it${where[1]}`];
      case 'cell-count': return [`CSV sai cú pháp: dòng có ${p.cells} ô, dòng tiêu đề có ${p.expected}${where[0]}`, `malformed CSV: the row has ${p.cells} cells, the header ${p.expected}${where[1]}`];
      default: return [`CSV sai cú pháp${where[0]}: ${p.detail ?? ''}`, `malformed CSV${where[1]}: ${p.detail ?? ''}`];
    }
  }),
  'csv/split-column': entry({ column: 'text', columns: 'list' }, (p) => [`cột "${p.column}" phải tách thành các cột: ${list(p.columns)}`, `column "${p.column}" must be given as the columns ${list(p.columns)}`]),
  'csv/duplicate-column': entry({ column: 'text', first: 'number' }, (p) => [`cột "${p.column}" bị trùng với cột ${p.first}`, `column "${p.column}" repeats column ${p.first}`]),
  'csv/not-in-layout': entry({ unit: 'text', field: 'text' }, (p) => [`đơn vị "${p.unit}": bảng CSV không có cột cho "${p.field}" (minh chứng, thẩm định kèm lý do); hãy dùng tệp JSON`, `unit "${p.unit}": the CSV layout has no columns for "${p.field}" (evidence, appraisal with reasons); use JSON`]),
  'version/hash-mismatch': entry({ actual: 'text', expected: 'text', file: 'text' }, (p) => [`tệp đã công bố "${p.file}" bị sửa: sha256 ${p.actual} khác ${p.expected} trong manifest; mọi thay đổi phải là phiên bản mới`, `published file "${p.file}" was changed: sha256 ${p.actual} differs from ${p.expected} in the manifest; a change must be a new version`]),
  'version/missing-file': entry({ file: 'text' }, (p) => [`manifest ghi "${p.file}" nhưng không có tệp`, `the manifest lists "${p.file}" but the file is missing`]),
  'version/not-in-manifest': entry({ file: 'text' }, (p) => [`tệp đã công bố "${p.file}" không có trong manifest (chạy "dti criteria publish")`, `published file "${p.file}" is not in the manifest (run "dti criteria publish")`]),
  'version/entry-mismatch': entry({ field: 'text', file: 'text' }, (p) => [`manifest và tệp "${p.file}" khác nhau ở "${p.field}"`, `the manifest and file "${p.file}" disagree on "${p.field}"`]),
  'version/unpublished': entry({ file: 'text', status: 'text' }, (p) => [`"${p.file}" đã công bố (theo manifest) nhưng tệp ghi status "${p.status}"`, `"${p.file}" is published in the manifest but the file says status "${p.status}"`]),
  'version/already-published': entry({ ref: 'text' }, (p) => [`${p.ref} đã được công bố; thay đổi phải là phiên bản mới`, `${p.ref} is already published; a change must be a new version`]),
  'version/exists': entry({ file: 'text' }, (p) => [`đã có tệp ${p.file}`, `${p.file} already exists`]),
  'version/file-name': entry({ expected: 'text' }, (p) => [`tệp phải nằm tại "${p.expected}" theo id và version`, `the file must be at "${p.expected}" for its id and version`]),
  'version/out-of-period': entry({ period: 'text', end: 'text', used: 'text', from: 'text', to: 'text?', inForce: 'text?' }, (p) => [`kỳ ${p.period} (đến ${p.end}) nằm ngoài hiệu lực của ${p.used} (${p.from} → ${p.to ?? '…'}); phiên bản có hiệu lực khi đó: ${p.inForce ?? 'không có'}`, `period ${p.period} (ending ${p.end}) is outside the dates of ${p.used} (${p.from} → ${p.to ?? '…'}); the version in force then: ${p.inForce ?? 'none'}`]),
  'version/period-format': entry({ period: 'text' }, (p) => [`không hiểu kỳ "${p.period}" (dùng YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM hoặc YYYY-MM-DD)`, `cannot read period "${p.period}" (use YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD)`]),
  'analysis/unknown-rating': entry({ rating: 'text', allowed: 'list' }, (p) => [`xếp loại "${p.rating}" không có trong bộ tiêu chí; các xếp loại: ${list(p.allowed)}`, `rating "${p.rating}" is not in the criteria set; its ratings: ${list(p.allowed)}`]),
  'analysis/unit-required': entry({ count: 'number' }, (p) => [`lô hồ sơ có ${p.count} đơn vị: hãy chỉ rõ đơn vị nào (tùy chọn "unit")`, `the batch holds ${p.count} units: name the one meant (the "unit" option)`]),
  'analysis/step': entry({ code: 'text', step: 'text' }, (p) => [`bước thay đổi "${p.step}" của "${p.code}" phải là một số thập phân lớn hơn 0`, `the step "${p.step}" of "${p.code}" must be a decimal greater than 0`]),
  'compare/criteria-mismatch': entry({ given: 'text', givenHash: 'text', used: 'text' }, (p) => [`kết quả được chấm bằng "${p.given}" (sha256 ${p.givenHash}), không phải bộ "${p.used}" đi kèm`, `the report was scored with "${p.given}" (sha256 ${p.givenHash}), not with the set given with it, "${p.used}"`]),
  'output/same-file': entry({ unit: 'text', other: 'text', file: 'text' }, (p) => [`đơn vị "${p.unit}" và "${p.other}" sẽ ghi cùng một tệp ${p.file}: hãy đổi mã của một đơn vị`, `units "${p.unit}" and "${p.other}" would be written to the same file ${p.file}: change one of the ids`]),
  'output/reserved-name': entry({ unit: 'text', file: 'text' }, (p) => [`tên tệp ${p.file} của đơn vị "${p.unit}" không dùng được trên Windows: hãy đổi mã đơn vị`, `the file name ${p.file} of unit "${p.unit}" cannot be used on Windows: change the unit's id`]),
  'output/write': entry({ file: 'text', reason: 'text' }, (p) => [`không ghi được tệp ${p.file}: ${ioReason(p.reason, 0)}`, `cannot write the file ${p.file}: ${ioReason(p.reason, 1)}`]),
  'xlsx/missing-sheet': entry({ sheet: 'text' }, (p) => [`sổ tính thiếu trang "${p.sheet}" (không làm từ mẫu, hoặc trang đã bị đổi tên?)`, `the workbook has no sheet "${p.sheet}" (not made from the template, or the sheet was renamed?)`]),
  'xlsx/missing-row': entry({ code: 'text' }, (p) => [`thiếu dòng của tiêu chí "${p.code}" (dòng đã bị xóa, hoặc cấp/nhóm của đơn vị khác với mẫu?)`, `no row for criterion "${p.code}" (the row was deleted, or the unit's level/group differs from the template's?)`]),
  'xlsx/percent-format': entry({ unit: 'text?' }, (p) => [`${unitVi(p.unit)}ô được định dạng phần trăm; tiêu chí tính theo %: bỏ định dạng % và nhập số thường theo đơn vị %, ví dụ 3 cho 3%`, `${unitEn(p.unit)}the cell has a percent format; the criterion is in percent: remove the % format and type a plain number in percent units, e.g. 3 for 3%`]),
  'xlsx/formula': entry({ unit: 'text?', formula: 'text' }, (p) => [`${unitVi(p.unit)}ô chứa công thức ${p.formula}; biểu mẫu cần giá trị: hãy nhập số (có thể dán đặc biệt dạng giá trị)`, `${unitEn(p.unit)}the cell holds the formula ${p.formula}; the form asks for values: type the number (or paste it as a value)`]),
  'xlsx/formula-result': entry({ unit: 'text?', formula: 'text', cached: 'text' }, (p) => [`${unitVi(p.unit)}công thức ${p.formula} có giá trị khác với kết quả đã lưu "${p.cached}" (sửa sau khi tính?): hãy nhập số`, `${unitEn(p.unit)}the formula ${p.formula} is not worth its saved result "${p.cached}" (edited after it was computed?): type the number`]),
  'xlsx/bad-meta': entry({ key: 'text', value: 'text' }, (p) => [`trang _meta đã bị sửa: "${p.key}" = "${p.value}" không hợp lệ; hãy dùng lại biểu mẫu gốc`, `the _meta sheet was edited: "${p.key}" = "${p.value}" is not valid; use the original template again`]),
  'xlsx/duplicate-row': entry({ code: 'text', first: 'text' }, (p) => [`mã "${p.code}" xuất hiện lần thứ hai (lần đầu tại ${p.first})`, `code "${p.code}" appears a second time (first at ${p.first})`]),
  'analysis/unknown-unit': entry({ unit: 'text' }, (p) => [`không có đơn vị "${p.unit}" (trong lô hồ sơ hoặc kết quả)`, `no unit "${p.unit}" (in the batch or the results)`]),
  'analysis/unit-twice': entry({ unit: 'text', first: 'text' }, (p) => [`đơn vị "${p.unit}" được nêu hai lần (lần đầu tại ${p.first}); một đơn vị chỉ sáp nhập vào một đơn vị mới, không tính trường hợp chia tách`, `unit "${p.unit}" is listed twice (first at ${p.first}); a unit merges into one successor only, splits are out of scope`]),
  'analysis/mixed-merge': entry({ unit: 'text', found: 'list' }, (p) => [`các đơn vị sáp nhập vào "${p.unit}" khác cấp hoặc khác nhóm (${list(p.found)}); chỉ gộp đơn vị cùng cấp, cùng nhóm`, `the units merged into "${p.unit}" are of different levels or groups (${list(p.found)}); only units of one level and group merge`]),
  'analysis/unknown-node': entry({ code: 'text' }, (p) => [`bộ tiêu chí không có mục "${p.code}"`, `the criteria set has no node "${p.code}"`]),
  'analysis/period-required': entry({}, () => [`kết quả không ghi kỳ đánh giá: hãy nêu kỳ (period) cho kết quả này`, `the results name no period: give this one a period`]),
  'analysis/period-twice': entry({ period: 'text', first: 'text' }, (p) => [`kỳ "${p.period}" được nêu hai lần (lần đầu tại ${p.first})`, `period "${p.period}" is given twice (first at ${p.first})`]),
  'analysis/alias-cycle': entry({ unit: 'text' }, (p) => [`mã thay thế của "${p.unit}" tạo thành vòng lặp`, `the aliases of "${p.unit}" form a cycle`]),
  'analysis/alias-collision': entry({ unit: 'text', ids: 'list', period: 'text' }, (p) => [`kỳ ${p.period}: ${list(p.ids)} cùng trở thành đơn vị "${p.unit}"; đơn vị sáp nhập hãy gộp trước (safeMergeUnits)`, `period ${p.period}: ${list(p.ids)} both become unit "${p.unit}"; merge merged units first (safeMergeUnits)`]),
  'analysis/not-a-leaf': entry({ code: 'text' }, (p) => [`"${p.code}" là nút tổng hợp: điểm chỉ đặt cho tiêu chí lá; với nút tổng hợp hãy dùng trọng số (weights)`, `"${p.code}" is an aggregate: points are set on leaves; give an aggregate a weight (weights) instead`]),
  'analysis/bad-weight': entry({ code: 'text', value: 'text' }, (p) => [`"${p.code}": "${p.value}" không dùng được; trọng số là số thập phân lớn hơn 0, điểm là số không âm`, `"${p.code}": "${p.value}" cannot be used; a weight is a decimal above 0, points a decimal of 0 or more`]),
  'analysis/cannot-scale': entry({ code: 'text', kind: 'text' }, (p) => [`không đổi trọng số được cho "${p.code}" (loại "${p.kind}"): giá trị của nó là điểm do người chấm ghi; hãy đặt điểm mới cho nó (points) hoặc giữ trọng số 1`, `"${p.code}" (kind "${p.kind}") cannot be reweighted: its values are points people give; set its points instead (points) or keep its weight at 1`]),
  'analysis/inexact-points': entry({ code: 'text' }, (p) => [`điểm mới của "${p.code}" không tỷ lệ đều với điểm cũ ở mọi cấp (hoặc tỷ lệ không phải số thập phân hữu hạn), trong khi quy tắc có mức điểm tuyệt đối: hãy dùng trọng số`, `the new points of "${p.code}" are not in one proportion to the old ones at every level (or the proportion is not a terminating decimal), and its rule has absolute awards: use a weight instead`]),
  'analysis/empty-merge': entry({ unit: 'text' }, (p) => [`đơn vị mới "${p.unit}" không có đơn vị trước sáp nhập nào`, `successor "${p.unit}" has no predecessor`]),
  'xlsx/evidence-lines': entry({ unit: 'text?', code: 'text', lines: 'list' }, (p) => [`${unitVi(p.unit)}minh chứng của "${p.code}": các ô có số dòng khác nhau (${list(p.lines)}); mỗi văn bản một dòng, cùng thứ tự trong mọi ô (để trống dòng của thông tin không có)`, `${unitEn(p.unit)}evidence of "${p.code}": the cells have different numbers of lines (${list(p.lines)}); one document per line, in the same order in every cell (an empty line where a detail is not known)`]),
  'xlsx/period-mismatch': entry({ expected: 'text', first: 'text', period: 'text' }, (p) => [`kỳ đánh giá "${p.period}" khác kỳ "${p.expected}" của ${p.first}; một lần chấm chỉ gồm một kỳ`, `period "${p.period}" differs from "${p.expected}" in ${p.first}; one scoring run covers one period`]),
  'criteria/bad-reference': entry({ ref: 'text' }, (p) => [`"${p.ref}" không phải tham chiếu bộ tiêu chí: cần "id" hoặc "id@phiên-bản", ví dụ "can-tho@2025.1.0" (không dùng đường dẫn tệp)`, `"${p.ref}" is not a criteria reference: expected "id" or "id@version", for example "can-tho@2025.1.0" (not a file path)`]),
  'criteria/none-in-force': entry({ id: 'text', period: 'text', date: 'text', versions: 'list' }, (p) => [`không có phiên bản nào của "${p.id}" có hiệu lực ngày ${p.date} (cuối kỳ ${p.period}); các phiên bản: ${list(p.versions)}`, `no version of "${p.id}" is in force on ${p.date} (the end of period ${p.period}); versions: ${list(p.versions)}`]),
  'criteria/conflict': entry({ first: 'text', ref: 'text', second: 'text' }, (p) => [`${p.ref} có hai nội dung khác nhau: ${p.first} và ${p.second}; một phiên bản chỉ có một nội dung`, `${p.ref} has two different contents: ${p.first} and ${p.second}; a version has one content only`]),
  'criteria/source': entry({ dir: 'text', reason: 'text' }, (p) => p.reason === 'no-manifest' ? [`không dùng được thư mục bộ tiêu chí ${p.dir}: thiếu manifest.json`, `cannot use the criteria folder ${p.dir}: it has no manifest.json`] : [`không dùng được thư mục bộ tiêu chí ${p.dir}: không có thư mục này`, `cannot use the criteria folder ${p.dir}: no such folder`]),
  'version/draft': entry({ ref: 'text' }, (p) => [`${p.ref} là bản nháp: kết quả không phải kết quả chính thức`, `${p.ref} is a draft: the results are not official`]),
  'input/encoding': entry({ file: 'text', encoding: 'text', byte: 'text?', offset: 'number?' }, (p) =>
    p.encoding === 'not UTF-8'
      ? [`tệp "${p.file}" không phải UTF-8: byte ${p.byte} không hợp lệ tại vị trí ${p.offset} (mã hóa cũ như Windows-1258, TCVN3, VNI?); hãy lưu lại với mã hóa UTF-8`, `file "${p.file}" is not UTF-8: invalid byte ${p.byte} at offset ${p.offset} (a legacy encoding such as Windows-1258, TCVN3 or VNI?); save it again as UTF-8`]
      : p.byte !== undefined
        ? [`tệp "${p.file}" không phải UTF-8: byte ${p.byte} không hợp lệ tại vị trí ${p.offset ?? '?'}, có lẽ là mã hóa ${p.encoding}; hãy lưu lại với mã hóa UTF-8`, `file "${p.file}" is not UTF-8: invalid byte ${p.byte} at offset ${p.offset ?? '?'}, probably ${p.encoding}; save it again as UTF-8`]
        : [`tệp "${p.file}" được mã hóa ${p.encoding}, không phải UTF-8; hãy lưu lại với mã hóa UTF-8`, `file "${p.file}" is encoded as ${p.encoding}, not UTF-8; save it again as UTF-8`]),
  'version/bom': entry({ file: 'text' }, (p) => [`tệp "${p.file}" bắt đầu bằng BOM UTF-8; tệp đã công bố và manifest phải là UTF-8 không có BOM (lưu bằng "UTF-8", không phải "UTF-8 with BOM")`, `file "${p.file}" starts with a UTF-8 BOM; published files and the manifest must be UTF-8 without a BOM (save as "UTF-8", not "UTF-8 with BOM")`]),
  'version/status-mismatch': entry({ expected: 'text', file: 'text', status: 'text' }, (p) => [`manifest ghi "${p.file}" là "${p.expected}" nhưng tệp ghi status "${p.status}"; manifest chỉ được ghi "draft" khi tệp cũng là bản nháp`, `the manifest lists "${p.file}" as "${p.expected}" but the file says status "${p.status}"; an entry may be "draft" only when the file is a draft too`]),
  'version/empty-folder': entry({ dir: 'text' }, (p) => [`thư mục bộ tiêu chí "${p.dir}" không có bộ nào (không có tệp bộ tiêu chí, manifest trống)`, `the criteria folder "${p.dir}" holds no set (no criteria file, an empty manifest)`]),
  'version/no-manifest': entry({ dir: 'text', file: 'text' }, (p) => [`thư mục "${p.dir}" có tệp đã công bố nhưng thiếu ${p.file}`, `the folder "${p.dir}" holds published files but no ${p.file}`]),
  'version/duplicate-entry': entry({ file: 'text', ref: 'text' }, (p) => [`manifest ghi ${p.ref} hơn một lần ("${p.file}")`, `the manifest lists ${p.ref} more than once ("${p.file}")`]),
  'results/format-version': entry({ format: 'number', supported: 'number' }, (p) => [`tệp kết quả có định dạng ${p.format}, mới hơn định dạng ${p.supported} mà phiên bản thư viện này đọc được; hãy cập nhật dti-criteria`, `the results file has format ${p.format}, newer than format ${p.supported}, the latest this version of the library reads; update dti-criteria`]),
  'results/decimal-places': entry({ places: 'number' }, (p) => [`số phải ghi đúng ${p.places} chữ số thập phân, như bộ tiêu chí làm tròn`, `must be written with exactly ${p.places} decimal places, as the criteria set rounds`]),
  'results/unknown-node': entry({ unit: 'text', code: 'text' }, (p) => [`đơn vị "${p.unit}": mã "${p.code}" không có trong bộ tiêu chí`, `unit "${p.unit}": code "${p.code}" is not in the criteria set`]),
  'results/node-not-applicable': entry({ unit: 'text', code: 'text' }, (p) => [`đơn vị "${p.unit}": tiêu chí "${p.code}" không áp dụng cho cấp, nhóm của đơn vị nên không thể có kết quả`, `unit "${p.unit}": "${p.code}" does not apply to the unit's level and group, so it cannot have a result`]),
  'results/missing-node': entry({ unit: 'text', code: 'text' }, (p) => [`đơn vị "${p.unit}": thiếu kết quả của "${p.code}", tiêu chí áp dụng cho đơn vị này`, `unit "${p.unit}": no result for "${p.code}", which applies to the unit`]),
  'results/points-range': entry({ unit: 'text', points: 'text', maxPoints: 'text' }, (p) => [`đơn vị "${p.unit}": điểm ${p.points} nằm ngoài khoảng từ 0 đến điểm tối đa ${p.maxPoints}`, `unit "${p.unit}": points ${p.points} outside 0 to the maximum ${p.maxPoints}`]),
  'results/inconsistent': entry({ unit: 'text', field: 'text', published: 'text', expected: 'text' }, (p) => [`đơn vị "${p.unit}": "${p.field}" ghi ${p.published}, nhưng tính lại từ bộ tiêu chí và các số liệu khác của tệp được ${p.expected}`, `unit "${p.unit}": "${p.field}" reads ${p.published}, but recomputing it from the criteria set and the file's other figures gives ${p.expected}`]),
  'results/status': entry({ unit: 'text', code: 'text', status: 'text', points: 'text' }, (p) => [`đơn vị "${p.unit}": trạng thái "${p.status}" của "${p.code}" không thể đi với điểm ${p.points}`, `unit "${p.unit}": status "${p.status}" of "${p.code}" cannot go with points ${p.points}`]),
  'results/rank': entry({ unit: 'text', field: 'text', published: 'text', expected: 'text' }, (p) => [`đơn vị "${p.unit}": "${p.field}" ghi ${p.published}, nhưng xếp hạng lại các kết quả theo quy tắc của bộ tiêu chí được ${p.expected}`, `unit "${p.unit}": "${p.field}" reads ${p.published}, but ranking the results again by the set's rules gives ${p.expected}`]),
  'results/evidence-lacking': entry({ unit: 'text', code: 'text', problem: 'text' }, (p) => p.problem === 'repeated'
    ? [`đơn vị "${p.unit}": "${p.code}" được ghi hai lần trong evidence.lacking`, `unit "${p.unit}": "${p.code}" is listed twice in evidence.lacking`]
    : [`đơn vị "${p.unit}": evidence.lacking ghi "${p.code}", nhưng bộ tiêu chí không bắt buộc minh chứng cho tiêu chí này`, `unit "${p.unit}": evidence.lacking lists "${p.code}", for which the criteria set requires no evidence`]),
  'results/given': entry({ unit: 'text', code: 'text', status: 'text', given: 'text' }, (p) => p.given === 'none'
    ? [`đơn vị "${p.unit}": "${p.code}" có trạng thái "${p.status}" nhưng "given" không giữ giá trị nào đã nộp (chỉ tiêu chí bỏ trống mới có "given" rỗng)`, `unit "${p.unit}": "${p.code}" has status "${p.status}" but "given" keeps no input (only a leaf left empty has an empty "given")`]
    : [`đơn vị "${p.unit}": "${p.code}" có trạng thái "missing" nhưng "given" giữ giá trị đã nộp`, `unit "${p.unit}": "${p.code}" has status "missing" but "given" keeps an input given for it`]),
  'verify/criteria': entry({ field: 'text', published: 'text', recomputed: 'text' }, (p) => [`dấu bộ tiêu chí khác nhau ở "${p.field}": kết quả công bố ghi ${p.published}, tính lại bằng ${p.recomputed}`, `the criteria stamps differ in "${p.field}": the published results say ${p.published}, the recomputation used ${p.recomputed}`]),
  'verify/period': entry({ published: 'text', recomputed: 'text' }, (p) => [`kỳ đánh giá khác nhau: kết quả công bố ghi ${p.published}, bài nộp ghi ${p.recomputed}`, `the periods differ: the published results say ${p.published}, the submission ${p.recomputed}`]),
  'verify/input': entry({ unit: 'text?', published: 'text', recomputed: 'text' }, (p) => p.unit === undefined
    ? [`mã băm của bài nộp khác nhau (công bố ${p.published}, tính lại ${p.recomputed}): bài nộp đã thay đổi kể từ khi kết quả được công bố`, `the batch's input hash differs (published ${p.published}, recomputed ${p.recomputed}): the submission changed since the results were published`]
    : [`đơn vị "${p.unit}": mã băm số liệu nộp khác nhau (công bố ${p.published}, tính lại ${p.recomputed}): số liệu của đơn vị đã thay đổi kể từ khi kết quả được công bố`, `unit "${p.unit}": the input hash differs (published ${p.published}, recomputed ${p.recomputed}): the unit's submission changed since the results were published`]),
  'verify/unit-missing': entry({ unit: 'text' }, (p) => [`đơn vị "${p.unit}" có trong kết quả công bố nhưng không có trong kết quả tính lại từ bài nộp`, `unit "${p.unit}" is in the published results but not in the results recomputed from the submission`]),
  'verify/unit-added': entry({ unit: 'text' }, (p) => [`đơn vị "${p.unit}" có trong kết quả tính lại từ bài nộp nhưng không có trong kết quả công bố`, `unit "${p.unit}" is in the results recomputed from the submission but not in the published results`]),
  'verify/rejected': entry({ unit: 'text', side: 'text' }, (p) => p.side === 'published'
    ? [`đơn vị "${p.unit}" bị loại trong kết quả công bố nhưng không bị loại khi tính lại`, `unit "${p.unit}" is rejected in the published results but not in the recomputation`]
    : [`đơn vị "${p.unit}" bị loại khi tính lại nhưng không bị loại trong kết quả công bố`, `unit "${p.unit}" is rejected in the recomputation but not in the published results`]),
  'verify/node': entry({ unit: 'text', node: 'text', side: 'text' }, (p) => p.side === 'published'
    ? [`đơn vị "${p.unit}": kết quả công bố có "${p.node}", kết quả tính lại không có`, `unit "${p.unit}": the published results have "${p.node}", the recomputed ones do not`]
    : [`đơn vị "${p.unit}": kết quả tính lại có "${p.node}", kết quả công bố không có`, `unit "${p.unit}": the recomputed results have "${p.node}", the published ones do not`]),
  'verify/figure': entry({ unit: 'text', node: 'text?', field: 'text', published: 'text', recomputed: 'text' }, (p) => [`đơn vị "${p.unit}"${p.node === undefined ? '' : `, "${p.node}"`}: "${p.field}" công bố ${p.published}, tính lại ${p.recomputed}`, `unit "${p.unit}"${p.node === undefined ? '' : `, "${p.node}"`}: "${p.field}" published ${p.published}, recomputed ${p.recomputed}`]),
  'analysis/inexact-number': entry({ column: 'text', value: 'text' }, (p) => [`cột "${p.column}": số ${p.value} không chuyển được thành số của JavaScript (số nhị phân 64 bit) mà giữ nguyên giá trị; hãy giữ dạng số thập phân chính xác (numbers: "decimal")`, `column "${p.column}": ${p.value} cannot become a JavaScript number (a 64-bit binary float) and keep its value; keep it as an exact decimal (numbers: "decimal")`]),
  'analysis/not-a-cell': entry({ column: 'text', found: 'text' }, (p) => [`cột "${p.column}": ô của bảng là chữ, một số hữu hạn, true/false hoặc để trống (null); ở đây là ${p.found}`, `column "${p.column}": a table cell is text, a finite number, true/false or empty (null); found ${p.found}`]),
  'analysis/no-inputs': entry({}, () => ['kết quả không giữ giá trị đã nộp: hãy chấm với keepInputs: true (dti score --keep-inputs), hoặc bỏ "input" khỏi các giá trị của bảng', 'the results keep no raw inputs: score with keepInputs: true (dti score --keep-inputs), or leave "input" out of the table\'s values']),
  'analysis/length-mismatch': entry({ length: 'number', expected: 'number' }, (p) => [`các danh sách phải dài bằng nhau: có ${p.length} giá trị, cần ${p.expected}`, `the lists must be equally long: ${p.length} values where ${p.expected} are expected`]),
  'analysis/bad-samples': entry({ value: 'text', max: 'number' }, (p) => [`số mẫu "${p.value}" không dùng được: cần một số nguyên từ 1 đến ${p.max}`, `"${p.value}" samples cannot be used: give a whole number from 1 to ${p.max}`]),
  'analysis/bad-seed': entry({ value: 'text' }, (p) => [`hạt giống (seed) "${p.value}" không dùng được: cần một số nguyên từ 0 đến 2^53 − 1`, `seed "${p.value}" cannot be used: give a whole number from 0 to 2^53 − 1`]),
  'analysis/no-uncertain-input': entry({}, () => ['chưa khai báo yếu tố không chắc chắn nào (inputs): hãy nêu trọng số, cách xử lý giá trị thiếu hoặc cách tổng hợp', 'no uncertain input is declared (inputs): give weights, the missing-value policy or the aggregation']),
  'analysis/unknown-input-kind': entry({ kind: 'text' }, (p) => [`không có loại yếu tố không chắc chắn "${p.kind}": dùng weights, missing hoặc aggregation`, `no uncertain input of kind "${p.kind}": use weights, missing or aggregation`]),
  'analysis/weights-form': entry({}, () => ['yếu tố trọng số cần đúng một trong hai: spread (khoảng đều quanh 1) hoặc dirichlet (độ tập trung quanh trọng số chính thức)', 'a weights input takes exactly one of spread (a uniform range around 1) or dirichlet (a concentration around the official weights)']),
  'analysis/bad-spread': entry({ value: 'text' }, (p) => [`độ lệch "${p.value}" không dùng được: cần một số thập phân lớn hơn 0 và nhỏ hơn 1 (0.1 là ±10%)`, `spread "${p.value}" cannot be used: give a decimal above 0 and below 1 (0.1 is ±10%)`]),
  'analysis/spread-too-fine': entry({ code: 'text', value: 'text', step: 'text' }, (p) => [`"${p.code}": độ lệch ${p.value} nhỏ hơn bước ${p.step} của trọng số mà bộ tiêu chí công bố được chính xác (số chữ số thập phân của điểm): không rút được trọng số nào khác 1`, `"${p.code}": spread ${p.value} is below the step ${p.step} of the weights the set can publish exactly (its points' decimals): no weight other than 1 could be drawn`]),
  'analysis/bad-concentration': entry({ value: 'text' }, (p) => [`độ tập trung Dirichlet "${p.value}" không dùng được: cần một số thập phân lớn hơn 0 và không quá 1000000`, `Dirichlet concentration "${p.value}" cannot be used: give a decimal above 0 and at most 1000000`]),
  'analysis/node-twice': entry({ code: 'text', first: 'text' }, (p) => [`mục "${p.code}" được nêu trọng số hai lần hoặc lồng trong "${p.first}": mỗi nhánh chỉ có một trọng số không chắc chắn`, `node "${p.code}" is weighted twice, or within "${p.first}": each branch takes one uncertain weight`]),
  'analysis/no-points': entry({ code: 'text' }, (p) => [`mục "${p.code}" không có điểm tối đa ở đơn vị nào của lô: trọng số của nó không thay đổi gì`, `node "${p.code}" has no maximum for any unit of the batch: its weight changes nothing`]),
  'analysis/input-twice': entry({ kind: 'text', first: 'text' }, (p) => [`yếu tố "${p.kind}" được khai báo hai lần (lần đầu tại ${p.first})`, `input "${p.kind}" is declared twice (first at ${p.first})`]),
  'analysis/bad-options': entry({ allowed: 'list' }, (p) => [`options cần một danh sách không rỗng, không lặp, lấy trong: ${list(p.allowed)}`, `options needs a non-empty list without repeats, from: ${list(p.allowed)}`]),
  'analysis/unknown-option': entry({ option: 'text', allowed: 'list' }, (p) => [`không có lựa chọn "${p.option}"; chọn trong: ${list(p.allowed)}`, `no option "${p.option}"; choose from: ${list(p.allowed)}`]),
  'analysis/bad-workers': entry({ value: 'text' }, (p) => [`số luồng "${p.value}" không dùng được: cần một số nguyên từ 1`, `"${p.value}" workers cannot be used: give a whole number from 1`]),
  'input/too-many-issues': entry({ count: 'number', limit: 'number' }, (p) => [`${p.count} lỗi; chỉ liệt kê ${p.limit} lỗi đầu tiên`, `${p.count} problems; only the first ${p.limit} are listed`]),
  'cli/missing-command': entry({ command: 'text', commands: 'list' }, (p) => [`"${p.command}" cần một lệnh: ${list(p.commands)}; xem "${p.command} --help"`, `"${p.command}" needs a command: ${list(p.commands)}; see "${p.command} --help"`]),
  'cli/unknown-command': entry({ command: 'text', suggestion: 'text?' }, (p) => [`không có lệnh "${p.command}"${p.suggestion === undefined ? '' : ` (ý bạn là "${p.suggestion}"?)`}; xem "dti --help"`, `no command "${p.command}"${p.suggestion === undefined ? '' : ` (did you mean "${p.suggestion}"?)`}; see "dti --help"`]),
  'cli/unknown-option': entry({ option: 'text', command: 'text', suggestion: 'text?' }, (p) => [`lệnh "${p.command}" không có tùy chọn ${p.option}${p.suggestion === undefined ? '' : ` (ý bạn là ${p.suggestion}?)`}; xem "${p.command} --help"`, `"${p.command}" takes no option ${p.option}${p.suggestion === undefined ? '' : ` (did you mean ${p.suggestion}?)`}; see "${p.command} --help"`]),
  'cli/missing-value': entry({ option: 'text', value: 'text' }, (p) => [`${p.option} cần một giá trị ${p.value} (giá trị bắt đầu bằng "-" thì ghi ${p.option}=…)`, `${p.option} needs a value ${p.value} (for a value starting with "-", write ${p.option}=…)`]),
  'cli/unexpected-value': entry({ option: 'text' }, (p) => [`${p.option} là công tắc, không nhận giá trị`, `${p.option} is a switch and takes no value`]),
  'cli/repeated-option': entry({ option: 'text' }, (p) => [`${p.option} được ghi hơn một lần`, `${p.option} is given more than once`]),
  'cli/bad-choice': entry({ option: 'text', value: 'text', choices: 'list', suggestion: 'text?' }, (p) => [`${p.option} "${p.value}" không hợp lệ; chọn một trong: ${list(p.choices)}${p.suggestion === undefined ? '' : ` (ý bạn là "${p.suggestion}"?)`}`, `${p.option} "${p.value}" is not valid; choose one of: ${list(p.choices)}${p.suggestion === undefined ? '' : ` (did you mean "${p.suggestion}"?)`}`]),
  'cli/bad-number': entry({ option: 'text', value: 'text' }, (p) => [`${p.option} "${p.value}" phải là một số nguyên dương`, `${p.option} "${p.value}" must be a positive whole number`]),
  'cli/missing-option': entry({ option: 'text', command: 'text', when: 'text?' }, (p) => [`lệnh "${p.command}"${p.when === undefined ? '' : ` với ${p.when}`} cần ${p.option}`, `"${p.command}"${p.when === undefined ? '' : ` with ${p.when}`} needs ${p.option}`]),
  'cli/missing-argument': entry({ command: 'text', argument: 'text' }, (p) => [`lệnh "${p.command}" thiếu ${p.argument}`, `"${p.command}" is missing ${p.argument}`]),
  'cli/extra-argument': entry({ command: 'text', argument: 'text' }, (p) => [`lệnh "${p.command}" không nhận thêm đối số "${p.argument}"`, `"${p.command}" takes no further argument "${p.argument}"`]),
  'cli/option-conflict': entry({ options: 'list', command: 'text' }, (p) => [`lệnh "${p.command}" nhận một trong ${list(p.options)}, không nhận cả hai`, `command "${p.command}" takes one of ${list(p.options)}, not both`]),
  'cli/out-is-input': entry({ file: 'text' }, (p) => [`--out "${p.file}" là tệp đầu vào của lệnh; ghi vào đó sẽ xóa mất dữ liệu, hãy chọn tệp khác`, `--out "${p.file}" is an input of the command; writing there would destroy it, choose another file`]),
  'cli/period-conflict': entry({ period: 'text', own: 'text' }, (p) => [`--period ${p.period} khác kỳ "${p.own}" ghi trong bài nộp`, `--period ${p.period} differs from the submission's own period "${p.own}"`]),
  'explain/input-changed': entry({ unit: 'text', code: 'text' }, (p) => [`không thể giải thích "${p.code}" của đơn vị "${p.unit}": số liệu đã nộp bị sửa sau khi chấm điểm (kết quả không còn khớp với số liệu); hãy chấm lại`, `cannot explain "${p.code}" of unit "${p.unit}": the submitted values were changed after scoring (the result no longer matches them); score again`]),
  'internal/error': entry({ command: 'text', detail: 'text' }, (p) => [`lỗi nội bộ khi chạy "${p.command}" (${p.detail}); đây là lỗi của dti-criteria, hãy báo lỗi kèm lệnh đã chạy và kết quả với DEBUG=dti`, `internal error while running "${p.command}" (${p.detail}); this is a fault of dti-criteria: please report it with the command and its output under DEBUG=dti`]),
} as const;

/** Every stable problem code the library reports (see the error-code guide). */
export type IssueCode = keyof typeof catalogue;

/** The parameters of issue code `C`, typed (a UI formats its own message from them). */
export type IssueParamsOf<C extends IssueCode> = Parameters<(typeof catalogue)[C]['text']>[0];

/** A parameter value: text from the data, a number, or a list of ids. */
export type IssueParam = string | number | readonly string[];

/** The parameters of an issue, as data (never prose): numbers, codes, ids, decimals as written. */
export type IssueParams = Readonly<Record<string, IssueParam>>;

/** An issue's message in both languages, built from its code and parameters. */
export interface IssueMessage {
  readonly vi: string;
  readonly en: string;
}

/**
 * One problem found in a criteria set, a submission, a workbook or a command
 * line ([format reference §8](../docs/reference/criteria-format.md#8-tệp-kết-quả)), as data a program can use: a stable `code`, where it
 * is (`path` as text, `segments` as a list; the criteria `node`, the `unit`,
 * the `file` and the workbook `cell` when they apply), its `params`, and the
 * `message` in Vietnamese and English derived from the code and params.
 */
export interface Issue {
  readonly code: IssueCode;
  /** The JSON path as text: `units[3].values["CQS.1.3"].numerator`; `$` for the whole input. For a workbook, `book.xlsx!Sheet!F12`. */
  readonly path: string;
  /** The same JSON path as a list (`["units", 3, "values", "CQS.1.3", "numerator"]`); empty when the path is not a JSON path. */
  readonly segments: readonly PathSegment[];
  /** The code's parameters (see {@link IssueParamsOf}). */
  readonly params: IssueParams;
  /** The code of the criteria node the issue concerns (`CQS.7.7`). */
  readonly node?: string;
  /** The unit the issue concerns. */
  readonly unit?: string;
  /** The file the issue concerns. */
  readonly file?: string;
  /** The workbook cell, `Sheet!F12`. */
  readonly cell?: string;
  readonly message: IssueMessage;
}

/** Where an issue lies besides its path (see {@link Issue}). */
export interface IssueWhere {
  readonly node?: string | undefined;
  readonly unit?: string | undefined;
  readonly file?: string | undefined;
  readonly cell?: string | undefined;
}

/** The arguments after `code` and `path` of {@link makeIssue}: the params (optional when the code takes none), then where. */
export type IssueArgs<C extends IssueCode> = object extends IssueParamsOf<C>
  ? [params?: IssueParamsOf<C>, where?: IssueWhere]
  : [params: IssueParamsOf<C>, where?: IssueWhere];

/**
 * All issue codes, for documentation and exhaustive tests.
 *
 * @example
 * ```ts
 * import { ISSUE_CODES } from 'dti-criteria';
 * console.log(ISSUE_CODES.includes('criteria/duplicate-code')); // true
 * ```
 */
export const ISSUE_CODES: readonly IssueCode[] = Object.keys(catalogue) as IssueCode[];

/**
 * The parameters each code takes, by name and kind (`text`, `number`,
 * `list`; `?` when optional): what a UI can rely on to build its own message.
 *
 * @example
 * ```ts
 * import { issueParamKinds } from 'dti-criteria';
 * console.log(issueParamKinds('value/unknown-option')); // {"unit":"text?","option":"text","allowed":"list"}
 * ```
 */
export function issueParamKinds(code: IssueCode): Readonly<Record<string, string>> {
  return catalogue[code].params;
}

/**
 * Builds an {@link Issue}: the message is derived from the code and its
 * parameters; `path` is a list of segments or the text form; `unit` and `file`
 * are taken from the parameters of those names unless `where` says otherwise.
 *
 * @example
 * ```ts
 * import { makeIssue } from 'dti-criteria';
 * const issue = makeIssue('value/unknown-option', ['units', 0, 'values', 'CQS.4.2'], { unit: 'an-binh', option: 'x', allowed: ['kiem-nhiem', 'chuyen-trach'] });
 * console.log(issue.path); // units[0].values["CQS.4.2"]
 * console.log(issue.segments); // ["units",0,"values","CQS.4.2"]
 * console.log(issue.unit); // an-binh
 * console.log(issue.message.en); // unit "an-binh": unknown option "x"; allowed: kiem-nhiem, chuyen-trach
 * ```
 */
export function makeIssue<C extends IssueCode>(code: C, path: string | readonly PathSegment[], ...args: IssueArgs<C>): Issue {
  const [params = {} as IssueParamsOf<C>, where = {}] = args;
  const text = catalogue[code].text as (p: IssueParamsOf<C>) => readonly [string, string];
  const [vi, en] = text(params);
  const segments = typeof path === 'string' ? (parsePath(path) ?? []) : [...path];
  const values = params as IssueParams;
  const unit = where.unit ?? (typeof values.unit === 'string' ? values.unit : undefined);
  const file = where.file ?? (typeof values.file === 'string' ? values.file : undefined);
  return {
    code,
    path: typeof path === 'string' ? path : formatPath(path),
    segments,
    params: values,
    ...(where.node !== undefined ? { node: where.node } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(where.cell !== undefined ? { cell: where.cell } : {}),
    message: { vi, en },
  };
}

/**
 * The issue with the file it was found in: `file` is set, and the text form
 * shows it before the path.
 *
 * @example
 * ```ts
 * import { inFile, makeIssue, formatIssue } from 'dti-criteria';
 * const issue = inFile(makeIssue('schema/required', ['title']), 'criteria/x/2026.1.0.json');
 * console.log(formatIssue(issue, 'en')); // criteria/x/2026.1.0.json: title: required field is missing [schema/required]
 * ```
 */
export function inFile(issue: Issue, file: string): Issue {
  return ordered({ ...issue, file });
}

/** The issue with its fields in the one order every output shows: code, path, segments, params, node, unit, file, cell, message. */
function ordered(issue: Issue): Issue {
  const { code, path, segments, params, node, unit, file, cell, message } = issue;
  return {
    code,
    path,
    segments,
    params,
    ...(node !== undefined ? { node } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(cell !== undefined ? { cell } : {}),
    message,
  };
}

/**
 * The issue moved to another place (a cell of a workbook, a file): the path
 * and its segments are replaced, `where` adds to what the issue says of its
 * place; code, params and message are kept.
 *
 * @example
 * ```ts
 * import { makeIssue, relocateIssue } from 'dti-criteria';
 * const moved = relocateIssue(makeIssue('value/negative', ['units', 0, 'values', 'X.1'], { unit: 'u' }), 'form.xlsx!Tự đánh giá!F12', { file: 'form.xlsx', cell: 'Tự đánh giá!F12' });
 * console.log([moved.path, moved.segments.length, moved.cell]); // ["form.xlsx!Tự đánh giá!F12",0,"Tự đánh giá!F12"]
 * ```
 */
export function relocateIssue(issue: Issue, path: string | readonly PathSegment[], where: IssueWhere = {}): Issue {
  const located = Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)) as { readonly [K in keyof IssueWhere]?: string };
  return ordered({
    ...issue,
    ...located,
    path: typeof path === 'string' ? path : formatPath(path),
    segments: typeof path === 'string' ? (parsePath(path) ?? []) : [...path],
  });
}

/** The languages an issue can be shown in: one, or both (`vi / en`). */
export type IssueLanguage = 'vi' | 'en' | 'both';

/**
 * The text form of an issue: `path (node): message [code]`, the file first
 * when the path does not already name it. In one language, or both.
 *
 * @example
 * ```ts
 * import { formatIssue, makeIssue } from 'dti-criteria';
 * const issue = makeIssue('criteria/missing-points', ['nodes', 0, 'children', 1, 'points'], { level: 'commune' }, { node: 'CQS.2' });
 * console.log(formatIssue(issue, 'en')); // nodes[0].children[1].points (CQS.2): the leaf applies to level "commune" but has no points for it [criteria/missing-points]
 * console.log(formatIssue(issue, 'vi').startsWith('nodes[0].children[1].points (CQS.2): tiêu chí áp dụng')); // true
 * ```
 */
export function formatIssue(issue: Issue, lang: IssueLanguage = 'both'): string {
  // A results file of an older format may carry the message as one "vi / en" text.
  const message = typeof issue.message === 'string' ? issue.message : lang === 'both' ? `${issue.message.vi} / ${issue.message.en}` : issue.message[lang];
  return `${issueLocation(issue)}${issue.node ? ` (${issue.node})` : ''}: ${message} [${issue.code}]`;
}

/** Options of {@link issueText}. */
export interface IssueTextOptions {
  /** Name the unit in the message (default `true`); a form that shows the issue at its field already says which unit. */
  readonly unit?: boolean;
}

/**
 * An issue's message in one language, rebuilt from its code and params:
 * without the unit when `options.unit` is `false` (no string surgery).
 *
 * @example
 * ```ts
 * import { issueText, makeIssue } from 'dti-criteria';
 * const issue = makeIssue('value/numerator-exceeds-denominator', ['units', 0, 'values', 'CQS.1.3'], { unit: 'an-binh' });
 * console.log(issueText(issue, 'vi')); // đơn vị "an-binh": tử số lớn hơn mẫu số
 * console.log(issueText(issue, 'vi', { unit: false })); // tử số lớn hơn mẫu số
 * ```
 */
export function issueText(issue: Issue, lang: 'vi' | 'en', options: IssueTextOptions = {}): string {
  if (options.unit !== false || issue.params.unit === undefined) return issue.message[lang];
  const { unit: _unit, ...params } = issue.params;
  const text = catalogue[issue.code].text as (p: IssueParams) => readonly [string, string];
  return text(params)[lang === 'vi' ? 0 : 1];
}

/**
 * Where an issue lies, as text: its path, after its file when the path does
 * not already name the file (`criteria/x.json: nodes[0].points`).
 *
 * @example
 * ```ts
 * import { inFile, issueLocation, makeIssue } from 'dti-criteria';
 * console.log(issueLocation(inFile(makeIssue('schema/required', ['title']), 'x.json'))); // x.json: title
 * ```
 */
export function issueLocation(issue: Issue): string {
  return issue.file !== undefined && !issue.path.startsWith(issue.file) ? `${issue.file}: ${issue.path}` : issue.path;
}


/**
 * Thrown by the throwing entry points (`parseCriteria`, `scoreBatch`, ...):
 * carries the full, non-empty list of {@link Issue}s.
 *
 * @example
 * ```ts
 * import { DtiError, parseCriteria } from 'dti-criteria';
 * try { parseCriteria({}); } catch (e) { if (e instanceof DtiError) console.log(e.issues.length > 0); }
 * ```
 */
export class DtiError extends Error {
  /** Every problem found, in document order. */
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    super(first ? `${issues.length} problem(s); first: ${formatIssue(first)}` : 'unknown problem');
    this.name = 'DtiError';
    this.issues = issues;
  }
}

/** A result that either succeeded with `value` or failed with `issues` (never throws). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };
