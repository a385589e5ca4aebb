/**
 * Golden cases: every file in test/golden/cases/*.json is one scoring scenario
 * written as data, with its expected results computed by hand from the spec
 * (the arithmetic is in each case's `description`). See test/golden/README.md.
 *
 * A case either expects results (`expect`, keyed by unit id, only the fields
 * given are compared) or expects the batch to be refused (`expectIssues`, each
 * `{ code, path }` must be reported). A case marked `knownIssue` documents a
 * library bug: it keeps the correct expectation and runs as `it.fails`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainNode, safeScoreBatch, safeParseCriteria, type CriteriaSet, type ScoreReport, type UnitResult } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'golden', 'cases');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type IssueRef = { code: string; path: string };
type NodeExpectation = Record<string, Json> | null;
type UnitExpectation = Record<string, Json> & { nodes?: Record<string, NodeExpectation> };

interface GoldenCase {
  title: string;
  description: string | string[];
  knownIssue?: string;
  criteria: string | Record<string, unknown>;
  options?: { skipInvalid?: boolean; withAppraisers?: boolean };
  submission: unknown;
  expect?: Record<string, UnitExpectation>;
  expectIssues?: IssueRef[];
  /** Unit ids of `results`, in order (optional). */
  results?: string[];
  /** Units rejected under skipInvalid: ids, or `{ unit, issues }` to check their issues too. */
  rejected?: (string | { unit: string; issues?: IssueRef[] })[];
}

const CASE_KEYS = new Set(['$comment', 'title', 'description', 'knownIssue', 'criteria', 'options', 'submission', 'expect', 'expectIssues', 'results', 'rejected']);
const UNIT_FIELDS = new Set(['unit', 'name', 'level', 'group', 'parent', 'points', 'maxPoints', 'index', 'rating', 'rank', 'rankInParent', 'selfPoints', 'difference', 'evidence', 'nodes']);
const NODE_FIELDS = new Set(['points', 'maxPoints', 'index', 'status', 'selfPoints', 'value', 'appraisal', 'explanation']);
const OPTION_KEYS = new Set(['skipInvalid', 'withAppraisers']);

/** Checks a case file's own shape, so a typo in a hand-written case cannot silently test nothing. */
function checkCaseShape(file: string, data: GoldenCase): void {
  for (const key of Object.keys(data)) if (!CASE_KEYS.has(key)) throw new Error(`${file}: unknown key "${key}"`);
  if (typeof data.title !== 'string' || data.title === '') throw new Error(`${file}: "title" is required`);
  if (data.description === undefined) throw new Error(`${file}: "description" is required`);
  if (data.criteria === undefined || data.submission === undefined) throw new Error(`${file}: "criteria" and "submission" are required`);
  if ((data.expect === undefined) === (data.expectIssues === undefined)) throw new Error(`${file}: give exactly one of "expect" or "expectIssues"`);
  for (const key of Object.keys(data.options ?? {})) if (!OPTION_KEYS.has(key)) throw new Error(`${file}: unknown option "${key}"`);
  for (const [unit, fields] of Object.entries(data.expect ?? {})) {
    for (const key of Object.keys(fields)) if (!UNIT_FIELDS.has(key)) throw new Error(`${file}: unit "${unit}": unknown field "${key}"`);
    for (const [code, node] of Object.entries(fields.nodes ?? {})) {
      for (const key of Object.keys(node ?? {})) if (!NODE_FIELDS.has(key)) throw new Error(`${file}: ${unit} node "${code}": unknown field "${key}"`);
    }
  }
}

function loadCases(): { file: string; data: GoldenCase }[] {
  return readdirSync(casesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as GoldenCase;
      checkCaseShape(file, data);
      return { file, data };
    });
}

function resolveCriteria(criteria: GoldenCase['criteria']): CriteriaSet {
  if (typeof criteria === 'string') return getCriteria(criteria);
  const checked = safeParseCriteria(criteria);
  if (!checked.ok) throw new Error(`inline criteria set is invalid: ${JSON.stringify(checked.issues, null, 2)}`);
  return checked.value;
}

/**
 * A field as a case names it: `evidence` with its flags as `{ code, path }`;
 * `null` for an `evidence` or `appraisal` the result does not have.
 */
function shownField(key: string, value: unknown): unknown {
  if ((key === 'evidence' || key === 'appraisal') && value === undefined) return null;
  if (key !== 'evidence' || value === null || typeof value !== 'object') return value;
  const evidence = value as { lacking: unknown; flags: readonly { code: string; path: string }[] };
  return { lacking: evidence.lacking, flags: issueRefs(evidence.flags) };
}

/** The part of a unit result that the expectation names, in the same shape; a node's `explanation` is built (`explainNode`). */
function project(result: UnitResult | undefined, expected: UnitExpectation): Record<string, unknown> | undefined {
  if (result === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    if (key !== 'nodes') {
      out[key] = shownField(key, (result as unknown as Record<string, unknown>)[key]);
      continue;
    }
    const nodes: Record<string, unknown> = {};
    for (const [code, node] of Object.entries(expected.nodes ?? {})) {
      const actual = result.nodes[code] as unknown as Record<string, unknown> | undefined;
      if (node === null || actual === undefined) {
        nodes[code] = actual === undefined ? null : actual;
        continue;
      }
      nodes[code] = Object.fromEntries(Object.keys(node).map((field) => [field, field === 'explanation' ? explainNode(result, code) : shownField(field, actual[field])]));
    }
    out.nodes = nodes;
  }
  return out;
}

const issueRefs = (issues: readonly { code: string; path: string }[]): IssueRef[] => issues.map(({ code, path }) => ({ code, path }));

function runCase(data: GoldenCase): void {
  const criteria = resolveCriteria(data.criteria);
  const outcome = safeScoreBatch(criteria, data.submission, data.options ?? {});

  if (data.expectIssues !== undefined) {
    expect(outcome.ok, 'the batch should be refused').toBe(false);
    if (outcome.ok) return;
    expect(issueRefs(outcome.issues)).toEqual(expect.arrayContaining(data.expectIssues));
    return;
  }

  if (!outcome.ok) throw new Error(`scoring failed: ${JSON.stringify(issueRefs(outcome.issues), null, 2)}`);
  const report: ScoreReport = outcome.value;
  const byUnit = new Map(report.results.map((result) => [result.unit, result]));

  const expected: Record<string, unknown> = {};
  const actual: Record<string, unknown> = {};
  for (const [unit, fields] of Object.entries(data.expect ?? {})) {
    expected[unit] = fields;
    actual[unit] = project(byUnit.get(unit), fields);
  }
  expect(actual).toEqual(expected);

  if (data.results !== undefined) expect(report.results.map((result) => result.unit)).toEqual(data.results);

  const rejected = data.rejected ?? [];
  expect(report.rejected.map((entry) => entry.unit)).toEqual(rejected.map((entry) => (typeof entry === 'string' ? entry : entry.unit)));
  for (const entry of rejected) {
    if (typeof entry === 'string' || entry.issues === undefined) continue;
    const got = report.rejected.find((r) => r.unit === entry.unit);
    expect(issueRefs(got?.issues ?? [])).toEqual(expect.arrayContaining(entry.issues));
  }
}

describe('golden cases (test/golden/cases)', () => {
  const cases = loadCases();

  it('has case files', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  // GOLDEN_SHOW_KNOWN_ISSUES=1 runs known-issue cases as ordinary tests, to see their diffs.
  const showKnown = process.env.GOLDEN_SHOW_KNOWN_ISSUES === '1';
  for (const { file, data } of cases) {
    const name = `${file.replace(/\.json$/, '')}: ${data.title}`;
    if (data.knownIssue !== undefined && !showKnown) it.fails(`${name} [known issue: ${data.knownIssue}]`, () => runCase(data));
    else it(name, () => runCase(data));
  }
});

describe('published DTI 2022 (test/golden/dti-2022-published.json)', () => {
  const golden = JSON.parse(readFileSync(join(here, 'golden', 'dti-2022-published.json'), 'utf8')) as {
    submission: { criteria: string };
    expected: Record<string, UnitExpectation>;
  };

  it('reproduces Đà Nẵng 0.8002 and Cần Thơ 0.6924 with vn-dti-province@2022.1.0', () => {
    expect(golden.submission.criteria).toBe('vn-dti-province@2022.1.0');
    expect(golden.expected['da-nang']?.index).toBe('0.8002');
    expect(golden.expected['can-tho']?.index).toBe('0.6924');
    runCase({ title: 'published', description: '', criteria: golden.submission.criteria, submission: golden.submission, expect: golden.expected });
  });
});

describe('vn-dti-province@2025.1.0 sample (test/golden/dti-2025-sample.json)', () => {
  const golden = JSON.parse(readFileSync(join(here, 'golden', 'dti-2025-sample.json'), 'utf8')) as {
    submission: { criteria: string };
    expected: Record<string, UnitExpectation>;
  };

  it('scores three synthetic provinces: an exact half rounds up, ties share a rank on the rounded index', () => {
    expect(golden.submission.criteria).toBe('vn-dti-province@2025.1.0');
    runCase({ title: 'dti 2025 sample', description: '', criteria: golden.submission.criteria, submission: golden.submission, expect: golden.expected });
  });
});
