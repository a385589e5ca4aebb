/**
 * Results files read back (src/results/): an honest file from `scoreBatch`
 * passes, for every embedded set and the examples, with and without
 * explanations; every tampering is refused with its code and path; any single
 * edit of a figure or a rank is caught; `dti report` and `dti compare` refuse
 * tampered files with exit 1 and the codes printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Dec,
  DtiError,
  parseCriteria,
  parseScoreReport,
  readResultsStamp,
  RESULTS_FORMAT,
  safeParseScoreReport,
  scoreBatch,
  scoreReportSchema,
  UNKNOWN_GENERATOR,
  withExplanations,
  type CriteriaSet,
  type Issue,
  type ScoreOptions,
  type Submission,
  type UnitSubmission,
} from '../src/index.js';
import { canTho2022, EMBEDDED_SETS, getCriteria } from '../src/sets/index.js';
import { reportToHtml, reportToMarkdown } from '../src/report/index.js';
import { reportToXlsx } from '../src/xlsx/index.js';
import { compareReports } from '../src/versioning/compare.js';
import { batchFor, leavesOf, valueFor } from './support/arbitraries.js';
import { dti, dtiAsync } from './support/cli.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const root = join(__dirname, '..');
const readJson = (path: string): Json => JSON.parse(readFileSync(join(root, path), 'utf8'));
const EXAMPLES = ['examples/can-tho-2022/submissions.json', 'examples/can-tho-2023/submissions.json', 'examples/can-tho-2025/submissions.json'];

/** A report as a file holds it: scored, written as JSON, read back. */
/** A results file as `dti score --format json` writes it: with the explanations unless `explain: false`. */
function fileOf(criteria: CriteriaSet, submission: unknown, options: ScoreOptions = {}): Json {
  return JSON.parse(JSON.stringify(withExplanations(scoreBatch(criteria, submission, options))));
}

const issuesOf = (data: unknown, criteria: CriteriaSet): readonly Issue[] => {
  const checked = safeParseScoreReport(data, criteria);
  return checked.ok ? [] : checked.issues;
};
const where = (issues: readonly Issue[]): string[] => issues.map((i) => `${i.path} ${i.code}`);

/** Every batch a set can score, with appraised values (on any leaf, or only on non-relative ones) and parents. */
function appraisedBatch(set: CriteriaSet, relativeToo: boolean): fc.Arbitrary<UnitSubmission[]> {
  const leaves = leavesOf(set);
  return batchFor(set, 6).chain((units) =>
    fc.tuple(
      ...units.map((unit) => {
        const atom = unit.group ? `${unit.level}/${unit.group}` : unit.level;
        const mine = leaves.filter((l) => l.atoms.has(atom) && l.node.rule!.kind !== 'info' && (relativeToo || l.node.rule!.kind !== 'relative'));
        return fc
          .tuple(
            fc.subarray(mine, { maxLength: 3 }).chain((chosen) => fc.tuple(...chosen.map((l) => valueFor(l.node, unit.level).map((v) => [l.node.code, v] as const)))),
            fc.constantFrom(null, 'parent-1', 'parent-2'),
          )
          .map(([pairs, parent]) => ({ ...unit, parent, ...(pairs.length > 0 ? { appraised: Object.fromEntries(pairs) } : {}) }));
      }),
    ),
  );
}

/** can-tho@2022.1.0 reworked: caps that bind, ranking by points, dense ties, within level and group. */
const variant: CriteriaSet = (() => {
  const set = JSON.parse(JSON.stringify(canTho2022));
  set.version = '2022.9.0';
  set.ranking = { by: 'points', ties: 'dense', cohort: 'level+group' };
  for (const level of set.levels) delete level.expectedMax;
  set.nodes[0].cap = '40';
  set.nodes[0].children[0].cap = { department: '12.5', district: '10', commune: '10' };
  return parseCriteria(set);
})();

const example2022 = readJson(EXAMPLES[0]!) as Submission;
const honest = fileOf(canTho2022, example2022);

/** The honest file with one change. */
function tampered(edit: (file: Json) => void): Json {
  const copy = structuredClone(honest);
  edit(copy);
  return copy;
}

describe('an honest results file passes', () => {
  it.each(EXAMPLES)('%s, with and without explanations, and returns the same report', (path) => {
    const submission = readJson(path);
    const criteria = getCriteria(submission.criteria);
    for (const explain of [true, false]) {
      const file = fileOf(criteria, submission, { explain });
      const checked = safeParseScoreReport(file, criteria);
      expect(where(checked.ok ? [] : checked.issues)).toEqual([]);
      if (checked.ok) expect(JSON.stringify(checked.value)).toBe(JSON.stringify(file));
      // A report object straight from the scorer, not through JSON, too.
      const scored = scoreBatch(criteria, submission, { explain });
      expect(parseScoreReport(explain ? withExplanations(scored) : scored, criteria)).toEqual(file);
    }
  });

  it('with rejected units and warnings', () => {
    const submission = { ...example2022, period: '2019', units: [...example2022.units, { id: 'bad', level: 'commune', values: { 'CQS.1.3': { numerator: 5, denominator: 2 } } }] };
    const file = fileOf(canTho2022, submission, { skipInvalid: true });
    expect(file.rejected).toHaveLength(1);
    expect(file.warnings.length).toBeGreaterThan(0);
    expect(where(issuesOf(file, canTho2022))).toEqual([]);
  });

  it.each([...EMBEDDED_SETS, variant].map((set) => [`${set.id}@${set.version}`, set] as const))('random batches of %s, appraised values and parents included', (_ref, set) => {
    fc.assert(
      fc.property(appraisedBatch(set, true), fc.boolean(), (units, explain) => {
        const file = fileOf(set, { units }, { explain });
        expect(where(issuesOf(file, set))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('the other sets of the repository, with caps, missing values excluded and dense ranks', () => {
    const cases: [string, string][] = [
      ['test/fixtures/other-province/criteria/song-xanh/2024.1.0.json', 'test/fixtures/other-province/submissions-2024.json'],
      ['test/fixtures/other-province/criteria/song-xanh/2025.1.0.json', 'test/fixtures/other-province/submissions-2025.json'],
      ['test/fixtures/report/mini-criteria.json', 'test/fixtures/report/mini-submissions.json'],
    ];
    for (const [set, submission] of cases) {
      const criteria = parseCriteria(readJson(set));
      expect(where(issuesOf(fileOf(criteria, readJson(submission)), criteria)), set).toEqual([]);
    }
  });

  it('a format-0 file (no format, no generator) is read, as format 1 with an unknown generator', () => {
    const { format, generator, ...formatZero } = honest;
    expect([format, generator.name]).toEqual([RESULTS_FORMAT, 'dti-criteria']);
    const read = parseScoreReport(formatZero, canTho2022);
    expect(Object.keys(read)).toEqual(['format', 'criteria', 'generator', 'period', 'results', 'rejected', 'warnings']);
    expect(read).toEqual({ ...honest, generator: UNKNOWN_GENERATOR });
    // A field format 0 never had is refused within it, like any unknown field.
    expect(where(issuesOf({ ...formatZero, generator }, canTho2022))).toEqual(['generator schema/unknown-key']);
  });

  it('the scorer writes format first, and the exported schema accepts what it writes', () => {
    expect(Object.keys(scoreBatch(canTho2022, { units: [] }))[0]).toBe('format');
    expect(scoreReportSchema({ points: 2, index: 4 }).safeParse(honest).success).toBe(true);
    const { format: _format, generator: _generator, ...formatZero } = honest;
    expect(scoreReportSchema({ points: 2, index: 4 }, 0).safeParse(formatZero).success).toBe(true);
    expect(scoreReportSchema({ points: 3, index: 4 }).safeParse(honest).success).toBe(false);
  });
});

describe('a tampered results file is refused with its code and path', () => {
  const district = honest.results.findIndex((r: Json) => r.level === 'district' && r.maxPoints === '1000.00');
  /** A node of the first unit (a department) that no district has. */
  const departmentOnly = Object.keys(honest.results[0].nodes).find((code) => !(code in honest.results[district].nodes) && code.includes('.'))!;
  const cases: [string, (file: Json) => void, string][] = [
    ['points 5000 of 1000', (f) => void (f.results[district].points = '5000.00'), `results[${district}].points results/points-range`],
    ['index 7.5', (f) => void (f.results[0].index = '7.5000'), 'results[0].index results/inconsistent'],
    ['index 7.5 with one decimal', (f) => void (f.results[0].index = '7.5'), 'results[0].index results/decimal-places'],
    ['index not matching points / maxPoints', (f) => void (f.results[1].index = new Dec(f.results[1].index).plus('0.0001').toFixed(4)), 'results[1].index results/inconsistent'],
    ['a leaf maxPoints changed', (f) => void (f.results[2].nodes['CQS.1.3'].maxPoints = '25.00'), 'results[2].nodes["CQS.1.3"].maxPoints results/inconsistent'],
    ['an aggregate not the sum of its children', (f) => void (f.results[3].nodes['CQS.1'].points = new Dec(f.results[3].nodes['CQS.1'].points).plus(1).toFixed(2)), 'results[3].nodes["CQS.1"].points results/inconsistent'],
    ['unit points not the sum of the roots', (f) => void (f.results[3].points = new Dec(f.results[3].points).minus('0.01').toFixed(2)), 'results[3].points results/inconsistent'],
    ['rating changed', (f) => void (f.results[4].rating = f.results[4].rating === 'yeu' ? 'tot' : 'yeu'), 'results[4].rating results/inconsistent'],
    ['rank changed', (f) => void (f.results[5].rank = f.results[5].rank + 1), 'results[5].rank results/rank'],
    ['rank in parent changed', (f) => void (f.results.find((r: Json) => r.parent !== null).rankInParent = 99), 'results/rank'],
    ['a unit listed twice', (f) => void f.results.push(structuredClone(f.results[6])), `results[${honest.results.length}].unit submission/duplicate-unit`],
    ['a unit listed twice under another spelling (NFC, spaces)', (f) => void f.results.push({ ...structuredClone(f.results[6]), unit: ` ${f.results[6].unit.normalize('NFD')} ` }), `results[${honest.results.length}].unit submission/duplicate-unit`],
    ['an unknown field at the top', (f) => void (f.total = 1), 'total schema/unknown-key'],
    ['an unknown field in a unit', (f) => void (f.results[0].bonus = '10.00'), 'results[0].bonus schema/unknown-key'],
    ['an unknown field in a node', (f) => void (f.results[0].nodes['CQS.1.3'].note = 'ok'), 'results[0].nodes["CQS.1.3"].note schema/unknown-key'],
    ['an index on a leaf', (f) => void (f.results[0].nodes['CQS.1.3'].index = '1.0000'), 'results[0].nodes["CQS.1.3"].index schema/unknown-key'],
    ['rejected[].issues not a list', (f) => void (f.rejected = [{ unit: 'x', position: 0, issues: 'broken' }]), 'rejected[0].issues schema/type'],
    ['warnings not issues', (f) => void (f.warnings = [{ code: 7 }]), 'warnings[0].code schema/type'],
    ['a node code not in the set', (f) => void (f.results[0].nodes['XYZ.9'] = { points: '1.00', maxPoints: '1.00', status: 'scored' }), 'results[0].nodes["XYZ.9"] results/unknown-node'],
    ['a node that does not apply to the unit', (f) => void (f.results[district].nodes[departmentOnly] = structuredClone(f.results[0].nodes[departmentOnly])), `results[${district}].nodes["${departmentOnly}"] results/node-not-applicable`],
    ['a node removed', (f) => void delete f.results[0].nodes['CQS.1.3'], 'results[0].nodes results/missing-node'],
    ['an unknown level', (f) => void (f.results[0].level = 'tinh'), 'results[0].level submission/unknown-level'],
    ['a status that cannot go with the points', (f) => void (f.results[0].nodes['CQS.1.3'].status = 'not-applicable'), 'results[0].nodes["CQS.1.3"].status results/status'],
    ['an unknown status', (f) => void (f.results[0].nodes['CQS.1.3'].status = 'done'), 'results[0].nodes["CQS.1.3"].status schema/enum'],
    ['a number instead of a decimal string', (f) => void (f.results[0].points = 812.5), 'results[0].points schema/type'],
    ['a decimal in exponent notation', (f) => void (f.results[0].maxPoints = '9.4e2'), 'results[0].maxPoints schema/decimal'],
    ['a wrong stamp', (f) => void (f.criteria.sha256 = '0'.repeat(64)), 'criteria compare/criteria-mismatch'],
    ['another version in the stamp', (f) => void (f.criteria.version = '2023.1.0'), 'criteria compare/criteria-mismatch'],
    ['format 2', (f) => void (f.format = 2), 'format results/format-version'],
    ['format "1"', (f) => void (f.format = '1'), 'format schema/enum'],
  ];

  it.each(cases)('%s', (_name, edit, expected) => {
    const issues = where(issuesOf(tampered(edit), canTho2022));
    expect(issues.some((line) => line === expected || line.endsWith(` ${expected}`) || (!expected.includes(' ') && line.endsWith(expected))), `${expected} in\n${issues.join('\n')}`).toBe(true);
  });

  it('the honest file is refused by no case above, and each issue is coded with data parameters', () => {
    expect(issuesOf(honest, canTho2022)).toEqual([]);
    const issues = issuesOf(tampered((f) => void (f.results[0].index = '0.5000')), canTho2022);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'results/inconsistent', path: 'results[0].index', params: { unit: honest.results[0].unit, field: 'index', published: '0.5000', expected: honest.results[0].index } });
    // A copy of a unit is one problem, not a cascade of shifted ranks.
    expect(where(issuesOf(tampered((f) => void f.results.push(structuredClone(f.results[0]))), canTho2022))).toEqual([`results[${honest.results.length}].unit submission/duplicate-unit`]);
    const rank = issuesOf(tampered((f) => void (f.results[5].rank = 40)), canTho2022);
    expect(rank.map((i) => [i.path, i.code, i.params])).toEqual([['results[5].rank', 'results/rank', { unit: honest.results[5].unit, field: 'rank', published: '40', expected: String(honest.results[5].rank) }]]);
  });

  it('reports every problem at once, in the units the schema can read too', () => {
    const file = tampered((f) => {
      f.results[0].points = '0,5';
      f.results[1].nodes['CQS.1.3'].maxPoints = '25.00';
      f.results[2].rating = 'xuat-sac';
      f.results.push(structuredClone(f.results[3]));
      f.rejected = [{ unit: 'x', position: 0, issues: {} }];
    });
    const issues = where(issuesOf(file, canTho2022));
    expect(issues).toEqual(expect.arrayContaining([
      'results[0].points schema/decimal',
      'rejected[0].issues schema/type',
      `results[${honest.results.length}].unit submission/duplicate-unit`,
      'results[1].nodes["CQS.1.3"].maxPoints results/inconsistent',
      'results[2].rating results/inconsistent',
    ]));
  });

  it('a stamp of another set is checked no further (the figures mean nothing under other rules)', () => {
    const other = getCriteria('can-tho@2023.1.0');
    expect(where(issuesOf(honest, other))).toEqual(['criteria compare/criteria-mismatch']);
  });

  it('never throws, whatever the input', () => {
    for (const data of [null, undefined, 42, 'results', [], {}, { results: 'x' }, { criteria: honest.criteria, results: [null, 1, { nodes: [] }] }]) {
      expect(safeParseScoreReport(data, canTho2022).ok).toBe(false);
    }
    fc.assert(fc.property(fc.anything(), (data) => void safeParseScoreReport(data, canTho2022)), { numRuns: 200 });
    // Any value in place of any part of an honest file: an answer, never an exception.
    const small = fileOf(canTho2022, { units: example2022.units.filter((_, i) => i % 12 === 0) });
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('results', 'rejected', 'warnings', 'criteria', 'period', 'format', 'generator'), fc.nat(), (value, key, unit) => {
        expect(typeof safeParseScoreReport({ ...small, [key]: value }, canTho2022).ok).toBe('boolean');
        const copy = structuredClone(small);
        const target = copy.results[unit % copy.results.length];
        const field = ['points', 'index', 'nodes', 'rank', 'level', 'group', 'parent', 'selfPoints'][unit % 8]!;
        target[field] = value;
        expect(typeof safeParseScoreReport(copy, canTho2022).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('parseScoreReport throws a DtiError with every issue', () => {
    const file = tampered((f) => void f.results.push(structuredClone(f.results[0])));
    expect(() => parseScoreReport(file, canTho2022)).toThrow(DtiError);
    try {
      parseScoreReport(file, canTho2022);
    } catch (error) {
      expect(where((error as DtiError).issues)).toContain(`results[${honest.results.length}].unit submission/duplicate-unit`);
    }
  });

  it('readResultsStamp reads the stamp alone', () => {
    expect(readResultsStamp(honest)).toEqual({ ok: true, value: honest.criteria });
    const missing = readResultsStamp({ ...honest, criteria: undefined });
    expect(missing.ok ? [] : where(missing.issues)).toEqual(['criteria schema/required']);
    const nested = readResultsStamp([], { path: ['a', 'report'] });
    expect(nested.ok ? [] : where(nested.issues)).toEqual(['a.report schema/type']);
  });
});

/** The paths of every figure and rank of a report (decimal strings, or `null` where a figure could stand). */
function numericFields(file: Json): { path: (string | number)[]; places: number | 'rank' }[] {
  const out: { path: (string | number)[]; places: number | 'rank' }[] = [];
  file.results.forEach((unit: Json, i: number) => {
    for (const field of ['points', 'maxPoints', 'selfPoints', 'difference']) if (field in unit) out.push({ path: ['results', i, field], places: 2 });
    out.push({ path: ['results', i, 'index'], places: 4 });
    out.push({ path: ['results', i, 'rank'], places: 'rank' }, { path: ['results', i, 'rankInParent'], places: 'rank' });
    for (const [code, node] of Object.entries<Json>(unit.nodes)) {
      for (const field of ['points', 'maxPoints', 'selfPoints']) if (field in node) out.push({ path: ['results', i, 'nodes', code, field], places: 2 });
      if ('index' in node) out.push({ path: ['results', i, 'nodes', code, 'index'], places: 4 });
    }
  });
  return out;
}

/** The file with one figure moved by `step` units of its last decimal (up or down), or one rank moved by `step`. */
function edited(file: Json, field: { path: (string | number)[]; places: number | 'rank' }, step: number, up: boolean): Json {
  const copy = structuredClone(file);
  let at = copy;
  for (const segment of field.path.slice(0, -1)) at = at[segment];
  const key = field.path.at(-1)!;
  const value = at[key];
  if (field.places === 'rank') at[key] = value === null ? step : up || value - step < 1 ? value + step : value - step;
  else {
    const delta = new Dec(step).times(new Dec(10).pow(-field.places));
    at[key] = value === null ? delta.toFixed(field.places) : new Dec(value).plus(up ? delta : delta.neg()).toFixed(field.places);
  }
  return copy;
}

describe('any single edit of a figure or a rank is caught', () => {
  // Where a figure cannot be known from the file alone, an edit cannot be caught either (the scorer
  // publishes sums, not the submission): below a cap that binds, a child's points only have to keep
  // the capped sum; beside a relative leaf that another unit of its cohort had appraised, the
  // self-assessed points of the unit's aggregates are not determined. The reports below have neither.
  const reports = EXAMPLES.map((path) => {
    const submission = readJson(path);
    const criteria = getCriteria(submission.criteria);
    const file = fileOf(criteria, submission, { explain: false });
    return { criteria, file, fields: numericFields(file) };
  });

  it('in the examples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...reports), fc.nat(), fc.integer({ min: 1, max: 5000 }), fc.boolean(), ({ criteria, file, fields }, pick, step, up) => {
        const field = fields[pick % fields.length]!;
        expect(safeParseScoreReport(edited(file, field, step, up), criteria).ok, JSON.stringify(field.path)).toBe(false);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('in random batches of every embedded set', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EMBEDDED_SETS).chain((set) => fc.tuple(fc.constant(set), appraisedBatch(set, false))),
        fc.nat(),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        ([set, units], pick, step, up) => {
          const file = fileOf(set, { units }, { explain: false });
          const fields = numericFields(file);
          const field = fields[pick % fields.length]!;
          expect(safeParseScoreReport(edited(file, field, step, up), set).ok, JSON.stringify(field.path)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('the report functions and compareReports check their input', () => {
  const twice = tampered((f) => void f.results.push(structuredClone(f.results[0])));
  const inflated = tampered((f) => void (f.results[0].points = '5000.00'));

  it('reportToHtml, reportToMarkdown and reportToXlsx throw DtiError on an inconsistent report, paths under report', async () => {
    for (const render of [reportToHtml, reportToMarkdown]) {
      expect(() => render(twice, canTho2022)).toThrow(DtiError);
      try {
        render(inflated, canTho2022);
      } catch (error) {
        expect(where((error as DtiError).issues)).toContain('report.results[0].points results/points-range');
      }
    }
    await expect(reportToXlsx(twice, canTho2022)).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ code: 'submission/duplicate-unit', path: `report.results[${honest.results.length}].unit` })]) });
    expect(reportToMarkdown(honest, canTho2022)).toBe(reportToMarkdown(scoreBatch(canTho2022, example2022), canTho2022));
  });

  it('compareReports refuses a duplicated unit on either side, with the problems of both sides', () => {
    expect(() => compareReports({ report: honest, criteria: canTho2022 }, { report: twice, criteria: canTho2022 })).toThrow(DtiError);
    try {
      compareReports({ report: inflated, criteria: canTho2022 }, { report: twice, criteria: canTho2022 });
    } catch (error) {
      const issues = where((error as DtiError).issues);
      expect(issues).toContain('a.report.results[0].points results/points-range');
      expect(issues).toContain(`b.report.results[${honest.results.length}].unit submission/duplicate-unit`);
    }
  });
});

describe('the command line refuses tampered files', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dti-results-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (name: string, data: unknown): string => {
    const file = join(tmp, name);
    writeFileSync(file, JSON.stringify(data, null, 2));
    return file;
  };
  const noStack = (text: string): void => {
    expect(text).not.toMatch(/\n\s+at \S/);
    expect(text).not.toContain('TypeError');
    expect(text).not.toContain('internal error');
  };
  const good = write('good.json', honest);

  it.each([
    ['points 5000 of 1000', (f: Json) => void (f.results[0].points = '5000.00'), 'results[0].points', 'results/points-range'],
    ['a unit listed twice', (f: Json) => void f.results.push(structuredClone(f.results[1])), `results[${honest.results.length}].unit`, 'submission/duplicate-unit'],
    ['rejected[].issues not a list', (f: Json) => void (f.rejected = [{ unit: 'x', position: 0, issues: 'broken' }]), 'rejected[0].issues', 'schema/type'],
    ['format 2', (f: Json) => void (f.format = 2), 'format', 'results/format-version'],
    ['rank changed', (f: Json) => void (f.results[5].rank = 40), 'results[5].rank', 'results/rank'],
  ])('dti report: %s → exit 1, nothing written', async (name, edit, path, code) => {
    const file = write(`report-${code.replace('/', '-')}.json`, tampered(edit));
    const out = join(tmp, `${code.replace('/', '-')}.html`);
    const result = await dtiAsync('report', file, '--out', out);
    expect(result.code, result.err).toBe(1);
    expect(result.err).toContain(`${path}: `);
    expect(result.err).toContain(`[${code}]`);
    expect(result.out).toBe('');
    noStack(result.err);
    expect(() => readFileSync(out)).toThrow();
  });

  it('dti report still reports an honest file, and a format-0 one', async () => {
    expect((await dtiAsync('report', good, '--format', 'md')).code).toBe(0);
    const { format: _format, generator: _generator, ...formatZero } = honest;
    const old = write('format-0.json', formatZero);
    const result = await dtiAsync('report', old, '--format', 'md');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe(reportToMarkdown(honest, canTho2022));
  });

  it('dti compare: a unit listed twice on either side → exit 1 with the code, no rows', () => {
    const twice = write('twice.json', tampered((f) => void f.results.push(structuredClone(f.results[1]))));
    for (const [a, b, side] of [[good, twice, 'b'], [twice, good, 'a']] as const) {
      const result = dti('compare', a, b);
      expect(result.code, result.err).toBe(1);
      expect(result.err).toContain(`${side}.report.results[${honest.results.length}].unit: `);
      expect(result.err).toContain('[submission/duplicate-unit]');
      expect(result.out).toBe('');
      noStack(result.err);
    }
    const json = dti('compare', good, twice, '--format', 'json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as { errors: { code: string }[] }).errors.map((e) => e.code)).toContain('submission/duplicate-unit');
  });

  it('dti compare: a tampered figure, a broken stamp, a newer format → exit 1 with the codes', () => {
    const inflated = write('inflated.json', tampered((f) => void (f.results[0].points = '5000.00')));
    const noStamp = write('no-stamp.json', tampered((f) => void delete f.criteria));
    const newer = write('newer.json', tampered((f) => void (f.format = 2)));
    const one = dti('compare', inflated, good);
    expect(one.code).toBe(1);
    expect(one.err).toContain('a.report.results[0].points: ');
    expect(one.err).toContain('[results/points-range]');
    const two = dti('compare', noStamp, newer);
    expect(two.code).toBe(1);
    expect(two.err).toContain('a.report.criteria: ');
    expect(two.err).toContain('[schema/required]');
    expect(two.err).toContain('b.report.format: ');
    expect(two.err).toContain('[results/format-version]');
    for (const text of [one.err, two.err]) noStack(text);
    expect(dti('compare', good, good).code).toBe(0);
  });
});
