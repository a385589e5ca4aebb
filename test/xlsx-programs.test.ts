// Workbooks as other programs write them (issue #12, item 1): the fixtures of test/fixtures/xlsx/programs/
// (made by make.ts from the template: filled with exceljs, and the empty template filled cell by cell by
// openpyxl, which rewrites the whole package its own way) read into the same unit and score exactly as the
// same values given as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { safeReadWorkbook } from '../src/xlsx/index.js';
import { comparable, scoredOrThrow } from './support/reports.js';

const criteria = getCriteria('can-tho@2022.1.0');
const folder = new URL('fixtures/xlsx/programs/', import.meta.url);
const example = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
const unit = example.units.find((entry) => entry.id === 'phuong-cai-khe')!;
const fixtures = readdirSync(folder).filter((name) => name.endsWith('.xlsx')).sort();

describe('workbooks written by other programs', () => {
  it('has a fixture from each program the make script drives', () => {
    expect(fixtures).toEqual(['exceljs.xlsx', 'openpyxl.xlsx']);
  });

  it.each(fixtures)('%s reads into the same unit and scores as the JSON', async (name) => {
    const read = await safeReadWorkbook(readFileSync(new URL(name, folder)), { criteria, name });
    if (!read.ok) throw new Error(read.issues.map((i) => `${i.path}: ${i.message.en} [${i.code}]`).join('\n'));
    expect(read.value.unit.id).toBe(unit.id);
    const json = scoredOrThrow(criteria, { period: '2022', units: [unit] });
    const workbook = scoredOrThrow(criteria, { period: '2022', units: [read.value.unit] });
    expect(comparable(workbook)).toEqual(comparable(json));
  });
});
