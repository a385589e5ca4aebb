// The worked examples of the format reference: each is scored by the library when the reference is
// generated, so its points, statuses, ranks and explanation texts are the library's own.
import { readExact } from '../../src/exact/read-exact.js';
import type { CriteriaSet } from '../../src/compile/types.js';
import { safeParseCriteria } from '../../src/compile/parse-criteria.js';
import { explainUnit } from '../../src/scoring/explain.js';
import { safeScoreBatch, type ScoreOptions } from '../../src/scoring/score-batch.js';
import type { ScoreReport } from '../../src/scoring/result-types.js';
import { RULE_KINDS } from '../../src/rules/registry.js';
import type { Issue } from '../../src/errors.js';
import type { Both } from './schema-tables.js';

/** A set around `nodes` with one level, `commune`, and what else is given. */
export function wrapperSet(nodes: readonly unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 1,
    id: 'vi-du',
    version: '2026.1.0',
    status: 'draft',
    title: { vi: 'Ví dụ', en: 'Example' },
    basis: [],
    effective: { from: '2026-01-01', to: null },
    levels: [{ id: 'commune', name: { vi: 'UBND xã, phường', en: 'Commune and ward People\'s Committees' } }],
    ...extra,
    nodes,
  };
}

/** The set, checked: a reference example that is not a valid set stops the generator. */
export function checkedSet(input: unknown, what: string): CriteriaSet {
  const read = safeParseCriteria(input);
  if (!read.ok) throw new Error(`${what}: not a valid criteria set: ${read.issues.map((i) => `${i.path}: ${i.message.en} [${i.code}]`).join('; ')}`);
  return read.value;
}

/** Scores `submission` with `set`, every unit explained; a refusal stops the generator. */
export function scored(set: CriteriaSet, submission: unknown, what: string, options: ScoreOptions = {}): ScoreReport {
  const report = safeScoreBatch(set, submission, options);
  if (!report.ok) throw new Error(`${what}: refused: ${report.issues.map((i) => `${i.path}: ${i.message.en} [${i.code}]`).join('; ')}`);
  return { ...report.value, results: report.value.results.map((result) => explainUnit(result)) };
}

/** The issues a refused submission gets; a submission that is scored stops the generator. */
export function refused(set: CriteriaSet, submission: unknown, what: string): readonly Issue[] {
  const report = safeScoreBatch(set, submission);
  if (report.ok) throw new Error(`${what}: expected a refusal, but it was scored`);
  return report.issues;
}

/** One leaf of a rule kind, the values units give it in one scoring run, and values it refuses. */
export interface KindCase {
  /** The leaf as written in a criteria file; its points are for the level `commune`. */
  readonly leaf: Record<string, unknown>;
  /** What each unit gives, scored together (unit ids `xa-1`, `xa-2`, …). */
  readonly values: readonly unknown[];
  /** Values refused, each scored alone. */
  readonly refused?: readonly unknown[];
}

/** A row of a worked example: what a unit gave and what the library made of it. */
export interface WorkedRow {
  readonly unit: string;
  readonly value: unknown;
  readonly points: string | null;
  readonly maxPoints: string | null;
  readonly status: string;
  readonly explanation: Both;
}

/** A refused value and the first issue it gets. */
export interface RefusedRow {
  readonly value: unknown;
  readonly issue: Issue;
}

/** A rule kind's example run by the library: its rule in words, each value's points and words, each refusal. */
export interface WorkedKind {
  readonly leaf: Record<string, unknown>;
  readonly describe: Both;
  readonly rows: readonly WorkedRow[];
  readonly refused: readonly RefusedRow[];
}

/** Runs a {@link KindCase}. */
export function workKind(example: KindCase, what: string): WorkedKind {
  const set = checkedSet(wrapperSet([example.leaf]), what);
  const code = example.leaf.code as string;
  const units = example.values.map((value, i) => ({ id: `xa-${i + 1}`, level: 'commune', values: { [code]: value } }));
  const report = scored(set, { period: '2026', units }, what);
  const rows = report.results.map((result, i): WorkedRow => {
    const node = result.nodes[code]!;
    const explanation = node.explanation!;
    return { unit: result.unit, value: example.values[i], points: node.points, maxPoints: node.maxPoints, status: node.status, explanation: { vi: explanation.vi, en: explanation.en ?? explanation.vi } };
  });
  const refusedRows = (example.refused ?? []).map((value): RefusedRow => ({
    value,
    issue: refused(set, { period: '2026', units: [{ id: 'xa-1', level: 'commune', values: { [code]: value } }] }, `${what}, ${JSON.stringify(value)}`)[0]!,
  }));
  const rule = example.leaf.rule as { kind: string };
  const kind = RULE_KINDS[rule.kind as keyof typeof RULE_KINDS];
  const points = example.leaf.points === undefined ? '0' : String(example.leaf.points);
  const words = kind.describe(kind.compile(rule as never), readExact(points)!);
  return { leaf: example.leaf, describe: { vi: words.vi, en: words.en ?? words.vi }, rows, refused: refusedRows };
}
