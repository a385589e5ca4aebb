import { DtiError, relocateIssue, type Issue, type Result } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import { idKey } from '../format/identity.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import { atomPlan, isPlanLeaf, type AtomPlan } from '../scoring/plan.js';
import type { NodeResult, NodeStatus, UnitResult } from '../scoring/result-types.js';
import { moved, othersBest, placeSubject, rescore, type Placed, type Subject, type SubjectOptions } from './targets-cohort.js';
import type { RunBest } from '../scoring/score-tree.js';

/** New self-assessed values by leaf code, each as a unit writes it in `values` (`"n/a"` where the leaf allows it). */
export type LeafChanges = Readonly<Record<string, unknown>>;

/** Where a unit stands: its totals, index, rating and ranks, as results write them. */
export interface UnitStanding {
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  readonly rating: string | null;
  readonly rank: number | null;
  readonly rankInParent: number | null;
}

/** A node's figures as results write them. */
export interface NodeFiguresText {
  readonly points: string | null;
  readonly maxPoints: string | null;
  /** Aggregates only. */
  readonly index?: string | null;
  readonly status: NodeStatus;
}

/** A node of the unit whose figures moved, and the changed leaves below it that moved it. */
export interface NodeMove {
  readonly code: string;
  readonly before: NodeFiguresText;
  readonly after: NodeFiguresText;
  /** The codes of the changes at or below this node whose leaf moved. */
  readonly by: readonly string[];
}

/**
 * What one change did:
 * - `moved`: the leaf's points (or status) moved;
 * - `unchanged`: the new value earns what the old one did;
 * - `appraised`: the leaf has an appraised value, which stands: the change
 *   moves only its self-assessed points (`selfPoints`);
 * - `lacking-evidence`: the set scores 0 for a value without its required
 *   evidence (`evidencePolicy: "zero"`) and the leaf has none.
 */
export type ChangeEffectKind = 'moved' | 'unchanged' | 'appraised' | 'lacking-evidence';

/** One change and its effect on the unit. */
export interface ChangeEffect {
  readonly code: string;
  /** The self-assessed value before, as given; absent when the unit gave none. */
  readonly before?: unknown;
  readonly after: unknown;
  readonly effect: ChangeEffectKind;
  /** The leaf's points as published, before and after (`null`: not counted). */
  readonly points: { readonly before: string | null; readonly after: string | null };
  /** An appraised leaf: its self-assessed points before and after. */
  readonly selfPoints?: { readonly before: string | null; readonly after: string | null };
  /** The nodes this change moved: its leaf and the ancestors whose figures moved, leaf first. */
  readonly moved: readonly string[];
}

/** Another unit of the batch whose figures or ranks moved (a `relative` leaf's best value moved, or the ranks shifted). */
export interface OtherUnitMove {
  readonly unit: string;
  readonly before: UnitStanding;
  readonly after: UnitStanding;
}

/** A unit scored again with some of its values changed (see {@link whatIf}). */
export interface WhatIf {
  readonly unit: string;
  readonly before: UnitStanding;
  readonly after: UnitStanding;
  /** Each change, in the order given. */
  readonly changes: readonly ChangeEffect[];
  /** The unit's nodes whose figures moved, in tree order. */
  readonly nodes: readonly NodeMove[];
  /** Other units whose figures or ranks moved, in batch order. */
  readonly others: readonly OtherUnitMove[];
  /** A `relative` leaf's best value moved, so every unit of the batch was scored again (not only this one). */
  readonly othersRescored: boolean;
  /** The unit's result after the changes (explainable: `explainNode(result, code)`). */
  readonly result: UnitResult;
}

/** A result's standing. */
export function standingOf(result: UnitResult): UnitStanding {
  return { points: result.points, maxPoints: result.maxPoints, index: result.index, rating: result.rating, rank: result.rank, rankInParent: result.rankInParent };
}

function figuresText(node: NodeResult | undefined): NodeFiguresText {
  if (node === undefined) return { points: null, maxPoints: null, status: 'not-applicable' };
  return node.index !== undefined ? { points: node.points, maxPoints: node.maxPoints, index: node.index, status: node.status } : { points: node.points, maxPoints: node.maxPoints, status: node.status };
}

function sameFigures(a: NodeResult | undefined, b: NodeResult | undefined): boolean {
  return a?.points === b?.points && a?.maxPoints === b?.maxPoints && a?.index === b?.index && a?.status === b?.status;
}

/** An issue of the changed unit (scored alone, at `units[0]`) at the change it comes from, else at the unit. */
function atChange(issue: Issue, codes: ReadonlySet<string>, base: readonly (string | number)[]): Issue {
  const [first, second, record, code, ...rest] = issue.segments;
  if (first === 'units' && second === 0 && record === 'values' && typeof code === 'string' && codes.has(code)) return relocateIssue(issue, ['changes', code, ...rest]);
  return moved(issue, 0, base);
}

/** The parent of every node of a plan, by code (built once per plan). */
const parentCache = new WeakMap<AtomPlan, ReadonlyMap<string, string>>();
function parentsOf(atom: AtomPlan): ReadonlyMap<string, string> {
  let parents = parentCache.get(atom);
  if (parents === undefined) {
    const map = new Map<string, string>();
    for (const node of atom.nodes) if (!isPlanLeaf(node)) for (const child of node.children) map.set(atom.nodes[child]!.code, node.code);
    parents = map;
    parentCache.set(atom, parents);
  }
  return parents;
}

/** The unit's values with the changes (codes as ids are compared: trimmed, NFC). */
export function withChanges(unit: UnitSubmission, changes: LeafChanges): UnitSubmission {
  const values: Record<string, unknown> = { ...unit.values };
  for (const [code, value] of Object.entries(changes)) values[idKey(code)] = value;
  return { ...unit, values };
}

/**
 * {@link whatIf} on a unit already placed in its scored batch: scores it
 * again with the changes, and compares. `othersBestValues`: the best values of the
 * other units, when the caller has them.
 */
export function whatIfPlaced(placed: Placed, changes: LeafChanges, othersBestValues?: RunBest): Result<WhatIf> {
  const { cohort, index } = placed;
  const unit = cohort.valid[index]!.source;
  const codes = new Set(Object.keys(changes).map(idKey));
  const again = rescore(placed, withChanges(unit, changes), othersBestValues ?? othersBest(placed));
  if (!again.ok) return { ok: false, issues: again.issues.map((issue) => atChange(issue, codes, placed.base)) };
  const before = cohort.results[index]!;
  const after = again.value.result;
  const atom = atomPlan(cohort.plan, cohort.valid[index]!.atom);
  const parents = parentsOf(atom);
  const chain = (code: string): string[] => {
    const out = [code];
    for (let at = parents.get(code); at !== undefined; at = parents.get(at)) out.push(at);
    return out;
  };
  // The nodes whose figures moved, found in one pass.
  const movedNodes: NodeMove[] = [];
  const moved = new Map<string, string[]>();
  for (const node of atom.nodes) {
    const then = before.nodes[node.code];
    const now = after.nodes[node.code];
    if (sameFigures(then, now)) continue;
    const by: string[] = [];
    moved.set(node.code, by);
    movedNodes.push({ code: node.code, before: figuresText(then), after: figuresText(now), by });
  }
  const lacking = new Set(after.evidence?.lacking ?? []);
  const effects: ChangeEffect[] = [];
  for (const [given, value] of Object.entries(changes)) {
    const code = idKey(given);
    const old = before.nodes[code];
    const now = after.nodes[code];
    const appraised = old?.selfPoints !== undefined;
    const moves = moved.has(code) ? chain(code).filter((node) => moved.has(node)) : [];
    for (const node of moves) moved.get(node)!.push(code);
    let effect: ChangeEffectKind;
    if (appraised) effect = 'appraised';
    else if (moves.length > 0) effect = 'moved';
    else if (cohort.criteria.evidencePolicy === 'zero' && lacking.has(code)) effect = 'lacking-evidence';
    else effect = 'unchanged';
    const previous = Object.prototype.hasOwnProperty.call(unit.values, code) ? { before: unit.values[code] } : {};
    effects.push({
      code,
      ...previous,
      after: value,
      effect,
      points: { before: old?.points ?? null, after: now?.points ?? null },
      ...(appraised ? { selfPoints: { before: old?.selfPoints ?? null, after: now?.selfPoints ?? null } } : {}),
      moved: moves,
    });
  }
  const others: OtherUnitMove[] = [];
  const { scored, ranks, parentRanks, othersRescored, ranksBefore } = again.value;
  cohort.results.forEach((result, position) => {
    if (position === index) return;
    const entry = scored[position]!;
    const rank = ranks[position] ?? null;
    const rankInParent = parentRanks[position] ?? null;
    // The others' figures stand unless they were scored again: then only a rank can have moved.
    if (!othersRescored && rank === ranksBefore.ranks[position] && rankInParent === ranksBefore.parentRanks[position]) return;
    const same = entry.points === result.points && entry.maxPoints === result.maxPoints && entry.index === result.index && entry.rating === result.rating && rank === result.rank && rankInParent === result.rankInParent;
    if (same) return;
    others.push({ unit: result.unit, before: standingOf(result), after: { points: entry.points, maxPoints: entry.maxPoints, index: entry.index, rating: entry.rating, rank, rankInParent } });
  });
  return {
    ok: true,
    value: { unit: after.unit, before: standingOf(before), after: standingOf(after), changes: effects, nodes: movedNodes, others, othersRescored: again.value.othersRescored, result: after },
  };
}

/**
 * {@link whatIf}, with the problems as data instead of thrown: a change the
 * rule cannot read is reported at `changes["CODE"]`.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { safeWhatIf } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const unit = { id: 'an-binh', level: 'commune', values: { 'CQS.2.1': false } };
 * const bad = safeWhatIf(set, unit, { 'CQS.2.1': 'yes', 'CQS.9': true });
 * console.log(bad.ok ? [] : bad.issues.map((i) => `${i.code} ${i.path}`)); // ["value/shape changes[\"CQS.2.1\"]","submission/unknown-leaf changes[\"CQS.9\"]"]
 * const good = safeWhatIf(set, unit, { 'CQS.2.1': true });
 * console.log(good.ok ? good.value.changes[0] : undefined); // {"code":"CQS.2.1","before":false,"after":true,"effect":"moved","points":{"before":"0.00","after":"15.00"},"moved":["CQS.2.1","CQS.2","CQS"]}
 * ```
 */
export function safeWhatIf(criteria: CriteriaSet, submissionOrUnit: Subject, changes: LeafChanges, options: SubjectOptions = {}): Result<WhatIf> {
  const placed = placeSubject(criteria, submissionOrUnit, options);
  if (!placed.ok) return placed;
  return whatIfPlaced(placed.value, changes);
}

/**
 * Scores a unit again, exactly, with some of its self-assessed values
 * changed, and says what moved: each change's effect on its leaf, the nodes
 * it moved, and the unit's points, index, rating and ranks before and after.
 *
 * The unit is a unit object, a batch (with `options.unit` naming the unit
 * when it holds several) or a unit's id in `options.batch`. Pass the batch
 * so that `relative` leaves see their cohort (a change that moves a cohort's
 * best value moves the other units' points too: `others`) and ranks are
 * those of the batch; a unit object replaces its namesake in the batch. A
 * leaf with an appraised value keeps it: the change moves only the
 * self-assessed points, and says so (`effect: "appraised"`).
 *
 * Throws a `DtiError` for a change the rule cannot read (the issue's path is
 * `changes["CODE"]`), an unknown leaf code, an unknown unit, or a batch that
 * cannot be scored.
 *
 * @example
 * ```ts
 * import { getCriteria } from 'dti-criteria/sets';
 * import { whatIf } from 'dti-criteria/analysis';
 * const set = getCriteria('can-tho@2022.1.0');
 * const batch = { units: [
 *   { id: 'an-binh', level: 'commune', values: { 'CQS.1.3': { numerator: 12, denominator: 15 }, 'CQS.2.1': true } },
 *   { id: 'cai-khe', level: 'commune', values: { 'CQS.1.3': { numerator: 15, denominator: 15 } } },
 * ] };
 * const change = whatIf(set, batch, { 'CQS.1.3': { numerator: 15, denominator: 15 } }, { unit: 'an-binh' });
 * console.log([change.before.points, change.after.points]); // ["31.00","35.00"]
 * console.log(change.changes[0]?.moved); // ["CQS.1.3","CQS.1","CQS"]
 * console.log([change.before.rank, change.after.rank]); // [1,1]
 * ```
 */
export function whatIf(criteria: CriteriaSet, submissionOrUnit: Subject, changes: LeafChanges, options: SubjectOptions = {}): WhatIf {
  const outcome = safeWhatIf(criteria, submissionOrUnit, changes, options);
  if (!outcome.ok) throw new DtiError(outcome.issues);
  return outcome.value;
}
