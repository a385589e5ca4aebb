// What the officer takes away: the submission as a JSON file (exactly the one the
// page scores), the filled workbook of the unit's level (the library's template,
// filled by `buildFilledTemplate`, so the Department reads it like any other), and
// a printout (see print-view.ts). Files are made in the browser and downloaded;
// nothing is sent anywhere.
//
// The workbook writer (exceljs) is loaded only when a workbook is asked for.
import { DtiError, makeIssue, type CriteriaSet, type Result, type UnitSubmission } from 'dti-criteria';

/** Hands a file to the browser as a download. */
export function download(content: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([typeof content === 'string' ? content : content.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the unit's id, the set and the period: `xa-my-khanh_can-tho@2025.1.0_2025.json`. */
export function fileName(unitId: string, criteria: CriteriaSet, period: string, extension: string): string {
  const safe = (text: string): string => text.replace(/[^\p{L}\p{N}@._-]+/gu, '-');
  return `${safe(unitId)}_${safe(`${criteria.id}@${criteria.version}`)}${period === '' ? '' : `_${safe(period)}`}.${extension}`;
}

/** The submission as the JSON file the Department scores (`dti score`), two-space indented, with a final newline. */
export function submissionJson(submission: unknown): string {
  return `${JSON.stringify(submission, null, 2)}\n`;
}

/** The unit's filled workbook (the template of its level and group with what was typed), or the library's issues. */
export async function workbookOf(criteria: CriteriaSet, unit: UnitSubmission, period: string): Promise<Result<Uint8Array>> {
  try {
    const { buildFilledTemplate } = await import('dti-criteria/xlsx');
    return { ok: true, value: await buildFilledTemplate(criteria, unit, period === '' ? {} : { period }) };
  } catch (error) {
    if (error instanceof DtiError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [makeIssue('output/write', '$', { file: 'workbook.xlsx', reason: error instanceof Error ? error.name : 'unknown' })] };
  }
}
