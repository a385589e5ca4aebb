// Internal: the appraisal sheet of the results workbook (format reference §12): every appraised
// criterion of every unit, the criteria lacking evidence, and the batch distribution
// by reason and by pillar.
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { appraisalSummary, type AppraisalSummary, type AppraisalTally } from '../charts/appraisal.js';
import type { CriteriaSet } from '../compile/types.js';
import { pick, type Localized } from '../format/localized.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { writeDecimal } from './cells.js';
import type { Lang } from './layout.js';
import { font, fontEverywhere, forPaper } from './paper.js';
import { columnsOf, fitRow, header } from './sheet-parts.js';

/** The sheet's name: within Excel's 31 characters. @internal */
export const APPRAISAL_SHEET: Localized = { vi: 'Thẩm định', en: 'Appraisal' };

const A = {
  title: { vi: 'Kết quả thẩm định', en: 'Appraisal' },
  unit: { vi: 'Mã đơn vị', en: 'Unit id' },
  name: { vi: 'Tên đơn vị', en: 'Unit name' },
  code: { vi: 'Mã tiêu chí', en: 'Criterion code' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  self: { vi: 'Điểm tự đánh giá', en: 'Self-assessed points' },
  appraised: { vi: 'Điểm thẩm định', en: 'Appraised points' },
  difference: { vi: 'Chênh lệch (thẩm định − tự đánh giá)', en: 'Difference (appraised − self)' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  at: { vi: 'Ngày thẩm định', en: 'Appraised on' },
  by: { vi: 'Người thẩm định', en: 'Appraiser' },
  points: { vi: 'Điểm', en: 'Points' },
  lacking: {
    flag: { vi: 'Tiêu chí thiếu minh chứng bắt buộc (chính sách “flag”: chỉ ghi nhận, điểm không đổi)', en: 'Criteria lacking required evidence (policy “flag”: listed, points unchanged)' },
    zero: { vi: 'Tiêu chí thiếu minh chứng bắt buộc (chính sách “zero”: tính 0 điểm, trừ khi được thẩm định)', en: 'Criteria lacking required evidence (policy “zero”: scored 0 unless appraised)' },
  },
  lackingAppraised: { vi: 'đã thẩm định: giá trị thẩm định được giữ', en: 'appraised: the appraised value stands' },
  byReason: { vi: 'Phân bố theo lý do thẩm định', en: 'Changes by reason' },
  byPillar: { vi: 'Phân bố theo trụ cột', en: 'Changes by pillar' },
  count: { vi: 'Số tiêu chí', en: 'Criteria' },
  lowered: { vi: 'Bị hạ', en: 'Lowered' },
  raised: { vi: 'Được nâng', en: 'Raised' },
  moved: { vi: 'Điểm thay đổi', en: 'Points moved' },
  page: { vi: 'Trang', en: 'Page' },
} as const;

/** A date as its readers write it: 20/02/2023 in Vietnamese, ISO in English. */
function dateText(iso: string, lang: Lang): string {
  return lang === 'vi' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/**
 * Adds the appraisal sheet to `workbook` when some unit was appraised or
 * lacks evidence; returns whether it did. The appraiser's name (`by`) is
 * written only with `withAppraisers` (and when the results keep it).
 *
 * @internal
 */
export function appraisalSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  report: ScoreReport,
  criteria: CriteriaSet,
  lang: Lang,
  withAppraisers: boolean,
): boolean {
  const summary = appraisalSummary(report, criteria, lang, { withAppraisers });
  if (summary.units.length === 0) return false;
  const withBy = withAppraisers && summary.units.some((u) => u.changes.some((c) => c.by !== null));
  const heads = [A.unit, A.name, A.code, A.criterion, A.pillar, A.self, A.appraised, A.difference, A.reason, A.note, A.at, ...(withBy ? [A.by] : [])].map((t) => pick(t, lang));
  const widths = [16, 26, 10, 34, 9, 12, 12, 13, 24, 34, 12, ...(withBy ? [18] : [])];
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  columnsOf(sheet, widths);
  const total = widths.reduce((sum, width) => sum + width, 0);
  const titleRow = (row: number, text: string, size?: number): void => {
    sheet.mergeCells(row, 1, row, widths.length);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font({ bold: true, ...(size === undefined ? {} : { size }) });
    cell.alignment = { wrapText: true, vertical: 'top' };
    fitRow(sheet, row, widths, new Map([[1, total]]));
  };
  titleRow(1, [pick(A.title, lang), pick(criteria.title, lang), ...(report.period ? [report.period] : [])].join(' — '), 14);
  header(sheet, 2, heads);
  fitRow(sheet, 2, widths);
  forPaper(sheet, { orientation: 'landscape', titleRows: '1:2', page: pick(A.page, lang) });
  const places = summary.places;
  const wrap = (sheetRow: number, columns: readonly number[]): void => {
    for (const column of columns) sheet.getCell(sheetRow, column).alignment = { wrapText: true, vertical: 'top' };
  };

  let row = 3;
  for (const unit of summary.units) {
    for (const change of unit.changes) {
      const at = (column: number) => sheet.getCell(row, column);
      at(1).value = unit.unit.unit;
      at(2).value = unit.name;
      at(3).value = change.code;
      at(4).value = change.name;
      at(5).value = change.pillar;
      if (change.self !== null) writeDecimal(at(6), change.self, places, lang);
      if (change.appraised !== null) writeDecimal(at(7), change.appraised, places, lang);
      writeDecimal(at(8), change.delta, places, lang);
      at(9).value = change.reasonLabel;
      at(10).value = change.note ?? '';
      at(11).value = change.at === null ? '' : dateText(change.at, lang);
      if (withBy) at(12).value = change.by ?? '';
      wrap(row, [1, 2, 4, 9, 10]);
      fitRow(sheet, row, widths);
      row++;
    }
  }
  if (row > 3) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: row - 1, column: heads.length } };

  const lacking = summary.units.flatMap((unit) => unit.lacking.map((leaf) => ({ unit, leaf })));
  if (lacking.length > 0) {
    row++;
    titleRow(row++, pick(A.lacking[summary.policy], lang));
    header(sheet, row, [A.unit, A.name, A.code, A.criterion, A.points].map((t) => pick(t, lang)));
    fitRow(sheet, row++, widths);
    for (const { unit, leaf } of lacking) {
      sheet.getCell(row, 1).value = unit.unit.unit;
      sheet.getCell(row, 2).value = unit.name;
      sheet.getCell(row, 3).value = leaf.code;
      sheet.getCell(row, 4).value = leaf.appraised ? `${leaf.name} (${pick(A.lackingAppraised, lang)})` : leaf.name;
      if (leaf.points !== null) writeDecimal(sheet.getCell(row, 5), leaf.points, places, lang);
      wrap(row, [1, 2, 4]);
      fitRow(sheet, row++, widths);
    }
  }

  row = tallies(sheet, row + 1, widths, pick(A.byReason, lang), [pick(A.reason, lang)], summary, summary.byReason, () => [], lang);
  tallies(sheet, row + 1, widths, pick(A.byPillar, lang), [pick(A.code, lang), pick(A.pillar, lang)], summary, summary.byPillar, (t) => [t.key], lang);
  fontEverywhere(sheet);
  return true;
}

/** A distribution table (its rows, then the total) from `row`; returns the row after it. */
function tallies(
  sheet: Worksheet,
  start: number,
  widths: readonly number[],
  title: string,
  firstHeads: readonly string[],
  summary: AppraisalSummary,
  rows: readonly AppraisalTally[],
  lead: (tally: AppraisalTally) => string[],
  lang: Lang,
): number {
  let row = start;
  sheet.getCell(row, 1).value = title;
  sheet.getCell(row, 1).font = font({ bold: true });
  row++;
  header(sheet, row, [...firstHeads, ...[A.count, A.lowered, A.raised, A.moved].map((t) => pick(t, lang))]);
  fitRow(sheet, row++, widths);
  for (const [index, tally] of [...rows, summary.total].entries()) {
    const cells = index === rows.length ? [...firstHeads.slice(1).map(() => ''), tally.label] : [...lead(tally), tally.label];
    cells.forEach((text, column) => {
      sheet.getCell(row, column + 1).value = text;
      sheet.getCell(row, column + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    const at = cells.length;
    sheet.getCell(row, at + 1).value = tally.count;
    sheet.getCell(row, at + 2).value = tally.lowered;
    sheet.getCell(row, at + 3).value = tally.raised;
    writeDecimal(sheet.getCell(row, at + 4), tally.moved, summary.places, lang);
    if (index === rows.length) for (let column = 1; column <= at + 4; column++) sheet.getCell(row, column).font = font({ bold: true });
    fitRow(sheet, row++, widths);
  }
  return row;
}
