// buildFilledTemplate: the template of a unit's level filled with its submission as a person
// would type it (issue #16, the portal's workbook export), read back by safeReadWorkbook to the
// same unit: values, appraised values, evidence, identity and period.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DtiError, readExact, type EvidenceEntry, type Issue, type Submission, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { buildFilledTemplate, buildTemplate, safeReadWorkbook, safeReadWorkbooks, type WorkbookReading } from '../src/xlsx/index.js';
import { messageOf } from './support/issues.js';
import { comparable, scoredOrThrow } from './support/reports.js';
import { valuesOnly } from './support/values-only.js';
import { FORM, open, rowOf, sheet } from './fixtures/xlsx/workbook-helpers.js';

const criteria = getCriteria('can-tho@2022.1.0');
const example = valuesOnly(JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission, { evidence: true });

async function read(bytes: Uint8Array): Promise<WorkbookReading> {
  const result = await safeReadWorkbook(bytes, { name: 'filled.xlsx', criteria });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${messageOf(i)} [${i.code}]`).join('\n'));
  return result.value;
}

/** The issues `buildFilledTemplate` rejects with, as `[code, path]`. */
async function refusal(unit: UnitSubmission): Promise<[string, string][]> {
  try {
    await buildFilledTemplate(criteria, unit);
  } catch (error) {
    expect(error).toBeInstanceOf(DtiError);
    return (error as DtiError).issues.map((issue: Issue) => [issue.code, issue.path]);
  }
  throw new Error('expected buildFilledTemplate to reject');
}

const commune = (values: Record<string, unknown>, more: Partial<UnitSubmission> = {}): UnitSubmission => ({ id: 'my-khanh', name: 'Xã Mỹ Khánh', level: 'commune', values, ...more });

describe('buildFilledTemplate', () => {
  it('every unit of the 2022 example batch, filled in, reads back to the same unit and scores exactly as the JSON', async () => {
    const files = await Promise.all(example.units.map(async (unit) => ({ name: `${unit.id}.xlsx`, bytes: await buildFilledTemplate(criteria, unit, { period: example.period! }) })));
    const batch = await safeReadWorkbooks(files, { criteria });
    if (!batch.ok) throw new Error(batch.issues.map((i) => `${i.path}: ${messageOf(i)} [${i.code}]`).join('\n'));
    expect(batch.value.period).toBe(example.period);
    expect(batch.value.units.map((unit) => unit.id)).toEqual(example.units.map((unit) => unit.id));
    expect(batch.value.units.map((unit) => unit.evidence)).toEqual(example.units.map((unit) => unit.evidence));
    for (const [index, unit] of batch.value.units.entries()) {
      const given = example.units[index]!;
      expect(Object.keys(unit.values), unit.id).toEqual(Object.keys(given.values));
      for (const [code, value] of Object.entries(unit.values)) expect(same(value, given.values[code]), `${unit.id} ${code}: ${JSON.stringify(value)}`).toBe(true);
      for (const [code, value] of Object.entries(unit.appraised ?? {})) expect(same(value, given.appraised?.[code]), `${unit.id} appraised ${code}`).toBe(true);
    }
    const fromJson = scoredOrThrow(criteria, { ...example, units: example.units.map((unit) => ({ ...unit, name: unit.name ?? unit.id })) });
    expect(comparable(scoredOrThrow(criteria, { ...batch.value, period: example.period }))).toEqual(comparable(fromJson));
  }, 60_000);

  it('types each kind of value as a person would: words and labels of the lists, numbers, a % leaf in percent units as text', async () => {
    const values = {
      'CQS.1.1': 'deputy',
      'CQS.1.2': '4.5',
      'CQS.1.3': { numerator: '12', denominator: '15' },
      'CQS.1.4': ['chuyen-muc', 'truyen-thanh'],
      'CQS.2.1': true,
      'CQS.3.2': false,
      'CQS.6.4': '12.5',
      'CQS.7.3': '0.125',
      'CQS.8.1': '40',
      'KTS.1.2': '1234000',
      'KTS.3.2': 'n/a',
      // More digits than a double holds: text in the Vietnamese convention, every digit kept.
      'XHS.2.1': { numerator: '1234.56789012345678', denominator: '2000' },
    };
    const bytes = await buildFilledTemplate(criteria, commune(values), { period: '2024' });
    const form = sheet(await open(bytes), FORM);
    const cell = (code: string, column = 'F'): unknown => form.getCell(`${column}${rowOf(form, code)}`).value;
    expect(cell('CQS.2.1')).toBe('có');
    expect(cell('CQS.3.2')).toBe('không');
    expect(cell('CQS.1.3')).toBe(12);
    expect(cell('CQS.1.3', 'G')).toBe(15);
    expect(cell('CQS.7.3')).toBe('12,5');
    expect(cell('CQS.1.4.chuyen-muc')).toBe('có');
    expect(cell('CQS.1.4.ngay-cds')).toBe('không');
    expect(cell('KTS.3.2')).toBe('n/a');
    expect(cell('XHS.2.1')).toBe('1.234,56789012345678');
    const back = await read(bytes);
    expect(back.period).toBe('2024');
    expect(back.unit).toMatchObject({ id: 'my-khanh', name: 'Xã Mỹ Khánh', level: 'commune' });
    expect(back.unit.values).toEqual(values);
  });

  it('in an English form: English words, the decimal point in text cells', async () => {
    const values = { 'CQS.2.1': true, 'CQS.4.2': 'chuyen-trach', 'CQS.7.3': '0.125', 'XHS.2.1': { numerator: '1234.56789012345678', denominator: '2000' } };
    const bytes = await buildFilledTemplate(criteria, commune(values), { lang: 'en' });
    const form = sheet(await open(bytes), FORM);
    expect(form.getCell(`F${rowOf(form, 'CQS.2.1')}`).value).toBe('yes');
    expect(form.getCell(`F${rowOf(form, 'CQS.7.3')}`).value).toBe('12.5');
    expect((await read(bytes)).unit.values).toEqual(values);
  });

  it('a level with groups, appraised values and evidence of every kind, several per leaf', async () => {
    const hash = 'cc89b8bf6eaf0f0908b915c57776429a67447c5679b8fc032ef16efa89ee9bd5';
    const evidence: Record<string, EvidenceEntry[]> = {
      'CQS.1.1': [{ kind: 'document', number: '58/KH-UBND', date: '2022-06-20', issuer: 'UBND xã Nhơn Ái', title: 'Kế hoạch chuyển đổi số năm 2022' }],
      'CQS.2.1': [
        { kind: 'document', number: '12/QĐ-UBND', date: '2022-03-01', title: 'Quyết định thành lập Ban Chỉ đạo' },
        { kind: 'link', url: 'https://postmart.vn/gian-hang/htx-nhon-ai' },
        { kind: 'file', title: 'Danh sách.xlsx', sha256: hash },
      ],
    };
    const unit: UnitSubmission = { id: 'so-tttt', name: 'Sở TT&TT', level: 'department', group: 'A', parent: 'can-tho', values: { 'CQS.2.1': true }, appraised: { 'CQS.2.1': false }, evidence };
    const back = await read(await buildFilledTemplate(criteria, unit));
    expect(back.unit).toEqual(unit);
  });

  it('writes what the rules refuse as given: the reader reports it at its cell', async () => {
    const bytes = await buildFilledTemplate(criteria, commune({ 'CQS.2.2': { numerator: '9', denominator: '5' } }));
    const result = await safeReadWorkbook(bytes, { name: 'filled.xlsx', criteria });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([['value/numerator-exceeds-denominator', `filled.xlsx!Tự đánh giá!F${rowOf(sheet(await open(bytes), FORM), 'CQS.2.2')}:G${rowOf(sheet(await open(bytes), FORM), 'CQS.2.2')}`]]);
  });

  it('refuses, all at once, what no cell of the form can hold', async () => {
    expect(
      await refusal(
        commune(
          {
            'CQS.2.1': { numerator: '1', denominator: '2' },
            'CQS.1.1': 'no-such-option',
            'CQS.1.4': ['no-such-item'],
            'CQS.1.2': '4,5',
            'CQS.1.3': { numerator: 'x', denominator: '15' },
            'ZZZ.9.9': '1',
            CQS: '1',
          },
          { evidence: { 'CQS.2.1': [{ kind: 'file', url: 'https://a.vn/x', sha256: 'cc89b8bf6eaf0f0908b915c57776429a67447c5679b8fc032ef16efa89ee9bd5' }, { kind: 'document', title: 'hai\ndòng' }] } },
        ),
      ),
    ).toEqual([
      ['value/unknown-option', 'values["CQS.1.1"]'],
      ['value/shape', 'values["CQS.1.2"]'],
      ['value/shape', 'values["CQS.1.3"].numerator'],
      ['value/unknown-item', 'values["CQS.1.4"]'],
      ['value/shape', 'values["CQS.2.1"]'],
      ['value/shape', 'evidence["CQS.2.1"][0]'],
      ['value/shape', 'evidence["CQS.2.1"][1].title'],
      ['submission/unknown-leaf', 'values["ZZZ.9.9"]'],
      ['submission/not-a-leaf', 'values.CQS'],
    ]);
    // A department leaf has no row in a commune's form; an unknown level is the template's own refusal.
    const departmentOnly = criteria.nodes.flatMap(function leaves(node): string[] { return node.children ? node.children.flatMap(leaves) : [node.code]; }).find((code) => !Object.keys(scoredOrThrow(criteria, { units: [commune({})] }).results[0]!.nodes).includes(code))!;
    expect(await refusal(commune({ [departmentOnly]: '1' }))).toEqual([['submission/leaf-not-applicable', `values["${departmentOnly}"]`]]);
    expect(await refusal({ id: 'x', level: 'ward', values: {} })).toEqual([['criteria/unknown-level', 'options.level']]);
  });

  it('the same unit gives the same bytes; with no values, the blank template of the unit', async () => {
    const unit = commune({ 'CQS.2.1': true });
    expect(await buildFilledTemplate(criteria, unit, { period: '2024' })).toEqual(await buildFilledTemplate(criteria, unit, { period: '2024' }));
    expect(await buildFilledTemplate(criteria, commune({}), { period: '2024' })).toEqual(await buildTemplate(criteria, { level: 'commune', unit: { id: 'my-khanh', name: 'Xã Mỹ Khánh' }, period: '2024' }));
  });
});

/** Equal values: decimals by value (a stored number reads back as its shortest text), everything else as is. */
function same(read: unknown, given: unknown): boolean {
  if (typeof given === 'string' || typeof given === 'number') {
    const [a, b] = [readExact(read), readExact(given)];
    if (a !== undefined && b !== undefined) return a.eq(b);
  }
  if (typeof given === 'object' && given !== null && !Array.isArray(given) && typeof read === 'object' && read !== null && !Array.isArray(read)) {
    const keys = Object.keys(given);
    return keys.length === Object.keys(read).length && keys.every((key) => same((read as Record<string, unknown>)[key], (given as Record<string, unknown>)[key]));
  }
  return JSON.stringify(read) === JSON.stringify(given);
}
