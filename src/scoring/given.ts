import type { CompiledCriteria } from '../compile/compiled.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import type { GivenInputs, InputValue, NodeResult } from './result-types.js';

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** A copy of a value as given (arrays and records copied, so a result never shares an object with the caller's submission). */
function copyOf(value: unknown): InputValue {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)]));
  return value as InputValue;
}

/** The raw inputs a unit gave for the leaf `code`: its self-assessed value and its appraised one, each when given. */
export function givenInputs(unit: UnitSubmission, code: string): GivenInputs {
  const self = hasOwn(unit.values, code) ? unit.values[code] : undefined;
  const entry = unit.appraisal !== undefined && hasOwn(unit.appraisal, code) ? unit.appraisal[code] : undefined;
  const appraised = entry !== undefined ? entry.value : unit.appraised !== undefined && hasOwn(unit.appraised, code) ? unit.appraised[code] : undefined;
  return {
    ...(self !== undefined ? { self: copyOf(self) } : {}),
    ...(appraised !== undefined ? { appraised: copyOf(appraised) } : {}),
  };
}

/**
 * A unit's node results with each leaf's raw inputs kept (`given`, see
 * `ScoreOptions.keepInputs`), in the same key order; aggregates unchanged.
 * The unit is one the scorer accepted (its ids and codes as compared).
 */
export function withGivenInputs(criteria: CompiledCriteria, unit: UnitSubmission, nodes: Readonly<Record<string, NodeResult>>): Record<string, NodeResult> {
  const out: Record<string, NodeResult> = {};
  for (const [code, result] of Object.entries(nodes)) {
    out[code] = criteria.byCode.get(code)?.leaf === undefined ? result : { ...result, given: givenInputs(unit, code) };
  }
  return out;
}
