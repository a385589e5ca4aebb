import type { Dec } from '../decimal.js';
import { makeIssue, type Issue } from '../errors.js';
import { atomOf, type Atom, type CompiledCriteria, type CompiledNode } from '../format/compiled.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import { formatPath, type PathSegment } from '../path.js';

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
  for (const code of Object.keys(record)) {
    const path = [...base, code];
    const node: CompiledNode | undefined = criteria.byCode.get(code);
    const raw = record[code];
    if (!node) { issues.push(makeIssue('submission/unknown-leaf', formatPath(path), { unit: unit.id, code })); continue; }
    if (!node.leaf) { issues.push(makeIssue('submission/not-a-leaf', formatPath(path), { unit: unit.id, code })); continue; }
    if (!node.scope.has(atom)) { issues.push(makeIssue('submission/leaf-not-applicable', formatPath(path), { unit: unit.id, code })); continue; }
    if (raw === undefined) continue;
    if (typeof raw === 'string' && raw.trim().toLowerCase() === 'n/a') {
      if (!node.leaf.allowNA) issues.push(makeIssue('value/na-not-allowed', formatPath(path), { unit: unit.id }));
      else answers.set(code, { state: 'na' });
      continue;
    }
    const max: Dec | undefined = node.leaf.points.get(level);
    const before = issues.length;
    const value = node.leaf.rule.read(raw, node.leaf.compiled, { unit: unit.id, path, max: max ?? (undefined as unknown as Dec), issues });
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
