import { atomOf, type Atom, type CompiledCriteria } from '../compile/compiled.js';
import { idKey } from '../format/identity.js';
import { formatPath } from '../path.js';
import type { IssueSink } from './issues.js';

/** The identity of a unit id: compared after Unicode NFC normalisation and trimming ([format reference §10](../../docs/reference/criteria-format.md#10-định-danh-và-văn-bản); the rules of `format/identity`). */
export const unitKey = idKey;

/**
 * `submission/duplicate-unit` for every unit listed again after its first
 * result (`units` as in the file; `undefined` where a unit has no readable
 * id). Returns `true` when every unit is listed once.
 */
export function checkUniqueUnits(units: readonly (string | undefined)[], sink: IssueSink): boolean {
  const first = new Map<string, number>();
  let unique = true;
  units.forEach((id, position) => {
    if (id === undefined) return;
    const key = unitKey(id);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, position);
    else {
      unique = false;
      sink.add('submission/duplicate-unit', ['results', position, 'unit'], { unit: id, first: formatPath([...sink.prefix, 'results', seen]) });
    }
  });
  return unique;
}

/** What the set says about a unit's level and group. */
export interface UnitPlace {
  readonly unit: string;
  readonly level: string;
  readonly group: string | null;
}

/**
 * The unit's atom (its level, and group where the level has groups), or
 * `undefined` with the issue when the set does not declare them.
 */
export function unitAtom(criteria: CompiledCriteria, unit: UnitPlace, position: number, sink: IssueSink): Atom | undefined {
  const groups = criteria.levels.get(unit.level);
  const at = ['results', position];
  if (!groups) {
    sink.add('submission/unknown-level', [...at, 'level'], { unit: unit.unit, level: unit.level });
    return undefined;
  }
  if (groups.size > 0) {
    if (unit.group === null) {
      sink.add('submission/group-required', [...at, 'group'], { unit: unit.unit, level: unit.level });
      return undefined;
    }
    if (!groups.has(unit.group)) {
      sink.add('submission/unknown-group', [...at, 'group'], { unit: unit.unit, group: unit.group, level: unit.level });
      return undefined;
    }
    return atomOf(unit.level, unit.group);
  }
  if (unit.group !== null) {
    sink.add('submission/group-not-allowed', [...at, 'group'], { unit: unit.unit, level: unit.level });
    return undefined;
  }
  return unit.level;
}
