// Edges of the rule kinds (src/rules/) called directly, one kind at a time: the
// cross-field checks of spec section 4 ("Validation of a set rejects ..."), the
// value readers' coded issues and paths, the boundaries of every comparison, and
// the numbers quoted in explanations and rule descriptions. Expected numbers come
// from the spec's formulas computed with the BigInt rationals of
// test/fuzz/rational.ts, never from src/.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exact } from '../src/exact/exact.js';
import { readExact } from '../src/exact/read-exact.js';
import type { Issue, Localized } from '../src/index.js';
import { RULE_KINDS, ruleKind, type Rule, type RuleKindName } from '../src/rules/registry.js';
import {
  approx,
  awardWorth,
  checkAwards,
  compileAward,
  ONE,
  percent,
  percentOf,
  readFraction,
  readNumber,
  SCORED_ZERO,
  scoredAs,
  shownQuotient,
  valueIssue,
  ZERO,
} from '../src/rules/shared.js';
import type { EvalContext, Evaluation, ValueContext } from '../src/rules/types.js';
import * as R from './fuzz/rational.js';

// ---------------------------------------------------------------- helpers (independent of src/)

const X = (text: string | number): Exact => readExact(text)!;
const Q = (text: string | number): R.Q => R.readDecimal(text)!;
/** Plain text of a terminating rational, as `show` writes it. */
const plainOf = (q: R.Q): string => R.toPlain(q);
/** `n/d × 100` rounded half-up to 2 decimals, written plainly, with `%`. */
const percentText = (n: R.Q, d: R.Q): string => `${plainOf(R.roundHalfUp(R.mul(R.div(n, d), R.q(100n)), 2))}%`;
/** `n/d` at up to `places` decimals and whether that is exact. */
const quotientText = (n: R.Q, d: R.Q, places: number): { text: string; exact: boolean } => {
  const rounded = R.roundHalfUp(R.div(n, d), places);
  return { text: plainOf(rounded), exact: R.eq(rounded, R.div(n, d)) };
};
const exactQ = (x: Exact): R.Q => Q(x.toString());
/**
 * `text` with every plain decimal in it written as Vietnamese texts write numbers
 * (a decimal comma; thousands dots from four digits) when `lang` is `vi`: a reference
 * of the number format independent of src/. English texts keep them as they are.
 */
const inLang = (lang: 'vi' | 'en', text: string): string =>
  lang === 'en'
    ? text
    : text.replace(/(?<![\d.,])(-?)(\d+)(?:\.(\d+))?(?!\d)/g, (_all, sign: string, whole: string, decimals: string | undefined) =>
        `${sign}${whole.length >= 4 && !whole.startsWith('0') ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole}${decimals === undefined ? '' : `,${decimals}`}`);
/** What separates a clause after a number: a comma in English, a semicolon after a Vietnamese decimal comma. */
const clause = (lang: 'vi' | 'en'): string => (lang === 'vi' ? '; ' : ', ');

const PATH = ['units', 2, 'values', 'A.1'] as const;
function context(max: string | number = '10'): ValueContext & { issues: Issue[] } {
  return { unit: 'u-1', path: PATH, max: X(max), domain: undefined, issues: [] };
}
const evalCtx = (max: string | number, best?: string | number): EvalContext => ({ max: X(max), best: best === undefined ? undefined : X(best) });
/** The exact points of a scored evaluation as a rational (`undefined` when not applicable). */
function pointsOf(outcome: Evaluation<unknown>): R.Q | undefined {
  if (outcome.state !== 'scored') return undefined;
  return R.div(exactQ(outcome.numerator), exactQ(outcome.denominator));
}
const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);
const levels = (entries: Record<string, string>): Map<string, Exact> => new Map(Object.entries(entries).map(([k, v]) => [k, X(v)]));

/** Reads `raw` with a kind and returns the value and the issues. */
function readWith<K extends RuleKindName>(rule: Extract<Rule, { kind: K }>, raw: unknown, max: string | number = '10') {
  const kind = ruleKind(rule.kind);
  const ctx = context(max);
  const value: unknown = kind.read(raw, kind.compile(rule), ctx);
  return { value, issues: ctx.issues };
}

/** Both languages of a text (every rule writes both). */
function both(text: Localized): { vi: string; en: string } {
  expect(typeof text.en).toBe('string');
  return { vi: text.vi, en: text.en ?? '' };
}

/** Scores a raw value with a rule on a leaf of `max` points: the evaluation, its explanation and the rule in words. */
function run<K extends RuleKindName>(rule: Extract<Rule, { kind: K }>, raw: unknown, max: string | number, best?: string | number) {
  const kind = ruleKind(rule.kind);
  const compiled: unknown = kind.compile(rule);
  const ctx = context(max);
  const value: unknown = kind.read(raw, compiled, ctx);
  expect(ctx.issues, JSON.stringify(raw)).toEqual([]);
  const e = evalCtx(max, best);
  const outcome = kind.evaluate(compiled, value, e) as Evaluation<unknown>;
  const points = pointsOf(outcome);
  const shown = points === undefined ? '' : R.toFixed(R.roundHalfUp(points, 2), 2);
  const explanation = both(kind.explain(compiled, value, outcome, e, shown));
  const words = both(kind.describe(compiled, X(max)));
  return { outcome, points, shown, explanation, words };
}

const label = { vi: 'Mục', en: 'Item' };

// ---------------------------------------------------------------- registry

describe('registry', () => {
  it('has the ten kinds of spec section 4, each under its own name, and info is the only one not scored', () => {
    const names = ['boolean', 'ratio', 'linear', 'bands', 'count', 'choice', 'checklist', 'relative', 'appraised', 'info'] as const;
    expect(Object.keys(RULE_KINDS).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(ruleKind(name).kind).toBe(name);
      expect(ruleKind(name).scored).toBe(name !== 'info');
      expect(ruleKind(name).schema().safeParse({ kind: name, misspelt: 1 }).success).toBe(false);
    }
  });
});

// ---------------------------------------------------------------- shared helpers

describe('shared: quotients quoted in explanations', () => {
  const decimal = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 8 })).map(([m, s]) => R.toPlain(R.q(m, R.pow10(s))));
  const positive = decimal.filter((t) => !R.isZero(Q(t)));

  it('percentOf, percent, shownQuotient and approx round n/d half-up and say when it does not terminate', () => {
    fc.assert(
      fc.property(fc.boolean(), decimal, fc.boolean(), positive, fc.integer({ min: 0, max: 6 }), (nNeg, n, dNeg, d, places) => {
        const [nt, dt] = [nNeg && n !== '0' ? `-${n}` : n, dNeg ? `-${d}` : d];
        const [nq, dq] = [Q(nt), Q(dt)];
        expect(percentOf(X(nt), X(dt))).toBe(percentText(nq, dq));
        expect(percent(X(nt))).toBe(percentText(nq, R.ONE));
        expect(shownQuotient(X(nt), X(dt), places)).toEqual(quotientText(nq, dq, places));
        const four = quotientText(nq, dq, 4);
        expect(approx(X(nt), X(dt))).toBe(four.exact ? four.text : `≈ ${four.text}`);
      }),
      { numRuns: 300 },
    );
    expect(percentOf(X(1), X(3))).toBe('33.33%');
    expect(approx(X(2), X(3))).toBe('≈ 0.6667');
    expect(approx(X(1), X(8))).toBe('0.125');
  });

  it('scoredAs: a value over 1, and 0 worth nothing', () => {
    const s = scoredAs(X('12.5'));
    expect(s.state).toBe('scored');
    expect(pointsOf(s)).toEqual(Q('12.5'));
    expect(pointsOf(scoredAs(X(0)))).toEqual(R.ZERO);
    expect(pointsOf(SCORED_ZERO)).toEqual(R.ZERO);
    expect(ZERO.isZero()).toBe(true);
    expect(ONE.eq(X('1.000'))).toBe(true);
  });

  it('valueIssue puts the unit and the path plus the extra segments on the issue', () => {
    const ctx = context();
    expect(valueIssue(ctx, 'value/negative', {}, ['numerator'])).toBeUndefined();
    expect(ctx.issues).toHaveLength(1);
    expect(ctx.issues[0]!.code).toBe('value/negative');
    expect(ctx.issues[0]!.segments).toEqual([...PATH, 'numerator']);
    expect(ctx.issues[0]!.params).toMatchObject({ unit: 'u-1' });
    valueIssue(ctx, 'value/not-whole');
    expect(ctx.issues[1]!.segments).toEqual([...PATH]);
  });

  it('readNumber: shape (with the expected form), sign and wholeness, each at the value path', () => {
    const cases: [unknown, Parameters<typeof readNumber>[2], string | undefined, string | undefined][] = [
      ['abc', {}, 'value/shape', 'decimal'],
      [true, { expected: 'whole' }, 'value/shape', 'whole'],
      ['1e3', {}, 'value/shape', 'decimal'],
      ['-0.5', { nonNegative: true }, 'value/negative', undefined],
      ['-0.5', {}, undefined, undefined],
      ['0', { nonNegative: true, whole: true }, undefined, undefined],
      ['-0', { nonNegative: true, whole: true }, undefined, undefined],
      ['2.5', { whole: true }, 'value/not-whole', undefined],
      ['2.50', { whole: false }, undefined, undefined],
      ['3.000', { whole: true }, undefined, undefined],
    ];
    for (const [raw, options, code, expected] of cases) {
      const ctx = context();
      const value = readNumber(raw, ctx, options, ['x']);
      if (code === undefined) {
        expect(ctx.issues, String(raw)).toEqual([]);
        expect(exactQ(value!)).toEqual(Q(String(raw)));
      } else {
        expect(value, String(raw)).toBeUndefined();
        expect(codes(ctx.issues)).toEqual([code]);
        expect(ctx.issues[0]!.segments).toEqual([...PATH, 'x']);
        if (expected !== undefined) expect(ctx.issues[0]!.params.expected).toBe(expected);
      }
    }
  });

  it('readFraction: shape, unknown keys, missing parts, signs and n <= d unless allowed', () => {
    const read = (raw: unknown, allowOver = false) => {
      const ctx = context();
      return { value: readFraction(raw, ctx, allowOver), issues: ctx.issues };
    };
    for (const raw of [null, [], [1, 2], 5, '1/2', true]) {
      const r = read(raw);
      expect(r.value).toBeUndefined();
      expect(codes(r.issues)).toEqual(['value/shape']);
      expect(r.issues[0]!.params.expected).toBe('fraction');
      expect(r.issues[0]!.segments).toEqual([...PATH]);
    }
    const extra = read({ numerator: 1, denominator: 2, n: 1 });
    expect(extra.value).toBeUndefined();
    expect(codes(extra.issues)).toEqual(['schema/unknown-key']);
    expect(extra.issues[0]!.segments).toEqual([...PATH, 'n']);
    expect(extra.issues[0]!.params.key).toBe('n');
    // Inherited keys are not the object's own: not reported.
    const inherited = Object.assign(Object.create({ note: 'x' }) as object, { numerator: 1, denominator: 2 });
    expect(read(inherited).issues).toEqual([]);
    const noNumerator = read({ denominator: 2 });
    expect(codes(noNumerator.issues)).toEqual(['value/shape']);
    expect(noNumerator.issues[0]!.segments).toEqual([...PATH, 'numerator']);
    expect(noNumerator.issues[0]!.params.expected).toBe('fraction');
    const noDenominator = read({ numerator: 2 });
    expect(codes(noDenominator.issues)).toEqual(['value/shape']);
    expect(noDenominator.issues[0]!.segments).toEqual([...PATH, 'denominator']);
    expect(noDenominator.issues[0]!.params.expected).toBe('fraction');
    expect(codes(read({}).issues)).toEqual(['value/shape', 'value/shape']);
    const both = read({ numerator: -1, denominator: 'x' });
    expect(codes(both.issues)).toEqual(['value/negative', 'value/shape']);
    expect(both.issues.map((i) => i.segments.at(-1))).toEqual(['numerator', 'denominator']);
    expect(codes(read({ numerator: 1, denominator: -2 }).issues)).toEqual(['value/negative']);
    const over = read({ numerator: '2.5', denominator: 2 });
    expect(over.value).toBeUndefined();
    expect(codes(over.issues)).toEqual(['value/numerator-exceeds-denominator']);
    expect(over.issues[0]!.segments).toEqual([...PATH]);
    const equal = read({ numerator: '2.0', denominator: 2 });
    expect(equal.issues).toEqual([]);
    expect(exactQ(equal.value!.numerator)).toEqual(R.q(2n));
    expect(exactQ(equal.value!.denominator)).toEqual(R.q(2n));
    const allowed = read({ numerator: 3, denominator: 2 }, true);
    expect(allowed.issues).toEqual([]);
    expect(exactQ(allowed.value!.numerator)).toEqual(R.q(3n));
  });

  it('compileAward and awardWorth: points as given, fraction × P, nothing 0', () => {
    expect(exactQ(awardWorth(compileAward({ points: '2.5' }), X(10)))).toEqual(Q('2.5'));
    expect(exactQ(awardWorth(compileAward({ fraction: '0.25' }), X('7')))).toEqual(R.mul(Q('0.25'), Q('7')));
    expect(exactQ(awardWorth(compileAward({}), X('7')))).toEqual(R.ZERO);
    const both = compileAward({ points: 1, fraction: '0.5' });
    expect(exactQ(both.points!)).toEqual(R.ONE);
    expect(exactQ(both.fraction!)).toEqual(Q('0.5'));
    expect(Object.keys(compileAward({ points: 1 }))).toEqual(['points']);
    expect(Object.keys(compileAward({ fraction: 1 }))).toEqual(['fraction']);
  });

  it('checkAwards: exactly one of points/fraction, fraction in [0, 1], not negative, not worth more than P at any level, unique ids', () => {
    const path = ['nodes', 0, 'rule', 'options'];
    const check = (entries: Parameters<typeof checkAwards>[0], max: Record<string, string> = { district: '10', commune: '5' }) => checkAwards(entries, levels(max), path);
    expect(check([{ id: 'a', points: '5' }, { id: 'b', fraction: '0' }, { id: 'c', fraction: '1' }, { id: 'd', points: '0' }])).toEqual([]);
    const dup = check([{ id: 'a', points: 1 }, { id: 'b', points: 1 }, { id: 'a', points: 1 }]);
    expect(codes(dup)).toEqual(['criteria/duplicate-id']);
    expect(dup[0]!.segments).toEqual([...path, 2, 'id']);
    expect(dup[0]!.params.id).toBe('a');
    for (const entry of [{ id: 'x' }, { id: 'x', points: 1, fraction: '0.5' }]) {
      const issues = check([entry]);
      expect(codes(issues)).toEqual(['rule/points-or-fraction']);
      expect(issues[0]!.segments).toEqual([...path, 0]);
    }
    for (const fraction of ['-0.1', '1.0001', '2']) {
      const issues = check([{ id: 'x', fraction }]);
      expect(codes(issues), fraction).toEqual(['rule/fraction-range']);
      expect(issues[0]!.segments).toEqual([...path, 0, 'fraction']);
    }
    const negative = check([{ id: 'x', points: '-1' }]);
    expect(codes(negative)).toEqual(['rule/negative']);
    expect(negative[0]!.segments).toEqual([...path, 0, 'points']);
    const over = check([{ id: 'x', points: '7.5' }]);
    expect(codes(over)).toEqual(['rule/worth-more-than-points']);
    expect(over[0]!.segments).toEqual([...path, 0, 'points']);
    expect(over[0]!.params).toMatchObject({ worth: '7.5', max: '5', level: 'commune' });
    expect(codes(check([{ id: 'x', points: '12' }]))).toEqual(['rule/worth-more-than-points', 'rule/worth-more-than-points']);
    expect(check([{ id: 'x', points: '5.00' }])).toEqual([]);
    // A level whose points are negative (reported elsewhere) is not compared with.
    expect(check([{ id: 'x', points: '3' }], { a: '-1', b: '10' })).toEqual([]);
    // Entries without ids (bands) are not checked for duplicates.
    expect(check([{ points: 1 }, { points: 1 }])).toEqual([]);
  });
});

// ---------------------------------------------------------------- boolean, info, appraised

describe('boolean, info, appraised', () => {
  it('boolean takes true or false only; true earns P', () => {
    for (const raw of ['true', 1, null, undefined]) {
      const r = readWith({ kind: 'boolean' }, raw);
      expect(r.value).toBeUndefined();
      expect(codes(r.issues)).toEqual(['value/shape']);
      expect(r.issues[0]!.params.expected).toBe('boolean');
    }
    const yes = run({ kind: 'boolean' }, true, '12.5');
    expect(yes.points).toEqual(Q('12.5'));
    expect(yes.explanation.en).toContain('12.50');
    const no = run({ kind: 'boolean' }, false, '12.5');
    expect(no.points).toEqual(R.ZERO);
    expect(no.explanation.en).not.toBe(yes.explanation.en);
    expect(no.explanation.vi).not.toBe(yes.explanation.vi);
    expect(yes.words.en).toContain('12.5');
    expect(yes.words.vi).toContain('12,5');
    expect(yes.explanation.vi).toBe('Đạt → 12,50 điểm');
    expect(ruleKind('boolean').check({ kind: 'boolean' }, levels({ a: '1' }), [])).toEqual([]);
  });

  it('info records any finite scalar and nothing else, and scores nothing', () => {
    for (const raw of [null, 'text', '', false, 0, -3.5]) {
      const r = readWith({ kind: 'info' }, raw);
      expect(r.issues).toEqual([]);
      expect(r.value).toBe(raw);
    }
    for (const raw of [Number.NaN, Number.POSITIVE_INFINITY, {}, [1], undefined]) {
      const r = readWith({ kind: 'info' }, raw);
      expect(r.value).toBeUndefined();
      expect(codes(r.issues)).toEqual(['value/shape']);
      expect(r.issues[0]!.params.expected).toBe('scalar');
    }
    const info = run({ kind: 'info' }, 'x', '0');
    expect(info.points).toEqual(R.ZERO);
    expect(info.explanation.vi.length).toBeGreaterThan(0);
    expect(info.explanation.en.length).toBeGreaterThan(0);
    expect(info.words.vi.length).toBeGreaterThan(0);
    expect(info.words.en.length).toBeGreaterThan(0);
    expect(ruleKind('info').check({ kind: 'info' }, levels({}), [])).toEqual([]);
  });

  it('appraised: 0 <= p <= P, else out of range naming [0, P]', () => {
    expect(run({ kind: 'appraised' }, '7.50', '7.5').points).toEqual(Q('7.5'));
    expect(run({ kind: 'appraised' }, 0, '7.5').points).toEqual(R.ZERO);
    const over = readWith({ kind: 'appraised' }, '7.51', '7.5');
    expect(over.value).toBeUndefined();
    expect(codes(over.issues)).toEqual(['value/out-of-range']);
    expect(over.issues[0]!.params.range).toBe('[0, 7.5]');
    expect(over.issues[0]!.segments).toEqual([...PATH]);
    expect(codes(readWith({ kind: 'appraised' }, '-1', '7.5').issues)).toEqual(['value/negative']);
    const bad = readWith({ kind: 'appraised' }, 'x', '7.5');
    expect(codes(bad.issues)).toEqual(['value/shape']);
    expect(bad.issues[0]!.params.expected).toBe('appraised-points');
    const r = run({ kind: 'appraised' }, '3', '7.5');
    expect(r.explanation.en).toContain('3.00');
    expect(r.explanation.vi).toContain('3,00');
    expect(r.words.en).toContain('7.5');
    expect(r.words.vi).toContain('7,5');
    expect(ruleKind('appraised').check({ kind: 'appraised' }, levels({ a: '1' }), [])).toEqual([]);
  });
});

// ---------------------------------------------------------------- ratio

describe('ratio', () => {
  const check = (rule: Omit<Extract<Rule, { kind: 'ratio' }>, 'kind'>) => ruleKind('ratio').check({ kind: 'ratio', ...rule }, levels({ a: '10' }), ['nodes', 1, 'rule']);

  it('rejects target <= 0, target > 1 without allowOver, floor outside [0, 1], each at its field', () => {
    expect(check({})).toEqual([]);
    expect(check({ target: '1', floor: '0' })).toEqual([]);
    expect(check({ target: '0.001', floor: '1' })).toEqual([]);
    for (const target of ['0', '-0.5']) {
      const issues = check({ target });
      expect(codes(issues), target).toEqual(['rule/target-not-positive']);
      expect(issues[0]!.segments).toEqual(['nodes', 1, 'rule', 'target']);
    }
    const unreachable = check({ target: '1.01' });
    expect(codes(unreachable)).toEqual(['rule/target-unreachable']);
    expect(unreachable[0]!.segments).toEqual(['nodes', 1, 'rule', 'target']);
    expect(check({ target: '1.01', allowOver: true })).toEqual([]);
    expect(check({ target: '1.01', allowOver: false }).length).toBe(1);
    for (const floor of ['-0.01', '1.01']) {
      const issues = check({ floor });
      expect(codes(issues), floor).toEqual(['rule/floor-range']);
      expect(issues[0]!.segments).toEqual(['nodes', 1, 'rule', 'floor']);
    }
  });

  it('the three zero-denominator policies, the floor boundary, the target boundary and pro rata = P × (n/d) / target', () => {
    const na = run({ kind: 'ratio' }, { numerator: 0, denominator: 0 }, '10');
    expect(na.outcome.state).toBe('not-applicable');
    expect(na.explanation.en).toContain('0/0');
    expect(na.explanation.vi).toContain('0/0');
    const full = run({ kind: 'ratio', zeroDenominator: 'full' }, { numerator: 0, denominator: 0 }, '10');
    expect(full.points).toEqual(R.q(10n));
    expect(full.explanation.en).toContain('10.00');
    expect(full.explanation.vi).toContain('10,00');
    const zero = run({ kind: 'ratio', zeroDenominator: 'zero' }, { numerator: 0, denominator: 0 }, '10');
    expect(zero.points).toEqual(R.ZERO);
    expect(zero.explanation.en).toContain('0/0');
    expect(zero.explanation.en).not.toBe(full.explanation.en);
    expect(zero.explanation.vi).not.toBe(full.explanation.vi);
    // n/d = floor exactly is not below the floor.
    const atFloor = run({ kind: 'ratio', floor: '0.5' }, { numerator: 1, denominator: 2 }, '10');
    expect(atFloor.points).toEqual(R.q(5n));
    const below = run({ kind: 'ratio', floor: '0.5' }, { numerator: '0.999', denominator: 2 }, '10');
    expect(below.points).toEqual(R.ZERO);
    expect(below.explanation.en).toContain(percentText(Q('0.999'), Q('2')));
    expect(below.explanation.en).toContain('50%');
    expect(below.explanation.vi).toContain('50%');
    // n/d = target exactly earns P; just under is pro rata.
    const atTarget = run({ kind: 'ratio', target: '0.8' }, { numerator: 4, denominator: 5 }, '20');
    expect(atTarget.points).toEqual(R.q(20n));
    expect(atTarget.explanation.en).toContain('→ 1 × 20 = 20.00');
    expect(atTarget.explanation.vi).toContain('→ 1 × 20 = 20,00');
    const under = run({ kind: 'ratio', target: '0.8' }, { numerator: '3.99', denominator: 5 }, '20');
    const expected = R.div(R.mul(R.q(20n), R.div(Q('3.99'), Q('5'))), Q('0.8'));
    expect(under.points).toEqual(expected);
    const factor = quotientText(Q('3.99'), R.mul(Q('5'), Q('0.8')), 4);
    expect(under.explanation.en).toContain(`→ ${factor.exact ? '' : '≈ '}${factor.text} × 20 = ${R.toFixed(R.roundHalfUp(expected, 2), 2)}`);
    expect(under.explanation.en).toContain('80%');
    expect(under.explanation.vi).toContain('80%');
    expect(under.explanation.vi).toContain(inLang('vi', `→ ${factor.exact ? '' : '≈ '}${factor.text} × 20 = ${R.toFixed(R.roundHalfUp(expected, 2), 2)}`));
    expect(below.explanation.vi).toContain(inLang('vi', percentText(Q('0.999'), Q('2'))));
  });

  it('pro rata with allowOver above 1 and a target above 1', () => {
    const r = run({ kind: 'ratio', target: '1.5', allowOver: true }, { numerator: 3, denominator: 2 }, '9');
    expect(r.points).toEqual(R.q(9n));
    const s = run({ kind: 'ratio', target: '1.5', allowOver: true }, { numerator: 1, denominator: 1 }, '9');
    expect(s.points).toEqual(R.q(6n));
    expect(codes(readWith({ kind: 'ratio' }, { numerator: 3, denominator: 2 }).issues)).toEqual(['value/numerator-exceeds-denominator']);
  });

  it('describes target, floor, zero-denominator policy and allowOver', () => {
    const plainRule = run({ kind: 'ratio' }, { numerator: 1, denominator: 2 }, '10').words;
    const everything = run({ kind: 'ratio', target: '0.8', floor: '0.25', zeroDenominator: 'full', allowOver: true }, { numerator: 1, denominator: 2 }, '10').words;
    const zero = run({ kind: 'ratio', zeroDenominator: 'zero' }, { numerator: 1, denominator: 2 }, '10').words;
    for (const lang of ['vi', 'en'] as const) {
      expect(plainRule[lang]).toContain('100%');
      expect(plainRule[lang]).toContain('10');
      expect(everything[lang]).toContain('80%');
      expect(everything[lang]).toContain('25%');
      expect(plainRule[lang]).not.toContain('25%');
      expect(everything[lang].length).toBeGreaterThan(plainRule[lang].length);
      expect(new Set([plainRule[lang], zero[lang], everything[lang]]).size).toBe(3);
      // The three policies are told apart.
      const policies = (['not-applicable', 'full', 'zero'] as const).map((p) => run({ kind: 'ratio', zeroDenominator: p }, { numerator: 1, denominator: 2 }, '10').words[lang]);
      expect(new Set(policies).size).toBe(3);
      // allowOver alone changes the text.
      expect(run({ kind: 'ratio', allowOver: true }, { numerator: 1, denominator: 2 }, '10').words[lang]).not.toBe(plainRule[lang]);
    }
  });
});

// ---------------------------------------------------------------- linear

describe('linear', () => {
  it('rejects from = to however written, at the rule path', () => {
    const check = (from: string | number, to: string | number) => ruleKind('linear').check({ kind: 'linear', from, to }, levels({}), ['r']);
    const issues = check('1', '1.0');
    expect(codes(issues)).toEqual(['rule/from-equals-to']);
    expect(issues[0]!.segments).toEqual(['r']);
    expect(check(0, '0.000')).toHaveLength(1);
    expect(check('1', '1.0001')).toEqual([]);
  });

  it('P × clamp((x − from) / (to − from), 0, 1), rising and falling, with the clamps exactly at from and to', () => {
    const value = fc.integer({ min: -40, max: 40 }).map((k) => R.toPlain(R.q(BigInt(k), 4n)));
    fc.assert(
      fc.property(value, value, value, (from, to, x) => {
        fc.pre(!R.eq(Q(from), Q(to)));
        const r = run({ kind: 'linear', from, to }, x, '8');
        const f = R.div(R.sub(Q(x), Q(from)), R.sub(Q(to), Q(from)));
        const clamped = R.min(R.max(f, R.ZERO), R.ONE);
        expect(r.points).toEqual(R.mul(R.q(8n), clamped));
        const clampedAt = R.lt(f, R.ZERO) || R.isZero(f) ? 0 : R.ge(f, R.ONE) ? 1 : undefined;
        expect(r.outcome.detail).toBe(clampedAt);
        for (const lang of ['vi', 'en'] as const) {
          expect(r.explanation[lang]).toContain(inLang(lang, `(${R.toPlain(Q(x))} − ${R.toPlain(Q(from))}) / (${R.toPlain(Q(to))} − ${R.toPlain(Q(from))})`));
          expect(r.explanation[lang]).toContain(inLang(lang, `× 8 = ${r.shown}`));
          // A range is [0, 1] in English, [0; 1] after Vietnamese decimal commas.
          const range = lang === 'vi' ? '[0; 1]' : '[0, 1]';
          if (clampedAt !== undefined) expect(r.explanation[lang]).toContain(`${clause(lang)}${lang === 'vi' ? 'giới hạn trong' : 'clamped to'} ${range} → ${clampedAt} × 8`);
          else expect(r.explanation[lang]).not.toContain(range);
          const q = quotientText(R.sub(Q(x), Q(from)), R.sub(Q(to), Q(from)), 4);
          expect(r.explanation[lang]).toContain(inLang(lang, q.exact ? `= ${q.text}` : `≈ ${q.text}`));
          expect(r.explanation[lang]).not.toContain('= ≈');
          expect(r.words[lang]).toContain(inLang(lang, R.toPlain(Q(from))));
          expect(r.words[lang]).toContain(inLang(lang, R.toPlain(Q(to))));
        }
      }),
      { numRuns: 300 },
    );
    // "lower is better" is said only when from > to: the same text otherwise, whatever the numbers.
    const falling = run({ kind: 'linear', from: '5', to: '1' }, '3', '8').words;
    const rising = run({ kind: 'linear', from: '1', to: '5' }, '3', '8').words;
    for (const lang of ['vi', 'en'] as const) {
      expect(falling[lang].length).toBeGreaterThan(rising[lang].length);
      expect(falling[lang].replace('5', '#').replace('1', '5').replace('#', '1').startsWith(rising[lang])).toBe(true);
    }
  });

  it('reads any signed decimal', () => {
    expect(readWith({ kind: 'linear', from: 0, to: 1 }, '-3.25').issues).toEqual([]);
    const bad = readWith({ kind: 'linear', from: 0, to: 1 }, '3,25');
    expect(codes(bad.issues)).toEqual(['value/shape']);
    expect(bad.issues[0]!.params.expected).toBe('decimal');
  });
});

// ---------------------------------------------------------------- bands

describe('bands', () => {
  const path = ['nodes', 3, 'rule'];
  const check = (rule: Omit<Extract<Rule, { kind: 'bands' }>, 'kind'>, max: Record<string, string> = { district: '10', commune: '6' }) =>
    ruleKind('bands').check({ kind: 'bands', ...rule }, levels(max), path);

  it('rejects min > max, a negative else and an else worth more than P, each at its field', () => {
    expect(check({ bands: [{ min: '2', max: '2.0', points: 1 }, { min: 1, points: 2 }, { max: 1, points: 3 }], else: '6' })).toEqual([]);
    const minMax = check({ bands: [{ points: 1 }, { min: '2.01', max: '2', points: 1 }] });
    expect(codes(minMax)).toEqual(['rule/band-min-max']);
    expect(minMax[0]!.segments).toEqual([...path, 'bands', 1]);
    const negative = check({ bands: [{ points: 1 }], else: '-0.5' });
    expect(codes(negative)).toEqual(['rule/negative']);
    expect(negative[0]!.segments).toEqual([...path, 'else']);
    const over = check({ bands: [{ points: 1 }], else: '8' });
    expect(codes(over)).toEqual(['rule/worth-more-than-points']);
    expect(over[0]!.segments).toEqual([...path, 'else']);
    expect(over[0]!.params).toMatchObject({ worth: '8', max: '6', level: 'commune' });
    expect(check({ bands: [{ points: 1 }], else: '11' })).toHaveLength(2);
    // The awards are checked too, under "bands".
    const award = check({ bands: [{ points: 1, fraction: '0.5' }] });
    expect(codes(award)).toEqual(['rule/points-or-fraction']);
    expect(award[0]!.segments).toEqual([...path, 'bands', 0]);
  });

  /** The first band with min <= x <= max, from the spec, on rationals. */
  function referenceBand(bands: { min?: string | undefined; max?: string | undefined }[], x: R.Q): number {
    return bands.findIndex((b) => (b.min === undefined || R.le(Q(b.min), x)) && (b.max === undefined || R.le(x, Q(b.max))));
  }

  it('the first matching band in list order, bounds inclusive, a fraction compared exactly, else when none; what the explanation says', () => {
    const bound = fc.integer({ min: -6, max: 6 }).map((k) => R.toPlain(R.q(BigInt(k), 2n)));
    const band = fc.record({ min: fc.option(bound, { nil: undefined }), max: fc.option(bound, { nil: undefined }), award: fc.oneof(fc.integer({ min: 0, max: 8 }).map((p) => ({ points: String(p) })), fc.constantFrom({ fraction: '0.25' }, { fraction: '1' })) });
    const value = fc.oneof(
      bound.map((x) => ({ raw: x as unknown, x: Q(x), text: `x = ${R.toPlain(Q(x))}` })),
      fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 7 })).filter(([n, d]) => n <= d).map(([n, d]) => {
        const { text, exact } = quotientText(R.q(BigInt(n)), R.q(BigInt(d)), 6);
        return { raw: { numerator: n, denominator: d } as unknown, x: R.q(BigInt(n), BigInt(d)), text: `x = ${n}/${d}${exact ? ' = ' : ' ≈ '}${text}` };
      }),
    );
    fc.assert(
      fc.property(fc.array(band, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 8 }), value, (bands, otherwise, v) => {
        const rule = { kind: 'bands' as const, bands: bands.map((b) => ({ ...(b.min === undefined ? {} : { min: b.min }), ...(b.max === undefined ? {} : { max: b.max }), ...b.award })), else: String(otherwise) };
        const r = run(rule, v.raw, '8');
        const index = referenceBand(bands, v.x);
        const award = bands[index]?.award;
        const expected = award === undefined ? R.q(BigInt(otherwise)) : 'points' in award ? Q(award.points) : R.mul(Q(award.fraction), R.q(8n));
        expect(r.points).toEqual(expected);
        expect(r.outcome.detail).toBe(index);
        for (const lang of ['vi', 'en'] as const) {
          const e = r.explanation[lang];
          expect(e.startsWith(inLang(lang, `${v.text}: `))).toBe(true);
          expect(e).toContain(inLang(lang, `→ ${award !== undefined && 'fraction' in award ? `${R.toPlain(Q(award.fraction))} × 8 = ` : ''}${r.shown}`));
          if (index >= 0) {
            const b = bands[index]!;
            const range = b.min !== undefined && b.max !== undefined ? `${b.min} ≤ x ≤ ${b.max}` : b.min !== undefined ? `x ≥ ${b.min}` : b.max !== undefined ? `x ≤ ${b.max}` : 'x';
            expect(e).toContain(inLang(lang, ` ${index + 1} (${range}) → `));
          } else expect(e).not.toContain(' (');
          for (const [i, b] of bands.entries()) {
            const range = b.min !== undefined && b.max !== undefined ? `${b.min} ≤ x ≤ ${b.max}` : b.min !== undefined ? `x ≥ ${b.min}` : b.max !== undefined ? `x ≤ ${b.max}` : 'x';
            const worth = 'points' in b.award ? b.award.points : R.toPlain(R.mul(Q(b.award.fraction), R.q(8n)));
            expect(r.words[lang], String(i)).toContain(inLang(lang, `${range}: ${worth}`));
          }
          expect(r.words[lang]).toContain(`${otherwise} `);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a fraction value with d = 0 is not applicable, and says which numerator', () => {
    const r = run({ kind: 'bands', bands: [{ points: 1 }] }, { numerator: 0, denominator: 0 }, '5');
    expect(r.outcome.state).toBe('not-applicable');
    expect(r.explanation.en.startsWith('0/0')).toBe(true);
    expect(r.explanation.vi.startsWith('0/0')).toBe(true);
  });

  it('without else, no band earns 0; a band matching a fraction exactly at its bounds', () => {
    expect(run({ kind: 'bands', bands: [{ min: 5, points: 1 }] }, '4.99', '5').points).toEqual(R.ZERO);
    // 2/3 lies inside [0.6666, 0.6667] but not inside [0.6667, 1]: compared without dividing.
    expect(run({ kind: 'bands', bands: [{ min: '0.6667', max: 1, points: 5 }, { min: '0.6666', max: '0.6667', points: 3 }] }, { numerator: 2, denominator: 3 }, '5').points).toEqual(R.q(3n));
    expect(run({ kind: 'bands', bands: [{ min: '0.5', max: '0.5', points: 5 }] }, { numerator: 3, denominator: 6 }, '5').points).toEqual(R.q(5n));
    expect(run({ kind: 'bands', bands: [{ max: '0.5', points: 5 }] }, { numerator: 4, denominator: 7 }, '5').points).toEqual(R.ZERO);
  });

  it('reads a decimal or a fraction (n <= d), nothing else', () => {
    const rule = { kind: 'bands' as const, bands: [{ points: 1 }] };
    const word = readWith(rule, 'x');
    expect(codes(word.issues)).toEqual(['value/shape']);
    expect(word.issues[0]!.params.expected).toBe('decimal-or-fraction');
    expect(codes(readWith(rule, [1, 2]).issues)).toEqual(['value/shape']);
    expect(codes(readWith(rule, null).issues)).toEqual(['value/shape']);
    expect(codes(readWith(rule, { numerator: 3, denominator: 2 }).issues)).toEqual(['value/numerator-exceeds-denominator']);
    expect(readWith(rule, '-2').issues).toEqual([]);
  });
});

// ---------------------------------------------------------------- count

describe('count', () => {
  it('rejects each <= 0', () => {
    const check = (each: string) => ruleKind('count').check({ kind: 'count', each }, levels({}), ['r']);
    for (const each of ['0', '-1']) {
      const issues = check(each);
      expect(codes(issues)).toEqual(['rule/each-not-positive']);
      expect(issues[0]!.segments).toEqual(['r', 'each']);
    }
    expect(check('0.0001')).toEqual([]);
  });

  it('min(P, n × each) for a whole n >= 0; the explanation quotes n × each and the cap only when it applies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 100 }), (n, each100, max) => {
        const each = R.toPlain(R.q(BigInt(each100), 100n));
        const r = run({ kind: 'count', each }, n, String(max));
        const raw = R.mul(R.q(BigInt(n)), Q(each));
        expect(r.points).toEqual(R.min(raw, R.q(BigInt(max))));
        const capped = R.gt(raw, R.q(BigInt(max)));
        for (const lang of ['vi', 'en'] as const) {
          expect(r.explanation[lang].startsWith(inLang(lang, `${n} × ${each} = ${R.toPlain(raw)}`))).toBe(true);
          expect(r.explanation[lang].includes(clause(lang))).toBe(capped);
          if (capped) expect(r.explanation[lang]).toContain(inLang(lang, ` ${max} → ${r.shown}`));
          expect(r.explanation[lang]).toContain(inLang(lang, `→ ${r.shown}`));
          expect(r.words[lang]).toContain(inLang(lang, each));
          expect(r.words[lang]).toContain(String(max));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads whole numbers >= 0 only', () => {
    const rule = { kind: 'count' as const, each: '1' };
    const half = readWith(rule, '1.5');
    expect(codes(half.issues)).toEqual(['value/not-whole']);
    expect(half.issues[0]!.segments).toEqual([...PATH]);
    expect(codes(readWith(rule, -1).issues)).toEqual(['value/negative']);
    const shape = readWith(rule, 'many');
    expect(codes(shape.issues)).toEqual(['value/shape']);
    expect(shape.issues[0]!.params.expected).toBe('whole');
    expect(readWith(rule, '3.0').issues).toEqual([]);
  });
});

// ---------------------------------------------------------------- choice and checklist

describe('choice', () => {
  const rule = { kind: 'choice' as const, options: [{ id: 'a', label: { vi: 'Lựa A', en: 'Option A' }, points: '2.5' }, { id: 'b', label: { vi: 'Lựa B' }, fraction: '0.25' }] };

  it('reads an option id (trimmed, NFC), else an unknown option listing the allowed ids, or a wrong shape', () => {
    expect(readWith(rule, ' a ').issues).toEqual([]);
    const unknown = readWith(rule, 'c');
    expect(codes(unknown.issues)).toEqual(['value/unknown-option']);
    expect(unknown.issues[0]!.params).toMatchObject({ option: 'c', allowed: ['a', 'b'] });
    expect(unknown.issues[0]!.segments).toEqual([...PATH]);
    for (const raw of [1, null, ['a'], true]) {
      const r = readWith(rule, raw);
      expect(codes(r.issues)).toEqual(['value/shape']);
      expect(r.issues[0]!.params.expected).toBe('option');
    }
  });

  it("scores the option's points or fraction × P, and says which", () => {
    const a = run(rule, 'a', '10');
    expect(a.points).toEqual(Q('2.5'));
    expect(a.explanation.vi).toContain('"Lựa A" → 2,50');
    expect(a.explanation.en).toContain('"Option A" → 2.50');
    const b = run(rule, 'b', '10');
    expect(b.points).toEqual(R.mul(Q('0.25'), R.q(10n)));
    expect(b.explanation.vi).toContain('"Lựa B" → 0,25 × 10 = 2,50');
    // An option without an English label is named by its Vietnamese label in English too, never by its id.
    expect(b.explanation.en).toContain('"Lựa B" → 0.25 × 10 = 2.50');
    expect(a.words.vi).toContain('Lựa A (2,5); Lựa B (2,5)');
    expect(a.words.en).toContain('Option A (2.5); Lựa B (2.5)');
  });

  it('checks its options as awards', () => {
    const issues = ruleKind('choice').check({ kind: 'choice', options: [{ id: 'a', label, points: '11' }] }, levels({ l: '10' }), ['r']);
    expect(codes(issues)).toEqual(['rule/worth-more-than-points']);
    expect(issues[0]!.segments).toEqual(['r', 'options', 0, 'points']);
  });
});

describe('checklist', () => {
  const rule = {
    kind: 'checklist' as const,
    items: [
      { id: 'a', label: { vi: 'Mục A', en: 'Item A' }, points: '3' },
      { id: 'b', label: { vi: 'Mục B' }, fraction: '0.5' },
      { id: 'c', label: { vi: 'Mục C', en: 'Item C' }, points: '1.25' },
    ],
  };

  it('reads a list of ids or an object of booleans; every problem at its own path', () => {
    expect(readWith(rule, ['b', ' a']).issues).toEqual([]);
    expect((readWith(rule, ['c', 'a']).value as { id: string }[]).map((i) => i.id)).toEqual(['a', 'c']);
    expect((readWith(rule, { c: true, a: false, b: true }).value as { id: string }[]).map((i) => i.id)).toEqual(['b', 'c']);
    expect(readWith(rule, []).value).toEqual([]);
    expect(readWith(rule, {}).value).toEqual([]);
    const list = readWith(rule, ['a', 7, 'x', 'a', 'b']);
    expect(list.value).toBeUndefined();
    expect(codes(list.issues)).toEqual(['value/shape', 'value/unknown-item', 'value/duplicate-item']);
    expect(list.issues.map((i) => i.segments.at(-1))).toEqual([1, 2, 3]);
    expect(list.issues[0]!.params.expected).toBe('item');
    expect(list.issues[1]!.params).toMatchObject({ item: 'x', allowed: ['a', 'b', 'c'] });
    expect(list.issues[2]!.params.item).toBe('a');
    const object = readWith(rule, { a: true, ' a': false, z: true, b: 'yes' });
    expect(object.value).toBeUndefined();
    expect(codes(object.issues)).toEqual(['value/duplicate-item', 'value/unknown-item', 'value/shape']);
    expect(object.issues.map((i) => i.segments.at(-1))).toEqual([' a', 'z', 'b']);
    expect(object.issues[0]!.params.item).toBe('a');
    expect(object.issues[1]!.params).toMatchObject({ item: 'z', allowed: ['a', 'b', 'c'] });
    expect(object.issues[2]!.params.expected).toBe('boolean');
    // A single problem, whichever it is, is enough to give no value.
    for (const [raw, code] of [
      [['a', 7], 'value/shape'], [['a', 'x'], 'value/unknown-item'], [['a', 'a'], 'value/duplicate-item'],
      [{ a: true, x: true }, 'value/unknown-item'], [{ a: true, 'a ': true }, 'value/duplicate-item'], [{ a: true, b: 1 }, 'value/shape'],
    ] as const) {
      const r = readWith(rule, raw);
      expect(codes(r.issues), JSON.stringify(raw)).toEqual([code]);
      expect(r.value, JSON.stringify(raw)).toBeUndefined();
    }
    for (const raw of ['a', 3, null, true]) {
      const r = readWith(rule, raw);
      expect(r.value).toBeUndefined();
      expect(codes(r.issues)).toEqual(['value/shape']);
      expect(r.issues[0]!.params.expected).toBe('checklist');
      expect(r.issues[0]!.segments).toEqual([...PATH]);
    }
  });

  it('min(P, sum of the items met); the explanation lists the terms and the cap only when it applies', () => {
    const worth: Record<string, (max: R.Q) => R.Q> = { a: () => R.q(3n), b: (max) => R.mul(Q('0.5'), max), c: () => Q('1.25') };
    fc.assert(
      fc.property(fc.subarray(['a', 'b', 'c']), fc.integer({ min: 0, max: 12 }), (chosen, maxN) => {
        const max = R.q(BigInt(maxN));
        const r = run(rule, chosen, String(maxN));
        const sum = R.sum(chosen.map((id) => worth[id]!(max)));
        expect(r.points).toEqual(R.min(sum, max));
        const capped = R.gt(sum, max);
        for (const lang of ['vi', 'en'] as const) {
          const e = r.explanation[lang];
          expect(e).toContain(inLang(lang, `→ ${r.shown}`));
          if (chosen.length === 0) expect(e).not.toContain('=');
          else {
            const order = ['a', 'b', 'c'].filter((id) => chosen.includes(id));
            // Each item by its label in the language (the Vietnamese one where it has no English label), never by its id.
            const label: Record<string, string> = lang === 'vi' ? { a: 'Mục A', b: 'Mục B', c: 'Mục C' } : { a: 'Item A', b: 'Mục B', c: 'Item C' };
            expect(e.startsWith(`${order.map((id) => `"${label[id]}" ${inLang(lang, R.toPlain(worth[id]!(max)))}`).join(' + ')} = ${inLang(lang, R.toPlain(sum))}`)).toBe(true);
            expect(e.includes(clause(lang))).toBe(capped);
            if (capped) expect(e).toContain(` ${maxN} → `);
          }
        }
        expect(r.words.vi).toContain(inLang('vi', `Mục A (3); Mục B (${R.toPlain(R.mul(Q('0.5'), max))}); Mục C (1.25)`));
        expect(r.words.en).toContain(`Item A (3); Mục B (${R.toPlain(R.mul(Q('0.5'), max))}); Item C (1.25)`);
        expect(r.words.en).toContain(String(maxN));
        expect(r.words.vi).toContain(String(maxN));
      }),
      { numRuns: 100 },
    );
    const none = run(rule, [], '10');
    expect(none.explanation.en).not.toBe(run(rule, ['a'], '10').explanation.en);
    expect(none.explanation.vi.length).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------- relative

describe('relative', () => {
  it('P × x / best; best = 0 earns 0; without a best the unit is its own best', () => {
    const r = run({ kind: 'relative' }, '3', '10', '4');
    expect(r.points).toEqual(R.div(R.mul(R.q(10n), R.q(3n)), R.q(4n)));
    expect(r.explanation.en).toContain('3 ÷ 4');
    expect(r.explanation.vi).toContain('3 ÷ 4');
    expect(r.explanation.en).toContain('× 10 = 7.50');
    const zero = run({ kind: 'relative' }, '0', '10', '0');
    expect(zero.points).toEqual(R.ZERO);
    expect(zero.explanation.en).not.toContain('÷');
    expect(zero.explanation.vi).not.toContain('÷');
    expect(zero.explanation.en).toContain('0.00');
    const alone = run({ kind: 'relative' }, '2.5', '10');
    expect(alone.points).toEqual(R.q(10n));
    expect(alone.explanation.en).toContain('2.5 ÷ 2.5');
    expect(run({ kind: 'relative' }, '0', '10').points).toEqual(R.ZERO);
  });

  it('names the cohort: level by default, or group', () => {
    const level = run({ kind: 'relative' }, '1', '10', '2');
    const group = run({ kind: 'relative', cohort: 'group' }, '1', '10', '2');
    const explicitLevel = run({ kind: 'relative', cohort: 'level' }, '1', '10', '2');
    const zeroLevel = run({ kind: 'relative' }, '0', '10', '0');
    const zeroGroup = run({ kind: 'relative', cohort: 'group' }, '0', '10', '0');
    for (const lang of ['vi', 'en'] as const) {
      expect(group.explanation[lang]).not.toBe(level.explanation[lang]);
      expect(explicitLevel.explanation[lang]).toBe(level.explanation[lang]);
      expect(zeroGroup.explanation[lang]).not.toBe(zeroLevel.explanation[lang]);
      expect(group.words[lang]).not.toBe(level.words[lang]);
      expect(explicitLevel.words[lang]).toBe(level.words[lang]);
      expect(level.words[lang]).toContain('10');
      // The two descriptions differ only in the words naming the cohort, and each names its own.
      const [a, b] = [level.words[lang], group.words[lang]];
      let start = 0;
      while (start < a.length && a[start] === b[start]) start++;
      let end = 0;
      while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
      expect(a.slice(start, a.length - end).trim().length, a).toBeGreaterThan(2);
      expect(b.slice(start, b.length - end).trim().length, b).toBeGreaterThan(2);
      // The same for the explanations (the best of the level or of the group).
      const [c, d] = [level.explanation[lang], group.explanation[lang]];
      start = 0;
      while (start < c.length && c[start] === d[start]) start++;
      end = 0;
      while (end < c.length - start && end < d.length - start && c[c.length - 1 - end] === d[d.length - 1 - end]) end++;
      expect(c.slice(start, c.length - end).trim().length, c).toBeGreaterThan(2);
      expect(d.slice(start, d.length - end).trim().length, d).toBeGreaterThan(2);
    }
  });

  it('reads a decimal >= 0', () => {
    expect(codes(readWith({ kind: 'relative' }, '-1').issues)).toEqual(['value/negative']);
    const bad = readWith({ kind: 'relative' }, 'x');
    expect(bad.issues[0]!.params.expected).toBe('non-negative');
    expect(ruleKind('relative').check({ kind: 'relative' }, levels({ a: '1' }), [])).toEqual([]);
  });
});
