import type { CompiledCriteria } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { DtiError, type Issue } from '../errors.js';
import { IssueSink } from '../results/issues.js';
import { checkStamp } from '../results/stamp.js';
import type { CriteriaStamp } from '../scoring/result-types.js';

/**
 * The set compiled, when it is the one that scored the report (id, version
 * and sha256 of the stamp); else `compare/criteria-mismatch`, or the set's
 * own issues when it is invalid.
 *
 * @internal
 */
export function setOfReport(stamp: CriteriaStamp, criteria: CriteriaSet): { readonly compiled?: CompiledCriteria; readonly issues: readonly Issue[] } {
  const sink = new IssueSink([]);
  if (!checkStamp(stamp, criteria, sink)) return { issues: sink.issues };
  try {
    return { compiled: compileCriteria(criteria), issues: [] };
  } catch (error) {
    if (error instanceof DtiError) return { issues: error.issues };
    throw error;
  }
}
