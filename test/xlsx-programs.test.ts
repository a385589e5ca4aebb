// Workbooks as other programs write them (issue #12, item 1): the fixtures of test/fixtures/xlsx/programs/,
// made by make.ts from the template (exceljs, openpyxl, LibreOffice Calc saving and typing, and the package
// shapes of Excel, Google Sheets and the Open XML SDK made by editing the XML), read into the same unit and
// score exactly as the same values given as JSON; what must be refused is refused at its cell. Each fixture
// is first checked to still have the shape it is there for, so a regeneration that loses it fails here.
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { safeReadWorkbook } from '../src/xlsx/index.js';
import { readMeta, templateLayout } from '../src/xlsx/meta.js';
import { criteria, formCells, PERIOD, refusedLeaves, unit } from './fixtures/xlsx/programs/cases.js';
import { SHAPES } from './fixtures/xlsx/programs/shapes.js';
import { comparable, scoredOrThrow } from './support/reports.js';

const folder = new URL('fixtures/xlsx/programs/', import.meta.url);
const bytesOf = (name: string): Uint8Array => readFileSync(new URL(name, folder));
const fixtures = readdirSync(folder).filter((name) => name.endsWith('.xlsx')).sort();

/** A fixture's package: its part names and the text of a part (`''` when absent). */
interface Parts {
  readonly names: readonly string[];
  text(part: string): Promise<string>;
  /** The text of every part whose name matches. */
  all(pattern: RegExp): Promise<string>;
}

async function partsOf(name: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytesOf(name));
  const names = Object.keys(zip.files).filter((entry) => !zip.files[entry]!.dir);
  const text = async (part: string): Promise<string> => (await zip.file(part)?.async('string')) ?? '';
  return { names, text, all: async (pattern) => (await Promise.all(names.filter((entry) => pattern.test(entry)).map(text))).join('\n') };
}

/** What each fixture is there for, as a check on its package (each must hold). */
const SHAPE_CHECKS: Readonly<Record<string, (parts: Parts) => Promise<readonly [string, boolean][]>>> = {
  'exceljs.xlsx': async (p) => [
    ['shared strings', p.names.includes('xl/sharedStrings.xml')],
    ['_meta very hidden', /name="_meta"[^>]*state="veryHidden"|state="veryHidden"[^>]*name="_meta"/.test(await p.text('xl/workbook.xml'))],
    ['frozen panes', /<pane\b[^>]*state="frozen"/.test(await p.all(/^xl\/worksheets\/sheet\d+\.xml$/))],
  ],
  'openpyxl.xlsx': async (p) => [
    ['inline strings, no shared strings', /t="inlineStr"/.test(await p.all(/^xl\/worksheets\//)) && !p.names.includes('xl/sharedStrings.xml')],
    ['targets from the package root', /Target="\/xl\/worksheets\//.test(await p.text('xl/_rels/workbook.xml.rels'))],
    ['comments under xl/comments/', p.names.some((name) => name.startsWith('xl/comments/'))],
  ],
  'libreoffice.xlsx': async (p) => [
    ['saved by LibreOffice', /LibreOffice/.test(await p.text('docProps/app.xml'))],
    ['_meta merely hidden', /name="_meta"[^>]*state="hidden"/.test(await p.text('xl/workbook.xml'))],
    ['no frozen panes', !/<pane\b/.test(await p.all(/^xl\/worksheets\//))],
    ['styles rewritten (Calc writes General and @ as formats)', /formatCode="General"/.test(await p.text('xl/styles.xml'))],
  ],
  'libreoffice-typed.xlsx': async (p) => [
    ['saved by LibreOffice', /LibreOffice/.test(await p.text('docProps/app.xml'))],
    ['numbers typed', /t="n"><v>\d+<\/v>/.test(await p.all(/^xl\/worksheets\//))],
    ['a big number typed the Vietnamese way into a % (text) cell kept as typed', /<t[^>]*>133\.000\.000<\/t>/.test(await p.text('xl/sharedStrings.xml'))],
    ['denominators typed as text', /<t[^>]*>9510000000<\/t>/.test(await p.text('xl/sharedStrings.xml'))],
  ],
  'libreoffice-refused.xlsx': async (p) => [
    ['saved by LibreOffice', /LibreOffice/.test(await p.text('docProps/app.xml'))],
    ['a date format Calc gave the typed date', /formatCode="(?:DD\/MM\/YY|dd\/mm\/yy)/.test(await p.text('xl/styles.xml'))],
  ],
  'shape-inline-strings.xlsx': async (p) => [
    ['inline strings, no shared strings', /t="inlineStr"><is><r>/.test(await p.all(/^xl\/worksheets\//)) && !p.names.includes('xl/sharedStrings.xml')],
    ['xml:space="preserve"', /xml:space="preserve"/.test(await p.all(/^xl\/worksheets\//))],
  ],
  'shape-shared-rich-text.xlsx': async (p) => [['rich runs in shared strings', /<si><r><rPr>/.test(await p.text('xl/sharedStrings.xml'))]],
  'shape-cell-types.xlsx': async (p) => {
    const sheets = await p.all(/^xl\/worksheets\//);
    return [
      ['booleans', /t="b"><v>1<\/v>/.test(sheets)],
      ['formula with a text result', /t="str"><f>/.test(sheets)],
      ['literal arithmetic with its cached value', /<f>\d+\+1<\/f><v>\d+<\/v>/.test(sheets)],
      ['17 significant digits', /<v>\d\.\d{16}<\/v>/.test(sheets)],
      ['E notation', /<v>\d\.\d+E\d+<\/v>/.test(sheets)],
      ['an error cell', /t="e"><f>NA\(\)<\/f><v>#N\/A<\/v>/.test(sheets)],
    ];
  },
  'shape-part-names.xlsx': async (p) => [
    ['the workbook part elsewhere', p.names.includes('xl/book.xml') && !p.names.includes('xl/workbook.xml')],
    ['a worksheet not named sheetN.xml', p.names.includes('xl/worksheets/unit.xml')],
    ['targets from the package root', /Target="\/xl\/worksheets\//.test(await p.text('xl/_rels/book.xml.rels'))],
  ],
  'shape-number-formats.xlsx': async (p) => {
    const styles = await p.text('xl/styles.xml');
    return ['2', '3', '4', '49'].map((id): [string, boolean] => [`built-in format ${id}`, new RegExp(`<xf\\b[^>]*\\snumFmtId="${id}"`).test(styles)]);
  },
  'shape-namespaces.xlsx': async (p) => [
    ['x: prefix', /<x:worksheet\b/.test(await p.all(/^xl\/worksheets\//)) && /<x:workbook\b/.test(await p.text('xl/workbook.xml'))],
    ['relationships under another prefix', /\sns:id="/.test(await p.text('xl/workbook.xml'))],
  ],
  'shape-google-sheets.xlsx': async (p) => [
    ['extra namespaces', /xmlns:mx=/.test(await p.text('xl/workbook.xml'))],
    ['whole numbers as N.0', /<v>\d+\.0<\/v>/.test(await p.all(/^xl\/worksheets\//))],
    ['no docProps, no theme', !p.names.some((name) => name.startsWith('docProps/') || name.startsWith('xl/theme/'))],
    ['worksheet drawings', p.names.some((name) => /worksheetdrawing\d+\.xml$/.test(name))],
  ],
  'shape-excel-extensions.xlsx': async (p) => {
    const workbook = await p.text('xl/workbook.xml');
    return [
      ['mc:AlternateContent', /<mc:AlternateContent\b/.test(workbook)],
      ['xr:uid', /xr:uid=/.test(await p.all(/^xl\/worksheets\//))],
      ['x14 data validations', /<x14:dataValidations\b/.test(await p.all(/^xl\/worksheets\//))],
      ['defined names, one #REF!', /<definedName\b[^>]*>#REF!<\/definedName>/.test(workbook)],
    ];
  },
  'shape-refused.xlsx': async (p) => {
    const styles = await p.text('xl/styles.xml');
    return [
      ['an ISO date cell', /t="d"><v>\d{4}-/.test(await p.all(/^xl\/worksheets\//))],
      ['built-in date formats 14 and 31', /<xf\b[^>]*\snumFmtId="14"/.test(styles) && /<xf\b[^>]*\snumFmtId="31"/.test(styles)],
      ['the Vietnamese Excel date format', /\[\$-42A\]dd\/mm\/yyyy/.test(styles)],
      ['a percent format', /<xf\b[^>]*\snumFmtId="10"/.test(styles)],
    ];
  },
};

const REFUSED = new Set(['libreoffice-refused.xlsx', 'shape-refused.xlsx']);
const accepted = fixtures.filter((name) => !REFUSED.has(name));

async function issuesOf(name: string): Promise<string[]> {
  const read = await safeReadWorkbook(bytesOf(name), { criteria, name });
  if (read.ok) throw new Error(`${name} was read`);
  return read.issues.map((issue) => `${issue.code} ${issue.path}`);
}

describe('workbooks written by other programs', () => {
  it('has the fixtures make.ts writes, each with its shape check', () => {
    const programs = ['exceljs.xlsx', 'libreoffice-refused.xlsx', 'libreoffice-typed.xlsx', 'libreoffice.xlsx', 'openpyxl.xlsx'];
    expect(fixtures).toEqual([...programs, ...SHAPES.map((shape) => shape.file)].sort());
    expect(Object.keys(SHAPE_CHECKS).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s has the shape it is there for', async (name) => {
    const checks = await SHAPE_CHECKS[name]!(await partsOf(name));
    expect(checks.filter(([, holds]) => !holds).map(([what]) => what)).toEqual([]);
  });

  it.each(accepted)('%s reads into the same unit and scores as the JSON', async (name) => {
    const read = await safeReadWorkbook(bytesOf(name), { criteria, name });
    if (!read.ok) throw new Error(read.issues.map((i) => `${i.path}: ${i.message.en} [${i.code}]`).join('\n'));
    expect(read.value.unit.id).toBe(unit.id);
    // The documents of the evidence sheet, as each program stored them (a date cell, text), read back.
    expect(unit.evidence).toBeDefined();
    expect(read.value.unit.evidence).toEqual(unit.evidence);
    expect(read.value.period).toBe(PERIOD);
    const json = scoredOrThrow(criteria, { period: PERIOD, units: [unit] });
    const workbook = scoredOrThrow(criteria, { period: PERIOD, units: [read.value.unit] });
    expect(comparable(workbook)).toEqual(comparable(json));
  });

  it('reads the layout a merely hidden _meta records (Calc saves very hidden sheets as hidden)', async () => {
    // The form sheet renamed, its new name recorded in _meta only: the reader finds it through _meta.
    const renamed = async (record: boolean): Promise<Uint8Array> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytesOf('libreoffice.xlsx') as unknown as ArrayBuffer);
      const meta = workbook.getWorksheet('_meta')!;
      expect(meta.state).toBe('hidden');
      const { layout } = templateLayout(readMeta(workbook));
      workbook.getWorksheet(layout.sheetNames.form)!.name = 'Biểu mẫu';
      if (record) meta.getCell(readMeta(workbook).get('sheet.form')!.address).value = 'Biểu mẫu';
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };
    const read = await safeReadWorkbook(await renamed(true), { criteria, name: 'hidden-meta.xlsx' });
    if (!read.ok) throw new Error(read.issues.map((issue) => `${issue.code} ${issue.path}`).join('\n'));
    expect(comparable(scoredOrThrow(criteria, { period: PERIOD, units: [read.value.unit] }))).toEqual(comparable(scoredOrThrow(criteria, { period: PERIOD, units: [unit] })));
    const unrecorded = await safeReadWorkbook(await renamed(false), { criteria, name: 'hidden-meta.xlsx' });
    expect(unrecorded.ok ? [] : unrecorded.issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual(['xlsx/missing-sheet hidden-meta.xlsx']);
  });

  it('refuses each date where Excel, a Vietnamese Excel, an East Asian format or an ISO cell stores one, and a percent format, at its cell', async () => {
    const name = 'shape-refused.xlsx';
    const cells = await formCells(bytesOf(name));
    const { numbers, ratios, percent } = refusedLeaves();
    const at = (address: string): string => `${name}!${cells.layout.sheetNames.form}!${address}`;
    const expected = [
      `value/shape ${at(cells.at(numbers[0], 'value'))}`,
      `value/shape ${at(cells.at(ratios[0], 'value'))}`,
      `value/shape ${at(cells.at(ratios[1], 'denominator'))}`,
      `xlsx/percent-format ${at(cells.at(percent, 'value'))}`,
      `value/shape ${at(cells.at(numbers[1], 'value'))}`,
    ];
    expect((await issuesOf(name)).sort()).toEqual(expected.sort());
    const read = await safeReadWorkbook(bytesOf(name), { criteria, name });
    const dates = read.ok ? [] : read.issues.filter((issue) => issue.code === 'value/shape');
    expect(dates.map((issue) => issue.params)).toEqual(dates.map(() => expect.objectContaining({ reason: 'date' })));
  });

  it('refuses a date typed in Calc where a number is asked (15/03/2022, 2022-03-15), at its cell', async () => {
    const name = 'libreoffice-refused.xlsx';
    const cells = await formCells(bytesOf(name));
    const { numbers, ratios } = refusedLeaves();
    const at = (address: string): string => `${name}!${cells.layout.sheetNames.form}!${address}`;
    expect(await issuesOf(name)).toEqual([`value/shape ${at(cells.at(numbers[0], 'value'))}`, `value/shape ${at(cells.at(ratios[0], 'value'))}`]);
  });

  it('reads dates in the 1904 date system Calc writes as date1904="true" (exceljs takes only "1")', async () => {
    const name = 'libreoffice-refused.xlsx';
    const zip = await JSZip.loadAsync(bytesOf(name));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/date1904="false"/);
    zip.file('xl/workbook.xml', workbook.replace('date1904="false"', 'date1904="true"'));
    const read = await safeReadWorkbook(await zip.generateAsync({ type: 'uint8array' }), { criteria, name });
    const cells = await formCells(bytesOf(name));
    const at = `${name}!${cells.layout.sheetNames.form}!${cells.at(refusedLeaves().numbers[0], 'value')}`;
    // 15/03/2022 typed is serial 44635 in the 1900 system; the same serial in the 1904 system is 2026-03-16.
    expect(read.ok ? [] : read.issues.filter((issue) => issue.path === at).map((issue) => issue.params)).toEqual([expect.objectContaining({ reason: 'date', found: '2026-03-16' })]);
  });

  it('a percent typed with its sign in Calc stays text in the % cell (the template makes it text) and is read as 1,7 %', async () => {
    const name = 'libreoffice-refused.xlsx';
    const cells = await formCells(bytesOf(name));
    const zip = await JSZip.loadAsync(bytesOf(name));
    // Under a number format Calc stored 0.017, which the file could not tell from 0,017 typed.
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toMatch(/<t[^>]*>1,7%<\/t>/);
    const read = await safeReadWorkbook(bytesOf(name), { criteria, name });
    const percent = refusedLeaves().percent;
    expect(read.ok ? [] : read.issues.filter((issue) => issue.path.endsWith(`!${cells.at(percent, 'value')}`))).toEqual([]);
    // Without the two dates refused beside it, the workbook reads, and the % cell gives 1,7 % as data holds it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(name) as unknown as ArrayBuffer);
    const form = workbook.getWorksheet(cells.layout.sheetNames.form)!;
    const { numbers, ratios } = refusedLeaves();
    for (const address of [cells.at(numbers[0], 'value'), cells.at(ratios[0], 'value'), cells.at(ratios[0], 'denominator')]) form.getCell(address).value = null;
    expect(form.getCell(cells.at(percent, 'value')).value).toBe('1,7%');
    const cleared = await safeReadWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), { criteria, name });
    expect(cleared.ok ? cleared.value.unit.values[percent] : cleared.issues).toBe('0.017');
  });

  it('asks for an ordinary .xlsx when a workbook was saved as Strict Open XML (its namespaces differ throughout), instead of reporting missing sheets', async () => {
    const zip = await JSZip.loadAsync(bytesOf('exceljs.xlsx'));
    // What Excel's "Strict Open XML Spreadsheet" writes: the purl.oclc.org relationships and namespaces.
    for (const name of Object.keys(zip.files).filter((part) => part.endsWith('.rels') || part.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships').replaceAll('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    }
    const name = 'strict.xlsx';
    const read = await safeReadWorkbook(await zip.generateAsync({ type: 'uint8array' }), { criteria, name });
    expect(read.ok ? [] : read.issues.map((issue) => [issue.code, issue.params.reason, issue.message.en])).toEqual([
      ['input/read', 'strict-ooxml', 'cannot read strict.xlsx: the workbook was saved as "Strict Open XML Spreadsheet": save it again as "Excel Workbook (*.xlsx)"'],
    ]);
  });
});
