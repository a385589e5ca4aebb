import { makeIssue, type Issue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import type { CompiledCriteria, CompiledLeaf } from '../compile/compiled.js';
import { formatPath, type PathSegment } from '../path.js';
import type { ValueContext, ValueDomain } from '../rules/types.js';
import type { LeafReader } from './plan.js';

/** A unit's answer `"n/a"` in a value column. */
export const NA: unique symbol = Symbol('n/a');

/** `"n/a"` in any case, surrounding spaces tolerated; checked without building a string for other values. */
function isNotApplicable(raw: string): boolean {
  return raw.indexOf('/') >= 0 && raw.trim().toLowerCase() === 'n/a';
}

/**
 * Where the value being read is: one per record read, moved from value to
 * value (rules use it only while they read). The path is built only when an
 * issue needs it.
 */
export class ReadingContext implements ValueContext {
  code = '';
  max: Exact = undefined as unknown as Exact;
  domain: ValueDomain | undefined = undefined;
  /** `tail`: what follows the code in the path (`["value"]` for an appraisal's value). */
  constructor(
    readonly unit: string,
    private readonly base: readonly PathSegment[],
    readonly issues: Issue[],
    private readonly tail: readonly PathSegment[] = [],
  ) {}

  get path(): readonly PathSegment[] {
    return [...this.base, this.code, ...this.tail];
  }

  /** Where the value of `reader`'s leaf is read from now on. */
  at(code: string, reader: LeafReader): this {
    this.code = code;
    this.max = reader.max;
    this.domain = reader.leaf.domain;
    return this;
  }
}

/**
 * Reads one given value of a leaf: {@link NA} for `"n/a"` where the leaf allows
 * it, else what its rule reads; `undefined` after pushing an issue to `ctx`.
 * `ctx.code`, `ctx.max` and `ctx.domain` must be the leaf's.
 */
export function readLeafValue(leaf: CompiledLeaf, raw: unknown, ctx: ReadingContext): unknown {
  if (typeof raw === 'string' && isNotApplicable(raw)) {
    if (leaf.allowNA) return NA;
    ctx.issues.push(makeIssue('value/na-not-allowed', formatPath(ctx.path), { unit: ctx.unit }));
    return undefined;
  }
  const before = ctx.issues.length;
  const value = leaf.rule.read(raw, leaf.compiled, ctx);
  return ctx.issues.length === before ? value : undefined;
}

/**
 * Why `code` (a key of `values`, `appraised`, `appraisal` or `evidence` at
 * `path`) has no reader for the unit's atom: an unknown code, an aggregate's,
 * or a leaf outside its scope.
 */
export function misplacedCode(criteria: CompiledCriteria, code: string, unit: string, path: readonly PathSegment[]): Issue {
  const node = criteria.byCode.get(code);
  if (!node) return makeIssue('submission/unknown-leaf', path, { unit, code });
  if (!node.leaf) return makeIssue('submission/not-a-leaf', path, { unit, code });
  return makeIssue('submission/leaf-not-applicable', path, { unit, code });
}
