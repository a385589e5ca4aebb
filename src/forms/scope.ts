import { Dec } from '../decimal.js';
import { DtiError, makeIssue } from '../errors.js';
import { atomOf, type Atom, type CompiledCriteria, type CompiledNode } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';

/** The level (and group) a form or a per-unit schema is built for, checked against the set. */
export interface FormScope {
  readonly compiled: CompiledCriteria;
  readonly level: string;
  readonly group: string | undefined;
  readonly atom: Atom;
}

/** Unit placeholder in the `submission/*` messages raised when there is no unit yet. */
const ANY_UNIT = '*';

/**
 * Compiles the set and checks `level` / `group` the way the scorer checks a
 * unit's. Throws a {@link DtiError} with `submission/unknown-level`,
 * `submission/group-required`, `submission/unknown-group` or
 * `submission/group-not-allowed` (unit `"*"`, path `level` or `group`).
 */
export function resolveScope(criteria: CriteriaSet, level: string, group: string | null | undefined): FormScope {
  const compiled = compileCriteria(criteria);
  const groups = compiled.levels.get(level);
  const fail = (issue: ReturnType<typeof makeIssue>): never => {
    throw new DtiError([issue]);
  };
  if (!groups) return fail(makeIssue('submission/unknown-level', 'level', { unit: ANY_UNIT, level }));
  const given = group ?? undefined;
  if (groups.size > 0) {
    if (given === undefined) return fail(makeIssue('submission/group-required', 'group', { unit: ANY_UNIT, level }));
    if (!groups.has(given)) return fail(makeIssue('submission/unknown-group', 'group', { unit: ANY_UNIT, group: given, level }));
  } else if (given !== undefined) {
    return fail(makeIssue('submission/group-not-allowed', 'group', { unit: ANY_UNIT, level }));
  }
  return { compiled, level, group: given, atom: atomOf(level, given) };
}

/** The leaf's points `P` at `level` (0 for `info` leaves, which have none). */
export function leafMax(node: CompiledNode, level: string): Dec {
  return node.leaf?.points.get(level) ?? new Dec(0);
}


/** The leaves that apply to `atom`, in tree order. */
export function leavesFor(compiled: CompiledCriteria, atom: Atom): CompiledNode[] {
  return compiled.leaves.filter((node) => node.scope.has(atom));
}
