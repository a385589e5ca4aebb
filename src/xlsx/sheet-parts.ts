// Internal: the pieces of a printed table sheet shared by the results workbook's sheets.
import type { Worksheet } from 'exceljs';
import { font, rowHeight, type WrappedText } from './paper.js';

/** The fill of a header cell. @internal */
export const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;

/** A bold, filled, wrapped header row. @internal */
export function header(sheet: Worksheet, row: number, texts: readonly string[]): void {
  texts.forEach((text, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = text;
    cell.font = font({ bold: true });
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Column widths (characters), each column in the print font. @internal */
export function columnsOf(sheet: Worksheet, widths: readonly number[]): void {
  sheet.columns = widths.map((width) => ({ width, style: { font: font() } }));
}

/** A row as tall as the wrapped texts of its cells (`widths`: the sheet's column widths; a cell spanning several columns gives its own). */
export function fitRow(sheet: Worksheet, row: number, widths: readonly number[], spans: ReadonlyMap<number, number> = new Map()): void {
  const texts: WrappedText[] = [];
  widths.forEach((width, index) => {
    const cell = sheet.getCell(row, index + 1);
    // A merged range's other cells give its text too: it is measured once, at its own width.
    if (cell.master.address !== cell.address || typeof cell.value !== 'string' || cell.value === '') return;
    texts.push({ text: cell.value, width: spans.get(index + 1) ?? width, bold: cell.font?.bold === true, ...(cell.font?.size !== undefined ? { size: cell.font.size } : {}) });
  });
  sheet.getRow(row).height = rowHeight(texts);
}
