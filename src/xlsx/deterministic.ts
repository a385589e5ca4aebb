import type { Workbook } from 'exceljs';
import JSZip from 'jszip';

/**
 * The workbook's bytes, the same on every run for the same content: the
 * document's created and modified times are `date` (not the time of writing),
 * and the zip entries carry that date too, so that a published form or
 * report can be checked against its sha256. `rewrite` changes the text of
 * named parts where exceljs has no setting (`xl/styles.xml`: the default font).
 *
 * @internal
 */
export async function deterministicBytes(workbook: Workbook, date: Date, rewrite: Readonly<Record<string, (text: string) => string>> = {}): Promise<Uint8Array> {
  workbook.created = date;
  workbook.modified = date;
  const written = await workbook.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(written);
  const names = Object.keys(zip.files); // in the order exceljs wrote them
  const out = new JSZip();
  for (const name of names) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    const change = rewrite[name];
    out.file(name, change ? change(await entry.async('string')) : await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/**
 * The date a set's documents carry: the first day it is in force, at noon UTC
 * (a zip stores local DOS times: noon keeps the day the same in every time zone).
 *
 * @internal
 */
export function documentDate(effectiveFrom: string): Date {
  return new Date(`${effectiveFrom}T12:00:00Z`);
}
