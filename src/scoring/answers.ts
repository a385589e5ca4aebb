import { makeIssue, type Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { atomOf, type Atom, type CompiledCriteria, type CompiledNode } from '../compile/compiled.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import { formatPath, type PathSegment } from '../path.js';
import type { ValueContext } from '../rules/types.js';

/** A unit's answer for one leaf: a read value, or `"n/a"`. */
export type Answer = { readonly state: 'value'; readonly value: unknown } | { readonly state: 'na' };

/** A unit checked against the criteria, its answers read by each leaf's rule. */
export interface PreparedUnit {
  readonly position: number;
  readonly source: UnitSubmission;
  readonly atom: Atom;
  readonly self: ReadonlyMap<string, Answer>;
  readonly appraised: ReadonlyMap<string, Answer>;
}

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The one `"n/a"` answer (answers are immutable). */
const NOT_APPLICABLE: Answer = Object.freeze({ state: 'na' });

/** `"n/a"` in any case, surrounding spaces tolerated; checked without building a string for other values. */
function isNotApplicable(raw: string): boolean {
  return raw.indexOf('/') >= 0 && raw.trim().toLowerCase() === 'n/a';
}

/**
 * Where the value being read is: one per record read, moved from value to
 * value (rules use it only while they read). The path is built only when an
 * issue needs it.
 */
class ReadingContext implements ValueContext {
  code = '';
  max: Exact = undefined as unknown as Exact;
  constructor(
    readonly unit: string,
    private readonly base: readonly PathSegment[],
    readonly issues: Issue[],
  ) {}

  get path(): readonly PathSegment[] {
    return [...this.base, this.code];
  }
}

function readAnswers(
  criteria: CompiledCriteria,
  unit: UnitSubmission,
  atom: Atom,
  record: Readonly<Record<string, unknown>>,
  base: readonly PathSegment[],
  issues: Issue[],
): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  const level = unit.level;
  const ctx = new ReadingContext(unit.id, base, issues);
  for (const code of Object.keys(record)) {
    ctx.code = code;
    const node: CompiledNode | undefined = criteria.byCode.get(code);
    const raw = record[code];
    if (!node) { issues.push(makeIssue('submission/unknown-leaf', formatPath(ctx.path), { unit: unit.id, code })); continue; }
    if (!node.leaf) { issues.push(makeIssue('submission/not-a-leaf', formatPath(ctx.path), { unit: unit.id, code })); continue; }
    if (!node.scope.has(atom)) { issues.push(makeIssue('submission/leaf-not-applicable', formatPath(ctx.path), { unit: unit.id, code })); continue; }
    if (raw === undefined) continue;
    if (typeof raw === 'string' && isNotApplicable(raw)) {
      if (!node.leaf.allowNA) issues.push(makeIssue('value/na-not-allowed', formatPath(ctx.path), { unit: unit.id }));
      else answers.set(code, NOT_APPLICABLE);
      continue;
    }
    ctx.max = node.leaf.maxima.get(level) ?? (undefined as unknown as Exact);
    const before = issues.length;
    const value = node.leaf.rule.read(raw, node.leaf.compiled, ctx);
    if (issues.length === before && value !== undefined) answers.set(code, { state: 'value', value });
  }
  return answers;
}

/**
 * Checks every unit of a batch against the criteria (level, group, leaf codes,
 * value shapes, duplicates, the `missing: error` policy). Returns the prepared
 * units and, per unit position, the problems found; nothing is dropped silently.
 */
export function prepareUnits(
  criteria: CompiledCriteria,
  units: readonly (UnitSubmission | undefined)[],
): { prepared: (PreparedUnit | undefined)[]; issuesByUnit: Issue[][] } {
  const seen = new Map<string, number>();
  const prepared: (PreparedUnit | undefined)[] = [];
  const issuesByUnit: Issue[][] = [];
  units.forEach((unit, position) => {
    const issues: Issue[] = [];
    if (unit === undefined) {
      issuesByUnit.push(issues);
      prepared.push(undefined);
      return;
    }
    const base: PathSegment[] = ['units', position];
    const first = seen.get(unit.id);
    if (first !== undefined) issues.push(makeIssue('submission/duplicate-unit', formatPath([...base, 'id']), { unit: unit.id, first: formatPath(['units', first]) }));
    else seen.set(unit.id, position);
    const groups = criteria.levels.get(unit.level);
    let atom: Atom | undefined;
    if (!groups) {
      issues.push(makeIssue('submission/unknown-level', formatPath([...base, 'level']), { unit: unit.id, level: unit.level }));
    } else if (groups.size > 0) {
      if (unit.group === undefined || unit.group === null) issues.push(makeIssue('submission/group-required', formatPath([...base, 'group']), { unit: unit.id, level: unit.level }));
      else if (!groups.has(unit.group)) issues.push(makeIssue('submission/unknown-group', formatPath([...base, 'group']), { unit: unit.id, group: unit.group, level: unit.level }));
      else atom = atomOf(unit.level, unit.group);
    } else if (unit.group !== undefined && unit.group !== null) {
      issues.push(makeIssue('submission/group-not-allowed', formatPath([...base, 'group']), { unit: unit.id, level: unit.level }));
    } else {
      atom = unit.level;
    }
    if (atom === undefined) {
      issuesByUnit.push(issues);
      prepared.push(undefined);
      return;
    }
    const self = readAnswers(criteria, unit, atom, unit.values, [...base, 'values'], issues);
    const appraised = unit.appraised ? readAnswers(criteria, unit, atom, unit.appraised, [...base, 'appraised'], issues) : new Map<string, Answer>();
    if (criteria.missing === 'error') {
      const missing = criteria.leaves
        .filter((leaf) => leaf.leaf?.rule.scored && leaf.scope.has(atom) && !hasOwn(unit.values, leaf.code) && !hasOwn(unit.appraised ?? {}, leaf.code))
        .map((leaf) => leaf.code);
      if (missing.length > 0) issues.push(makeIssue('submission/missing-values', formatPath([...base, 'values']), { unit: unit.id, codes: missing }));
    }
    issuesByUnit.push(issues);
    prepared.push(issues.length === 0 ? { position, source: unit, atom, self, appraised } : undefined);
  });
  return { prepared, issuesByUnit };
}
