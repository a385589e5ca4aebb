import { makeIssue, type Issue } from '../errors.js';
import { atomOf, type Atom, type CompiledCriteria } from '../compile/compiled.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import { formatPath, type PathSegment } from '../path.js';
import { leafReaders, scoringPlan, type LeafReader } from './plan.js';
import { misplacedCode, NA, ReadingContext, readLeafValue } from './read-value.js';
import { periodRange } from '../criteria/period.js';
import type { AppraisalNote, UnitEvidence } from './result-types.js';
import { readAppraisal } from './appraisal.js';
import { readEvidence } from './evidence.js';

/**
 * Every value of a batch, read once, one column per leaf: `self[slot][position]`
 * is the value the unit at `position` gave for the leaf at `slot` (its place in
 * `criteria.leaves`) as its rule read it, {@link NA} for `"n/a"`, or
 * `undefined` when it gave none; `appraised` the same for appraised values (a
 * leaf's column exists once some unit has an appraised value for it).
 */
export interface ValueColumns {
  readonly self: unknown[][];
  readonly appraised: (unknown[] | undefined)[];
}

/** The value a unit gave for the leaf at `slot`: the appraised one where there is one, else its own (a value, `NA` or `undefined`). */
export function finalValue(columns: ValueColumns, slot: number, position: number): unknown {
  const appraised = columns.appraised[slot]?.[position];
  return appraised !== undefined ? appraised : columns.self[slot]![position];
}

/** A unit checked against the criteria; its values are in the batch's {@link ValueColumns} at `position`. */
export interface PreparedUnit {
  readonly position: number;
  readonly source: UnitSubmission;
  readonly atom: Atom;
  /** Whether the unit gave any appraised value (in `appraised` or `appraisal`). */
  readonly appraised: boolean;
  /** The slots of the leaves lacking required evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)); `undefined` when none. */
  readonly lacking: ReadonlySet<number> | undefined;
  /** The unit's `evidence` result: present when a leaf of its level requires evidence or it gave some. */
  readonly evidence: UnitEvidence | undefined;
  /** The appraisal notes by slot, as results show them; `undefined` without an `appraisal`. */
  readonly notes: ReadonlyMap<number, AppraisalNote> | undefined;
}

/** Options of {@link prepareUnits}. */
export interface PrepareOptions {
  /** The batch's period: evidence dated after its last day does not count ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
  readonly period?: string | undefined;
  /** Keep who appraised (`by`) in the appraisal notes (personal data: left out by default). */
  readonly withAppraisers?: boolean | undefined;
}

/** The units of a batch checked and read: per position the prepared unit (or `undefined`) and its problems. */
export interface PreparedBatch {
  readonly prepared: (PreparedUnit | undefined)[];
  readonly issuesByUnit: Issue[][];
  readonly columns: ValueColumns;
}

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** Reads one record (`values` or `appraised`) into `columns` (or only checks it, without); returns whether it had any value. */
function readRecord(
  criteria: CompiledCriteria,
  readers: ReadonlyMap<string, LeafReader>,
  record: Readonly<Record<string, unknown>>,
  columns: (unknown[] | undefined)[] | undefined,
  position: number,
  size: number,
  ctx: ReadingContext,
): boolean {
  let any = false;
  for (const code of Object.keys(record)) {
    ctx.code = code;
    const reader = readers.get(code);
    if (reader === undefined) {
      ctx.issues.push(misplacedCode(criteria, code, ctx.unit, ctx.path));
      continue;
    }
    const raw = record[code];
    if (raw === undefined) continue;
    const value = readLeafValue(reader.leaf, raw, ctx.at(code, reader));
    if (value === undefined) continue;
    any = true;
    if (columns === undefined) continue;
    const column = (columns[reader.slot] ??= new Array<unknown>(size).fill(undefined));
    column[position] = value;
  }
  return any;
}

/** The atom of a unit, or `undefined` after pushing why its level or group does not fit the set. */
function unitAtom(criteria: CompiledCriteria, unit: UnitSubmission, base: readonly PathSegment[], issues: Issue[]): Atom | undefined {
  const groups = criteria.levels.get(unit.level);
  if (!groups) {
    issues.push(makeIssue('submission/unknown-level', formatPath([...base, 'level']), { unit: unit.id, level: unit.level }));
    return undefined;
  }
  const group = unit.group;
  if (groups.size > 0) {
    if (group === undefined || group === null) issues.push(makeIssue('submission/group-required', formatPath([...base, 'group']), { unit: unit.id, level: unit.level }));
    else if (!groups.has(group)) issues.push(makeIssue('submission/unknown-group', formatPath([...base, 'group']), { unit: unit.id, group, level: unit.level }));
    else return atomOf(unit.level, group);
    return undefined;
  }
  if (group !== undefined && group !== null) {
    issues.push(makeIssue('submission/group-not-allowed', formatPath([...base, 'group']), { unit: unit.id, level: unit.level }));
    return undefined;
  }
  return unit.level;
}

/** Under `missing: error`, the scored leaves of the unit's atom it gives no value for (`submission/missing-values`). */
function missingValues(criteria: CompiledCriteria, atom: Atom, unit: UnitSubmission, base: readonly PathSegment[]): Issue | undefined {
  if (criteria.missing !== 'error') return undefined;
  const missing = criteria.leaves
    .filter((leaf) => leaf.leaf?.rule.scored && leaf.scope.has(atom) && !hasOwn(unit.values, leaf.code) && !hasOwn(unit.appraised ?? {}, leaf.code) && !hasOwn(unit.appraisal ?? {}, leaf.code))
    .map((leaf) => leaf.code);
  return missing.length > 0 ? makeIssue('submission/missing-values', formatPath([...base, 'values']), { unit: unit.id, codes: missing }) : undefined;
}

/**
 * The problems the scorer finds in the values of one unit of `atom` (its
 * `values`, `appraised` and `appraisal` records, its `evidence`, and what
 * `missing: error` requires), with paths from the unit
 * (`values["CQS.1.3"].numerator`): the very checks, codes and messages of
 * {@link prepareUnits}, for a schema that checks one unit. Evidence flags are
 * not problems: they are not listed.
 */
export function unitValueIssues(criteria: CompiledCriteria, atom: Atom, unit: UnitSubmission): Issue[] {
  const issues: Issue[] = [];
  const plan = scoringPlan(criteria);
  const readers = leafReaders(plan, atom);
  readRecord(criteria, readers, unit.values, undefined, 0, 0, new ReadingContext(unit.id, ['values'], issues));
  if (unit.appraised !== undefined) readRecord(criteria, readers, unit.appraised, undefined, 0, 0, new ReadingContext(unit.id, ['appraised'], issues));
  if (unit.appraisal !== undefined) readAppraisal({ criteria, readers, unit, base: [], issues, columns: undefined, position: 0, size: 0, withAppraisers: false });
  readEvidence({ plan, readers, atom, unit, base: [], issues, own: undefined, position: 0, end: undefined });
  const missing = missingValues(criteria, atom, unit, []);
  if (missing !== undefined) issues.push(missing);
  return issues;
}

/**
 * Checks every unit of a batch against the criteria (level, group, leaf codes,
 * value shapes, duplicates, the `missing: error` policy, its `appraisal` and
 * `evidence`: [format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) and reads every value once into per-leaf columns
 * (appraised values from `appraised` and `appraisal` alike). Returns the
 * prepared units (with what their evidence lacks and their appraisal notes)
 * and, per unit position, the problems found; nothing is dropped silently.
 */
export function prepareUnits(criteria: CompiledCriteria, units: readonly (UnitSubmission | undefined)[], options: PrepareOptions = {}): PreparedBatch {
  const plan = scoringPlan(criteria);
  const end = options.period === undefined ? undefined : periodRange(options.period)?.end;
  const withAppraisers = options.withAppraisers === true;
  const size = units.length;
  const self: unknown[][] = criteria.leaves.map(() => new Array<unknown>(size).fill(undefined));
  const appraisedColumns: (unknown[] | undefined)[] = criteria.leaves.map(() => undefined);
  const seen = new Map<string, number>();
  const prepared: (PreparedUnit | undefined)[] = new Array<PreparedUnit | undefined>(size).fill(undefined);
  const issuesByUnit: Issue[][] = [];
  for (let position = 0; position < size; position++) {
    const issues: Issue[] = [];
    issuesByUnit.push(issues);
    const unit = units[position];
    if (unit === undefined) continue;
    const base: PathSegment[] = ['units', position];
    const first = seen.get(unit.id);
    if (first !== undefined) issues.push(makeIssue('submission/duplicate-unit', formatPath([...base, 'id']), { unit: unit.id, first: formatPath(['units', first]) }));
    else seen.set(unit.id, position);
    const atom = unitAtom(criteria, unit, base, issues);
    if (atom === undefined) continue;
    const readers = leafReaders(plan, atom);
    readRecord(criteria, readers, unit.values, self, position, size, new ReadingContext(unit.id, [...base, 'values'], issues));
    const appraised = unit.appraised !== undefined && readRecord(criteria, readers, unit.appraised, appraisedColumns, position, size, new ReadingContext(unit.id, [...base, 'appraised'], issues));
    const appraisal = unit.appraisal === undefined ? undefined : readAppraisal({ criteria, readers, unit, base, issues, columns: appraisedColumns, position, size, withAppraisers });
    const { lacking, evidence } = readEvidence({ plan, readers, atom, unit, base, issues, own: self, position, end });
    const missing = missingValues(criteria, atom, unit, base);
    if (missing !== undefined) issues.push(missing);
    if (issues.length === 0) {
      prepared[position] = { position, source: unit, atom, appraised: appraised || appraisal?.any === true, lacking, evidence, notes: appraisal?.notes };
    }
  }
  return { prepared, issuesByUnit, columns: { self, appraised: appraisedColumns } };
}
