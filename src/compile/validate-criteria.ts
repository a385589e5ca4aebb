import type * as z from 'zod';
import { Dec, exactOf, readDecimal } from '../decimal.js';
import { makeIssue, type Issue, type IssueArgs, type IssueCode } from '../errors.js';
import { formatPath, type PathSegment } from '../path.js';
import { RULE_KINDS, type AnyRuleKind, type Rule, type RuleKindRegistry } from '../rules/registry.js';
import type { ValueDomain } from '../rules/types.js';
import { readExact } from '../exact/read-exact.js';
import { atomOf, levelOfAtom, nodeMaximum, type Atom, type CompiledCriteria, type CompiledLeaf, type CompiledNode } from './compiled.js';
import { schemasOf } from './criteria-schema.js';
import { appraisalReasonsOf } from './appraisal-reasons.js';
import { once } from '../format/once.js';
import type { CriteriaNode, CriteriaSet, Decimalish, LevelScope, PerLevel } from './types.js';
import { fromZodIssues, toSegments, valueAt } from '../format/zod-issues.js';
import { appendAll, DEFAULT_LIMITS, type InputLimits } from '../limits.js';
import { looksLike } from '../text/similar.js';

function depthOf(nodes: unknown, depth: number, limit: number): number {
  if (!Array.isArray(nodes) || depth > limit + 1) return depth;
  let deepest = depth;
  for (const node of nodes) {
    if (node && typeof node === 'object' && 'children' in node) {
      deepest = Math.max(deepest, depthOf((node as { children: unknown }).children, depth + 1, limit));
    }
  }
  return deepest;
}

/** The nodes of the tree, counted up to just past `limit` (an aggregate with 300,000 children stops there). */
function countNodes(nodes: unknown, limit: number): number {
  if (!Array.isArray(nodes)) return 0;
  let total = 0;
  const stack: unknown[][] = [nodes];
  while (stack.length > 0 && total <= limit) {
    const list = stack.pop()!;
    for (const node of list) {
      total += 1;
      if (total > limit) break;
      if (node && typeof node === 'object' && 'children' in node && Array.isArray((node as { children: unknown }).children)) stack.push((node as { children: unknown[] }).children);
    }
  }
  return total;
}

/*
 * One pass over a set whose shape is broken.
 *
 * When the full schema fails, the cross-field checks still run, part by part.
 * A "part" is an object checked on its own: the set, a level, a group, a
 * rating, a node, a node's rule. Every zod issue is pinned to the deepest part
 * that holds it and to the field of that part it lies in; such a field is
 * "unknown" to the cross-field checks, which skip exactly what depends on it
 * (and nothing else). An unknown key alone does not make any field unknown,
 * except a known field that is absent and that the unknown key looks like a
 * misspelling of (`pionts` for `points`): that field is unknown too, so a
 * misspelt `points` is not also reported as missing points.
 */

/** A plain JSON object. */
type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of each part whose value the schema rejected (or which a misspelt key leaves unknown). */
type Flaws = WeakMap<object, Set<string>>;

/** The field name that stands for "the whole part". */
const WHOLE = '*';

type PartKind = 'set' | 'level' | 'group' | 'rating' | 'node' | 'rule';

/** The deepest part enclosing `path`, and how many segments lead to it. */
function locatePart(path: readonly PathSegment[]): { readonly kind: PartKind; readonly depth: number } {
  const entry = (at: number, name: string): boolean => path[at] === name && typeof path[at + 1] === 'number';
  if (entry(0, 'levels')) return entry(2, 'groups') ? { kind: 'group', depth: 4 } : { kind: 'level', depth: 2 };
  if (entry(0, 'ratings')) return { kind: 'rating', depth: 2 };
  if (!entry(0, 'nodes')) return { kind: 'set', depth: 0 };
  let depth = 2;
  while (entry(depth, 'children')) depth += 2;
  return path[depth] === 'rule' ? { kind: 'rule', depth: depth + 1 } : { kind: 'node', depth };
}

/** 0 points: what a rule's input shape is asked at when only its type matters. */
const NO_POINTS = readExact(0)!;

/** The fields each part other than a rule may have (the same for every registry of kinds). */
const KNOWN_KEYS = once((): Readonly<Record<Exclude<PartKind, 'rule'>, readonly string[]>> => {
  const { set, nodeObject } = schemasOf(RULE_KINDS);
  const levelShape = set.shape.levels.element.shape;
  return {
    set: Object.keys(set.shape),
    level: Object.keys(levelShape),
    group: Object.keys(levelShape.groups.unwrap().element.shape),
    rating: Object.keys(set.shape.ratings.unwrap().element.shape),
    node: Object.keys(nodeObject.shape),
  };
});

/** The implementation of the rule kind named `kind` in `kinds`, if any. */
function kindIn(kinds: RuleKindRegistry, kind: unknown): AnyRuleKind | undefined {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(kinds, kind) ? kinds[kind] : undefined;
}

/** The fields a part of `kind` may have (a rule's depend on its `kind`). */
function knownKeys(kind: PartKind, part: Obj, kinds: RuleKindRegistry): readonly string[] {
  if (kind !== 'rule') return KNOWN_KEYS()[kind];
  if (kindIn(kinds, part.kind) === undefined) return [];
  const schema = schemasOf(kinds).kinds[part.kind as string] as z.ZodType & { shape?: Record<string, unknown> };
  return schema.shape === undefined ? [] : Object.keys(schema.shape);
}

/** The absent known fields of `part` that one of its unknown keys looks like. */
function misspeltFields(part: Obj, unknownKeys: readonly string[], known: readonly string[]): string[] {
  return known.filter((key) => part[key] === undefined && unknownKeys.some((typed) => looksLike(typed, key)));
}

/** Pins every schema issue to the field of the part it lies in. */
function flawsOf(zodIssues: readonly z.core.$ZodIssue[], input: unknown, kinds: RuleKindRegistry): Flaws {
  const flaws: Flaws = new WeakMap();
  const mark = (part: object, key: string): void => {
    const fields = flaws.get(part);
    if (fields) fields.add(key);
    else flaws.set(part, new Set([key]));
  };
  for (const issue of zodIssues) {
    const path = toSegments(issue.path);
    const { kind, depth } = locatePart(path);
    const part = valueAt(input, path.slice(0, depth));
    if (!isObject(part)) continue; // not an object at all: the checks skip it anyway
    if (depth < path.length) mark(part, String(path[depth]));
    else if (issue.code !== 'unrecognized_keys') mark(part, WHOLE);
    else for (const key of misspeltFields(part, issue.keys, knownKeys(kind, part, kinds))) mark(part, key);
  }
  return flaws;
}

/** What the checks know of a field: its (well-formed) value, `undefined` when absent, or that it is unknown. */
const UNKNOWN: unique symbol = Symbol('unknown');
type Known<T> = T | undefined | typeof UNKNOWN;

interface CrossChecked {
  readonly issues: Issue[];
  readonly roots: readonly CompiledNode[];
  readonly byCode: Map<string, CompiledNode>;
  readonly leaves: readonly CompiledNode[];
  readonly levels: Map<string, Set<string>>;
}

/**
 * Every cross-field rule of the spec, over the parts of `input` whose shape is
 * known. `flaws` is `undefined` when the whole set passed the schema (then
 * this is exactly the check of a well-formed set). `compileOnly`: a set the
 * package ships, checked in full when it was built: only what compiles it
 * runs (levels, the tree's scopes, points, rules and value domains); the
 * checks that can only report (ratings, appraisal reasons, each rule's own
 * check, aliases, `expectedMax`) are left out.
 */
function crossCheck(input: unknown, flaws: Flaws | undefined, kinds: RuleKindRegistry, compileOnly = false): CrossChecked {
  const issues: Issue[] = [];
  const push = <C extends IssueCode>(code: C, path: readonly PathSegment[], ...args: IssueArgs<C>): void => {
    issues.push(makeIssue(code, path, ...args));
  };
  const levels = new Map<string, Set<string>>();
  const byCode = new Map<string, CompiledNode>();
  const leaves: CompiledNode[] = [];
  const roots: CompiledNode[] = [];
  const result: CrossChecked = { issues, roots, byCode, leaves, levels };

  const isBad = (part: object, key: string): boolean => {
    const fields = flaws?.get(part);
    return fields !== undefined && (fields.has(key) || fields.has(WHOLE));
  };
  /** A part usable by the checks: an object the schema did not reject as a whole. */
  const usable = (part: unknown): part is Obj => isObject(part) && !isBad(part, WHOLE);
  /** The field's value, `undefined` when absent, {@link UNKNOWN} when malformed. The schema vouches for the type. */
  const read = <T>(part: Obj, key: string): Known<T> => (isBad(part, key) ? UNKNOWN : (part[key] as T | undefined));
  /** A field's presence: a malformed value is present; an absent field a misspelt key stands for is unknown. */
  const presence = (part: Obj, key: string): 'present' | 'absent' | 'unknown' =>
    part[key] !== undefined ? 'present' : isBad(part, key) ? 'unknown' : 'absent';

  if (!usable(input)) return result;
  const set = input;

  // An analysis variant is never an official version (spec-free field `derivedFrom`).
  if (read(set, 'derivedFrom') !== undefined && read(set, 'derivedFrom') !== UNKNOWN && read(set, 'status') === 'published') push('criteria/variant-published', ['status']);

  // Levels and groups. The atoms (and every scope) are known only when every level's id and groups are.
  let levelsKnown = true;
  const allAtoms = new Set<Atom>();
  const ownGroups: (Set<string> | undefined)[] = [];
  const levelList = read<readonly unknown[]>(set, 'levels');
  if (levelList === UNKNOWN || levelList === undefined) levelsKnown = false;
  const levelEntries = levelList === UNKNOWN || levelList === undefined ? [] : levelList;
  levelEntries.forEach((level, li) => {
    if (!usable(level)) {
      levelsKnown = false;
      return;
    }
    const id = read<string>(level, 'id');
    if (typeof id === 'string' && levels.has(id)) push('criteria/duplicate-id', ['levels', li, 'id'], { id });
    const groups = new Set<string>();
    let groupsKnown = true;
    const groupList = read<readonly unknown[]>(level, 'groups');
    if (groupList === UNKNOWN) groupsKnown = false;
    (groupList === UNKNOWN ? [] : (groupList ?? [])).forEach((group, gi) => {
      const groupId = usable(group) ? read<string>(group, 'id') : UNKNOWN;
      if (typeof groupId !== 'string') {
        groupsKnown = false;
        return;
      }
      if (groups.has(groupId)) push('criteria/duplicate-id', ['levels', li, 'groups', gi, 'id'], { id: groupId });
      groups.add(groupId);
    });
    ownGroups[li] = groupsKnown ? groups : undefined;
    if (typeof id !== 'string' || !groupsKnown) {
      levelsKnown = false;
      return;
    }
    levels.set(id, groups);
    if (groups.size === 0) allAtoms.add(id);
    for (const group of groups) allAtoms.add(atomOf(id, group));
  });
  const atomsOfLevel = (level: string): Atom[] => {
    const groups = levels.get(level);
    if (!groups) return [];
    return groups.size === 0 ? [level] : [...groups].map((g) => atomOf(level, g));
  };

  // Dates and ratings.
  const effective = read<{ readonly from: string; readonly to: string | null }>(set, 'effective');
  if (effective !== UNKNOWN && effective !== undefined && effective.to !== null && effective.to < effective.from) push('criteria/effective-dates', ['effective', 'to']);
  const ratings = compileOnly ? undefined : read<readonly unknown[]>(set, 'ratings');
  const ratingIds = new Set<string>();
  let previous: Dec | undefined;
  (ratings === UNKNOWN ? [] : (ratings ?? [])).forEach((rating, ri) => {
    if (!usable(rating)) return;
    const id = read<string>(rating, 'id');
    if (typeof id === 'string') {
      if (ratingIds.has(id)) push('criteria/duplicate-id', ['ratings', ri, 'id'], { id });
      ratingIds.add(id);
    }
    const rawMin = read<Decimalish>(rating, 'min');
    if (rawMin === UNKNOWN || rawMin === undefined) return;
    const min = readDecimal(rawMin) ?? new Dec(0);
    if (min.isNeg() || min.gt(1)) push('criteria/rating-range', ['ratings', ri, 'min']);
    if (previous !== undefined && !min.lt(previous)) push('criteria/ratings-order', ['ratings', ri, 'min']);
    previous = min;
  });

  // Appraisal reasons: ids unique.
  const reasons = compileOnly ? undefined : read<readonly unknown[]>(set, 'appraisalReasons');
  const reasonIds = new Set<string>();
  (reasons === UNKNOWN ? [] : (reasons ?? [])).forEach((reason, ri) => {
    const id = usable(reason) ? read<string>(reason, 'id') : UNKNOWN;
    if (typeof id !== 'string') return;
    if (reasonIds.has(id)) push('criteria/duplicate-id', ['appraisalReasons', ri, 'id'], { id });
    reasonIds.add(id);
  });

  // The tree.
  const firstPath = new Map<string, string>();
  const aliases: { alias: string; path: PathSegment[] }[] = [];
  // Atoms whose maximum cannot be known (a malformed leaf or scope lies under them); `all` when even those are unknown.
  const tainted = new Set<Atom>();
  let allTainted = false;
  const taint = (bound: ReadonlySet<Atom> | undefined): void => {
    if (bound === undefined) allTainted = true;
    else for (const atom of bound) tainted.add(atom);
  };

  const scopeOf = (appliesTo: readonly LevelScope[], path: PathSegment[]): Set<Atom> => {
    const atoms = new Set<Atom>();
    appliesTo.forEach((entry, i) => {
      const level = typeof entry === 'string' ? entry : entry.level;
      const groups = levels.get(level);
      if (!groups) {
        push('criteria/unknown-level', typeof entry === 'string' ? [...path, i] : [...path, i, 'level'], { level });
        return;
      }
      if (typeof entry === 'string') {
        for (const atom of atomsOfLevel(level)) atoms.add(atom);
        return;
      }
      entry.groups.forEach((group, gi) => {
        if (!groups.has(group)) push('criteria/unknown-group', [...path, i, 'groups', gi], { group, level });
        else atoms.add(atomOf(level, group));
      });
    });
    return atoms;
  };

  const rounding = read<{ readonly points: number }>(set, 'rounding');
  const pointsPlaces = rounding === UNKNOWN ? undefined : (rounding?.points ?? 2);
  const checkPlaces = (d: Dec, path: PathSegment[]): void => {
    if (pointsPlaces !== undefined && d.decimalPlaces() > pointsPlaces) push('criteria/precision', path, { places: pointsPlaces });
  };
  /** Points or cap per level; `scopeLevels` is `undefined` when the node's scope is unknown. */
  const perLevel = (value: PerLevel | undefined, scopeLevels: ReadonlySet<string> | undefined, path: PathSegment[], what: 'points' | 'cap'): Map<string, Dec> => {
    const out = new Map<string, Dec>();
    if (value === undefined) return out;
    if (typeof value === 'string' || typeof value === 'number') {
      const d = readDecimal(value) ?? new Dec(0);
      checkPlaces(d, path);
      if (d.isNeg()) push('rule/negative', path);
      for (const level of scopeLevels ?? []) out.set(level, d);
      return out;
    }
    for (const [level, raw] of Object.entries(value)) {
      const d = readDecimal(raw) ?? new Dec(0);
      if (levelsKnown && !levels.has(level)) { push('criteria/unknown-level', [...path, level], { level }); continue; }
      if (scopeLevels !== undefined && !scopeLevels.has(level)) {
        push(what === 'points' ? 'criteria/points-not-applicable' : 'criteria/cap-level', [...path, level], { level });
        continue;
      }
      checkPlaces(d, [...path, level]);
      if (d.isNeg()) push('rule/negative', [...path, level]);
      out.set(level, d);
    }
    return out;
  };

  /**
   * Checks one node and its subtree. `parentScope` is `undefined` when unknown;
   * `bound` is the nearest known scope above (a superset), `undefined` for all atoms.
   */
  const visit = (
    raw: unknown,
    path: PathSegment[],
    parentScope: ReadonlySet<Atom> | undefined,
    bound: ReadonlySet<Atom> | undefined,
    parentCode: Known<string>,
  ): CompiledNode | undefined => {
    if (!usable(raw)) {
      taint(bound);
      return undefined;
    }
    const node = raw;
    const at = formatPath(path);
    const code = read<string>(node, 'code');
    if (typeof code === 'string') {
      const seen = firstPath.get(code);
      if (seen !== undefined) push('criteria/duplicate-code', [...path, 'code'], { code, first: seen });
      else firstPath.set(code, at);
      if (typeof parentCode === 'string' && !code.startsWith(`${parentCode}.`)) push('criteria/code-not-under-parent', [...path, 'code'], { code, parent: parentCode });
    }
    const nodeAliases = read<readonly string[]>(node, 'aliases');
    if (nodeAliases !== UNKNOWN) nodeAliases?.forEach((alias, i) => aliases.push({ alias, path: [...path, 'aliases', i] }));

    const appliesTo = read<readonly LevelScope[]>(node, 'appliesTo');
    let scope: Set<Atom> | undefined;
    if (appliesTo === UNKNOWN) {
      scope = undefined;
    } else if (appliesTo !== undefined) {
      if (appliesTo.length === 0) push('criteria/applies-empty', [...path, 'appliesTo']);
      if (levelsKnown) {
        const declared = scopeOf(appliesTo, [...path, 'appliesTo']);
        if (parentScope !== undefined) {
          const widened = [...declared].filter((atom) => !parentScope.has(atom));
          if (widened.length > 0) push('criteria/applies-widens', [...path, 'appliesTo'], { scope: widened.join(', ') });
          scope = new Set([...declared].filter((atom) => parentScope.has(atom)));
        }
      }
    } else if (parentScope !== undefined) {
      scope = new Set(parentScope);
    }
    if (scope !== undefined && scope.size === 0 && appliesTo !== UNKNOWN && (appliesTo === undefined || appliesTo.length > 0)) push('criteria/no-levels-apply', path);
    const scopeLevels = scope === undefined ? undefined : new Set([...scope].map(levelOfAtom));
    const nodeBound = scope ?? bound;

    const rulePresence = presence(node, 'rule');
    const childrenPresence = presence(node, 'children');
    // A misspelt "rule" or "children" leaves the node's kind unknown: no shape checks then.
    const shapeKnown = rulePresence !== 'unknown' && childrenPresence !== 'unknown';
    const isLeaf = rulePresence === 'present';
    const isAggregate = childrenPresence === 'present';
    if (shapeKnown && isLeaf === isAggregate) push('criteria/node-shape', path);

    /**
     * A leaf's value domain ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)): its `range`, and `[0, 1]` for a `%` leaf
     * of a kind that takes a number; a range on another kind, or an empty one, is an issue.
     */
    const valueDomain = (leafNode: Readonly<Record<string, unknown>>, kind: AnyRuleKind, compiled: unknown, at: readonly PathSegment[]): ValueDomain | undefined => {
      const range = read<{ readonly min?: Decimalish; readonly max?: Decimalish }>(leafNode, 'range');
      // A rule the schema found fault with has no input to bound: its issues say why.
      if (range === UNKNOWN || compiled === undefined) return undefined;
      const numeric = kind.input(compiled, { max: NO_POINTS, domain: undefined }).type === 'number';
      if (range !== undefined && !numeric) {
        push('criteria/range-not-numeric', at, { kind: kind.kind });
        return undefined;
      }
      if (!numeric) return undefined;
      const percent = leafNode.unit === '%';
      // A `range` given is the whole domain (a bound it leaves out is open); without one a `%` leaf's is [0, 1].
      const min = range !== undefined ? readExact(range.min) : percent ? readExact(0) : undefined;
      const max = range !== undefined ? readExact(range.max) : percent ? readExact(1) : undefined;
      if (min !== undefined && max !== undefined && min.gt(max)) {
        push('criteria/range-order', at, { min: min.toString(), max: max.toString() });
        return undefined;
      }
      return min === undefined && max === undefined ? undefined : { min, max, percent };
    };
    let leaf: CompiledLeaf | undefined;
    let cap: Map<string, Dec> | undefined;
    let children: CompiledNode[] = [];
    if (isLeaf && !isAggregate) {
      if (shapeKnown && node.cap !== undefined) push('criteria/node-shape', [...path, 'cap']);
      const rule = node.rule;
      const kindName = usable(rule) ? read<string>(rule, 'kind') : UNKNOWN;
      const kind = kindIn(kinds, kindName);
      // A rule is checked on its own only when the schema found nothing wrong in it.
      const checkable = isObject(rule) && flaws?.has(rule) !== true ? (rule as unknown as Rule) : undefined;
      let points = new Map<string, Dec>();
      if (kind === undefined) {
        taint(nodeBound); // scored or info: cannot tell
      } else if (!kind.scored) {
        if (node.points !== undefined) push('criteria/info-has-points', [...path, 'points']);
      } else {
        const rawPoints = read<PerLevel>(node, 'points');
        if (rawPoints === UNKNOWN) taint(nodeBound);
        else {
          points = perLevel(rawPoints, scopeLevels, [...path, 'points'], 'points');
          for (const level of scopeLevels ?? []) if (!points.has(level)) push('criteria/missing-points', [...path, 'points'], { level });
        }
      }
      const maxima = new Map([...points].map(([level, p]) => [level, exactOf(p)] as const));
      if (!compileOnly && kind?.scored && checkable) appendAll(issues, kind.check(checkable, scope === undefined ? new Map() : maxima, [...path, 'rule']));
      if (kind !== undefined) {
        const compiled: unknown = checkable ? kind.compile(checkable) : undefined;
        const domain = valueDomain(node, kind, compiled, [...path, 'range']);
        leaf = { kind: kind.kind, rule: kind, compiled, points, maxima, allowNA: node.allowNA === true, evidenceRequired: node.evidenceRequired === true, domain };
      }
    } else {
      if (shapeKnown && node.points !== undefined) push('criteria/node-shape', [...path, 'points']);
      if (shapeKnown && node.range !== undefined) push('criteria/node-shape', [...path, 'range']);
      if (shapeKnown && node.allowNA !== undefined) push('criteria/node-shape', [...path, 'allowNA']);
      if (shapeKnown && node.evidenceRequired !== undefined) push('criteria/evidence-on-aggregate', [...path, 'evidenceRequired']);
      const childList = read<readonly unknown[]>(node, 'children');
      if (childList !== UNKNOWN && childList !== undefined && childList.length === 0) push('schema/too-small', [...path, 'children'], { min: 1 });
      const rawCap = read<PerLevel>(node, 'cap');
      if (rawCap === UNKNOWN) taint(nodeBound);
      else if (rawCap !== undefined) cap = perLevel(rawCap, scopeLevels, [...path, 'cap'], 'cap');
      if (childList === UNKNOWN) taint(nodeBound);
      else {
        for (const [i, child] of (childList ?? []).entries()) {
          const compiledChild = visit(child, [...path, 'children', i], scope, nodeBound, code);
          if (compiledChild) children.push(compiledChild);
        }
      }
    }
    if (!shapeKnown || scope === undefined) taint(nodeBound);
    const compiled: CompiledNode = { code: typeof code === 'string' ? code : '', node: node as unknown as CriteriaNode, path: at, scope: scope ?? new Set(), children, leaf, cap };
    if (typeof code === 'string' && !byCode.has(code)) byCode.set(code, compiled);
    if (leaf) leaves.push(compiled);
    return compiled;
  };
  const nodeList = read<readonly unknown[]>(set, 'nodes');
  const rootScope = levelsKnown ? allAtoms : undefined;
  if (nodeList === UNKNOWN || nodeList === undefined) taint(undefined);
  else {
    for (const [i, node] of nodeList.entries()) {
      const root = visit(node, ['nodes', i], rootScope, rootScope, undefined);
      if (root) roots.push(root);
    }
  }

  if (compileOnly) return result;
  const aliasSeen = new Set<string>();
  for (const { alias, path } of aliases) {
    if (byCode.has(alias)) push('criteria/alias-collides', path, { alias });
    else if (aliasSeen.has(alias)) push('criteria/duplicate-id', path, { id: alias });
    aliasSeen.add(alias);
  }

  // expectedMax: the maximum a unit of each level/group can reach, compared only where every part it depends on is known.
  const totalFor = (atom: Atom): Dec => roots.reduce((acc, root) => acc.plus(nodeMaximum(root, atom) ?? 0), new Dec(0));
  levelEntries.forEach((level, li) => {
    if (!usable(level)) return;
    const em = read<PerLevel>(level, 'expectedMax');
    const id = read<string>(level, 'id');
    if (em === UNKNOWN || em === undefined || typeof id !== 'string') return;
    const groups = levelsKnown ? (levels.get(id) ?? new Set<string>()) : ownGroups[li];
    if (groups === undefined) return;
    const path: PathSegment[] = ['levels', li, 'expectedMax'];
    const compare = (atom: Atom, expectedRaw: string | number, at: PathSegment[], scopeText: string): void => {
      if (!levelsKnown || allTainted || tainted.has(atom)) return;
      const expected = readDecimal(expectedRaw) ?? new Dec(0);
      const actual = totalFor(atom);
      if (!actual.eq(expected)) push('criteria/expected-max-mismatch', at, { actual: actual.toFixed(), expected: expected.toFixed(), scope: scopeText });
    };
    if (typeof em === 'string' || typeof em === 'number') {
      if (groups.size > 0) push('criteria/expected-max-groups', path, { groups: [...groups] });
      else compare(id, em, path, id);
      return;
    }
    if (groups.size === 0) { push('criteria/expected-max-single', path); return; }
    for (const [group, value] of Object.entries(em)) {
      if (!groups.has(group)) { push('criteria/unknown-group', [...path, group], { group, level: id }); continue; }
      compare(atomOf(id, group), value, [...path, group], atomOf(id, group));
    }
    const absent = [...groups].filter((group) => !(group in em));
    if (absent.length > 0) push('criteria/expected-max-groups', path, { groups: [...groups] });
  });

  return result;
}

/** A node path as formatted by {@link formatPath}: `nodes[2].children[0]…`, at the start of an issue's path. */
const NODE_PATH = /^nodes\[\d+\](?:\.children\[\d+\])*/;

/**
 * Fills {@link Issue.node} for every issue whose path lies inside `nodes[...]`:
 * the `code` of the nearest enclosing node, when that code is a string.
 */
function withNodeCodes(issues: readonly Issue[], input: unknown): Issue[] {
  const codes = new Map<string, string | undefined>();
  const codeAt = (nodePath: string): string | undefined => {
    if (codes.has(nodePath)) return codes.get(nodePath);
    const indices = [...nodePath.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    let node: unknown = isObject(input) ? input : undefined;
    for (const [step, index] of indices.entries()) {
      const list: unknown = isObject(node) ? node[step === 0 ? 'nodes' : 'children'] : undefined;
      node = Array.isArray(list) ? list[index] : undefined;
    }
    const code = isObject(node) && typeof node.code === 'string' ? node.code : undefined;
    codes.set(nodePath, code);
    return code;
  };
  return issues.map((issue) => {
    const nodePath = NODE_PATH.exec(issue.path)?.[0];
    const node = nodePath === undefined ? undefined : codeAt(nodePath);
    return node === undefined ? issue : { ...issue, node };
  });
}

/** Drops an issue reported twice (same code, path and message), keeping the first. */
function unique(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.path}\u0000${issue.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks a criteria set against the format (schema and every cross-field rule
 * of the spec) and compiles it for scoring. Reports every problem at once: when
 * the schema fails, its issues come first, then the cross-field issues of every
 * part whose own shape is sound (a check that depends on a malformed field is
 * skipped, never reported on a guess). An issue inside `nodes[...]` names the
 * enclosing node's code in {@link Issue.node}.
 */
export function checkAndCompile(input: unknown, limits: InputLimits = DEFAULT_LIMITS, builtIn = false, kinds: RuleKindRegistry = RULE_KINDS): { issues: Issue[]; compiled?: CompiledCriteria } {
  // A set the package ships was checked in full when it was built (test/embedded.test.ts checks it
  // again as any input, and that this compiles it to the same plan): it is only compiled.
  if (builtIn) return compiledOf(input as CriteriaSet, kinds, true);
  if (input && typeof input === 'object' && 'nodes' in input) {
    const nodes = (input as { nodes: unknown }).nodes;
    if (depthOf(nodes, 1, limits.depth) > limits.depth) return { issues: [makeIssue('criteria/too-deep', 'nodes', { limit: limits.depth })] };
    if (countNodes(nodes, limits.nodes) > limits.nodes) return { issues: [makeIssue('input/too-large', 'nodes', { limit: limits.nodes, what: 'nodes' })] };
  }
  const parsed = schemasOf(kinds).set.safeParse(input);
  if (!parsed.success) {
    const shape = fromZodIssues(parsed.error.issues, input);
    const { issues } = crossCheck(input, flawsOf(parsed.error.issues, input, kinds), kinds);
    return { issues: withNodeCodes(unique([...shape, ...issues]), input) };
  }
  return compiledOf(input as CriteriaSet, kinds);
}

/** The cross-field checks of a set whose shape is valid (none with `compileOnly`), and its compiled form when they pass. */
function compiledOf(set: CriteriaSet, kinds: RuleKindRegistry, compileOnly = false): { issues: Issue[]; compiled?: CompiledCriteria } {
  const { issues, roots, byCode, leaves, levels } = crossCheck(set, undefined, kinds, compileOnly);
  if (issues.length > 0) return { issues: withNodeCodes(unique(issues), set) };
  const ranking = set.ranking ?? {};
  return {
    issues,
    compiled: {
      set,
      roots,
      byCode,
      leaves,
      levels,
      rounding: set.rounding ?? { points: 2, index: 4 },
      missing: set.missing ?? 'zero',
      evidencePolicy: set.evidencePolicy ?? 'flag',
      appraisalReasons: new Map(appraisalReasonsOf(set).map((reason) => [reason.id, reason])),
      ratings: (set.ratings ?? []).map((r) => ({ id: r.id, min: readDecimal(r.min) ?? new Dec(0) })),
      ranking: { by: ranking.by ?? 'index', ties: ranking.ties ?? 'competition', cohort: ranking.cohort ?? 'level' },
    },
  };
}
