// Raw inputs kept in results on request (ScoreOptions.keepInputs, issue #15): the figures are the
// same, each leaf keeps what the unit gave, the results reader and verifier accept and check it,
// and `dti score --format json` writes it only with --keep-inputs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeParseScoreReport, safeVerifyResults, scoreBatch, type NodeResult, type ScoreReport, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { dti } from './support/cli.js';

const EXAMPLES = [
  ['can-tho@2022.1.0', 'examples/can-tho-2022/submissions.json'],
  ['can-tho@2023.1.0', 'examples/can-tho-2023/submissions.json'],
  ['can-tho@2025.1.0', 'examples/can-tho-2025/submissions.json'],
] as const;

const read = (file: string): { units: UnitSubmission[] } => JSON.parse(readFileSync(file, 'utf8'));

/** The report with every node's `given` taken out. */
function withoutGiven(report: ScoreReport): unknown {
  return JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === 'given' ? undefined : value)));
}

describe('ScoreOptions.keepInputs', () => {
  it.each(EXAMPLES)('%s: the same figures, and every leaf keeps what the unit gave', (ref, file) => {
    const criteria = getCriteria(ref);
    const submission = read(file);
    const plain = scoreBatch(criteria, submission);
    const kept = scoreBatch(criteria, submission, { keepInputs: true });
    expect(JSON.stringify(plain)).not.toContain('"given"');
    expect(withoutGiven(kept)).toEqual(JSON.parse(JSON.stringify(plain)));
    let leaves = 0;
    let appraised = 0;
    for (const result of kept.results) {
      const unit = submission.units.find((u) => u.id === result.unit)!;
      for (const [code, node] of Object.entries(result.nodes)) {
        const isLeaf = !('index' in node);
        expect(node.given !== undefined, `${result.unit} ${code}`).toBe(isLeaf);
        if (!isLeaf) continue;
        leaves += 1;
        expect(node.given!.self, `${result.unit} ${code}`).toEqual(unit.values[code]);
        const appraisedValue = unit.appraisal?.[code]?.value ?? unit.appraised?.[code];
        expect(node.given!.appraised, `${result.unit} ${code}`).toEqual(appraisedValue);
        if (appraisedValue !== undefined) appraised += 1;
        expect(node.status === 'missing', `${result.unit} ${code}`).toBe(node.given!.self === undefined && node.given!.appraised === undefined);
      }
    }
    expect(leaves).toBeGreaterThan(1000);
    if (ref === 'can-tho@2022.1.0') expect(appraised).toBeGreaterThan(5);
  });

  it('copies the values: changing the submission afterwards changes no result', () => {
    const submission = { units: [{ id: 'u', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 }, 'CQS.1.4': ['chuyen-muc'] } }] };
    const report = scoreBatch(getCriteria('can-tho@2022.1.0'), submission, { keepInputs: true });
    submission.units[0]!.values['CQS.1.3'].numerator = 1;
    submission.units[0]!.values['CQS.1.4'].push('ngay-cds');
    expect(report.results[0]!.nodes['CQS.1.3']!.given).toEqual({ self: { numerator: 12, denominator: 15 } });
    expect(report.results[0]!.nodes['CQS.1.4']!.given).toEqual({ self: ['chuyen-muc'] });
  });
});

describe('results files with kept inputs', () => {
  const criteria = getCriteria('can-tho@2022.1.0');
  const submission = read('examples/can-tho-2022/submissions.json');
  const kept = (): ScoreReport & { results: { nodes: Record<string, NodeResult & { given?: unknown }> }[] } =>
    JSON.parse(JSON.stringify(scoreBatch(criteria, submission, { keepInputs: true, inputHashes: true })));

  it('are read back and verify identical against their submission', () => {
    const file = kept();
    expect(safeParseScoreReport(file, criteria).ok).toBe(true);
    const verified = safeVerifyResults(file, submission, criteria);
    expect(verified.ok && verified.value.identical).toBe(true);
  });

  it('an edited input is a difference when verified', () => {
    const file = kept();
    (file.results[0]!.nodes['CQS.1.2'] as { given: unknown }).given = { self: 4 };
    const verified = safeVerifyResults(file, submission, criteria);
    expect(verified.ok ? verified.value.differences.map((d) => `${d.code} ${d.path}`) : []).toEqual(['verify/figure results[0].nodes["CQS.1.2"].given']);
  });

  it('refuses inputs on an aggregate, on some leaves only, with the wrong status or without selfPoints', () => {
    const file = kept();
    const nodes = file.results[0]!.nodes;
    (nodes.CQS as { given?: unknown }).given = {};
    delete nodes['CQS.1.1']!.given;
    (nodes['CQS.1.2'] as { given?: unknown }).given = {};
    (nodes['CQS.1.3'] as { given?: unknown }).given = { self: { numerator: 6, denominator: 7 }, appraised: { numerator: 6, denominator: 7 } };
    const checked = safeParseScoreReport(file, criteria);
    expect(checked.ok ? [] : checked.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'schema/unknown-key results[0].nodes.CQS.given',
      'schema/required results[0].nodes["CQS.1.1"].given',
      'results/given results[0].nodes["CQS.1.2"].given',
      'schema/required results[0].nodes["CQS.1.3"].selfPoints',
    ]);
    const issue = checked.ok ? undefined : checked.issues.find((i) => i.code === 'results/given');
    expect(issue?.message.en).toBe('unit "so-tttt": "CQS.1.2" has status "scored" but "given" keeps no input (only a leaf left empty has an empty "given")');
  });

  it('refuses a kept input that is not JSON data', () => {
    const file = kept() as unknown as { results: { nodes: Record<string, { given: unknown }> }[] };
    file.results[0]!.nodes['CQS.1.2']!.given = { self: 5, extra: 1 };
    const checked = safeParseScoreReport(file, criteria);
    expect(checked.ok ? [] : checked.issues.map((i) => `${i.code} ${i.path}`)).toContain('schema/unknown-key results[0].nodes["CQS.1.2"].given.extra');
  });
});

describe('dti score --keep-inputs', () => {
  it('--format json keeps the inputs only when asked', () => {
    const plain = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json', '--no-explanations');
    const kept = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json', '--no-explanations', '--keep-inputs');
    expect([plain.code, kept.code]).toEqual([0, 0]);
    expect(plain.out).not.toContain('"given"');
    const report = JSON.parse(kept.out) as ScoreReport;
    expect(report.results[0]!.nodes['CQS.1.3']!.given).toEqual({ self: { numerator: 6, denominator: 7 } });
    expect(withoutGiven(report)).toEqual(JSON.parse(plain.out));
  });

  it('with explanations (the default), each leaf keeps its inputs before its text, and the file verifies', () => {
    const kept = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json', '--keep-inputs');
    const report = JSON.parse(kept.out) as ScoreReport;
    const node = report.results[0]!.nodes['CQS.1.3']!;
    expect(Object.keys(node)).toEqual(['points', 'maxPoints', 'status', 'given', 'explanation']);
    expect(node.given).toEqual({ self: { numerator: 6, denominator: 7 } });
    const appraised = report.results.flatMap((r) => Object.values(r.nodes)).find((n) => n.appraisal !== undefined)!;
    expect(Object.keys(appraised)).toEqual(['points', 'maxPoints', 'status', 'selfPoints', 'appraisal', 'given', 'explanation']);
    expect(appraised.given?.appraised).toBeDefined();
    const submission = read('examples/can-tho-2022/submissions.json');
    const criteria = getCriteria('can-tho@2022.1.0');
    expect(safeParseScoreReport(report, criteria).ok).toBe(true);
    const verified = safeVerifyResults(report, submission, criteria);
    expect(verified.ok && verified.value.identical).toBe(true);
  });
});
