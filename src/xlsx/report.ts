import { formatIssue } from '../errors.js';
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { DtiError } from '../errors.js';
import type { CompiledNode } from '../compile/compiled.js';
import { pick, type Localized } from '../format/localized.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet, Group, Level } from '../compile/types.js';
import { parseScoreReport } from '../results/parse.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { writeDecimal } from './cells.js';
import { deterministicBytes, documentDate } from './deterministic.js';
import type { Lang } from './layout.js';
import { PRINT_PARTS, columnWidthFor, font, fontEverywhere, forPaper } from './paper.js';
import { columnsOf, fitRow, header } from './sheet-parts.js';
import { APPRAISAL_SHEET, appraisalSheet } from './appraisal-sheet.js';

/** Options of {@link reportToXlsx}. */
export interface ReportXlsxOptions {
  /** Language of the headings, level, group, node and rating names; default `vi`. */
  readonly lang?: 'vi' | 'en';
  /**
   * Write who appraised each criterion (an appraisal's `by`, personal data)
   * on the appraisal sheet, where the results keep it; default `false`.
   */
  readonly withAppraisers?: boolean;
}

const T = {
  about: { vi: 'Thông tin', en: 'About' },
  nodes: { vi: 'Điểm chi tiết', en: 'Node points' },
  ranking: { vi: 'Xếp hạng', en: 'Ranking' },
  aboutRows: {
    title: { vi: 'Bộ tiêu chí', en: 'Criteria set' },
    ref: { vi: 'Mã và phiên bản', en: 'Id and version' },
    sha256: { vi: 'sha256 của bộ tiêu chí', en: 'sha256 of the criteria set' },
    period: { vi: 'Kỳ đánh giá', en: 'Period' },
    units: { vi: 'Số đơn vị được chấm', en: 'Units scored' },
    ranking: { vi: 'Cách xếp hạng', en: 'Ranking rule' },
    rounding: { vi: 'Số chữ số thập phân (điểm, chỉ số)', en: 'Decimals (points, index)' },
    numbers: { vi: 'Số liệu', en: 'Figures' },
  },
  numbersNote: {
    vi:
      'Điểm và chỉ số là số đúng như kết quả công bố, hiển thị với số chữ số thập phân cố định và dấu phân cách hàng nghìn theo thiết lập vùng của máy (tiếng Việt: 1.234,56); ' +
      'số nào không biểu diễn đúng được bằng số Excel thì ghi dạng văn bản, với dấu phân cách tiếng Việt.',
    en:
      'Points and indices are the published figures as numbers shown with fixed decimals and thousands separators as the computer\'s regional settings give them (English: 1,234.56); ' +
      'a figure an Excel number cannot hold exactly is written as text.',
  },
  rejected: { vi: 'Đơn vị bị loại (không chấm)', en: 'Units rejected (not scored)' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  header: {
    rank: { vi: 'Hạng', en: 'Rank' },
    unit: { vi: 'Mã đơn vị', en: 'Unit id' },
    name: { vi: 'Tên đơn vị', en: 'Unit name' },
    parent: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
    rankInParent: { vi: 'Hạng trong đơn vị cấp trên', en: 'Rank within parent' },
    points: { vi: 'Điểm', en: 'Points' },
    maxPoints: { vi: 'Điểm tối đa', en: 'Max points' },
    index: { vi: 'Chỉ số', en: 'Index' },
    rating: { vi: 'Xếp loại', en: 'Rating' },
    self: { vi: 'Điểm tự đánh giá', en: 'Self-assessed points' },
    appraised: { vi: 'Điểm thẩm định', en: 'Appraised points' },
    difference: { vi: 'Chênh lệch (thẩm định − tự đánh giá)', en: 'Difference (appraised − self)' },
    level: { vi: 'Cấp', en: 'Level' },
    group: { vi: 'Nhóm', en: 'Group' },
  },
  pillarIndex: (code: string, name: string): Localized => ({ vi: `Chỉ số ${code}: ${name}`, en: `${code} index: ${name}` }),
  rankBy: { index: { vi: 'theo chỉ số', en: 'by index' }, points: { vi: 'theo tổng điểm', en: 'by points' } },
  ties: { competition: { vi: 'đồng hạng thì hạng sau bỏ trống (1, 1, 3)', en: 'ties share a rank, the next is skipped (1, 1, 3)' }, dense: { vi: 'đồng hạng thì hạng sau liền kề (1, 1, 2)', en: 'ties share a rank, the next follows (1, 1, 2)' } },
  cohort: { level: { vi: 'trong mỗi cấp', en: 'within each level' }, 'level+group': { vi: 'trong mỗi cấp và nhóm', en: 'within each level and group' } },
  missing: { vi: 'thiếu', en: 'missing' },
  groupWord: { vi: 'nhóm', en: 'group' },
  page: { vi: 'Trang', en: 'Page' },
} as const;

/** A sheet name Excel accepts (31 characters, none of `[]:*?/\`), unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A ranking sheet's name within Excel's 31 characters: "Xếp hạng UBND quận,
 * huyện"; the cohort's name alone when both do not fit ("UBND xã, phường, thị
 * trấn"), the level's name cut at a word only when that does not fit either,
 * the group kept (the sheet's title row has the full names).
 */
function rankingSheetName(ranking: string, level: string, group: string): string {
  const full = `${ranking} ${level}${group}`;
  if (full.length <= 31) return full;
  if (level.length + group.length <= 31) return `${level}${group}`;
  // The group is never cut: it tells the sheets of one level apart.
  const room = 31 - group.length;
  const cut = level.slice(0, room);
  const space = cut.lastIndexOf(' ');
  return `${(space > 10 ? cut.slice(0, space) : cut).replace(/(?:[,;:\s]+|\s+(?:and|và|of|của))+$/i, '')}${group}`;
}

/**
 * A table wider than this many characters prints over several pages across:
 * fit to one landscape page width it would print below 60 % (text under 7 points).
 */
const ACROSS_WIDTH = 240;

/** The unit id column: the longest id on one line, 14 to 40 characters (a longer id wraps). */
function idWidth(results: readonly UnitResult[]): number {
  return Math.min(Math.max(14, ...results.map((result) => columnWidthFor(result.unit))), 40);
}

/** A table with a filter on its header row. */
function filterOn(sheet: Worksheet, row: number, columns: number): void {
  sheet.autoFilter = { from: { row, column: 1 }, to: { row, column: columns } };
}

/** Units in rank order (unranked last), ties in input order. */
function byRank(results: readonly UnitResult[]): UnitResult[] {
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => (a.result.rank ?? Infinity) - (b.result.rank ?? Infinity) || a.index - b.index)
    .map((entry) => entry.result);
}

function codesInOrder(nodes: readonly CompiledNode[], out: CompiledNode[] = []): CompiledNode[] {
  for (const node of nodes) {
    out.push(node);
    codesInOrder(node.children, out);
  }
  return out;
}

function rankingSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  results: readonly UnitResult[],
  roots: readonly CompiledNode[],
  ratingName: (id: string | null) => string,
  parentName: (id: string) => string | undefined,
  places: { points: number; index: number },
  lang: Lang,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const shownRoots = roots.filter((root) => results.some((result) => result.nodes[root.code] !== undefined));
  const h = T.header;
  const columns = [h.rank, h.unit, h.name, h.parent, h.rankInParent, h.points, h.maxPoints, h.index, h.rating, h.self, h.appraised, h.difference].map((text) => pick(text, lang));
  const headings = [...columns, ...shownRoots.map((root) => pick(T.pillarIndex(root.code, pick(root.node.name, lang)), lang))];
  const widths = headings.map((_, index) => (index === 1 ? idWidth(results) : index === 2 ? 36 : index < 5 ? 14 : 12));
  columnsOf(sheet, widths);
  sheet.mergeCells(1, 1, 1, headings.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = font({ bold: true, size: 14 });
  sheet.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
  fitRow(sheet, 1, widths, new Map([[1, widths.reduce((sum, width) => sum + width, 0)]]));
  header(sheet, 2, headings);
  fitRow(sheet, 2, widths);
  forPaper(sheet, { orientation: 'landscape', titleRows: '1:2', page: pick(T.page, lang) });
  filterOn(sheet, 2, headings.length);
  byRank(results).forEach((result, position) => {
    const row = position + 3;
    const at = (column: number): Cell => sheet.getCell(row, column);
    if (result.rank !== null) at(1).value = result.rank;
    at(1).alignment = { horizontal: 'center', vertical: 'top' };
    at(2).value = result.unit;
    at(3).value = result.name ?? '';
    at(4).value = result.parent === null ? '' : (parentName(result.parent) ?? result.parent);
    if (result.rankInParent !== null) at(5).value = result.rankInParent;
    writeDecimal(at(6), result.points, places.points, lang);
    writeDecimal(at(7), result.maxPoints, places.points, lang);
    if (result.index !== null) writeDecimal(at(8), result.index, places.index, lang);
    at(9).value = ratingName(result.rating);
    writeDecimal(at(10), result.selfPoints ?? result.points, places.points, lang);
    if (result.selfPoints !== undefined) writeDecimal(at(11), result.points, places.points, lang);
    if (result.difference !== undefined) writeDecimal(at(12), result.difference, places.points, lang);
    shownRoots.forEach((root, index) => {
      const figure = result.nodes[root.code]?.index;
      if (figure !== undefined && figure !== null) writeDecimal(at(13 + index), figure, places.index, lang);
    });
    for (const column of [2, 3, 4, 9]) at(column).alignment = { wrapText: true, vertical: 'top' };
    fitRow(sheet, row, widths);
  });
  fontEverywhere(sheet);
}

/**
 * Writes a score report as an Excel workbook (`.xlsx`) for publication:
 *
 * - **Thông tin** (About): the criteria set, its `id@version` and sha256, the
 *   period, the ranking rule, and every rejected unit and warning (nothing is
 *   left out silently);
 * - one **Xếp hạng** (Ranking) sheet per level, or per level and group when
 *   the set ranks by `level+group`, named after the level (and group) in the
 *   report's language, printed on A4 (fit to the width, header rows repeated)
 *   with a filter on its table: rank, unit id, name, parent (by name when the
 *   parent is a unit of the report), rank within
 *   the parent, points, maximum, index, rating, self-assessed points,
 *   appraised points, difference, and the index of each pillar (top-level
 *   node), in rank order (unranked units last, ties in input order);
 * - **Điểm chi tiết** (Node points): every node's points per unit (input
 *   order; each unit's level and group by name; `n/a` where not applicable,
 *   `thiếu`/`missing` where excluded as missing, an `info` leaf's value, a
 *   number cell when it is a number);
 * - **Thẩm định** (Appraisal), when a unit was appraised or lacks required
 *   evidence: every appraised criterion of every unit (self-assessed and
 *   appraised points, the difference, the reason's label, the note, the
 *   date; who appraised only with `withAppraisers`), the criteria lacking
 *   evidence under the set's policy, and the distribution of the changes by
 *   reason and by pillar (counts, lowered, raised, net points moved, summed
 *   exactly), printed landscape on A4 like the rankings.
 *
 * Points and indices are written as Excel numbers with a fixed-decimals
 * format with thousands grouping (`#,##0.00`, `#,##0.0000`), so they sort,
 * sum and chart, and show with the separators of the reader's spreadsheet
 * program (`1.234,50` in a Vietnamese Excel); the cell shows the published
 * string exactly, because a number is written only when it reads back as
 * exactly that decimal (always true up to 15 significant digits, which every
 * rounded score is), and as text otherwise, with Vietnamese separators in a
 * Vietnamese report (`formatDecimalCell`). A published number never
 * changes. Self-assessed points are the final points for a unit without
 * appraised values; the appraised and difference cells are then empty.
 * Ratings are shown by their names in the report's language.
 *
 * Every sheet is made for printing: A4 (the rankings and the node points
 * landscape), Times New Roman, rows as tall as their wrapped text, header
 * rows on every page, the page number at the foot; a ranking fits the page
 * width, the node points (a column per node) print over several pages
 * across at 80 %, each with the units' ids and names.
 *
 * The report is first checked against `criteria` as {@link parseScoreReport}
 * does: rejects with a {@link DtiError} (paths under `report`) when it was
 * not scored with that set (`compare/criteria-mismatch`: id, version and
 * sha256 must match) or is inconsistent (a figure that does not add up, a
 * unit listed twice, a changed rank, an unknown field, …).
 *
 * @example
 * ```ts
 * import ExcelJS from 'exceljs';
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { reportToXlsx } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { period: '2022', units: [
 *   { id: 'an-binh', name: 'Phường An Bình', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } },
 *   { id: 'an-cu', name: 'Phường An Cư', level: 'commune', values: { 'CQS.1.3': { numerator: 15, denominator: 15 } } },
 * ] });
 * const workbook = new ExcelJS.Workbook();
 * await workbook.xlsx.load(await reportToXlsx(report, criteria) as never);
 * const ranking = workbook.getWorksheet('UBND xã, phường, thị trấn')!; // the level's name ("Xếp hạng …" when it fits 31 characters)
 * console.log(ranking.getCell('B3').value); // an-cu
 * console.log(ranking.getCell('F3').value); // 20
 * console.log(ranking.getCell('F3').numFmt); // #,##0.00
 * ```
 */
export async function reportToXlsx(report: ScoreReport, criteria: CriteriaSet, options: ReportXlsxOptions = {}): Promise<Uint8Array> {
  return workbookOf(parseScoreReport(report, criteria, { path: ['report'] }), criteria, options);
}

/** The workbook of a report already checked against its set. */
async function workbookOf(report: ScoreReport, criteria: CriteriaSet, options: ReportXlsxOptions): Promise<Uint8Array> {
  const compiled = compileCriteria(criteria);
  const ref = `${criteria.id}@${criteria.version}`;
  const stamp = report.criteria;
  const lang = options.lang ?? 'vi';
  const places = compiled.rounding;
  const ratings = new Map((criteria.ratings ?? []).map((rating) => [rating.id, pick(rating.name, lang)]));
  const ratingName = (id: string | null): string => (id === null ? '' : (ratings.get(id) ?? id));
  // A parent that is a unit of the report is shown by its name (its id otherwise: a parent outside the batch).
  const names = new Map(report.results.map((result) => [result.unit, result.name]));
  const parentName = (id: string): string | undefined => names.get(id) ?? undefined;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dti-criteria';
  const taken = new Set<string>();

  // About.
  const about = workbook.addWorksheet(sheetName(pick(T.about, lang), taken));
  const aboutWidths = [30, 70];
  columnsOf(about, aboutWidths);
  const ranking = compiled.ranking;
  const rows: [Localized, string | number][] = [
    [T.aboutRows.title, pick(criteria.title, lang)],
    [T.aboutRows.ref, ref],
    [T.aboutRows.sha256, stamp.sha256],
    [T.aboutRows.period, report.period ?? ''],
    [T.aboutRows.units, report.results.length],
    [T.aboutRows.ranking, [T.rankBy[ranking.by], T.ties[ranking.ties], T.cohort[ranking.cohort]].map((words) => pick(words, lang)).join('; ')],
    [T.aboutRows.rounding, `${places.points}, ${places.index}`],
    [T.aboutRows.numbers, pick(T.numbersNote, lang)],
  ];
  const aboutRow = (row: number, label: string | undefined, value: string | number): void => {
    if (label !== undefined) {
      about.getCell(row, 1).value = label;
      about.getCell(row, 1).font = font({ bold: true });
    }
    about.getCell(row, 2).value = value;
    for (const column of [1, 2]) about.getCell(row, column).alignment = { wrapText: true, vertical: 'top', ...(typeof value === 'number' && column === 2 ? { horizontal: 'left' } : {}) };
    fitRow(about, row, aboutWidths);
  };
  rows.forEach(([label, value], index) => aboutRow(index + 1, pick(label, lang), value));
  let row = rows.length + 2;
  const list = (title: Localized, lines: readonly string[]): void => {
    lines.forEach((line, index) => aboutRow(row++, index === 0 ? pick(title, lang) : undefined, line));
    if (lines.length > 0) row++;
  };
  list(T.rejected, report.rejected.flatMap((rejected) => rejected.issues.map((issue) => `${rejected.unit}: ${formatIssue(issue, lang)}`)));
  list(T.warnings, report.warnings.map((issue) => formatIssue(issue, lang)));
  forPaper(about, { orientation: 'portrait', page: pick(T.page, lang) });
  fontEverywhere(about);

  // Rankings, one per cohort.
  const cohorts = criteria.levels.flatMap((level): { level: Level; group: Group | undefined }[] =>
    ranking.cohort === 'level+group' && (level.groups?.length ?? 0) > 0 ? level.groups!.map((group) => ({ level, group })) : [{ level, group: undefined }],
  );
  for (const { level, group } of cohorts) {
    const members = report.results.filter((result) => result.level === level.id && (group === undefined || result.group === group.id));
    if (members.length === 0) continue;
    const name = sheetName(rankingSheetName(pick(T.ranking, lang), pick(level.name, lang), group ? ` ${pick(T.groupWord, lang)} ${group.id}` : ''), taken);
    const title = [pick(criteria.title, lang), pick(level.name, lang), ...(group ? [pick(group.name, lang)] : []), ...(report.period ? [report.period] : [])].join(' — ');
    rankingSheet(workbook, name, title, members, compiled.roots, ratingName, parentName, places, lang);
  }

  // Every node's points per unit.
  const nodes = codesInOrder(compiled.roots).filter((node) => report.results.some((result) => result.nodes[node.code] !== undefined));
  const detail = workbook.addWorksheet(sheetName(pick(T.nodes, lang), taken), { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const h = T.header;
  const detailWidths = [idWidth(report.results), 30, 22, 22, ...nodes.map(() => 14)];
  // Levels and groups by their names in the report's language, not their ids.
  const levelNames = new Map(criteria.levels.map((level) => [level.id, pick(level.name, lang)]));
  const groupNames = new Map(criteria.levels.flatMap((level) => (level.groups ?? []).map((group) => [`${level.id}\u0000${group.id}`, pick(group.name, lang)] as const)));
  columnsOf(detail, detailWidths);
  header(detail, 1, [...[h.unit, h.name, h.level, h.group].map((text) => pick(text, lang)), ...nodes.map((node) => node.code)]);
  header(detail, 2, ['', '', '', '', ...nodes.map((node) => pick(node.node.name, lang))]);
  fitRow(detail, 1, detailWidths);
  fitRow(detail, 2, detailWidths);
  // Too many columns to shrink onto one page width: over several pages across, each with the unit's id and name.
  const detailWidth = detailWidths.reduce((sum, width) => sum + width, 0);
  forPaper(detail, { orientation: 'landscape', titleRows: '1:2', page: pick(T.page, lang), ...(detailWidth > ACROSS_WIDTH ? { across: { titleColumns: 'A:B', scale: 80 } } : {}) });
  filterOn(detail, 1, detailWidths.length);
  report.results.forEach((result, position) => {
    const line = position + 3;
    detail.getCell(line, 1).value = result.unit;
    detail.getCell(line, 2).value = result.name ?? '';
    detail.getCell(line, 3).value = levelNames.get(result.level) ?? result.level;
    detail.getCell(line, 4).value = result.group === null ? '' : (groupNames.get(`${result.level}\u0000${result.group}`) ?? result.group);
    nodes.forEach((node, index) => {
      const outcome = result.nodes[node.code];
      const cell = detail.getCell(line, 5 + index);
      if (outcome === undefined) return;
      if (outcome.points !== null) writeDecimal(cell, outcome.points, places.points, lang);
      else if (outcome.status === 'not-applicable') cell.value = 'n/a';
      else if (outcome.status === 'missing') cell.value = pick(T.missing, lang);
      // An info leaf's number stays a number (shown with the reader's separators), its text stays text.
      else if (outcome.status === 'info' && outcome.value !== undefined && outcome.value !== null) {
        const value = String(outcome.value);
        if (/^-?\d+(?:\.\d+)?$/.test(value)) writeDecimal(cell, value, undefined, lang);
        else cell.value = value;
      }
    });
    for (const column of [1, 2, 3, 4]) detail.getCell(line, column).alignment = { wrapText: true, vertical: 'top' };
    fitRow(detail, line, detailWidths);
  });
  fontEverywhere(detail);

  // What the appraisal changed and why (format reference §12), when a unit was appraised or lacks evidence.
  if (report.results.some((result) => result.selfPoints !== undefined || (result.evidence?.lacking.length ?? 0) > 0)) {
    appraisalSheet(workbook, sheetName(pick(APPRAISAL_SHEET, lang), taken), report, criteria, lang, options.withAppraisers === true);
  }

  // The same bytes on every run for the same report.
  return deterministicBytes(workbook, documentDate(criteria.effective.from), PRINT_PARTS);
}
