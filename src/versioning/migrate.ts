import { toFixed } from '../decimal.js';
import { DtiError, makeIssue, type Issue } from '../errors.js';
import { atomOf, type Atom, type CompiledCriteria, type CompiledNode } from '../compile/compiled.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { AppraisalEntry, Submission, UnitSubmission } from '../format/submission-schema.js';
import type { EvidenceEntry } from '../format/evidence-entry.js';
import type { CriteriaSet } from '../compile/types.js';
import type { Rule } from '../rules/registry.js';
import { prepareUnits } from '../scoring/values.js';
import { matchNodes, sameRule, samePoints, type NodePair } from './match-nodes.js';

/** A value moved from a code of the source set to a code of the target set (equal unless renamed). */
export interface CodeMove {
  readonly from: string;
  readonly to: string;
}

/** A carried value whose leaf scores differently in the target set (kind, any rule field, or `allowNA`). */
export interface MigrationRuleChange {
  /** The leaf's code in the target set. */
  readonly code: string;
  readonly from: Rule;
  readonly to: Rule;
  /** `allowNA` before and after (a change here alone also counts as a rule change). */
  readonly allowNA: { readonly from: boolean; readonly to: boolean };
}

/** A leaf worth different points at the unit's level in the two sets (informational). */
export interface MigrationPointsChange {
  /** The leaf's code in the target set. */
  readonly code: string;
  /** Points in the source set, with its `rounding.points` decimals. */
  readonly from: string;
  /** Points in the target set, with its `rounding.points` decimals. */
  readonly to: string;
}

/**
 * Why a value was not carried:
 * - `removed`: the leaf has no counterpart (same code or alias) in the target set;
 * - `not-applicable-in-target`: it has one, but it no longer applies to the unit's level/group;
 * - `unknown-in-source`: the code is not a leaf of the source set (the input was not valid for it).
 */
export type DropReason = 'removed' | 'not-applicable-in-target' | 'unknown-in-source';

/** A value (self-assessed and/or appraised) left behind, with the source code and the reason. */
export interface DroppedValue {
  readonly code: string;
  readonly reason: DropReason;
}

/** What happened to one unit that was carried to the target set. */
export interface UnitMigration {
  readonly unit: string;
  readonly level: string;
  readonly group: string | null;
  /** Every value carried (with its appraisal and evidence), source code to target code, in input order (values first, then codes only appraised or with evidence only). */
  readonly carried: readonly CodeMove[];
  /** The carried values whose code changed (the target leaf lists the source code in its `aliases`). */
  readonly renamed: readonly CodeMove[];
  /** The carried values whose leaf scores differently now: kept, but to be checked. */
  readonly ruleChanged: readonly MigrationRuleChange[];
  /** Leaves applying to the unit in both sets whose points at its level changed (value or not). */
  readonly pointsChanged: readonly MigrationPointsChange[];
  /** Values not carried, each with its reason. */
  readonly dropped: readonly DroppedValue[];
  /** Scored leaves of the target set that apply to the unit and have no carried value (target codes, tree order). */
  readonly missing: readonly string[];
  /** Leaves that apply to the unit in the target set but did not in the source set (target codes). */
  readonly newlyApplicable: readonly string[];
  /** Problems the target set finds in the migrated unit (e.g. `"n/a"` no longer allowed, an appraised value above new points). */
  readonly issues: readonly Issue[];
}

/** Why a whole unit was not carried. */
export type UnitDropReason = 'level-removed' | 'group-removed' | 'group-required';

/** A unit left behind: its level or group does not exist in the target set. */
export interface DroppedUnit {
  readonly unit: string;
  readonly level: string;
  readonly group: string | null;
  readonly reason: UnitDropReason;
  /** Every code the unit gave a value for (self-assessed or appraised), none of them carried. */
  readonly codes: readonly string[];
}

/** Counts over a whole migration. */
export interface MigrationSummary {
  readonly from: string;
  readonly to: string;
  readonly units: number;
  readonly unitsCarried: number;
  readonly unitsDropped: number;
  readonly carried: number;
  readonly renamed: number;
  readonly ruleChanged: number;
  readonly pointsChanged: number;
  readonly dropped: number;
  readonly missing: number;
  readonly newlyApplicable: number;
  readonly issues: number;
}

/** The migrated submission and the account of every value. */
export interface MigrationResult {
  /** The units carried, with `criteria` set to the target `id@version` and `period` kept. */
  readonly submission: Submission;
  readonly units: readonly UnitMigration[];
  readonly droppedUnits: readonly DroppedUnit[];
  readonly summary: MigrationSummary;
}

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The unit's atom in a set, or `undefined` when its level/group does not exist there. */
function atomIn(criteria: CompiledCriteria, level: string, group: string | null): Atom | { readonly drop: UnitDropReason } {
  const groups = criteria.levels.get(level);
  if (!groups) return { drop: 'level-removed' };
  if (groups.size === 0) return group === null ? level : { drop: 'group-removed' };
  if (group === null) return { drop: 'group-required' };
  return groups.has(group) ? atomOf(level, group) : { drop: 'group-removed' };
}

/** Codes given by a unit, values first, then codes only appraised (`appraised`, `appraisal`) or with evidence only. */
function inputCodes(unit: UnitSubmission): string[] {
  const codes = Object.keys(unit.values ?? {});
  const seen = new Set(codes);
  for (const record of [unit.appraised, unit.appraisal, unit.evidence]) {
    for (const code of Object.keys(record ?? {})) {
      if (seen.has(code)) continue;
      seen.add(code);
      codes.push(code);
    }
  }
  return codes;
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/**
 * Carries a submission written for one version of a set (`from`) to another
 * (`to`), leaf by leaf, and accounts for every value. Pure: never mutates its
 * inputs; returns plain data (values are copied).
 *
 * Per unit: a value (self-assessed or appraised, with its `appraisal` and
 * `evidence`) whose leaf exists in `to`
 * under the same code or through `aliases` is carried under the target code
 * (`carried`, and `renamed` when the code changed); if the leaf scores
 * differently now it is kept and listed in `ruleChanged`; a leaf that no longer
 * exists, or no longer applies to the unit, is `dropped` with its reason.
 * Scored target leaves applying to the unit with no value are `missing`. A unit
 * whose level or group does not exist in `to` (a district after 2025) goes to
 * `droppedUnits`. Every input (unit, code) ends up in exactly one of `carried`,
 * `dropped` or `droppedUnits`. The migrated units are then checked against `to`
 * and what it rejects is listed in each unit's `issues`.
 *
 * Throws {@link DtiError} when either set is invalid, or
 * (`submission/criteria-mismatch`) when the submission names a set other than `from`.
 *
 * @example
 * ```ts
 * import { migrateSubmission } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const result = migrateSubmission(
 *   { criteria: 'can-tho@2022.1.0', period: '2022', units: [
 *     { id: 'ninh-kieu', level: 'district', values: { 'KTS.1.4': { numerator: 900, denominator: 1000 }, 'CQS.3.2': true } } ] },
 *   getCriteria('can-tho@2022.1.0'),
 *   getCriteria('can-tho@2023.1.0'),
 * );
 * console.log(result.submission.criteria); // can-tho@2023.1.0
 * console.log(result.units[0]?.renamed); // [{"from":"KTS.1.4","to":"KTS.3.5"}]
 * console.log(result.units[0]?.dropped); // [{"code":"CQS.3.2","reason":"removed"}]
 * console.log(Object.keys(result.submission.units[0]?.values ?? {})); // ["KTS.3.5"]
 * ```
 */
export function migrateSubmission(submission: Submission, from: CriteriaSet, to: CriteriaSet): MigrationResult {
  const fromRef = `${from.id}@${from.version}`;
  const toRef = `${to.id}@${to.version}`;
  if (submission.criteria !== undefined && submission.criteria !== fromRef && submission.criteria !== from.id) {
    throw new DtiError([makeIssue('submission/criteria-mismatch', 'criteria', { given: submission.criteria, used: fromRef })]);
  }
  const a = compileCriteria(from);
  const b = compileCriteria(to);
  const pairs = matchNodes(from, to);
  const byA = new Map<string, NodePair>();
  for (const pair of pairs) if (pair.a) byA.set(pair.a.code, pair);
  const leafPairs = pairs.filter((p): p is NodePair & { a: CompiledNode; b: CompiledNode } => p.a?.leaf !== undefined && p.b?.leaf !== undefined);

  const units: UnitMigration[] = [];
  const droppedUnits: DroppedUnit[] = [];
  const migrated: UnitSubmission[] = [];

  for (const unit of submission.units) {
    const group = unit.group ?? null;
    const codes = inputCodes(unit);
    const atomB = atomIn(b, unit.level, group);
    if (typeof atomB !== 'string') {
      droppedUnits.push({ unit: unit.id, level: unit.level, group, reason: atomB.drop, codes });
      continue;
    }
    const atomAOrDrop = atomIn(a, unit.level, group);
    const atomA = typeof atomAOrDrop === 'string' ? atomAOrDrop : undefined;
    const values: Record<string, unknown> = {};
    const appraised: Record<string, unknown> = {};
    const appraisal: Record<string, AppraisalEntry> = {};
    const evidence: Record<string, readonly EvidenceEntry[]> = {};
    const carried: CodeMove[] = [];
    const renamed: CodeMove[] = [];
    const ruleChanged: MigrationRuleChange[] = [];
    const dropped: DroppedValue[] = [];
    for (const code of codes) {
      const source = a.byCode.get(code);
      if (!source?.leaf) {
        dropped.push({ code, reason: 'unknown-in-source' });
        continue;
      }
      const target = byA.get(code)?.b;
      if (!target?.leaf) {
        dropped.push({ code, reason: 'removed' });
        continue;
      }
      if (!target.scope.has(atomB)) {
        dropped.push({ code, reason: 'not-applicable-in-target' });
        continue;
      }
      if (hasOwn(unit.values ?? {}, code)) values[target.code] = clone(unit.values[code]);
      if (unit.appraised && hasOwn(unit.appraised, code)) appraised[target.code] = clone(unit.appraised[code]);
      if (unit.appraisal && hasOwn(unit.appraisal, code)) appraisal[target.code] = clone(unit.appraisal[code]!);
      if (unit.evidence && hasOwn(unit.evidence, code)) evidence[target.code] = clone(unit.evidence[code]!);
      carried.push({ from: code, to: target.code });
      if (target.code !== code) renamed.push({ from: code, to: target.code });
      if (!sameRule(source, target)) {
        ruleChanged.push({
          code: target.code,
          from: clone(source.node.rule as Rule),
          to: clone(target.node.rule as Rule),
          allowNA: { from: source.leaf.allowNA, to: target.leaf.allowNA },
        });
      }
    }
    const pointsChanged: MigrationPointsChange[] = [];
    const newlyApplicable: string[] = [];
    for (const pair of leafPairs) {
      if (!pair.b.scope.has(atomB)) continue;
      if (atomA === undefined) continue;
      if (!pair.a.scope.has(atomA)) {
        newlyApplicable.push(pair.b.code);
        continue;
      }
      const pa = pair.a.leaf?.points.get(unit.level);
      const pb = pair.b.leaf?.points.get(unit.level);
      if (pa !== undefined && pb !== undefined && !samePoints(pair.a, pair.b, unit.level)) {
        pointsChanged.push({ code: pair.b.code, from: toFixed(pa, a.rounding.points), to: toFixed(pb, b.rounding.points) });
      }
    }
    const given = new Set(carried.map((move) => move.to));
    const missing = b.leaves.filter((leaf) => leaf.leaf?.rule.scored && leaf.scope.has(atomB) && !given.has(leaf.code)).map((leaf) => leaf.code);

    const { values: _values, appraised: _appraised, appraisal: _appraisal, evidence: _evidence, ...rest } = unit;
    migrated.push({
      ...rest,
      values,
      ...(unit.appraised !== undefined ? { appraised } : {}),
      ...(unit.appraisal !== undefined ? { appraisal } : {}),
      ...(unit.evidence !== undefined ? { evidence } : {}),
    });
    units.push({ unit: unit.id, level: unit.level, group, carried, renamed, ruleChanged, pointsChanged, dropped, missing, newlyApplicable, issues: [] });
  }

  const { issuesByUnit } = prepareUnits(b, migrated);
  const checked = units.map((entry, position) => ({ ...entry, issues: issuesByUnit[position] ?? [] }));
  const { criteria: _criteria, units: _units, ...head } = submission;
  const out: Submission = { ...head, criteria: toRef, units: migrated };
  const count = (pick: (u: UnitMigration) => readonly unknown[]): number => checked.reduce((n, u) => n + pick(u).length, 0);
  return {
    submission: out,
    units: checked,
    droppedUnits,
    summary: {
      from: fromRef,
      to: toRef,
      units: submission.units.length,
      unitsCarried: checked.length,
      unitsDropped: droppedUnits.length,
      carried: count((u) => u.carried),
      renamed: count((u) => u.renamed),
      ruleChanged: count((u) => u.ruleChanged),
      pointsChanged: count((u) => u.pointsChanged),
      dropped: count((u) => u.dropped),
      missing: count((u) => u.missing),
      newlyApplicable: count((u) => u.newlyApplicable),
      issues: count((u) => u.issues),
    },
  };
}

const listOr = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));

/**
 * Renders a {@link MigrationResult} as Markdown for the people who check the
 * migrated data: the counts, one row per carried unit (renamed, rule changed,
 * points changed, dropped and missing codes, problems) and the units left behind.
 *
 * @example
 * ```ts
 * import { migrateSubmission, migrationToMarkdown } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const result = migrateSubmission(
 *   { units: [{ id: 'ninh-kieu', level: 'district', values: { 'KTS.1.4': true } }, { id: 'cai-khe', level: 'commune', values: {} }] },
 *   getCriteria('can-tho@2022.1.0'),
 *   getCriteria('can-tho@2025.1.0'),
 * );
 * const md = migrationToMarkdown(result, 'en');
 * console.log(md.split('\n').find((line) => line.startsWith('- ninh-kieu'))); // - ninh-kieu (district): level removed; 1 value(s) not carried
 * ```
 */
export function migrationToMarkdown(result: MigrationResult, lang: 'vi' | 'en' = 'vi'): string {
  const en = lang === 'en';
  const s = result.summary;
  const reasons: Readonly<Record<UnitDropReason, readonly [string, string]>> = {
    'level-removed': ['cấp không còn trong bộ mới', 'level removed'],
    'group-removed': ['nhóm không còn trong bộ mới', 'group removed'],
    'group-required': ['cấp nay chia nhóm, cần khai báo nhóm', 'level now has groups; a group is required'],
  };
  const dropWord = (reason: DropReason): string =>
    reason === 'removed' ? (en ? 'removed' : 'bị bỏ') : reason === 'not-applicable-in-target' ? (en ? 'no longer applies' : 'không còn áp dụng') : en ? 'unknown code' : 'mã không có trong bộ cũ';
  const head = en
    ? ['Unit', 'Carried', 'Renamed', 'Rule changed', 'Points changed', 'Dropped', 'Missing', 'Problems']
    : ['Đơn vị', 'Chuyển', 'Đổi mã', 'Đổi quy tắc', 'Đổi điểm', 'Bỏ', 'Thiếu', 'Lỗi'];
  const lines: string[] = [
    en ? `## Migration ${s.from} → ${s.to}` : `## Chuyển dữ liệu ${s.from} → ${s.to}`,
    '',
    en
      ? `${s.unitsCarried} of ${s.units} unit(s) carried, ${s.unitsDropped} left behind; ${s.carried} value(s) carried (${s.renamed} renamed, ${s.ruleChanged} under a changed rule), ${s.dropped} dropped, ${s.missing} missing, ${s.issues} problem(s).`
      : `Chuyển ${s.unitsCarried}/${s.units} đơn vị, ${s.unitsDropped} đơn vị không chuyển; chuyển ${s.carried} giá trị (${s.renamed} đổi mã, ${s.ruleChanged} có quy tắc mới), bỏ ${s.dropped}, thiếu ${s.missing}, ${s.issues} lỗi.`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
  ];
  for (const u of result.units) {
    const row = [
      `${u.unit} (${u.level}${u.group ? `/${u.group}` : ''})`,
      String(u.carried.length),
      listOr(u.renamed.map((m) => `${m.from} → ${m.to}`)),
      listOr(u.ruleChanged.map((r) => r.code)),
      listOr(u.pointsChanged.map((p) => `${p.code} ${p.from} → ${p.to}`)),
      listOr(u.dropped.map((d) => `${d.code} (${dropWord(d.reason)})`)),
      listOr(u.missing),
      listOr(u.issues.map((i) => `${i.path}: ${i.code}`)),
    ];
    lines.push(`| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  if (result.droppedUnits.length > 0) {
    lines.push('', en ? 'Units not carried:' : 'Đơn vị không chuyển:', '');
    for (const d of result.droppedUnits) {
      const [vi, eng] = reasons[d.reason];
      const where = `${d.level}${d.group ? `/${d.group}` : ''}`;
      lines.push(en ? `- ${d.unit} (${where}): ${eng}; ${d.codes.length} value(s) not carried` : `- ${d.unit} (${where}): ${vi}; ${d.codes.length} giá trị không chuyển`);
    }
  }
  return `${lines.join('\n')}\n`;
}
