// Proof that the exact integer fast path (src/scoring/fast/) gives exactly what
// decimal.js gives: leaf by leaf against divideRounded, for every rule kind and
// wild inputs, and report by report (byte-identical JSON) on random batches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, divideRounded, readDecimal, safeScoreBatch, toFixed, type CriteriaSet, type Issue, type Rule } from '../src/index.js';
import { EMBEDDED_SETS, getCriteria } from '../src/sets/index.js';
import { RULE_KINDS } from '../src/rules/registry.js';
import { approx, approxOf, FAST_NOT_APPLICABLE, percent, percentExact, percentOf, show } from '../src/rules/shared.js';
import { compareExact, exactOf, readExact } from '../src/scoring/fast/exact.js';
import { fastPathCounts } from '../src/scoring/fast/score-unit.js';
import { fixedText, formatScaled, plainText, quotient, roundScaled } from '../src/scoring/fast/safe-int.js';
import { batchFor, leavesOf } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS_FAST ?? 1);

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

/** A non-negative value in every form a submission may use, from tiny to beyond 2^53. */
const amount: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2000 }) },
  { weight: 4, arbitrary: decimalText(100_000n, 4) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: decimalText(10n ** 20n, 2) }, // numerators beyond 2^53
  { weight: 1, arbitrary: decimalText(10n ** 20n, 20) }, // 20-digit decimals
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 5, max: 25 })).map(([m, s]) => plain(BigInt(m), s)) }, // tiny
  { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1e21, 9007199254740993, 2 ** 53, 123456789012345.6, ' 12.50 ', '007.5', '0.000', '-0') },
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

/** Leaf points `P`: 0 to 4 decimals, sometimes huge. */
const leafPoints = fc.oneof(
  { weight: 8, arbitrary: decimalText(200_000n, 4) },
  { weight: 1, arbitrary: decimalText(10n ** 18n, 4) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '20', '7.5', '0.125', '33.3333') },
);

const fraction = fc.oneof(decimalText(10_000n, 4).filter((f) => new Dec(f).lte(1)), fc.constantFrom('0', '1', '0.5', '0.3333'));
const award = (max: string): fc.Arbitrary<{ points: string } | { fraction: string }> =>
  fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((k) => ({ points: new Dec(max).times(k).div(10_000).toDecimalPlaces(4, Dec.ROUND_DOWN).toFixed() })),
    fraction.map((f) => ({ fraction: f })),
  );
const label = { vi: 'x' };

// ---------------------------------------------------------------- leaves: a rule, P, the rounding and a value

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
  return x !== undefined && y !== undefined && !x.dec.eq(y.dec);
}

const target = fc.oneof(decimalText(20_000n, 4).filter((t) => new Dec(t).gt(0)), fc.constantFrom('1', '0.8', '0.75', '1.2', '0.3333'));

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
      const otherwise = fc.option(fc.integer({ min: 0, max: 100 }).map((k) => new Dec(max).times(k).div(100).toDecimalPlaces(3, Dec.ROUND_DOWN).toFixed()), { nil: undefined });
      return leaf(
        fc.record({ bands: fc.array(band, { minLength: 1, maxLength: 4 }), otherwise }).map(({ bands, otherwise: e }) => ({ kind, bands, ...(e !== undefined ? { else: e } : {}) })),
        fc.oneof(signed, pair),
      );
    }
    case 'count':
      return leaf(
        fc.oneof(decimalText(100_000n, 4).filter((e) => new Dec(e).gt(0)), fc.constantFrom('1', '2.5', '0.001', '123456789012345678')).map((each) => ({ kind, each })),
        fc.oneof(fc.integer({ min: 0, max: 100 }), amount, fc.constantFrom('3.0', '12345678901234567890')),
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
        const higher = x !== undefined && y !== undefined && compareExact(y, x) >= 0 ? other : raw;
        const best = mode === 'none' ? undefined : mode === 'self' ? raw : higher;
        return { rule: { kind, cohort: 'level' } as Rule, max, places, raw, ...(best !== undefined ? { best } : {}) };
      });
    case 'appraised':
      return leaf(
        fc.constant({ kind }),
        fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((k) => new Dec(max).times(k).div(10_000).toDecimalPlaces(k % 7, Dec.ROUND_DOWN).toFixed()), fc.constant(max)),
      );
    case 'info':
      return leaf(fc.constant({ kind }), fc.integer());
  }
}

const leafCase: fc.Arbitrary<LeafCase> = fc
  .tuple(fc.constantFrom(...(Object.keys(RULE_KINDS) as Rule['kind'][])), leafPoints, fc.integer({ min: 0, max: 4 }))
  .chain(([kind, max, places]) => caseFor(kind, max, places));

interface Outcome { readonly fast: boolean; readonly kind: string }

/** Evaluates a case both ways; fails on any difference. */
function checkLeaf(c: LeafCase): Outcome | undefined {
  const kind = RULE_KINDS[c.rule.kind];
  const issues: Issue[] = [];
  const max = new Dec(c.max);
  const compiled = kind.compile(c.rule);
  const read = (raw: unknown): unknown => kind.read(raw, compiled, { unit: 'u', path: ['values', 'X'], max, issues });
  const value = read(c.raw);
  const best = c.best === undefined ? undefined : (read(c.best) as ReturnType<typeof readExact>);
  if (issues.length > 0 || value === undefined || !kind.scored) return undefined;
  const evaluation = kind.evaluate(compiled, value, max, best === undefined ? {} : { best: best.dec });
  const fast = kind.fastEvaluate?.(compiled, value, { max: exactOf(max), places: c.places, best }) ?? Number.NaN;
  if (Number.isNaN(fast)) return { fast: false, kind: c.rule.kind }; // fell back: decimal.js decides, nothing to compare
  expect(Number.isInteger(fast)).toBe(true);
  if (evaluation.state === 'not-applicable') {
    expect(fast).toBe(FAST_NOT_APPLICABLE);
  } else {
    expect(fast).toBeGreaterThanOrEqual(0);
    expect(fixedText(fast, c.places)).toBe(toFixed(divideRounded(evaluation.numerator, evaluation.denominator, c.places), c.places));
  }
  return { fast: true, kind: c.rule.kind };
}

describe('integer fast path = decimal.js, leaf by leaf', () => {
  it('every rule kind: the rounded points equal divideRounded(numerator, denominator), or the leaf falls back', () => {
    const taken = new Map<string, [number, number]>();
    fc.assert(
      fc.property(leafCase, (c) => {
        const outcome = checkLeaf(c);
        if (outcome === undefined) return;
        const [fast, slow] = taken.get(outcome.kind) ?? [0, 0];
        taken.set(outcome.kind, outcome.fast ? [fast + 1, slow] : [fast, slow + 1]);
      }),
      { numRuns: 10_000 * runs },
    );
    // Not vacuous: every scored kind took the integer path most of the time, and huge inputs fell back.
    for (const kind of Object.keys(RULE_KINDS).filter((k) => k !== 'info')) {
      const [fast, slow] = taken.get(kind) ?? [0, 0];
      expect(fast, kind).toBeGreaterThan(slow);
    }
    expect([...taken.values()].reduce((acc, [, slow]) => acc + slow, 0)).toBeGreaterThan(100);
  });

  it('known edges: exact ties round up, 2^53 and beyond, a P with more decimals than the rounding', () => {
    const cases: LeafCase[] = [
      { rule: { kind: 'ratio' }, max: '2', places: 2, raw: { numerator: 201, denominator: 400 } }, // 1.005 exactly → 1.01
      { rule: { kind: 'ratio', target: '0.8' }, max: '20', places: 2, raw: { numerator: '9007199254740991', denominator: '9007199254740993' } },
      { rule: { kind: 'ratio' }, max: '20', places: 2, raw: { numerator: 2 ** 53, denominator: 2 ** 53 + 2 } },
      { rule: { kind: 'appraised' }, max: '0.125', places: 2, raw: '0.125' }, // 0.13 > P: allowed, as in decimal.js
      { rule: { kind: 'appraised' }, max: '9.375', places: 2, raw: '9.375' },
      { rule: { kind: 'linear', from: '-1', to: '1' }, max: '3', places: 0, raw: '0' }, // 1.5 → 2
      { rule: { kind: 'count', each: '0.0005' }, max: '100', places: 3, raw: 1 },
      { rule: { kind: 'relative' }, max: '10', places: 4, raw: '1', best: '3' },
      { rule: { kind: 'checklist', items: [{ id: 'a', label, fraction: '0.3333' }, { id: 'b', label, points: '0.00005' }] }, max: '3', places: 4, raw: ['a', 'b'] },
    ];
    let fast = 0;
    for (const c of cases) if (checkLeaf(c)?.fast) fast++;
    expect(fast).toBeGreaterThanOrEqual(cases.length - 2);
  });

  it('readExact reads what readDecimal reads, and the integer form is the same number', () => {
    fc.assert(
      fc.property(fc.oneof(amount, signed, fc.string(), fc.constantFrom('1e5', '.5', '1.', '', '-', '1,5', null, true, Number.NaN, '9'.repeat(40))), (raw) => {
        const exact = readExact(raw);
        const dec = readDecimal(raw);
        expect(exact === undefined).toBe(dec === undefined);
        if (exact === undefined || dec === undefined) return;
        expect(exact.dec.eq(dec)).toBe(true);
        if (!Number.isNaN(exact.m)) expect(new Dec(exact.m).div(new Dec(10).pow(exact.s)).eq(dec)).toBe(true);
      }),
      { numRuns: 3000 * runs },
    );
  });

  it('integer rounding and formatting match decimal.js', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }), fc.integer({ min: -20, max: 20 }), (n, d, e) => {
        const ticks = roundScaled(Number(n), Number(d), e);
        if (Number.isNaN(ticks)) return;
        const expected = new Dec(n.toString()).times(new Dec(10).pow(e)).div(d.toString()).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
        expect(String(ticks)).toBe(expected.toFixed());
      }),
      { numRuns: 3000 * runs },
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (x, a, b) => {
        const [places, scale] = a <= b ? [a, b] : [b, a];
        expect(formatScaled(x, scale, places)).toBe(toFixed(new Dec(x).div(new Dec(10).pow(scale)), places));
      }),
      { numRuns: 3000 * runs },
    );
  });
});

describe('explanation texts from integers = from decimal.js', () => {
  const scaled = fc.tuple(fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }), fc.integer({ min: 0, max: 15 }));
  const small = fc.tuple(fc.integer({ min: -5000, max: 5000 }).map(BigInt), fc.integer({ min: 0, max: 4 }));
  const operand = fc.oneof(scaled, small);
  const dec = ([m, s]: [bigint, number]): Dec => new Dec(m.toString()).div(new Dec(10).pow(s));
  const pair = ([m, s]: [bigint, number]): { m: number; s: number } => ({ m: Number(m), s });

  it('approx, percent and the 6-decimal quotient of bands give the same text', () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        if (b[0] === 0n) return;
        const [n, d] = [dec(a), dec(b)];
        expect(approxOf(pair(a), pair(b), n, d)).toBe(approx(n, d));
        const q = quotient(Number(a[0]), a[1], Number(b[0]), b[1], 6);
        if (q !== undefined) {
          const rounded = n.div(d).toDecimalPlaces(6, Dec.ROUND_HALF_UP);
          expect([plainText(q.units, 6), q.exact]).toEqual([rounded.toFixed(), rounded.eq(n.div(d))]);
        }
        if (a[0] >= 0n && b[0] > 0n) expect(percentOf(pair(a), pair(b), n, d)).toBe(percent(n.div(d)));
      }),
      { numRuns: 5000 * runs },
    );
  });

  it('values and constants are written as decimal.js writes them', () => {
    fc.assert(
      fc.property(fc.oneof(amount, signed), (raw) => {
        const exact = readExact(raw);
        if (exact === undefined) return;
        const fresh = readDecimal(raw)!;
        expect(show(exact)).toBe(fresh.toFixed());
        if (!fresh.isNeg()) expect(percentExact(exact)).toBe(percent(fresh));
      }),
      { numRuns: 3000 * runs },
    );
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 15 }), (units, places) => {
        expect(plainText(units, places)).toBe(new Dec(units).div(new Dec(10).pow(places)).toFixed());
      }),
      { numRuns: 3000 * runs },
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
    const value = new Dec(String(text)).times(f);
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
  set.rounding = { points: places, index: rounding.index };
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

const sets: readonly CriteriaSet[] = EMBEDDED_SETS;

function sameReports(set: CriteriaSet, submission: unknown, options: { skipInvalid?: boolean } = {}): void {
  for (const explain of [true, false]) {
    const fast = JSON.stringify(safeScoreBatch(set, submission, { ...options, explain }));
    const decimal = JSON.stringify(safeScoreBatch(set, submission, { ...options, explain, fastPath: false }));
    if (fast === decimal) continue;
    let at = 0;
    while (fast[at] === decimal[at]) at++;
    // Where they part, with some context (whole reports are too long to read in a failure).
    expect(fast.slice(Math.max(0, at - 300), at + 100), `explain: ${explain}`).toBe(decimal.slice(Math.max(0, at - 300), at + 100));
  }
}

describe('integer fast path = decimal.js, whole reports (byte-identical JSON)', () => {
  it('random valid batches of every embedded set', () => {
    const before = fastPathCounts.fast;
    for (const set of sets) {
      fc.assert(
        fc.property(batchFor(set, 6), (units) => sameReports(set, { units })),
        { numRuns: 25 * runs },
      );
    }
    expect(fastPathCounts.fast - before).toBeGreaterThan(1000);
  });

  it('wild batches (huge, tiny, negative, many-digit and invalid values; appraised values; n/a) with skipInvalid', () => {
    const before = { ...fastPathCounts };
    for (const set of sets) {
      fc.assert(
        fc.property(wildBatch(set), (units) => sameReports(set, { units }, { skipInvalid: true })),
        { numRuns: 25 * runs },
      );
    }
    expect(fastPathCounts.fast - before.fast).toBeGreaterThan(1000);
    expect(fastPathCounts.fallback - before.fallback).toBeGreaterThan(50);
  });

  it('other rounding (0 to 4 decimals and more), huge and tiny points, missing "exclude", ranking by points', () => {
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
        sameReports(set, { units: tame }, { skipInvalid: true });
        sameReports(set, { units: wild }, { skipInvalid: true });
      }),
      { numRuns: 40 * runs },
    );
  });
});
