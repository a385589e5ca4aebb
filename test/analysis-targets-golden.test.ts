/**
 * Golden cases of the analysis (test/golden/analysis/*.json): each rule
 * kind's inverse, gapToRating, whatIf and pathToRating, with their expected
 * figures computed by hand (the arithmetic is in each case's `description`).
 * See test/golden/analysis/README.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readExact } from '../src/exact/read-exact.js';
import { safeParseCriteria, safeScoreBatch, type CriteriaSet, type Issue } from '../src/index.js';
import { RULE_KINDS, type Rule } from '../src/rules/registry.js';
import type { ValueDomain } from '../src/rules/types.js';
import { getCriteria } from '../src/sets/index.js';
import { safeGapToRating, safePathToRating, safeWhatIf } from '../src/analysis/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const read = <T>(file: string): T => JSON.parse(readFileSync(join(here, 'golden', 'analysis', file), 'utf8')) as T;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys a case file may have, so that a misspelt key cannot silently test nothing. */
function checkKeys(where: string, object: object, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) throw new Error(`${where}: unknown key "${key}"`);
}

const sets = new Map<string, CriteriaSet>();
/** A set by reference (`can-tho@2022.1.0`) or by its name in the file's `sets`. */
function setOf(ref: string, inline: Record<string, unknown> | undefined): CriteriaSet {
  const known = sets.get(ref);
  if (known !== undefined) return known;
  let set: CriteriaSet;
  if (inline?.[ref] !== undefined) {
    const parsed = safeParseCriteria(inline[ref]);
    if (!parsed.ok) throw new Error(`inline set ${ref} is invalid: ${parsed.issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
    set = parsed.value;
  } else {
    set = getCriteria(ref);
  }
  sets.set(ref, set);
  return set;
}

const issueRefs = (issues: readonly Issue[]): { code: string; path: string }[] => issues.map(({ code, path }) => ({ code, path }));

/** `expected` with every field of `actual` it does not name left out (only what a case names is compared). */
function project(actual: unknown, expected: Json): unknown {
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') return actual;
  if (Array.isArray(expected)) return Array.isArray(actual) ? actual.map((item, i) => (i < expected.length ? project(item, expected[i]!) : item)) : actual;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) out[key] = project((actual as Record<string, unknown>)[key], expected[key]!);
  return out;
}

// ---------------------------------------------------------------- inverse

interface InverseCase {
  name: string;
  description: string;
  rule: Rule;
  points: string;
  places: number;
  domain?: { min?: string; max?: string; percent: boolean };
  current?: unknown;
  best?: string;
  step?: string;
  target: string;
  expect: { state: string; raw?: Json; points?: string; distance?: string; step?: string; most?: string | null };
}

describe('golden: each rule kind\'s inverse (test/golden/analysis/inverse.json)', () => {
  const file = read<{ title: string; description: string[]; cases: InverseCase[] }>('inverse.json');
  it('has cases for every kind that has an inverse', () => {
    const kinds = new Set(file.cases.map((c) => c.rule.kind));
    expect([...kinds].sort()).toEqual(Object.values(RULE_KINDS).filter((kind) => kind.inverse !== undefined).map((kind) => kind.kind).sort());
  });
  for (const c of file.cases) {
    it(c.name, () => {
      checkKeys(c.name, c, ['name', 'description', 'rule', 'points', 'places', 'domain', 'current', 'best', 'step', 'target', 'expect']);
      const kind = RULE_KINDS[c.rule.kind];
      const compiled = kind.compile(c.rule as never);
      const domain: ValueDomain | undefined = c.domain === undefined ? undefined : { min: c.domain.min === undefined ? undefined : readExact(c.domain.min), max: c.domain.max === undefined ? undefined : readExact(c.domain.max), percent: c.domain.percent };
      const issues: Issue[] = [];
      const current = c.current === undefined ? undefined : kind.read(c.current, compiled, { unit: 'u', path: [], max: readExact(c.points)!, domain, issues });
      expect(issues).toEqual([]);
      const answer = kind.inverse!(compiled, readExact(c.target)!, { max: readExact(c.points)!, best: c.best === undefined ? undefined : readExact(c.best), places: c.places, domain, step: c.step === undefined ? undefined : readExact(c.step) }, current);
      const shown: Record<string, unknown> = { state: answer.state };
      if (answer.state === 'value') Object.assign(shown, { raw: answer.raw, points: answer.points.toString(), distance: answer.change.distance.toString(), step: answer.change.step.toString() });
      if (answer.state === 'already') shown.points = answer.points.toString();
      if (answer.state === 'unreachable') shown.most = answer.most === undefined ? null : answer.most.toString();
      // Figures compared as numbers: "18.67" and 18.67 with trailing zeros are the same published points.
      const expected: Record<string, unknown> = { ...c.expect };
      for (const key of ['points', 'distance', 'step', 'most'] as const) {
        const value = c.expect[key];
        if (typeof value === 'string') expected[key] = readExact(value)!.toString();
      }
      expect(shown).toEqual(expected);
    });
  }
});

// ---------------------------------------------------------------- gap, whatIf, path

interface AnalysisCase {
  name: string;
  description: string | string[];
  criteria: string;
  /** The batch; the analysed unit is `unit` in it. */
  submission: { units: unknown[] };
  unit: string;
  rating?: string;
  changes?: Record<string, unknown>;
  options?: Record<string, unknown>;
  expect?: Json;
  expectIssues?: { code: string; path: string }[];
}

interface AnalysisFile {
  title: string;
  description: string | string[];
  sets?: Record<string, unknown>;
  cases: AnalysisCase[];
}

const CASE_KEYS = ['name', 'description', 'criteria', 'submission', 'unit', 'rating', 'changes', 'options', 'expect', 'expectIssues'];

function runAnalysis(file: AnalysisFile, c: AnalysisCase, analysis: (set: CriteriaSet) => { ok: true; value: unknown } | { ok: false; issues: readonly Issue[] }): void {
  checkKeys(c.name, c, CASE_KEYS);
  if ((c.expect === undefined) === (c.expectIssues === undefined)) throw new Error(`${c.name}: give exactly one of "expect" or "expectIssues"`);
  const set = setOf(c.criteria, file.sets);
  const outcome = analysis(set);
  if (c.expectIssues !== undefined) {
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(issueRefs(outcome.issues)).toEqual(c.expectIssues);
    return;
  }
  if (!outcome.ok) throw new Error(`${c.name}: ${JSON.stringify(issueRefs(outcome.issues))}`);
  expect(project(JSON.parse(JSON.stringify(outcome.value)), c.expect!)).toEqual(c.expect);
}

describe('golden: gapToRating (test/golden/analysis/gap-to-rating.json)', () => {
  const file = read<AnalysisFile>('gap-to-rating.json');
  for (const c of file.cases) {
    it(c.name, () =>
      runAnalysis(file, c, (set) => {
        const report = safeScoreBatch(set, c.submission);
        if (!report.ok) return report;
        return safeGapToRating(report.value.results.find((r) => r.unit === c.unit)!, set, c.rating!);
      }),
    );
  }
});

describe('golden: whatIf (test/golden/analysis/what-if.json)', () => {
  const file = read<AnalysisFile>('what-if.json');
  for (const c of file.cases) it(c.name, () => runAnalysis(file, c, (set) => safeWhatIf(set, c.submission as never, c.changes ?? {}, { unit: c.unit, ...c.options })));
});

describe('golden: pathToRating (test/golden/analysis/path-to-rating.json)', () => {
  const file = read<AnalysisFile>('path-to-rating.json');
  for (const c of file.cases) it(c.name, () => runAnalysis(file, c, (set) => safePathToRating(set, c.submission as never, c.rating!, { unit: c.unit, ...c.options })));
});
