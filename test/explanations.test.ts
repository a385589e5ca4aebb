import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formFields, listFormFields, scoreSubmission, type Localized, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

interface ExplanationCase {
  readonly title: string;
  readonly units: readonly UnitSubmission[];
  readonly expect: Readonly<Record<string, Readonly<Record<string, Localized>>>>;
}

const golden = JSON.parse(readFileSync(new URL('golden/explanations.json', import.meta.url), 'utf8')) as { criteria: string; cases: ExplanationCase[] };
const criteria = getCriteria(golden.criteria);

describe('explanations (test/golden/explanations.json)', () => {
  it.each(golden.cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    for (const fastPath of [true, false]) {
      const outcome = scoreSubmission(criteria, { units: c.units }, { fastPath });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      for (const [unit, nodes] of Object.entries(c.expect)) {
        const result = outcome.value.results.find((r) => r.unit === unit);
        for (const [code, text] of Object.entries(nodes)) expect(result?.nodes[code]?.explanation, `${unit} ${code} (fastPath ${String(fastPath)})`).toEqual(text);
      }
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
