import { makeIssue, type Issue } from './errors.js';

/**
 * How large an input the library reads: the criteria tree's depth and nodes,
 * the units of one batch, and how many issues one input lists before it says
 * "and N more". Each is an option with this default; a larger input is
 * `input/too-large` (or `criteria/too-deep`), never an overflow.
 */
export interface InputLimits {
  /** Deepest criteria tree (real sets are 3 deep). */
  readonly depth: number;
  /** Most nodes in one set (real sets have about a hundred). */
  readonly nodes: number;
  /** Most units in one batch (a province has a few hundred; the national index 3,300 communes). */
  readonly units: number;
  /** Most issues listed for one input; past it one `input/too-many-issues` gives the count. */
  readonly issues: number;
}

/**
 * The default limits.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS } from 'dti-criteria';
 * console.log(DEFAULT_LIMITS); // {"depth":16,"nodes":20000,"units":100000,"issues":1000}
 * ```
 */
export const DEFAULT_LIMITS: InputLimits = Object.freeze({ depth: 16, nodes: 20_000, units: 100_000, issues: 1_000 });

/** The limits in force: the defaults, overridden by `given`. */
export function limitsOf(given: Partial<InputLimits> | undefined): InputLimits {
  return given === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...given };
}

/**
 * At most `limit` issues: past it, the first `limit` and one
 * `input/too-many-issues` giving how many there were in all.
 *
 * @example
 * ```ts
 * import { capIssues, makeIssue } from 'dti-criteria';
 * const many = Array.from({ length: 5 }, (_, i) => makeIssue('schema/required', ['units', i, 'id']));
 * console.log(capIssues(many, 3).map((i) => i.code)); // ["schema/required","schema/required","schema/required","input/too-many-issues"]
 * console.log(capIssues(many, 3)[3]?.params); // {"count":5,"limit":3}
 * ```
 */
export function capIssues(issues: readonly Issue[], limit: number = DEFAULT_LIMITS.issues): readonly Issue[] {
  if (issues.length <= limit) return issues;
  return [...issues.slice(0, limit), makeIssue('input/too-many-issues', '$', { count: issues.length, limit })];
}

/**
 * Appends every item to `target` one by one: never spreads an input-sized
 * list into one call's arguments (which overflows the stack past about
 * 100,000 items). Returns `target`.
 *
 * @example
 * ```ts
 * import { appendAll } from 'dti-criteria';
 * const issues = appendAll([1, 2], new Array<number>(200_000).fill(3));
 * console.log([issues.length, issues[0], issues[2]]); // [200002,1,3]
 * ```
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
