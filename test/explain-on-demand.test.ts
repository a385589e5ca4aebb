import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DtiError, explainNode, explainUnit, parseScoreReport, RULE_KINDS, scoreBatch, withExplanations, type UnitResult } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

const criteria = getCriteria('can-tho@2022.1.0');
const examples = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8')) as { units: { id: string; values: Record<string, unknown> }[] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('explanations on demand', () => {
  it('scoring builds no text: a rule explains only when a node is explained', () => {
    const spies = Object.values(RULE_KINDS).map((kind) => vi.spyOn(kind, 'explain'));
    const report = scoreBatch(criteria, examples);
    expect(spies.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(0);
    for (const node of Object.values(report.results[0]!.nodes)) expect(node.explanation).toBeUndefined();
    const text = explainNode(report.results[0]!, 'CQS.1.3');
    expect(text?.vi).toMatch(/điểm$/);
    expect(spies.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(1);
  });

  it('explainUnit gives every node the text explainNode gives, without changing the result', () => {
    const report = scoreBatch(criteria, examples);
    for (const unit of report.results.slice(0, 10)) {
      const explained = explainUnit(unit);
      expect(Object.keys(explained.nodes)).toEqual(Object.keys(unit.nodes));
      for (const [code, node] of Object.entries(explained.nodes)) {
        expect(node.explanation, `${unit.unit} ${code}`).toEqual(explainNode(unit, code));
        expect(node.explanation).toBeDefined();
        const { explanation: _, ...figures } = node;
        expect(figures).toEqual(unit.nodes[code]);
      }
      expect(explained).not.toBe(unit);
      expect(Object.values(unit.nodes).every((node) => node.explanation === undefined)).toBe(true);
    }
  });

  it('with explain: false nothing is kept: no text, the same figures', () => {
    const linked = scoreBatch(criteria, examples);
    const bare = scoreBatch(criteria, examples, { explain: false });
    expect(JSON.stringify(bare.results)).toBe(JSON.stringify(linked.results));
    expect(explainNode(bare.results[0]!, 'CQS.1.3')).toBeUndefined();
    expect(explainUnit(bare.results[0]!)).toBe(bare.results[0]);
  });

  it('a copy keeps only the texts it carries; a results file written with texts gives them back', () => {
    const report = scoreBatch(criteria, examples);
    const copy = structuredClone(report.results[0]!) as UnitResult;
    expect(explainNode(copy, 'CQS.1.3')).toBeUndefined();
    const file = JSON.parse(JSON.stringify(withExplanations(report))) as unknown;
    const read = parseScoreReport(file, criteria);
    expect(explainNode(read.results[0]!, 'CQS.1.3')).toEqual(explainNode(report.results[0]!, 'CQS.1.3'));
    expect(explainNode(report.results[0]!, 'NO.SUCH.CODE')).toBeUndefined();
  });

  it('refuses to explain a value changed after scoring (explain/input-changed), instead of explaining numbers never scored', () => {
    const submission = structuredClone(examples);
    const report = scoreBatch(criteria, submission);
    const unit = report.results[0]!;
    const code = 'CQS.1.3';
    const before = explainNode(unit, code);
    expect(before).toBeDefined();
    submission.units[0]!.values[code] = { numerator: 0, denominator: 1 };
    let thrown: unknown;
    try {
      explainNode(unit, code);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DtiError);
    expect((thrown as DtiError).issues.map((i) => [i.code, i.params.unit, i.params.code])).toEqual([['explain/input-changed', unit.unit, code]]);
    // A value that no longer reads at all is the same problem.
    submission.units[0]!.values[code] = 'mười hai';
    expect(() => explainNode(unit, code)).toThrow(DtiError);
  });
});
