/**
 * `dti-criteria/xlsx`: the Excel side of the yearly cycle. A template
 * workbook per level (and group) that a unit fills in, filled-in workbooks
 * read back into a submission batch with every problem reported at its cell
 * (`form-a.xlsx!Tự đánh giá!F12`), and a score report written as a workbook
 * for publication. Values pass as exact decimal strings; published figures
 * are shown exactly as published.
 *
 * @example
 * ```ts
 * import { safeScoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { buildTemplate, safeReadWorkbooks, reportToXlsx } from 'dti-criteria/xlsx';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const template = await buildTemplate(criteria, { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' }, period: '2022' });
 * // ... the unit fills it in and sends it back ...
 * const batch = await safeReadWorkbooks([{ name: 'an-binh.xlsx', bytes: template }], { criteria });
 * if (batch.ok) {
 *   const scored = safeScoreBatch(criteria, batch.value);
 *   if (scored.ok) console.log((await reportToXlsx(scored.value, criteria)).length > 0); // true
 * }
 * ```
 *
 * @packageDocumentation
 */
export { XLSX_LAYOUT_VERSION, XLSX_SHEETS, xlsxPath } from './layout.js';
export { buildFilledTemplate, buildTemplate, type FilledTemplateOptions, type TemplateOptions } from './template.js';
export { MAX_WORKBOOK_BYTES, readWorkbookBatch, safeReadWorkbook, safeReadWorkbooks, type ReadWorkbookOptions, type RejectedWorkbook, type WorkbookBatch, type WorkbookReading } from './read-workbook.js';
export { reportToXlsx, type ReportXlsxOptions } from './report.js';
export type { XlsxIssueCode } from './issues.js';
