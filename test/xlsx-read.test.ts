import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf } from './support/issues.js';
import { comparable, scoredOrThrow } from './support/reports.js';
import { readSubmissionWorkbooks } from '../src/cli/xlsx-input.js';
import { safeScoreBatch, type Issue, type ScoreReport, type Submission, type UnitSubmission } from '../src/index.js';
import { embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { buildTemplate, MAX_WORKBOOK_BYTES, safeReadWorkbook, safeReadWorkbooks, type WorkbookReading } from '../src/xlsx/index.js';
import { columnOf, edit, FORM, open, put, rowOf, save, sheet, typeValue, UNIT, workbookFor } from './fixtures/xlsx/workbook-helpers.js';
import { valuesOnly } from './support/values-only.js';

const criteria = getCriteria('can-tho@2022.1.0');
// A workbook has values and appraised values only (no appraisal reasons, notes, evidence).
const example = valuesOnly(JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission, { evidence: true });
const brief = (issues: readonly Issue[]): [string, string][] => issues.map((issue) => [issue.code, issue.path]);

async function commune(id = 'an-binh', name = 'Phường An Bình'): Promise<Uint8Array> {
  return buildTemplate(criteria, { level: 'commune', unit: { id, name }, period: '2022' });
}

async function read(bytes: Uint8Array, options: Parameters<typeof safeReadWorkbook>[1] = {}): Promise<WorkbookReading> {
  const result = await safeReadWorkbook(bytes, { name: 'form.xlsx', registry: embeddedCriteria, ...options });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${messageOf(i)} [${i.code}]`).join('\n'));
  return result.value;
}

async function issuesOf(bytes: Uint8Array, options: Parameters<typeof safeReadWorkbook>[1] = {}): Promise<Issue[]> {
  const result = await safeReadWorkbook(bytes, { name: 'form.xlsx', registry: embeddedCriteria, ...options });
  expect(result.ok).toBe(false);
  return result.ok ? [] : [...result.issues];
}



describe('round trip: template out, values typed in, read back, scored', () => {
  it('reads what a user types, as exact values, and scores the same as the JSON', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'CQS.1.1', 'F', 'Người đứng đầu cơ quan, đơn vị, địa phương làm Trưởng ban'); // a choice, by its label
      put(form, 'CQS.1.2', 'F', 4); // bands, a number
      put(form, 'CQS.1.3', 'F', 12); // a ratio
      put(form, 'CQS.1.3', 'G', 15);
      put(form, 'CQS.1.4.chuyen-muc', 'F', 'có'); // a checklist, item by item
      put(form, 'CQS.1.4.mang-xa-hoi', 'F', 'không');
      put(form, 'CQS.1.4.truyen-thanh', 'F', true); // Excel's TRUE
      // CQS.1.4.ngay-cds left empty: "no" once another item is filled
      put(form, 'CQS.2.1', 'F', 'Có');
      put(form, 'CQS.2.3', 'F', 1220000000); // bands given as a fraction
      put(form, 'CQS.2.3', 'G', 84210000000);
      put(form, 'CQS.3.1', 'F', '1.234.000'); // numbers typed as text, Vietnamese convention
      put(form, 'CQS.3.1', 'G', '2.000.000');
      put(form, 'CQS.6.4', 'F', '4,5'); // a decimal typed as text with a decimal comma
      put(form, 'CQS.6.4', columnOf(form, 'appraisedValue'), 3); // the appraising body's value
      put(form, 'CQS.7.3', 'F', 'N/A'); // not applicable, where allowed
      put(form, 'KTS.3.2', 'F', 'n/a');
      put(form, 'KTS.3.2', 'G', 'n/a');
      put(form, 'KTS.1.2', 'F', { formula: '1+2', result: 3 }); // a formula: its cached result
      put(form, 'CQS.6.1', 'F', 0.1); // a decimal stored as a binary double
      put(form, 'CQS.6.1', 'G', 0.3);
      put(form, 'CQS.8.1', 'F', 25); // info
      // XHS.1.2 left blank: missing
    });
    const reading = await read(bytes, { locale: 'vi' });
    expect(reading.criteria).toBe('can-tho@2022.1.0');
    expect(reading.period).toBe('2022');
    const values = {
      'CQS.1.1': 'head',
      'CQS.1.2': '4',
      'CQS.1.3': { numerator: '12', denominator: '15' },
      'CQS.1.4': ['chuyen-muc', 'truyen-thanh'],
      'CQS.2.1': true,
      'CQS.2.3': { numerator: '1220000000', denominator: '84210000000' },
      'CQS.3.1': { numerator: '1234000', denominator: '2000000' },
      'CQS.6.1': { numerator: '0.1', denominator: '0.3' },
      'CQS.6.4': '4.5',
      'CQS.7.3': 'n/a',
      'CQS.8.1': '25',
      'KTS.1.2': '3',
      'KTS.3.2': 'n/a',
    };
    expect(reading.unit).toEqual({ id: 'an-binh', name: 'Phường An Bình', level: 'commune', values, appraised: { 'CQS.6.4': '3' } });

    const json = {
      period: '2022',
      units: [{
        id: 'an-binh', name: 'Phường An Bình', level: 'commune',
        values: { ...values, 'CQS.1.2': 4, 'CQS.1.3': { numerator: 12, denominator: 15 }, 'CQS.6.1': { numerator: 0.1, denominator: 0.3 }, 'CQS.6.4': 4.5, 'CQS.8.1': 25, 'KTS.1.2': 3 },
        appraised: { 'CQS.6.4': 3 },
      }],
    };
    const batch = await safeReadWorkbooks([{ name: 'form.xlsx', bytes }], { criteria, locale: 'vi' });
    expect(batch.ok).toBe(true);
    if (!batch.ok) return;
    expect(comparable(scoredOrThrow(criteria, batch.value))).toEqual(comparable(scoredOrThrow(criteria, json)));
    expect(scoredOrThrow(criteria, batch.value).results[0]?.nodes['CQS.1.3']?.points).toBe('16.00');
  });

  it('every unit of the 2022 example batch, typed into its own template, scores exactly as the JSON', async () => {
    const files = await Promise.all(example.units.map(async (unit) => ({ name: `${unit.id}.xlsx`, bytes: await workbookFor(criteria, unit) })));
    const batch = await safeReadWorkbooks(files, { criteria });
    if (!batch.ok) throw new Error(batch.issues.map((i) => `${i.path}: ${messageOf(i)} [${i.code}]`).join('\n'));
    expect(batch.value.units.map((unit) => unit.id)).toEqual(example.units.map((unit) => unit.id));
    // The documents typed into the evidence sheet (several per cell, one per line) read back as the JSON's.
    expect(batch.value.units.map((unit) => unit.evidence)).toEqual(example.units.map((unit) => unit.evidence));
    expect(batch.value.units.filter((unit) => unit.evidence !== undefined)).toHaveLength(6);
    const fromJson = scoredOrThrow(criteria, { ...example, units: example.units.map((unit) => ({ ...unit, name: unit.name ?? unit.id })) });
    expect(comparable(scoredOrThrow(criteria, { ...batch.value, period: example.period }))).toEqual(comparable(fromJson));
  }, 60_000);

  it('an English template takes English labels and the decimal point in text cells', async () => {
    const template = await buildTemplate(criteria, { level: 'commune', lang: 'en', unit: { id: 'x', name: 'X' } });
    const bytes = await edit(template, (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'CQS.4.2', 'F', 'has a full-time IT and DX officer ');
      put(form, 'CQS.2.1', 'F', 'yes');
      put(form, 'CQS.6.4', 'F', '4.5');
    });
    expect((await read(bytes)).unit.values).toEqual({ 'CQS.4.2': 'chuyen-trach', 'CQS.2.1': true, 'CQS.6.4': '4.5' });
    const vi = await edit(template, (workbook) => { put(sheet(workbook, FORM), 'CQS.6.4', 'F', '4,5'); });
    expect(brief(await issuesOf(vi))).toEqual([['value/shape', 'form.xlsx!Tự đánh giá!F42']]);
    expect((await read(vi, { locale: 'vi' })).unit.values).toEqual({ 'CQS.6.4': '4.5' });
  });

  it('a blank template reads as a unit with no values', async () => {
    expect((await read(await commune())).unit).toEqual({ id: 'an-binh', name: 'Phường An Bình', level: 'commune', values: {} });
  });
});

describe('numbers are read through their shortest round-trip text', () => {
  it.each([
    [0.1, '0.1'],
    [4.35, '4.35'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e-7, '0.0000001'],
    [1200000000, '1200000000'],
    [2.5e21, '2500000000000000000000'],
  ])('%s → %s', async (typedNumber, text) => {
    const bytes = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'CQS.8.1', 'F', typedNumber); });
    expect((await read(bytes)).unit.values['CQS.8.1']).toBe(text);
  });
});

describe('numbers typed as text: both conventions, never a guess', () => {
  it('a text that reads two ways for the leaf is refused at its cell; a stored number never is', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'CQS.3.1', 'F', '1.500'); // 1.5 or 1500: both fit a numerator
      put(form, 'CQS.3.1', 'G', 2000); // a stored number: 2000, whatever its display
      put(form, 'KTS.3.1', 'F', '2.000'); // a count: 2 or 2000, both whole
    });
    const issues = await issuesOf(bytes, { locale: 'vi' });
    expect(issues.map((i) => [i.code, i.path, i.params.readings])).toEqual([
      ['value/ambiguous-number', `form.xlsx!Tự đánh giá!F${await rowIn(bytes, 'CQS.3.1')}`, ['1.500', '1500']],
      ['value/ambiguous-number', `form.xlsx!Tự đánh giá!F${await rowIn(bytes, 'KTS.3.1')}`, ['2.000', '2000']],
    ]);
  });

  it('takes the only reading the leaf allows: a % cell typed from 0 to 100', async () => {
    const bytes = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'CQS.7.3', 'F', '1.000'); });
    expect((await read(bytes, { locale: 'vi' })).unit.values['CQS.7.3']).toBe('0.01');
  });
});

/** The row of a code in a workbook's form sheet. */
async function rowIn(bytes: Uint8Array, code: string): Promise<number> {
  return rowOf(sheet(await open(bytes), FORM), code);
}

describe('a % leaf\'s cell holds percent units (spec §9)', () => {
  it.each([
    [3, '0.03'],
    [4.35, '0.0435'],
    [0.8, '0.008'],
    [100, '1'],
    ['4,5', '0.045'],
  ])('%s typed → %s in data', async (typedNumber, fraction) => {
    const bytes = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'CQS.7.3', 'F', typedNumber); });
    expect((await read(bytes, { locale: 'vi' })).unit.values['CQS.7.3']).toBe(fraction);
  });

  it('a value above 100 % is out of range, said in percent at its cell', async () => {
    const bytes = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'CQS.7.3', 'F', 300); });
    const issues = await issuesOf(bytes);
    expect(brief(issues)).toEqual([['value/out-of-range', 'form.xlsx!Tự đánh giá!F46']]);
    expect(issues[0]?.params).toMatchObject({ range: '[0, 100] %' });
  });

  it('a cell in Excel\'s percent format is refused, not divided again', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const cell = sheet(workbook, FORM).getCell(`F${rowOf(sheet(workbook, FORM), 'CQS.7.3')}`);
      cell.value = 0.03;
      cell.numFmt = '0%';
    });
    expect(brief(await issuesOf(bytes))).toEqual([['xlsx/percent-format', 'form.xlsx!Tự đánh giá!F46']]);
  });

  it('the template makes a % cell text (kept as typed), and checks 0 to 100 when a number is written there', async () => {
    const bytes = await commune();
    const workbook = await open(bytes);
    const form = sheet(workbook, FORM);
    const cell = form.getCell(`F${rowOf(form, 'CQS.7.3')}`);
    expect(cell.numFmt).toBe('@');
    const x = cell.address;
    expect(cell.dataValidation.formulae).toEqual([`OR(${x}="n/a",OR(ISTEXT(${x}),AND(ISNUMBER(${x}),${x}>=0,${x}<=100)))`]);
  });

  it('reads a % typed with its sign in the text cell as percent units, in either language and in full-width forms', async () => {
    for (const [typed, fraction] of [['1,7%', '0.017'], ['1,7 %', '0.017'], ['3%', '0.03'], ['３％', '0.03'], ['100%', '1'], ['0,5', '0.005']] as const) {
      const bytes = await edit(await commune(), (workbook) => {
        put(sheet(workbook, FORM), 'CQS.7.3', 'F', typed);
      });
      expect((await read(bytes)).unit.values['CQS.7.3']).toBe(fraction);
    }
  });

  it('refuses a % typed above 100 with its sign, said in percent', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      put(sheet(workbook, FORM), 'CQS.7.3', 'F', '170%');
    });
    const issues = await issuesOf(bytes);
    expect(issues.map((issue) => [issue.code, issue.params.range])).toEqual([['value/out-of-range', '[0, 100] %']]);
  });

  it('reads a shared formula of literals and rich text', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      const first = put(form, 'KTS.1.2', 'F', { formula: '2*2', result: 4 });
      put(form, 'XHS.1.2', 'F', { sharedFormula: first, result: 4 } as never);
      put(form, 'CQS.2.1', 'F', { richText: [{ text: 'c' }, { text: 'ó' }] });
      put(form, 'CQS.1.2', 'F', { formula: '45/60', result: 0.75 }); // arithmetic of literals, exact
    });
    expect((await read(bytes)).unit.values).toEqual({ 'KTS.1.2': '4', 'XHS.1.2': '4', 'CQS.2.1': true, 'CQS.1.2': '0.75' });
  });

  it('refuses a formula in a value cell, unless literal arithmetic worth its saved result', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'KTS.1.2', 'F', { formula: '100', result: 50.5 }); // shows 100, saved 50.5
      put(form, 'XHS.1.2', 'F', { formula: `E${rowOf(form, 'XHS.1.2')}*2`, result: 6 }); // a reference
      put(form, 'CQS.1.2', 'F', { formula: '1/3', result: 1 / 3 }); // no decimal is 1/3 exactly
      put(form, 'CQS.3.1', 'F', { formula: 'SUM(1,2)', result: 3 }); // a function
    });
    const issues = await issuesOf(bytes);
    expect(issues.map((i) => [i.code, i.params.formula])).toEqual([
      ['xlsx/formula-result', '=1/3'],
      ['xlsx/formula', '=SUM(1,2)'],
      ['xlsx/formula-result', '=100'],
      ['xlsx/formula', `=E${await rowIn(bytes, 'XHS.1.2')}*2`],
    ]);
    expect(issues[2]?.message.en).toContain('"50.5"');
  });

  it('a tampered _meta sheet is a coded error at its cell, never a crash', async () => {
    const bytes = await commune();
    const rowOfKey = async (key: string): Promise<number> => {
      const meta = sheet(await open(bytes), '_meta');
      for (let row = 1; row <= meta.rowCount; row++) if (meta.getCell(`A${row}`).value === key) return row;
      throw new Error(`no ${key}`);
    };
    for (const [key, value] of [['column.value', 'ZZZ'], ['unit.id', 'B0'], ['form.headerRow', '99999999'], ['column.code', 'a1']] as const) {
      const row = await rowOfKey(key);
      const tampered = await edit(bytes, (workbook) => { sheet(workbook, '_meta').getCell(`B${row}`).value = value; });
      const issues = await issuesOf(tampered);
      expect(issues.map((i) => [i.code, i.path, i.params]), key).toEqual([['xlsx/bad-meta', `form.xlsx!_meta!B${row}`, { key, value }]]);
    }
  });

  it('a choice not in the list is said with the labels of the list, and a literal formula never computed asks for a save', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'CQS.4.2', 'F', 'Kiêm nhiệm một phần'); // not one of the drop-down's entries
      put(form, 'CQS.2.2', 'F', { formula: '1+2' } as never);
    });
    const issues = await issuesOf(bytes);
    expect(issues.map((i) => [i.code, i.params.reason])).toEqual([['value/shape', 'no-result'], ['value/unknown-option', undefined]]);
    expect(issues[1]?.params.allowed).toEqual(['Có cán bộ chuyên trách công nghệ thông tin, chuyển đổi số', 'Có cán bộ kiêm nhiệm, được phân công bằng văn bản', 'Chưa phân công']);
    expect(issues[1]?.node).toBe('CQS.4.2');
  });

  it('a number beyond the library\'s limits is named as such, not as an Excel error', async () => {
    const bytes = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'KTS.1.2', 'F', 1e300); });
    const issues = await issuesOf(bytes);
    expect(issues.map((i) => [i.code, i.params.reason, i.params.found])).toEqual([['value/shape', 'number-limits', '1e+300']]);
  });
});

describe('bad cells are reported at workbook!sheet!cell with a code', () => {
  it('reports every problem of a workbook at once, in sheet and row order', async () => {
    let last = 0;
    const bytes = await edit(await commune(), (workbook) => {
      const unit = sheet(workbook, UNIT);
      unit.getCell('B5').value = ''; // name left empty
      const form = sheet(workbook, FORM);
      form.getCell('F4').value = 5; // a value on the pillar row CQS
      put(form, 'CQS.1.1', 'F', 'không rõ'); // not an option
      put(form, 'CQS.1.3', 'F', 20); // n > d
      put(form, 'CQS.1.3', 'G', 15);
      put(form, 'CQS.2.1', 'F', 'maybe'); // not yes/no
      put(form, 'CQS.2.1', 'G', 1); // a cell the leaf does not use
      put(form, 'CQS.2.1', columnOf(form, 'appraisedValue'), 'abc'); // appraisal column
      const date = put(form, 'CQS.2.2', 'F', new Date(Date.UTC(2022, 4, 12))); // a date for a number, as Excel makes of "12/5"
      form.getCell(date).style = { ...form.getCell(date).style, numFmt: 'dd/mm/yyyy' }; // a style of its own: exceljs shares loaded styles
      put(form, 'CQS.2.2', 'G', 10);
      put(form, 'CQS.3.1', 'F', { formula: 'G23*2' } as never); // a formula (never computed, too)
      put(form, 'CQS.3.1', 'G', 10);
      put(form, 'CQS.3.2', 'F', { error: '#DIV/0!' } as never); // an Excel error
      put(form, 'CQS.4.1', 'F', 3); // a numerator without its denominator
      put(form, 'CQS.4.3', 'F', 'n/a'); // n/a where not allowed
      put(form, 'CQS.6.4', 'F', 99); // appraised above P = 15
      put(form, 'KTS.1.2', 'F', -1); // negative count
      put(form, 'XHS.1.2', 'F', 2.5); // not whole
      last = form.rowCount; // under the signature block
      form.getCell(`A${last + 1}`).value = 'CQS.9.9'; // unknown code
      form.getCell(`F${last + 2}`).value = 7; // a value in a row without a code
      form.getCell(`A${last + 3}`).value = 'CQS.2.1'; // the same code again
    });
    const issues = await issuesOf(bytes);
    expect(brief(issues)).toEqual([
      ['schema/required', 'form.xlsx!Đơn vị!B5'],
      ['submission/not-a-leaf', 'form.xlsx!Tự đánh giá!F4'],
      ['value/unknown-option', 'form.xlsx!Tự đánh giá!F6'],
      ['value/numerator-exceeds-denominator', 'form.xlsx!Tự đánh giá!F8:G8'],
      ['value/shape', 'form.xlsx!Tự đánh giá!F15'],
      ['value/shape', 'form.xlsx!Tự đánh giá!G15'],
      ['value/shape', 'form.xlsx!Tự đánh giá!I15'],
      ['value/shape', 'form.xlsx!Tự đánh giá!F16'],
      ['xlsx/formula', 'form.xlsx!Tự đánh giá!F23'],
      ['value/shape', 'form.xlsx!Tự đánh giá!F24'],
      ['value/shape', 'form.xlsx!Tự đánh giá!G32'],
      ['value/na-not-allowed', 'form.xlsx!Tự đánh giá!F34:G34'],
      ['value/out-of-range', 'form.xlsx!Tự đánh giá!F42'],
      ['value/negative', 'form.xlsx!Tự đánh giá!F54'],
      ['value/not-whole', 'form.xlsx!Tự đánh giá!F65'],
      ['submission/unknown-leaf', `form.xlsx!Tự đánh giá!A${last + 1}`],
      ['schema/required', `form.xlsx!Tự đánh giá!A${last + 2}`],
      ['xlsx/duplicate-row', `form.xlsx!Tự đánh giá!A${last + 3}`],
    ]);
    const message = (path: string): string => messageOf(issues.find((issue) => issue.path.endsWith(path)));
    expect(message('!F16')).toContain('2022-05-12');
    expect(message('!F23')).toContain('the cell holds the formula =G23*2');
    expect(message('!F24')).toContain('#DIV/0!');
    expect(message(`!A${last + 3}`)).toContain('form.xlsx!Tự đánh giá!A15');
    expect(message('!F6')).toContain('không rõ');
  });

  it('reports a deleted row, and rows missing because the unit changed group', async () => {
    const deleted = await edit(await commune(), (workbook) => { const form = sheet(workbook, FORM); form.spliceRows(rowOf(form, 'CQS.2.1'), 1); });
    expect(brief(await issuesOf(deleted))).toEqual([['xlsx/missing-row', 'form.xlsx!Tự đánh giá']]);
    const item = await edit(await commune(), (workbook) => { const form = sheet(workbook, FORM); form.spliceRows(rowOf(form, 'CQS.1.4.ngay-cds'), 1); });
    expect(messageOf((await issuesOf(item))[0])).toContain('CQS.1.4.ngay-cds');

    const groupC = await buildTemplate(criteria, { level: 'department', group: 'C', unit: { id: 'thanh-tra', name: 'Thanh tra' } });
    const moved = await edit(groupC, (workbook) => { sheet(workbook, UNIT).getCell('B7').value = 'A'; });
    const issues = await issuesOf(moved);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['xlsx/missing-row']));
    expect(issues.map((issue) => /"([^"]+)"/.exec(messageOf(issue))?.[1])).toContain('KTS.1.3');
    const unknown = await edit(groupC, (workbook) => { sheet(workbook, UNIT).getCell('B7').value = 'Z'; });
    expect(brief(await issuesOf(unknown))).toEqual([['submission/unknown-group', 'form.xlsx!Đơn vị!B7']]);
  });

  it('a value in a row of a criterion that does not apply to the unit', async () => {
    const district = await buildTemplate(criteria, { level: 'district', unit: { id: 'ninh-kieu', name: 'Quận Ninh Kiều' } });
    const bytes = await edit(district, (workbook) => {
      const form = sheet(workbook, FORM);
      const last = form.rowCount + 1;
      form.getCell(`A${last}`).value = 'XHS.1.3'; // a commune-only leaf
      form.getCell(`F${last}`).value = 1;
      form.getCell(`G${last}`).value = 2;
    });
    const issues = await issuesOf(bytes);
    expect(issues.map((issue) => issue.code)).toEqual(['submission/leaf-not-applicable']);
    expect(issues[0]?.path).toMatch(/^form\.xlsx!Tự đánh giá!F\d+:G\d+$/);
  });

  it('the identity sheet: missing id, name and level; a missing sheet; not a workbook; too large', async () => {
    const bare = await edit(await commune(), (workbook) => {
      const unit = sheet(workbook, UNIT);
      for (const address of ['B4', 'B5', 'B6']) unit.getCell(address).value = null;
    });
    expect(brief(await issuesOf(bare))).toEqual([
      ['schema/required', 'form.xlsx!Đơn vị!B4'],
      ['schema/required', 'form.xlsx!Đơn vị!B5'],
      ['schema/required', 'form.xlsx!Đơn vị!B6'],
    ]);
    const noUnit = await edit(await commune(), (workbook) => { workbook.removeWorksheet(sheet(workbook, UNIT).id); });
    expect(brief(await issuesOf(noUnit))).toEqual([['xlsx/missing-sheet', 'form.xlsx']]);
    expect(brief(await issuesOf(new TextEncoder().encode('id,level\nx,commune\n')))).toEqual([['input/read', 'form.xlsx']]);
    expect(brief(await issuesOf(new Uint8Array(MAX_WORKBOOK_BYTES + 1)))).toEqual([['input/too-large', 'form.xlsx']]);
  });

  it('the criteria: another set than the one given, an unknown set, a newer layout', async () => {
    const bytes = await commune();
    expect(brief(await issuesOf(bytes, { criteria: getCriteria('can-tho@2023.1.0') }))).toEqual([['submission/criteria-mismatch', 'form.xlsx!Đơn vị!B3']]);
    const unknown = await edit(bytes, (workbook) => {
      sheet(workbook, '_meta').getCell('B3').value = 'nowhere@2022.1.0';
    });
    expect(brief(await issuesOf(unknown))).toEqual([['criteria/not-found', 'form.xlsx!Đơn vị!B3']]);
    const newer = await edit(bytes, (workbook) => { sheet(workbook, '_meta').getCell('B2').value = 2; });
    expect(brief(await issuesOf(newer))).toEqual([['schema/enum', 'form.xlsx!_meta!B2']]);
    // Without _meta the visible criteria cell and layout 1 are used.
    const noMeta = await edit(bytes, (workbook) => { workbook.removeWorksheet(sheet(workbook, '_meta').id); });
    expect((await read(noMeta)).criteria).toBe('can-tho@2022.1.0');
  });
});

describe('merged and blank cells', () => {
  it('a value cell covered by a merge is reported once, with the range; merges elsewhere do no harm', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      const ratio = rowOf(form, 'CQS.1.3');
      form.mergeCells(`F${ratio}:G${ratio}`);
      form.getCell(`F${ratio}`).value = 12;
      const items = rowOf(form, 'CQS.1.4.chuyen-muc');
      form.mergeCells(`F${items}:F${items + 1}`);
      form.getCell(`F${items}`).value = 'có';
      const bool = rowOf(form, 'CQS.2.1');
      form.mergeCells(`H${bool}:H${bool + 1}`); // notes of two rows merged: fine
      form.getCell(`H${bool}`).value = 'Kế hoạch 12/KH-UBND ngày 10/01/2022';
      form.mergeCells(`F${bool}:G${bool}`); // a boolean uses only F: fine
      form.getCell(`F${bool}`).value = 'có';
    });
    expect(brief(await issuesOf(bytes))).toEqual([
      ['value/shape', 'form.xlsx!Tự đánh giá!F8:G8'],
      ['value/shape', 'form.xlsx!Tự đánh giá!F10:F11'],
    ]);
    const fine = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      const bool = rowOf(form, 'CQS.2.1');
      form.mergeCells(`F${bool}:G${bool}`);
      form.getCell(`F${bool}`).value = 'có';
      form.mergeCells(`H${bool}:H${bool + 1}`);
    });
    expect((await read(fine)).unit.values).toEqual({ 'CQS.2.1': true });
  });

  it('blank cells: a whole pair is missing, half a pair is an error, white space is blank', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'CQS.1.3', 'F', '   ');
      put(form, 'CQS.2.1', 'F', ' ');
    });
    expect((await read(bytes)).unit.values).toEqual({});
    const half = await edit(await commune(), (workbook) => { put(sheet(workbook, FORM), 'CQS.1.3', 'G', 15); });
    expect(brief(await issuesOf(half))).toEqual([['value/shape', 'form.xlsx!Tự đánh giá!F8']]);
  });

  it('rows may be inserted and moved: values are found by their code', async () => {
    const bytes = await edit(await commune(), (workbook) => {
      const form = sheet(workbook, FORM);
      form.spliceRows(5, 0, ['', 'ghi chú của đơn vị', '', '', '', '', '', 'ghi chú']);
      typeValue(form, criteria, 'CQS.1.3', { numerator: 3, denominator: 4 });
    });
    expect((await read(bytes)).unit.values).toEqual({ 'CQS.1.3': { numerator: '3', denominator: '4' } });
  });
});

describe('several workbooks', () => {
  it('reads a batch, reporting all workbooks\' problems together and cross-workbook conflicts', async () => {
    const a = await commune('an-binh', 'Phường An Bình');
    const b = await edit(await commune('an-cu', 'Phường An Cư'), (workbook) => { put(sheet(workbook, FORM), 'CQS.2.1', 'F', 'maybe'); });
    const c = await commune('an-binh', 'Phường An Bình');
    const d = await edit(await commune('an-hoa', 'Phường An Hòa'), (workbook) => { sheet(workbook, UNIT).getCell('B9').value = '2023'; });
    const result = await safeReadWorkbooks([{ name: 'a.xlsx', bytes: a }, { name: 'b.xlsx', bytes: b }, { name: 'c.xlsx', bytes: c }, { name: 'd.xlsx', bytes: d }], { registry: embeddedCriteria });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(brief(result.issues)).toEqual([
      ['value/shape', 'b.xlsx!Tự đánh giá!F15'],
      ['submission/duplicate-unit', 'c.xlsx!Đơn vị!B4'],
      ['xlsx/period-mismatch', 'd.xlsx!Đơn vị!B9'],
    ]);
    expect(messageOf(result.issues[1])).toContain('a.xlsx!Đơn vị!B4');
    const other = await buildTemplate(getCriteria('can-tho@2023.1.0'), { level: 'commune', unit: { id: 'x', name: 'X' } });
    const mixed = await safeReadWorkbooks([{ name: 'a.xlsx', bytes: a }, { name: 'x.xlsx', bytes: other }], { registry: embeddedCriteria });
    expect(mixed.ok ? [] : brief(mixed.issues)).toEqual([['submission/criteria-mismatch', 'x.xlsx!Đơn vị!B3']]);
  });

  it('reads a folder of workbooks (name order, lock and other files skipped) and reports paths with the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-xlsx-'));
    const forms = join(dir, 'forms');
    mkdirSync(forms);
    const units: UnitSubmission[] = example.units.filter((unit) => unit.parent === 'ninh-kieu').slice(0, 3);
    expect(units.length).toBe(3);
    for (const unit of units) writeFileSync(join(forms, `${unit.id}.xlsx`), await workbookFor(criteria, unit, { period: '2022' }));
    writeFileSync(join(forms, '~$phuong-an-binh.xlsx'), 'lock');
    writeFileSync(join(forms, 'notes.txt'), 'not a workbook');
    const extra = join(dir, 'late.xlsx');
    writeFileSync(extra, await workbookFor(criteria, { id: 'xa-late', name: 'Xã Late', level: 'commune', values: { 'CQS.2.1': true } }));
    const result = await readSubmissionWorkbooks([forms, extra], criteria);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${messageOf(i)}`).join('\n'));
    expect(result.value.units.map((unit) => unit.id)).toEqual([...units.map((unit) => unit.id).sort(), 'xa-late']);
    expect(result.value.period).toBe('2022');
    expect(safeScoreBatch(criteria, result.value).ok).toBe(true);
    const named = await readSubmissionWorkbooks([forms], undefined); // the set the workbooks name
    expect(named.ok && named.value.criteria).toBe('can-tho@2022.1.0');

    writeFileSync(join(forms, 'broken.xlsx'), await edit(await commune('broken', 'Broken'), (workbook) => { put(sheet(workbook, FORM), 'KTS.1.2', 'F', -2); }));
    const bad = await readSubmissionWorkbooks([forms, join(dir, 'missing.xlsx'), mkdtempSync(join(tmpdir(), 'dti-empty-'))], criteria);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((issue) => issue.code)).toEqual(['input/read', 'input/read', 'value/negative']);
    expect(bad.issues[2]?.path).toBe(`${join(forms, 'broken.xlsx')}!Tự đánh giá!F54`);
  });
});

describe('edits done by hand in the template keep working', () => {
  it('a workbook saved again (shared strings, styles) reads the same', async () => {
    const bytes = await workbookFor(criteria, example.units.find((unit) => unit.id === 'phuong-cai-khe')!);
    const again = await save(await open(bytes));
    expect((await read(again)).unit).toEqual((await read(bytes)).unit);
  });
});
