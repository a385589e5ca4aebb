/**
 * An independent reference scorer for the fuzz tests, written only from the
 * normative spec (shared/spec/criteria-format.md, sections 3 to 6 and 8) and
 * the library's documented decisions (docs/guides/criteria-format.md). Exact
 * rational arithmetic on BigInt; nothing from src/ but types.
 *
 * It expects a criteria set that is valid; it checks submitted values itself
 * and reports a unit it would reject (`RefRejection`), so a disagreement on
 * acceptance is caught too.
 */
import type { CriteriaNode, CriteriaSet, LevelScope, PerLevel, Submission, UnitSubmission } from '../../src/index.js';
import * as R from './rational.js';
import type { Q } from './rational.js';

/** What the fuzz compares for one node (the library's `NodeResult` minus explanations). */
export interface RefNode {
  points: string | null;
  maxPoints: string | null;
  index?: string | null;
  status: 'scored' | 'not-applicable' | 'missing' | 'info';
  selfPoints?: string | null;
  value?: string | number | boolean | null;
}

/** What the fuzz compares for one unit. */
export interface RefUnit {
  unit: string;
  level: string;
  group: string | null;
  parent: string | null;
  points: string;
  maxPoints: string;
  index: string | null;
  rating: string | null;
  rank: number | null;
  rankInParent: number | null;
  selfPoints?: string;
  difference?: string;
  nodes: Record<string, RefNode>;
}

/** A unit the reference would reject, with the problem codes it expects (first reason each). */
export interface RefRejection {
  unit: string;
  codes: string[];
  /** Where each value problem is (`values.CODE: value/shape`), for debugging. */
  where: string[];
}

export type RefOutcome = { ok: true; results: RefUnit[] } | { ok: false; rejected: RefRejection[] };

/** Thrown (internally) when a value does not have the shape its rule accepts. */
class ValueProblem extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

// ---------------------------------------------------------------- the set

type Atom = string; // "level" or "level/group"

interface Award {
  points?: Q;
  fraction?: Q;
}

type LeafRule =
  | { kind: 'boolean' }
  | { kind: 'ratio'; target: Q; floor: Q | undefined; zeroDenominator: 'not-applicable' | 'full' | 'zero'; allowOver: boolean }
  | { kind: 'linear'; from: Q; to: Q }
  | { kind: 'bands'; bands: (Award & { min?: Q; max?: Q })[]; otherwise: Q }
  | { kind: 'count'; each: Q }
  | { kind: 'choice'; options: Map<string, Award> }
  | { kind: 'checklist'; items: Map<string, Award> }
  | { kind: 'relative'; cohort: 'level' | 'group' }
  | { kind: 'appraised' }
  | { kind: 'info' };

interface RefTreeNode {
  code: string;
  scope: Set<Atom>;
  children: RefTreeNode[];
  leaf?: { rule: LeafRule; points: Map<string, Q>; allowNA: boolean; domain: Domain | undefined };
  cap: Map<string, Q>;
}

function dec(raw: unknown, what: string): Q {
  const v = R.readDecimal(raw);
  if (v === undefined) throw new Error(`reference: ${what} is not a decimal: ${String(raw)}`);
  return v;
}

function optDec(raw: unknown, what: string): Q | undefined {
  return raw === undefined ? undefined : dec(raw, what);
}

interface SetModel {
  levels: Map<string, string[]>; // level id -> group ids
  roots: RefTreeNode[];
  leaves: Map<string, RefTreeNode>;
  nodes: Map<string, RefTreeNode>;
  dp: number;
  idp: number;
  missing: 'zero' | 'exclude' | 'error';
  by: 'index' | 'points';
  ties: 'competition' | 'dense';
  cohort: 'level' | 'level+group';
  ratings: { id: string; min: Q }[];
}

const levelOf = (atom: Atom): string => atom.split('/')[0] ?? atom;

function atomsOfLevel(levels: Map<string, string[]>, level: string): Atom[] {
  const groups = levels.get(level) ?? [];
  return groups.length === 0 ? [level] : groups.map((g) => `${level}/${g}`);
}

function perLevel(value: PerLevel | undefined, scopeLevels: Set<string>): Map<string, Q> {
  const out = new Map<string, Q>();
  if (value === undefined) return out;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = dec(value, 'points/cap');
    for (const level of scopeLevels) out.set(level, d);
    return out;
  }
  for (const [level, raw] of Object.entries(value)) out.set(level, dec(raw, `points/cap of ${level}`));
  return out;
}

function award(entry: { points?: string | number; fraction?: string | number }): Award {
  const out: Award = {};
  const p = optDec(entry.points, 'award points');
  const f = optDec(entry.fraction, 'award fraction');
  if (p !== undefined) out.points = p;
  if (f !== undefined) out.fraction = f;
  return out;
}

function compileRule(rule: NonNullable<CriteriaNode['rule']>): LeafRule {
  switch (rule.kind) {
    case 'boolean':
    case 'appraised':
    case 'info':
      return { kind: rule.kind };
    case 'ratio':
      return {
        kind: 'ratio',
        target: rule.target === undefined ? R.ONE : dec(rule.target, 'target'),
        floor: optDec(rule.floor, 'floor'),
        zeroDenominator: rule.zeroDenominator ?? 'not-applicable',
        allowOver: rule.allowOver ?? false,
      };
    case 'linear':
      return { kind: 'linear', from: dec(rule.from, 'from'), to: dec(rule.to, 'to') };
    case 'bands':
      return {
        kind: 'bands',
        bands: rule.bands.map((band) => {
          const out: Award & { min?: Q; max?: Q } = award(band);
          const min = optDec(band.min, 'band min');
          const max = optDec(band.max, 'band max');
          if (min !== undefined) out.min = min;
          if (max !== undefined) out.max = max;
          return out;
        }),
        otherwise: rule.else === undefined ? R.ZERO : dec(rule.else, 'else'),
      };
    case 'count':
      return { kind: 'count', each: dec(rule.each, 'each') };
    case 'choice':
      return { kind: 'choice', options: new Map(rule.options.map((o) => [o.id, award(o)])) };
    case 'checklist':
      return { kind: 'checklist', items: new Map(rule.items.map((i) => [i.id, award(i)])) };
    case 'relative':
      return { kind: 'relative', cohort: rule.cohort ?? 'level' };
  }
}

function model(set: CriteriaSet): SetModel {
  const levels = new Map<string, string[]>();
  for (const level of set.levels) levels.set(level.id, (level.groups ?? []).map((g) => g.id));
  const all = new Set<Atom>();
  for (const level of levels.keys()) for (const atom of atomsOfLevel(levels, level)) all.add(atom);
  const leaves = new Map<string, RefTreeNode>();
  const nodes = new Map<string, RefTreeNode>();

  const scopeOf = (appliesTo: readonly LevelScope[] | undefined, parent: Set<Atom>): Set<Atom> => {
    if (appliesTo === undefined) return new Set(parent);
    const out = new Set<Atom>();
    for (const entry of appliesTo) {
      const atoms = typeof entry === 'string' ? atomsOfLevel(levels, entry) : entry.groups.map((g) => `${entry.level}/${g}`);
      // A valid set only narrows; keep the intersection anyway.
      for (const atom of atoms) if (parent.has(atom)) out.add(atom);
    }
    return out;
  };

  const build = (node: CriteriaNode, parent: Set<Atom>): RefTreeNode => {
    const scope = scopeOf(node.appliesTo, parent);
    const scopeLevels = new Set([...scope].map(levelOf));
    const out: RefTreeNode = { code: node.code, scope, children: [], cap: perLevel(node.cap, scopeLevels) };
    if (node.rule !== undefined) {
      const rule = compileRule(node.rule);
      out.leaf = { rule, points: rule.kind === 'info' ? new Map() : perLevel(node.points, scopeLevels), allowNA: node.allowNA === true, domain: domainOf(node) };
      leaves.set(node.code, out);
    } else {
      out.children = (node.children ?? []).map((child) => build(child, scope));
    }
    nodes.set(node.code, out);
    return out;
  };
  const roots = set.nodes.map((node) => build(node, all));

  return {
    levels,
    roots,
    leaves,
    nodes,
    dp: set.rounding?.points ?? 2,
    idp: set.rounding?.index ?? 4,
    missing: set.missing ?? 'zero',
    by: set.ranking?.by ?? 'index',
    ties: set.ranking?.ties ?? 'competition',
    cohort: set.ranking?.cohort ?? 'level',
    ratings: (set.ratings ?? []).map((r) => ({ id: r.id, min: dec(r.min, 'rating min') })),
  };
}

/** The maximum a unit of `atom` can reach (spec section 2: every leaf counted, caps applied). */
export function referenceExpectedMax(set: CriteriaSet, atom: string): Q {
  const m = model(set);
  const level = levelOf(atom);
  const maxOf = (node: RefTreeNode): Q | undefined => {
    if (!node.scope.has(atom)) return undefined;
    if (node.leaf) return node.leaf.rule.kind === 'info' ? R.ZERO : (node.leaf.points.get(level) ?? R.ZERO);
    let s = R.ZERO;
    for (const child of node.children) s = R.add(s, maxOf(child) ?? R.ZERO);
    const cap = node.cap.get(level);
    return cap === undefined ? s : R.min(s, cap);
  };
  return m.roots.reduce((acc, root) => R.add(acc, maxOf(root) ?? R.ZERO), R.ZERO);
}

// ---------------------------------------------------------------- values

type Answer =
  | { state: 'na' }
  | { state: 'bool'; v: boolean }
  | { state: 'num'; v: Q }
  | { state: 'frac'; n: Q; d: Q }
  | { state: 'ids'; ids: Set<string> }
  | { state: 'id'; id: string }
  | { state: 'info'; v: string | number | boolean | null };

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

function num(raw: unknown): Q {
  // Documented: a value's surrounding spaces are tolerated (criteria decimals allow none: the schema says so).
  const v = R.readDecimal(typeof raw === 'string' ? raw.trim() : raw);
  // Documented: more than 30 significant digits and magnitudes beyond 10^±30 are rejected.
  if (v === undefined || !R.withinLimits(v)) throw new ValueProblem('value/shape');
  return v;
}

function nonNeg(raw: unknown): Q {
  const v = num(raw);
  if (R.isNeg(v)) throw new ValueProblem('value/negative');
  return v;
}

function fraction(raw: unknown, allowOver: boolean): Answer {
  if (!isRecord(raw)) throw new ValueProblem('value/shape');
  for (const key of Object.keys(raw)) if (key !== 'numerator' && key !== 'denominator') throw new ValueProblem('schema/unknown-key');
  if (!('numerator' in raw) || !('denominator' in raw)) throw new ValueProblem('value/shape');
  const n = nonNeg(raw.numerator);
  const d = nonNeg(raw.denominator);
  if (!allowOver && R.gt(n, d)) throw new ValueProblem('value/numerator-exceeds-denominator');
  return { state: 'frac', n, d };
}

/** The values a numeric leaf can take (spec §9). */
interface Domain { readonly min: Q | undefined; readonly max: Q | undefined; readonly percent: boolean }

/** Spec §9: a `range`, and `[0, 1]` for a `%` leaf whose rule takes a number (not `ratio`). */
function domainOf(node: CriteriaNode): Domain | undefined {
  const kind = node.rule?.kind;
  if (kind !== 'linear' && kind !== 'bands' && kind !== 'count' && kind !== 'relative') return undefined;
  const percent = node.unit === '%';
  // Spec §9, as documented: a `range` given is the whole domain; without one a `%` leaf's is [0, 1].
  const min = node.range !== undefined ? (node.range.min === undefined ? undefined : R.readDecimal(node.range.min)) : percent ? R.ZERO : undefined;
  const max = node.range !== undefined ? (node.range.max === undefined ? undefined : R.readDecimal(node.range.max)) : percent ? R.ONE : undefined;
  return min === undefined && max === undefined ? undefined : { min, max, percent };
}

const inside = (domain: Domain, x: Q): boolean => (domain.min === undefined || R.le(domain.min, x)) && (domain.max === undefined || R.le(x, domain.max));

/** A number outside the leaf's domain is refused, never clamped: a `%` leaf's 3 is named as the 3% it likely meant. */
function bounded(domain: Domain | undefined, answer: Answer): Answer {
  if (domain === undefined) return answer;
  if (answer.state === 'num' && !inside(domain, answer.v)) {
    const slip = domain.percent && R.gt(answer.v, R.ONE) && inside(domain, R.div(answer.v, R.q(100n)));
    throw new ValueProblem(slip ? 'value/percent-slip' : 'value/out-of-range');
  }
  if (answer.state === 'frac' && !R.isZero(answer.d) && !inside(domain, R.div(answer.n, answer.d))) throw new ValueProblem('value/out-of-range');
  return answer;
}

/** Reads one answer per spec sections 4, 5 and 7 and the documented decisions. */
function readAnswer(leaf: NonNullable<RefTreeNode['leaf']>, raw: unknown, P: Q): Answer {
  if (typeof raw === 'string' && raw.trim().toLowerCase() === 'n/a') {
    if (!leaf.allowNA) throw new ValueProblem('value/na-not-allowed');
    return { state: 'na' };
  }
  const rule = leaf.rule;
  switch (rule.kind) {
    case 'boolean':
      if (typeof raw !== 'boolean') throw new ValueProblem('value/shape');
      return { state: 'bool', v: raw };
    case 'ratio':
      return fraction(raw, rule.allowOver);
    case 'linear':
      return bounded(leaf.domain, { state: 'num', v: num(raw) });
    case 'bands':
      if (isRecord(raw)) return bounded(leaf.domain, fraction(raw, false));
      return bounded(leaf.domain, { state: 'num', v: num(raw) });
    case 'count': {
      const v = nonNeg(raw);
      if (!R.isInteger(v)) throw new ValueProblem('value/not-whole');
      return bounded(leaf.domain, { state: 'num', v });
    }
    case 'choice': {
      if (typeof raw !== 'string') throw new ValueProblem('value/shape');
      const id = raw.trim().normalize('NFC'); // section 10: option ids compared trimmed and in NFC
      if (!rule.options.has(id)) throw new ValueProblem('value/unknown-option');
      return { state: 'id', id };
    }
    case 'checklist': {
      const ids = new Set<string>();
      if (Array.isArray(raw)) {
        for (const typed of raw) {
          if (typeof typed !== 'string') throw new ValueProblem('value/shape');
          const entry = typed.trim().normalize('NFC');
          if (!rule.items.has(entry)) throw new ValueProblem('value/unknown-item');
          if (ids.has(entry)) throw new ValueProblem('value/duplicate-item');
          ids.add(entry);
        }
      } else if (isRecord(raw)) {
        const keys = new Set<string>();
        for (const [typed, flag] of Object.entries(raw)) {
          const key = typed.trim().normalize('NFC');
          if (!rule.items.has(key)) throw new ValueProblem('value/unknown-item');
          if (keys.has(key)) throw new ValueProblem('value/duplicate-item');
          keys.add(key);
          if (typeof flag !== 'boolean') throw new ValueProblem('value/shape');
          if (flag) ids.add(key);
        }
      } else throw new ValueProblem('value/shape');
      return { state: 'ids', ids };
    }
    case 'relative':
      return bounded(leaf.domain, { state: 'num', v: nonNeg(raw) });
    case 'appraised': {
      const v = nonNeg(raw);
      if (R.gt(v, P)) throw new ValueProblem('value/out-of-range');
      return { state: 'num', v };
    }
    case 'info':
      if (raw === null || typeof raw === 'string' || typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw))) return { state: 'info', v: raw };
      throw new ValueProblem('value/shape');
  }
}

// ---------------------------------------------------------------- evaluation

/** Exact points of a rule, or `undefined` for "not applicable" (spec section 4). */
function evaluate(rule: LeafRule, answer: Answer, P: Q, best: Q | undefined): Q | undefined {
  const worth = (a: Award): Q => a.points ?? R.mul(a.fraction ?? R.ZERO, P);
  switch (rule.kind) {
    case 'boolean':
      return answer.state === 'bool' && answer.v ? P : R.ZERO;
    case 'ratio': {
      if (answer.state !== 'frac') throw new Error('reference: ratio answer');
      if (R.isZero(answer.d)) return rule.zeroDenominator === 'not-applicable' ? undefined : rule.zeroDenominator === 'full' ? P : R.ZERO;
      const f = R.div(answer.n, answer.d);
      if (rule.floor !== undefined && R.lt(f, rule.floor)) return R.ZERO;
      return R.mul(P, R.min(R.div(f, rule.target), R.ONE));
    }
    case 'linear': {
      if (answer.state !== 'num') throw new Error('reference: linear answer');
      const t = R.div(R.sub(answer.v, rule.from), R.sub(rule.to, rule.from));
      return R.mul(P, R.max(R.ZERO, R.min(t, R.ONE)));
    }
    case 'bands': {
      let x: Q;
      if (answer.state === 'frac') {
        if (R.isZero(answer.d)) return undefined;
        x = R.div(answer.n, answer.d);
      } else if (answer.state === 'num') x = answer.v;
      else throw new Error('reference: bands answer');
      const band = rule.bands.find((b) => (b.min === undefined || R.le(b.min, x)) && (b.max === undefined || R.le(x, b.max)));
      return band === undefined ? rule.otherwise : worth(band);
    }
    case 'count':
      if (answer.state !== 'num') throw new Error('reference: count answer');
      return R.min(P, R.mul(answer.v, rule.each));
    case 'choice': {
      if (answer.state !== 'id') throw new Error('reference: choice answer');
      const option = rule.options.get(answer.id);
      if (option === undefined) throw new Error('reference: unknown option');
      return worth(option);
    }
    case 'checklist': {
      if (answer.state !== 'ids') throw new Error('reference: checklist answer');
      let s = R.ZERO;
      for (const [id, item] of rule.items) if (answer.ids.has(id)) s = R.add(s, worth(item));
      return R.min(P, s);
    }
    case 'relative': {
      if (answer.state !== 'num') throw new Error('reference: relative answer');
      if (best === undefined || R.isZero(best)) return R.ZERO;
      return R.div(R.mul(P, answer.v), best);
    }
    case 'appraised':
      if (answer.state !== 'num') throw new Error('reference: appraised answer');
      return answer.v;
    case 'info':
      throw new Error('reference: info is never evaluated');
  }
}

/**
 * One value on one leaf, for leaf-by-leaf tests: the exact points (spec
 * section 4), `undefined` points when not applicable, or the code of the
 * problem that rejects the value. `best`: the cohort's best value
 * (`relative`), read like a value.
 */
export function referenceLeaf(rule: NonNullable<CriteriaNode['rule']>, raw: unknown, points: string, best?: unknown): { readonly points: Q | undefined } | { readonly rejected: string } {
  const P = dec(points, 'points');
  const leaf = { rule: compileRule(rule), points: new Map<string, Q>(), allowNA: false, domain: undefined };
  try {
    const answer = readAnswer(leaf, raw, P);
    const bestAnswer = best === undefined ? undefined : readAnswer(leaf, best, P);
    return { points: evaluate(leaf.rule, answer, P, bestAnswer?.state === 'num' ? bestAnswer.v : answer.state === 'num' ? answer.v : undefined) };
  } catch (error) {
    if (error instanceof ValueProblem) return { rejected: error.code };
    throw error;
  }
}

// ---------------------------------------------------------------- scoring

interface UnitIn {
  source: UnitSubmission;
  atom: Atom;
  self: Map<string, Answer>;
  appraised: Map<string, Answer>;
}

interface Figures {
  counted: boolean;
  points: Q;
  max: Q;
  /** The self-assessed points (caps applied), counted or not. */
  self: Q;
  appraisedBelow: boolean;
  status: RefNode['status'];
}

/** The library's documented display: exactly `places` decimals, half-up. */
function fixed(value: Q, places: number): string {
  return R.toFixed(R.roundHalfUp(value, places), places);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** JSON text of a value for messages; never throws (BigInt, cycles). */
function show(raw: unknown): string {
  try {
    return JSON.stringify(raw, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

/**
 * Options for deliberate deviations. `selfTotals` decides what an aggregate's
 * (and the unit's) self-assessed total counts for a leaf that has no appraised
 * value: `'self-run'` (default) scores every such leaf as in a run of
 * self-assessments only (a `relative` leaf against the best *self* value),
 * `'final'` takes the leaf's final points.
 */
export interface ReferenceOptions {
  readonly selfTotals?: 'self-run' | 'final';
}

/** Scores a batch per the spec; `set` must be a valid criteria set. */
export function referenceScore(set: CriteriaSet, submission: Submission, options: ReferenceOptions = {}): RefOutcome {
  const m = model(set);
  const dp = m.dp;
  const rejected: RefRejection[] = [];
  const units: UnitIn[] = [];
  const seen = new Set<string>();

  // Section 10: ids are compared (and reported) trimmed and in NFC.
  const norm = (id: string): string => id.trim().normalize('NFC');
  const normalised = submission.units.map((unit) => ({ ...unit, id: norm(unit.id), ...(typeof unit.parent === 'string' ? { parent: norm(unit.parent) } : {}) }));
  // Section 7 and the documented decisions: check every unit, reject the batch if any is wrong.
  normalised.forEach((source) => {
    const codes: string[] = [];
    const where: string[] = [];
    if (seen.has(source.id)) codes.push('submission/duplicate-unit');
    seen.add(source.id);
    const groups = m.levels.get(source.level);
    let atom: Atom | undefined;
    if (groups === undefined) codes.push('submission/unknown-level');
    else if (groups.length > 0) {
      if (source.group === undefined || source.group === null) codes.push('submission/group-required');
      else if (!groups.includes(source.group)) codes.push('submission/unknown-group');
      else atom = `${source.level}/${source.group}`;
    } else if (source.group !== undefined && source.group !== null) codes.push('submission/group-not-allowed');
    else atom = source.level;
    if (atom === undefined) {
      rejected.push({ unit: source.id, codes, where });
      return;
    }
    const read = (record: Readonly<Record<string, unknown>>, name: string): Map<string, Answer> => {
      const out = new Map<string, Answer>();
      for (const [code, raw] of Object.entries(record)) {
        if (raw === undefined) continue; // JSON has no undefined: as if absent
        const node = m.nodes.get(code);
        if (node === undefined) { codes.push('submission/unknown-leaf'); continue; }
        if (node.leaf === undefined) { codes.push('submission/not-a-leaf'); continue; }
        if (!node.scope.has(atom)) { codes.push('submission/leaf-not-applicable'); continue; }
        try {
          out.set(code, readAnswer(node.leaf, raw, node.leaf.points.get(source.level) ?? R.ZERO));
        } catch (error) {
          if (!(error instanceof ValueProblem)) throw error;
          codes.push(error.code);
          where.push(`${name}.${code}: ${error.code} (${show(raw)})`);
        }
      }
      return out;
    };
    const self = read(source.values, 'values');
    const appraised = source.appraised === undefined ? new Map<string, Answer>() : read(source.appraised, 'appraised');
    if (m.missing === 'error') {
      for (const [code, node] of m.leaves) {
        if (node.leaf?.rule.kind === 'info' || !node.scope.has(atom)) continue;
        if (!hasOwn(source.values, code) && !(source.appraised !== undefined && hasOwn(source.appraised, code))) {
          codes.push('submission/missing-values');
          break;
        }
      }
    }
    if (codes.length > 0) rejected.push({ unit: source.id, codes, where });
    else units.push({ source, atom, self, appraised });
  });
  if (rejected.length > 0) return { ok: false, rejected };

  // relative: best per leaf and cohort, over final values and over self-assessed values.
  const cohortKey = (node: RefTreeNode, unit: UnitIn): string => {
    const rule = node.leaf?.rule;
    // Documented: cohort "group" on a level without groups is the level (the atom is the level then).
    return rule?.kind === 'relative' && rule.cohort === 'group' ? unit.atom : unit.source.level;
  };
  const bestFinal = new Map<string, Q>();
  const bestSelf = new Map<string, Q>();
  for (const [code, node] of m.leaves) {
    if (node.leaf?.rule.kind !== 'relative') continue;
    for (const unit of units) {
      const key = `${code}\u0000${cohortKey(node, unit)}`;
      const fin = unit.appraised.get(code) ?? unit.self.get(code);
      if (fin?.state === 'num') {
        const cur = bestFinal.get(key);
        if (cur === undefined || R.gt(fin.v, cur)) bestFinal.set(key, fin.v);
      }
      const own = unit.self.get(code);
      if (own?.state === 'num') {
        const cur = bestSelf.get(key);
        if (cur === undefined || R.gt(own.v, cur)) bestSelf.set(key, own.v);
      }
    }
  }

  const scoreUnit = (unit: UnitIn): Omit<RefUnit, 'rank' | 'rankInParent'> & { key: Q | undefined; pts: Q; idx: Q | undefined } => {
    const level = unit.source.level;
    const out: Record<string, RefNode> = {};

    /** Points of an answer, rounded once; `undefined` when it does not count. */
    const leafPoints = (node: RefTreeNode, answer: Answer | undefined, best: Map<string, Q>): { status: RefNode['status']; points: Q | undefined } => {
      const leaf = node.leaf!;
      const P = leaf.points.get(level) ?? R.ZERO;
      if (answer === undefined) return { status: 'missing', points: m.missing === 'exclude' ? undefined : R.ZERO };
      if (answer.state === 'na') return { status: 'not-applicable', points: undefined };
      const exact = evaluate(leaf.rule, answer, P, best.get(`${node.code}\u0000${cohortKey(node, unit)}`));
      if (exact === undefined) return { status: 'not-applicable', points: undefined };
      return { status: 'scored', points: R.roundHalfUp(exact, dp) };
    };

    const visit = (node: RefTreeNode): Figures | undefined => {
      if (!node.scope.has(unit.atom)) return undefined;
      if (node.leaf) {
        const P = node.leaf.points.get(level) ?? R.ZERO;
        const appraisedAnswer = unit.appraised.get(node.code);
        const selfAnswer = unit.self.get(node.code);
        if (node.leaf.rule.kind === 'info') {
          const answer = appraisedAnswer ?? selfAnswer;
          out[node.code] = { points: null, maxPoints: null, status: 'info', value: answer?.state === 'info' ? answer.v : null };
          return { counted: false, points: R.ZERO, max: R.ZERO, self: R.ZERO, appraisedBelow: false, status: 'info' };
        }
        const fin = leafPoints(node, appraisedAnswer ?? selfAnswer, bestFinal);
        const counted = fin.points !== undefined;
        const result: RefNode = {
          points: counted ? fixed(fin.points!, dp) : null,
          maxPoints: counted ? fixed(P, dp) : null,
          status: fin.status,
        };
        let self: Q;
        if (appraisedAnswer !== undefined) {
          const own = leafPoints(node, selfAnswer, bestSelf);
          result.selfPoints = own.points === undefined ? null : fixed(own.points, dp);
          self = own.points ?? R.ZERO;
        } else if (options.selfTotals === 'final') {
          self = fin.points ?? R.ZERO;
        } else {
          self = leafPoints(node, selfAnswer, bestSelf).points ?? R.ZERO;
        }
        out[node.code] = result;
        return { counted, points: fin.points ?? R.ZERO, max: counted ? P : R.ZERO, self, appraisedBelow: appraisedAnswer !== undefined, status: fin.status };
      }
      const slot: RefNode = { points: null, maxPoints: null, status: 'not-applicable' };
      out[node.code] = slot; // pre-order: the aggregate before its descendants
      const kids = node.children.map(visit).filter((f): f is Figures => f !== undefined);
      const counted = kids.filter((f) => f.counted);
      let points = R.sum(counted.map((f) => f.points));
      let max = R.sum(counted.map((f) => f.max));
      let self = R.sum(kids.map((f) => f.self));
      const cap = node.cap.get(level);
      if (cap !== undefined) {
        points = R.min(points, cap);
        max = R.min(max, cap);
        self = R.min(self, cap);
      }
      const appraisedBelow = kids.some((f) => f.appraisedBelow);
      // Documented: scored when a child counts; info when every child is info; else not-applicable.
      const status: RefNode['status'] = counted.length > 0 ? 'scored' : kids.length > 0 && kids.every((f) => f.status === 'info') ? 'info' : 'not-applicable';
      slot.points = fixed(points, dp);
      slot.maxPoints = fixed(max, dp);
      slot.index = R.isZero(max) ? null : fixed(R.div(points, max), m.idp);
      slot.status = status;
      if (appraisedBelow) slot.selfPoints = fixed(self, dp);
      return { counted: counted.length > 0, points, max, self, appraisedBelow, status };
    };

    const tops = m.roots.map(visit).filter((f): f is Figures => f !== undefined);
    const counted = tops.filter((f) => f.counted);
    const pts = R.sum(counted.map((f) => f.points));
    const max = R.sum(counted.map((f) => f.max));
    const self = R.sum(tops.map((f) => f.self));
    const idx = R.isZero(max) ? undefined : R.roundHalfUp(R.div(pts, max), m.idp);
    const rating = idx === undefined ? null : (m.ratings.find((r) => R.le(r.min, idx))?.id ?? null);
    const shownPoints = R.roundHalfUp(pts, dp);
    const result: Omit<RefUnit, 'rank' | 'rankInParent'> & { key: Q | undefined; pts: Q; idx: Q | undefined } = {
      unit: unit.source.id,
      level,
      group: unit.source.group ?? null,
      parent: unit.source.parent ?? null,
      points: fixed(pts, dp),
      maxPoints: fixed(max, dp),
      index: idx === undefined ? null : R.toFixed(idx, m.idp),
      rating,
      nodes: out,
      // Documented: ranks use the rounded index, or the rounded points; null index, null rank.
      key: idx === undefined ? undefined : m.by === 'index' ? idx : shownPoints,
      pts,
      idx,
    };
    if (tops.some((f) => f.appraisedBelow)) {
      result.selfPoints = fixed(self, dp);
      result.difference = fixed(R.sub(pts, self), dp);
    }
    return result;
  };

  const scored = units.map(scoreUnit);

  /** Rank of `i` among `members` (positions), highest key first, per the tie rule. */
  const rankAmong = (i: number, members: number[]): number | null => {
    const key = scored[i]!.key;
    if (key === undefined) return null;
    const higher = members.map((j) => scored[j]!.key).filter((k): k is Q => k !== undefined && R.gt(k, key));
    if (m.ties === 'competition') return higher.length + 1;
    const distinct = new Set(higher.map((k) => `${k.n}/${k.d}`));
    return distinct.size + 1;
  };
  const positions = scored.map((_, i) => i);
  const results: RefUnit[] = scored.map((entry, i) => {
    const unit = units[i]!;
    const cohort = positions.filter((j) => {
      const other = units[j]!;
      return m.cohort === 'level+group' ? other.atom === unit.atom : other.source.level === unit.source.level;
    });
    const parent = unit.source.parent ?? null;
    const siblings = parent === null ? [] : positions.filter((j) => units[j]!.source.level === unit.source.level && (units[j]!.source.parent ?? null) === parent);
    const { key: _key, pts: _pts, idx: _idx, ...rest } = entry;
    const ordered: RefUnit = {
      unit: rest.unit,
      level: rest.level,
      group: rest.group,
      parent: rest.parent,
      points: rest.points,
      maxPoints: rest.maxPoints,
      index: rest.index,
      rating: rest.rating,
      rank: rankAmong(i, cohort),
      rankInParent: parent === null ? null : rankAmong(i, siblings),
      ...(rest.selfPoints !== undefined ? { selfPoints: rest.selfPoints } : {}),
      ...(rest.difference !== undefined ? { difference: rest.difference } : {}),
      nodes: rest.nodes,
    };
    return ordered;
  });
  return { ok: true, results };
}
