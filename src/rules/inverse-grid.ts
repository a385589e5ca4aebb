import { Exact } from '../exact/exact.js';
import { MAX_SAFE } from '../exact/safe-integer.js';
import { roundQuotient } from '../exact/round-quotient.js';
import { ONE, ZERO } from './shared.js';
import type { Evaluation, Inverse, InverseChange, InverseContext, ValueDomain } from './types.js';

/*
 * What every kind's `inverse` shares: the target as published points, the
 * least exact points that reach it, and the grid of input steps. Everything
 * is exact: a bound such as `from + L × span / P` is a quotient that may not
 * terminate, so it is never formed; the least multiple of a step at or above
 * it is found from the one rounding (`roundQuotient` to a whole number, whose
 * result lies within ½ of the quotient) and one exact comparison.
 */

/** The least whole `k` with `k ≥ n / d` (`d > 0`). */
export function ceilQuotient(n: Exact, d: Exact): Exact {
  const r = roundQuotient(n, d, 0);
  return r.times(d).gte(n) ? r : r.plus(ONE);
}

/** The greatest whole `k` with `k ≤ n / d` (`d > 0`). */
export function floorQuotient(n: Exact, d: Exact): Exact {
  const r = roundQuotient(n, d, 0);
  return r.times(d).lte(n) ? r : r.minus(ONE);
}

/** The least multiple of `step` at or above `n / d` (`d > 0`, `step > 0`). */
export function ceilToStep(n: Exact, d: Exact, step: Exact): Exact {
  return ceilQuotient(n, d.times(step)).times(step);
}

/** The greatest multiple of `step` at or below `n / d` (`d > 0`, `step > 0`). */
export function floorToStep(n: Exact, d: Exact, step: Exact): Exact {
  return floorQuotient(n, d.times(step)).times(step);
}

/** `10^-places`: one unit of the last published decimal. */
export function unitOf(places: number): Exact {
  return Exact.scaled(1, places);
}

/**
 * A target of points as the set publishes them, and the least exact points
 * that reach it: `published` is the target on the grid of `10^-places` (a
 * target with more decimals is the next figure up); rounding half-up makes
 * `round(v) ≥ published` exactly when `v ≥ published − ½ × 10^-places`
 * (`least`, which may be 0 or below: then every value reaches it).
 */
export interface Goal {
  readonly published: Exact;
  readonly least: Exact;
}

/** Goals already worked out, by target (exact numbers never change; a leaf's `P` is asked for again and again). */
const goals = new WeakMap<Exact, { readonly places: number; readonly goal: Goal }>();

/** The {@link Goal} of `target` points at `places` decimals. */
export function goalOf(target: Exact, places: number): Goal {
  const known = goals.get(target);
  if (known !== undefined && known.places === places) return known.goal;
  const published = ceilToStep(target, ONE, unitOf(places));
  const goal = { published, least: published.minus(Exact.scaled(5, places + 1)) };
  goals.set(target, { places, goal });
  return goal;
}

/** The points of an evaluation as published (rounded once); `undefined` when it does not count. */
export function earned(outcome: Evaluation<unknown>, places: number): Exact | undefined {
  return outcome.state === 'scored' ? roundQuotient(outcome.numerator, outcome.denominator, places) : undefined;
}

/** Whether points (rounded, or `undefined` when not counted) reach the goal. */
export function reaches(points: Exact | undefined, goal: Goal): boolean {
  return points !== undefined && points.gte(goal.published);
}

/** Decimals of an exact value as written, trailing zeros left out (`0.050` → 2, `12` → 0). */
export function decimalsOf(value: Exact): number {
  let scale = value.s;
  const m = value.m;
  if (m !== undefined) {
    if (m === 0) return 0;
    let rest = m;
    while (scale > 0 && rest % 10 === 0) {
      rest /= 10;
      scale--;
    }
    return scale;
  }
  let big = value.big;
  while (scale > 0 && big % 10n === 0n) {
    big /= 10n;
    scale--;
  }
  return scale;
}

/**
 * The default step of a number input: `10^-k`, `k` the most decimals among
 * `values` (the rule's constants, the domain's bounds, the unit's current
 * value) and `atLeast`. A `%` leaf's default has at least 2 decimals (one
 * percentage point).
 */
export function decimalStep(values: readonly (Exact | undefined)[], atLeast = 0): Exact {
  let k = atLeast;
  for (const value of values) if (value !== undefined) k = Math.max(k, decimalsOf(value));
  return unitOf(k);
}

/** The step a number input moves by: `ctx.step` when given, else the default of {@link decimalStep}. */
export function stepOf(ctx: InverseContext, values: readonly (Exact | undefined)[]): Exact {
  return ctx.step ?? decimalStep([...values, ctx.domain?.min, ctx.domain?.max], ctx.domain?.percent ? 2 : 0);
}

/** Whether `x` lies in the domain (bounds inclusive). */
export function inDomainExact(x: Exact, domain: ValueDomain | undefined): boolean {
  return domain === undefined || ((domain.min === undefined || x.gte(domain.min)) && (domain.max === undefined || x.lte(domain.max)));
}

/** A number as a unit writes it: a safe whole number as a JSON number, anything else as its exact decimal text. */
export function rawNumber(value: Exact): number | string {
  if (value.m !== undefined && value.s === 0) return value.m;
  if (value.isInteger() && value.abs().lte(SAFE)) return Number(value.toString());
  return value.toString();
}
const SAFE: Exact = Exact.scaled(MAX_SAFE, 0);

/** The change from `from` to `to` in steps of `step`. */
export function changeOf(from: Exact, to: Exact, step: Exact): InverseChange {
  return { distance: to.minus(from).abs(), step };
}

/** One discrete change (an option, `true` for `false`): a distance of `count` steps of 1. */
export function discreteChange(count: number): InverseChange {
  return { distance: Exact.scaled(count, 0), step: ONE };
}

/** `already`, with what the current value earns. */
export function already<Value>(points: Exact): Inverse<Value> {
  return { state: 'already', points };
}

/** `unreachable`, with the most any accepted value earns. */
export function unreachable<Value>(most: Exact | undefined): Inverse<Value> {
  return { state: 'unreachable', most };
}

/** The larger of two exact values. */
export function larger(a: Exact, b: Exact): Exact {
  return a.gte(b) ? a : b;
}

/** The smaller of two exact values. */
export function smaller(a: Exact, b: Exact): Exact {
  return a.lte(b) ? a : b;
}

export { ZERO, ONE };
