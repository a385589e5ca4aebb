import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchInputHash, canonicalJson, formatPath, safeParseSubmissionJson, safeScoreBatch, safeVerifyResults, scoreBatch, unitInputHash, verifyResults, type Issue, type Submission } from '../src/index.js';
import { safeParseSubmissionsCsv } from '../src/csv/index.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';
import { caseArb } from './fuzz/arbitraries.js';
import { dti, dtiAsync } from './support/cli.js';
import { workbookFor } from './fixtures/xlsx/workbook-helpers.js';
import { valuesOnly } from './support/values-only.js';

const here = (path: string): string => new URL(path, import.meta.url).pathname;

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B lists them. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson is RFC 8785 (JCS)', () => {
  it('writes numbers as RFC 8785 Appendix B does', () => {
    const cases: [string, string][] = [
      ['0000000000000000', '0'], ['8000000000000000', '0'], ['0000000000000001', '5e-324'], ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'], ['4340000000000000', '9007199254740992'], ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'], ['44b52d02c7e14af5', '9.999999999999997e+22'], ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'], ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'], ['444b1ae4d6e2ef50', '1e+21'], ['ffefffffffffffff', '-1.7976931348623157e+308'], ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'], ['41b3de4355555553', '333333333.3333332'], ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'], ['41b3de4355555556', '333333333.3333334'], ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'], ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of cases) expect(canonicalJson(double(bits)), bits).toBe(text);
  });

  it('writes the example of RFC 8785 section 3.2.2', () => {
    const input = JSON.parse('{ "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false] }');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts keys by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}');
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    expect(canonicalJson(input).indexOf('Carriage')).toBeLessThan(canonicalJson(input).indexOf('One'));
    expect([...canonicalJson(input).matchAll(/"([^"]+)":"([^"]+)"/g)].map((m) => m[2])).toEqual([
      'Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh',
    ]);
    expect(keys).toHaveLength(7);
  });
});

describe('input hashes (spec §13)', () => {
  const criteria = getCriteria('can-tho@2022.1.0');
  const jsonText = readFileSync(here('../examples/can-tho-2022/submissions.json'), 'utf8');
  const csvText = readFileSync(here('../examples/can-tho-2022/submissions.csv'), 'utf8');

  it('the same units from JSON and from CSV get the same unit and batch hashes', () => {
    const parsed = safeParseSubmissionJson(jsonText);
    const csv = safeParseSubmissionsCsv(csvText, criteria, { period: '2022' });
    if (!parsed.ok || !csv.ok) throw new Error('examples unreadable');
    // The CSV layout carries values and appraised values only (no reasons, no evidence): the same units are those.
    const json = { ok: true, value: valuesOnly(parsed.value) } as const;
    expect(csv.value.units.map(unitInputHash)).not.toEqual(parsed.value.units.map(unitInputHash));
    expect(csv.value.units.map(unitInputHash)).toEqual(json.value.units.map(unitInputHash));
    const fromJson = scoreBatch(criteria, json.value, { inputHashes: true });
    const fromCsv = scoreBatch(criteria, csv.value, { inputHashes: true });
    expect(fromCsv.input).toEqual(fromJson.input);
    expect(fromJson.results.map((r) => r.input?.sha256)).toEqual(json.value.units.map(unitInputHash));
    expect(fromJson.input?.sha256).toBe(batchInputHash('2022', json.value.units.map((u) => unitInputHash(u) ?? null)));
  });

  it('hashes the unit as read: ids and codes normalised, null and empty optional fields as absent, key order and layout ignored', () => {
    const base = { id: 'cai-khe', level: 'commune', values: { 'CQS.1.2': 4 } };
    const hash = unitInputHash(base);
    const spaced = safeParseSubmissionJson('{"units":[{"values":{" CQS.1.2 ":4},"level":"commune","id":" cai-khe","group":null,"parent":null,"appraised":{}}]}');
    if (!spaced.ok) throw new Error('unreadable');
    expect(unitInputHash(spaced.value.units[0])).toBe(hash);
    expect(unitInputHash({ ...base, values: { 'CQS.1.2': '4' } })).toBe(hash);
    expect(unitInputHash({ ...base, values: { 'CQS.1.2': '4.0' } })).not.toBe(hash);
    expect(unitInputHash({ ...base, name: 'Cái Khế' })).not.toBe(hash);
    expect(unitInputHash({ ...base, values: { 'CQS.1.2': Number.NaN } })).toBeUndefined();
  });

  it('scoring leaves hashes out unless asked; figures are the same either way', () => {
    const submission = { units: [{ id: 'a', level: 'commune', values: { 'CQS.2.1': true } }] };
    const plain = scoreBatch(criteria, submission);
    const stamped = scoreBatch(criteria, submission, { inputHashes: true });
    expect(plain.input).toBeUndefined();
    expect(plain.results[0]?.input).toBeUndefined();
    expect(Object.keys(stamped).slice(0, 5)).toEqual(['format', 'criteria', 'generator', 'input', 'period']);
    const { input: _u, ...unit } = stamped.results[0]!;
    expect(unit).toEqual(plain.results[0]);
  });

  it('a rejected unit is hashed as given in the batch list', () => {
    const submission = { units: [{ id: 'a', level: 'commune', values: {} }, { id: 'b', level: 'nowhere', values: {} }] };
    const report = safeScoreBatch(criteria, submission, { inputHashes: true, skipInvalid: true });
    if (!report.ok) throw new Error('rejected');
    expect(report.value.input?.sha256).toBe(batchInputHash(undefined, submission.units.map((u) => unitInputHash(u) ?? null)));
  });
});

interface Edit {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

interface AuditCase {
  readonly title: string;
  readonly criteria: string;
  readonly submission: unknown;
  readonly editResults?: readonly Edit[];
  readonly editSubmission?: readonly Edit[];
  readonly verifyWith?: string;
  readonly expect: { readonly identical: boolean; readonly only?: boolean; readonly differences: readonly { code: string; path: string; params?: Record<string, unknown> }[] };
}

/** A deep copy of `data` with each edit applied. */
function edited<T>(data: T, edits: readonly Edit[] = []): T {
  const copy = JSON.parse(JSON.stringify(data)) as T;
  for (const { path, value } of edits) {
    let at = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return copy;
}

describe('golden audit cases (test/golden/audit)', () => {
  const folder = here('golden/audit');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as AuditCase;
    it(`${file}: ${data.title}`, () => {
      const published = edited(scoreBatch(getCriteria(data.criteria), data.submission, { inputHashes: true }), data.editResults);
      const submission = edited(data.submission, data.editSubmission);
      const verified = verifyResults(published, submission, getCriteria(data.verifyWith ?? data.criteria));
      expect(verified.identical).toBe(data.expect.identical);
      for (const want of data.expect.differences) {
        const found = verified.differences.find((d: Issue) => d.code === want.code && d.path === want.path);
        expect(found, `${want.code} at ${want.path} in ${verified.differences.map((d) => `${d.code} ${d.path}`).join('; ')}`).toBeDefined();
        if (want.params) expect(found!.params).toMatchObject(want.params);
      }
      if (data.expect.only) expect(verified.differences).toHaveLength(data.expect.differences.length);
    });
  }
});

describe('verifyResults', () => {
  const criteria = getCriteria('can-tho@2022.1.0');

  it('confirms what scoring published, for random batches of an embedded set', () => {
    fc.assert(
      fc.property(batchFor(criteria, 6), (units) => {
        const submission = { period: '2022', units };
        const outcome = safeScoreBatch(criteria, submission, { inputHashes: true, skipInvalid: true });
        if (!outcome.ok) return;
        const verified = safeVerifyResults(JSON.parse(JSON.stringify(outcome.value)), submission, criteria);
        expect(verified.ok && verified.value.differences).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('confirms what scoring published, for random sets and submissions (every rule kind)', () => {
    fc.assert(
      fc.property(caseArb, ({ generated, submission }) => {
        const outcome = safeScoreBatch(generated.set, submission, { inputHashes: true, skipInvalid: true });
        if (!outcome.ok) return;
        const verified = safeVerifyResults(JSON.parse(JSON.stringify(outcome.value)), submission, generated.set);
        expect(verified.ok && verified.value.differences).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('checks a file without input hashes on its figures only, and names a changed rank', () => {
    const submission = { units: [{ id: 'a', level: 'commune', values: { 'CQS.2.1': true } }, { id: 'b', level: 'commune', values: {} }] };
    const published = JSON.parse(JSON.stringify(scoreBatch(criteria, submission))) as { results: { rank: number }[] };
    expect(verifyResults(published, submission, criteria).identical).toBe(true);
    published.results[1]!.rank = 1;
    expect(verifyResults(published, submission, criteria).differences.map((d) => `${d.path} ${String(d.params.published)}→${String(d.params.recomputed)}`)).toEqual(['results[1].rank 1→2']);
  });

  it('names a node present in one and not the other, and a unit rejected in one only', () => {
    const submission = { units: [{ id: 'a', level: 'commune', values: {} }, { id: 'b', level: 'nowhere', values: {} }] };
    const published = JSON.parse(JSON.stringify(scoreBatch(criteria, submission, { skipInvalid: true }))) as { results: { nodes: Record<string, unknown> }[]; rejected: unknown[] };
    delete published.results[0]!.nodes['CQS.1.3'];
    published.rejected = [];
    expect(verifyResults(published, submission, criteria).differences.map((d) => d.code)).toEqual(['verify/node', 'verify/rejected']);
  });

  it('refuses what is not a results file, and a submission that cannot be read, as coded issues naming the file', () => {
    const submission = { units: [] };
    const notResults = safeVerifyResults(submission, submission, criteria, { resultsFile: 'r.json' });
    expect(notResults.ok ? [] : notResults.issues.map((i) => `${i.file} ${i.path} ${i.code}`)).toEqual(['r.json criteria schema/required', 'r.json results schema/required']);
    const badSubmission = safeVerifyResults(scoreBatch(criteria, submission), { unit: [] }, criteria, { submissionFile: 's.json' });
    expect(badSubmission.ok ? [] : badSubmission.issues.map((i) => i.file)).toContain('s.json');
    expect(safeVerifyResults({ ...scoreBatch(criteria, submission), format: 9 }, submission, criteria).ok).toBe(false);
  });
});

describe('dti verify-results', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-verify-'));
  const submissionFile = here('../examples/can-tho-2022/submissions.json');
  const scored = dti('score', submissionFile, '--format', 'json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(resultsFile, scored.out);

  it('dti score --format json stamps the input hashes', async () => {
    const report = JSON.parse(scored.out) as { input?: { sha256: string }; results: { input?: unknown }[] };
    expect(report.input?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.results.every((unit) => unit.input !== undefined)).toBe(true);
  });

  it('answers identical (exit 0) for an honest file, from the JSON or the CSV submission', async () => {
    const json = await dtiAsync('verify-results', resultsFile, '--submissions', submissionFile);
    expect([json.code, json.out]).toEqual([0, expect.stringContaining('identical')]);
    const csvFile = here('../examples/can-tho-2022/submissions.csv');
    const fromCsv = join(dir, 'results-csv.json');
    writeFileSync(fromCsv, dti('score', csvFile, '--period', '2022', '--format', 'json').out);
    const csv = await dtiAsync('verify-results', fromCsv, '--submissions', csvFile, '--period', '2022', '--format', 'json');
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out)).toMatchObject({ identical: true, criteria: 'can-tho@2022.1.0', differences: [] });
  });

  it('names the units whose input differs when results published from the JSON are checked against the CSV (it has no place for appraisal reasons and evidence)', async () => {
    const csv = await dtiAsync('verify-results', resultsFile, '--submissions', here('../examples/can-tho-2022/submissions.csv'), '--period', '2022', '--format', 'json');
    expect(csv.code).toBe(1);
    const report = JSON.parse(csv.out) as { identical: boolean; differences: { code: string; params: { unit?: string } }[] };
    const units = JSON.parse(readFileSync(submissionFile, 'utf8')).units as { id: string; appraisal?: unknown; evidence?: unknown }[];
    const richer = units.filter((unit) => unit.appraisal !== undefined || unit.evidence !== undefined).map((unit) => unit.id);
    expect(richer.length).toBeGreaterThan(0);
    const named = report.differences.filter((d) => d.code === 'verify/input' && d.params.unit !== undefined).map((d) => d.params.unit);
    expect(named.sort()).toEqual([...richer].sort());
  });

  it('verifies results scored from filled workbooks against the same workbooks (a folder), and names an edited cell\'s unit', async () => {
    const forms = mkdtempSync(join(tmpdir(), 'dti-verify-forms-'));
    const example = JSON.parse(readFileSync(submissionFile, 'utf8')) as Submission;
    const units = example.units.filter((unit) => unit.level === 'commune').slice(0, 3);
    const criteria = getCriteria('can-tho@2022.1.0');
    for (const unit of units) writeFileSync(join(forms, `${unit.id}.xlsx`), await workbookFor(criteria, unit, { period: '2022' }));
    const scoredForms = await dtiAsync('score', forms, '--format', 'json');
    expect(scoredForms.code).toBe(0);
    const fromForms = join(dir, 'results-forms.json');
    writeFileSync(fromForms, scoredForms.out);
    const honest = await dtiAsync('verify-results', fromForms, '--submissions', forms, '--format', 'json');
    expect([honest.code, JSON.parse(honest.out)]).toEqual([0, expect.objectContaining({ identical: true, differences: [] })]);
    // One value changed in one workbook after the results were published: that unit's input differs.
    const edited = units[1]!;
    const [code, value] = Object.entries(edited.values).find(([, v]) => typeof v === 'boolean')!;
    writeFileSync(join(forms, `${edited.id}.xlsx`), await workbookFor(criteria, { ...edited, values: { ...edited.values, [code]: !value } }, { period: '2022' }));
    const changed = await dtiAsync('verify-results', fromForms, '--submissions', forms, '--format', 'json');
    expect(changed.code).toBe(1);
    const differences = (JSON.parse(changed.out) as { differences: Issue[] }).differences;
    // That unit's input hash, and the batch's (no unit), differ.
    expect(differences.filter((d) => d.code === 'verify/input').map((d) => d.params.unit ?? 'batch').sort()).toEqual(['batch', edited.id].sort());
    // A workbook that cannot be read is reported at its cell, never skipped.
    writeFileSync(join(forms, 'broken.xlsx'), 'not a workbook');
    const broken = await dtiAsync('verify-results', fromForms, '--submissions', forms, '--format', 'json');
    expect(broken.code).toBe(1);
    expect((JSON.parse(broken.out) as { errors: Issue[] }).errors.map((e) => e.code)).toEqual(['input/read']);
  }, 60_000);

  it('lists each difference (exit 1): an edited figure, another criteria version', async () => {
    const report = JSON.parse(scored.out) as { results: { unit: string; nodes: Record<string, { points: string }> }[] };
    const first = report.results[0]!;
    const [code, node] = Object.entries(first.nodes).find(([, n]) => n.points === '0.00' || n.points !== null)!;
    node.points = '999.99';
    const editedFile = join(dir, 'edited.json');
    writeFileSync(editedFile, JSON.stringify(report));
    const text = await dtiAsync('verify-results', editedFile, '--submissions', submissionFile);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`${editedFile}: ${formatPath(['results', 0, 'nodes', code, 'points'])}`);
    expect(text.out).toContain(`unit "${first.unit}", "${code}": "points" published 999.99`);
    const other = await dtiAsync('verify-results', resultsFile, '--submissions', submissionFile, '--criteria', 'can-tho@2023.1.0', '--format', 'json');
    expect(other.code).toBe(1);
    const answer = JSON.parse(other.out) as { identical: boolean; differences: Issue[] };
    expect(answer.differences.filter((d) => d.code === 'verify/criteria').map((d) => d.params.field)).toEqual(['version', 'sha256']);
  });

  it('reports every bad input as a coded issue (exit 1), and misuse of the command (exit 2)', async () => {
    const write = (name: string, text: string): string => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const codes = async (...argv: string[]): Promise<[number, string[]]> => {
      const run = await dtiAsync('verify-results', ...argv, '--format', 'json');
      return [run.code, run.code === 1 && run.out.startsWith('{\n  "errors"') ? (JSON.parse(run.out) as { errors: Issue[] }).errors.map((e) => `${e.code}${e.file ? ` ${e.file}` : ''}`) : []];
    };
    expect(await codes(join(dir, 'none.json'), '--submissions', submissionFile)).toEqual([1, [`input/read ${join(dir, 'none.json')}`]]);
    expect(await codes(resultsFile, '--submissions', join(dir, 'none.json'))).toEqual([1, [`input/read ${join(dir, 'none.json')}`]]);
    const broken = write('broken.json', '{"format": 1, ');
    expect((await codes(broken, '--submissions', submissionFile))[1][0]).toBe(`json/syntax ${broken}`);
    expect((await codes(resultsFile, '--submissions', broken))[1][0]).toBe(`json/syntax ${broken}`);
    // A submission given as the results file: no criteria stamp.
    expect(await codes(submissionFile, '--submissions', submissionFile)).toEqual([1, [`schema/type ${submissionFile}`]]);
    const noResults = write('no-results.json', JSON.stringify({ ...JSON.parse(scored.out), results: 'x' }));
    expect(await codes(noResults, '--submissions', submissionFile)).toEqual([1, [`schema/type ${noResults}`]]);
    const newer = write('newer.json', JSON.stringify({ ...JSON.parse(scored.out), format: 7 }));
    expect(await codes(newer, '--submissions', submissionFile)).toEqual([1, [`results/format-version ${newer}`]]);
    expect((await codes(resultsFile, '--submissions', submissionFile, '--criteria', 'can-tho@1999.1.0'))[0]).toBe(1);
    expect((await dtiAsync('verify-results', resultsFile)).code).toBe(2);
    expect((await dtiAsync('verify-results', '--submissions', submissionFile)).code).toBe(2);
    expect((await dtiAsync('verify-results', resultsFile, resultsFile, '--submissions', submissionFile)).code).toBe(2);
    expect((await dtiAsync('verify-results', resultsFile, '--submissions', submissionFile, '--format', 'md')).code).toBe(2);
  });
});
