/**
 * Analysis variants of a criteria set: other weights or points, as a set of
 * their own that scores like any other, stamped as derived from the official
 * one and never published.
 */
import { atomOf, levelOfAtom, type CompiledNode } from '../compile/compiled.js';
import { criteriaHash } from '../compile/criteria-hash.js';
import { canonicalJson } from '../canonical/canonical-json.js';
import { compileCriteria, safeParseCriteria } from '../compile/parse-criteria.js';
import type { CriteriaNode, CriteriaSet, Decimalish, Level, PerLevel } from '../compile/types.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { Exact } from '../exact/exact.js';
import { readExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import type { PathSegment } from '../path.js';

/** What a variant changes. */
export interface VariantChanges {
  /**
   * A weight (a decimal > 0) per node: every leaf below it earns that many
   * times its points, for every value (its points and its rule's absolute
   * awards are multiplied; caps below too). Weights along a path multiply.
   */
  readonly weights?: Readonly<Record<string, Decimalish>>;
  /**
   * New points for leaves: one decimal for every level the leaf has points
   * for, or an object by level. A rule's absolute awards (options, bands,
   * items, a count's `each`) follow in proportion, which needs the same
   * proportion at every level. Applied before weights.
   */
  readonly points?: Readonly<Record<string, PerLevel>>;
}

/** Options of {@link safeDeriveVariant}. */
export interface VariantOptions {
  /** The variant's id; default the official id followed by `-variant`. */
  readonly id?: string;
  /**
   * A weighted leaf whose kind cannot be rescaled (`appraised`: its values are
   * points people give): refuse the variant (`refuse`, default), or keep that
   * leaf's points as they are and list it in `derivedFrom.kept` (`keep`: the
   * weight then applies to the rest of the node).
   */
  readonly unscalable?: 'refuse' | 'keep';
}

const ONE = Exact.scaled(1, 0);
const ZERO = Exact.scaled(0, 0);

/** A per-level decimal as a map (a single decimal for every level in `levels`). */
function perLevel(value: PerLevel, levels: Iterable<string>): Map<string, Exact | undefined> {
  if (typeof value === 'object') return new Map(Object.entries(value).map(([level, entry]) => [level, readExact(entry)]));
  const exact = readExact(value);
  return new Map([...levels].map((level) => [level, exact]));
}

/** `a / b` when it is a terminating decimal (so awards can be multiplied by it exactly); `undefined` otherwise. */
function exactRatio(a: Exact, b: Exact): Exact | undefined {
  if (b.isZero()) return undefined;
  const ratio = roundQuotient(a, b, 30);
  return ratio.times(b).eq(a) ? ratio : undefined;
}

/**
 * A variant of a criteria set with other weights or points, for analysis:
 * a set of its own (`id`-variant, the official version, status `draft`)
 * that scores like any other, whose leaf points (and their rules' absolute
 * awards, and the caps below a weight) are multiplied as asked, whose
 * `expectedMax` is recomputed, and which carries `derivedFrom`: the official
 * id, version and sha256 and the changes. Results scored with it carry
 * `derivedFrom` too, and its `draft` status warns that they are not official.
 *
 * Refused, every problem at once: a node or leaf not in the set
 * (`analysis/unknown-node`), points for an aggregate (`analysis/not-a-leaf`:
 * weigh it instead), a weight that is not a decimal above 0 or points below 0
 * (`analysis/bad-weight`), a weighted leaf whose values are themselves points
 * (`appraised`) or whose kind cannot be rescaled (`analysis/cannot-scale`;
 * with `unscalable: 'keep'` such a leaf keeps its points instead and is
 * listed in `derivedFrom.kept`),
 * new points whose proportion to the old ones differs between levels or is
 * not a terminating decimal while the rule has absolute awards
 * (`analysis/inexact-points`).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { safeDeriveVariant } from 'dti-criteria/analysis';
 * import { getCriteria } from 'dti-criteria/sets';
 * const official = getCriteria('can-tho@2022.1.0');
 * const variant = safeDeriveVariant(official, { weights: { XHS: '1.5' } });
 * if (variant.ok) {
 *   console.log([variant.value.id, variant.value.status, variant.value.derivedFrom?.id]); // ["can-tho-variant","draft","can-tho"]
 *   console.log(variant.value.levels.find((level) => level.id === 'commune')?.expectedMax); // 1175
 *   const unit = { id: 'a', level: 'commune', values: { 'XHS.1.1': { numerator: 10, denominator: 10 } } };
 *   console.log(scoreBatch(official, { units: [unit] }).results[0]?.points); // 70.00
 *   console.log(scoreBatch(variant.value, { units: [unit] }).results[0]?.points); // 105.00
 * }
 * ```
 */
export function safeDeriveVariant(set: CriteriaSet, changes: VariantChanges, options: VariantOptions = {}): Result<CriteriaSet> {
  const compiled = compileCriteria(set);
  const issues: Issue[] = [];
  const weights = new Map<string, Exact>();
  for (const [code, weight] of Object.entries(changes.weights ?? {})) {
    if (!compiled.byCode.has(code)) issues.push(makeIssue('analysis/unknown-node', ['weights', code], { code }));
    const exact = readExact(weight);
    if (exact === undefined || exact.sign() <= 0) issues.push(makeIssue('analysis/bad-weight', ['weights', code], { code, value: String(weight) }));
    else weights.set(code, exact);
  }
  const newPoints = new Map<string, Map<string, Exact | undefined>>();
  for (const [code, points] of Object.entries(changes.points ?? {})) {
    const node = compiled.byCode.get(code);
    if (!node) {
      issues.push(makeIssue('analysis/unknown-node', ['points', code], { code }));
      continue;
    }
    if (!node.leaf) {
      issues.push(makeIssue('analysis/not-a-leaf', ['points', code], { code }));
      continue;
    }
    const byLevel = perLevel(points, node.leaf.maxima.keys());
    for (const [level, value] of byLevel) {
      if (!node.leaf.maxima.has(level)) issues.push(makeIssue('analysis/unknown-node', ['points', code, level], { code: `${code} (${level})` }));
      else if (value === undefined || value.isNegative()) issues.push(makeIssue('analysis/bad-weight', ['points', code, level], { code, value: String(typeof points === 'object' ? points[level] : points) }));
    }
    newPoints.set(code, byLevel);
  }
  if (issues.length > 0) return { ok: false, issues };

  const kept: string[] = [];
  // Each leaf's new points and each aggregate's new cap, by level: the variant's maxima follow from them.
  const figures = new Map<string, ReadonlyMap<string, Exact>>();
  const leafOf = (node: CompiledNode, path: readonly PathSegment[], weighted: Exact): CriteriaNode => {
    const leaf = node.leaf!;
    let weight = weighted;
    const source = node.node;
    const given = newPoints.get(node.code);
    const points = new Map(leaf.maxima);
    for (const [level, value] of given ?? []) points.set(level, value!);
    // The proportion of the new points to the old ones, for the rule's absolute awards: one for every level.
    let factor: Exact | undefined = ONE;
    if (given !== undefined) {
      const ratios = [...points].map(([level, value]) => exactRatio(value, leaf.maxima.get(level)!));
      factor = ratios.every((ratio) => ratio !== undefined && ratio.eq(ratios[0]!)) ? ratios[0] : undefined;
    }
    const rule = source.rule!;
    const kind = leaf.rule;
    // Scalable: the kind rescales its config; absolute: its config holds points of its own (awards, `each`).
    const scalable = kind.scale !== undefined && kind.scale(rule, ONE) !== undefined;
    const absolute = scalable && canonicalJson(kind.scale!(rule, Exact.scaled(2, 0))) !== canonicalJson(rule);
    let scaledRule = rule;
    if (!scalable && !weight.eq(ONE)) {
      if (options.unscalable === 'keep') {
        kept.push(node.code);
        weight = ONE;
      } else {
        issues.push(makeIssue('analysis/cannot-scale', path, { code: node.code, kind: leaf.kind }));
      }
    } else if (absolute && (factor === undefined || !factor.eq(ONE) || !weight.eq(ONE))) {
      if (factor === undefined) issues.push(makeIssue('analysis/inexact-points', ['points', node.code], { code: node.code }));
      else scaledRule = kind.scale!(rule, factor.times(weight))!;
    }
    const scaled = new Map([...points].map(([level, value]) => [level, value.times(weight)]));
    figures.set(node.code, scaled);
    const written = Object.fromEntries([...scaled].map(([level, value]) => [level, value.toString()]));
    return { ...source, points: typeof source.points === 'object' || given !== undefined ? written : Object.values(written)[0]!, rule: scaledRule };
  };
  const nodeOf = (node: CompiledNode, path: readonly PathSegment[], above: Exact): CriteriaNode => {
    const weight = above.times(weights.get(node.code) ?? ONE);
    if (node.leaf) return leafOf(node, path, weight);
    const source = node.node;
    if (node.cap !== undefined) figures.set(node.code, new Map([...node.cap].map(([level, value]) => [level, readExact(value.toFixed())!.times(weight)])));
    const cap = source.cap === undefined ? undefined : typeof source.cap === 'object'
      ? Object.fromEntries(Object.entries(source.cap).map(([level, value]) => [level, readExact(value)!.times(weight).toString()]))
      : readExact(source.cap)!.times(weight).toString();
    return { ...source, ...(cap !== undefined ? { cap } : {}), children: node.children.map((child, i) => nodeOf(child, [...path, 'children', i], weight)) };
  };
  const nodes = compiled.roots.map((root, i) => nodeOf(root, ['nodes', i], ONE));
  if (issues.length > 0) return { ok: false, issues };

  const { $schema: _schema, ...rest } = set;
  const stamp = {
    id: set.id,
    version: set.version,
    sha256: criteriaHash(set),
    ...(changes.weights !== undefined ? { weights: { ...changes.weights } } : {}),
    ...(changes.points !== undefined ? { points: { ...changes.points } } : {}),
    ...(kept.length > 0 ? { kept } : {}),
  };
  const draft: CriteriaSet = {
    ...rest,
    id: options.id ?? `${set.id}-variant`,
    status: 'draft',
    title: { vi: `Biến thể phân tích của ${set.title.vi}`, ...(set.title.en !== undefined ? { en: `Analysis variant of ${set.title.en}` } : {}) },
    derivedFrom: stamp,
    nodes,
  };
  // The maxima follow from the new points: expectedMax is recomputed where the official set states it,
  // as `nodeMaximum` computes it (the validator checks it), on the official tree with the new figures.
  const maximumOf = (node: CompiledNode, atom: string): Exact | undefined => {
    if (!node.scope.has(atom)) return undefined;
    const level = levelOfAtom(atom);
    if (node.leaf) return node.leaf.rule.scored ? (figures.get(node.code)?.get(level) ?? ZERO) : ZERO;
    let sum = ZERO;
    for (const child of node.children) sum = sum.plus(maximumOf(child, atom) ?? ZERO);
    const cap = figures.get(node.code)?.get(level);
    return cap !== undefined && cap.lt(sum) ? cap : sum;
  };
  const maximum = (level: Level, group: string | undefined): string => {
    const atom = atomOf(level.id, group);
    let sum = ZERO;
    for (const root of compiled.roots) sum = sum.plus(maximumOf(root, atom) ?? ZERO);
    return sum.toString();
  };
  const levels = set.levels.map((level): Level => {
    if (level.expectedMax === undefined) return level;
    const expectedMax = typeof level.expectedMax === 'object'
      ? Object.fromEntries(Object.keys(level.expectedMax).map((group) => [group, maximum(level, group)]))
      : maximum(level, undefined);
    return { ...level, expectedMax };
  });
  return safeParseCriteria({ ...draft, levels });
}
