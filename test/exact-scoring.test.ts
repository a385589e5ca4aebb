// Scoring computes every figure once, with exact numbers (src/exact/). This
// proves it against the independent BigInt reference (test/fuzz/reference-scorer.ts):
// leaf by leaf for every rule kind with values of every size and spelling, and
// report by report for every embedded set (valid batches; wild batches with
// huge, tiny, negative, many-digit and invalid values, appraisals and n/a;
// other roundings, huge and tiny points, missing "exclude", ranking by points).
// Explanation quotients are checked against decimal.js at 1000 digits.
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact, readExact, roundQuotient, safeScoreBatch, type CriteriaSet, type Issue, type Rule, type ScoreReport } from '../src/index.js';
import { RULE_KINDS } from '../src/rules/registry.js';
import { approx, percentOf, show, shownQuotient } from '../src/rules/shared.js';
import { EMBEDDED_SETS } from '../src/sets/index.js';
import { firstDifference, projectLibrary } from './fuzz/compare.js';
import * as R from './fuzz/rational.js';
import { referenceLeaf, referenceScore } from './fuzz/reference-scorer.js';
import { batchFor, leavesOf } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS_EXACT ?? 1);

/** decimal.js far beyond any value here: an independent reading of quotients. */
const Big = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });

// ---------------------------------------------------------------- decimals of every size and spelling

const plain = (m: bigint, s: number): string => {
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(s + 1, '0');
  const text = s === 0 ? digits : `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}`;
  return negative ? `-${text}` : text;
};

/** A non-negative decimal as a string: `m × 10^-s`. */
const decimalText = (maxMantissa: bigint, maxScale: number): fc.Arbitrary<string> =>
  fc.tuple(fc.bigInt({ min: 0n, max: maxMantissa }), fc.integer({ min: 0, max: maxScale })).map(([m, s]) => plain(m, s));

/** 30 significant digits whose first is at 10^e, e from -30 to 29: the edges of the format's limits. */
const extreme: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -30, max: 29 }), fc.bigInt({ min: 10n ** 29n, max: 10n ** 30n - 1n }))
  .map(([e, m]) => plain(m, 29 - e));

/** A non-negative value in every form a submission may use, from tiny to beyond 2^53 and to the limits. */
const amount: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2000 }) },
  { weight: 4, arbitrary: decimalText(100_000n, 4) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: decimalText(10n ** 20n, 2) }, // numerators beyond 2^53
  { weight: 1, arbitrary: decimalText(10n ** 20n, 20) }, // 20-digit decimals
  { weight: 2, arbitrary: extreme }, // 30 digits, exponents to ±30
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 5, max: 25 })).map(([m, s]) => plain(BigInt(m), s)) }, // tiny
  { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1e21, 9007199254740993, 2 ** 53, 123456789012345.6, ' 12.50 ', '007.5', '0.000', '-0', 1e-30, 1e-31) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
);

/** Any sign, for linear and bands values and thresholds. */
const signed: fc.Arbitrary<string | number> = fc.tuple(amount, fc.boolean()).map(([a, negative]) => {
  if (!negative) return a;
  return typeof a === 'number' ? -a : `-${a.trim()}`;
});

/** A band threshold: mostly everyday decimals of either sign, sometimes anything. */
const threshold: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(decimalText(100_000n, 3), fc.boolean()).map(([t, negative]) => (negative && t !== '0' ? `-${t}` : t)) },
  { weight: 1, arbitrary: signed },
);

/** Leaf points `P`: 0 to 4 decimals, sometimes huge (up to 30 digits). */
const leafPoints = fc.oneof(
  { weight: 8, arbitrary: decimalText(200_000n, 4) },
  { weight: 1, arbitrary: decimalText(10n ** 18n, 4) },
  { weight: 1, arbitrary: decimalText(10n ** 29n, 0) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '20', '7.5', '0.125', '33.3333') },
);

/** `max × k / 10000` cut to `places` decimals and 30 significant digits (the format's limit). */
const quarter = (max: string, k: number, places: number): string => new Big(max).times(k).div(10_000).toDecimalPlaces(places, DecimalJs.ROUND_DOWN).toSignificantDigits(30, DecimalJs.ROUND_DOWN).toFixed();
const fraction = fc.oneof(decimalText(10_000n, 4).filter((f) => new Big(f).lte(1)), fc.constantFrom('0', '1', '0.5', '0.3333'), extreme.filter((f) => new Big(f).lt(1)));
const award = (max: string): fc.Arbitrary<{ points: string } | { fraction: string }> =>
  fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((k) => ({ points: quarter(max, k, 4) })), fraction.map((f) => ({ fraction: f })));
const label = { vi: 'x' };

// ---------------------------------------------------------------- leaves

interface LeafCase {
  readonly rule: Rule;
  readonly max: string;
  readonly places: number;
  readonly raw: unknown;
  /** relative: another value, the cohort's best (at least `raw`), or none. */
  readonly best?: unknown;
}

/** Two valid decimals of different values (linear's from and to). */
function distinct(a: unknown, b: unknown): boolean {
  const [x, y] = [readExact(a), readExact(b)];
  return x !== undefined && y !== undefined && !x.eq(y);
}

const target = fc.oneof(decimalText(20_000n, 4).filter((t) => new Big(t).gt(0)), fc.constantFrom('1', '0.8', '0.75', '1.2', '0.3333'), extreme.filter((t) => new Big(t).lt(1)));

function caseFor(kind: Rule['kind'], max: string, places: number): fc.Arbitrary<LeafCase> {
  const leaf = (rule: fc.Arbitrary<Rule>, raw: fc.Arbitrary<unknown>): fc.Arbitrary<LeafCase> => fc.record({ rule, raw }).map((c) => ({ ...c, max, places }));
  const pair = fc.record({ numerator: amount, denominator: fc.oneof({ weight: 5, arbitrary: amount }, { weight: 1, arbitrary: fc.constantFrom(0, '0.00') }) });
  switch (kind) {
    case 'boolean':
      return leaf(fc.constant({ kind }), fc.boolean());
    case 'ratio':
      return leaf(
        fc.record(
          { kind: fc.constant(kind), target, floor: fraction, zeroDenominator: fc.constantFrom('not-applicable', 'full', 'zero'), allowOver: fc.boolean() },
          { requiredKeys: ['kind'] },
        ) as fc.Arbitrary<Rule>,
        pair,
      );
    case 'linear':
      return leaf(
        fc.tuple(signed, signed).filter(([a, b]) => distinct(a, b)).map(([from, to]) => ({ kind, from, to })),
        fc.oneof(signed, fc.integer({ min: -50, max: 50 })),
      );
    case 'bands': {
      const band = fc.record({ min: fc.option(threshold, { nil: undefined }), max: fc.option(threshold, { nil: undefined }), award: award(max) }).map(({ min, max: top, award: a }) => ({
        ...(min !== undefined ? { min } : {}),
        ...(top !== undefined ? { max: top } : {}),
        ...a,
      }));
      const otherwise = fc.option(fc.integer({ min: 0, max: 100 }).map((k) => quarter(max, k * 100, 3)), { nil: undefined });
      return leaf(
        fc.record({ bands: fc.array(band, { minLength: 1, maxLength: 4 }), otherwise }).map(({ bands, otherwise: e }) => ({ kind, bands, ...(e !== undefined ? { else: e } : {}) })),
        fc.oneof(signed, pair),
      );
    }
    case 'count':
      return leaf(
        fc.oneof(decimalText(100_000n, 4).filter((e) => new Big(e).gt(0)), fc.constantFrom('1', '2.5', '0.001', '123456789012345678'), extreme).map((each) => ({ kind, each })),
        fc.oneof(fc.integer({ min: 0, max: 100 }), amount, fc.constantFrom('3.0', '12345678901234567890', '9'.repeat(30))),
      );
    case 'choice':
      return fc.array(award(max), { minLength: 1, maxLength: 4 }).chain((awards) => {
        const options = awards.map((a, i) => ({ id: `o${i}`, label, ...a }));
        return leaf(fc.constant({ kind, options }), fc.constantFrom(...options.map((o) => o.id)));
      });
    case 'checklist':
      return fc.array(award(max), { minLength: 1, maxLength: 6 }).chain((awards) => {
        const items = awards.map((a, i) => ({ id: `i${i}`, label, ...a }));
        return leaf(fc.constant({ kind, items }), fc.subarray(items.map((i) => i.id)));
      });
    case 'relative':
      return fc.record({ raw: amount, other: amount, mode: fc.constantFrom('other', 'self', 'none') }).map(({ raw, other, mode }) => {
        const [x, y] = [readExact(raw), readExact(other)];
        const higher = x !== undefined && y !== undefined && y.gte(x) ? other : raw;
        const best = mode === 'none' ? undefined : mode === 'self' ? raw : higher;
        return { rule: { kind, cohort: 'level' } as Rule, max, places, raw, ...(best !== undefined ? { best } : {}) };
      });
    case 'appraised':
      return leaf(fc.constant({ kind }), fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((k) => quarter(max, k, k % 7)), fc.constant(max)));
    case 'info':
      return leaf(fc.constant({ kind }), fc.integer());
  }
}

const leafCase: fc.Arbitrary<LeafCase> = fc
  .tuple(fc.constantFrom(...(Object.keys(RULE_KINDS) as Rule['kind'][])), leafPoints, fc.integer({ min: 0, max: 10 }))
  .chain(([kind, max, places]) => caseFor(kind, max, places));

/** Evaluates a case with the library's rule and with the reference; fails on any difference. Returns whether it was scored. */
function checkLeaf(c: LeafCase): boolean {
  const kind = RULE_KINDS[c.rule.kind];
  if (!kind.scored) return false;
  const issues: Issue[] = [];
  const max = readExact(c.max)!;
  // Scoring only ever sees rules that passed validation (schema and cross-field checks).
  if (!kind.schema().safeParse(c.rule).success || kind.check(c.rule, new Map([['l', max]]), []).length > 0) return false;
  const compiled = kind.compile(c.rule);
  const read = (raw: unknown): unknown => kind.read(raw, compiled, { unit: 'u', path: ['values', 'X'], max, domain: undefined, issues });
  const value = read(c.raw);
  const best = c.best === undefined ? undefined : read(c.best);
  const reference = referenceLeaf(c.rule, c.raw, c.max, c.best);
  if ('rejected' in reference) {
    expect(issues.map((i) => i.code), JSON.stringify(c)).toContain(reference.rejected);
    return false;
  }
  expect(issues, JSON.stringify(c)).toEqual([]);
  const outcome = kind.evaluate(compiled, value, { max, best: best as Exact | undefined });
  if (reference.points === undefined) {
    expect(outcome.state).toBe('not-applicable');
    return false;
  }
  expect(outcome.state).toBe('scored');
  if (outcome.state !== 'scored') return false;
  const points = roundQuotient(outcome.numerator, outcome.denominator, c.places);
  expect(points.toString(), JSON.stringify(c)).toBe(R.toPlain(R.roundHalfUp(reference.points, c.places)));
  return true;
}

describe('every rule kind = the BigInt reference, leaf by leaf', () => {
  it('wild values, 30-digit and extreme-exponent values and parameters, 0 to 10 decimals', () => {
    let scored = 0;
    fc.assert(
      fc.property(leafCase, (c) => {
        if (checkLeaf(c)) scored++;
      }),
      { numRuns: 10_000 * runs },
    );
    expect(scored).toBeGreaterThan(5_000 * runs);
  }, 60_000); // 10,000 cases: room on a shared, busy machine (it took over 5 s there once)

  it('known edges: exact ties round up, 2^53 and beyond, a P with more decimals than the rounding, the 60-digit product', () => {
    const cases: LeafCase[] = [
      { rule: { kind: 'ratio' }, max: '2', places: 2, raw: { numerator: 201, denominator: 400 } }, // 1.005 exactly → 1.01
      { rule: { kind: 'ratio', target: '0.8' }, max: '20', places: 2, raw: { numerator: '9007199254740991', denominator: '9007199254740993' } },
      { rule: { kind: 'ratio' }, max: '20', places: 2, raw: { numerator: 2 ** 53, denominator: 2 ** 53 + 2 } },
      { rule: { kind: 'appraised' }, max: '0.125', places: 2, raw: '0.125' },
      { rule: { kind: 'appraised' }, max: '9.375', places: 2, raw: '9.375' },
      { rule: { kind: 'linear', from: '-1', to: '1' }, max: '3', places: 0, raw: '0' }, // 1.5 → 2
      { rule: { kind: 'count', each: '0.0005' }, max: '100', places: 3, raw: 1 },
      { rule: { kind: 'relative' }, max: '10', places: 4, raw: '1', best: '3' },
      { rule: { kind: 'checklist', items: [{ id: 'a', label, fraction: '0.3333' }, { id: 'b', label, points: '0.00005' }] }, max: '3', places: 4, raw: ['a', 'b'] },
      // test/golden/cases/exact-linear-30-digit-inputs.json: 172.19, not the 172.20 of a product rounded at 60 digits.
      {
        rule: { kind: 'linear', from: '-0.00000000000000000000000000000494369490915632307969059183306', to: '0.597271791991974215279189252506' },
        max: '199.99', places: 2, raw: '0.514261794199999999999999966674',
      },
    ];
    for (const c of cases) expect(checkLeaf(c), JSON.stringify(c)).toBe(true);
  });
});

// ---------------------------------------------------------------- explanation quotients

describe('explanation quotients = decimal.js at 1000 digits', () => {
  const operand = fc.oneof(
    fc.tuple(fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }), fc.integer({ min: 0, max: 15 })),
    fc.tuple(fc.integer({ min: -5000, max: 5000 }).map(BigInt), fc.integer({ min: 0, max: 4 })),
    fc.tuple(fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }), fc.integer({ min: 0, max: 60 })),
  );
  const exactOf = ([m, s]: readonly [bigint, number]): Exact => Exact.scaled(m, s);
  const big = ([m, s]: readonly [bigint, number]): DecimalJs => new Big(plain(m, s));

  it('approx (4 decimals, ≈ when it does not end there), the 6-decimal quotient of bands, percentages', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        if (b[0] === 0n) return;
        const [n, d] = [big(a), big(b)];
        const q = n.div(d);
        const four = q.toDecimalPlaces(4, DecimalJs.ROUND_HALF_UP);
        expect(approx(exactOf(a), exactOf(b))).toBe(four.eq(q) ? four.toFixed() : `≈ ${four.toFixed()}`);
        const six = q.toDecimalPlaces(6, DecimalJs.ROUND_HALF_UP);
        expect(shownQuotient(exactOf(a), exactOf(b), 6)).toEqual({ text: six.toFixed(), exact: six.eq(q) });
        if (a[0] >= 0n && b[0] > 0n) expect(percentOf(exactOf(a), exactOf(b))).toBe(`${q.times(100).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP).toFixed()}%`);
        expect(show(exactOf(a))).toBe(n.toFixed());
      }),
      { numRuns: 5000 * runs },
    );
  });
});

// ---------------------------------------------------------------- whole reports

/**
 * A copy of a set with points multiplied by `factor` (awards, caps and `each` too), other policies, and
 * `rounding.points` raised where the scaled points need more decimals (criteria/precision).
 */
function variant(base: CriteriaSet, rounding: { points: number; index: number }, factor: string, missing: 'zero' | 'exclude', byPoints: boolean): CriteriaSet {
  const set = structuredClone(base) as unknown as Record<string, unknown> & { levels: { expectedMax?: unknown }[]; nodes: unknown[] };
  for (const level of set.levels) delete level.expectedMax;
  let places = rounding.points;
  const scale = (text: unknown, f: string): string => {
    const value = new Big(String(text)).times(f);
    places = Math.max(places, value.decimalPlaces());
    return value.toFixed();
  };
  set.missing = missing;
  if (byPoints) set.ranking = { by: 'points', ties: 'dense', cohort: 'level+group' };
  set.ratings = [['a', '0.8'], ['b', '0.654321'], ['c', '0.5'], ['z', '0']].map(([id, min]) => ({ id, min, name: { vi: id } }));
  const per = (p: unknown): unknown => (typeof p === 'object' && p !== null ? Object.fromEntries(Object.entries(p).map(([k, v]) => [k, scale(v, factor)])) : scale(p, factor));
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as Record<string, unknown>[]) {
      if (node.points !== undefined) node.points = per(node.points);
      if (node.cap !== undefined) node.cap = per(node.cap);
      const rule = node.rule as Record<string, unknown> | undefined;
      if (rule) {
        for (const list of [rule.bands, rule.options, rule.items] as ({ points?: unknown }[] | undefined)[]) for (const entry of list ?? []) if (entry.points !== undefined) entry.points = scale(entry.points, factor);
        if (rule.else !== undefined) rule.else = scale(rule.else, factor);
        if (rule.each !== undefined) rule.each = scale(rule.each, factor);
      }
      if (Array.isArray(node.children)) walk(node.children);
    }
  };
  walk(set.nodes);
  set.rounding = { points: Math.min(places, 10), index: rounding.index };
  return set as unknown as CriteriaSet;
}

/** Wild values for a leaf: any shape the rule reads, huge and tiny, some invalid (the batch is scored with skipInvalid). */
function wildValue(rule: Rule): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case 'ratio':
    case 'bands':
      return fc.oneof(fc.record({ numerator: amount, denominator: amount }), signed);
    case 'linear':
    case 'relative':
    case 'count':
    case 'appraised':
      return fc.oneof(amount, signed);
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...rule.options.map((o) => o.id));
    case 'checklist':
      return fc.subarray(rule.items.map((i) => i.id));
    case 'info':
      return fc.oneof(fc.integer(), fc.string(), fc.constant(null));
  }
}

function wildBatch(set: CriteriaSet): fc.Arbitrary<unknown[]> {
  const leaves = leavesOf(set);
  const atoms = [...new Set(leaves.flatMap((l) => [...l.atoms]))];
  const unit = (atom: string, i: number): fc.Arbitrary<unknown> => {
    const [level, group] = atom.split('/') as [string, string | undefined];
    const mine = leaves.filter((l) => l.atoms.has(atom));
    const entry = (l: (typeof mine)[number]): fc.Arbitrary<readonly [string, unknown] | undefined> =>
      fc.oneof(
        { weight: 10, arbitrary: wildValue(l.node.rule!).map((v) => [l.node.code, v] as const) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: l.node.allowNA ? 1 : 0, arbitrary: fc.constant([l.node.code, 'n/a'] as const) },
      );
    const entries = (arb: fc.Arbitrary<(readonly [string, unknown] | undefined)[]>): fc.Arbitrary<Record<string, unknown>> =>
      arb.map((pairs) => Object.fromEntries(pairs.filter((p): p is readonly [string, unknown] => p !== undefined)));
    return fc
      .record({
        values: entries(fc.tuple(...mine.map(entry))),
        appraised: entries(fc.subarray(mine).chain((some) => fc.tuple(...some.map(entry)))),
        parent: fc.constantFrom('p1', 'p2', undefined),
      })
      .map(({ values, appraised, parent }) => ({
        id: `w${i}`,
        level,
        ...(group ? { group } : {}),
        ...(parent ? { parent } : {}),
        values,
        ...(Object.keys(appraised).length > 0 ? { appraised } : {}),
      }));
  };
  return fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 6 }).chain((chosen) => fc.tuple(...chosen.map(unit)));
}

/**
 * The library's report = the reference's, on the units the library accepted
 * (with skipInvalid, the rejected ones are left out of the run for both), with
 * and without explanations; the figures are the same either way.
 */
function sameAsReference(set: CriteriaSet, units: readonly unknown[], options: { skipInvalid?: boolean } = {}): number {
  const full = safeScoreBatch(set, { units }, options);
  const bare = safeScoreBatch(set, { units }, { ...options, explain: false });
  expect(full.ok).toBe(true);
  if (!full.ok || !bare.ok) return 0;
  const strip = (report: ScoreReport): unknown => report.results.map((r) => ({ ...r, nodes: Object.fromEntries(Object.entries(r.nodes).map(([code, { explanation: _, ...node }]) => [code, node])) }));
  expect(JSON.stringify(strip(full.value))).toBe(JSON.stringify(bare.value.results));
  const accepted = new Set(full.value.results.map((r) => r.unit));
  const kept = units.filter((u) => accepted.has((u as { id: string }).id));
  if (kept.length === 0) return 0;
  const reference = referenceScore(set, { units: kept } as never, { selfTotals: 'self-run' });
  const difference = firstDifference(projectLibrary(full), reference);
  expect(difference, reference.ok ? '' : JSON.stringify(reference.rejected)).toBeUndefined();
  return kept.length;
}

const sets: readonly CriteriaSet[] = EMBEDDED_SETS;

describe('whole reports = the BigInt reference', () => {
  it('random valid batches of every embedded set', () => {
    for (const set of sets) {
      fc.assert(
        fc.property(batchFor(set, 6), (units) => {
          sameAsReference(set, units);
        }),
        { numRuns: 25 * runs },
      );
    }
  });

  it('wild batches (huge, tiny, negative, many-digit and invalid values; appraised values; n/a) with skipInvalid', () => {
    let scored = 0;
    for (const set of sets) {
      fc.assert(
        fc.property(wildBatch(set), (units) => {
          scored += sameAsReference(set, units, { skipInvalid: true });
        }),
        { numRuns: 25 * runs },
      );
    }
    expect(scored).toBeGreaterThan(50);
  });

  it('other rounding (0 to 10 decimals), huge and tiny points, missing "exclude", ranking by points', () => {
    const variants = fc.record({
      set: fc.constantFrom(...sets),
      points: fc.integer({ min: 0, max: 4 }),
      index: fc.integer({ min: 0, max: 12 }),
      factor: fc.constantFrom('1', '1.25', '0.001', '3', '1000000000', '0.0001', '123456789012.345'),
      missing: fc.constantFrom('zero' as const, 'exclude' as const),
      byPoints: fc.boolean(),
    });
    fc.assert(
      fc.property(variants, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (v, seed) => {
        const set = variant(v.set, { points: v.points, index: v.index }, v.factor, v.missing, v.byPoints);
        const [tame] = fc.sample(batchFor(set, 5), { seed, numRuns: 1 });
        const [wild] = fc.sample(wildBatch(set), { seed, numRuns: 1 });
        sameAsReference(set, tame!, { skipInvalid: true });
        sameAsReference(set, wild!, { skipInvalid: true });
      }),
      { numRuns: 40 * runs },
    );
  });
});
