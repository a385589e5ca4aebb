/**
 * The fuzz checks, shared by test/fuzz.test.ts and scripts/fuzz.ts.
 */
import {
  DtiError,
  ISSUE_CODES,
  safeParseSubmission,
  scoreBatch,
  safeScoreBatch,
  safeParseCriteria,
  type CriteriaSet,
  type Issue,
  type ScoreReport,
  type Submission,
} from '../../src/index.js';
import { shuffleKeys, POLLUTION_SENTINEL, type Case, type Garbage, type Rnd } from './arbitraries.js';
import { firstDifference, projectLibrary, rejectionCodes } from './compare.js';
import { referenceScore, type ReferenceOptions } from './reference-scorer.js';

const KNOWN_CODES = new Set<string>(ISSUE_CODES);

/** Why a list of issues is not acceptable, or `undefined` when every issue is coded. */
export function badIssues(issues: readonly Issue[] | undefined): string | undefined {
  if (!Array.isArray(issues) || issues.length === 0) return 'a failure without issues';
  for (const issue of issues) {
    if (!KNOWN_CODES.has(issue.code)) return `unknown code ${JSON.stringify(issue.code)} at ${issue.path}`;
    if (typeof issue.path !== 'string' || issue.path === '') return `issue ${issue.code} without a path`;
    if (typeof issue.message?.vi !== 'string' || issue.message.vi === '' || typeof issue.message.en !== 'string' || issue.message.en === '') return `issue ${issue.code} without a message`;
  }
  return undefined;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return `non-Error thrown: ${String(error)}`;
}

/** Outcome of one check. */
export type Verdict =
  /** Library and reference agree (`codes`: the rejection codes when both rejected). */
  | { readonly kind: 'agree'; readonly scored: boolean; readonly codes: readonly string[] }
  /** Library and reference disagree, or a valid set failed to validate, or an invariant broke. */
  | { readonly kind: 'disagree'; readonly detail: string }
  /** An uncoded exception (or a coded one where none may be thrown). */
  | { readonly kind: 'uncoded'; readonly detail: string };

/** Results that must hold whatever the reading of the spec: 0 <= points <= maxPoints, index in [0, 1]. */
export function invariantProblem(report: ScoreReport): string | undefined {
  for (const unit of report.results) {
    const check = (where: string, points: string | null, max: string | null, index: string | null | undefined): string | undefined => {
      if (points !== null && max !== null) {
        if (Number(points) < 0) return `${where}: points ${points} < 0`;
        if (compareDecimalText(points, max) > 0) return `${where}: points ${points} > maxPoints ${max}`;
      }
      if (index !== null && index !== undefined && (compareDecimalText(index, '1') > 0 || index.startsWith('-'))) return `${where}: index ${index} outside [0, 1]`;
      return undefined;
    };
    const top = check(`${unit.unit}`, unit.points, unit.maxPoints, unit.index);
    if (top) return top;
    for (const [code, node] of Object.entries(unit.nodes)) {
      const problem = check(`${unit.unit}.${code}`, node.points, node.maxPoints, node.index);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Compares two non-negative plain decimal texts exactly. */
function compareDecimalText(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, '0'));
  const y = BigInt(bi + bf.padEnd(width, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Options of {@link checkCase}. */
export interface CaseOptions {
  /** Also score a copy with every object's keys shuffled and require byte-identical output. */
  readonly shuffle?: Rnd;
  readonly reference?: ReferenceOptions;
}

/** Statistics a case reports besides its verdict. */
export interface CaseExtras {
  /** An invariant that broke (a finding, reported apart from disagreements). */
  invariant?: string;
}

/**
 * A generated valid (set, submission): the set validates, the library agrees
 * with the reference, inputs are not mutated, and (optionally) shuffled keys
 * give byte-identical output.
 */
export function checkCase(c: Case, options: CaseOptions = {}, extras: CaseExtras = {}): Verdict {
  const { set } = c.generated;
  const before = JSON.stringify([set, c.submission]);
  let validated;
  try {
    validated = safeParseCriteria(set);
  } catch (error) {
    return { kind: 'uncoded', detail: `safeParseCriteria threw on a valid set: ${describeError(error)}` };
  }
  if (!validated.ok) {
    return { kind: 'disagree', detail: `a valid generated set was rejected: ${validated.issues.slice(0, 5).map((i) => `${i.path} [${i.code}] ${i.message.en}`).join('; ')}` };
  }
  let lib: ReturnType<typeof safeScoreBatch>;
  try {
    lib = safeScoreBatch(set, c.submission);
  } catch (error) {
    return { kind: 'uncoded', detail: `safeScoreBatch threw on a valid case: ${describeError(error)}` };
  }
  if (JSON.stringify([set, c.submission]) !== before) return { kind: 'disagree', detail: 'the library mutated its input' };
  const ref = referenceScore(set, c.submission, options.reference);
  const libProjected = projectLibrary(lib);
  if (lib.ok !== ref.ok) {
    const libSide = lib.ok ? 'scored' : `rejected ${lib.issues.slice(0, 3).map((i) => `${i.path} [${i.code}]`).join('; ')}`;
    const refSide = ref.ok ? 'scored' : `rejected ${JSON.stringify(ref.rejected.slice(0, 3))}`;
    return { kind: 'disagree', detail: `acceptance: library ${libSide}; reference ${refSide}` };
  }
  if (!lib.ok) {
    const bad = badIssues(lib.issues);
    if (bad) return { kind: 'uncoded', detail: bad };
    const libCodes = rejectionCodes(libProjected);
    const refCodes = rejectionCodes(ref);
    if (libCodes.join() !== refCodes.join()) return { kind: 'disagree', detail: `rejection codes: library [${libCodes.join(', ')}] ≠ reference [${refCodes.join(', ')}]` };
    return { kind: 'agree', scored: false, codes: libCodes };
  }
  const diff = firstDifference(libProjected.ok ? libProjected.results : [], ref.ok ? ref.results : [], 'results');
  if (diff !== undefined) return { kind: 'disagree', detail: diff };
  const invariant = invariantProblem(lib.value);
  if (invariant !== undefined) extras.invariant = invariant;
  if (options.shuffle) {
    const shuffledSet = shuffleKeys(options.shuffle, set);
    const shuffledSubmission = shuffleKeys(options.shuffle, c.submission);
    let again: ReturnType<typeof safeScoreBatch>;
    try {
      const valid = safeParseCriteria(shuffledSet);
      if (!valid.ok) return { kind: 'disagree', detail: `the set with shuffled keys was rejected: ${valid.issues[0]?.code}` };
      again = safeScoreBatch(shuffledSet, shuffledSubmission);
    } catch (error) {
      return { kind: 'uncoded', detail: `scoring with shuffled keys threw: ${describeError(error)}` };
    }
    const a = JSON.stringify(lib.value);
    const b = JSON.stringify(again.ok ? again.value : again);
    if (a !== b) {
      const d = firstDifference(again.ok ? again.value : again, lib.value, 'report');
      return { kind: 'disagree', detail: `output changed when keys were shuffled: ${d ?? 'byte difference'}` };
    }
  }
  return { kind: 'agree', scored: true, codes: [] };
}

// ---------------------------------------------------------------- garbage

/** Tally of one garbage case. */
export interface GarbageTally {
  /** Codes of the rejections seen (each function call's first code). */
  readonly codes: string[];
  /** `safeScoreBatch` threw a `DtiError` because the criteria set passed to it is invalid. */
  invalidSetThrows: number;
  /** Mutated inputs the library accepted (or rejected): how the reference saw them, by category. */
  readonly soft: { readonly category: string; readonly detail: string }[];
}

/** `true` when the prototype-pollution sentinel is visible anywhere. */
export function polluted(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    probe[POLLUTION_SENTINEL] !== undefined ||
    Object.prototype.hasOwnProperty.call(Object.prototype, POLLUTION_SENTINEL) ||
    Object.prototype.hasOwnProperty.call(Array.prototype, POLLUTION_SENTINEL) ||
    Object.prototype.hasOwnProperty.call(Function.prototype, POLLUTION_SENTINEL)
  );
}

/** Removes the sentinel (after a detected pollution, so later cases start clean). */
export function cleanPollution(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype] as Record<string, unknown>[]) delete proto[POLLUTION_SENTINEL];
}

type Call<T> = { ok: true; value: T } | { ok: false; issues: readonly Issue[] };

/**
 * Garbage never causes an uncoded exception: the non-throwing entry points
 * return a result (issues coded), `scoreBatch` throws only `DtiError`, and
 * `Object.prototype` stays clean. Returns a failure description or `undefined`.
 */
export function checkGarbage(g: Garbage, tally: GarbageTally, options: { reference?: ReferenceOptions } = {}): Verdict {
  const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).join();
  const failures: string[] = [];
  const call = <T>(name: string, fn: () => Call<T>): Call<T> | undefined => {
    try {
      const result = fn();
      if (result === null || typeof result !== 'object' || typeof result.ok !== 'boolean') {
        failures.push(`${name} returned ${String(result)}`);
        return undefined;
      }
      if (!result.ok) {
        const bad = badIssues(result.issues);
        if (bad) failures.push(`${name}: ${bad}`);
        else tally.codes.push(result.issues[0]!.code);
      }
      return result;
    } catch (error) {
      failures.push(`${name} threw: ${describeError(error)}`);
      return undefined;
    }
  };
  const batch = (set: CriteriaSet, input: unknown): void => {
    try {
      scoreBatch(set, input);
    } catch (error) {
      if (!(error instanceof DtiError)) failures.push(`scoreBatch threw a non-DtiError: ${describeError(error)}`);
      else {
        const bad = badIssues(error.issues);
        if (bad) failures.push(`scoreBatch DtiError: ${bad}`);
      }
    }
  };

  const validSet = g.generated.set;
  switch (g.kind) {
    case 'json':
    case 'anything':
    case 'proto-json':
      call('safeParseCriteria', () => safeParseCriteria(g.value));
      call('safeParseSubmission', () => safeParseSubmission(g.value));
      call('safeScoreBatch', () => safeScoreBatch(validSet, g.value));
      batch(validSet, g.value);
      break;
    case 'mutated-criteria': {
      const valid = call('safeParseCriteria', () => safeParseCriteria(g.value));
      const set = g.value as CriteriaSet;
      if (valid?.ok) {
        const lib = call('safeScoreBatch', () => safeScoreBatch(set, g.submission));
        batch(set, g.submission);
        if (lib) softCompare(set, g.submission, lib, tally, failures, options.reference);
      } else if (valid) {
        // The set is invalid: safeScoreBatch returns its coded issues (it never throws for bad input).
        try {
          const result = safeScoreBatch(set, g.submission);
          if (result.ok) failures.push('safeScoreBatch scored with an invalid criteria set');
          else if (badIssues(result.issues) === undefined) tally.invalidSetThrows += 1;
          else failures.push(`safeScoreBatch with an invalid set: ${badIssues(result.issues)}`);
        } catch (error) {
          failures.push(`safeScoreBatch with an invalid set threw: ${describeError(error)}`);
        }
        batch(set, g.submission);
      }
      break;
    }
    case 'mutated-submission': {
      call('safeParseSubmission', () => safeParseSubmission(g.value));
      const lib = call('safeScoreBatch', () => safeScoreBatch(validSet, g.value));
      batch(validSet, g.value);
      if (lib) softCompare(validSet, g.value, lib, tally, failures, options.reference);
      break;
    }
  }
  if (polluted()) {
    cleanPollution();
    failures.push(`Object.prototype was polluted (${POLLUTION_SENTINEL} appeared)`);
  }
  if (Object.getOwnPropertyNames(Object.prototype).join() !== protoKeysBefore) failures.push('Object.prototype gained or lost properties');
  if (failures.length > 0) return { kind: 'uncoded', detail: failures.join('\n') };
  return { kind: 'agree', scored: false, codes: [] };
}

/**
 * Where the library accepted a mutated input, the reference scores it too:
 * both accepting with different figures is a disagreement (a hard failure);
 * a different acceptance is recorded in `tally.soft` only (mutations can hit
 * corners the documented decisions do not settle, such as `" n/a "` with spaces).
 */
function softCompare(set: CriteriaSet, submission: unknown, lib: Call<ScoreReport>, tally: GarbageTally, failures: string[], reference?: ReferenceOptions): void {
  // The reference checks values, not the JSON shape: compare only where the library found the shape right.
  if (!lib.ok && lib.issues.some((i) => i.code.startsWith('schema/') || i.code.startsWith('input/'))) return;
  let ref;
  try {
    ref = referenceScore(set, submission as Submission, reference);
  } catch (error) {
    tally.soft.push({ category: 'reference could not model the input', detail: String(error) });
    return;
  }
  if (lib.ok !== ref.ok) {
    if (lib.ok) tally.soft.push({ category: 'library accepted, reference rejected', detail: JSON.stringify(ref.ok ? [] : ref.rejected) });
    else tally.soft.push({ category: `library rejected (${lib.issues[0]?.code}), reference accepted`, detail: lib.issues.slice(0, 3).map((i) => `${i.path} [${i.code}] ${i.message.en}`).join('; ') });
    return;
  }
  if (!lib.ok || !ref.ok) return;
  const diff = firstDifference(projectLibrary(lib), ref, 'outcome');
  if (diff !== undefined) failures.push(`library and reference disagree on a mutated input the library accepted: ${diff}`);
}
