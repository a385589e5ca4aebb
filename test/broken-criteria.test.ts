/**
 * The catalogue of broken criteria files: one file per kind of mistake a DIC
 * editor makes, each a copy of test/fixtures/criteria/small-valid.json with ONE
 * mistake, listed in test/fixtures/broken-criteria/cases.json with the issues
 * (code and path) validation must report.
 *
 * A case marked `knownIssue` documents a validator defect still to fix: its test
 * runs with `it.fails`, so it turns red (and the mark must be removed) once the
 * validator is fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, safeParseCriteria, safeParseCriteriaJson, type Issue } from '../src/index.js';
import { expectWellFormedIssue } from './support/issues.js';

const here = dirname(fileURLToPath(import.meta.url));
const BROKEN_DIR = join(here, 'fixtures', 'broken-criteria');
const BASE_FILE = join(here, 'fixtures', 'criteria', 'small-valid.json');
const MANIFEST = 'cases.json';

interface ExpectedIssue {
  readonly code: string;
  readonly path: string;
}

interface BrokenCase {
  /** File name in the broken-criteria folder. */
  readonly file: string;
  /** The mistake, in English and Vietnamese. */
  readonly mistake: string;
  /** Issues that must be reported (each matched by code and path). */
  readonly expect: readonly ExpectedIssue[];
  /** Issues that must NOT be reported (misleading consequences of the mistake). */
  readonly absent?: readonly ExpectedIssue[];
  /** A validator defect this case exposes; the case runs with `it.fails` until fixed. */
  readonly knownIssue?: string;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const cases = readJson(join(BROKEN_DIR, MANIFEST)) as BrokenCase[];
const issuesOf = (file: string): readonly Issue[] => {
  const result = safeParseCriteria(readJson(join(BROKEN_DIR, file)));
  return result.ok ? [] : result.issues;
};
const show = (issues: readonly Issue[]): string => issues.map((i) => formatIssue(i, 'en')).join('\n');

/** Every issue must be actionable: a bilingual "vi / en" message with no unfilled parameter, reported once. */
function expectCleanIssues(issues: readonly Issue[]): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    expectWellFormedIssue(issue);
    const key = `${issue.code}|${issue.path}|${issue.message.en}`;
    expect(seen.has(key), `reported twice: ${issue.code} @ ${issue.path}`).toBe(false);
    seen.add(key);
  }
}

function checkCase(c: BrokenCase): void {
  const result = safeParseCriteria(readJson(join(BROKEN_DIR, c.file)));
  expect(result.ok, `${c.file} should be rejected`).toBe(false);
  const issues = result.ok ? [] : result.issues;
  for (const want of c.expect) {
    expect(
      issues.some((issue) => issue.code === want.code && issue.path === want.path),
      `expected ${want.code} @ ${want.path}; got:\n${show(issues)}`,
    ).toBe(true);
  }
  for (const unwanted of c.absent ?? []) {
    expect(
      issues.some((issue) => issue.code === unwanted.code && issue.path === unwanted.path),
      `did not expect ${unwanted.code} @ ${unwanted.path}; got:\n${show(issues)}`,
    ).toBe(false);
  }
  expectCleanIssues(issues);
}

describe('the base criteria set', () => {
  it('small-valid.json validates', () => {
    const result = safeParseCriteria(readJson(BASE_FILE));
    expect(result.ok ? [] : show(result.issues)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('the catalogue of broken criteria files', () => {
  it('has at least 30 cases, each with an expectation and a bilingual description', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(c.expect.length, c.file).toBeGreaterThan(0);
      expect(c.mistake, c.file).toContain(' / ');
    }
  });

  it('lists every file of the folder exactly once, and only files that exist', () => {
    const onDisk = readdirSync(BROKEN_DIR).filter((name) => name.endsWith('.json') && name !== MANIFEST).sort();
    const listed = cases.map((c) => c.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(onDisk);
    for (const name of listed) expect(name).toMatch(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s is rejected', (_file, c) => {
    expect(issuesOf(c.file).length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const title = `${c.file}: ${c.mistake}`;
    if (c.knownIssue) it.fails(`${title} [known issue]`, () => checkCase(c));
    else it(title, () => checkCase(c));
  }
});

describe('safeParseCriteriaJson', () => {
  it('reports malformed JSON text as json/syntax', () => {
    const result = safeParseCriteriaJson('{ "format": 1, "id": "test-small",');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.code).toBe('json/syntax');
    expectCleanIssues(result.issues);
  });

  it('reports a broken file read as text like the parsed object', () => {
    const text = readFileSync(join(BROKEN_DIR, '01-misspelt-key-top.json'), 'utf8');
    const result = safeParseCriteriaJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([['schema/unknown-key', 'descripton']]);
  });

  it('accepts a valid file that starts with a UTF-8 byte order mark', () => {
    const bytes = readFileSync(BASE_FILE);
    expect(bytes[0]).not.toBe(0xef);
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const result = safeParseCriteriaJson(text);
    expect(result.ok ? [] : show(result.issues)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
