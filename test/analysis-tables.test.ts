// toRows, toCsv and describeResults on the embedded examples and on the cases a reader trips over:
// the wrong set, unknown options, inputs not kept, decimals a double cannot hold, tables without a set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreBatch, type ScoreReport } from '../src/index.js';
import { describeResults, safeDescribeResults, safeToRows, toCsv, toRows, type TableValue } from '../src/analysis/index.js';
import { getCriteria } from '../src/sets/index.js';

const criteria = getCriteria('can-tho@2022.1.0');
const submissions = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
const kept = scoreBatch(criteria, submissions, { keepInputs: true });
/** The nodes of a wide table, in column order. */
const codesOf = (report: ScoreReport, options: { criteria?: typeof criteria } = {}): string[] =>
  toRows(report, { ...options, values: ['points'] }).columns.flatMap((column) => (column.code === undefined ? [] : [column.code]));

describe('toRows', () => {
  it('refuses a set that did not score the report, unknown options and inputs that were not kept', () => {
    const other = safeToRows(kept, { criteria: getCriteria('can-tho@2023.1.0') });
    expect(other.ok ? [] : other.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['compare/criteria-mismatch criteria']);
    const options = safeToRows(kept, { shape: 'tall' as never, nodes: 'some' as never, values: ['points', 'score' as TableValue] });
    expect(options.ok ? [] : options.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['schema/enum shape', 'schema/enum nodes', 'schema/enum values[1]']);
    const plain = safeToRows(scoreBatch(criteria, submissions), { values: ['points', 'input'] });
    expect(plain.ok ? [] : plain.issues.map((i) => `${i.code} ${i.path} ${i.message.en}`)).toEqual([
      'analysis/no-inputs values[1] the results keep no raw inputs: score with keepInputs: true (dti score --keep-inputs), or leave "input" out of the table\'s values',
    ]);
  });

  it('lists the nodes in tree order, with or without the set', () => {
    const withSet = codesOf(kept, { criteria });
    expect(withSet.slice(0, 4)).toEqual(['CQS', 'CQS.1', 'CQS.1.1', 'CQS.1.2']);
    expect(withSet.indexOf('CQS.3.6')).toBe(withSet.indexOf('CQS.3.5') + 1);
    expect(withSet).toHaveLength(new Set(kept.results.flatMap((r) => Object.keys(r.nodes))).size);
    expect(codesOf(kept)).toEqual(withSet);
    // Group C departments first: the codes the others add still land in tree order.
    const reversed = { ...kept, results: [...kept.results].reverse() };
    expect(codesOf(reversed)).toEqual(withSet);
  });

  it("without the set, keeps every unit's order and puts codes whose orders conflict last, in natural order", () => {
    const unit = (id: string, codes: string[]) => ({ ...kept.results[0]!, unit: id, nodes: Object.fromEntries(codes.map((code) => [code, { points: '1.00', maxPoints: '1.00', status: 'scored' as const }])) });
    const merged = (units: ReturnType<typeof unit>[]) => codesOf({ ...kept, results: units });
    expect(merged([unit('a', ['X.1', 'X.10']), unit('b', ['X.1', 'X.2', 'X.10'])])).toEqual(['X.1', 'X.2', 'X.10']);
    expect(merged([unit('a', ['W', 'X.9', 'X.10']), unit('b', ['W', 'X.10', 'X.9'])])).toEqual(['W', 'X.9', 'X.10']);
    expect(merged([unit('a', ['W', 'X.10', 'X.9'])])).toEqual(['W', 'X.10', 'X.9']);
  });

  it('types input columns by what each leaf takes, or by their cells without the set', () => {
    const typeOf = (table: ReturnType<typeof toRows>, name: string): string | undefined => table.columns.find((c) => c.name === name)?.type;
    const withSet = toRows(kept, { criteria, values: ['input'] });
    const without = toRows(kept, { values: ['input'] });
    for (const table of [withSet, without]) {
      expect(typeOf(table, 'CQS.1.1.input')).toBe('text');
      expect(typeOf(table, 'CQS.1.2.input')).toBe('decimal');
      expect(typeOf(table, 'CQS.2.1.input')).toBe('boolean');
      expect(typeOf(table, 'CQS.1.3.input.numerator')).toBe('decimal');
      expect(typeOf(table, 'CQS.1.4.input')).toBe('text');
    }
    const first = withSet.rows[0]!;
    expect([first['CQS.1.1.input'], first['CQS.1.2.input'], first['CQS.2.1.input'], first['CQS.1.4.input'], first['CQS.2.3.input.numerator']]).toEqual(['head', '5', true, 'chuyen-muc mang-xa-hoi ngay-cds', '1220000000']);
    expect(withSet.columns.filter((c) => c.name.includes('appraisedInput')).length).toBeGreaterThan(0);
  });

  it('gives numbers only where they are the decimals, and names every other cell', () => {
    const units = [{ id: 'x', level: 'department', group: 'A', values: { 'CQS.6.4': '19.50000000000000000000000001' } }];
    const report = scoreBatch(criteria, { units }, { keepInputs: true });
    const numbers = safeToRows(report, { values: ['input', 'points'], numbers: 'number' });
    expect(numbers.ok ? [] : numbers.issues.map((i) => `${i.code} ${i.path} ${String(i.params.value)}`)).toEqual(['analysis/inexact-number rows[0]["CQS.6.4.input"] 19.50000000000000000000000001']);
    const exact = toRows(report, { values: ['input', 'points'] });
    expect(exact.rows[0]!['CQS.6.4.input']).toBe('19.50000000000000000000000001');
    expect(toRows(report, { values: ['points'], numbers: 'number' }).rows[0]!.points).toBeTypeOf('number');
  });

  it('the wide and long shapes hold the same figures', () => {
    const values: TableValue[] = ['points', 'maxPoints', 'index', 'status', 'selfPoints'];
    const wide = toRows(kept, { criteria, values });
    const long = toRows(kept, { criteria, values, shape: 'long' });
    let cells = 0;
    for (const row of long.rows) {
      const unit = wide.rows.find((w) => w.unit === row.unit)!;
      for (const value of values) {
        const name = `${String(row.code)}.${value}`;
        if (!(name in unit)) continue;
        expect(unit[name], `${String(row.unit)} ${name}`).toBe(row[value] ?? null);
        cells += 1;
      }
    }
    expect(cells).toBeGreaterThan(47 * 100);
  });

  it('toCsv writes a table that a spreadsheet reads with the figures as published', () => {
    const csv = toCsv(toRows(kept, { criteria, values: ['points'] }), { decimalComma: true });
    const [header, first] = csv.split('\r\n');
    const at = header!.split(';').indexOf('points');
    expect(first!.split(';')[at]).toBe('878,53');
  });
});

describe('describeResults', () => {
  it('describes the examples cohort by cohort, as the set ranks them (level and group)', () => {
    const described = describeResults(kept, criteria);
    expect(described.cohort).toBe('level+group');
    expect(described.cohorts.map((c) => `${c.level}/${c.group ?? '-'}:${c.units}`)).toEqual(['department/A:13', 'department/B:5', 'department/C:2', 'district/-:9', 'commune/-:18']);
    const byLevel = describeResults(kept, criteria, { cohort: 'level' });
    expect(byLevel.cohorts.map((c) => c.units)).toEqual([20, 9, 18]);
    const all = describeResults(kept, criteria, { cohort: 'all' });
    expect(all.cohorts).toHaveLength(1);
    expect(all.cohorts[0]!.index.n).toBe(47);
  });

  it('every cohort correlates its leaves, pillars and index, with 1 on the diagonal where there is spread', () => {
    for (const cohort of describeResults(kept, criteria).cohorts) {
      const { variables, pearson, spearman, n } = cohort.correlations;
      expect(variables.at(-1)).toEqual({ kind: 'index', code: null });
      expect(variables.filter((v) => v.kind === 'pillar').map((v) => v.code)).toEqual(cohort.nodes.filter((node) => node.kind === 'aggregate' && node.pillar === node.code && node.n > 0).map((node) => node.code));
      variables.forEach((_, i) => {
        expect(n[i]![i]).toBeLessThanOrEqual(cohort.units);
        if (pearson[i]![i] !== null) expect([pearson[i]![i], spearman[i]![i]]).toEqual([1, 1]);
      });
    }
  });

  it('flags leaves on which every commune scores the same', () => {
    const communes = describeResults(kept, criteria).cohorts.find((c) => c.level === 'commune')!;
    for (const flag of communes.flags.filter((f) => f.flag !== 'negative-pillar-correlation')) {
      const node = communes.nodes.find((n) => n.code === flag.code)!;
      expect(node.min, flag.code).toBe(node.max);
      if (flag.flag === 'all-full') expect(node.atFull).toBe(node.n);
      if (flag.flag === 'all-zero') expect(node.atZero).toBe(node.n);
    }
    for (const node of communes.nodes.filter((n) => n.kind === 'leaf' && n.n >= 2 && n.min !== n.max)) {
      expect(node.flags.some((f) => f !== 'negative-pillar-correlation'), node.code).toBe(false);
    }
  });

  it('refuses a set that did not score the report and an unknown cohort', () => {
    const wrong = safeDescribeResults(kept, getCriteria('can-tho@2025.1.0'), { cohort: 'province' as never });
    expect(wrong.ok ? [] : wrong.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['schema/enum cohort', 'compare/criteria-mismatch criteria']);
  });
});
