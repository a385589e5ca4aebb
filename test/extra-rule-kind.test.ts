// The rule-kind contract (design: "a new kind is one file plus one registry line"): a kind written
// outside the library with the public API only (test/support/stars-rule.ts) is registered in a test
// registry and flows through scoring, the form, the unit schema, CSV and the workbook with no change
// anywhere else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromZodIssues } from '../src/format/zod-issues.js';
import {
  Exact,
  formFields,
  leafInput,
  listFormFields,
  RULE_KINDS,
  safeParseCriteria,
  safeScoreBatch,
  unitSubmissionSchemaFor,
  withRuleKinds,
  type AnyRuleKind,
  type CriteriaSet,
  type Submission,
} from '../src/index.js';
import { safeParseSubmissionsCsv, submissionToCsv } from '../src/csv/index.js';
import { buildTemplate, safeReadWorkbooks } from '../src/xlsx/index.js';
import { edit, FORM, put, sheet } from './fixtures/xlsx/workbook-helpers.js';
import { starsRule, ZERO } from './support/stars-rule.js';

const kinds = withRuleKinds([starsRule as unknown as AnyRuleKind]);

const source = {
  format: 1,
  id: 'stars-test',
  version: '2026.1.0',
  status: 'draft',
  title: { vi: 'Bộ thử loại quy tắc mới', en: 'A set with a rule kind of its own' },
  basis: [],
  effective: { from: '2026-01-01', to: null },
  levels: [{ id: 'commune', name: { vi: 'Xã', en: 'Commune' } }],
  nodes: [
    {
      code: 'A',
      name: { vi: 'Chỉ số A', en: 'Index A' },
      children: [
        { code: 'A.1', name: { vi: 'Có kế hoạch', en: 'Has a plan' }, points: '10', rule: { kind: 'boolean' } },
        { code: 'A.2', name: { vi: 'Đánh giá của người dân', en: 'Residents\' rating' }, points: '10', rule: { kind: 'stars', of: 5 } },
      ],
    },
  ],
};

function parsedSet(): CriteriaSet {
  const parsed = safeParseCriteria(JSON.parse(JSON.stringify(source)), { ruleKinds: kinds });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path} ${i.code}`).join('\n'));
  return parsed.value;
}

const submission: Submission = { units: [{ id: 'an-binh', level: 'commune', values: { 'A.1': true, 'A.2': 3 } }] };

function scored(set: CriteriaSet, batch: unknown): { points: string | null | undefined; total: string | undefined } {
  const outcome = safeScoreBatch(set, batch);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path} ${i.code}`).join('\n'));
  return { points: outcome.value.results[0]?.nodes['A.2']?.points, total: outcome.value.results[0]?.points };
}

describe('a rule kind of its own, registered in a test registry', () => {
  it('is unknown without the registry, and a built-in kind cannot be replaced', () => {
    const plain = safeParseCriteria(JSON.parse(JSON.stringify(source)));
    expect(plain.ok).toBe(false);
    expect(() => withRuleKinds([{ ...RULE_KINDS.boolean }])).toThrow(RangeError);
    // A misspelt field of the new kind is found like a built-in kind's.
    const misspelt = JSON.parse(JSON.stringify(source)) as typeof source;
    (misspelt.nodes[0]!.children[1]!.rule as Record<string, unknown>) = { kind: 'stars', off: 5 };
    const bad = safeParseCriteria(misspelt, { ruleKinds: kinds });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toContain('nodes[0].children[1].rule.off');
  });

  it('scores through the contract: 3 of 5 stars on 10 points is 6.00', () => {
    const set = parsedSet();
    expect(scored(set, submission)).toEqual({ points: '6.00', total: '16.00' });
    const over = safeScoreBatch(set, { units: [{ id: 'x', level: 'commune', values: { 'A.2': 7 } }] });
    expect(over.ok ? [] : over.issues.map((i) => [i.code, i.path])).toEqual([['value/out-of-range', 'units[0].values["A.2"]']]);
  });

  it('gives the form its input, with the bounds of the shape', () => {
    const set = parsedSet();
    expect(leafInput(set, 'A.2', 'commune')).toEqual({ type: 'number', whole: true, min: ZERO, max: Exact.scaled(5, 0), orFraction: false, percent: false });
    const field = listFormFields(formFields(set, 'commune')).find((f) => f.code === 'A.2');
    expect(field?.input).toEqual({ type: 'number', whole: true, percent: false, min: '0', max: '5' });
    expect(field?.rule.kind).toBe('stars');
    expect(field?.rule.text.vi).toBe('Số sao từ 0 đến 5: 10 × sao ÷ 5');
  });

  it('gives the unit schema its bounds, with the scorer\'s code', () => {
    const schema = unitSubmissionSchemaFor(parsedSet(), 'commune');
    expect(schema.safeParse(submission.units[0]).success).toBe(true);
    const over = schema.safeParse({ id: 'x', level: 'commune', values: { 'A.2': 7 } });
    expect(over.success).toBe(false);
    const issues = over.success ? [] : fromZodIssues(over.error.issues, {});
    expect(issues.map((i) => [i.code, i.path])).toEqual([['value/out-of-range', 'values["A.2"]']]);
  });

  it('goes out to CSV and back with the same score', () => {
    const set = parsedSet();
    const csv = submissionToCsv(submission, set);
    expect(csv.split('\n')[0]).toBe('id,name,level,group,parent,A.1,A.2');
    const back = safeParseSubmissionsCsv(csv, set);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.units[0]?.values['A.2']).toBe('3');
    expect(scored(set, back.value)).toEqual(scored(set, submission));
  });

  it('is filled in a workbook template and read back with the same score', async () => {
    const set = parsedSet();
    const template = await buildTemplate(set, { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' } });
    const bytes = await edit(template, (workbook) => {
      const form = sheet(workbook, FORM);
      put(form, 'A.1', 'F', 'có');
      put(form, 'A.2', 'F', 3);
    });
    const batch = await safeReadWorkbooks([{ name: 'an-binh.xlsx', bytes }], { criteria: set });
    if (!batch.ok) throw new Error(batch.issues.map((i) => `${i.path} ${i.code}`).join('\n'));
    expect(batch.value.units[0]?.values).toEqual({ 'A.1': true, 'A.2': '3' });
    expect(scored(set, batch.value)).toEqual(scored(set, submission));
  });
});

describe('nothing outside src/rules/ branches on a rule kind by name', () => {
  const names = Object.keys(RULE_KINDS).join('|');
  const sources = listSources();
  it('finds no comparison of a leaf or rule kind with a name, no case of one, no cast of a compiled rule', () => {
    const patterns = [
      new RegExp(`(leaf|rule|node)\\??\\.kind\\s*[!=]==?\\s*'(${names})'`),
      new RegExp(`kind\\s*[!=]==?\\s*'(${names})'`),
      new RegExp(`switch \\([^)]*(leaf|rule)\\??\\.kind\\)`),
      /as Compiled(Ratio|Choice|Checklist|Bands|Linear|Count|Option)\b/,
    ];
    const found = sources.flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, index) => (patterns.some((pattern) => pattern.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
  it('the check itself finds such a branch', () => {
    const line = "  if (node.leaf.kind === 'checklist') return [];";
    expect(new RegExp(`(leaf|rule|node)\\??\\.kind\\s*[!=]==?\\s*'(${names})'`).test(line)).toBe(true);
  });
});

/** Every TypeScript file of src/ outside src/rules/, and of the portal. */
function listSources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: URL, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const url = new URL(name, dir);
      const path = `${rel}${name}`;
      if (statSync(url).isDirectory()) {
        if (path !== 'src/rules') walk(new URL(`${name}/`, dir), `${path}/`);
      } else if (name.endsWith('.ts')) {
        out.push({ path, text: readFileSync(url, 'utf8') });
      }
    }
  };
  walk(new URL('../src/', import.meta.url), 'src/');
  walk(new URL('../examples/portal/src/', import.meta.url), 'examples/portal/src/');
  return out;
}
