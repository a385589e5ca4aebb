/**
 * Evidence and appraisal (spec §12, #14 items 1 and 2): every bad-input path
 * with its code and path, the criteria checks, the unit schema's agreement
 * with the scorer, results files that carry the new fields, the command
 * line's --with-appraisers. The figures themselves are golden cases
 * (test/golden/cases/evidence-*, appraisal-*, bad-evidence, bad-appraisal*).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  appraisalReasonsOf,
  DEFAULT_APPRAISAL_REASONS,
  DtiError,
  explainNode,
  explainUnit,
  migrateSubmission,
  safeParseCriteria,
  safeParseScoreReport,
  safeParseSubmission,
  safeScoreBatch,
  scoreBatch,
  unitSubmissionJsonSchemaFor,
  unitSubmissionSchemaFor,
  writeReportJson,
  type CriteriaSet,
  type ScoreReport,
  type Submission,
  type UnitSubmission,
} from '../src/index.js';
import { isDocumentNumber, urlProblem } from '../src/format/evidence-entry.js';
import { getCriteria } from '../src/sets/index.js';
import { submissionToCsv } from '../src/csv/index.js';
import { dti } from './support/cli.js';
import { valuesOnly } from './support/values-only.js';

const golden = (name: string): { criteria: CriteriaSet; submission: { period?: string; units: UnitSubmission[] } } =>
  JSON.parse(readFileSync(new URL(`golden/cases/${name}.json`, import.meta.url), 'utf8')) as never;

/** The small set of the golden cases, under `policy`, with evidence required on A.1, A.2 and B.1. */
const smallSet = (policy: 'flag' | 'zero'): CriteriaSet => ({ ...golden('evidence-policy-zero').criteria, evidencePolicy: policy });
const refs = (issues: readonly { code: string; path: string }[]): string[] => issues.map((issue) => `${issue.path} ${issue.code}`);
const refusal = (criteria: CriteriaSet, submission: unknown): string[] => {
  const outcome = safeScoreBatch(criteria, submission);
  if (outcome.ok) throw new Error('expected the batch to be refused');
  return refs(outcome.issues);
};
/** A deep copy to edit freely (test data: its shape is the test's to know). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const clone = (value: unknown): any => JSON.parse(JSON.stringify(value));

describe('criteria: evidenceRequired, evidencePolicy, appraisalReasons', () => {
  const set = smallSet('zero');

  it('accepts the small set, and evidenceRequired on an info leaf', () => {
    expect(safeParseCriteria(set).ok).toBe(true);
    const info = clone(set);
    info.nodes[1]!.children.push({ code: 'B.2', name: { vi: 'Ghi chú' }, rule: { kind: 'info' }, evidenceRequired: true });
    expect(safeParseCriteria(info).ok).toBe(true);
  });

  it('evidenceRequired on an aggregate is criteria/evidence-on-aggregate at its path, with the node code', () => {
    const bad = clone(set);
    bad.nodes[0]!.evidenceRequired = true;
    const checked = safeParseCriteria(bad);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => [i.path, i.code, i.node])).toEqual([['nodes[0].evidenceRequired', 'criteria/evidence-on-aggregate', 'A']]);
  });

  it('appraisal reason ids are unique; an empty list, a bad id, a policy not in the list are refused', () => {
    const reasons = [{ id: 'sai', label: { vi: 'Sai' } }, { id: 'khac', label: { vi: 'Khác' } }, { id: 'sai', label: { vi: 'Sai nữa' } }];
    const twice = safeParseCriteria({ ...set, appraisalReasons: reasons });
    expect(twice.ok ? [] : refs(twice.issues)).toEqual(['appraisalReasons[2].id criteria/duplicate-id']);
    const empty = safeParseCriteria({ ...set, appraisalReasons: [] });
    expect(empty.ok ? [] : refs(empty.issues)).toEqual(['appraisalReasons schema/too-small']);
    const badId = safeParseCriteria({ ...set, appraisalReasons: [{ id: 'có dấu', label: { vi: 'x' } }], evidencePolicy: 'strict' });
    expect(badId.ok ? [] : refs(badId.issues).sort()).toEqual(['appraisalReasons[0].id schema/format', 'evidencePolicy schema/enum']);
    const misspelt = safeParseCriteria({ ...set, appraisalReasons: [{ id: 'x', label: { vi: 'x' }, noteRequird: true }] });
    expect(misspelt.ok ? [] : refs(misspelt.issues)).toEqual(['appraisalReasons[0].noteRequird schema/unknown-key']);
  });

  it('the default reasons apply unless the set has its own', () => {
    expect(appraisalReasonsOf(set)).toBe(DEFAULT_APPRAISAL_REASONS);
    const own = [{ id: 'khac', label: { vi: 'Khác' }, noteRequired: true }];
    expect(appraisalReasonsOf({ ...set, appraisalReasons: own })).toBe(own);
    expect(Object.isFrozen(DEFAULT_APPRAISAL_REASONS[0])).toBe(true);
  });
});

describe('evidence entries', () => {
  it('only an http(s) address with a host is a link', () => {
    for (const url of ['https://cantho.gov.vn', 'http://dichvucong.cantho.gov.vn/a?b=c#d', 'HTTPS://CANTHO.GOV.VN/x', 'https://xn--cnth-xqa.vn/trang']) expect(urlProblem(url), url).toBeUndefined();
    const refused: [string, string][] = [
      ['javascript:alert(1)', 'scheme'], ['JavaScript:alert(1)', 'scheme'], ['data:text/html,<b>x</b>', 'scheme'], ['file:///etc/passwd', 'scheme'],
      ['vbscript:x', 'scheme'], ['ftp://cantho.gov.vn', 'scheme'], ['mailto:a@b.vn', 'scheme'], [' https://cantho.gov.vn', 'spaces'], ['java\tscript:alert(1)', 'spaces'],
      ['https://cantho.gov.vn/a b', 'spaces'], ['https://cantho.gov.vn\u200b', 'spaces'], ['\u0000javascript:alert(1)', 'spaces'], ['www.cantho.gov.vn', 'malformed'],
      ['//cantho.gov.vn', 'malformed'], ['https://', 'malformed'], ['', 'malformed'],
    ];
    for (const [url, problem] of refused) expect(urlProblem(url)?.problem, JSON.stringify(url)).toBe(problem);
    expect(urlProblem('javascript:alert(1)')?.scheme).toBe('javascript');
  });

  it('a Vietnamese document number is checked loosely', () => {
    for (const number of ['123/QĐ-UBND', '45/2022/NĐ-CP', '12/KH-UBND', '2088/QĐ-UBND', '01/2022/TT-BTTTT', '7/BC-UBND', '123/QĐ-UBND'.normalize('NFD')]) expect(isDocumentNumber(number), number).toBe(true);
    for (const number of ['số 7', '123', 'QĐ-123', '123/', '123/QĐ--UBND', '123/QĐ-UBND ', '12/КН-UBND', '']) expect(isDocumentNumber(number), number).toBe(false);
  });

  it('a javascript: address never reaches the results, even when the unit is skipped', () => {
    const submission = { period: '2022', units: [
      { id: 'ok', level: 'commune', values: { 'A.1': true }, evidence: { 'A.1': [{ kind: 'link', url: 'https://cantho.gov.vn/ke-hoach' }] } },
      { id: 'bad', level: 'commune', values: { 'A.1': true }, evidence: { 'A.1': [{ kind: 'link', url: 'javascript:alert(document.cookie)' }] } },
    ] };
    const outcome = safeScoreBatch(smallSet('flag'), submission, { skipInvalid: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.rejected.map((r) => refs(r.issues))).toEqual([['units[1].evidence["A.1"][0].url evidence/url']]);
    expect(outcome.value.rejected[0]?.issues[0]?.params).toEqual({ unit: 'bad', problem: 'scheme', scheme: 'javascript' });
    expect(JSON.stringify(outcome.value)).not.toContain('document.cookie');
  });

  it('evidence for a leaf that does not apply to the unit, and a malformed evidence record, are refused with their paths', () => {
    const criteria = getCriteria('can-tho@2022.1.0');
    const report = scoreBatch(criteria, { units: [{ id: 'u', level: 'department', group: 'A', values: {} }] });
    const departmentOnly = Object.keys(report.results[0]!.nodes).find((code) => !safeScoreBatch(criteria, { units: [{ id: 'c', level: 'commune', values: {}, evidence: { [code]: [] } }] }).ok && code.split('.').length === 3);
    expect(departmentOnly).toBeDefined();
    expect(refusal(criteria, { units: [{ id: 'c', level: 'commune', values: {}, evidence: { [departmentOnly!]: [] }, appraisal: { [departmentOnly!]: { value: 1, reason: 'other', note: 'x' } } }] })).toEqual([
      `units[0].appraisal["${departmentOnly}"] submission/leaf-not-applicable`,
      `units[0].evidence["${departmentOnly}"] submission/leaf-not-applicable`,
    ]);
    expect(refusal(smallSet('flag'), { units: [{ id: 'c', level: 'commune', values: {}, evidence: { 'A.1': { kind: 'link' } } }] })).toEqual(['units[0].evidence["A.1"] schema/type']);
    expect(refusal(smallSet('flag'), { units: [{ id: 'c', level: 'commune', values: {}, evidence: { 'A.1': [{ kind: 'document', title: 7 }] } }] })).toEqual(['units[0].evidence["A.1"][0].title schema/type']);
    expect(refusal(smallSet('flag'), { units: [{ id: 'c', level: 'commune', values: {}, evidence: { 'A.1': [{ title: 'x' }] } }] })).toEqual(['units[0].evidence["A.1"][0].kind schema/enum']);
    expect(refusal(smallSet('flag'), { units: [{ id: 'c', level: 'commune', values: {}, appraisal: { 'A.1': { value: true, reason: 'other', note: 'x', who: 'A' } } }] })).toEqual(['units[0].appraisal["A.1"].who schema/unknown-key']);
    expect(refusal(smallSet('flag'), { units: [{ id: 'c', level: 'commune', values: {}, appraisal: { 'A.1': { value: true } } }] })).toEqual(['units[0].appraisal["A.1"].reason schema/required']);
  });

  it('codes keying evidence and appraisal follow the identity rules: trimmed and NFC, a duplicate once trimmed refused', () => {
    const read = safeParseSubmission({ units: [{ id: 'c', level: 'commune', values: {}, evidence: { ' A.1': [] }, appraisal: { 'A.2 ': { value: 'n/a', reason: 'other', note: 'x' } } }] });
    expect(read.ok && read.value.units[0]).toEqual({ id: 'c', level: 'commune', values: {}, evidence: { 'A.1': [] }, appraisal: { 'A.2': { value: 'n/a', reason: 'other', note: 'x' } } });
    const twice = safeParseSubmission({ units: [{ id: 'c', level: 'commune', values: {}, evidence: { 'A.1': [], 'A.1 ': [] } }] });
    expect(twice.ok ? [] : refs(twice.issues)).toEqual(['units[0].evidence["A.1 "] submission/duplicate-code']);
  });
});

describe('appraisal', () => {
  it('counts as an appraised value for missing: error', () => {
    const set = { ...smallSet('flag'), missing: 'error' as const };
    const all = { 'A.1': true, 'A.2': { numerator: 1, denominator: 1 }, 'A.3': 1, 'A.4': 1 };
    expect(refusal(set, { units: [{ id: 'c', level: 'commune', values: all }] })).toEqual(['units[0].values submission/missing-values']);
    expect(safeScoreBatch(set, { units: [{ id: 'c', level: 'commune', values: all, appraisal: { 'B.1': { value: 1, reason: 'value-recomputed' } } }] }).ok).toBe(true);
  });

  it('an explanation of an appraisal changed after scoring is explain/input-changed, not a text for numbers never scored', () => {
    const unit = { id: 'c', level: 'commune', values: { 'A.1': true }, appraisal: { 'A.1': { value: false, reason: 'evidence-missing' } } };
    const report = scoreBatch(smallSet('flag'), { units: [unit] });
    expect(explainNode(report.results[0]!, 'A.1')?.en).toBe('Appraised (No evidence): No → 0.00 points');
    (unit.appraisal['A.1'] as { value: boolean }).value = true;
    expect(() => explainNode(report.results[0]!, 'A.1')).toThrow(DtiError);
  });
});

describe('docs/guides/evidence-and-appraisal.md', () => {
  it('its submission scores with can-tho@2022.1.0 and gives the results it shows', () => {
    const guide = readFileSync('docs/guides/evidence-and-appraisal.md', 'utf8');
    const [submission, shown] = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((block) => JSON.parse(block[1]!) as Record<string, unknown>);
    const result = explainUnit(scoreBatch(getCriteria('can-tho@2022.1.0'), submission).results[0]!);
    const flags = result.evidence!.flags.map(({ code, path }) => ({ code, path }));
    expect({ points: result.points, selfPoints: result.selfPoints, difference: result.difference, evidence: { lacking: result.evidence!.lacking, flags }, nodes: { 'CQS.1.3': result.nodes['CQS.1.3'] } }).toEqual(shown);
  });
});

describe('CSV has no columns for evidence or appraisal', () => {
  it('submissionToCsv refuses them (csv/not-in-layout) rather than drop them', () => {
    const units = [{ id: 'c', level: 'commune', values: { 'A.1': true }, evidence: { 'A.1': [] }, appraisal: { 'A.1': { value: false, reason: 'evidence-missing' } } }];
    let issues: readonly { code: string; path: string }[] = [];
    try {
      submissionToCsv({ units }, smallSet('flag'));
    } catch (error) {
      if (error instanceof DtiError) issues = error.issues;
    }
    expect(refs(issues)).toEqual(['units[0].appraisal csv/not-in-layout', 'units[0].evidence csv/not-in-layout']);
  });
});

describe('migrating a submission carries evidence and appraisal with their leaf', () => {
  it('under the target code, or dropped with the code', () => {
    const result = migrateSubmission(
      { criteria: 'can-tho@2022.1.0', period: '2022', units: [{ id: 'ninh-kieu', level: 'district', values: { 'KTS.1.4': { numerator: 9, denominator: 10 } },
        appraisal: { 'KTS.1.4': { value: { numerator: 8, denominator: 10 }, reason: 'value-recomputed' } },
        evidence: { 'KTS.1.4': [{ kind: 'document', number: '12/KH-UBND' }], 'CQS.3.2': [{ kind: 'document', title: 'Kế hoạch' }] } }] },
      getCriteria('can-tho@2022.1.0'),
      getCriteria('can-tho@2023.1.0'),
    );
    const unit = result.submission.units[0]!;
    expect(unit.appraisal).toEqual({ 'KTS.3.5': { value: { numerator: 8, denominator: 10 }, reason: 'value-recomputed' } });
    expect(unit.evidence).toEqual({ 'KTS.3.5': [{ kind: 'document', number: '12/KH-UBND' }] });
    expect(result.units[0]?.dropped).toEqual([{ code: 'CQS.3.2', reason: 'removed' }]);
    expect(result.units[0]?.issues).toEqual([]);
  });
});

describe('the unit schema (forms) says what the scorer says', () => {
  const set = smallSet('zero');
  const schema = unitSubmissionSchemaFor(set, 'commune');
  const bad: UnitSubmission[] = [
    { id: 'c', level: 'commune', values: {}, evidence: { 'A.1': [{ kind: 'link', url: 'javascript:alert(1)' }, { kind: 'document', date: '2022-02-30', title: 'x' }] } },
    { id: 'c', level: 'commune', values: {}, evidence: { 'A.9': [] } },
    { id: 'c', level: 'commune', values: { 'A.1': true }, appraised: { 'A.1': false }, appraisal: { 'A.1': { value: false, reason: 'nope' }, 'A.3': { value: 1, reason: 'other' } } },
    { id: 'c', level: 'commune', values: {}, appraisal: { 'A.4': { value: 9, reason: 'value-recomputed', at: '2022-1-1' } } },
  ];
  it.each(bad.map((unit, i) => [i, unit] as const))('bad unit %i: the same codes and paths', (_i, unit) => {
    const parsed = schema.safeParse(unit);
    expect(parsed.success).toBe(false);
    const fromSchema = (parsed.error?.issues ?? []).map((issue) => JSON.stringify([issue.path, (issue as { params?: { dti?: { code?: string } } }).params?.dti?.code]));
    const outcome = safeScoreBatch(set, { units: [unit] });
    const fromScorer = outcome.ok ? [] : outcome.issues.map((issue) => JSON.stringify([issue.segments.slice(2), issue.code]));
    expect(fromSchema.sort()).toEqual(fromScorer.sort());
  });

  it('a valid unit with evidence and appraisal passes the zod schema, the scorer and the JSON Schema; the JSON Schema refuses a javascript: link and an unknown reason', () => {
    const unit = golden('evidence-policy-zero').submission.units[2]!;
    expect(schema.safeParse(unit).success).toBe(true);
    const json = new Ajv2020({ strict: false, allErrors: true }).compile(unitSubmissionJsonSchemaFor(set, 'commune'));
    expect(json(unit)).toBe(true);
    expect(json({ ...unit, evidence: { 'A.1': [{ kind: 'link', url: 'javascript:alert(1)' }] } })).toBe(false);
    expect(json({ ...unit, appraisal: { 'A.2': { value: { numerator: 1, denominator: 2 }, reason: 'nope' } } })).toBe(false);
    expect(json({ ...unit, appraisal: { 'A.2': { reason: 'other' } } })).toBe(false);
    expect(json({ ...unit, evidence: { 'X.1': [] } })).toBe(false);
  });
});

describe('results files with evidence and appraisal', () => {
  const set = smallSet('zero');
  const { submission } = golden('evidence-policy-zero');
  const report = scoreBatch(set, submission, { withAppraisers: true });
  const file = (): { results: ReturnType<typeof clone>[] } => clone(report);

  it('read back what the scorer writes, with and without texts, byte for byte through the streaming writer', () => {
    expect(safeParseScoreReport(file(), set).ok).toBe(true);
    const explained = JSON.parse(JSON.stringify({ ...report, results: report.results.map(explainUnit) })) as unknown;
    expect(safeParseScoreReport(explained, set).ok).toBe(true);
    const chunks: string[] = [];
    writeReportJson(report, (chunk) => chunks.push(chunk), { pretty: true });
    expect(chunks.join('')).toBe(JSON.stringify(report, null, 2));
    // The field order a results file has: evidence before the nodes; a leaf's appraisal after selfPoints.
    const z3 = report.results.find((r) => r.unit === 'z3')!;
    expect(Object.keys(z3).slice(-3)).toEqual(['difference', 'evidence', 'nodes']);
    expect(Object.keys(explainUnit(z3).nodes['A.2']!)).toEqual(['points', 'maxPoints', 'status', 'selfPoints', 'appraisal', 'explanation']);
    expect(z3.nodes['A.2']?.appraisal).toEqual({ reason: 'evidence-insufficient', at: '2023-03-02', by: 'Nguyễn Văn A' });
  });

  it('checks the new fields against the set', () => {
    const tampered = file();
    const z2 = tampered.results[1];
    z2.evidence.lacking.push('A.3', 'A.1', 'X.9');
    const z3 = tampered.results[2];
    z3.nodes['A.2'].selfPoints = '20.00';
    z3.nodes['A.2'].appraisal.reason = 'other';
    z3.nodes.A.appraisal = { reason: 'other', note: 'x' };
    z3.nodes['A.1'].appraisal = { reason: 'evidence-missing' };
    delete tampered.results[3].evidence;
    const checked = safeParseScoreReport(tampered, set);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(refs(checked.issues)).toEqual(expect.arrayContaining([
      'results[1].evidence.lacking[3] results/evidence-lacking',
      'results[1].evidence.lacking[4] results/evidence-lacking',
      'results[1].evidence.lacking[5] results/unknown-node',
      'results[2].nodes["A.2"].selfPoints results/inconsistent',
      'results[2].nodes["A.2"].appraisal.note appraisal/note-required',
      'results[2].nodes.A.appraisal schema/unknown-key',
      'results[2].nodes["A.1"].selfPoints schema/required',
      'results[3].evidence schema/required',
    ]));
    const zeroed = file();
    zeroed.results[1].nodes['A.1'].points = '10.00';
    const again = safeParseScoreReport(zeroed, set);
    expect(again.ok ? [] : refs(again.issues)).toContain('results[1].nodes["A.1"].points results/inconsistent');
  });

  it('a results file written before evidence and appraisal existed still reads', () => {
    // The examples as they were before evidence and appraisal reasons: values and appraised values only.
    const old = valuesOnly(JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8')) as Submission);
    const criteria = getCriteria('can-tho@2022.1.0');
    const before = JSON.parse(JSON.stringify(scoreBatch(criteria, old))) as ScoreReport;
    expect(before.results.every((r) => r.evidence === undefined)).toBe(true);
    expect(safeParseScoreReport(before, criteria).ok).toBe(true);
  });
});

describe('dti score --with-appraisers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-appraisers-'));
  const criteriaFile = join(dir, 'minh-chung.json');
  const submissionFile = join(dir, 'submission.json');
  writeFileSync(criteriaFile, JSON.stringify(smallSet('zero')));
  writeFileSync(submissionFile, JSON.stringify(golden('evidence-policy-zero').submission));

  it('leaves who appraised out unless asked; the JSON report carries evidence and appraisal', () => {
    const hidden = dti('score', submissionFile, '--criteria', criteriaFile, '--format', 'json');
    expect(hidden.code).toBe(0);
    expect(hidden.out).not.toContain('Nguyễn Văn A');
    const shown = dti('score', submissionFile, '--criteria', criteriaFile, '--format', 'json', '--with-appraisers');
    expect(shown.code).toBe(0);
    const report = JSON.parse(shown.out) as ScoreReport;
    expect(report.results[2]?.nodes['A.2']?.appraisal?.by).toBe('Nguyễn Văn A');
    expect(report.results[1]?.evidence?.lacking).toEqual(['A.1', 'A.2', 'B.1']);
    // The Vietnamese text writes numbers the Vietnamese way; the figures stay data (dot decimals).
    expect(report.results[1]?.nodes['A.1']?.explanation?.vi).toBe('Đạt → 10,00 điểm; thiếu minh chứng bắt buộc → 0,00 điểm');
    expect(report.results[1]?.nodes['A.1']?.explanation?.en).toBe('Yes → 10.00 points; required evidence missing → 0.00 points');
    expect(report.results[1]?.nodes['A.1']?.points).toBe('0.00');
  });

  it('the table lists, under its block, the units lacking required evidence and what the policy does', () => {
    const table = dti('score', submissionFile, '--criteria', criteriaFile);
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    const at = lines.indexOf('Thiếu minh chứng bắt buộc (chính sách "zero": tính 0 điểm, trừ khi được thẩm định):');
    expect(at).toBeGreaterThan(0);
    // In rank order, as the results list them (each unit's own lacking list).
    const shown = JSON.parse(dti('score', submissionFile, '--criteria', criteriaFile, '--format', 'json').out) as ScoreReport;
    const expected = [...shown.results].filter((r) => (r.evidence?.lacking.length ?? 0) > 0).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((r) => `  ${r.name ?? r.unit}: ${r.evidence!.lacking.join(', ')}`);
    expect(expected).toEqual(['  z3: A.2', '  z2: A.1, A.2, B.1']);
    expect(lines.slice(at + 1, at + 1 + expected.length)).toEqual(expected);
    const english = dti('score', submissionFile, '--criteria', criteriaFile, '--lang', 'en');
    expect(english.out).toContain('Lacking required evidence (policy "zero": scored 0 unless appraised):');
  });

  it('--format csv lists the leaves lacking evidence in a column of their own', () => {
    const csv = dti('score', submissionFile, '--criteria', criteriaFile, '--format', 'csv');
    expect(csv.code).toBe(0);
    const [header, , z2] = csv.out.split('\r\n').map((line) => line.split(','));
    expect(header?.slice(12, 15)).toEqual(['difference', 'lackingEvidence', 'A']);
    expect(z2?.[13]).toBe('A.1 A.2 B.1');
  });
});
