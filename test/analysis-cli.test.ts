// `dti export`: results (or a submission, scored first) as a CSV table.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dti, dtiAsync } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dti-export-'));
const SUBMISSIONS = 'examples/can-tho-2022/submissions.json';

/** `dti score --format json` of the examples, written to a file (with `--keep-inputs` when asked). */
function results(name: string, ...flags: string[]): string {
  const scored = dti('score', SUBMISSIONS, '--format', 'json', ...flags);
  expect(scored.code).toBe(0);
  const file = join(dir, name);
  writeFileSync(file, scored.out);
  return file;
}

const rowsOf = (csv: string, delimiter = ','): Record<string, string>[] => parse(csv.replace(/^\uFEFF/, ''), { columns: true, delimiter }) as Record<string, string>[];

describe('dti export', () => {
  it('scores a submission and writes one row per unit, with the values given, points and status', async () => {
    const { code, out, err } = await dtiAsync('export', SUBMISSIONS);
    expect(code).toBe(0);
    expect(err).toContain('can-tho@2022.1.0');
    const rows = rowsOf(out);
    expect(rows).toHaveLength(47);
    const first = rows[0]!;
    expect([first.unit, first['CQS.1.3.input.numerator'], first['CQS.1.3.input.denominator'], first['CQS.1.3.points'], first['CQS.1.3.status']]).toEqual(['so-tttt', '6', '7', '17.14', 'scored']);
    expect([first['KTS.3.2.input.numerator'], first['KTS.3.2.input.denominator'], first['KTS.3.2.points'], first['KTS.3.2.status']]).toEqual(['', '', '', 'not-applicable']);
    expect(out.startsWith('unit,name,level,group,parent,points,maxPoints,index,rating,ratingName,rank,rankInParent,')).toBe(true);
  });

  it('gives the same table from a results file kept with --keep-inputs as from the submission', async () => {
    const file = results('kept.json', '--keep-inputs');
    const fromResults = await dtiAsync('export', file, '--shape', 'long');
    const fromSubmission = await dtiAsync('export', SUBMISSIONS, '--shape', 'long');
    expect(fromResults.code).toBe(0);
    expect(fromResults.out).toBe(fromSubmission.out);
    expect(rowsOf(fromResults.out).length).toBeGreaterThan(47 * 40);
  });

  it('exports figures only from results without inputs, and says why it cannot export inputs', async () => {
    const file = results('plain.json');
    const plain = await dtiAsync('export', file, '--values', 'points,maxPoints,index', '--nodes', 'aggregates');
    expect(plain.code).toBe(0);
    const header = plain.out.split('\r\n')[0]!.split(',');
    expect(header).toContain('CQS.index');
    expect(header.some((name) => name.endsWith('.input') || name.startsWith('CQS.1.1.'))).toBe(false);
    const inputs = await dtiAsync('export', file, '--values', 'input,points');
    expect(inputs.code).toBe(1);
    expect(inputs.err).toContain('[analysis/no-inputs]');
  });

  it('--locale vi writes what a Vietnamese Excel opens: a BOM, semicolons, decimal commas; --out writes the file', async () => {
    const out = join(dir, 'vi.csv');
    const { code, err } = await dtiAsync('export', SUBMISSIONS, '--locale', 'vi', '--lang', 'vi', '--values', 'points', '--out', out);
    expect(code).toBe(0);
    expect(err).toContain(`đã ghi bảng / table written: ${out} (47 dòng / rows`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFunit;name;')).toBe(true);
    const first = rowsOf(text, ';')[0]!;
    expect([first.points, first.index, first.ratingName]).toEqual(['878,53', '0,9346', 'Xuất sắc']);
  });

  it('refuses unknown values, an --out that is the input, and a results file that does not add up', async () => {
    const bad = await dtiAsync('export', SUBMISSIONS, '--values', 'points,score');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--values "score"');
    expect((await dtiAsync('export', SUBMISSIONS, '--out', SUBMISSIONS)).code).toBe(2);
    const file = results('edited.json');
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.results[0].points = '999.00';
    writeFileSync(file, JSON.stringify(edited));
    const refused = await dtiAsync('export', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[results/inconsistent]');
  });
});
