import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateCommand } from '../src/cli/template-command.js';
import { compileCriteria } from '../src/compile/parse-criteria.js';
import { atomOf, type CompiledNode } from '../src/compile/compiled.js';
import { criteriaHash, DtiError, parseCriteria, type CriteriaSet } from '../src/index.js';
import { EMBEDDED_SETS, embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { choiceEntries, choiceId, choiceLookup } from '../src/xlsx/choices.js';
import { buildTemplate, safeReadWorkbook, XLSX_LAYOUT_VERSION, XLSX_SHEETS } from '../src/xlsx/index.js';
import { edit, FORM, open, put, rowOf, sheet, UNIT } from './fixtures/xlsx/workbook-helpers.js';

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

function keysOf(form: ReturnType<typeof sheet>): string[] {
  const keys: string[] = [];
  for (let row = 4; row <= form.rowCount; row++) keys.push(String(form.getCell(`A${row}`).value ?? ''));
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
      'Mã', 'Tên tiêu chí', 'Tên tiếng Anh', 'Cách tính điểm', 'Điểm tối đa', 'Giá trị / Tử số (n)', 'Mẫu số (d)',
      'Minh chứng: số, ngày, trích yếu văn bản', 'Ghi chú', 'Thẩm định: giá trị / tử số (cơ quan thẩm định ghi)', 'Thẩm định: mẫu số',
    ]);
    expect(form.getCell(`B${rowOf(form, 'CQS')}`).font?.bold).toBe(true);
    const at = (key: string, column: string): ReturnType<typeof form.getCell> => form.getCell(`${column}${rowOf(form, key)}`);
    expect(at('CQS.1.3', 'D').value).toBe('Tỷ lệ n/d; đạt 100% được đủ 20 điểm, thấp hơn tính tỷ lệ; mẫu số bằng 0: 0 điểm');
    expect(at('CQS.1.3', 'E').value).toBe(20);
    expect(at('CQS.1.3', 'C').value).toBe(criteria.nodes[0]?.children?.[0]?.children?.[2]?.name.en);
    const formula = (key: string, column = 'F'): string => String(at(key, column).dataValidation?.formulae?.[0]);
    const r = (key: string): number => rowOf(form, key);
    expect(formula('CQS.1.3')).toBe(`AND(ISNUMBER(F${r('CQS.1.3')}),F${r('CQS.1.3')}>=0,OR(NOT(ISNUMBER(G${r('CQS.1.3')})),F${r('CQS.1.3')}<=G${r('CQS.1.3')}))`);
    expect(formula('CQS.1.3', 'G')).toContain(`G${r('CQS.1.3')}>=0`);
    expect(formula('XHS.2.2')).toBe(`AND(ISNUMBER(F${r('XHS.2.2')}),F${r('XHS.2.2')}>=0)`); // allowOver: no n <= d
    expect(formula('CQS.2.1')).toBe('"có,không"');
    expect(formula('CQS.1.4.chuyen-muc')).toBe('"có,không"');
    expect(formula('KTS.1.2')).toContain(`F${r('KTS.1.2')}=INT(F${r('KTS.1.2')})`);
    expect(formula('CQS.6.4')).toContain(`F${r('CQS.6.4')}<=15`);
    expect(formula('CQS.7.3')).toBe(`OR(F${r('CQS.7.3')}="n/a",AND(ISNUMBER(F${r('CQS.7.3')}),F${r('CQS.7.3')}>=0,F${r('CQS.7.3')}<=100))`); // allowNA; a % leaf in percent units, 0 to 100
    expect(formula('KTS.3.2')).toMatch(/^OR\(F\d+="n\/a",AND\(/);
    expect(formula('CQS.6.4', 'J')).toContain(`J${r('CQS.6.4')}<=15`);
    expect(at('CQS.1.3', 'F').dataValidation?.prompt).toContain('không lớn hơn mẫu số');
    expect(at('CQS.2.1', 'G').dataValidation).toBeUndefined(); // not used: greyed, no validation
    // The choice drop-down: the Vietnamese labels, from the hidden lists sheet.
    const list = formula('CQS.4.2');
    expect(list).toMatch(/^'_lists'!\$[A-Z]+\$1:\$[A-Z]+\$3$/);
    const lists = sheet(workbook, XLSX_SHEETS.lists);
    const column = /\$([A-Z]+)\$1/.exec(list)![1]!;
    expect([1, 2, 3].map((row) => lists.getCell(`${column}${row}`).value)).toEqual(['Có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số', 'Có cán bộ kiêm nhiệm, được phân công bằng văn bản', 'Chưa phân công']);
    // Locks: the unit fills F, G, H, I; J, K and the rest are locked.
    expect(at('CQS.1.3', 'F').protection?.locked).toBe(false);
    expect(at('CQS.1.3', 'H').protection?.locked).toBe(false);
    expect(at('CQS.1.3', 'A').protection?.locked).not.toBe(false);
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
      level: 'department', group: 'A', lang: 'en', 'sheet.form': 'Tự đánh giá', 'column.value': 'F', 'unit.id': 'B4',
    });
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Đơn vị', 'Tự đánh giá', '_lists', '_meta']);
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
