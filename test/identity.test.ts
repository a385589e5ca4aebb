// Identity (spec §10): unit ids (and parent ids, and the codes keying a unit's values) are compared
// after trimming and NFC; empty ids, invisible and control characters and look-alike letters are
// coded errors; ids equal once normalised are duplicates. JSON, CSV and a filled workbook give the
// same outcome for each typed id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idKey, normalizeId, safeNormalizeId, safeParseSubmission, safeScoreBatch, unitSubmissionSchema, type Issue } from '../src/index.js';
import { safeParseSubmissionsCsv } from '../src/csv/index.js';
import { getCriteria } from '../src/sets/index.js';
import { buildTemplate, safeReadWorkbook, safeReadWorkbooks } from '../src/xlsx/index.js';
import { edit, sheet, UNIT } from './fixtures/xlsx/workbook-helpers.js';
import { expectWellFormedIssue } from './support/issues.js';

const NFC = 'ninh-ki\u1EC1u';
const NFD = 'ninh-kie\u0302\u0300u';

function refusedWith(text: string): { code: string; params: Issue['params']; en: string } {
  const result = safeNormalizeId(text, ['units', 0, 'id']);
  expect(result.ok, JSON.stringify(text)).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(result.issues).toHaveLength(1);
  const [issue] = result.issues;
  expectWellFormedIssue(issue!);
  expect(issue!.path).toBe('units[0].id');
  return { code: issue!.code, params: issue!.params, en: issue!.message.en };
}

describe('safeNormalizeId', () => {
  it('compares after NFC and trimming: NFD accents, spaces, tabs, no-break and ideographic spaces around', () => {
    expect(NFC).not.toBe(NFD);
    for (const typed of [NFC, NFD, ` ${NFD}`, `${NFC}\t`, `\u00a0${NFC}\u3000`, `\r\n${NFD}\n`]) expect(safeNormalizeId(typed)).toEqual({ ok: true, value: NFC });
    expect(normalizeId('Phường-1')).toBe('Phường-1');
    expect(idKey('  a  ')).toBe('a');
  });

  it('accepts ASCII letters and digits, every Vietnamese letter with its tone marks, "-", "_" and "."', () => {
    const vietnamese = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
    for (const id of [vietnamese, vietnamese.toUpperCase(), 'fjwz-FJWZ_0123456789.x', 'CQS.1.2', 'u1']) expect(safeNormalizeId(id)).toEqual({ ok: true, value: id });
  });

  it('refuses an id empty once trimmed', () => {
    for (const typed of ['', ' ', '\t\n', '\u00a0', '\u3000']) expect(refusedWith(typed).code).toBe('id/empty');
  });

  it('refuses invisible and control characters anywhere, naming them (zero-width, BOM, bidi marks, C0/C1)', () => {
    const cases: [string, string, string][] = [
      ['u1\u200b', 'U+200B', 'zero-width space'],
      ['u\u200c1', 'U+200C', 'zero-width non-joiner'],
      ['u\u200d1', 'U+200D', 'zero-width joiner'],
      ['u\u20601', 'U+2060', 'word joiner'],
      ['\ufeffu1', 'U+FEFF', 'byte order mark'],
      ['u1\ufeff', 'U+FEFF', 'byte order mark'],
      ['u\u00ad1', 'U+00AD', 'soft hyphen'],
      ['\u200eu1', 'U+200E', 'direction mark'],
      ['u1\u200f', 'U+200F', 'direction mark'],
      ['u\u061c1', 'U+061C', 'direction mark'],
      ['u\u202e1', 'U+202E', 'bidi control'],
      ['u\u20661', 'U+2066', 'bidi control'],
      ['u\u00001', 'U+0000', 'control character'],
      ['u\t1', 'U+0009', 'control character'],
      ['u\u007f1', 'U+007F', 'control character'],
      ['u1\u0085', 'U+0085', 'control character'],
      ['u\u009f1', 'U+009F', 'control character'],
      ['u\u20281', 'U+2028', 'invisible character'],
      ['u\ufe0f1', 'U+FE0F', 'invisible character'],
      ['u\u{e0041}1', 'U+E0041', 'invisible character'],
    ];
    for (const [typed, character, name] of cases) {
      const refused = refusedWith(typed);
      expect(refused.code, JSON.stringify(typed)).toBe('id/invisible');
      expect(refused.params).toEqual({ id: typed, character });
      expect(refused.en).toContain(name);
      expect(refused.en).toContain(`[${character}]`);
    }
  });

  it('refuses look-alikes and every other character, naming it and its code point', () => {
    const cases: [string, string, string][] = [
      ['\u0430n-binh', '\u0430', 'U+0430'], // Cyrillic а
      ['\u00d0\u1ed3ng-th\u00e1p', '\u00d0', 'U+00D0'], // Icelandic Ð for Đ
      ['h\u03bfa', '\u03bf', 'U+03BF'], // Greek ο
      ['\uff55\uff11', '\uff55', 'U+FF55'], // full width
      ['ninh kieu', ' ', 'U+0020'],
      ['ninh\u00a0kieu', '\u00a0', 'U+00A0'],
      ['a/b', '/', 'U+002F'],
      ['a@b', '@', 'U+0040'],
      ['caf\u00e9\u0301', '\u00e9\u0301'.normalize('NFC').slice(1), 'U+0301'], // a second accent that does not compose
      ['\u{1f600}', '\u{1f600}', 'U+1F600'],
      ['x\ud800', '\ud800', 'U+D800'],
    ];
    for (const [typed, character, codePoint] of cases) {
      const refused = refusedWith(typed);
      expect(refused.code, JSON.stringify(typed)).toBe('id/character');
      expect(refused.params).toEqual({ id: typed, character, codePoint });
    }
  });

  it('property: an accepted id is its own normal form, holds only allowed characters, and every spelling of it reads the same', () => {
    const letters = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ019-_.', 'ề', 'ự', 'Ỹ', 'ả', ' ', '\u200b', '\u0430', '\u0300', '\u00a0', '\t');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 12 }).map((parts) => parts.join('')), (typed) => {
        const result = safeNormalizeId(typed);
        if (!result.ok) return;
        expect(result.value).toBe(idKey(typed));
        expect(idKey(result.value)).toBe(result.value);
        expect(result.value).toMatch(/^[A-Za-z0-9._\-\u00c0-\u1ef9]+$/u);
        expect(safeNormalizeId(` ${result.value.normalize('NFD')}\u00a0`)).toEqual(result);
      }),
      { numRuns: 2_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The same outcome in JSON, CSV and a filled workbook.

const criteria = getCriteria('can-tho@2022.1.0');

/** What scoring one commune with `id` gives: its id in the results, or the issue codes with their paths' last step. */
type Outcome = { readonly id: string } | { readonly codes: readonly string[] };

function outcomeOf(result: ReturnType<typeof safeScoreBatch>): Outcome {
  if (!result.ok) return { codes: result.issues.map((issue) => issue.code) };
  return { id: result.value.results.map((r) => r.unit).join(' | ') };
}

function viaJson(ids: readonly string[]): Outcome {
  return outcomeOf(safeScoreBatch(criteria, { units: ids.map((id) => ({ id, level: 'commune', parent: 'ninh-kieu', values: { 'CQS.2.1': true } })) }));
}

function viaCsv(ids: readonly string[]): Outcome {
  const csv = `id,level,parent,CQS.2.1\n${ids.map((id) => `"${id}",commune,ninh-kieu,có`).join('\n')}\n`;
  const parsed = safeParseSubmissionsCsv(csv, criteria);
  if (!parsed.ok) return { codes: parsed.issues.map((issue) => issue.code) };
  return outcomeOf(safeScoreBatch(criteria, parsed.value));
}

async function workbookFor(id: string): Promise<Uint8Array> {
  const template = await buildTemplate(criteria, { level: 'commune', unit: { id: 'placeholder', name: 'Phường An Bình' }, period: '2022' });
  // The id typed into the identity sheet's id cell, as a person would.
  return edit(template, (workbook) => void (sheet(workbook, UNIT).getCell('B4').value = id));
}

async function viaWorkbooks(ids: readonly string[]): Promise<Outcome> {
  const files = await Promise.all(ids.map(async (id, i) => ({ name: `${i}.xlsx`, bytes: await workbookFor(id) })));
  const read = ids.length === 1 ? await safeReadWorkbook(files[0]!.bytes, { criteria, name: files[0]!.name }) : await safeReadWorkbooks(files, { criteria });
  if (!read.ok) return { codes: read.issues.map((issue) => issue.code) };
  const units = 'unit' in read.value ? [read.value.unit] : read.value.units;
  return outcomeOf(safeScoreBatch(criteria, { units }));
}

const CASES: readonly { readonly typed: readonly string[]; readonly outcome: Outcome }[] = [
  { typed: [NFC], outcome: { id: NFC } },
  { typed: [NFD], outcome: { id: NFC } },
  { typed: [' u1 '], outcome: { id: 'u1' } },
  { typed: ['u1\u00a0'], outcome: { id: 'u1' } },
  { typed: ['u1\u200b'], outcome: { codes: ['id/invisible'] } },
  { typed: ['\ufeffu1'], outcome: { codes: ['id/invisible'] } },
  { typed: ['u\u202e1'], outcome: { codes: ['id/invisible'] } },
  { typed: ['\u0430n-binh'], outcome: { codes: ['id/character'] } },
  { typed: ['\u00d0\u1ed3ng'], outcome: { codes: ['id/character'] } },
  { typed: ['an binh'], outcome: { codes: ['id/character'] } },
  { typed: [NFC, NFD], outcome: { codes: ['submission/duplicate-unit'] } },
  { typed: ['u1', 'u1 '], outcome: { codes: ['submission/duplicate-unit'] } },
  { typed: ['u1', 'u2'], outcome: { id: 'u1 | u2' } },
];

describe('one outcome per typed id in JSON, CSV and a filled workbook', () => {
  it.each(CASES.map((c) => [JSON.stringify(c.typed), c] as const))('%s', async (_name, { typed, outcome }) => {
    expect(viaJson(typed)).toEqual(outcome);
    expect(viaCsv(typed)).toEqual(outcome);
    expect(await viaWorkbooks(typed)).toEqual(outcome);
  });

  it('an id of a single space is id/empty in JSON, CSV and workbooks alike; an empty cell is schema/required', async () => {
    expect(viaJson([' '])).toEqual({ codes: ['id/empty'] });
    expect(viaCsv([' '])).toEqual({ codes: ['id/empty'] });
    expect(await viaWorkbooks([' '])).toEqual({ codes: ['id/empty'] });
    expect(viaCsv([''])).toEqual({ codes: ['schema/required'] });
  });

  it('issues point at the id: units[i].id, the CSV cell, the workbook cell', async () => {
    const json = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', values: {} }, { id: 'u1\u200b', level: 'commune', values: {} }] });
    expect(json.ok ? [] : json.issues.map((i) => i.path)).toEqual(['units[1].id']);
    const csv = safeParseSubmissionsCsv('id,level\nu1,commune\nu1\u200b,commune\n', criteria);
    expect(csv.ok ? [] : csv.issues.map((i) => i.path)).toEqual(['rows[3].id']);
    const book = await safeReadWorkbook(await workbookFor('u1\u200b'), { criteria, name: 'form.xlsx' });
    expect(book.ok ? [] : book.issues.map((i) => [i.path, i.cell])).toEqual([[`form.xlsx!${UNIT}!B4`, `${UNIT}!B4`]]);
  });
});

describe('parents and codes follow the same rules', () => {
  it('a parent id is normalised, or refused at units[i].parent / the CSV cell', () => {
    const ok = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', parent: ` ${NFD} `, values: {} }] });
    expect(ok.ok && ok.value.results[0]?.parent).toBe(NFC);
    const bad = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', parent: 'x\u200b', values: {} }] });
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['id/invisible units[0].parent']);
    const csv = safeParseSubmissionsCsv('id,level,parent\nu1,commune,"\u0430"\n', criteria);
    expect(csv.ok ? [] : csv.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['id/character rows[2].parent']);
  });

  it('codes keying values are trimmed; two keys equal once trimmed are submission/duplicate-code; an invisible one is refused', () => {
    const spaced = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', values: { ' CQS.2.1 ': true }, appraised: { 'CQS.2.1\t': false } }] });
    expect(spaced.ok && [spaced.value.results[0]?.nodes['CQS.2.1']?.selfPoints, spaced.value.results[0]?.nodes['CQS.2.1']?.points]).toEqual(['15.00', '0.00']);
    const twice = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', values: { 'CQS.2.1': true, 'CQS.2.1 ': false } }] });
    expect(twice.ok ? [] : twice.issues.map((i) => `${i.code} ${i.path} ${JSON.stringify(i.params)}`)).toEqual(['submission/duplicate-code units[0].values["CQS.2.1 "] {"key":"CQS.2.1","first":"CQS.2.1"}']);
    const hidden = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', values: { 'CQS.2.1\u200b': true } }] });
    expect(hidden.ok ? [] : hidden.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['id/invisible units[0].values["CQS.2.1\u200b"]']);
    // Other unknown codes stay unknown leaves (the set knows its codes).
    const unknown = safeScoreBatch(criteria, { units: [{ id: 'u1', level: 'commune', values: { 'CQS 2.1': true } }] });
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.code)).toEqual(['submission/unknown-leaf']);
  });

  it('the public unit schema refuses what the readers refuse; safeParseSubmission hands back the normalised batch, never changing its input', () => {
    expect(unitSubmissionSchema.safeParse({ id: 'u1\u200b', level: 'commune', values: {} }).success).toBe(false);
    expect(unitSubmissionSchema.safeParse({ id: ' u1 ', level: 'commune', values: {} }).success).toBe(true);
    const input = { units: [{ id: ` ${NFD}`, level: 'commune', values: { 'CQS.2.1 ': true } }] };
    const copy = structuredClone(input);
    const parsed = safeParseSubmission(input);
    expect(parsed.ok && parsed.value.units[0]).toEqual({ id: NFC, level: 'commune', values: { 'CQS.2.1': true } });
    expect(input).toEqual(copy);
    const clean = { units: [{ id: 'u1', level: 'commune', values: {} }] };
    expect(safeParseSubmission(clean)).toEqual({ ok: true, value: clean });
    expect(safeParseSubmission(clean).ok && (safeParseSubmission(clean) as { value: unknown }).value).toBe(clean);
  });
});

describe('option and item ids typed with spaces (spec section 10: compared trimmed and in NFC)', () => {
  it('read the same in JSON as in CSV and workbooks; two spellings of one item are a duplicate', async () => {
    const { safeScoreBatch } = await import('../src/index.js');
    const { getCriteria } = await import('../src/sets/index.js');
    const set = getCriteria('can-tho@2022.1.0');
    const unit = (values: Record<string, unknown>): unknown => ({ units: [{ id: 'x', level: 'commune', values }] });
    const points = (values: Record<string, unknown>, code: string): string | null | undefined => {
      const outcome = safeScoreBatch(set, unit(values));
      return outcome.ok ? outcome.value.results[0]?.nodes[code]?.points : undefined;
    };
    expect(points({ 'CQS.4.2': 'kiem-nhiem' }, 'CQS.4.2')).toMatch(/^\d+\.\d+$/);
    expect(points({ 'CQS.1.4': ['chuyen-muc', 'mang-xa-hoi'] }, 'CQS.1.4')).toMatch(/^\d+\.\d+$/);
    expect(points({ 'CQS.4.2': ' kiem-nhiem ' }, 'CQS.4.2')).toBe(points({ 'CQS.4.2': 'kiem-nhiem' }, 'CQS.4.2'));
    expect(points({ 'CQS.1.4': [' chuyen-muc', 'mang-xa-hoi '] }, 'CQS.1.4')).toBe(points({ 'CQS.1.4': ['chuyen-muc', 'mang-xa-hoi'] }, 'CQS.1.4'));
    expect(points({ 'CQS.1.4': { ' chuyen-muc ': true } }, 'CQS.1.4')).toBe(points({ 'CQS.1.4': { 'chuyen-muc': true } }, 'CQS.1.4'));
    const twice = safeScoreBatch(set, unit({ 'CQS.1.4': { 'chuyen-muc': true, 'chuyen-muc ': false } }));
    expect(twice.ok ? [] : twice.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['value/duplicate-item units[0].values["CQS.1.4"]["chuyen-muc "]']);
    const unknown = safeScoreBatch(set, unit({ 'CQS.4.2': 'kiem nhiem' }));
    expect(unknown.ok ? [] : unknown.issues.map((i) => i.code)).toEqual(['value/unknown-option']);
  });
});
