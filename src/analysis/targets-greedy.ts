import { Exact } from '../exact/exact.js';
import { ceilToStep, floorQuotient, ONE, unitOf } from '../rules/inverse-grid.js';
import type { InverseChange } from '../rules/types.js';
import { inverseOf, readsBack, type LeafState, type OpenLeaf } from './targets-leaves.js';
import type { NodeFigures, Totals, TreeFigures } from './targets-tree.js';

/** One leaf moved by a path: the value its inverse answered, what it earns, and whether it goes only as far as needed. */
export interface Move {
  readonly state: LeafState;
  readonly value: unknown;
  readonly raw: unknown;
  /** The leaf's points as published before (`undefined`: not counted) and after. */
  readonly before: Exact | undefined;
  readonly points: Exact;
  readonly change: InverseChange;
  /** Only as far as the rating needs: less than the most the leaf gives. */
  readonly partial: boolean;
}


/**
 * How far the unit's totals are from the rating: `(min − ½ × 10^-indexPlaces)
 * × max − points`. The rounded index reaches `min` exactly when this is 0 or
 * less (the index is `points / max`, rounded once half-up).
 */
export function deficit(totals: Totals, threshold: Exact): Exact {
  return threshold.times(totals.max).minus(totals.points);
}

const ZERO = Exact.scaled(0, 0);

/**
 * `a` gains at a higher rate (points per step) than `b`: `ga / (da / sa) > gb / (db / sb)`, compared
 * without dividing as `(ga × sa) × db` against `(gb × sb) × da` (`ga × sa`: a candidate's `weighted`);
 * no distance is the highest rate.
 */
function fasterThan(a: Ranked, b: Ranked): number {
  const da = a.candidate.full.change.distance;
  const db = b.candidate.full.change.distance;
  if (da.isZero() || db.isZero()) return da.isZero() === db.isZero() ? 0 : da.isZero() ? 1 : -1;
  return a.weighted.times(db).comparedTo(b.weighted.times(da));
}


/**
 * The greedy search of a path (documented in the analysis guide): while the
 * unit's totals fall short of the rating, take the leaf that gains the most
 * points toward it per step of input (its full move: to the most it can
 * earn), its gain measured on the unit's tree with caps and maxima as the
 * scorer sums them; the leaf that closes the gap moves only as far as needed
 * (the least published points that close it, found by bisection on the
 * points grid, then its inverse). Ties: the larger gain, then tree order.
 * Not guaranteed minimal: a set of fewer or smaller changes may exist.
 * Changes `tree` as it goes.
 */
export function greedyMoves(tree: TreeFigures, open: readonly OpenLeaf[], threshold: Exact, places: number): { readonly moves: readonly Move[]; readonly closed: boolean } {
  const moves: Move[] = [];
  let gap = deficit(tree.totals(), threshold);
  const gainOf = (candidate: OpenLeaf): Exact => gap.minus(deficit(tree.totalsWith(candidate.position, figuresOf(candidate, candidate.full.points)), threshold));
  // A leaf without a capped ancestor gains the same whatever the other moves: those are ranked once,
  // the others (under a cap another move may fill) measured again at each step.
  const steady: Ranked[] = [];
  let capped: OpenLeaf[] = [];
  for (const candidate of open) {
    if (tree.cappedAbove(candidate.position)) capped.push(candidate);
    else steady.push(rankedBy(candidate, gainOf(candidate)));
  }
  const ranked = steady.filter((entry) => entry.gain.sign() > 0).sort(byRate);
  let next = 0;
  while (gap.sign() > 0) {
    let pick: Ranked | undefined = ranked[next];
    let fromCapped = false;
    for (const candidate of capped) {
      const entry = rankedBy(candidate, gainOf(candidate));
      if (entry.gain.sign() > 0 && (pick === undefined || byRate(entry, pick) < 0)) {
        pick = entry;
        fromCapped = true;
      }
    }
    if (pick === undefined) return { moves, closed: false };
    const state = pick.candidate;
    const { full } = state;
    const before = tree.at(state.position).points;
    let move: Move = { state, value: full.value, raw: full.raw, before, points: full.points, change: full.change, partial: false };
    if (pick.gain.gte(gap)) {
      const partial = partialMove(tree, state, full.points, before, threshold, places);
      if (partial !== undefined && partial.points.lt(full.points) && partial.change.distance.lte(full.change.distance)) move = partial;
    }
    tree.set(state.position, figuresOf(state, move.points));
    moves.push(move);
    if (fromCapped) capped = capped.filter((candidate) => candidate !== state);
    else next++;
    gap = deficit(tree.totals(), threshold);
  }
  return { moves, closed: true };
}

/** A candidate with its gain toward the rating, and the gain times the input's step (what rates compare). */
interface Ranked {
  readonly candidate: OpenLeaf;
  readonly gain: Exact;
  readonly weighted: Exact;
}

/** A candidate ranked by its gain toward the rating. */
function rankedBy(candidate: OpenLeaf, gain: Exact): Ranked {
  return { candidate, gain, weighted: gain.times(candidate.full.change.step) };
}

/** Order of the search: the higher rate first, then the larger gain, then tree order. */
function byRate(a: Ranked, b: Ranked): number {
  return -fasterThan(a, b) || b.gain.comparedTo(a.gain) || a.candidate.position - b.candidate.position;
}

/** The figures of a leaf that earns `points`: counted, with its whole maximum. */
function figuresOf(state: LeafState, points: Exact): NodeFigures {
  return { points, max: state.ctx.max };
}

/**
 * The move of a leaf that closes the gap with the least published points:
 * the least multiple `p` of `10^-places` up to `most` whose totals reach the
 * rating (worked out directly without a cap above the leaf, else by
 * bisection: the deficit falls as the leaf's points rise), then the inverse
 * for `p`. `undefined` when the inverse does not answer a value that closes it.
 */
function partialMove(tree: TreeFigures, state: LeafState, most: Exact, before: Exact | undefined, threshold: Exact, places: number): Move | undefined {
  const unit = unitOf(places);
  const closes = (p: Exact): boolean => deficit(tree.totalsWith(state.position, figuresOf(state, p)), threshold).sign() <= 0;
  let target: Exact | undefined;
  if (!tree.cappedAbove(state.position)) {
    // No cap above: the totals move by the leaf's own difference, so the least points that close the gap are
    // threshold × (max + what the leaf adds to it) − points + what the leaf earns now, on the points grid.
    const totals = tree.totals();
    const need = threshold.times(totals.max.plus(before === undefined ? state.ctx.max : ZERO)).minus(totals.points).plus(before ?? ZERO);
    const p = ceilToStep(need.sign() < 0 ? ZERO : need, ONE, unit);
    if (p.lte(most) && closes(p)) target = p;
  }
  if (target === undefined) {
    // Bisection on k: p = k × unit, k in (low, high], closes(high × unit) holds.
    let low = before === undefined ? Exact.scaled(-1, 0) : floorQuotient(before, unit);
    let high = floorQuotient(most, unit);
    const two = Exact.scaled(2, 0);
    while (high.minus(low).gt(ONE)) {
      const mid = floorQuotient(low.plus(high), two);
      if (closes(mid.times(unit))) high = mid;
      else low = mid;
    }
    target = high.times(unit);
  }
  const answer = inverseOf(state, target.sign() < 0 ? ZERO : target);
  if (answer.state !== 'value' || !closes(answer.points) || !readsBack(state, answer.raw)) return undefined;
  return { state, value: answer.value, raw: answer.raw, before, points: answer.points, change: answer.change, partial: true };
}
