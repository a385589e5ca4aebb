import { Dec, toFixed } from '../decimal.js';
import type { Atom, CompiledCriteria, CompiledNode } from '../compile/compiled.js';
import type { PathSegment } from '../path.js';
import type { AppraisalNote, NodeResult, NodeStatus, UnitResult } from '../scoring/result-types.js';
import { capped, expectedIndexText, sameFigure, shown, sum } from './figures.js';
import type { IssueSink } from './issues.js';

/**
 * What a node contributes to its parent, as far as the file tells: the
 * published points and maximum (a leaf's maximum from the set), and the
 * self-assessed points where they can be known from the file.
 */
export interface NodeFacts {
  readonly counted: boolean;
  readonly points: Dec;
  readonly max: Dec;
  /** `undefined` when the file cannot tell (a relative leaf that another unit of its cohort had appraised). */
  readonly self: Dec | undefined;
  /** Whether an appraised value lies at or below the node (it then publishes `selfPoints`). */
  readonly appraised: boolean;
  readonly status: NodeStatus;
}

/** One unit being checked: where it is, its atom, the set. */
export interface UnitCheck {
  readonly criteria: CompiledCriteria;
  readonly unit: UnitResult;
  readonly position: number;
  readonly atom: Atom;
  /** Relative leaves some unit of the cohort had appraised (keys of {@link relativeKeyOf}). */
  readonly relativeAppraised: ReadonlySet<string>;
  readonly sink: IssueSink;
}

const ZERO = new Dec(0);
const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** The key of a relative leaf's cohort (the scorer's best values are per leaf and cohort). */
export function relativeKeyOf(node: CompiledNode, level: string, atom: Atom): string {
  return `${node.code}\u0000${node.leaf?.rule.cohort?.(node.leaf.compiled) === 'group' ? atom : level}`;
}

/** The relative leaves that some unit of the cohort had appraised: there the self-assessed best differs, so a unit's own self-assessed points are not in the file. */
export function relativeAppraisedKeys(criteria: CompiledCriteria, units: readonly { readonly unit: UnitResult; readonly atom: Atom | undefined }[]): Set<string> {
  const keys = new Set<string>();
  for (const { unit, atom } of units) {
    if (atom === undefined) continue;
    for (const [code, result] of Object.entries(unit.nodes)) {
      const node = criteria.byCode.get(code);
      if (node?.leaf?.rule.cohort !== undefined && has(result, 'selfPoints')) keys.add(relativeKeyOf(node, unit.level, atom));
    }
  }
  return keys;
}

function nodePath(check: UnitCheck, code: string, field?: string): PathSegment[] {
  return field === undefined ? ['results', check.position, 'nodes', code] : ['results', check.position, 'nodes', code, field];
}

/** `results/inconsistent` at a node's field unless the published figure is the expected one. */
function agree(check: UnitCheck, code: string, field: string, published: string | null | undefined, expected: string | null | undefined): void {
  if (sameFigure(published, expected)) return;
  check.sink.add('results/inconsistent', nodePath(check, code, field), { unit: check.unit.unit, field, published: shown(published), expected: shown(expected) }, { node: code });
}

/** `results/points-range` unless `0 <= points <= max`. */
function inRange(check: UnitCheck, code: string, field: string, points: string | null | undefined, max: string | null | undefined): void {
  if (points === null || points === undefined || max === null || max === undefined) return;
  const value = new Dec(points);
  if (value.isNeg() || value.gt(max)) check.sink.add('results/points-range', nodePath(check, code, field), { unit: check.unit.unit, points, maxPoints: max }, { node: code });
}

/** Fields a node of this kind never has. */
function foreignFields(check: UnitCheck, code: string, result: NodeResult, fields: readonly string[]): void {
  for (const field of fields) if (has(result, field)) check.sink.add('schema/unknown-key', nodePath(check, code, field), { key: field }, { node: code });
}

function checkInfoLeaf(check: UnitCheck, node: CompiledNode, result: NodeResult): NodeFacts {
  const code = node.code;
  agree(check, code, 'status', result.status, 'info');
  agree(check, code, 'points', result.points, null);
  agree(check, code, 'maxPoints', result.maxPoints, null);
  foreignFields(check, code, result, ['index', 'selfPoints', 'appraisal']);
  if (!has(result, 'value')) check.sink.add('schema/required', nodePath(check, code, 'value'), {}, { node: code });
  return { counted: false, points: ZERO, max: ZERO, self: ZERO, appraised: false, status: 'info' };
}

/** A leaf's status must fit its points: scored with points, not applicable without, missing per the set's policy. */
function statusFits(check: UnitCheck, result: NodeResult): boolean {
  const points = result.points;
  switch (result.status) {
    case 'scored':
      return points !== null;
    case 'not-applicable':
      return points === null;
    case 'missing':
      if (check.criteria.missing === 'zero') return points !== null && new Dec(points).isZero();
      return check.criteria.missing === 'exclude' && points === null;
    default:
      return false;
  }
}

function checkLeaf(check: UnitCheck, node: CompiledNode, result: NodeResult): NodeFacts {
  const leaf = node.leaf!;
  if (!leaf.rule.scored) return checkInfoLeaf(check, node, result);
  const code = node.code;
  const dp = check.criteria.rounding.points;
  const full = leaf.points.get(check.unit.level) ?? ZERO;
  foreignFields(check, code, result, ['index', 'value']);
  if (!statusFits(check, result)) {
    check.sink.add('results/status', nodePath(check, code, 'status'), { unit: check.unit.unit, code, status: result.status, points: shown(result.points) }, { node: code });
  }
  const counted = result.points !== null;
  agree(check, code, 'maxPoints', result.maxPoints, counted ? toFixed(full, dp) : null);
  inRange(check, code, 'points', result.points, result.maxPoints);
  const appraised = has(result, 'selfPoints');
  if (appraised) inRange(check, code, 'selfPoints', result.selfPoints, toFixed(full, dp));
  if (result.appraisal !== undefined) checkAppraisalNote(check, code, result.appraisal, appraised);
  const points = result.points === null ? ZERO : new Dec(result.points);
  let self: Dec | undefined;
  if (appraised) self = result.selfPoints == null ? ZERO : new Dec(result.selfPoints);
  else if (leaf.rule.cohort !== undefined && check.relativeAppraised.has(relativeKeyOf(node, check.unit.level, check.atom))) self = undefined;
  else self = points;
  return { counted, points, max: counted ? full : ZERO, self, appraised, status: result.status };
}

/**
 * An appraisal note ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): on an appraised leaf only (one with
 * `selfPoints`), its reason one of the set's, with a note where the reason
 * needs one.
 */
function checkAppraisalNote(check: UnitCheck, code: string, note: AppraisalNote, appraised: boolean): void {
  const { sink, unit, criteria } = check;
  if (!appraised) sink.add('schema/required', nodePath(check, code, 'selfPoints'), {}, { node: code });
  const reason = criteria.appraisalReasons.get(note.reason);
  const at = [...nodePath(check, code, 'appraisal')];
  if (reason === undefined) sink.add('appraisal/unknown-reason', [...at, 'reason'], { unit: unit.unit, reason: note.reason, allowed: [...criteria.appraisalReasons.keys()] }, { node: code });
  else if (reason.noteRequired === true && (note.note === undefined || note.note.trim() === '')) sink.add('appraisal/note-required', [...at, 'note'], { unit: unit.unit, reason: reason.id }, { node: code });
}

function checkAggregate(check: UnitCheck, node: CompiledNode, result: NodeResult, children: readonly (NodeFacts | undefined)[]): NodeFacts {
  const code = node.code;
  const dp = check.criteria.rounding.points;
  const cap = node.cap?.get(check.unit.level);
  foreignFields(check, code, result, ['value', 'appraisal', 'given']);
  if (!has(result, 'index')) check.sink.add('schema/required', nodePath(check, code, 'index'), {}, { node: code });
  const known = children.every((c): c is NodeFacts => c !== undefined) ? (children as readonly NodeFacts[]) : undefined;
  const selfPublished = has(result, 'selfPoints');
  let counted = result.status === 'scored';
  let appraised = selfPublished;
  let self: Dec | undefined = selfPublished ? new Dec(result.selfPoints ?? 0) : undefined;
  if (known !== undefined) {
    const scored = known.filter((c) => c.counted);
    counted = scored.length > 0;
    agree(check, code, 'points', result.points, toFixed(capped(sum(scored.map((c) => c.points)), cap), dp));
    agree(check, code, 'maxPoints', result.maxPoints, toFixed(capped(sum(scored.map((c) => c.max)), cap), dp));
    const allInfo = known.length > 0 && known.every((c) => c.status === 'info');
    agree(check, code, 'status', result.status, counted ? 'scored' : allInfo ? 'info' : 'not-applicable');
    appraised = known.some((c) => c.appraised);
    const selves = known.every((c) => c.self !== undefined) ? capped(sum(known.map((c) => c.self!)), cap) : undefined;
    if (appraised && !selfPublished) check.sink.add('schema/required', nodePath(check, code, 'selfPoints'), {}, { node: code });
    else if (!appraised && selfPublished) agree(check, code, 'selfPoints', result.selfPoints, undefined);
    else if (appraised && selves !== undefined) agree(check, code, 'selfPoints', result.selfPoints, toFixed(selves, dp));
    if (!selfPublished) self = selves;
  }
  if (result.points !== null && result.maxPoints !== null) {
    inRange(check, code, 'points', result.points, result.maxPoints);
    const index = expectedIndexText(new Dec(result.points), new Dec(result.maxPoints), check.criteria.rounding.index);
    if (has(result, 'index') && index !== undefined) agree(check, code, 'index', result.index, index);
  }
  return {
    counted,
    points: result.points === null ? ZERO : new Dec(result.points),
    max: result.maxPoints === null ? ZERO : new Dec(result.maxPoints),
    self,
    appraised,
    status: result.status,
  };
}

/**
 * Checks the results of `nodes` (and below) that apply to the unit, in tree
 * order, each against the set and its children's published figures; returns
 * what each contributes to its parent (`undefined` for a node missing from
 * the file).
 */
export function checkNodes(check: UnitCheck, nodes: readonly CompiledNode[]): (NodeFacts | undefined)[] {
  const out: (NodeFacts | undefined)[] = [];
  for (const node of nodes) {
    if (!node.scope.has(check.atom)) continue;
    const result = has(check.unit.nodes, node.code) ? check.unit.nodes[node.code] : undefined;
    if (result === undefined) {
      check.sink.add('results/missing-node', ['results', check.position, 'nodes'], { unit: check.unit.unit, code: node.code }, { node: node.code });
      if (!node.leaf) checkNodes(check, node.children);
      out.push(undefined);
      continue;
    }
    out.push(node.leaf ? checkLeaf(check, node, result) : checkAggregate(check, node, result, checkNodes(check, node.children)));
  }
  return out;
}

/** Node results the set does not have, or that do not apply to the unit. */
export function checkNodeCodes(check: UnitCheck): void {
  for (const code of Object.keys(check.unit.nodes)) {
    const node = check.criteria.byCode.get(code);
    if (node === undefined) check.sink.add('results/unknown-node', ['results', check.position, 'nodes', code], { unit: check.unit.unit, code }, { node: code });
    else if (!node.scope.has(check.atom)) check.sink.add('results/node-not-applicable', ['results', check.position, 'nodes', code], { unit: check.unit.unit, code }, { node: code });
  }
}
