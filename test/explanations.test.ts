import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainNode, formFields, listFormFields, safeScoreBatch, type Localized, type UnitResult, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

interface ExplanationCase {
  readonly title: string;
  readonly units: readonly UnitSubmission[];
  readonly expect: Readonly<Record<string, Readonly<Record<string, Localized>>>>;
}

const golden = JSON.parse(readFileSync(new URL('golden/explanations.json', import.meta.url), 'utf8')) as { criteria: string; cases: ExplanationCase[] };
const criteria = getCriteria(golden.criteria);

const unitOf = (results: readonly UnitResult[], id: string): UnitResult => {
  const found = results.find((r) => r.unit === id);
  if (found === undefined) throw new Error(`no result for ${id}`);
  return found;
};

describe('explanations (test/golden/explanations.json)', () => {
  it.each(golden.cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const outcome = safeScoreBatch(criteria, { units: c.units });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    for (const [unit, nodes] of Object.entries(c.expect)) {
      const result = outcome.value.results.find((r) => r.unit === unit);
      for (const [code, text] of Object.entries(nodes)) expect(explainNode(result!, code), `${unit} ${code}`).toEqual(text);
    }
  });
});

interface RuleInWords {
  readonly criteria: string;
  readonly level: string;
  readonly group?: string;
  readonly code: string;
  readonly kind: string;
  readonly text: Localized;
}

const words = JSON.parse(readFileSync(new URL('golden/rules-in-words.json', import.meta.url), 'utf8')) as { rules: RuleInWords[] };

describe('rules in words (test/golden/rules-in-words.json)', () => {
  it.each(words.rules.map((r) => [`${r.criteria} ${r.level}${r.group ? `/${r.group}` : ''} ${r.code} (${r.kind})`, r] as const))('%s', (_name, rule) => {
    const field = listFormFields(formFields(getCriteria(rule.criteria), rule.level, rule.group)).find((f) => f.code === rule.code);
    expect(field?.rule.kind).toBe(rule.kind);
    expect(field?.rule.text).toEqual(rule.text);
  });
});

describe('an aggregate over its cap says the sum before the cap', () => {
  const data = JSON.parse(readFileSync(new URL('golden/cases/aggregate-cap.json', import.meta.url), 'utf8')) as { criteria: unknown; submission: unknown };
  it('one child over the cap', () => {
    const outcome = safeScoreBatch(data.criteria as never, data.submission);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(explainNode(unitOf(outcome.value.results, 'c1'), 'B')).toEqual({
      vi: 'Tổng 12,00 = 12,00; giới hạn 10,00 → 10,00 / tối đa 10,00 → chỉ số 1,0000',
      en: 'Sum 12.00 = 12.00, capped at 10.00 → 10.00 of 10.00 → index 1.0000',
    });
    expect(explainNode(unitOf(outcome.value.results, 'c2'), 'B')?.en).toBe('Sum 9.00 = 9.00 of 10.00 → index 0.9000');
  });
  it('two children over the cap: the sum shown is their real sum (Sông Xanh NL.3)', () => {
    const set = JSON.parse(readFileSync(new URL('fixtures/other-province/criteria/song-xanh/2024.1.0.json', import.meta.url), 'utf8')) as never;
    const submission = JSON.parse(readFileSync(new URL('fixtures/other-province/submissions-2024.json', import.meta.url), 'utf8')) as unknown;
    const outcome = safeScoreBatch(set, submission);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(explainNode(unitOf(outcome.value.results, 'so-tu-phap'), 'NL.3')?.en).toBe('Sum 8.5 + 15.0 = 23.5, capped at 20.0 → 20.0 of 20.0 → index 1.000');
  });
});
