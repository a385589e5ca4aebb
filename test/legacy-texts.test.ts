// Results files published with explanations by version 0.1 (Vietnamese numbers written as data
// holds them: 16.00) still verify: src/results/legacy-texts.ts turns today's Vietnamese texts
// back into the old ones exactly, and verifyResults accepts either; a changed number does not pass.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainNode, safeScoreBatch, scoreBatch, verifyResults, withExplanations, type Localized, type Submission, type UnitSubmission } from '../src/index.js';
import { legacyVietnamese } from '../src/results/legacy-texts.js';
import { getCriteria } from '../src/sets/index.js';

interface ExplanationCase {
  readonly title: string;
  readonly units: readonly UnitSubmission[];
  readonly expect: Readonly<Record<string, Readonly<Record<string, Localized>>>>;
}

const golden = JSON.parse(readFileSync(new URL('golden/explanations.json', import.meta.url), 'utf8')) as { criteria: string; cases: ExplanationCase[] };
const legacy = JSON.parse(readFileSync(new URL('fixtures/legacy/explanations-0.1.json', import.meta.url), 'utf8')) as { texts: Record<string, string> };
const criteria = getCriteria(golden.criteria);

describe('legacyVietnamese', () => {
  it('gives back, from every golden explanation, the text version 0.1 wrote', () => {
    let compared = 0;
    for (const c of golden.cases) {
      const outcome = safeScoreBatch(criteria, { units: c.units });
      if (!outcome.ok) throw new Error(c.title);
      for (const [unit, nodes] of Object.entries(c.expect)) {
        const result = outcome.value.results.find((r) => r.unit === unit)!;
        for (const code of Object.keys(nodes)) {
          const old = legacy.texts[`${c.title} | ${unit} | ${code}`];
          expect(old, `${c.title} ${unit} ${code}`).toBeDefined();
          expect(legacyVietnamese(explainNode(result, code)!.vi), `${c.title} ${unit} ${code}`).toBe(old);
          compared++;
        }
      }
    }
    expect(compared).toBe(Object.keys(legacy.texts).length);
  });

  it('leaves the labels in quotes alone, and what is not a number', () => {
    expect(legacyVietnamese('"Cổng 1.000 người, 4,5 sao" 4,5 = 4,5 → 4,50 điểm')).toBe('"Cổng 1.000 người, 4,5 sao" 4.5 = 4.5 → 4.50 điểm');
    expect(legacyVietnamese('Tổng 1.000,00 + 7,50 = 1.007,50; giới hạn 1.000,00 → 1.000,00 / tối đa 1.000,00 → chỉ số 1,0000')).toBe('Tổng 1000.00 + 7.50 = 1007.50, giới hạn 1000.00 → 1000.00 / tối đa 1000.00 → chỉ số 1.0000');
  });
});

describe('verifyResults and explanations published by version 0.1', () => {
  const submission = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
  const canTho = getCriteria('can-tho@2022.1.0');
  const published = JSON.parse(JSON.stringify(withExplanations(scoreBatch(canTho, submission, { inputHashes: true })))) as { results: { nodes: Record<string, { explanation?: Localized }> }[] };
  const rewrite = (change: (text: string) => string): unknown => ({
    ...published,
    results: published.results.map((unit) => ({
      ...unit,
      nodes: Object.fromEntries(Object.entries(unit.nodes).map(([code, node]) => [code, node.explanation === undefined ? node : { ...node, explanation: { ...node.explanation, vi: change(node.explanation.vi) } }])),
    })),
  });

  it('accepts today’s texts and the old ones alike', () => {
    expect(verifyResults(published, submission, canTho).identical).toBe(true);
    expect(verifyResults(rewrite(legacyVietnamese), submission, canTho).differences).toEqual([]);
  });

  it('still finds a number changed in a text', () => {
    const tampered = rewrite((text) => text.replace('0,8 × 20', '0,9 × 20'));
    const differences = verifyResults(tampered, submission, canTho).differences;
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((d) => d.code === 'verify/figure' && d.params.field === 'explanation')).toBe(true);
  });
});
