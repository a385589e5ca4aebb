// The golden catalogue of typed inputs (test/golden/typed-inputs.json) through JSON, CSV (--locale vi)
// and a filled workbook; test-e2e/portal.e2e.test.ts runs the same catalogue through the portal form.
// Each outcome is the right value or a coded error at the leaf: never a silently different number.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExact, safeParseSubmissionJson, safeScoreBatch, type Issue, type Submission } from '../src/index.js';
import { safeParseSubmissionsCsv } from '../src/csv/index.js';
import { getCriteria } from '../src/sets/index.js';
import { buildTemplate, safeReadWorkbooks } from '../src/xlsx/index.js';
import { UNIT_CELLS } from '../src/xlsx/layout.js';
import { edit, FORM, put, sheet, UNIT } from './fixtures/xlsx/workbook-helpers.js';
import { dti } from './support/cli.js';
import { encodeTcvn3, encodeWindows1258 } from './support/legacy-encoders.js';

interface Outcome { readonly value?: string; readonly code?: string }
interface NumberCase { readonly title: string; readonly leaf: string; readonly typed: string; readonly json: Outcome; readonly csv: Outcome; readonly workbook: Outcome; readonly portal: Outcome }
interface IdCase { readonly title: string; readonly typed: string; readonly id?: string; readonly code?: string }

const catalogue = JSON.parse(readFileSync(new URL('golden/typed-inputs.json', import.meta.url), 'utf8')) as {
  criteria: string; level: string; numbers: NumberCase[]; ids: IdCase[];
};
const criteria = getCriteria(catalogue.criteria);
const LEVEL = catalogue.level;

/** What a surface made of the input: the submission it read (then scored), or its issues. */
type Reading = { readonly ok: true; readonly submission: Submission } | { readonly ok: false; readonly issues: readonly Issue[] };

const viaJson = (values: Record<string, unknown>, id = 'u1'): Reading => {
  const parsed = safeParseSubmissionJson(JSON.stringify({ units: [{ id, level: LEVEL, values }] }));
  return parsed.ok ? { ok: true, submission: parsed.value } : { ok: false, issues: parsed.issues };
};

const viaCsv = (header: string, cells: string): Reading => {
  const parsed = safeParseSubmissionsCsv(`id;level;${header}\n${cells}\n`, criteria, { locale: 'vi', delimiter: ';' });
  return parsed.ok ? { ok: true, submission: parsed.value } : { ok: false, issues: parsed.issues };
};

async function viaWorkbook(fill: (book: Awaited<ReturnType<typeof import('./fixtures/xlsx/workbook-helpers.js').open>>) => void): Promise<Reading> {
  const template = await buildTemplate(criteria, { level: LEVEL, unit: { id: 'u1', name: 'Phường thử' } });
  const bytes = await edit(template, fill);
  const batch = await safeReadWorkbooks([{ name: 'u1.xlsx', bytes }], { criteria });
  return batch.ok ? { ok: true, submission: batch.value } : { ok: false, issues: batch.issues };
}

/** The reading scored: the issues of the whole path (reading, then scoring), or the leaf's value as read. */
function outcomeOf(reading: Reading, leaf: string): { value?: unknown; issues: readonly Issue[] } {
  if (!reading.ok) return { issues: reading.issues };
  const scored = safeScoreBatch(criteria, reading.submission);
  if (!scored.ok) return { issues: scored.issues };
  return { value: reading.submission.units[0]?.values[leaf], issues: [] };
}

function expectOutcome(actual: { value?: unknown; issues: readonly Issue[] }, expected: Outcome, leaf: string, where: string): void {
  if (expected.code !== undefined) {
    expect(actual.issues.map((i) => i.code), where).toEqual([expected.code]);
    const issue = actual.issues[0]!;
    expect(issue.node ?? issue.path, `${where}: the issue names the leaf (${issue.path})`).toContain(leaf);
    return;
  }
  expect(actual.issues.map((i) => `${i.code} ${i.path}`), where).toEqual([]);
  const read = readExact(actual.value as string);
  expect(read?.eq(readExact(expected.value!)!), `${where}: read ${String(actual.value)}, expected ${expected.value}`).toBe(true);
}

describe('typed numbers: the right value or a coded error at the leaf, in every surface', () => {
  it.each(catalogue.numbers)('$title ($leaf "$typed")', async (entry) => {
    const { leaf, typed } = entry;
    expectOutcome(outcomeOf(viaJson({ [leaf]: typed }), leaf), entry.json, leaf, 'JSON');
    expectOutcome(outcomeOf(viaCsv(leaf, `u1;${LEVEL};${typed}`), leaf), entry.csv, leaf, 'CSV --locale vi');
    const workbook = await viaWorkbook((book) => { put(sheet(book, FORM), leaf, 'F', typed); });
    expectOutcome(outcomeOf(workbook, leaf), entry.workbook, leaf, 'workbook');
  });

  it('a workbook number stored by the spreadsheet is never read as typed text', async () => {
    const reading = await viaWorkbook((book) => { put(sheet(book, FORM), 'KTS.1.2', 'F', 1000); });
    expectOutcome(outcomeOf(reading, 'KTS.1.2'), { value: '1000' }, 'KTS.1.2', 'workbook');
  });
});

describe('typed unit ids (spec §10): the same id, or a coded error, in every surface', () => {
  it.each(catalogue.ids)('$title', async (entry) => {
    const readings: [string, Reading][] = [
      ['JSON', viaJson({}, entry.typed)],
      ['CSV --locale vi', viaCsv('CQS.2.1', `${entry.typed};${LEVEL};có`)],
      ['workbook', await viaWorkbook((book) => { sheet(book, UNIT).getCell(UNIT_CELLS.id).value = entry.typed; })],
    ];
    for (const [where, reading] of readings) {
      if (entry.code !== undefined) {
        expect(reading.ok ? [] : reading.issues.map((i) => i.code), where).toEqual([entry.code]);
        continue;
      }
      if (!reading.ok) throw new Error(`${where}: ${reading.issues.map((i) => `${i.code} ${i.path}`).join('; ')}`);
      const scored = safeScoreBatch(criteria, reading.submission);
      expect(scored.ok && scored.value.results[0]?.unit, where).toBe(entry.id);
    }
  });
});

describe('a key given twice: refused in each surface, never the last one kept', () => {
  it('JSON, CSV, workbook', async () => {
    const json = safeParseSubmissionJson(`{"units":[{"id":"u1","level":"${LEVEL}","values":{"CQS.2.1":true,"CQS.2.1":false}}]}`);
    expect(json.ok ? [] : json.issues.map((i) => i.code)).toEqual(['json/duplicate-key']);
    const csv = viaCsv('CQS.2.1;CQS.2.1', `u1;${LEVEL};có;không`);
    expect(csv.ok ? [] : csv.issues.map((i) => i.code)).toEqual(['csv/duplicate-column']);
    const workbook = await viaWorkbook((book) => {
      const form = sheet(book, FORM);
      const row = form.rowCount + 2;
      form.getCell(`A${row}`).value = 'CQS.2.1';
      form.getCell(`F${row}`).value = 'không';
    });
    expect(workbook.ok ? [] : workbook.issues.map((i) => i.code)).toEqual(['xlsx/duplicate-row']);
  });
});

describe('a file in another encoding: refused naming it, as JSON and as CSV alike', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-typed-'));
  const jsonText = JSON.stringify({ units: [{ id: 'phuong-an-binh', name: 'Phường An Bình', level: LEVEL, values: {} }] });
  const csvText = `id;name;level\nphuong-an-binh;Phường An Bình;${LEVEL}\n`;
  const utf16 = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  it.each([
    ['UTF-16LE', utf16, 'UTF-16LE'],
    ['Windows-1258', encodeWindows1258, 'Windows-1258'],
    ['TCVN3', encodeTcvn3, 'TCVN3'],
  ] as const)('%s', (_name, encode, named) => {
    for (const [file, text, extra] of [['units.json', jsonText, []], ['units.csv', csvText, ['--locale', 'vi']]] as const) {
      writeFileSync(join(dir, file), encode(text));
      const run = dti('score', join(dir, file), '--criteria', catalogue.criteria, ...extra);
      expect(run.code, `${file}: ${run.err}`).not.toBe(0);
      expect(run.err, file).toContain('[input/encoding]');
      expect(run.err, file).toContain(named);
    }
  });
});
