import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageOf } from './support/issues.js';
import { comparable, scoredOrThrow } from './support/reports.js';
import {
  csvColumnName,
  detectDelimiter,
  formatDecimalCell,
  mapCsvHeader,
  parseBooleanCell,
  parseDecimalCell,
  safeParseSubmissionsCsv,
  readCsvTable,
  readScalarCell,
  submissionToCsv,
} from '../src/csv/index.js';
import { DtiError, safeScoreBatch, type Issue, type ScoreReport, type Submission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { MAX_UNITS } from '../src/format/submission-schema.js';
import { batchFor } from './support/arbitraries.js';
import { valuesOnly } from './support/values-only.js';

const criteria = getCriteria('can-tho@2022.1.0');
const runs = Number(process.env.FC_RUNS ?? 60);
const exampleDir = new URL('../examples/can-tho-2022/', import.meta.url);
const exampleCsv = readFileSync(new URL('submissions.csv', exampleDir), 'utf8');
// The CSV has values and appraised values only (no reasons, notes, evidence).
const exampleJson = valuesOnly(JSON.parse(readFileSync(new URL('submissions.json', exampleDir), 'utf8')) as Submission);
const fixture = (name: string): string => readFileSync(new URL(`fixtures/csv/${name}`, import.meta.url), 'utf8');

function parsed(text: string, options: Parameters<typeof safeParseSubmissionsCsv>[2] = {}): Submission {
  const result = safeParseSubmissionsCsv(text, criteria, options);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${messageOf(i)} [${i.code}]`).join('\n'));
  return result.value;
}

function issuesOf(text: string, options: Parameters<typeof safeParseSubmissionsCsv>[2] = {}): Issue[] {
  const result = safeParseSubmissionsCsv(text, criteria, options);
  expect(result.ok).toBe(false);
  return result.ok ? [] : [...result.issues];
}

const brief = (issues: readonly Issue[]): [string, string][] => issues.map((i) => [i.code, i.path]);



/** JSON values as the CSV layer gives them: numbers as decimal strings. */
function asText(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(asText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return value;
}

const header = 'id,name,level,group,parent';

describe('the Cần Thơ 2022 example', () => {
  it('parses, and scores exactly like the example JSON', () => {
    const submission = parsed(exampleCsv, { period: '2022' });
    expect(submission.criteria).toBe('can-tho@2022.1.0');
    expect(submission.period).toBe('2022');
    expect(submission.units).toHaveLength(exampleJson.units.length);
    const fromCsv = scoredOrThrow(criteria, submission);
    const fromJson = scoredOrThrow(criteria, exampleJson);
    expect(fromCsv.results.map((r) => [r.unit, r.points, r.maxPoints, r.index, r.rating, r.rank, r.rankInParent, r.selfPoints]))
      .toEqual(fromJson.results.map((r) => [r.unit, r.points, r.maxPoints, r.index, r.rating, r.rank, r.rankInParent, r.selfPoints]));
    expect(comparable(fromCsv)).toEqual(comparable(fromJson));
  });

  it('gives the same values as the JSON, as exact decimal strings', () => {
    const submission = parsed(exampleCsv);
    submission.units.forEach((unit, i) => {
      const json = exampleJson.units[i]!;
      expect([unit.id, unit.name, unit.level, unit.group ?? null, unit.parent ?? null]).toEqual([json.id, json.name, json.level, json.group ?? null, json.parent ?? null]);
      expect(unit.values).toEqual(asText(json.values));
      expect(unit.appraised).toEqual(json.appraised === undefined ? undefined : asText(json.appraised));
    });
    const tttt = submission.units[0]!;
    expect(tttt.values['CQS.2.3']).toEqual({ numerator: '1220000000', denominator: '84210000000' });
    expect(tttt.values['CQS.1.4']).toEqual(['chuyen-muc', 'mang-xa-hoi', 'ngay-cds']);
    expect(tttt.values['KTS.3.2']).toBe('n/a');
    expect(tttt.values['CQS.6.4']).toBe('19.5');
    expect(submission.units.find((u) => u.id === 'xa-tan-thoi')?.values['CQS.7.2']).toEqual({ numerator: '0', denominator: '0' });
    expect(submission.units.find((u) => u.id === 'so-ngoai-vu')?.values).not.toHaveProperty('CQS.3.4');
  });

  it('is written byte for byte by submissionToCsv from the example JSON', () => {
    expect(submissionToCsv(exampleJson, criteria)).toBe(exampleCsv);
  });

  it('reads the same with a byte order mark and CRLF line endings', () => {
    const crlf = `\uFEFF${exampleCsv.replace(/\n/g, '\r\n')}`;
    expect(parsed(crlf)).toEqual(parsed(exampleCsv));
    expect(parsed(exampleCsv.replace(/\n/g, '\r'))).toEqual(parsed(exampleCsv));
  });

  it('reads the same from a semicolon-delimited file (detected) and a tab-delimited one', () => {
    const semicolon = submissionToCsv(parsed(exampleCsv), criteria, { delimiter: ';' });
    expect(semicolon.split('\n')[0]).toContain('id;name;level;group;parent;CQS.1.1;');
    expect(detectDelimiter(semicolon)).toBe(';');
    expect(parsed(semicolon)).toEqual(parsed(exampleCsv));
    const tab = submissionToCsv(parsed(exampleCsv), criteria, { delimiter: '\t' });
    expect(parsed(tab)).toEqual(parsed(exampleCsv));
  });

  it('reads the same in the Vietnamese number format', () => {
    const vi = submissionToCsv(parsed(exampleCsv), criteria, { locale: 'vi', delimiter: ';', lineEnding: '\r\n', bom: true });
    expect(vi).toContain(';1.220.000.000;84.210.000.000;');
    expect(vi).toContain(';19,5;');
    expect(parsed(vi, { locale: 'vi' })).toEqual(parsed(exampleCsv));
    // A Vietnamese file read as plain decimals fails loudly instead of being misread; a plain file read as
    // Vietnamese reads right, since every number in it can only mean one thing (a `1.500` would be refused).
    expect(safeParseSubmissionsCsv(vi, criteria).ok).toBe(false);
    expect(parsed(exampleCsv, { locale: 'vi' })).toEqual(parsed(exampleCsv));
  });

  it('round-trips: submissionToCsv then safeParseSubmissionsCsv gives the same submission', () => {
    const once = parsed(exampleCsv, { period: '2022' });
    const twice = parsed(submissionToCsv(once, criteria), { period: '2022' });
    expect(twice).toEqual(once);
    expect(parsed(submissionToCsv(exampleJson, criteria, { locale: 'vi', delimiter: ',' }), { locale: 'vi', period: '2022' })).toEqual(once);
  });
});

describe('numbers as people type them (--locale vi): both conventions, never a guess', () => {
  const one = (cells: string): ReturnType<typeof safeParseSubmissionsCsv> =>
    safeParseSubmissionsCsv(`id;level;CQS.1.3.numerator;CQS.1.3.denominator;KTS.3.1;CQS.7.3\n${cells}\n`, criteria, { locale: 'vi' });
  it('reads what cannot be mistaken, in either convention', () => {
    const read = one('x;commune;1.234.000;1,234,000.5;4;0.05');
    expect(read.ok ? read.value.units[0]?.values : read.issues).toEqual({ 'CQS.1.3': { numerator: '1234000', denominator: '1234000.5' }, 'KTS.3.1': '4', 'CQS.7.3': '0.05' });
  });
  it('refuses a text that reads two ways for the leaf, naming both', () => {
    const read = one('x;commune;1.234;1,500;1.000;');
    expect(read.ok ? [] : read.issues.map((i) => [i.code, i.path, i.params])).toEqual([
      ['value/ambiguous-number', 'rows[2]["CQS.1.3.numerator"]', { unit: 'x', text: '1.234', readings: ['1.234', '1234'] }],
      ['value/ambiguous-number', 'rows[2]["CQS.1.3.denominator"]', { unit: 'x', text: '1,500', readings: ['1.500', '1500'] }],
      ['value/ambiguous-number', 'rows[2]["KTS.3.1"]', { unit: 'x', text: '1.000', readings: ['1.000', '1000'] }],
    ]);
  });
  it('takes the only reading the leaf allows (a % leaf holds a fraction, at most 1)', () => {
    const read = one('x;commune;;;;0,500');
    expect(read.ok ? read.value.units[0]?.values : read.issues).toEqual({ 'CQS.7.3': '0.500' });
    const whole = one('x;commune;;;1.500;');
    expect(whole.ok ? whole.value.units[0]?.values : whole.issues).toEqual({ 'KTS.3.1': '1500' }); // a count is whole: 1.5 cannot be
  });
});

describe('a hand-written Vietnamese file (semicolons, BOM, CRLF, quoted line break)', () => {
  const submission = parsed(fixture('vi-semicolon-bom-crlf.csv'), { locale: 'vi', period: '2022' });

  it('reads every unit and value exactly', () => {
    expect(submission.units).toEqual([
      {
        id: 'ninh-kieu', name: 'Quận Ninh Kiều; trung tâm', level: 'district',
        values: {
          'CQS.1.2': '4', 'CQS.1.3': { numerator: '12', denominator: '15' }, 'CQS.1.4': ['chuyen-muc', 'truyen-thanh'], 'CQS.2.1': true,
          'CQS.2.3': { numerator: '1220000000', denominator: '84210000000' }, 'CQS.6.4': '18.5', 'CQS.7.3': 'n/a', 'XHS.3.5': '4.25',
        },
        appraised: { 'CQS.6.4': '14.5' },
      },
      {
        id: 'phuong-cai-khe', name: 'Phường\nCái Khế', level: 'commune', parent: 'ninh-kieu',
        values: {
          'CQS.1.2': '3', 'CQS.1.3': { numerator: '1234000', denominator: '1500000' }, 'CQS.1.4': ['chuyen-muc'], 'CQS.2.1': false,
          'KTS.3.2': 'n/a', 'CQS.6.4': '12', 'CQS.7.3': '0.05',
        },
      },
    ]);
  });

  it('scores', () => {
    const report = scoredOrThrow(criteria, submission);
    expect(report.period).toBe('2022');
    const [district, commune] = report.results;
    expect(district?.nodes['CQS.6.4']).toMatchObject({ points: '14.50', selfPoints: '18.50' });
    expect(district?.nodes['CQS.7.3']?.status).toBe('not-applicable');
    expect(district?.nodes['CQS.2.3']?.points).toBe('15.00'); // 1.22e9 / 8.421e10 ≈ 0.0145 ≥ 0.01: the first band, all 15 points
    expect(commune?.name).toBe('Phường\nCái Khế');
    expect(commune?.nodes['CQS.1.3']?.points).toBe('16.45');
  });
});

describe('cells', () => {
  it('reads numbers per locale, exactly', () => {
    expect(parseDecimalCell('1.200.000.000', 'vi')).toBe('1200000000');
    expect(parseDecimalCell('4,5', 'vi')).toBe('4.5');
    expect(parseDecimalCell('1.234,56', 'vi')).toBe('1234.56');
    expect(parseDecimalCell('-0,050', 'vi')).toBe('-0.050');
    expect(parseDecimalCell('1200', 'vi')).toBe('1200');
    expect(parseDecimalCell('007', 'en')).toBe('7');
    expect(parseDecimalCell('0.1', 'en')).toBe('0.1');
    expect(parseDecimalCell('123456789012345678901234567.123456789', 'en')).toBe('123456789012345678901234567.123456789');
    for (const bad of ['4.5', '0.044', '1.23.456', '1.2345', '12.34,5', '1,2,3', ',5', '1,', '1 200', '+1', '1e5']) expect(parseDecimalCell(bad, 'vi')).toBeUndefined();
    for (const bad of ['1,200', '4,5', '1.2.3', '.5', '5.', '1.22E+09', '80%', '+1', '1 200', 'NaN', '']) expect(parseDecimalCell(bad, 'en')).toBeUndefined();
  });

  it('reads yes/no words', () => {
    for (const yes of ['true', 'TRUE', '1', 'x', 'X', 'yes', 'Có', 'CÓ', 'co', 'co\u0301']) expect(parseBooleanCell(yes)).toBe(true);
    for (const no of ['false', 'False', '0', 'no', 'không', 'KHÔNG', 'khong']) expect(parseBooleanCell(no)).toBe(false);
    for (const other of ['', 'maybe', 'đạt', '2', 'n/a']) expect(parseBooleanCell(other)).toBeUndefined();
  });

  it('keeps option ids and info values as text', () => {
    expect(readScalarCell('  head ', 'text', 'vi')).toEqual({ ok: true, value: 'head' });
    const unit = parsed(`id,level,CQS.1.1,CQS.8.1\nninh-kieu,district,deputy, 0237 \n`).units[0]!;
    expect(unit.values).toEqual({ 'CQS.1.1': 'deputy', 'CQS.8.1': '0237' });
  });

  it('reads n/a, missing and checklist cells', () => {
    const head = `id,level,KTS.3.2.numerator,KTS.3.2.denominator,CQS.7.3,CQS.1.4.chuyen-muc,CQS.1.4.mang-xa-hoi,CQS.1.4.truyen-thanh,CQS.1.4.ngay-cds`;
    const units = parsed([head, 'a,commune,N/A,n/a,n/A,,,,', 'b,commune,n/a,,,n/a,,n/a,', 'c,commune,,,,1,,0,', 'd,commune,3,4,0.05,,,,'].join('\n')).units;
    expect(units.map((u) => u.values)).toEqual([
      { 'KTS.3.2': 'n/a', 'CQS.7.3': 'n/a' },
      { 'KTS.3.2': 'n/a', 'CQS.1.4': 'n/a' },
      { 'CQS.1.4': ['chuyen-muc'] },
      { 'KTS.3.2': { numerator: '3', denominator: '4' }, 'CQS.7.3': '0.05' },
    ]);
  });

  it('accepts a bands leaf as a number or as a fraction, and columns in any order', () => {
    const text = 'CQS.2.3.denominator,level,CQS.2.3,id,CQS.2.3.numerator\n200,commune,,a,1\n,commune,0.004,b,\n';
    expect(parsed(text).units.map((u) => u.values)).toEqual([{ 'CQS.2.3': { numerator: '1', denominator: '200' } }, { 'CQS.2.3': '0.004' }]);
  });

  it('reads appraised columns and header words in any case, and ignores blank rows and blank trailing columns', () => {
    const text = 'ID,Level,Name,APPRAISED: CQS.2.1,CQS.2.1,,\n\n,,,,,,\nx,commune,  Xã X  ,không,có,,\n,,,,,,\n';
    expect(parsed(text).units).toEqual([{ id: 'x', name: 'Xã X', level: 'commune', values: { 'CQS.2.1': true }, appraised: { 'CQS.2.1': false } }]);
  });

  it('gives an empty batch for a header alone, and names the criteria and period', () => {
    expect(parsed('id,level\n', { criteriaRef: 'can-tho', period: '2022' })).toEqual({ criteria: 'can-tho', period: '2022', units: [] });
  });
});

describe('problems, all reported with code and path', () => {
  it('reports an unclosed quote with its row, column and line', () => {
    const issues = issuesOf(`${header}\na,"Name",commune,,\nb,"unclosed,commune,,\nc,C,commune,,\n`);
    expect(brief(issues)).toEqual([['csv/syntax', 'rows[3].name']]);
    expect(messageOf(issues[0])).toContain('line 3');
  });

  it('reports a stray quote', () => {
    expect(brief(issuesOf('id,level,name\na,commune,Sở "X"\n'))).toEqual([['csv/syntax', 'rows[2].name']]);
    expect(brief(issuesOf('id,level,name\na,commune,"Sở" X\n'))).toEqual([['csv/syntax', 'rows[2].name']]);
  });

  it('reports ragged rows (every one), numbering rows as a spreadsheet does', () => {
    const issues = issuesOf(`id,level,name\na,commune,"two\nlines"\nb,commune\nc,commune,C,extra\nd,commune,D\n`);
    expect(brief(issues)).toEqual([['csv/syntax', 'rows[3]'], ['csv/syntax', 'rows[4]']]);
    expect(messageOf(issues[0])).toContain('line 4');
    expect(issues[0]?.params).toEqual({ problem: 'cell-count', row: 3, line: 4, cells: 2, expected: 3 });
    expect(messageOf(issues[0])).toContain('the row has 2 cells, the header 3');
  });

  it('reports unknown, aggregate and mis-suffixed columns', () => {
    const text = 'id,level,CQS.9.9,CQS.1,CQS.3.4.numerator,CQS.1.3.num,CQS.1.4.foo,appraised:CQS.9,appraised:id,XHS.1.4.numerator,XHS.1.4.denominator\n';
    expect(brief(issuesOf(text))).toEqual([
      ['schema/unknown-key', 'header["CQS.9.9"]'],
      ['schema/unknown-key', 'header["CQS.1"]'],
      ['schema/unknown-key', 'header["CQS.3.4.numerator"]'],
      ['schema/unknown-key', 'header["CQS.1.3.num"]'],
      ['schema/unknown-key', 'header["CQS.1.4.foo"]'],
      ['schema/unknown-key', 'header["appraised:CQS.9"]'],
      ['schema/unknown-key', 'header["appraised:id"]'],
    ]);
  });

  it('reports a ratio or checklist leaf given as one column', () => {
    const issues = issuesOf('id,level,CQS.1.3,CQS.1.4\n');
    expect(brief(issues)).toEqual([['csv/split-column', 'header["CQS.1.3"]'], ['csv/split-column', 'header["CQS.1.4"]']]);
    expect(issues[0]?.params).toEqual({ column: 'CQS.1.3', columns: ['CQS.1.3.numerator', 'CQS.1.3.denominator'] });
    expect(messageOf(issues[0])).toContain('CQS.1.3.numerator');
  });

  it('reports duplicate columns', () => {
    const issues = issuesOf('id,level,CQS.2.1,ID,CQS.2.1,appraised:CQS.2.1\n');
    expect(brief(issues)).toEqual([['csv/duplicate-column', 'header.ID'], ['csv/duplicate-column', 'header["CQS.2.1"]']]);
    expect(messageOf(issues[1])).toContain('column 3');
  });

  it('reports missing required columns and incomplete column groups', () => {
    expect(brief(issuesOf('name,CQS.1.3.numerator,appraised:CQS.1.3.denominator,CQS.1.4.ngay-cds\n'))).toEqual([
      ['schema/required', 'header.id'],
      ['schema/required', 'header.level'],
      ['schema/required', 'header["CQS.1.3.denominator"]'],
      ['schema/required', 'header["appraised:CQS.1.3.numerator"]'],
      ['schema/required', 'header["CQS.1.4.chuyen-muc"]'],
      ['schema/required', 'header["CQS.1.4.mang-xa-hoi"]'],
      ['schema/required', 'header["CQS.1.4.truyen-thanh"]'],
    ]);
    expect(brief(issuesOf(''))).toEqual([['schema/required', 'header.id'], ['schema/required', 'header.level']]);
  });

  it('reports a column with an empty header but some data', () => {
    expect(brief(issuesOf('id,level,,CQS.2.1\na,commune,oops,true\n'))).toEqual([['schema/unknown-key', 'header[3]']]);
  });

  it('reports cells that cannot be converted, with the unit', () => {
    const text = [
      'id,level,CQS.1.3.numerator,CQS.1.3.denominator,CQS.2.1,CQS.1.2,CQS.2.3,CQS.2.3.numerator,CQS.2.3.denominator,CQS.1.4.chuyen-muc,CQS.1.4.mang-xa-hoi,CQS.1.4.truyen-thanh,CQS.1.4.ngay-cds',
      'ok,commune,1,2,true,3,,,,,,,',
      'a,commune,1.5x,15,maybe,4,5,,,yes,sometimes,,',
      'b,commune,n/a,15,1,"1,5",0.1,1,2,n/a,true,,',
      'c,commune,12,,có,,,,,,,,',
    ].join('\n');
    const issues = issuesOf(text);
    expect(brief(issues)).toEqual([
      ['value/shape', 'rows[3]["CQS.1.3.numerator"]'],
      ['value/shape', 'rows[3]["CQS.2.1"]'],
      ['value/shape', 'rows[3]["CQS.1.4.mang-xa-hoi"]'],
      ['value/shape', 'rows[4]["CQS.1.3.numerator"]'],
      ['value/shape', 'rows[4]["CQS.1.2"]'],
      ['value/shape', 'rows[4]["CQS.2.3"]'],
      ['value/shape', 'rows[4]["CQS.1.4.chuyen-muc"]'],
      ['value/shape', 'rows[5]["CQS.1.3.denominator"]'],
    ]);
    expect(messageOf(issues[0])).toContain('unit "a"');
    expect(messageOf(issues[0])).toContain('1234.5');
    expect(parsed('id,level,CQS.1.2\nx,commune,"4,5"\n', { locale: 'vi' }).units[0]?.values).toEqual({ 'CQS.1.2': '4.5' });
  });

  it('reports empty id and level cells', () => {
    const issues = issuesOf('id,level,CQS.2.1\n,commune,abc\nx,,true\n');
    expect(brief(issues)).toEqual([['schema/required', 'rows[2].id'], ['value/shape', 'rows[2]["CQS.2.1"]'], ['schema/required', 'rows[3].level']]);
    expect(messageOf(issues[1])).toContain('unit "row 2"');
  });

  it('collects every problem of a file, header first, then by row', () => {
    expect(brief(issuesOf(fixture('many-errors.csv')))).toEqual([
      ['schema/unknown-key', 'header["CQS.9.9"]'],
      ['schema/required', 'header["CQS.1.4.mang-xa-hoi"]'],
      ['schema/required', 'header["CQS.1.4.truyen-thanh"]'],
      ['schema/required', 'header["CQS.1.4.ngay-cds"]'],
      ['value/shape', 'rows[2]["CQS.1.3.denominator"]'],
      ['schema/required', 'rows[3].id'],
      ['value/shape', 'rows[3]["CQS.2.1"]'],
      ['csv/syntax', 'rows[4]'],
    ]);
  });

  it('rejects more rows than a batch may hold', () => {
    const text = `id,level\n${'x,commune\n'.repeat(MAX_UNITS + 1)}`;
    expect(brief(issuesOf(text))).toEqual([['input/too-large', 'rows']]);
  });

  it('returns the issues of an invalid criteria set instead of throwing', () => {
    const broken = { ...criteria, nodes: [] } as unknown as typeof criteria;
    const result = safeParseSubmissionsCsv('id,level\n', broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
  });

  it('leaves value checks to the scorer', () => {
    const submission = parsed('id,level,CQS.1.3.numerator,CQS.1.3.denominator,CQS.1.1,KTS.1.2\nx,commune,20,15,boss,-1\n');
    expect(submission.units[0]?.values).toEqual({ 'CQS.1.3': { numerator: '20', denominator: '15' }, 'CQS.1.1': 'boss', 'KTS.1.2': '-1' });
    const outcome = safeScoreBatch(criteria, submission);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.code)).toEqual(['value/numerator-exceeds-denominator', 'value/unknown-option', 'value/negative']);
    // CQS.3.4 is a department leaf: its cell is read, and the scorer says it does not apply.
    const dept = parsed('id,level,CQS.3.4\nx,commune,2\n');
    const again = safeScoreBatch(criteria, dept);
    expect(again.ok ? [] : again.issues.map((i) => [i.code, i.path])).toEqual([['submission/leaf-not-applicable', 'units[0].values["CQS.3.4"]']]);
  });
});

describe('header mapping and writing helpers', () => {
  it('maps a header', () => {
    const { map, issues } = mapCsvHeader(['id', 'level', 'CQS.1.3.denominator', 'CQS.1.3.numerator', 'appraised:CQS.1.2'], criteria);
    expect(issues).toEqual([]);
    expect(map.unit).toEqual({ id: 0, level: 1 });
    expect(map.leaves).toEqual([
      { target: 'values', code: 'CQS.1.3', input: { type: 'fraction', allowOver: false, zeroDenominator: 'zero' }, numerator: 3, denominator: 2 },
      { target: 'appraised', code: 'CQS.1.2', input: { type: 'number', whole: false, min: undefined, max: undefined, orFraction: true, percent: false }, value: 4 },
    ]);
    expect(csvColumnName('appraised', 'CQS.1.4', { kind: 'item', item: 'qlvb' })).toBe('appraised:CQS.1.4.qlvb');
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('"a;b;c;d",x,y\n')).toBe(',');
    expect(detectDelimiter('a;b,c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc,d\n')).toBe('\t');
    expect(readCsvTable('a;b\n"1;2";3\n').table?.rows[0]?.cells).toEqual(['1;2', '3']);
  });

  it('writes an empty form when there are no units', () => {
    const form = submissionToCsv({ units: [] }, criteria);
    expect(form.split('\n')).toHaveLength(2);
    expect(form).toContain('CQS.1.4.chuyen-muc,CQS.1.4.mang-xa-hoi');
    expect(form).not.toContain('appraised:');
    expect(parsed(form).units).toEqual([]);
  });

  it('writes quoted names and n/a, and reads them back', () => {
    const submission: Submission = {
      units: [
        { id: 'a', name: 'Sở "A", phòng\nB', level: 'department', group: 'A', values: { 'KTS.3.2': 'n/a', 'CQS.1.4': { 'chuyen-muc': true, 'ngay-cds': false }, 'CQS.2.3': 0.004 } },
        { id: 'b', level: 'department', group: 'A', values: { 'CQS.2.3': { numerator: 1, denominator: 200 }, 'CQS.1.4': 'n/a' }, appraised: { 'CQS.2.3': '0.002' } },
      ],
    };
    const csv = submissionToCsv(submission, criteria);
    expect(csv).toContain('"Sở ""A"", phòng\nB"');
    expect(csv.split('\n')[0]).toContain(',CQS.2.3,CQS.2.3.numerator,CQS.2.3.denominator,');
    expect(csv.split('\n')[0]).toMatch(/,appraised:CQS\.2\.3\n?$/);
    expect(parsed(csv).units).toEqual([
      { id: 'a', name: 'Sở "A", phòng\nB', level: 'department', group: 'A', values: { 'CQS.1.4': ['chuyen-muc'], 'CQS.2.3': '0.004', 'KTS.3.2': 'n/a' } },
      { id: 'b', level: 'department', group: 'A', values: { 'CQS.1.4': 'n/a', 'CQS.2.3': { numerator: '1', denominator: '200' } }, appraised: { 'CQS.2.3': '0.002' } },
    ]);
  });

  it('throws, listing every value that has no place in the layout', () => {
    const bad = {
      units: [{ id: 'x', level: 'commune', values: { 'CQS.9.9': 1, CQS: 2, 'CQS.2.1': { yes: true }, 'CQS.1.3': 5, 'CQS.1.4': ['nope'] } }],
    };
    try {
      submissionToCsv(bad, criteria);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DtiError);
      expect(brief((error as DtiError).issues)).toEqual([
        ['submission/unknown-leaf', 'units[0].values["CQS.9.9"]'],
        ['submission/not-a-leaf', 'units[0].values.CQS'],
        ['value/shape', 'units[0].values["CQS.1.3"]'],
        ['value/unknown-item', 'units[0].values["CQS.1.4"]'],
        ['value/shape', 'units[0].values["CQS.2.1"]'],
      ]);
    }
  });
});

describe('properties (fast-check)', () => {
  const plainDecimal = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 27n }), fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }))
    .map(([negative, integer, decimals]) => `${negative ? '-' : ''}${integer}${decimals === undefined ? '' : `.${decimals}`}`);

  it('decimal strings survive Vietnamese (and plain) formatting and parsing exactly', () => {
    fc.assert(
      fc.property(plainDecimal, (decimal) => {
        const vi = formatDecimalCell(decimal, 'vi');
        expect(parseDecimalCell(vi, 'vi')).toBe(decimal);
        expect(readScalarCell(` ${vi} `, 'number', 'vi')).toEqual({ ok: true, value: decimal });
        expect(parseDecimalCell(formatDecimalCell(decimal, 'en'), 'en')).toBe(decimal);
        if (vi.includes('.')) expect(parseDecimalCell(vi, 'en')).not.toBe(decimal);
      }),
      { numRuns: runs * 10 },
    );
  });

  it('a valid batch written as CSV (either locale) and read back scores exactly the same', () => {
    fc.assert(
      fc.property(batchFor(criteria, 6), fc.constantFrom('en' as const, 'vi' as const), fc.constantFrom(',' as const, ';' as const, '\t' as const), (units, locale, delimiter) => {
        const csv = submissionToCsv({ units }, criteria, { locale, delimiter });
        const back = parsed(csv, { locale });
        expect(back.units.map((u) => u.values)).toEqual(units.map((u) => asText(u.values)));
        expect(comparable(scoredOrThrow(criteria, back))).toEqual(comparable(scoredOrThrow(criteria, { criteria: 'can-tho@2022.1.0', units })));
      }),
      { numRuns: runs },
    );
  });
});
