import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { dti } from './support/cli.js';


const dir = mkdtempSync(join(tmpdir(), 'dti-cli-'));
const write = (name: string, content: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('dti validate', () => {
  it('accepts both embedded sets', () => {
    for (const file of ['criteria/can-tho/2022.1.0.json', 'criteria/vn-dti-province/2022.1.0.json']) {
      const { code, out } = dti('validate', file);
      expect(code).toBe(0);
      expect(out).toContain('valid');
    }
    expect(JSON.parse(dti('validate', 'criteria/can-tho/2022.1.0.json', '--format', 'json').out)).toEqual({ errors: [] });
  });

  it('prints every problem as "path: message [code]" and exits 1', () => {
    const file = write('bad.json', { format: 1, id: 'Bad Id', version: '2022.1', status: 'draft' });
    const { code, err } = dti('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: id: `);
    expect(err).toMatch(/: id: .+ \[schema\/format\]$/m);
    expect(err).toMatch(/: version: .+ \[schema\/version\]$/m);
    expect(err).toMatch(/: title: .+ \[schema\/required\]$/m);
  });

  it('--format json prints { errors: [{ code, path, segments, params, message: { vi, en } }] }', () => {
    const file = write('bad2.json', '{ "format": 1, ');
    const { code, out } = dti('validate', file, '--format', 'json');
    expect(code).toBe(1);
    const parsed = JSON.parse(out) as { errors: { code: string; path: string; message: { vi: string; en: string } }[] };
    expect(parsed.errors[0]).toMatchObject({ code: 'json/syntax', path: '$', segments: [], params: { detail: expect.any(String) } });
    expect(Object.keys(parsed.errors[0]!)).toEqual(['code', 'path', 'segments', 'params', 'file', 'message']);
    expect(parsed.errors[0]).toMatchObject({ file });
    expect(parsed.errors[0]!.message.vi).toMatch(/^JSON không hợp lệ: /);
    expect(parsed.errors[0]!.message.en).toMatch(/^malformed JSON: /);
  });

  it('reports a missing file with a code', () => {
    const { code, err } = dti('validate', join(dir, 'nope.json'));
    expect(code).toBe(1);
    expect(err).toContain('[input/read]');
  });
});

describe('dti score', () => {
  it('prints the ranking table of the examples, grouped by level', () => {
    const { code, out } = dti('score', 'examples/can-tho-2022/submissions.json');
    expect(code).toBe(0);
    expect(out).toContain('UBND quận, huyện (9)');
    expect(out).toContain('Sở, ban, ngành · nhóm A: Có dịch vụ công, đánh giá 3 trụ cột (13)');
    expect(out).toContain('CQS Chính quyền số · KTS Kinh tế số · XHS Xã hội số');
    expect(out).toContain('Quận Ninh Kiều');
    expect(out).toMatch(/Hạng\s+Đơn vị\s+Điểm/);
    // Vietnamese figures: a decimal comma and thousands dots; ratings by name.
    expect(out).toMatch(/ 1 {2}Sở Thông tin và Truyền thông\s+878,53\s+940,00\s+0,9346\s+Xuất sắc\s+0,9327\s+0,9286\s+0,9447/);
    expect(out).toMatch(/Sở Nông nghiệp và Phát triển nông thôn\s+705,31\s+1\.000,00\s+0,7053/);
    expect(out).not.toMatch(/\d\.\d{2}\b(?!\.)/);
  });

  it('shows self-assessed points and the difference in a block with an appraised unit', () => {
    const { out } = dti('score', 'examples/can-tho-2022/submissions.json');
    expect(out).toMatch(/XHS\s+Tự đánh giá\s+Chênh lệch\n/);
    expect(out).toMatch(/18 {2}Xã Giai Xuân\s+564,24 .* 611,64\s+-47,40\n/);
    expect(out).toMatch(/1 {2}Phường Xuân Khánh .*—\s+—\n/);
  });

  it('--format json follows spec section 8', () => {
    const { code, out } = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['format', 'criteria', 'generator', 'input', 'period', 'results', 'rejected', 'warnings']);
    expect(report.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.format).toBe(1);
    expect(report.generator).toEqual({ name: 'dti-criteria', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.warnings).toEqual([]);
    expect(report.criteria).toMatchObject({ id: 'can-tho', version: '2022.1.0' });
    expect(report.criteria.sha256).toMatch(/^[0-9a-f]{64}$/);
    const first = report.results[0];
    expect(Object.keys(first).slice(0, 7)).toEqual(['unit', 'name', 'level', 'group', 'parent', 'input', 'points']);
    expect(first.points).toMatch(/^\d+\.\d{2}$/);
    expect(first.index).toMatch(/^\d\.\d{4}$/);
  });

  it('--format csv prints one row per unit', () => {
    const { code, out } = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines[0]).toMatch(/^unit,name,level,group,parent,points,maxPoints,index,rating,rank/);
    expect(lines).toHaveLength(48);
  });

  it('--format csv neutralises text a spreadsheet would run as a formula; numbers stay numbers', () => {
    const file = write('names.json', {
      criteria: 'can-tho@2022.1.0',
      units: [
        { id: 'a', name: '=HYPERLINK("http://x","bấm vào đây")', level: 'commune', values: { 'CQS.6.4': 10 }, appraised: { 'CQS.6.4': 8.5 } },
        { id: 'b', name: '@SUM(1)', level: 'commune', values: {} },
        { id: 'c', name: 'Phường Cái Khế', level: 'commune', values: {} },
      ],
    });
    const { code, out } = dti('score', file, '--format', 'csv');
    expect(code).toBe(0);
    const rows = parse(out) as string[][];
    expect(out).toContain('"\'=HYPERLINK(""http://x"",""bấm vào đây"")"');
    expect(rows.find((row) => row[0] === 'b')?.[1]).toBe("'@SUM(1)");
    expect(rows.find((row) => row[0] === 'c')?.[1]).toBe('Phường Cái Khế');
    const header = rows[0]!;
    expect(rows.find((row) => row[0] === 'a')?.[header.indexOf('difference')]).toBe('-1.50'); // a negative number is not a formula
  });

  it('--format csv --locale vi opens right in a Vietnamese Excel: BOM, semicolons, decimal commas', () => {
    const { code, out } = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'csv', '--locale', 'vi');
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFFunit;name;level;group;parent;points;maxPoints;index')).toBe(true);
    const first = out.slice(1).split('\r\n')[1]!.split(';');
    expect(first[5]).toMatch(/^\d+,\d{2}$/);
    expect(first[7]).toMatch(/^0,\d{4}$/);
  });

  it('exits 1 with every problem on invalid input, as JSON under --format json', () => {
    const file = write('sub.json', {
      criteria: 'can-tho@2022.1.0',
      units: [
        { id: 'a', level: 'commune', values: { 'CQS.1.3': { numerator: 5, denominator: 3 }, 'NOPE.1': 1 } },
        { id: 'a', level: 'department', values: {} },
      ],
    });
    const { code, out } = dti('score', file, '--format', 'json');
    expect(code).toBe(1);
    const codes = (JSON.parse(out) as { errors: { code: string }[] }).errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['value/numerator-exceeds-denominator', 'submission/unknown-leaf', 'submission/duplicate-unit', 'submission/group-required']));
  });

  it('--skip-invalid scores the valid units and lists the rejected ones', () => {
    const file = write('sub2.json', {
      units: [
        { id: 'ok', level: 'commune', values: { 'CQS.4.2': 'kiem-nhiem' } },
        { id: 'bad', level: 'commune', values: { 'CQS.4.2': 'nobody' } },
      ],
    });
    const { code, out, err } = dti('score', file, '--format', 'json', '--skip-invalid');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.results.map((r: { unit: string }) => r.unit)).toEqual(['ok']);
    expect(report.rejected[0].unit).toBe('bad');
    expect(err).toContain('bad');
  });

  it('uses --criteria over the submission field, with a warning', () => {
    const file = write('sub3.json', { criteria: 'can-tho@2022.1.0', units: [] });
    const { code, err } = dti('score', file, '--criteria', 'criteria/can-tho/2022.1.0.json');
    expect(code).toBe(0);
    expect(err).toBe('bộ tiêu chí / criteria: can-tho@2022.1.0 (tệp / file criteria/can-tho/2022.1.0.json)\n');
    const other = dti('score', file, '--criteria', 'vn-dti-province');
    expect(other.code).toBe(0);
    expect(other.err).toContain('warning');
    expect(other.err).toContain('[submission/criteria-mismatch]');
    const json = JSON.parse(dti('score', file, '--criteria', 'vn-dti-province', '--format', 'json').out);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['submission/criteria-mismatch']);
  });

  it('exits 1 on unknown criteria and on malformed JSON', () => {
    expect(dti('score', write('s4.json', { units: [] }), '--criteria', 'nowhere@1.0.0').code).toBe(1);
    expect(dti('score', write('s5.json', '{')).err).toContain('[json/syntax]');
  });
});

describe('usage', () => {
  it('prints help, version, and exits 2 on usage errors', () => {
    expect(dti('--help').out).toContain('  score ');
    expect(dti('--version').out).toBe('0.0.0-test\n');
    expect(dti().code).toBe(2);
    expect(dti('frobnicate').code).toBe(2);
    expect(dti('score', 'a.json', '--format', 'xml').code).toBe(2);
    expect(dti('score', 'a.json', '--bogus').code).toBe(2);
    expect(dti('criteria', 'list').out).toContain('can-tho@2022.1.0');
  });
});

describe('dti score on CSV', () => {
  it('scores the example CSV exactly as the example JSON', () => {
    const fromJson = JSON.parse(dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json').out);
    const fromCsv = JSON.parse(dti('score', 'examples/can-tho-2022/submissions.csv', '--format', 'json', '--period', '2022').out);
    expect(fromCsv.period).toBe('2022');
    const brief = (r: { unit: string; points: string; index: string; rank: number }): unknown => [r.unit, r.points, r.index, r.rank];
    expect(fromCsv.results.map(brief)).toEqual(fromJson.results.map(brief));
  });

  it('reports CSV problems by row and column and exits 1', () => {
    const file = write('bad.csv', 'id,level,CQS.9.9\nx,commune,1\n');
    const { code, err } = dti('score', file);
    expect(code).toBe(1);
    expect(err).toContain('header["CQS.9.9"]');
  });
});

describe('dti score --no-explanations', () => {
  it('gives the same figures without explanation texts', () => {
    const full = JSON.parse(dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json').out);
    const brief = JSON.parse(dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json', '--no-explanations').out);
    expect(brief.results[0].nodes['CQS.1.1'].explanation).toBeUndefined();
    const strip = (report: { results: { nodes: Record<string, { explanation?: unknown }> }[] }): unknown =>
      report.results.map((r) => Object.fromEntries(Object.entries(r.nodes).map(([code, node]) => [code, { ...node, explanation: undefined }])));
    expect(strip(brief)).toEqual(strip(full));
  });
});
