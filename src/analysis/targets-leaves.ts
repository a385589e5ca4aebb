import type { Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import type { NodeResult } from '../scoring/result-types.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import type { Inverse, InverseContext } from '../rules/types.js';
import { atomPlan, isPlanLeaf, leafReaders, type LeafReader, type PlanLeaf } from '../scoring/plan.js';
import { NA } from '../scoring/read-value.js';
import { relativeKey, zeroedForEvidence, type RunBest } from '../scoring/score-tree.js';
import { prepareUnits, type PreparedUnit, type ValueColumns } from '../scoring/values.js';
import type { Cohort } from './targets-cohort.js';
import { parseExact } from '../exact/read-exact.js';

/**
 * Why a path leaves a leaf as it is:
 * - `appraised`: the leaf has an appraised value, which stands whatever the unit assesses;
 * - `not-applicable`: the unit answered `"n/a"` (giving a value would change its maximum);
 * - `lacking-evidence`: the set scores 0 for a value without its required evidence (`evidencePolicy: "zero"`), and the leaf has none;
 * - `council`: its points are set by the appraisal council (an `appraised` rule), not by the unit;
 * - `needs-value`: its kind needs the unit's current value to answer (a ratio's denominator) and the unit gave none;
 * - `no-inverse`: its rule kind (one of one's own) has no `inverse`;
 * - `kept`: the caller asked to keep it (`keep`);
 * - `beyond-limits`: the value that would earn more is one the leaf does not
 *   accept (more than 30 significant digits, or below 10^-30: the limits on
 *   the library's decimals).
 */
export type HoldReason = 'appraised' | 'not-applicable' | 'lacking-evidence' | 'council' | 'needs-value' | 'no-inverse' | 'kept' | 'beyond-limits';

/** A leaf a path leaves as it is, and why. */
export interface HeldLeaf {
  readonly code: string;
  readonly reason: HoldReason;
}

/** A leaf a path may change: where it is in the unit's plan, its value and what its inverse needs. */
export interface LeafState {
  readonly position: number;
  readonly leaf: PlanLeaf;
  /** The value as its rule read it; `undefined` when the unit gave none. */
  readonly current: unknown;
  readonly ctx: InverseContext;
}

/** An inverse's answer that is a value. */
export type InverseValue = Extract<Inverse<unknown>, { readonly state: 'value' }>;

/** A leaf a path may change, with its full move: the value that earns the most it can, more than it earns now. */
export interface OpenLeaf extends LeafState {
  readonly full: InverseValue;
}

/** A unit's values as read: the columns they are in and the unit (its position in them). */
export interface ReadUnit {
  readonly columns: ValueColumns;
  readonly unit: PreparedUnit;
}

/** A unit (its values changed) read alone. */
export function readUnit(cohort: Cohort, unit: UnitSubmission): ReadUnit {
  const own = prepareUnits(cohort.criteria, [unit], { period: cohort.period });
  return { columns: own.columns, unit: own.prepared[0]! };
}

/** The leaves of a unit a path may change (those that can earn more), and those it may not with why. */
export interface UnitLeaves {
  readonly open: readonly OpenLeaf[];
  readonly held: readonly HeldLeaf[];
}

/** What decides which leaves may change and by what step. */
export interface LeafChoices {
  readonly steps: ReadonlyMap<string, Exact>;
  readonly keep: ReadonlySet<string>;
}

/**
 * The leaves of `unit` (its values as they are now, its result `nodes`) in
 * tree order: those a path may change and that can earn more, with the
 * inverse context of each (the leaf's points, its range, the set's decimals,
 * the cohort's best value for `relative` leaves from `best`) and its full
 * move; and those it may not change, with why. Without `moves`, only the
 * latter (and `needs-value` is not known).
 */
export function unitLeaves(cohort: Cohort, read: ReadUnit, nodes: Readonly<Record<string, NodeResult>>, best: RunBest, choices: LeafChoices, moves = true): UnitLeaves {
  const { plan } = cohort;
  const { columns, unit: prepared } = read;
  const at = prepared.position;
  const planNodes = atomPlan(plan, prepared.atom).nodes;
  const readers = leafReaders(plan, prepared.atom);
  const open: OpenLeaf[] = [];
  const held: HeldLeaf[] = [];
  for (let position = 0; position < planNodes.length; position++) {
    const node = planNodes[position]!;
    if (!isPlanLeaf(node) || node.info) continue;
    const reader = readers.get(node.code)!;
    const current = columns.self[node.slot]![at];
    const reason = holdReason(cohort, prepared, node, reader, current, columns, choices);
    if (reason !== undefined) {
      held.push({ code: node.code, reason });
      continue;
    }
    if (!moves) continue;
    const points = nodes[node.code]?.points;
    // A leaf at its full points has nowhere to go (the common case: no inverse asked).
    if (points === node.maxText) continue;
    const ctx: InverseContext = {
      max: node.ctx.max,
      best: node.cohort === undefined ? undefined : best.final.get(relativeKey(node.code, node.cohort, prepared)),
      places: plan.places,
      domain: reader.leaf.domain,
      step: choices.steps.get(node.code),
    };
    const state: LeafState = { position, leaf: node, current, ctx };
    const full = fullMove(state, points === null || points === undefined ? undefined : parseExact(points));
    if (full === 'needs-value') held.push({ code: node.code, reason: 'needs-value' });
    else if (full !== undefined) {
      if (!readsBack(state, full.raw)) held.push({ code: node.code, reason: 'beyond-limits' });
      else open.push({ position, leaf: node, current, ctx, full });
    }
  }
  return { open, held };
}

/** Why the path must leave a leaf of the unit (its value `current`) as it is, before any inverse is asked; `undefined`: it may change. */
function holdReason(cohort: Cohort, prepared: PreparedUnit, node: PlanLeaf, reader: LeafReader, current: unknown, columns: ValueColumns, choices: LeafChoices): HoldReason | undefined {
  const { plan } = cohort;
  if (choices.keep.has(node.code)) return 'kept';
  if (columns.appraised[node.slot]?.[prepared.position] !== undefined) return 'appraised';
  if (current === NA) return 'not-applicable';
  // A value given without its required evidence earns 0 under `evidencePolicy: "zero"`; a value not given yet
  // would lack it too unless the unit attached some evidence for the leaf already (the rescoring has the last word).
  if (current !== undefined ? zeroedForEvidence(plan, prepared, node.slot) : plan.evidenceZero && reader.leaf.evidenceRequired && (prepared.source.evidence?.[node.code]?.length ?? 0) === 0) return 'lacking-evidence';
  if (setByCouncil(node, reader.leaf.domain)) return 'council';
  if (node.rule.inverse === undefined) return 'no-inverse';
  return undefined;
}

/** Whether a leaf's points are set by the appraisal council (its input is `points`), per plan leaf. */
const council = new WeakMap<PlanLeaf, boolean>();
function setByCouncil(leaf: PlanLeaf, domain: InverseContext['domain']): boolean {
  let found = council.get(leaf);
  if (found === undefined) {
    found = leaf.rule.input(leaf.compiled, { max: leaf.ctx.max, domain }).type === 'points';
    council.set(leaf, found);
  }
  return found;
}

/** The leaf's full move: the value that earns the most it can (`P`, else the most its inverse finds), if more than `now`. */
function fullMove(state: LeafState, now: Exact | undefined): InverseValue | 'needs-value' | undefined {
  let answer = inverseOf(state, state.ctx.max);
  if (answer.state === 'unreachable' && answer.most !== undefined && (now === undefined || answer.most.gt(now))) answer = inverseOf(state, answer.most);
  if (answer.state === 'needs-value') return answer.state;
  return answer.state === 'value' ? answer : undefined;
}

/** Whether the leaf's rule reads `raw` (an inverse's answer) as a unit's value: within the leaf's range and the limits on decimals. */
export function readsBack(state: LeafState, raw: unknown): boolean {
  const issues: Issue[] = [];
  const { leaf, ctx } = state;
  leaf.rule.read(raw, leaf.compiled, { unit: '', path: [], max: ctx.max, domain: ctx.domain, issues });
  return issues.length === 0;
}

/** The leaf's inverse for `target` points (the leaf has one: see {@link unitLeaves}). */
export function inverseOf(state: LeafState, target: Exact): Inverse<unknown> {
  const { leaf } = state;
  return leaf.rule.inverse!(leaf.compiled, target, state.ctx, state.current);
}
