// Each rule kind's `inverse` (the value needed for given points) against the kind's own `evaluate`
// and against the independent BigInt reference of the fuzz tests (test/fuzz/reference-scorer.ts,
// written from the spec): the answer earns the target once rounded as published, the next value
// toward the current one does not (or is not accepted), `already` exactly when the current value
// earns it, and `unreachable` only when no accepted value does (checked by brute force where the
// values are few). Targets, points, decimals, ranges and steps are drawn by fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../src/exact/exact.js';
import { readExact } from '../src/exact/read-exact.js';
import { roundQuotient } from '../src/exact/round-quotient.js';
import type { Issue } from '../src/index.js';
import { RULE_KINDS, type Rule } from '../src/rules/registry.js';
import type { Inverse, InverseContext, ValueContext, ValueDomain } from '../src/rules/types.js';
import * as R from './fuzz/rational.js';
import { referenceLeaf } from './fuzz/reference-scorer.js';

const runs = Number(process.env.FC_RUNS ?? 300);
const X = (text: string | number): Exact => readExact(text)!;
const Q = (x: Exact | string): R.Q => R.readDecimal(typeof x === 'string' ? x : x.toString())!;

/** One draw: a rule, the leaf's points and decimals, a range, the current value, a target and a step. */
interface Draw {
  readonly rule: Rule;
  readonly P: string;
  readonly places: number;
  readonly domain?: { readonly min?: string; readonly max?: string; readonly percent: boolean };
  /** The unit's value as written, or none. */
  readonly current: unknown;
  /** `relative`: the best value of the other units of the cohort. */
  readonly others?: string;
  readonly target: string;
  readonly step?: string;
}

interface Checked {
  readonly answer: Inverse<unknown>;
  /** Published points (rounded) of a raw value: by the library and by the reference (they must agree), or why it is refused. */
  readonly points: (raw: unknown) => R.Q | undefined | 'refused';
  /** The target as published: the next multiple of 10^-places. */
  readonly published: R.Q;
  readonly currentValue: unknown;
}

function domainOf(draw: Draw): ValueDomain | undefined {
  if (draw.domain === undefined) return undefined;
  return { min: draw.domain.min === undefined ? undefined : X(draw.domain.min), max: draw.domain.max === undefined ? undefined : X(draw.domain.max), percent: draw.domain.percent };
}

function valueContext(draw: Draw, issues: Issue[]): ValueContext {
  return { unit: 'u', path: ['values', 'A.1'], max: X(draw.P), domain: domainOf(draw), issues };
}

/** The larger of two optional decimals as text. */
function largest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return R.ge(Q(a), Q(b)) ? a : b;
}

/** Runs the inverse of a draw and gives what the checks need. */
function run(draw: Draw): Checked {
  const kind = RULE_KINDS[draw.rule.kind];
  const compiled = kind.compile(draw.rule as never);
  const issues: Issue[] = [];
  const currentValue = draw.current === undefined ? undefined : kind.read(draw.current, compiled, valueContext(draw, issues));
  if (issues.length > 0) throw new Error(`bad draw: current ${JSON.stringify(draw.current)} refused: ${issues.map((i) => i.code).join(', ')}`);
  const best = draw.rule.kind === 'relative' ? largest(draw.others, draw.current as string | undefined) : undefined;
  const ctx: InverseContext = { max: X(draw.P), best: best === undefined ? undefined : X(best), places: draw.places, domain: domainOf(draw), step: draw.step === undefined ? undefined : X(draw.step) };
  const answer = kind.inverse!(compiled, X(draw.target), ctx, currentValue);
  const points = (raw: unknown): R.Q | undefined | 'refused' => {
    const readIssues: Issue[] = [];
    const value = kind.read(raw, compiled, valueContext(draw, readIssues));
    if (readIssues.length > 0) return 'refused';
    // A relative value is scored against the best of the others or itself, whichever is larger.
    const bestFor = draw.rule.kind === 'relative' ? largest(draw.others, String(raw)) : undefined;
    const outcome = kind.evaluate(compiled, value, { max: X(draw.P), best: bestFor === undefined ? undefined : X(bestFor) });
    const mine = outcome.state === 'scored' ? Q(roundQuotient(outcome.numerator, outcome.denominator, draw.places)) : undefined;
    const reference = referenceLeaf(draw.rule as never, raw, draw.P, bestFor);
    if ('rejected' in reference) throw new Error(`the reference refuses ${JSON.stringify(raw)}: ${reference.rejected}`);
    const theirs = reference.points === undefined ? undefined : R.roundHalfUp(reference.points, draw.places);
    expect(mine === undefined ? undefined : R.toPlain(mine), `library and reference disagree on ${JSON.stringify(raw)}`).toBe(theirs === undefined ? undefined : R.toPlain(theirs));
    return mine;
  };
  const unit = R.q(1n, R.pow10(draw.places));
  const scaled = R.div(Q(draw.target), unit);
  const published = R.mul(R.q(scaled.n / scaled.d + (scaled.n % scaled.d === 0n ? 0n : 1n)), unit);
  return { answer, points, published, currentValue };
}

const reaches = (p: R.Q | undefined | 'refused', published: R.Q): boolean => p !== undefined && p !== 'refused' && R.ge(p, published);

/** The checks every kind shares: `already` iff the current value reaches; a value reaches, is accepted and is what it says. */
function commonChecks(draw: Draw, checked: Checked): void {
  const { answer, points, published } = checked;
  const now = draw.current === undefined ? undefined : points(draw.current);
  if (answer.state === 'already') {
    expect(draw.current).not.toBe(undefined);
    expect(reaches(now, published)).toBe(true);
    expect(R.toPlain(Q(answer.points))).toBe(R.toPlain(now as R.Q));
    return;
  }
  if (draw.current !== undefined) expect(reaches(now, published), `current ${JSON.stringify(draw.current)} reaches ${R.toPlain(published)}, yet: ${answer.state}`).toBe(false);
  if (answer.state === 'value') {
    const earned = points(answer.raw);
    expect(earned, `answer ${JSON.stringify(answer.raw)} refused`).not.toBe('refused');
    expect(reaches(earned, published), `answer ${JSON.stringify(answer.raw)} earns ${earned === undefined ? '-' : R.toPlain(earned as R.Q)} < ${R.toPlain(published)}`).toBe(true);
    expect(R.toPlain(Q(answer.points))).toBe(R.toPlain(earned as R.Q));
    expect(answer.change.step.sign()).toBe(1);
    expect(answer.change.distance.isNegative()).toBe(false);
  }
}

// ---------------------------------------------------------------- generators

/** A decimal with `places` decimals from `lo` to `hi` (in units of 10^-places). */
const decimal = (lo: number, hi: number, maxPlaces = 2): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: maxPlaces })).map(([k, places]) => Exact.scaled(k, places).toString());
const pointsAndPlaces = fc.integer({ min: 0, max: 3 }).chain((places) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })).map((k) => ({ places, P: Exact.scaled(k, places).toString() })));
/** A target: from 0 to a bit over P, sometimes with one decimal more than published. */
const targetFor = (P: string, places: number): fc.Arbitrary<string> => {
  const top = Number(X(P).times(Exact.scaled(12, 1)).toString()) * 10 ** (places + 1);
  return fc.integer({ min: 0, max: Math.ceil(top) + 1 }).map((k) => Exact.scaled(k, places + 1).toString());
};
const stepArb = fc.option(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 3 })).map(([k, d]) => Exact.scaled(k, d).toString()), { nil: undefined });

/** The greatest whole number at or below `a`. */
function floorQ(a: R.Q): bigint {
  const f = a.n / a.d;
  return a.n < 0n && f * a.d !== a.n ? f - 1n : f;
}

/** The multiples of `step` from `lo` to `hi` (both included when on the grid); `undefined` when more than `limit`. */
function grid(lo: R.Q, hi: R.Q, step: R.Q, limit = 2000): R.Q[] | undefined {
  const first = -floorQ(R.div(R.sub(R.ZERO, lo), step));
  const last = floorQ(R.div(hi, step));
  if (last - first > BigInt(limit)) return undefined;
  const out: R.Q[] = [];
  for (let k = first; k <= last; k++) out.push(R.mul(step, R.q(k)));
  return out;
}

describe('rule kinds: inverse (fast-check against evaluate and the reference)', { timeout: 120_000 }, () => {
  it('boolean: true when P as published reaches the target', () => {
    fc.assert(
      fc.property(pointsAndPlaces.chain(({ P, places }) => fc.record({ P: fc.constant(P), places: fc.constant(places), current: fc.constantFrom(undefined, true, false), target: targetFor(P, places) })), (d) => {
        const draw: Draw = { rule: { kind: 'boolean' }, ...d };
        const checked = run(draw);
        commonChecks(draw, checked);
        const full = checked.points(true) as R.Q;
        if (checked.answer.state === 'unreachable') expect(R.lt(full, checked.published)).toBe(true);
        if (checked.answer.state === 'value') expect(checked.answer.raw === true || R.isZero(checked.published)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('count: the least whole number that reaches the target, within the range', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({
        P: fc.constant(P),
        places: fc.constant(places),
        each: decimal(1, 500, 2),
        top: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        current: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        target: targetFor(P, places),
      }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const current = d.current === undefined || (d.top !== undefined && d.current > d.top) ? undefined : d.current;
        const draw: Draw = { rule: { kind: 'count', each: d.each }, P: d.P, places: d.places, current, target: d.target, ...(d.top !== undefined ? { domain: { max: String(d.top), percent: false } } : {}) };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        if (answer.state === 'value') {
          const n = Number(answer.raw);
          if (n > 0) expect(reaches(points(n - 1), published)).toBe(false);
        }
        if (answer.state === 'unreachable') {
          // Brute force up to the top of the range; without one, a count past P / each earns P, the most.
          if (d.top !== undefined) for (let n = 0; n <= d.top; n++) expect(reaches(points(n), published)).toBe(false);
          else expect(reaches(points(Number(floorQ(R.div(Q(d.P), Q(d.each)))) + 1), published)).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('linear: the nearest grid value that reaches (least when higher is better, greatest when lower is), within the range', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({
        P: fc.constant(P),
        places: fc.constant(places),
        from: decimal(-100, 100, 2),
        to: decimal(-100, 100, 2),
        lo: fc.option(decimal(-150, 0, 2), { nil: undefined }),
        hi: fc.option(decimal(0, 150, 2), { nil: undefined }),
        current: fc.option(decimal(-150, 150, 3), { nil: undefined }),
        percent: fc.boolean(),
        target: targetFor(P, places),
        step: stepArb,
      }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        fc.pre(!R.eq(Q(d.from), Q(d.to)));
        const inside = (x: string): boolean => (d.lo === undefined || R.ge(Q(x), Q(d.lo))) && (d.hi === undefined || R.le(Q(x), Q(d.hi)));
        const domain = d.lo === undefined && d.hi === undefined ? undefined : { ...(d.lo !== undefined ? { min: d.lo } : {}), ...(d.hi !== undefined ? { max: d.hi } : {}), percent: d.percent };
        const current = d.current !== undefined && inside(d.current) ? d.current : undefined;
        const draw: Draw = { rule: { kind: 'linear', from: d.from, to: d.to }, P: d.P, places: d.places, current, target: d.target, ...(domain ? { domain } : {}), ...(d.step ? { step: d.step } : {}) };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        const rising = R.gt(Q(d.to), Q(d.from));
        if (answer.state === 'value') {
          const x = Q(String(answer.raw));
          const step = Q(answer.change.step);
          const end = rising ? d.hi : d.lo;
          if (end !== undefined && R.eq(x, Q(end))) {
            // The range's end itself: no grid value inside the range reaches.
            const inner = R.mul(R.q(rising ? floorQ(R.div(x, step)) : -floorQ(R.div(R.sub(R.ZERO, x), step))), step);
            const before = R.eq(inner, x) ? (rising ? R.sub(x, step) : R.add(x, step)) : inner;
            if (!R.isZero(published) && inside(R.toPlain(before))) expect(reaches(points(R.toPlain(before)), published)).toBe(false);
          } else {
            expect(R.isInteger(R.div(x, step)), 'on the grid of the step').toBe(true);
            // One step toward the current value (or `from`) earns less, or is outside the range.
            const back = R.toPlain(rising ? R.sub(x, step) : R.add(x, step));
            const base = Q(current ?? d.from);
            // (A target of 0 is reached by every value: the grid value next to `from` is as good as any.)
            if (!R.isZero(published) && (rising ? R.gt(x, base) : R.lt(x, base))) expect(reaches(points(back), published)).toBe(false);
          }
        }
        if (answer.state === 'unreachable') {
          // Nothing in the range reaches: the best end (or `to`) does not.
          const end = rising ? (d.hi ?? largest(d.to, d.lo)!) : (d.lo ?? (d.hi !== undefined && R.lt(Q(d.hi), Q(d.to)) ? d.hi : d.to));
          if (inside(end)) expect(reaches(points(end), published)).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('relative: the least grid value that reaches against the best of the others', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({
        P: fc.constant(P),
        places: fc.constant(places),
        others: fc.option(decimal(0, 500, 2), { nil: undefined }),
        current: fc.option(decimal(0, 500, 2), { nil: undefined }),
        hi: fc.option(decimal(1, 600, 1), { nil: undefined }),
        target: targetFor(P, places),
        step: stepArb,
      }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const current = d.current !== undefined && (d.hi === undefined || R.le(Q(d.current), Q(d.hi))) ? d.current : undefined;
        const draw: Draw = { rule: { kind: 'relative' }, P: d.P, places: d.places, current, target: d.target, ...(d.others !== undefined ? { others: d.others } : {}), ...(d.hi !== undefined ? { domain: { max: d.hi, percent: false } } : {}), ...(d.step ? { step: d.step } : {}) };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        if (answer.state === 'value') {
          const x = Q(String(answer.raw));
          const step = Q(answer.change.step);
          const onGrid = R.isInteger(R.div(x, step));
          // On the grid, or the range's top itself (then the grid value below it does not reach).
          expect(onGrid || (d.hi !== undefined && R.eq(x, Q(d.hi)))).toBe(true);
          const back = onGrid ? R.sub(x, step) : R.mul(R.q(floorQ(R.div(x, step))), step);
          if (R.ge(back, R.ZERO) && (current === undefined || R.gt(back, Q(current)))) expect(reaches(points(R.toPlain(back)), published)).toBe(false);
        }
        if (answer.state === 'unreachable') {
          // Even the largest value accepted (the range's top, or the best of the others: it earns P) does not.
          const end = d.hi ?? largest(d.others, '1')!;
          expect(reaches(points(end), published)).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('ratio: the unit\'s denominator kept, the least numerator on the grid that reaches', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({
        P: fc.constant(P),
        places: fc.constant(places),
        allowOver: fc.boolean(),
        target: fc.option(decimal(1, 10, 1), { nil: undefined }),
        floor: fc.option(decimal(0, 10, 1), { nil: undefined }),
        zero: fc.constantFrom('not-applicable', 'full', 'zero'),
        d: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        n: fc.integer({ min: 0, max: 90 }),
        wanted: targetFor(P, places),
        step: fc.option(fc.constantFrom('1', '2', '0.5', '0.1', '3'), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const target = d.target !== undefined && R.gt(Q(d.target), R.ONE) && !d.allowOver ? '1' : d.target;
        const floor = d.floor !== undefined && R.gt(Q(d.floor), R.ONE) ? '1' : d.floor;
        const rule: Rule = { kind: 'ratio', allowOver: d.allowOver, zeroDenominator: d.zero as 'zero', ...(target !== undefined ? { target } : {}), ...(floor !== undefined ? { floor } : {}) };
        const current = d.d === undefined ? undefined : { numerator: d.allowOver ? d.n : Math.min(d.n, d.d), denominator: d.d };
        const draw: Draw = { rule, P: d.P, places: d.places, current, target: d.wanted, ...(d.step ? { step: d.step } : {}) };
        const checked = run(draw);
        if (current === undefined) {
          expect(checked.answer.state).toBe('needs-value');
          return;
        }
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        if (answer.state === 'value') {
          const raw = answer.raw as { numerator: number | string; denominator: number | string };
          expect(Number(raw.denominator)).toBe(current.denominator);
          const n = Q(String(raw.numerator));
          const step = Q(answer.change.step);
          const onGrid = R.isInteger(R.div(n, step));
          // On the grid, or all of them (n = d) when no numerator of the grid up to d reaches.
          expect(onGrid || R.eq(n, R.q(BigInt(current.denominator)))).toBe(true);
          const back = onGrid ? R.sub(n, step) : R.mul(R.q(floorQ(R.div(n, step))), step);
          if (R.ge(back, R.ZERO)) expect(reaches(points({ numerator: R.toPlain(back), denominator: current.denominator }), published)).toBe(false);
        }
        if (answer.state === 'unreachable') {
          // Brute force every whole numerator up to d (or well past it when allowed).
          const top = d.allowOver ? current.denominator * 12 + 1 : current.denominator;
          for (let n = 0; n <= top; n++) expect(reaches(points({ numerator: n, denominator: current.denominator }), published)).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('bands: no grid value nearer the current one reaches (brute force around it)', () => {
    const band = fc.record({ min: fc.option(decimal(-20, 40, 1), { nil: undefined }), max: fc.option(decimal(-20, 40, 1), { nil: undefined }), fraction: decimal(0, 10, 1) });
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({
        P: fc.constant(P),
        places: fc.constant(places),
        bands: fc.array(band, { minLength: 1, maxLength: 4 }),
        otherwise: fc.option(decimal(0, 10, 1), { nil: undefined }),
        fractionValue: fc.boolean(),
        x: fc.option(decimal(-30, 50, 1), { nil: undefined }),
        d: fc.integer({ min: 0, max: 40 }),
        n: fc.integer({ min: 0, max: 40 }),
        target: targetFor(P, places),
        step: fc.option(fc.constantFrom('1', '0.5', '0.1', '2'), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const bands = d.bands
          .map((b) => ({ ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}), fraction: R.gt(Q(b.fraction), R.ONE) ? '1' : b.fraction }))
          .filter((b) => b.min === undefined || b.max === undefined || R.le(Q(b.min), Q(b.max)));
        fc.pre(bands.length > 0);
        const otherwise = d.otherwise === undefined ? undefined : R.toPlain(R.mul(R.min(Q(d.otherwise), R.ONE), Q(d.P)));
        const rule: Rule = { kind: 'bands', bands, ...(otherwise !== undefined ? { else: otherwise } : {}) };
        const current = d.fractionValue ? { numerator: Math.min(d.n, d.d), denominator: d.d } : d.x;
        const draw: Draw = { rule, P: d.P, places: d.places, current, target: d.target, ...(d.step ? { step: d.step } : {}) };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        const fraction = typeof current === 'object';
        const denominator = fraction ? current.denominator : 1;
        if (fraction && denominator === 0) {
          expect(answer.state).toBe('unreachable');
          return;
        }
        const rawOf = (v: R.Q): unknown => (fraction ? { numerator: R.toPlain(v), denominator } : R.toPlain(v));
        const base = fraction ? Q(String(current.numerator)) : Q(current ?? '0');
        if (answer.state === 'value') {
          const raw = answer.raw as { numerator: number | string } | number | string;
          const v = Q(String(typeof raw === 'object' ? raw.numerator : raw));
          const step = Q(answer.change.step);
          // On the grid, or (a fraction) all of them, n = d.
          expect(R.isInteger(R.div(v, step)) || (fraction && R.eq(v, R.q(BigInt(denominator))))).toBe(true);
          const distance = R.sub(v, base);
          const far = R.lt(distance, R.ZERO) ? R.sub(R.ZERO, distance) : distance;
          // Every grid value strictly nearer the base does not reach (or is refused).
          for (const w of grid(R.sub(base, far), R.add(base, far), step) ?? []) {
            const wd = R.sub(w, base);
            if (R.lt(wd.n < 0n ? R.sub(R.ZERO, wd) : wd, far)) expect(reaches(points(rawOf(w)), published), `${R.toPlain(w)} is nearer and reaches`).toBe(false);
          }
        }
        if (answer.state === 'unreachable') {
          // No grid value reaches: every one from below the lowest bound to above the highest (from 0 to d for a fraction).
          const step = Q(d.step ?? (fraction ? '1' : '0.1'));
          const bounds = bands.flatMap((b) => [b.min, b.max]).filter((b): b is string => b !== undefined).map((b) => R.mul(Q(b), R.q(BigInt(denominator))));
          const lo = fraction ? R.ZERO : R.sub(bounds.reduce(R.min, base), R.mul(step, R.q(2n)));
          const hi = fraction ? R.q(BigInt(denominator)) : R.add(bounds.reduce(R.max, base), R.mul(step, R.q(2n)));
          for (const w of grid(lo, hi, step) ?? []) expect(reaches(points(rawOf(w)), published), `${R.toPlain(w)} reaches`).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('choice: the least valuable option that reaches', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({ P: fc.constant(P), places: fc.constant(places), fractions: fc.array(decimal(0, 100, 2), { minLength: 1, maxLength: 5 }), current: fc.option(fc.nat(4), { nil: undefined }), target: targetFor(P, places) }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const options = d.fractions.map((f, i) => ({ id: `o${i}`, label: { vi: `o${i}` }, fraction: R.toPlain(R.min(R.div(Q(f), R.q(100n)), R.ONE)) }));
        const current = d.current === undefined ? undefined : options[d.current % options.length]!.id;
        const draw: Draw = { rule: { kind: 'choice', options }, P: d.P, places: d.places, current, target: d.target };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        const worths = options.map((o) => points(o.id) as R.Q);
        if (answer.state === 'value') {
          const mine = points(answer.raw) as R.Q;
          for (const w of worths) if (R.ge(w, published)) expect(R.le(mine, w)).toBe(true);
        }
        if (answer.state === 'unreachable') for (const w of worths) expect(R.lt(w, published)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('checklist: the items met kept, the fewest items added (brute force over every subset)', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({ P: fc.constant(P), places: fc.constant(places), fractions: fc.array(decimal(0, 60, 2), { minLength: 1, maxLength: 5 }), met: fc.option(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { nil: undefined }), target: targetFor(P, places) }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const items = d.fractions.map((f, i) => ({ id: `i${i}`, label: { vi: `i${i}` }, fraction: R.toPlain(R.min(R.div(Q(f), R.q(100n)), R.ONE)) }));
        const current = d.met === undefined ? undefined : items.filter((_item, i) => d.met![i]).map((item) => item.id);
        const draw: Draw = { rule: { kind: 'checklist', items }, P: d.P, places: d.places, current, target: d.target };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        const have = new Set(current ?? []);
        const open = items.filter((item) => !have.has(item.id));
        // The fewest items to add, by brute force.
        let fewest: number | undefined;
        for (let mask = 0; mask < 1 << open.length; mask++) {
          const added = open.filter((_item, i) => (mask >> i) & 1).map((item) => item.id);
          if (reaches(points([...have, ...added]), published) && (fewest === undefined || added.length < fewest)) fewest = added.length;
        }
        if (answer.state === 'value') {
          const ids = answer.raw as string[];
          for (const id of have) expect(ids).toContain(id);
          expect(ids.length - have.size).toBe(fewest);
          expect(answer.change.distance.toString()).toBe(String(fewest));
        }
        if (answer.state === 'unreachable') expect(fewest).toBe(undefined);
      }),
      { numRuns: runs },
    );
  });

  it('appraised: the least points on the grid of the step that reach', () => {
    const arb = pointsAndPlaces.chain(({ P, places }) =>
      fc.record({ P: fc.constant(P), places: fc.constant(places), current: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), target: targetFor(P, places), step: stepArb }),
    );
    fc.assert(
      fc.property(arb, (d) => {
        const current = d.current === undefined ? undefined : R.toPlain(R.min(R.div(R.mul(Q(d.P), R.q(BigInt(d.current))), R.q(1000n)), Q(d.P)));
        const draw: Draw = { rule: { kind: 'appraised' }, P: d.P, places: d.places, current, target: d.target, ...(d.step ? { step: d.step } : {}) };
        const checked = run(draw);
        commonChecks(draw, checked);
        const { answer, points, published } = checked;
        if (answer.state === 'value') {
          const p = Q(String(answer.raw));
          const step = Q(answer.change.step);
          const onGrid = R.isInteger(R.div(p, step));
          expect(onGrid || R.eq(p, Q(d.P))).toBe(true);
          const back = onGrid ? R.sub(p, step) : R.mul(R.q(floorQ(R.div(p, step))), step);
          if (R.ge(back, R.ZERO)) expect(reaches(points(R.toPlain(back)), published)).toBe(false);
        }
        if (answer.state === 'unreachable') expect(reaches(points(d.P), published)).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it('info has no inverse; every other built-in kind has one', () => {
    const without = Object.values(RULE_KINDS).filter((kind) => kind.inverse === undefined).map((kind) => kind.kind);
    expect(without).toEqual(['info']);
  });
});
