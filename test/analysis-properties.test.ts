// Properties of dti-criteria/analysis (fast-check): the statistics behave as their definitions say,
// tables keep every figure exact, and CSV text reads back cell for cell.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, DtiError, scoreBatch } from '../src/index.js';
import { isPlainDecimalString } from '../src/decimal.js';
import { averageRanks, cronbachAlpha, describeResults, pearson, quantile, safeToRows, spearman, toCsv, toRows, type Row } from '../src/analysis/index.js';
import { exactNumber } from '../src/analysis/number-cells.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 60);
const criteria = getCriteria('can-tho@2022.1.0');

/** Small integers: exact in float64, many ties. */
const ints = (min = 2, max = 30): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: -50, max: 50 }), { minLength: min, maxLength: max });
/** Two lists of the same length. */
const pairs = fc.integer({ min: 2, max: 30 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n })));
/** A plain decimal string with up to 30 significant digits. */
const decimalText = fc.tuple(fc.bigInt({ min: -(10n ** 30n) + 1n, max: 10n ** 30n - 1n }), fc.integer({ min: 0, max: 30 })).map(([digits, places]) => new Dec(digits.toString()).div(new Dec(10).pow(places)).toFixed());
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9;

describe('correlations', () => {
  it('Pearson and Spearman lie in [-1, 1] (or are null without spread), and are symmetric', () => {
    fc.assert(fc.property(pairs, ([xs, ys]) => {
      for (const f of [pearson, spearman]) {
        const r = f(xs, ys);
        if (r !== null) {
          expect(r).toBeGreaterThanOrEqual(-1);
          expect(r).toBeLessThanOrEqual(1);
        }
        expect(f(ys, xs)).toBe(r);
      }
      expect(pearson(xs, ys) === null).toBe(new Set(xs).size < 2 || new Set(ys).size < 2);
    }), { numRuns: runs });
  });

  it('Spearman is unchanged by strictly increasing transforms, negated by decreasing ones', () => {
    fc.assert(fc.property(pairs, ([xs, ys]) => {
      const rho = spearman(xs, ys);
      expect(spearman(xs.map((x) => x * x * x + 7), ys)).toBe(rho);
      expect(spearman(xs.map((x) => new Dec(x).div(7).toFixed(25)), ys.map((y) => Math.exp(y / 10)))).toBe(rho);
      const negated = spearman(xs.map((x) => -x), ys);
      expect(negated === null ? null : close(negated, -(rho ?? 0))).toBe(rho === null ? null : true);
    }), { numRuns: runs });
  });

  it('Pearson is unchanged by positive affine transforms and is 1 for a list with itself', () => {
    fc.assert(fc.property(pairs, ([xs, ys]) => {
      const r = pearson(xs, ys);
      const moved = pearson(xs.map((x) => 3 * x - 11), ys.map((y) => y / 4 + 2));
      expect(moved === null ? r === null : r !== null && close(moved, r)).toBe(true);
      const self = pearson(xs, xs);
      expect(self === null || close(self, 1)).toBe(true);
    }), { numRuns: runs });
  });

  it('leaves out the pairs with a missing value, and refuses lists of different lengths', () => {
    expect(pearson([1, null, 2, 3], [2, 100, 4, 6])).toBe(1);
    expect(spearman([1, 2, 3], [3, null, 1])).toBe(-1);
    expect(() => pearson([1, 2], [1])).toThrow(DtiError);
    try {
      spearman([1, 'x', 2], [1, 2, 3]);
    } catch (error) {
      expect((error as DtiError).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['schema/decimal xs[1]']);
    }
  });
});

describe('ranks and quantiles are exact', () => {
  it('average ranks: ties share their mean rank, the ranks add up to n(n+1)/2, order is kept', () => {
    fc.assert(fc.property(ints(1), (xs) => {
      const ranks = averageRanks(xs) as number[];
      expect(ranks.reduce((a, b) => a + b, 0)).toBe((xs.length * (xs.length + 1)) / 2);
      for (let i = 0; i < xs.length; i++) {
        for (let j = 0; j < xs.length; j++) {
          if (xs[i]! < xs[j]!) expect(ranks[i]!).toBeLessThan(ranks[j]!);
          if (xs[i] === xs[j]) expect(ranks[i]).toBe(ranks[j]);
        }
      }
    }), { numRuns: runs });
  });

  it('ranks decimals that one double cannot tell apart', () => {
    fc.assert(fc.property(fc.array(decimalText, { minLength: 1, maxLength: 12 }), (texts) => {
      const ranks = averageRanks(texts) as number[];
      for (let i = 0; i < texts.length; i++) {
        for (let j = 0; j < texts.length; j++) {
          const c = new Dec(texts[i]!).cmp(texts[j]!);
          if (c < 0) expect(ranks[i]!).toBeLessThan(ranks[j]!);
          if (c === 0) expect(ranks[i]).toBe(ranks[j]);
        }
      }
    }), { numRuns: runs });
  });

  it('a quantile lies between min and max, grows with p, and is the middle value of an odd list at 0.5', () => {
    fc.assert(fc.property(fc.array(decimalText, { minLength: 1, maxLength: 15 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (texts, p, q) => {
      const sorted = [...texts].sort((a, b) => new Dec(a).cmp(b));
      const [lo, hi] = p <= q ? [p, q] : [q, p];
      const a = new Dec(quantile(texts, lo)!);
      const b = new Dec(quantile(texts, hi)!);
      expect(a.lte(b)).toBe(true);
      expect(a.gte(sorted[0]!) && b.lte(sorted[sorted.length - 1]!)).toBe(true);
      expect(new Dec(quantile(texts, 0)!).eq(sorted[0]!)).toBe(true);
      expect(new Dec(quantile(texts, 1)!).eq(sorted[sorted.length - 1]!)).toBe(true);
      if (texts.length % 2 === 1) expect(new Dec(quantile(texts, '0.5')!).eq(sorted[(texts.length - 1) / 2]!)).toBe(true);
    }), { numRuns: runs });
  });
});

describe("Cronbach's alpha", () => {
  it('is 1 for identical items with spread, and never above 1', () => {
    fc.assert(fc.property(ints(2, 20), fc.integer({ min: 2, max: 6 }), (item, k) => {
      const alpha = cronbachAlpha(Array.from({ length: k }, () => item));
      if (new Set(item).size < 2) expect(alpha).toBeNull();
      else expect(close(alpha!, 1)).toBe(true);
    }), { numRuns: runs });
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 15 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 5 })), (_k, items) => {
      const alpha = cronbachAlpha(items);
      if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
    }), { numRuns: runs });
  });
});

describe('tables keep figures exact', () => {
  it('every decimal cell is the published text, and numbers: "number" gives back the same values', () => {
    fc.assert(fc.property(batchFor(criteria, 6), (units) => {
      const report = scoreBatch(criteria, { units }, { keepInputs: true });
      const table = toRows(report, { criteria, values: ['input', 'points', 'maxPoints', 'index', 'status', 'selfPoints'] });
      expect(table.rows).toHaveLength(report.results.length);
      for (const column of table.columns.filter((c) => c.type === 'decimal')) {
        for (const row of table.rows) {
          const cell = row[column.name];
          expect(cell === null || (typeof cell === 'string' && isPlainDecimalString(cell)), `${column.name} ${String(cell)}`).toBe(true);
        }
      }
      const numbers = safeToRows(report, { criteria, values: ['points', 'maxPoints', 'index', 'selfPoints'], numbers: 'number' });
      const texts = toRows(report, { criteria, values: ['points', 'maxPoints', 'index', 'selfPoints'] });
      expect(numbers.ok).toBe(true);
      if (!numbers.ok) return;
      numbers.value.rows.forEach((row, i) => {
        for (const column of numbers.value.columns) {
          const text = texts.rows[i]![column.name];
          const cell = row[column.name];
          if (column.type === 'decimal' && typeof text === 'string') expect(new Dec(cell as number).eq(text)).toBe(true);
          else expect(cell).toEqual(text);
        }
      });
      const long = toRows(report, { shape: 'long', values: ['points', 'status'] });
      expect(long.rows).toHaveLength(report.results.reduce((sum, r) => sum + Object.keys(r.nodes).length, 0));
    }), { numRuns: Math.max(10, Math.floor(runs / 3)) });
  });

  it('a decimal becomes a number only when the number is the decimal', () => {
    fc.assert(fc.property(decimalText, (text) => {
      const number = exactNumber(text);
      if (number === undefined) expect(new Dec(Number(text)).eq(text)).toBe(false);
      else expect(new Dec(number).eq(text)).toBe(true);
    }), { numRuns: runs * 5 });
    expect(exactNumber('0.1')).toBe(0.1);
    expect(exactNumber('9007199254740993')).toBeUndefined();
  });

  it('a described batch has one cohort per level (and group), with statistics inside their ranges', () => {
    fc.assert(fc.property(batchFor(criteria, 8), (units) => {
      const report = scoreBatch(criteria, { units });
      const described = describeResults(report, criteria);
      expect(described.cohorts.reduce((sum, c) => sum + c.units, 0)).toBe(report.results.length);
      for (const cohort of described.cohorts) {
        for (const node of cohort.nodes) {
          expect(node.n).toBeLessThanOrEqual(node.units);
          if (node.n === 0) continue;
          expect(new Dec(node.min!).lte(node.q1!) && new Dec(node.q1!).lte(node.median!) && new Dec(node.median!).lte(node.q3!) && new Dec(node.q3!).lte(node.max!)).toBe(true);
          expect(node.mean! >= Number(node.min) - 1e-9 && node.mean! <= Number(node.max) + 1e-9).toBe(true);
          expect(node.atFull).toBeLessThanOrEqual(node.n);
          expect(node.atZero).toBeLessThanOrEqual(node.n);
        }
        for (const row of cohort.correlations.pearson) for (const r of row) if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }
    }), { numRuns: Math.max(10, Math.floor(runs / 3)) });
  });
});

describe('CSV', () => {
  const cellText = fc.string({ unit: fc.constantFrom('a', 'ệ', ',', ';', '"', '\n', '\r\n', ' ', '1', '.') });
  it('reads back cell for cell with an RFC 4180 reader, whatever the text holds', () => {
    fc.assert(fc.property(fc.array(fc.record({ a: cellText, b: cellText, n: fc.option(fc.integer(), { nil: null }) }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';', '\t'), (rows, delimiter) => {
      const table = { shape: 'wide' as const, columns: [{ name: 'a', type: 'text' as const }, { name: 'b', type: 'text' as const }, { name: 'n', type: 'integer' as const }], rows: rows as Row[] };
      const text = toCsv(table, { delimiter, neutraliseFormulas: false });
      const back = parse(text, { delimiter, record_delimiter: '\r\n', relax_quotes: false }) as string[][];
      expect(back[0]).toEqual(['a', 'b', 'n']);
      expect(back.slice(1)).toEqual(rows.map((row) => [row.a, row.b, row.n === null ? '' : String(row.n)]));
    }), { numRuns: runs });
  });

  it('refuses a cell that is not a table cell', () => {
    expect(() => toCsv([{ a: Number.NaN }])).toThrow(DtiError);
    try {
      toCsv([{ a: 1 }, { a: {} as never }]);
    } catch (error) {
      expect((error as DtiError).issues.map((i) => `${i.code} ${i.path}`)).toEqual(['analysis/not-a-cell rows[1].a']);
    }
  });
});
