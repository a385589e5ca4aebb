/**
 * What a printed sheet needs, shared by the template and the results
 * workbook: one named font with every Vietnamese letter on every cell, row
 * heights for wrapped text (spreadsheet programs do not grow a row written
 * by a program: a row too short clips its text, on screen and on paper), and
 * an A4 page setup.
 */
import type { Font, Worksheet } from 'exceljs';

/**
 * The font of every cell: Times New Roman, the font of Vietnamese
 * administrative documents, with every Vietnamese letter. Where it is not
 * installed (Linux), spreadsheet programs use a metric-compatible font
 * (Liberation Serif), so the same text takes the same room.
 *
 * @internal
 */
export const PRINT_FONT = 'Times New Roman';

/** The size of body text, in points. @internal */
export const BODY_SIZE = 11;

/**
 * A cell font: {@link PRINT_FONT} at {@link BODY_SIZE} unless `style` says otherwise.
 *
 * @internal
 */
export function font(style: Partial<Font> = {}): Partial<Font> {
  return { name: PRINT_FONT, family: 1, size: BODY_SIZE, ...style };
}

/**
 * Advance widths of Times New Roman (and the metric-compatible Liberation
 * Serif), in 1/2048 em, of the characters 32 to 126, regular then bold.
 */
const ASCII_WIDTHS = {
  regular: [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
    1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
    682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
  ],
  bold: [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024,
    1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
    682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
  ],
} as const;

/** Letters wider than their base letter (the horn of ơ, ư), and symbols the sets use; the rest of Unicode counts as 1 em. */
const OTHER_WIDTHS: Readonly<Record<string, readonly [number, number]>> = {
  ơ: [1083, 1134], ư: [1110, 1229], Ơ: [1589, 1630], Ư: [1589, 1630], đ: [1024, 1139], Đ: [1479, 1479],
  '–': [1024, 1024], '—': [2048, 2048], '…': [2048, 2048], '•': [717, 717], '≥': [1124, 1124], '≤': [1124, 1124], '→': [2048, 2048], '×': [1155, 1167], '−': [1155, 1167],
  '“': [909, 1024], '”': [909, 1024], '‘': [682, 682], '’': [682, 682],
};

/** Pixels per point on a 96 dpi screen, where a sheet is seen before it is printed. */
const PX_PER_PT = 96 / 72;

/**
 * The width of one character on screen, in whole pixels (Windows rounds every
 * advance to a pixel, which makes text a little wider on screen than on
 * paper: measuring the screen keeps both unclipped). Vietnamese letters are
 * as wide as their base letter (tone marks sit above or below it), but for
 * the horned ơ, ư.
 */
function charPixels(char: string, size: number, bold: boolean): number {
  // Without its tone mark (and circumflex, breve), but with the horn of ơ, ư.
  const letter = char.normalize('NFD').replace(/[\u0300-\u031a\u031c-\u036f]/g, '').normalize('NFC');
  const code = letter.length === 1 ? letter.charCodeAt(0) : -1;
  const units = OTHER_WIDTHS[letter]?.[bold ? 1 : 0] ?? (code >= 32 && code <= 126 ? (bold ? ASCII_WIDTHS.bold : ASCII_WIDTHS.regular)[code - 32]! : 2048);
  return Math.round((units / 2048) * size * PX_PER_PT);
}

/** The width of a text on one line, in pixels. */
function textPixels(text: string, size: number, bold: boolean): number {
  let total = 0;
  for (const char of text) total += charPixels(char, size, bold);
  return total;
}

/** The pixels of text a column of `width` characters holds on one line (a character is 7 pixels; the cell keeps a margin each side). */
function columnPixels(width: number): number {
  return Math.floor(width * 7) - 6;
}

/**
 * The narrowest column width, in characters, that shows `text` on one line.
 *
 * @internal
 */
export function columnWidthFor(text: string, size: number = BODY_SIZE, bold = false): number {
  return Math.ceil((textPixels(text, size, bold) + 6) / 7);
}

/** The room an indent level takes: three spaces in Excel (ECMA-376 §18.8.1; 12 px in Times New Roman 11), 10 pt in LibreOffice. */
const INDENT_PIXELS = 14;

/** A piece of wrapped text in a cell. */
export interface WrappedText {
  readonly text: string;
  /** The cell's width in characters (the sum of the columns of a merged cell). */
  readonly width: number;
  /** The font size, in points; default {@link BODY_SIZE}. */
  readonly size?: number;
  readonly bold?: boolean;
  /** The cell's indent level. */
  readonly indent?: number;
}

/**
 * How many lines a text takes in a cell that wraps it: broken at spaces
 * (and at its own line breaks), a word wider than the cell broken where it
 * no longer fits, as spreadsheet programs do.
 *
 * @internal
 */
export function wrappedLines(cell: WrappedText): number {
  const size = cell.size ?? BODY_SIZE;
  const bold = cell.bold === true;
  const room = Math.max(columnPixels(cell.width) - (cell.indent ?? 0) * INDENT_PIXELS, 7);
  const space = charPixels(' ', size, bold);
  let lines = 0;
  for (const paragraph of cell.text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let wide = textPixels(word, size, bold);
      const needed = used === 0 ? wide : used + space + wide;
      if (needed <= room) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell is broken across lines.
      while (wide > room) {
        lines++;
        wide -= room;
      }
      used = wide;
    }
  }
  return lines;
}

/**
 * The height of a line of text, in points, as spreadsheet programs space
 * lines (a little over the font's own 1.15 em, in whole pixels).
 *
 * @internal
 */
export function lineHeight(size: number = BODY_SIZE): number {
  return Math.ceil(size * 1.15 * PX_PER_PT + 1) / PX_PER_PT;
}

/**
 * The height, in points, of a row whose cells wrap the given texts: room for
 * the cell needing the most lines, and never less than `minimum` lines of
 * body text. Rounded up to a quarter point, so the same row always gets the
 * same height.
 *
 * @internal
 */
export function rowHeight(cells: readonly WrappedText[], minimum = 1): number {
  let height = minimum * lineHeight();
  for (const cell of cells) height = Math.max(height, wrappedLines(cell) * lineHeight(cell.size));
  return Math.ceil((height + 3) * 4) / 4;
}

/** How a sheet is printed. */
export interface PaperOptions {
  /** `landscape` for a wide table. */
  readonly orientation: 'portrait' | 'landscape';
  /** The rows repeated at the top of every page (`"3:3"`), if any. */
  readonly titleRows?: string;
  /**
   * For a table too wide to shrink onto one page width: the columns repeated
   * at the left of every page (`"A:B"`), and the table printed at this scale
   * (percent) over as many pages across as it takes, instead of fitting the
   * page width.
   */
  readonly across?: { readonly titleColumns: string; readonly scale: number };
  /** The page footer's words before the page number (`Trang`, `Page`). */
  readonly page: string;
}

/**
 * Prints a sheet on A4: fit to the page width (as many pages down as it
 * takes; a table too wide for that over several pages across, its first
 * columns on each), margins of a Vietnamese administrative document's
 * table (2 cm left for binding, 1.5 cm elsewhere), its header rows on every
 * page, and the page number at the foot of each page.
 *
 * @internal
 */
export function forPaper(sheet: Worksheet, options: PaperOptions): void {
  const cm = 1 / 2.54;
  const fit = options.across === undefined
    ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
    : { fitToPage: false, scale: options.across.scale, printTitlesColumn: options.across.titleColumns };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: options.orientation,
    ...fit,
    horizontalCentered: options.across === undefined,
    ...(options.titleRows !== undefined ? { printTitlesRow: options.titleRows } : {}),
    margins: { left: round(2 * cm), right: round(1.5 * cm), top: round(1.5 * cm), bottom: round(1.5 * cm), header: round(0.6 * cm), footer: round(0.6 * cm) },
  };
  sheet.headerFooter = { oddFooter: `&C&"${PRINT_FONT},Regular"&9${options.page} &P/&N` };
}

/** Inches to 4 decimals, so the same margins always write the same bytes. */
function round(inches: number): number {
  return Math.round(inches * 10_000) / 10_000;
}

/**
 * The workbook's default font (the first of `xl/styles.xml`, Excel's
 * "Normal" style) made {@link PRINT_FONT}: exceljs always writes Calibri.
 * It is the font of cells typed into later, and the unit of column widths
 * (a character is the width of its digits), so that spreadsheet programs
 * without Calibri (LibreOffice on Linux measures with another font) lay out
 * the columns as Excel does.
 *
 * @internal
 */
export function defaultPrintFont(styles: string): string {
  return styles.replace(/(<fonts\b[^>]*>)<font>.*?<\/font>/, `$1<font><sz val="${BODY_SIZE}"/><color theme="1"/><name val="${PRINT_FONT}"/><family val="1"/></font>`);
}

/** The parts of a workbook {@link defaultPrintFont} rewrites, for `deterministicBytes`. @internal */
export const PRINT_PARTS = { 'xl/styles.xml': defaultPrintFont } as const;

/**
 * Gives every cell written so far the print font, keeping its size, weight,
 * style and colour; and every column the font for what is typed into it later.
 *
 * @internal
 */
export function fontEverywhere(sheet: Worksheet): void {
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = font(cell.font ?? {});
    });
  });
}
