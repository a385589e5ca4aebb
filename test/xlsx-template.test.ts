import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { templateCommand } from '../src/cli/template-command.js';
import { compileCriteria } from '../src/compile/parse-criteria.js';
import { atomOf, type CompiledNode } from '../src/compile/compiled.js';
import { criteriaHash, DtiError, parseCriteria, scoreBatch, type CriteriaSet, type Submission } from '../src/index.js';
import { EMBEDDED_SETS, embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { choiceEntries, choiceId, choiceLookup } from '../src/xlsx/choices.js';
import { buildTemplate, safeReadWorkbook, safeReadWorkbooks, XLSX_LAYOUT_VERSION, XLSX_SHEETS } from '../src/xlsx/index.js';
import { lineHeight, rowHeight, wrappedLines } from '../src/xlsx/paper.js';
import { edit, FORM, open, put, rowOf, sheet, UNIT, workbookFor } from './fixtures/xlsx/workbook-helpers.js';

const criteria = getCriteria('can-tho@2022.1.0');

/** The keys column A must hold, in tree order, for a level/group. */
function expectedKeys(set: CriteriaSet, atom: string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly CompiledNode[]): void => {
    for (const node of nodes) {
      if (!node.scope.has(atom)) continue;
      out.push(node.code);
      if (node.node.rule?.kind === 'checklist') out.push(...node.node.rule.items.map((item) => `${node.code}.${item.id}`));
      walk(node.children);
    }
  };
  walk(compileCriteria(set).roots);
  return out;
}

/** The keys of column A under the header, up to the first row without one (the signature block follows: no key below it). */
/** The non-empty texts of a row's cells (A to K), hidden columns left out. */
function rowTexts(ws: Worksheet, row: number): string[] {
  return ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].filter((column) => !ws.getColumn(column).hidden).map((column) => ws.getCell(`${column}${row}`).value).filter((value): value is string => typeof value === 'string' && value !== '');
}

function keysOf(form: ReturnType<typeof sheet>): string[] {
  const keys: string[] = [];
  let row = 4;
  for (; row <= form.rowCount && form.getCell(`A${row}`).value; row++) keys.push(String(form.getCell(`A${row}`).value));
  for (; row <= form.rowCount; row++) expect(form.getCell(`A${row}`).value ?? null, `A${row}`).toBeNull();
  return keys;
}

describe('buildTemplate', () => {
  const cases = EMBEDDED_SETS.map((set) => [`${set.id}@${set.version}`, set] as const).flatMap(([ref, set]) =>
    set.levels.flatMap((level): [string, string, string | undefined][] => (level.groups?.length ? level.groups.map((group) => [ref, level.id, group.id]) : [[ref, level.id, undefined]])),
  );

  it.each(cases)('%s %s %s: builds, lists every applicable leaf in tree order, reads back empty', async (ref, level, group) => {
    const set = getCriteria(ref);
    const bytes = await buildTemplate(set, { level, ...(group ? { group } : {}), unit: { id: 'u', name: 'U' } });
    const workbook = await open(bytes);
    expect(keysOf(sheet(workbook, FORM))).toEqual(expectedKeys(set, atomOf(level, group)));
    const back = await safeReadWorkbook(bytes, { registry: embeddedCriteria });
    if (!back.ok) throw new Error(back.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(back.value.unit).toEqual({ id: 'u', name: 'U', level, ...(group ? { group } : {}), values: {} });
    expect(back.value.criteria).toBe(ref);
  });

  it('the identity sheet: labelled cells, level and group locked, the rest to fill in', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'department', group: 'B', unit: { id: 'so-noi-vu', name: 'Sở Nội vụ', parent: 'ubnd' }, period: '2022' }));
    const unit = sheet(workbook, UNIT);
    const cells = Object.fromEntries(['B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9'].map((address) => [address, unit.getCell(address).value]));
    expect(cells).toEqual({ B3: 'can-tho@2022.1.0', B4: 'so-noi-vu', B5: 'Sở Nội vụ', B6: 'department', B7: 'B', B8: 'ubnd', B9: '2022' });
    expect(unit.getCell('A4').value).toBe('Mã đơn vị (id)');
    expect(unit.getCell('C7').value).toBe('Có dịch vụ công, chỉ đánh giá chính quyền số');
    expect(unit.getCell('B4').protection?.locked).toBe(false);
    expect(unit.getCell('B6').protection?.locked).not.toBe(false);
    expect(unit.getCell('B7').protection?.locked).not.toBe(false);
    expect((unit as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('the form: header, sections in bold, rule in words, points, value cells with validation', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'commune' }));
    const form = sheet(workbook, FORM);
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((column) => form.getCell(`${column}3`).value)).toEqual([
      'Mã', 'Tên tiêu chí', null, 'Cách tính điểm', 'Điểm tối đa', 'Giá trị / Tử số (n)', 'Mẫu số (d)', 'Ghi chú', 'Thẩm định: giá trị / tử số', 'Thẩm định: mẫu số', null,
    ]);
    // Vietnamese only: the English names' column is hidden and empty.
    expect(form.getColumn('C').hidden).toBe(true);
    expect(form.getCell(`B${rowOf(form, 'CQS')}`).font?.bold).toBe(true);
    const at = (key: string, column: string): ReturnType<typeof form.getCell> => form.getCell(`${column}${rowOf(form, key)}`);
    expect(at('CQS.1.3', 'D').value).toBe('Tỷ lệ n/d; đạt 100% được đủ 20 điểm, thấp hơn tính tỷ lệ; mẫu số bằng 0: 0 điểm');
    expect(at('CQS.1.3', 'E').value).toBe(20);
    expect(at('CQS.1.3', 'C').value).toBeNull();
    const formula = (key: string, column = 'F'): string => String(at(key, column).dataValidation?.formulae?.[0]);
    const r = (key: string): number => rowOf(form, key);
    expect(formula('CQS.1.3')).toBe(`AND(ISNUMBER(F${r('CQS.1.3')}),F${r('CQS.1.3')}>=0,OR(NOT(ISNUMBER(G${r('CQS.1.3')})),F${r('CQS.1.3')}<=G${r('CQS.1.3')}))`);
    expect(formula('CQS.1.3', 'G')).toContain(`G${r('CQS.1.3')}>=0`);
    expect(formula('XHS.2.2')).toBe(`AND(ISNUMBER(F${r('XHS.2.2')}),F${r('XHS.2.2')}>=0)`); // allowOver: no n <= d
    expect(formula('CQS.2.1')).toBe('"có,không"');
    expect(formula('CQS.1.4.chuyen-muc')).toBe('"có,không"');
    expect(formula('KTS.1.2')).toContain(`F${r('KTS.1.2')}=INT(F${r('KTS.1.2')})`);
    expect(formula('CQS.6.4')).toContain(`F${r('CQS.6.4')}<=15`);
    expect(formula('CQS.7.3')).toBe(`OR(F${r('CQS.7.3')}="n/a",OR(ISTEXT(F${r('CQS.7.3')}),AND(ISNUMBER(F${r('CQS.7.3')}),F${r('CQS.7.3')}>=0,F${r('CQS.7.3')}<=100)))`); // allowNA; a % leaf: text as typed, or a number in percent units 0 to 100
    expect(formula('KTS.3.2')).toMatch(/^OR\(F\d+="n\/a",AND\(/);
    expect(formula('CQS.6.4', 'I')).toContain(`I${r('CQS.6.4')}<=15`);
    expect(at('CQS.1.3', 'F').dataValidation?.prompt).toContain('không lớn hơn mẫu số');
    expect(at('CQS.2.1', 'G').dataValidation).toBeUndefined(); // not used: greyed, no validation
    // The choice drop-down: the Vietnamese labels, from the hidden lists sheet.
    const list = formula('CQS.4.2');
    expect(list).toMatch(/^'_lists'!\$[A-Z]+\$1:\$[A-Z]+\$3$/);
    const lists = sheet(workbook, XLSX_SHEETS.lists);
    const column = /\$([A-Z]+)\$1/.exec(list)![1]!;
    expect([1, 2, 3].map((row) => lists.getCell(`${column}${row}`).value)).toEqual(['Có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số', 'Có cán bộ kiêm nhiệm, được phân công bằng văn bản', 'Chưa phân công']);
    // Locks: the unit fills F, G, H (notes); I, J and the rest are locked.
    expect(at('CQS.1.3', 'F').protection?.locked).toBe(false);
    expect(at('CQS.1.3', 'G').protection?.locked).toBe(false);
    expect(at('CQS.1.3', 'H').protection?.locked).toBe(false);
    expect(at('CQS.1.3', 'A').protection?.locked).not.toBe(false);
    expect(at('CQS.1.3', 'I').protection?.locked).not.toBe(false);
    expect(at('CQS.1.3', 'J').protection?.locked).not.toBe(false);
    const protection = (form as unknown as { sheetProtection: { sheet: boolean; insertRows?: boolean; formatColumns?: boolean } }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true }); // widths may change
    expect(protection.insertRows).not.toBe(true); // rows may not be inserted
  });

  it('n/a is in the drop-down lists of leaves that allow it', async () => {
    const set = parseCriteria(JSON.parse(JSON.stringify(criteria).replace('"code":"CQS.4.2",', '"code":"CQS.4.2","allowNA":true,').replace('"code":"CQS.2.1",', '"code":"CQS.2.1","allowNA":true,')));
    const workbook = await open(await buildTemplate(set, { level: 'commune' }));
    const form = sheet(workbook, FORM);
    expect(form.getCell(`F${rowOf(form, 'CQS.2.1')}`).dataValidation?.formulae?.[0]).toBe('"có,không,n/a"');
    const list = String(form.getCell(`F${rowOf(form, 'CQS.4.2')}`).dataValidation?.formulae?.[0]);
    expect(list).toMatch(/\$4$/);
    const column = /\$([A-Z]+)\$1/.exec(list)![1]!;
    expect(sheet(workbook, XLSX_SHEETS.lists).getCell(`${column}4`).value).toBe('n/a');
  });

  it('the hidden _meta sheet records the criteria, its sha256, the level and the layout', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'department', group: 'A', lang: 'en' }));
    const meta = sheet(workbook, XLSX_SHEETS.meta);
    expect(meta.state).toBe('veryHidden');
    expect(sheet(workbook, XLSX_SHEETS.lists).state).toBe('veryHidden');
    const record = Object.fromEntries(Array.from({ length: meta.rowCount }, (_, i) => [meta.getCell(`A${i + 1}`).value, meta.getCell(`B${i + 1}`).value]));
    expect(record).toMatchObject({
      format: 'dti-criteria/xlsx-template', layout: XLSX_LAYOUT_VERSION, criteria: 'can-tho@2022.1.0', sha256: criteriaHash(criteria),
      level: 'department', group: 'A', lang: 'en', labels: 'en', 'sheet.form': 'Tự đánh giá', 'column.value': 'F', 'column.appraisedValue': 'I', 'unit.id': 'B4',
      'sheet.evidence': 'Minh chứng', 'evidence.headerRow': 3, 'evidence.column.code': 'A', 'evidence.column.number': 'D',
    });
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Đơn vị', 'Tự đánh giá', 'Minh chứng', '_lists', '_meta']);
    expect(sheet(workbook, FORM).getCell('D3').value).toBe('How it is scored');
  });

  it('rejects an unknown level, a missing group, a group the level does not have', async () => {
    const codes = async (options: Parameters<typeof buildTemplate>[1]): Promise<[string, string][]> => {
      try {
        await buildTemplate(criteria, options);
        return [];
      } catch (error) {
        if (!(error instanceof DtiError)) throw error;
        return error.issues.map((issue) => [issue.code, issue.path]);
      }
    };
    expect(await codes({ level: 'ward' })).toEqual([['criteria/unknown-level', 'options.level']]);
    expect(await codes({ level: 'department' })).toEqual([['schema/required', 'options.group']]);
    expect(await codes({ level: 'department', group: 'D' })).toEqual([['criteria/unknown-group', 'options.group']]);
    expect(await codes({ level: 'commune', group: 'A' })).toEqual([['criteria/unknown-group', 'options.group']]);
  });

  it('choice labels that could be confused fall back to option ids, in the list and when reading', async () => {
    const confusing = [
      { id: 'a', label: { vi: 'Có', en: 'Yes' }, points: '15' },
      { id: 'b', label: { vi: 'có ', en: 'Partly' }, points: '5' },
      { id: 'c', label: { vi: 'a', en: 'None' }, points: '0' },
    ];
    expect(choiceEntries(confusing, 'vi')).toEqual(['a', 'b', 'c']);
    const lookup = choiceLookup(confusing);
    expect(choiceId(lookup, 'A')).toBe('a'); // an id wins over another option's label
    expect(choiceId(lookup, 'Có')).toBeUndefined(); // a label shared by two options names neither
    expect(choiceId(lookup, 'partly')).toBe('b');
    expect(choiceEntries(confusing.slice(0, 1), 'en')).toEqual(['Yes']);

    const json = JSON.stringify(criteria).replace('"Có cán bộ kiêm nhiệm, được phân công bằng văn bản"', '"Có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số"');
    const set = parseCriteria(JSON.parse(json));
    const bytes = await buildTemplate(set, { level: 'commune', unit: { id: 'x', name: 'X' } });
    const workbook = await open(bytes);
    const list = String(sheet(workbook, FORM).getCell(`F${rowOf(sheet(workbook, FORM), 'CQS.4.2')}`).dataValidation?.formulae?.[0]);
    const column = /\$([A-Z]+)\$1/.exec(list)![1]!;
    expect(sheet(workbook, XLSX_SHEETS.lists).getCell(`${column}1`).value).toBe('chuyen-trach');
    const typed = await edit(bytes, (wb) => { put(sheet(wb, FORM), 'CQS.4.2', 'F', 'Has a part-time officer, assigned in writing'); });
    const back = await safeReadWorkbook(typed, { criteria: set });
    expect(back.ok && back.value.unit.values).toEqual({ 'CQS.4.2': 'kiem-nhiem' });
  });
});

describe('templateCommand', () => {
  it('writes the workbook; 1 for a bad criteria, level or group; 2 when --out is the criteria file', async () => {
    let out = '';
    let err = '';
    const io = { out: (text: string) => { out += text; }, err: (text: string) => { err += text; } };
    const dir = mkdtempSync(join(tmpdir(), 'dti-template-'));
    const file = join(dir, 'mau-so-nhom-a.xlsx');
    expect(await templateCommand(io, { criteria: 'can-tho@2022.1.0', level: 'department', group: 'A', out: file, lang: 'vi' })).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(out).toContain('department/A');
    expect(await templateCommand(io, { criteria: 'criteria/can-tho/2025.1.0.json', level: 'commune', out: join(dir, 'xa-2025.xlsx'), lang: 'en' })).toBe(0);
    expect(await templateCommand(io, { criteria: 'can-tho@1999.1.0', level: 'commune', out: file, lang: 'vi' })).toBe(1);
    expect(err).toContain('[criteria/not-found]');
    expect(await templateCommand(io, { criteria: 'can-tho@2025.1.0', level: 'district', out: file, lang: 'vi' })).toBe(1);
    expect(err).toContain('[criteria/unknown-level]');
    expect(await templateCommand(io, { criteria: 'can-tho@2022.1.0', level: 'commune', out: join(dir, 'no', 'such', 'dir.xlsx'), lang: 'vi' })).toBe(1);
    expect(err).toContain(`${join(dir, 'no', 'such', 'dir.xlsx')}: không ghi được tệp ${join(dir, 'no', 'such', 'dir.xlsx')}: không có tệp hoặc thư mục này / cannot write the file`);
    expect(err).toContain('[output/write]');
    expect(await templateCommand(io, { criteria: 'criteria/can-tho/2025.1.0.json', level: 'commune', out: './criteria/can-tho/2025.1.0.json', lang: 'vi' })).toBe(2);
    expect(err).toContain('[cli/out-is-input]');
  });
});

describe('forms fit for paper and for people', () => {
  const fixed = (ws: Worksheet): Record<string, unknown> => ws.pageSetup as unknown as Record<string, unknown>;

  it('every sheet prints on A4, fit to the page width, header rows repeated, margins set, page numbers at the foot', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'commune' }));
    const expected: [string, 'portrait' | 'landscape', string | undefined][] = [[UNIT, 'portrait', undefined], [FORM, 'landscape', '3:3'], [XLSX_SHEETS.evidence, 'landscape', '3:3']];
    for (const [name, orientation, titles] of expected) {
      const setup = fixed(sheet(workbook, name));
      expect(setup, name).toMatchObject({ paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(setup.printTitlesRow, name).toBe(titles);
      expect(setup.margins, name).toMatchObject({ left: 0.7874, right: 0.5906, top: 0.5906, bottom: 0.5906 });
      expect(sheet(workbook, name).headerFooter.oddFooter, name).toContain('Trang &P/&N');
    }
  });

  it('every cell in Times New Roman, the workbook default too; every form row as tall as its wrapped text', async () => {
    const bytes = await buildTemplate(criteria, { level: 'commune' });
    const workbook = await open(bytes);
    for (const name of [UNIT, FORM, XLSX_SHEETS.evidence]) {
      sheet(workbook, name).eachRow({ includeEmpty: false }, (row) => row.eachCell((cell) => expect([name, cell.address, cell.font?.name]).toEqual([name, cell.address, 'Times New Roman'])));
    }
    const styles = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    expect(/<fonts\b[^>]*><font>(.*?)<\/font>/.exec(styles)?.[1]).toBe('<sz val="11"/><color theme="1"/><name val="Times New Roman"/><family val="1"/>');
    const form = sheet(workbook, FORM);
    const compiledSet = compileCriteria(criteria);
    for (const code of ['CQS.1.1', 'CQS.1.4', 'XHS.3.4']) {
      const row = rowOf(form, code);
      const node = compiledSet.byCode.get(code)!;
      const rule = String(form.getCell(`D${row}`).value);
      // Never shorter than its longest text needs; a rule of many lines makes a tall row.
      const lines = Math.max(wrappedLines({ text: node.node.name.vi, width: form.getColumn('B').width!, indent: 2 }), wrappedLines({ text: rule, width: form.getColumn('D').width! }));
      expect(form.getRow(row).height).toBeGreaterThanOrEqual(lines * lineHeight());
    }
    expect(form.getRow(rowOf(form, 'CQS.1.4')).height).toBeGreaterThan(form.getRow(rowOf(form, 'CQS.2.1')).height);
  });

  it('wrapped lines are counted as a spreadsheet breaks them: at spaces, at line breaks, a long word across lines', () => {
    expect(wrappedLines({ text: 'Có', width: 10 })).toBe(1);
    expect(wrappedLines({ text: 'một hai ba bốn năm sáu bảy tám chín mười', width: 10 })).toBeGreaterThanOrEqual(4);
    expect(wrappedLines({ text: 'a\nb\nc', width: 40 })).toBe(3);
    expect(wrappedLines({ text: 'x'.repeat(60), width: 10 })).toBeGreaterThanOrEqual(5);
    // The same words in a wider column, bold or bigger: never fewer lines for less room.
    const text = 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng, trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước';
    expect(wrappedLines({ text, width: 20 })).toBeGreaterThan(wrappedLines({ text, width: 60 }));
    expect(wrappedLines({ text, width: 30, size: 14 })).toBeGreaterThanOrEqual(wrappedLines({ text, width: 30 }));
    expect(wrappedLines({ text, width: 30, bold: true })).toBeGreaterThanOrEqual(wrappedLines({ text, width: 30 }));
    expect(rowHeight([{ text, width: 30 }])).toBe(Math.ceil((wrappedLines({ text, width: 30 }) * lineHeight() + 3) * 4) / 4);
  });

  it('number formats: counts grouped, % cells in percent units, other numbers grouped from 1,000 by conditional formatting', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'commune' }));
    const form = sheet(workbook, FORM);
    const r = (code: string): number => rowOf(form, code);
    expect(form.getCell(`F${r('KTS.1.2')}`).numFmt).toBe('#,##0'); // a count
    expect(form.getCell(`F${r('CQS.7.3')}`).numFmt).toBe('@'); // a % leaf: a text cell keeps `1,7%` as typed
    const [grouping] = (form as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { numFmt: unknown } }[] }[] }).conditionalFormattings;
    const cells = grouping!.ref.split(' ');
    expect(cells).toEqual(expect.arrayContaining([`F${r('CQS.1.3')}`, `G${r('CQS.1.3')}`, `I${r('CQS.1.3')}`, `J${r('CQS.1.3')}`, `G${r('CQS.2.3')}`]));
    // A % leaf that takes a number or a fraction: its own cell is text (percent units or a numerator, as typed), its denominator a number.
    expect(form.getCell(`F${r('CQS.2.3')}`).numFmt).toBe('@');
    expect(cells).not.toContain(`F${r('CQS.2.3')}`);
    expect(cells).not.toContain(`F${r('KTS.1.2')}`);
    expect(cells).not.toContain(`F${r('CQS.7.3')}`);
    expect(cells).not.toContain(`F${r('CQS.2.1')}`); // yes/no
    const first = cells[0]!;
    expect(grouping!.rules.map((rule) => rule.formulae[0])).toEqual([`AND(ISNUMBER(${first}),ABS(${first})>=1000,${first}=INT(${first}))`, `AND(ISNUMBER(${first}),ABS(${first})>=1000)`]);
    expect(JSON.stringify(grouping!.rules.map((rule) => rule.style.numFmt))).toContain('#,##0.###############');
  });

  it('the signature block under the form, in the name and notes columns only', async () => {
    const signatures = async (lang: 'vi' | 'en' | 'both'): Promise<{ left: string[]; right: string[]; other: string[]; unlocked: string[] }> => {
      const form = sheet(await open(await buildTemplate(criteria, { level: 'commune', lang })), FORM);
      const name = lang === 'en' ? 'C' : 'B';
      let row = rowOf(form, 'XHS.3.4') + 1;
      const out = { left: [] as string[], right: [] as string[], other: [] as string[], unlocked: [] as string[] };
      for (; row <= form.rowCount; row++) {
        form.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
          if (cell.protection?.locked === false) out.unlocked.push(cell.address.replace(/\d+/, ''));
          if (cell.value === null || cell.value === '') return;
          const column = cell.address.replace(/\d+/, '');
          (column === name ? out.left : column === 'H' ? out.right : out.other).push(String(cell.value));
        });
      }
      return out;
    };
    const vi = await signatures('vi');
    expect(vi).toEqual({ left: ['Người lập biểu', '(Ký, ghi rõ họ tên)'], right: ['…………, ngày …… tháng …… năm ……', 'Thủ trưởng đơn vị', '(Ký tên, đóng dấu)'], other: [], unlocked: ['H', 'B', 'H'] });
    expect((await signatures('en')).left).toEqual(['Prepared by', '(Signature and full name)']);
    expect((await signatures('both')).right).toEqual(['…………, ngày …… tháng …… năm …… / …………, date ……………………', 'Thủ trưởng đơn vị / Head of the unit', '(Ký tên, đóng dấu) / (Signature and seal)']);
  });

  it('the evidence sheet: one row per leaf, what the set asks for, cells for the documents', async () => {
    const workbook = await open(await buildTemplate(criteria, { level: 'commune' }));
    const evidence = sheet(workbook, XLSX_SHEETS.evidence);
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((column) => evidence.getCell(`${column}3`).value)).toEqual([
      'Mã', 'Tên tiêu chí', 'Minh chứng cần có', 'Số, ký hiệu văn bản', 'Ngày ban hành', 'Cơ quan ban hành', 'Trích yếu nội dung', 'Đường dẫn (http/https) hoặc SHA-256 của tệp',
    ]);
    const leaves = compileCriteria(criteria).leaves.filter((node) => node.scope.has('commune'));
    expect(Array.from({ length: leaves.length + 1 }, (_, i) => evidence.getCell(`A${i + 4}`).value)).toEqual([...leaves.map((node) => node.code), null]);
    const row = 4 + leaves.findIndex((node) => node.code === 'CQS.1.1');
    expect(evidence.getCell(`B${row}`).value).toBe('Ban Chỉ đạo chuyển đổi số do người đứng đầu làm Trưởng ban');
    expect(evidence.getCell(`C${row}`).value).toBe('Quyết định thành lập, kiện toàn Ban Chỉ đạo (số, ngày, trích yếu)');
    for (const column of ['D', 'E', 'F', 'G', 'H']) expect(evidence.getCell(`${column}${row}`).protection?.locked).toBe(false);
    expect(evidence.getCell(`A${row}`).protection?.locked).not.toBe(false);
    expect(evidence.getCell(`E${row}`).numFmt).toBe('dd/mm/yyyy');
    // The form keeps no evidence column.
    expect(rowTexts(sheet(workbook, FORM), 3).join(' ')).not.toContain('Minh chứng');
  });

  it('--lang: Vietnamese only by default, English only, or both; a language it does not know is refused', async () => {
    const headers = async (lang?: 'vi' | 'en' | 'both'): Promise<{ texts: string[]; hidden: string[] }> => {
      const form = sheet(await open(await buildTemplate(criteria, { level: 'commune', ...(lang ? { lang } : {}) })), FORM);
      return { texts: rowTexts(form, 3), hidden: ['B', 'C'].filter((column) => form.getColumn(column).hidden) };
    };
    expect(await headers()).toEqual({ texts: ['Mã', 'Tên tiêu chí', 'Cách tính điểm', 'Điểm tối đa', 'Giá trị / Tử số (n)', 'Mẫu số (d)', 'Ghi chú', 'Thẩm định: giá trị / tử số', 'Thẩm định: mẫu số'], hidden: ['C'] });
    expect(await headers('en')).toEqual({ texts: ['Code', 'Criterion', 'How it is scored', 'Max points', 'Value / numerator (n)', 'Denominator (d)', 'Notes', 'Appraisal: value / numerator', 'Appraisal: denominator'], hidden: ['B'] });
    const both = await headers('both');
    expect(both.hidden).toEqual([]);
    expect(both.texts.slice(0, 3)).toEqual(['Mã\nCode', 'Tên tiêu chí\nCriterion (Vietnamese)', 'Tên tiếng Anh\nCriterion']);
    const en = sheet(await open(await buildTemplate(criteria, { level: 'commune', lang: 'en' })), FORM);
    expect(en.getCell(`C${rowOf(en, 'CQS.1.1')}`).value).toBe("DX steering committee chaired by the unit's head");
    expect(en.getCell(`B${rowOf(en, 'CQS.1.1')}`).value).toBeNull();
    await expect(buildTemplate(criteria, { level: 'commune', lang: 'fr' as never })).rejects.toMatchObject({ issues: [{ code: 'schema/enum', path: 'options.lang' }] });
  });

  it('a form filled in English or in both languages reads back and scores as the JSON', async () => {
    const example = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
    const units = [example.units.find((unit) => unit.level === 'commune')!, example.units.find((unit) => unit.level === 'department')!];
    for (const lang of ['en', 'both'] as const) {
      const files = await Promise.all(units.map(async (unit) => ({ name: `${unit.id}.xlsx`, bytes: await workbookFor(criteria, unit, { lang, period: example.period! }) })));
      const batch = await safeReadWorkbooks(files, { criteria });
      if (!batch.ok) throw new Error(batch.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
      const fromJson = scoreBatch(criteria, { ...example, units });
      const fromXlsx = scoreBatch(criteria, batch.value);
      expect(fromXlsx.results.map((r) => [r.unit, r.points, r.index, r.rating])).toEqual(fromJson.results.map((r) => [r.unit, r.points, r.index, r.rating]));
    }
  });
});
