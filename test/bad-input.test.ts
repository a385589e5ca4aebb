// The catalogue of bad input (docs/guides/bad-input.md): one test per row. Every row must give a
// coded issue naming the path, never an uncoded exception, and never a silently dropped value.
import { describe, expect, it } from 'vitest';
import { DtiError, ISSUE_CODES, safeParseSubmissionJson, scoreBatch, safeScoreBatch, safeParseCriteria, safeParseCriteriaJson, type Issue } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { expectWellFormedIssue } from './support/issues.js';
import { safeParseSubmissionsCsv } from '../src/csv/index.js';
import { safeLoadCriteria } from '../src/node/index.js';

const criteria = getCriteria('can-tho@2022.1.0');
const commune = (values: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'x', level: 'commune', values, ...extra });

function issuesOf(submission: unknown): Issue[] {
  const outcome = safeScoreBatch(criteria, submission);
  expect(outcome.ok, 'expected the input to be rejected').toBe(false);
  return outcome.ok ? [] : [...outcome.issues];
}

function expectIssue(issues: readonly Issue[], code: string, path: string): void {
  expect(issues.map((i) => `${i.code} @ ${i.path}`)).toContain(`${code} @ ${path}`);
  for (const issue of issues) expectWellFormedIssue(issue);
}

describe('malformed text', () => {
  it('malformed JSON is json/syntax, for criteria and for submissions', () => {
    const set = safeParseCriteriaJson('{ "format": 1, ');
    expect(set.ok).toBe(false);
    if (!set.ok) expectIssue(set.issues, 'json/syntax', '$');
    const sub = safeParseSubmissionJson('{"units": [}');
    expect(sub.ok).toBe(false);
    if (!sub.ok) expectIssue(sub.issues, 'json/syntax', '$');
  });

  it('malformed CSV is csv/syntax with the spreadsheet row', () => {
    const result = safeParseSubmissionsCsv('id,level,name\nx,commune,"unclosed\n', criteria);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe('csv/syntax');
  });
});

describe('wrong types and impossible numbers', () => {
  it.each([
    ['a string for a boolean', { 'CQS.2.1': 'yes' }, 'value/shape', 'units[0].values["CQS.2.1"]'],
    ['an array for a ratio', { 'CQS.1.3': [1, 2] }, 'value/shape', 'units[0].values["CQS.1.3"]'],
    ['NaN', { 'CQS.7.3': Number.NaN }, 'value/shape', 'units[0].values["CQS.7.3"]'],
    ['Infinity', { 'CQS.7.3': Number.POSITIVE_INFINITY }, 'value/shape', 'units[0].values["CQS.7.3"]'],
    ['"1e400"', { 'CQS.7.3': '1e400' }, 'value/shape', 'units[0].values["CQS.7.3"]'],
    ['a negative count', { 'KTS.1.2': -1 }, 'value/negative', 'units[0].values["KTS.1.2"]'],
    ['a fractional count', { 'KTS.1.2': 2.5 }, 'value/not-whole', 'units[0].values["KTS.1.2"]'],
    ['a negative numerator', { 'CQS.1.3': { numerator: -1, denominator: 3 } }, 'value/negative', 'units[0].values["CQS.1.3"].numerator'],
    ['numerator > denominator', { 'CQS.1.3': { numerator: 5, denominator: 3 } }, 'value/numerator-exceeds-denominator', 'units[0].values["CQS.1.3"]'],
    ['a 40-digit decimal', { 'CQS.7.3': '0.1234567890123456789012345678901234567890' }, 'value/shape', 'units[0].values["CQS.7.3"]'],
    ['an unknown option', { 'CQS.4.2': 'boss' }, 'value/unknown-option', 'units[0].values["CQS.4.2"]'],
    ['an unknown checklist item', { 'CQS.1.4': ['chuyen-muc', 'tv'] }, 'value/unknown-item', 'units[0].values["CQS.1.4"][1]'],
    ['"n/a" where not allowed', { 'CQS.1.3': 'n/a' }, 'value/na-not-allowed', 'units[0].values["CQS.1.3"]'],
  ])('%s', (_name, values, code, path) => {
    expectIssue(issuesOf({ units: [commune(values)] }), code, path);
  });

  it('-0 is read as 0, not as a negative count', () => {
    const report = scoreBatch(criteria, { units: [commune({ 'KTS.1.2': -0, 'CQS.7.3': '-0' })] });
    expect(report.results[0]?.nodes['KTS.1.2']?.points).toBe('0.00');
  });

  it('wrong types in the batch itself', () => {
    expectIssue(issuesOf({ units: 'all' }), 'schema/type', 'units');
    expectIssue(issuesOf({ units: [{ id: 7, level: 'commune', values: {} }] }), 'schema/type', 'units[0].id');
    expectIssue(issuesOf({ units: [{ id: 'x', level: 'commune', values: [] }] }), 'schema/type', 'units[0].values');
    expectIssue(issuesOf({ units: [{ id: 'x', level: 'commune' }] }), 'schema/required', 'units[0].values');
    expectIssue(issuesOf({ units: [{ id: 'x', level: 'commune', values: {}, valeus: {} }] }), 'schema/unknown-key', 'units[0].valeus');
  });
});

describe('units and codes', () => {
  it.each([
    ['an unknown leaf code', { units: [commune({ 'CQS.9.9': 1 })] }, 'submission/unknown-leaf', 'units[0].values["CQS.9.9"]'],
    ['a value for an aggregate', { units: [commune({ 'CQS.1': 10 })] }, 'submission/not-a-leaf', 'units[0].values["CQS.1"]'],
    ['a leaf of another level', { units: [commune({ 'CQS.3.4': 2 })] }, 'submission/leaf-not-applicable', 'units[0].values["CQS.3.4"]'],
    ['duplicate unit ids', { units: [commune({}), commune({})] }, 'submission/duplicate-unit', 'units[1].id'],
    ['a level the set does not have', { units: [{ id: 'x', level: 'province', values: {} }] }, 'submission/unknown-level', 'units[0].level'],
    ['a missing group where the level has groups', { units: [{ id: 'x', level: 'department', values: {} }] }, 'submission/group-required', 'units[0].group'],
    ['an unknown group', { units: [{ id: 'x', level: 'department', group: 'D', values: {} }] }, 'submission/unknown-group', 'units[0].group'],
    ['a group on a level without groups', { units: [{ id: 'x', level: 'commune', group: 'A', values: {} }] }, 'submission/group-not-allowed', 'units[0].group'],
  ])('%s', (_name, submission, code, path) => {
    expectIssue(issuesOf(submission), code, path);
  });

  it('every problem of every unit is reported together', () => {
    const issues = issuesOf({ units: [commune({ 'CQS.9.9': 1 }), { id: 'y', level: 'department', values: { 'CQS.1.3': { numerator: 9, denominator: 1 } } }] });
    expect(issues.length).toBeGreaterThanOrEqual(2);
  });
});

describe('prototype keys', () => {
  const sentinel = (): unknown => (Object.prototype as Record<string, unknown>)['polluted'];

  it('__proto__, constructor and prototype as leaf codes are unknown codes, and nothing is polluted', () => {
    const text = '{"units":[{"id":"x","level":"commune","values":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":1}}]}';
    const parsed = JSON.parse(text) as unknown;
    const issues = issuesOf(parsed);
    expectIssue(issues, 'submission/unknown-leaf', 'units[0].values.__proto__');
    expectIssue(issues, 'submission/unknown-leaf', 'units[0].values.constructor');
    expectIssue(issues, 'submission/unknown-leaf', 'units[0].values.prototype');
    expect(sentinel()).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('prototype keys in a unit, in the batch and in a criteria file are unknown keys', () => {
    const unit = JSON.parse('{"id":"x","level":"commune","values":{},"__proto__":{"polluted":1}}') as unknown;
    expectIssue(issuesOf({ units: [unit] }), 'schema/unknown-key', 'units[0].__proto__');
    const batch = JSON.parse('{"units":[],"constructor":{"prototype":{"polluted":1}}}') as unknown;
    expectIssue(issuesOf(batch), 'schema/unknown-key', 'constructor');
    const set = JSON.parse(JSON.stringify(criteria)) as Record<string, unknown>;
    const tampered = JSON.parse(JSON.stringify(set).replace('"code":"CQS"', '"__proto__":{"polluted":1},"code":"CQS"')) as unknown;
    const result = safeParseCriteria(tampered);
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, 'schema/unknown-key', 'nodes[0].__proto__');
    const checklist = JSON.parse('{"units":[{"id":"x","level":"commune","values":{"CQS.1.4":{"__proto__":true}}}]}') as unknown;
    expectIssue(issuesOf(checklist), 'value/unknown-item', 'units[0].values["CQS.1.4"].__proto__');
    expect(sentinel()).toBeUndefined();
  });
});

describe('size and depth limits', () => {
  it('a criteria tree deeper than 16 levels is criteria/too-deep, without a stack overflow', () => {
    let node: Record<string, unknown> = { code: 'A', name: { vi: 'a' }, rule: { kind: 'boolean' }, points: '1' };
    for (let i = 0; i < 100_000; i++) node = { code: 'A', name: { vi: 'a' }, children: [node] };
    const result = safeParseCriteria({ ...JSON.parse(JSON.stringify(criteria)), nodes: [node] });
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, 'criteria/too-deep', 'nodes');
  });

  it('more than 20,000 nodes is input/too-large', () => {
    const leaves = Array.from({ length: 20_001 }, (_, i) => ({ code: `A.${i}`, name: { vi: 'a' }, rule: { kind: 'boolean' }, points: '1' }));
    const result = safeParseCriteria({ ...JSON.parse(JSON.stringify(criteria)), nodes: [{ code: 'A', name: { vi: 'a' }, children: leaves }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expectIssue(result.issues, 'input/too-large', 'nodes');
  });

  it('more than 100,000 units is input/too-large', () => {
    const units = new Array(100_001).fill(commune({}));
    expectIssue(issuesOf({ units }), 'input/too-large', 'units');
  });

  it('an aggregate with 300,000 children is input/too-large, not a RangeError', () => {
    const leaves = Array.from({ length: 300_000 }, (_, i) => ({ code: `A.${i}`, name: { vi: 'a' }, rule: { kind: 'boolean' }, points: '1' }));
    const result = safeParseCriteria({ ...JSON.parse(JSON.stringify(criteria)), nodes: [{ code: 'A', name: { vi: 'a' }, children: leaves }] });
    expect(!result.ok && result.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['input/too-large nodes']);
    expect(!result.ok && result.issues[0]?.params).toEqual({ limit: 20_000, what: 'nodes' });
  });

  it('the limits are options: fewer units, fewer nodes, fewer issues listed', () => {
    const small = safeScoreBatch(criteria, { units: [commune({}, { id: 'a' }), commune({}, { id: 'b' }), commune({}, { id: 'c' })] }, { limits: { units: 2 } });
    expect(!small.ok && small.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['input/too-large units']);
    const nodes = safeParseCriteria(JSON.parse(JSON.stringify(criteria)), { limits: { nodes: 5 } });
    expect(!nodes.ok && nodes.issues[0]?.params).toEqual({ limit: 5, what: 'nodes' });
    const fromFile = safeLoadCriteria('criteria/can-tho/2022.1.0.json', { limits: { nodes: 5 } });
    expect(!fromFile.ok && fromFile.issues.map((i) => `${i.code} ${i.file}`)).toEqual(['input/too-large criteria/can-tho/2022.1.0.json']);
    expect(safeLoadCriteria('criteria/can-tho/2022.1.0.json').ok).toBe(true);
  });

  it('60,000 bad units list 1,000 issues, then one input/too-many-issues with the count (no stack overflow)', () => {
    const units = Array.from({ length: 60_000 }, (_, i) => commune({ 'CQS.2.1': 'yes' }, { id: `u${i}` }));
    const issues = issuesOf({ units });
    expect(issues).toHaveLength(1_001);
    expect(issues.at(-1)?.code).toBe('input/too-many-issues');
    expect(issues.at(-1)?.params).toEqual({ count: 60_000, limit: 1_000 });
    const ten = safeScoreBatch(criteria, { units: units.slice(0, 50) }, { limits: { issues: 10 } });
    expect(!ten.ok && ten.issues.length).toBe(11);
  });

  it('a deeply nested value is a shape error, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { numerator: deep };
    expectIssue(issuesOf({ units: [commune({ 'CQS.1.3': deep })] }), 'value/shape', 'units[0].values["CQS.1.3"].denominator');
    expectIssue(issuesOf({ units: [commune({ 'CQS.1.3': { numerator: deep, denominator: 1 } })] }), 'value/shape', 'units[0].values["CQS.1.3"].numerator');
    let nested: unknown = [];
    for (let i = 0; i < 100_000; i++) nested = [nested];
    const outcome = safeScoreBatch(criteria, { units: [commune({ 'CQS.1.4': nested, 'CQS.8.1': nested })] });
    expect(outcome.ok).toBe(false);
  });

  it('a deeply nested JSON text is rejected with a code', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const result = safeParseSubmissionJson(text);
    expect(result.ok).toBe(false);
  });
});

describe('the throwing entry points throw only DtiError', () => {
  it.each([null, undefined, 42, 'units', [], { units: null }, { units: [null] }, { units: [[]] }])('scoreBatch(%j)', (input) => {
    expect(() => scoreBatch(criteria, input)).toThrow(DtiError);
  });
});
