import { Exact } from '../exact/exact.js';
import type { InputShape } from '../rules/input-shape.js';
import { levelOfAtom, type CompiledLeaf, type CompiledNode } from './compiled.js';
import { compileCriteria } from './parse-criteria.js';
import type { CriteriaSet } from './types.js';

const NO_POINTS = Exact.scaled(0, 0);

/**
 * What a unit of `level` gives for a compiled leaf: its rule kind's input
 * shape at the leaf's points for the level (0 where it has none, as for
 * `info`). Without a level, at the points of the leaf's first level: what to
 * give has the same structure at every level (types, parts, option and item
 * ids); only what each option is worth, and the `points` bound, differ.
 *
 * @internal
 */
export function inputOfLeaf(leaf: CompiledLeaf, level: string | undefined): InputShape {
  const max = level === undefined ? leaf.maxima.values().next().value : leaf.maxima.get(level);
  return leaf.rule.input(leaf.compiled, { max: max ?? NO_POINTS, domain: leaf.domain });
}

/**
 * What a unit of `level` gives for leaf `code` of a set (see {@link InputShape}):
 * `undefined` when `code` is not a leaf of the set or does not apply to the
 * level. Throws a `DtiError` when the set is invalid.
 *
 * @example
 * ```ts
 * import { leafInput } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const set = getCriteria('can-tho@2022.1.0');
 * console.log(leafInput(set, 'CQS.1.3', 'commune')); // {"type":"fraction","allowOver":false,"zeroDenominator":"zero"}
 * const choice = leafInput(set, 'CQS.4.2', 'commune');
 * if (choice?.type === 'one-of') console.log(choice.options.map((o) => `${o.id}: ${o.worth.toString()}`).join('; ')); // chuyen-trach: 15; kiem-nhiem: 7.5; chua-co: 0
 * ```
 */
export function leafInput(criteria: CriteriaSet, code: string, level: string): InputShape | undefined {
  const node: CompiledNode | undefined = compileCriteria(criteria).byCode.get(code);
  if (node?.leaf === undefined || ![...node.scope].some((atom) => levelOfAtom(atom) === level)) return undefined;
  return inputOfLeaf(node.leaf, level);
}
