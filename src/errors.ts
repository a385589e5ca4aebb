/**
 * One problem found in a criteria set, a submission or a command line: a
 * stable `code`, the JSON `path` it concerns (`nodes[2].children[0].rule.target`)
 * and a bilingual `message` (Vietnamese / English) a DIC editor can act on.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly path: string;
  /** The code of the criteria node the issue concerns, when there is one (`CQS.7.7`). */
  readonly node?: string;
  readonly message: string;
}

/** Values filled into an issue's message template. */
export type IssueParams = Readonly<Record<string, string | number>>;


type Template = (p: IssueParams) => readonly [vi: string, en: string];

/** Every stable problem code the library reports (see the error-code guide). */
export type IssueCode =
  | 'json/syntax'
  | 'input/read'
  | 'input/too-large'
  | 'schema/unknown-key'
  | 'schema/required'
  | 'schema/type'
  | 'schema/decimal'
  | 'schema/enum'
  | 'schema/format'
  | 'schema/date'
  | 'schema/version'
  | 'schema/too-small'
  | 'schema/range'
  | 'schema/invalid'
  | 'rule/unknown-kind'
  | 'rule/points-or-fraction'
  | 'rule/fraction-range'
  | 'rule/worth-more-than-points'
  | 'rule/target-not-positive'
  | 'rule/floor-range'
  | 'rule/from-equals-to'
  | 'rule/each-not-positive'
  | 'rule/band-min-max'
  | 'rule/negative'
  | 'criteria/duplicate-code'
  | 'criteria/duplicate-id'
  | 'criteria/code-not-under-parent'
  | 'criteria/alias-collides'
  | 'criteria/node-shape'
  | 'criteria/unknown-level'
  | 'criteria/unknown-group'
  | 'criteria/applies-widens'
  | 'criteria/applies-empty'
  | 'criteria/missing-points'
  | 'criteria/points-not-applicable'
  | 'criteria/info-has-points'
  | 'criteria/expected-max-mismatch'
  | 'criteria/expected-max-groups'
  | 'criteria/expected-max-single'
  | 'criteria/rating-range'
  | 'rule/target-unreachable'
  | 'criteria/precision'
  | 'criteria/effective-dates'
  | 'criteria/ratings-order'
  | 'criteria/cap-level'
  | 'criteria/no-levels-apply'
  | 'criteria/too-deep'
  | 'criteria/not-found'
  | 'submission/duplicate-unit'
  | 'submission/unknown-level'
  | 'submission/group-required'
  | 'submission/unknown-group'
  | 'submission/group-not-allowed'
  | 'submission/unknown-leaf'
  | 'submission/not-a-leaf'
  | 'submission/leaf-not-applicable'
  | 'submission/missing-values'
  | 'submission/criteria-mismatch'
  | 'value/shape'
  | 'value/negative'
  | 'value/not-whole'
  | 'value/numerator-exceeds-denominator'
  | 'value/unknown-option'
  | 'value/unknown-item'
  | 'value/duplicate-item'
  | 'value/out-of-range'
  | 'value/na-not-allowed'
  | 'csv/syntax'
  | 'csv/duplicate-column'
  | 'version/hash-mismatch'
  | 'version/missing-file'
  | 'version/not-in-manifest'
  | 'version/entry-mismatch'
  | 'version/unpublished'
  | 'version/already-published'
  | 'version/exists'
  | 'version/file-name'
  | 'version/out-of-period'
  | 'version/period-format'
  | 'compare/criteria-mismatch'
  | 'output/write'
  | 'xlsx/missing-sheet'
  | 'xlsx/missing-row'
  | 'xlsx/duplicate-row'
  | 'xlsx/period-mismatch'
  // -- registry and resolution codes --
  | 'criteria/bad-reference'
  | 'criteria/none-in-force'
  | 'criteria/conflict'
  | 'criteria/source'
  | 'version/draft'
  // -- manifest and criteria folder codes --
  | 'input/encoding'
  | 'version/bom'
  | 'version/status-mismatch'
  | 'version/empty-folder'
  | 'version/no-manifest'
  | 'version/duplicate-entry'
  | 'cli/usage';

const catalogue: Readonly<Record<IssueCode, Template>> = {
  'json/syntax': (p) => [`JSON không hợp lệ: ${p.detail}`, `malformed JSON: ${p.detail}`],
  'input/read': (p) => [`không đọc được tệp: ${p.detail}`, `cannot read the file: ${p.detail}`],
  'input/too-large': (p) => [`dữ liệu vượt giới hạn ${p.limit}`, `input exceeds the limit of ${p.limit}`],
  'schema/unknown-key': (p) => [`khóa không được phép "${p.key}" (gõ sai tên trường?)`, `unknown key "${p.key}" (misspelt field?)`],
  'schema/required': () => ['thiếu trường bắt buộc', 'required field is missing'],
  'schema/type': (p) => [`sai kiểu dữ liệu: cần ${p.expected}`, `wrong type: expected ${p.expected}`],
  'schema/decimal': () => ['không phải số thập phân hợp lệ (ví dụ "12.5")', 'not a valid decimal (for example "12.5")'],
  'schema/enum': (p) => [`giá trị không hợp lệ; cho phép: ${p.allowed}`, `invalid value; allowed: ${p.allowed}`],
  'schema/format': (p) => [`định dạng sai: cần ${p.expected}`, `bad format: expected ${p.expected}`],
  'schema/date': () => ['ngày không hợp lệ (cần YYYY-MM-DD, ngày có thật)', 'invalid date (expected a real YYYY-MM-DD date)'],
  'schema/version': () => ['phiên bản sai định dạng NĂM.CHÍNH.PHỤ (ví dụ "2022.1.0")', 'version must be YEAR.MAJOR.MINOR (for example "2022.1.0")'],
  'schema/too-small': (p) => [`cần ít nhất ${p.min} phần tử`, `needs at least ${p.min} item(s)`],
  'schema/range': (p) => [`giá trị ngoài khoảng cho phép ${p.range}`, `value outside the allowed range ${p.range}`],
  'schema/invalid': (p) => [`giá trị không hợp lệ: ${p.detail}`, `invalid value: ${p.detail}`],
  'rule/unknown-kind': (p) => [`loại quy tắc không tồn tại "${p.kind}"; cho phép: ${p.allowed}`, `unknown rule kind "${p.kind}"; allowed: ${p.allowed}`],
  'rule/points-or-fraction': () => ['cần đúng một trong hai trường "points" hoặc "fraction"', 'give exactly one of "points" or "fraction"'],
  'rule/fraction-range': () => ['"fraction" phải nằm trong [0, 1]', '"fraction" must lie in [0, 1]'],
  'rule/worth-more-than-points': (p) => [`mức/lựa chọn này được ${p.worth} điểm, vượt điểm tối đa ${p.max} của tiêu chí ở cấp "${p.level}"`, `worth ${p.worth} points, more than the leaf's ${p.max} at level "${p.level}"`],
  'rule/target-not-positive': () => ['"target" phải lớn hơn 0', '"target" must be greater than 0'],
  'rule/floor-range': () => ['"floor" phải nằm trong [0, 1]', '"floor" must lie in [0, 1]'],
  'rule/from-equals-to': () => ['"from" và "to" không được bằng nhau', '"from" and "to" must differ'],
  'rule/each-not-positive': () => ['"each" phải lớn hơn 0', '"each" must be greater than 0'],
  'rule/band-min-max': () => ['"min" của mức lớn hơn "max"', 'band "min" is greater than its "max"'],
  'rule/negative': () => ['không được âm', 'must not be negative'],
  'criteria/duplicate-code': (p) => [`mã "${p.code}" bị trùng (đã dùng tại ${p.first})`, `duplicate code "${p.code}" (first used at ${p.first})`],
  'criteria/duplicate-id': (p) => [`định danh "${p.id}" bị trùng`, `duplicate id "${p.id}"`],
  'criteria/code-not-under-parent': (p) => [`mã "${p.code}" phải bắt đầu bằng mã nút cha "${p.parent}."`, `code "${p.code}" must start with its parent's code "${p.parent}."`],
  'criteria/alias-collides': (p) => [`bí danh "${p.alias}" trùng với một mã đang dùng trong bộ`, `alias "${p.alias}" equals a code of this set`],
  'criteria/node-shape': () => ['nút phải là nút lá (có "rule") hoặc nút tổng hợp (có "children"), không được cả hai', 'a node is either a leaf (with "rule") or an aggregate (with "children"), not both or neither'],
  'criteria/unknown-level': (p) => [`cấp "${p.level}" không có trong "levels"`, `level "${p.level}" is not declared in "levels"`],
  'criteria/unknown-group': (p) => [`nhóm "${p.group}" không có trong cấp "${p.level}"`, `group "${p.group}" is not declared for level "${p.level}"`],
  'criteria/applies-widens': (p) => [`"appliesTo" mở rộng phạm vi của nút cha (${p.scope}); chỉ được thu hẹp`, `"appliesTo" widens the parent's applicability (${p.scope}); it may only narrow it`],
  'criteria/applies-empty': () => ['"appliesTo" không được rỗng', '"appliesTo" must not be empty'],
  'criteria/missing-points': (p) => [`tiêu chí áp dụng cho cấp "${p.level}" nhưng thiếu điểm cho cấp này`, `the leaf applies to level "${p.level}" but has no points for it`],
  'criteria/points-not-applicable': (p) => [`có điểm cho cấp "${p.level}" nhưng tiêu chí không áp dụng cho cấp này`, `points given for level "${p.level}", to which the leaf does not apply`],
  'criteria/info-has-points': () => ['tiêu chí loại "info" không tính điểm, không được có "points"', 'an "info" leaf is never scored and must not have "points"'],
  'criteria/expected-max-mismatch': (p) => [`tổng điểm tối đa tính được là ${p.actual}, khác expectedMax ${p.expected}${p.scope}`, `computed maximum ${p.actual} differs from expectedMax ${p.expected}${p.scope}`],
  'criteria/expected-max-groups': (p) => [`expectedMax của cấp có nhóm phải ghi theo đúng các nhóm: ${p.groups}`, `expectedMax of a level with groups must give a value for each of its groups: ${p.groups}`],
  'criteria/expected-max-single': () => ['cấp không chia nhóm: expectedMax phải là một số', 'a level without groups takes a single decimal expectedMax'],
  'criteria/rating-range': () => ['"min" của mức xếp loại là chỉ số, phải nằm trong [0, 1] (ví dụ "0.9", không phải "90")', 'a rating "min" is an index and must lie in [0, 1] (for example "0.9", not "90")'],
  'rule/target-unreachable': () => ['"target" lớn hơn 1 mà không có "allowOver": không đơn vị nào đạt đủ điểm (nhập 0.8 thay vì 80?)', '"target" above 1 without "allowOver" can never earn full points (0.8 rather than 80?)'],
  'criteria/precision': (p) => [`số chữ số thập phân nhiều hơn rounding.points (${p.places}): điểm tối đa phải ghi được đúng như sẽ công bố`, `more decimals than rounding.points (${p.places}): a maximum must be publishable exactly as written`],
  'criteria/effective-dates': () => ['"effective.to" không được trước "effective.from"', '"effective.to" must not be before "effective.from"'],
  'criteria/ratings-order': () => ['các mức xếp loại phải theo "min" giảm dần', 'ratings must be listed with "min" strictly decreasing'],
  'criteria/cap-level': (p) => [`"cap" nêu cấp "${p.level}" mà nút không áp dụng`, `"cap" names level "${p.level}", to which the node does not apply`],
  'criteria/no-levels-apply': () => ['nút không áp dụng cho cấp nào', 'the node applies to no level'],
  'criteria/too-deep': (p) => [`cây tiêu chí sâu quá ${p.limit} tầng`, `the criteria tree is deeper than ${p.limit} levels`],
  'criteria/not-found': (p) => [`không tìm thấy bộ tiêu chí "${p.ref}"${p.known === undefined ? '' : `; hiện có: ${p.known}`}`, `criteria set "${p.ref}" not found${p.known === undefined ? '' : `; available: ${p.known}`}`],
  'submission/duplicate-unit': (p) => [`đơn vị "${p.unit}" bị trùng (đã có tại ${p.first})`, `duplicate unit id "${p.unit}" (first at ${p.first})`],
  'submission/unknown-level': (p) => [`đơn vị "${p.unit}": cấp "${p.level}" không có trong bộ tiêu chí`, `unit "${p.unit}": level "${p.level}" is not in the criteria set`],
  'submission/group-required': (p) => [`đơn vị "${p.unit}": cấp "${p.level}" có nhóm, cần khai báo "group"`, `unit "${p.unit}": level "${p.level}" has groups, so "group" is required`],
  'submission/unknown-group': (p) => [`đơn vị "${p.unit}": nhóm "${p.group}" không có trong cấp "${p.level}"`, `unit "${p.unit}": group "${p.group}" is not a group of level "${p.level}"`],
  'submission/group-not-allowed': (p) => [`đơn vị "${p.unit}": cấp "${p.level}" không chia nhóm`, `unit "${p.unit}": level "${p.level}" has no groups`],
  'submission/unknown-leaf': (p) => [`đơn vị "${p.unit}": mã tiêu chí "${p.code}" không có trong bộ`, `unit "${p.unit}": unknown criterion code "${p.code}"`],
  'submission/not-a-leaf': (p) => [`đơn vị "${p.unit}": "${p.code}" là nút tổng hợp; chỉ nhập giá trị cho tiêu chí lá`, `unit "${p.unit}": "${p.code}" is an aggregate; values go on leaves only`],
  'submission/leaf-not-applicable': (p) => [`đơn vị "${p.unit}": tiêu chí "${p.code}" không áp dụng cho cấp/nhóm của đơn vị`, `unit "${p.unit}": criterion "${p.code}" does not apply to the unit's level/group`],
  'submission/missing-values': (p) => [`đơn vị "${p.unit}" thiếu giá trị: ${p.codes}`, `unit "${p.unit}" is missing values: ${p.codes}`],
  'submission/criteria-mismatch': (p) => [`bài nộp dùng bộ "${p.given}", khác bộ đang chấm "${p.used}"`, `the submission names "${p.given}", not the set being used "${p.used}"`],
  'value/shape': (p) => [`đơn vị "${p.unit}": giá trị sai dạng, cần ${p.expected}`, `unit "${p.unit}": wrong value shape, expected ${p.expected}`],
  'value/negative': (p) => [`đơn vị "${p.unit}": giá trị không được âm`, `unit "${p.unit}": value must not be negative`],
  'value/not-whole': (p) => [`đơn vị "${p.unit}": cần số nguyên`, `unit "${p.unit}": a whole number is required`],
  'value/numerator-exceeds-denominator': (p) => [`đơn vị "${p.unit}": tử số lớn hơn mẫu số`, `unit "${p.unit}": numerator is greater than denominator`],
  'value/unknown-option': (p) => [`đơn vị "${p.unit}": lựa chọn "${p.option}" không có; cho phép: ${p.allowed}`, `unit "${p.unit}": unknown option "${p.option}"; allowed: ${p.allowed}`],
  'value/unknown-item': (p) => [`đơn vị "${p.unit}": mục "${p.item}" không có; cho phép: ${p.allowed}`, `unit "${p.unit}": unknown item "${p.item}"; allowed: ${p.allowed}`],
  'value/duplicate-item': (p) => [`đơn vị "${p.unit}": mục "${p.item}" bị lặp`, `unit "${p.unit}": item "${p.item}" listed twice`],
  'value/out-of-range': (p) => [`đơn vị "${p.unit}": giá trị ngoài khoảng ${p.range}`, `unit "${p.unit}": value outside ${p.range}`],
  'value/na-not-allowed': (p) => [`đơn vị "${p.unit}": tiêu chí không cho phép trả lời "n/a"`, `unit "${p.unit}": this criterion does not accept "n/a"`],
  'csv/syntax': (p) => [`CSV sai cú pháp: cần ${p.expected}`, `malformed CSV: expected ${p.expected}`],
  'csv/duplicate-column': (p) => [`cột bị trùng: ${p.detail}`, `duplicate column: ${p.detail}`],
  'version/hash-mismatch': (p) => [`tệp đã công bố "${p.file}" bị sửa: sha256 ${p.actual} khác ${p.expected} trong manifest; mọi thay đổi phải là phiên bản mới`, `published file "${p.file}" was changed: sha256 ${p.actual} differs from ${p.expected} in the manifest; a change must be a new version`],
  'version/missing-file': (p) => [`manifest ghi "${p.file}" nhưng không có tệp`, `the manifest lists "${p.file}" but the file is missing`],
  'version/not-in-manifest': (p) => [`tệp đã công bố "${p.file}" không có trong manifest (chạy "dti criteria publish")`, `published file "${p.file}" is not in the manifest (run "dti criteria publish")`],
  'version/entry-mismatch': (p) => [`manifest và tệp "${p.file}" khác nhau ở "${p.field}"`, `the manifest and file "${p.file}" disagree on "${p.field}"`],
  'version/unpublished': (p) => [`"${p.file}" đã công bố (theo manifest) nhưng tệp ghi status "${p.status}"`, `"${p.file}" is published in the manifest but the file says status "${p.status}"`],
  'version/already-published': (p) => [`${p.ref} đã được công bố; thay đổi phải là phiên bản mới`, `${p.ref} is already published; a change must be a new version`],
  'version/exists': (p) => [`đã có tệp ${p.file}`, `${p.file} already exists`],
  'version/file-name': (p) => [`tệp phải nằm tại "${p.expected}" theo id và version`, `the file must be at "${p.expected}" for its id and version`],
  'version/out-of-period': (p) => [`kỳ ${p.period} (đến ${p.end}) nằm ngoài hiệu lực của ${p.used} (${p.range}); phiên bản có hiệu lực khi đó: ${p.inForce}`, `period ${p.period} (ending ${p.end}) is outside the dates of ${p.used} (${p.range}); the version in force then: ${p.inForce}`],
  'version/period-format': (p) => [`không hiểu kỳ "${p.period}" (dùng YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM hoặc YYYY-MM-DD)`, `cannot read period "${p.period}" (use YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD)`],
  'compare/criteria-mismatch': (p) => [`kết quả được chấm bằng "${p.given}" (sha256 ${p.givenHash}), không phải bộ "${p.used}" đi kèm`, `the report was scored with "${p.given}" (sha256 ${p.givenHash}), not with the set given with it, "${p.used}"`],
  'output/write': (p) => [`không ghi được tệp ${p.file}: ${p.detail}`, `cannot write the file ${p.file}: ${p.detail}`],
  'xlsx/missing-sheet': (p) => [`sổ tính thiếu trang "${p.sheet}" (không làm từ mẫu, hoặc trang đã bị đổi tên?)`, `the workbook has no sheet "${p.sheet}" (not made from the template, or the sheet was renamed?)`],
  'xlsx/missing-row': (p) => [`thiếu dòng của tiêu chí "${p.code}" (dòng đã bị xóa, hoặc cấp/nhóm của đơn vị khác với mẫu?)`, `no row for criterion "${p.code}" (the row was deleted, or the unit's level/group differs from the template's?)`],
  'xlsx/duplicate-row': (p) => [`mã "${p.code}" xuất hiện lần thứ hai (lần đầu tại ${p.first})`, `code "${p.code}" appears a second time (first at ${p.first})`],
  'xlsx/period-mismatch': (p) => [`kỳ đánh giá "${p.period}" khác kỳ "${p.expected}" của ${p.first}; một lần chấm chỉ gồm một kỳ`, `period "${p.period}" differs from "${p.expected}" in ${p.first}; one scoring run covers one period`],
  // -- registry and resolution (criteria/*) --
  'criteria/bad-reference': (p) => [`"${p.ref}" không phải tham chiếu bộ tiêu chí: cần "id" hoặc "id@phiên-bản", ví dụ "can-tho@2025.1.0" (không dùng đường dẫn tệp)`, `"${p.ref}" is not a criteria reference: expected "id" or "id@version", for example "can-tho@2025.1.0" (not a file path)`],
  'criteria/none-in-force': (p) => [`không có phiên bản nào của "${p.id}" có hiệu lực ngày ${p.date} (cuối kỳ ${p.period}); các phiên bản: ${p.versions}`, `no version of "${p.id}" is in force on ${p.date} (the end of period ${p.period}); versions: ${p.versions}`],
  'criteria/conflict': (p) => [`${p.ref} có hai nội dung khác nhau: ${p.first} và ${p.second}; một phiên bản chỉ có một nội dung`, `${p.ref} has two different contents: ${p.first} and ${p.second}; a version has one content only`],
  'criteria/source': (p) => [`không dùng được thư mục bộ tiêu chí ${p.dir}: ${p.detail}`, `cannot use the criteria folder ${p.dir}: ${p.detail}`],
  'version/draft': (p) => [`${p.ref} là bản nháp: kết quả không phải kết quả chính thức`, `${p.ref} is a draft: the results are not official`],
  // -- manifest and criteria folders (version/*) --
  'input/encoding': (p) =>
    p.encoding === 'not UTF-8'
      ? [`tệp "${p.file}" không phải UTF-8: byte ${p.byte} không hợp lệ tại vị trí ${p.offset} (mã hóa cũ như Windows-1258, TCVN3, VNI?); hãy lưu lại với mã hóa UTF-8`, `file "${p.file}" is not UTF-8: invalid byte ${p.byte} at offset ${p.offset} (a legacy encoding such as Windows-1258, TCVN3 or VNI?); save it again as UTF-8`]
      : [`tệp "${p.file}" được mã hóa ${p.encoding}, không phải UTF-8; hãy lưu lại với mã hóa UTF-8`, `file "${p.file}" is encoded as ${p.encoding}, not UTF-8; save it again as UTF-8`],
  'version/bom': (p) => [`tệp "${p.file}" bắt đầu bằng BOM UTF-8; tệp đã công bố và manifest phải là UTF-8 không có BOM (lưu bằng "UTF-8", không phải "UTF-8 with BOM")`, `file "${p.file}" starts with a UTF-8 BOM; published files and the manifest must be UTF-8 without a BOM (save as "UTF-8", not "UTF-8 with BOM")`],
  'version/status-mismatch': (p) => [`manifest ghi "${p.file}" là "${p.expected}" nhưng tệp ghi status "${p.status}"; manifest chỉ được ghi "draft" khi tệp cũng là bản nháp`, `the manifest lists "${p.file}" as "${p.expected}" but the file says status "${p.status}"; an entry may be "draft" only when the file is a draft too`],
  'version/empty-folder': (p) => [`thư mục bộ tiêu chí "${p.dir}" không có bộ nào (không có tệp bộ tiêu chí, manifest trống)`, `the criteria folder "${p.dir}" holds no set (no criteria file, an empty manifest)`],
  'version/no-manifest': (p) => [`thư mục "${p.dir}" có tệp đã công bố nhưng thiếu ${p.file}`, `the folder "${p.dir}" holds published files but no ${p.file}`],
  'version/duplicate-entry': (p) => [`manifest ghi ${p.ref} hơn một lần ("${p.file}")`, `the manifest lists ${p.ref} more than once ("${p.file}")`],
  'cli/usage': (p) => [`sai cú pháp lệnh: ${p.detail}`, `usage error: ${p.detail}`],
};

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
 * Builds an {@link Issue}; the message is derived from the code and its parameters.
 *
 * @example
 * ```ts
 * import { makeIssue } from 'dti-criteria';
 * const issue = makeIssue('rule/from-equals-to', 'nodes[0].rule');
 * console.log(issue.message); // "\"from\" và \"to\" không được bằng nhau / \"from\" and \"to\" must differ"
 * ```
 */
export function makeIssue(code: IssueCode, path: string, params: IssueParams = {}): Issue {
  const [vi, en] = catalogue[code](params);
  return { code, path, message: `${vi} / ${en}` };
}

/**
 * Thrown by the throwing entry points (`loadCriteria`, `scoreBatch`, ...):
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
    super(first ? `${issues.length} problem(s); first: ${first.path}: ${first.message} [${first.code}]` : 'unknown problem');
    this.name = 'DtiError';
    this.issues = issues;
  }
}

/** A result that either succeeded with `value` or failed with `issues` (never throws). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly Issue[] };
