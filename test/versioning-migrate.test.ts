import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DtiError, parseCriteria, scoreBatch, safeScoreBatch, type CriteriaSet, type Submission, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { migrateSubmission, migrationToMarkdown, type MigrationResult } from '../src/versioning/migrate.js';

const c2022 = getCriteria('can-tho@2022.1.0');
const c2023 = getCriteria('can-tho@2023.1.0');
const c2025 = getCriteria('can-tho@2025.1.0');
const example = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8')) as Submission;
const runs = Number(process.env.FC_RUNS ?? 40);

const fixture = (name: string): CriteriaSet => parseCriteria(JSON.parse(readFileSync(`test/fixtures/versioning/${name}.json`, 'utf8')));
const mini2022 = fixture('mini-2022.1.0');
const mini2023 = fixture('mini-2023.1.0');

const unitOf = (result: MigrationResult, id: string) => {
  const entry = result.units.find((u) => u.unit === id);
  if (!entry) throw new Error(`unit ${id} not carried`);
  return entry;
};
const migratedUnit = (result: MigrationResult, id: string): UnitSubmission => {
  const unit = result.submission.units.find((u) => u.id === id);
  if (!unit) throw new Error(`unit ${id} not in the migrated submission`);
  return unit;
};
const inputUnit = (id: string): UnitSubmission => example.units.find((u) => u.id === id)!;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every (unit, code) of the input appears in exactly one of carried / dropped / droppedUnits. */
function expectNothingVanishes(input: Submission, result: MigrationResult): void {
  const seen = new Map<string, string[]>();
  const mark = (unit: string, code: string, where: string): void => {
    const key = `${unit}\u0000${code}`;
    seen.set(key, [...(seen.get(key) ?? []), where]);
  };
  for (const u of result.units) {
    for (const move of u.carried) mark(u.unit, move.from, 'carried');
    for (const drop of u.dropped) mark(u.unit, drop.code, 'dropped');
  }
  for (const d of result.droppedUnits) for (const code of d.codes) mark(d.unit, code, 'droppedUnits');
  let expected = 0;
  for (const unit of input.units) {
    const codes = new Set([...Object.keys(unit.values), ...Object.keys(unit.appraised ?? {})]);
    for (const code of codes) {
      expected++;
      expect(seen.get(`${unit.id}\u0000${code}`), `${unit.id} ${code}`).toHaveLength(1);
    }
  }
  expect(seen.size).toBe(expected);
  // Units: each input unit is either carried or dropped, never both.
  const carriedIds = result.units.map((u) => u.unit);
  const droppedIds = result.droppedUnits.map((u) => u.unit);
  expect([...carriedIds, ...droppedIds].sort()).toEqual(input.units.map((u) => u.id).sort());
  expect(result.submission.units.map((u) => u.id)).toEqual(carriedIds);
  // What was carried is exactly what the migrated units hold, under the target codes.
  result.units.forEach((entry, position) => {
    const unit = result.submission.units[position]!;
    const held = new Set([...Object.keys(unit.values), ...Object.keys(unit.appraised ?? {})]);
    expect([...held].sort()).toEqual(entry.carried.map((m) => m.to).sort());
  });
}

describe('migrateSubmission: 2022.1.0 → 2023.1.0', () => {
  const input = deepFreeze(structuredClone(example));
  const before = JSON.stringify(input);
  const result = migrateSubmission(input, c2022, c2023);

  it('never mutates its input, returns plain data and names the target set', () => {
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.submission.criteria).toBe('can-tho@2023.1.0');
    expect(result.submission.period).toBe('2022');
    expect(result.droppedUnits).toEqual([]);
    expect(result.summary).toMatchObject({ from: 'can-tho@2022.1.0', to: 'can-tho@2023.1.0', units: 47, unitsCarried: 47, unitsDropped: 0, issues: 0 });
  });

  it('the migrated batch scores against can-tho@2023.1.0', () => {
    const outcome = safeScoreBatch(c2023, result.submission);
    expect(outcome.ok).toBe(true);
    expect(result.units.every((u) => u.issues.length === 0)).toBe(true);
  });

  it('a district: KTS.1.4 → KTS.3.5 renamed with its value, CQS.3.2 removed, CQS.3.7 missing, CQS.7.2 rule changed, no points changed', () => {
    const entry = unitOf(result, 'ninh-kieu');
    const unit = migratedUnit(result, 'ninh-kieu');
    expect(entry.renamed).toEqual([{ from: 'KTS.1.4', to: 'KTS.3.5' }]);
    expect(entry.carried).toContainEqual({ from: 'KTS.1.4', to: 'KTS.3.5' });
    expect(unit.values['KTS.3.5']).toEqual(inputUnit('ninh-kieu').values['KTS.1.4']);
    expect(unit.values).not.toHaveProperty('KTS.1.4');
    expect(entry.dropped).toEqual([{ code: 'CQS.3.2', reason: 'removed' }]);
    expect(unit.values).not.toHaveProperty('CQS.3.2');
    expect(entry.missing).toEqual(['CQS.3.7']);
    expect(entry.ruleChanged.map((r) => r.code)).toEqual(['CQS.7.2']);
    const change = entry.ruleChanged[0]!;
    expect(change.from).toMatchObject({ kind: 'ratio', target: '0.5' });
    expect(change.to).toMatchObject({ kind: 'ratio', target: '0.6' });
    expect(change.allowNA).toEqual({ from: false, to: false });
    expect(unit.values['CQS.7.2']).toEqual(inputUnit('ninh-kieu').values['CQS.7.2']);
    expect(entry.pointsChanged).toEqual([]);
    // The appraised values are carried too.
    expect(unit.appraised).toEqual(inputUnit('ninh-kieu').appraised);
  });

  it('a commune: XHS.1.1 and XHS.2.2 points changed (informational), values kept', () => {
    const entry = unitOf(result, 'phuong-an-binh');
    expect(entry.pointsChanged).toEqual([
      { code: 'XHS.1.1', from: '70.00', to: '80.00' },
      { code: 'XHS.2.2', from: '30.00', to: '20.00' },
    ]);
    expect(entry.renamed).toEqual([]);
    expect(entry.dropped).toEqual([{ code: 'CQS.3.2', reason: 'removed' }]);
    expect(entry.missing).toEqual(['CQS.3.7']);
    expect(migratedUnit(result, 'phuong-an-binh').values['XHS.2.2']).toEqual(inputUnit('phuong-an-binh').values['XHS.2.2']);
  });

  it('the renamed leaf scores the same in 2023 as its predecessor did in 2022', () => {
    const r2022 = scoreBatch(c2022, example).results.find((r) => r.unit === 'ninh-kieu')!;
    const r2023 = scoreBatch(c2023, result.submission).results.find((r) => r.unit === 'ninh-kieu')!;
    expect(r2023.nodes['KTS.3.5']?.points).toBe(r2022.nodes['KTS.1.4']?.points);
    expect(r2023.nodes['KTS.3.5']?.points).not.toBeUndefined();
  });

  it('every input value is accounted for', () => {
    expectNothingVanishes(input, result);
  });
});

describe('migrateSubmission: 2022.1.0 → 2025.1.0 (two-tier local government)', () => {
  const result = migrateSubmission(example, c2022, c2025);
  const districts = example.units.filter((u) => u.level === 'district');
  const groupC = example.units.filter((u) => u.level === 'department' && u.group === 'C');

  it('districts and group C departments are dropped as whole units, with every code they gave', () => {
    expect(districts.length).toBeGreaterThan(0);
    expect(groupC.length).toBeGreaterThan(0);
    for (const unit of districts) {
      const dropped = result.droppedUnits.find((d) => d.unit === unit.id);
      expect(dropped).toMatchObject({ level: 'district', group: null, reason: 'level-removed' });
      expect([...dropped!.codes].sort()).toEqual([...new Set([...Object.keys(unit.values), ...Object.keys(unit.appraised ?? {})])].sort());
    }
    for (const unit of groupC) {
      expect(result.droppedUnits.find((d) => d.unit === unit.id)).toMatchObject({ level: 'department', group: 'C', reason: 'group-removed' });
    }
    expect(result.droppedUnits).toHaveLength(districts.length + groupC.length);
    expect(result.submission.units.some((u) => u.level === 'district' || u.group === 'C')).toBe(false);
  });

  it('communes are carried with their dropped and missing lists', () => {
    const communes = example.units.filter((u) => u.level === 'commune');
    expect(result.units.filter((u) => u.level === 'commune')).toHaveLength(communes.length);
    const entry = unitOf(result, 'phuong-an-binh');
    expect(entry.dropped).toContainEqual({ code: 'XHS.2.2', reason: 'removed' });
    expect(entry.dropped).toContainEqual({ code: 'CQS.3.2', reason: 'removed' });
    expect(entry.dropped).toContainEqual({ code: 'XHS.1.2', reason: 'not-applicable-in-target' });
    expect(entry.dropped).toContainEqual({ code: 'KTS.3.1', reason: 'not-applicable-in-target' });
    expect(entry.dropped).toContainEqual({ code: 'CQS.8.1', reason: 'removed' });
    expect(entry.missing).toEqual(['CQS.3.8', 'CQS.5.5', 'CQS.6.6', 'CQS.7.6', 'KTS.3.7', 'XHS.1.5']);
    expect(entry.ruleChanged.map((r) => r.code)).toEqual(['CQS.2.3', 'CQS.6.2', 'CQS.7.2']);
    expect(entry.pointsChanged).toEqual([
      { code: 'XHS.1.1', from: '70.00', to: '80.00' },
      { code: 'XHS.3.4', from: '35.00', to: '50.00' },
    ]);
    // 21 "=" leaves + 2 points-changed + 3 rule-changed leaves (reference 5.6) are carried for a commune with every value.
    expect(entry.carried).toHaveLength(26);
  });

  it('department group A: KTS.3.2 no longer applies, new department leaves are missing', () => {
    const entry = unitOf(result, 'so-tttt');
    expect(entry.dropped).toContainEqual({ code: 'KTS.3.2', reason: 'not-applicable-in-target' });
    expect(entry.dropped).toContainEqual({ code: 'XHS.2.4', reason: 'not-applicable-in-target' });
    expect(entry.missing).toEqual(['CQS.3.8', 'CQS.5.5', 'CQS.6.6', 'CQS.7.6', 'KTS.3.6', 'XHS.2.5']);
  });

  it('the migrated batch scores against can-tho@2025.1.0, and nothing vanishes', () => {
    expect(safeScoreBatch(c2025, result.submission).ok).toBe(true);
    expectNothingVanishes(example, result);
  });

  it('property: over random subsets of the example units, every (unit, code) lands in exactly one place', () => {
    fc.assert(
      fc.property(fc.subarray([...example.units]), fc.constantFrom(c2023, c2025), (units, target) => {
        const input: Submission = { ...example, units };
        const snapshot = JSON.stringify(input);
        const migrated = migrateSubmission(input, c2022, target);
        expect(JSON.stringify(input)).toBe(snapshot);
        expectNothingVanishes(input, migrated);
        expect(migrated.summary.units).toBe(units.length);
        expect(safeScoreBatch(target, migrated.submission).ok).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

describe('migrateSubmission: edge cases on a small pair of sets', () => {
  const submission: Submission = {
    criteria: 'mini@2022.1.0',
    period: '2022',
    units: [
      { id: 'dep-a', level: 'department', group: 'A', values: { 'X.1': true, 'X.3': 'n/a', 'X.4': 3, 'X.5': true, 'Z.9': 1 }, appraised: { 'X.5': false } },
      { id: 'dep-b', level: 'department', group: 'B', values: { 'X.1': false } },
      { id: 'dist', level: 'district', values: { 'X.1': true } },
      { id: 'xa', name: 'Xã', level: 'commune', parent: 'dist', values: { 'X.1': true, 'X.2': { numerator: 1, denominator: 2 } }, appraised: { 'X.3': 'full' } },
    ],
  };
  const result = migrateSubmission(submission, mini2022, mini2023);

  it('units whose level or group is gone are listed with the reason', () => {
    expect(result.droppedUnits).toEqual([
      { unit: 'dep-b', level: 'department', group: 'B', reason: 'group-removed', codes: ['X.1'] },
      { unit: 'dist', level: 'district', group: null, reason: 'level-removed', codes: ['X.1'] },
    ]);
  });

  it('renames, removals, unknown codes, applicability and allowNA changes', () => {
    const entry = unitOf(result, 'dep-a');
    expect(entry.carried).toEqual([
      { from: 'X.1', to: 'X.1' },
      { from: 'X.3', to: 'X.3' },
      { from: 'X.5', to: 'X.9' },
    ]);
    expect(entry.renamed).toEqual([{ from: 'X.5', to: 'X.9' }]);
    expect(entry.dropped).toEqual([
      { code: 'X.4', reason: 'removed' },
      { code: 'Z.9', reason: 'unknown-in-source' },
    ]);
    expect(entry.ruleChanged).toHaveLength(1);
    expect(entry.ruleChanged[0]).toMatchObject({ code: 'X.3', allowNA: { from: true, to: false } });
    expect(entry.newlyApplicable).toEqual(['X.2']);
    expect(entry.missing).toEqual(['X.2', 'Y.1']);
    // "n/a" is kept, flagged, and the target set's objection is reported.
    expect(migratedUnit(result, 'dep-a')).toEqual({ id: 'dep-a', level: 'department', group: 'A', values: { 'X.1': true, 'X.3': 'n/a', 'X.9': true }, appraised: { 'X.9': false } });
    expect(entry.issues.map((i) => [i.code, i.path])).toEqual([['value/na-not-allowed', 'units[0].values["X.3"]']]);
    expect(result.summary.issues).toBe(1);
  });

  it('a commune: points changed, appraised-only values carried, info leaves never missing, other fields kept', () => {
    const entry = unitOf(result, 'xa');
    expect(entry.pointsChanged).toEqual([{ code: 'X.1', from: '10.00', to: '15.00' }]);
    expect(entry.carried).toEqual([
      { from: 'X.1', to: 'X.1' },
      { from: 'X.2', to: 'X.2' },
      { from: 'X.3', to: 'X.3' },
    ]);
    expect(entry.missing).toEqual(['X.6']);
    expect(entry.newlyApplicable).toEqual([]);
    // allowNA was dropped from X.3: the appraised value is kept and flagged, and it is still valid.
    expect(entry.ruleChanged.map((r) => r.code)).toEqual(['X.3']);
    expect(entry.issues).toEqual([]);
    expect(migratedUnit(result, 'xa')).toEqual({ id: 'xa', name: 'Xã', level: 'commune', parent: 'dist', values: { 'X.1': true, 'X.2': { numerator: 1, denominator: 2 } }, appraised: { 'X.3': 'full' } });
    expectNothingVanishes(submission, result);
  });

  it('a group that a level gains is required', () => {
    const r = migrateSubmission({ units: [{ id: 'x', level: 'department', values: {} }] }, mini2023, mini2023);
    expect(r.droppedUnits).toEqual([{ unit: 'x', level: 'department', group: null, reason: 'group-required', codes: [] }]);
  });

  it('rejects a submission written for another set', () => {
    try {
      migrateSubmission(example, c2023, c2025);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DtiError);
      expect((error as DtiError).issues[0]?.code).toBe('submission/criteria-mismatch');
    }
  });

  it('migrating to the same version carries everything unchanged', () => {
    const same = migrateSubmission(example, c2022, c2022);
    expect(same.submission.units).toEqual(example.units);
    expect(same.summary).toMatchObject({ renamed: 0, ruleChanged: 0, pointsChanged: 0, dropped: 0, unitsDropped: 0, issues: 0 });
  });

  it('renders a Markdown account of the migration', () => {
    const en = migrationToMarkdown(result, 'en');
    expect(en).toContain('## Migration mini@2022.1.0 → mini@2023.1.0');
    expect(en).toContain('| dep-a (department/A) | 3 | X.5 → X.9 | X.3 | — | X.4 (removed), Z.9 (unknown code) | X.2, Y.1 | units[0].values["X.3"]: value/na-not-allowed |');
    expect(en).toContain('| xa (commune) | 3 | — | X.3 | X.1 10.00 → 15.00 | — | X.6 | — |');
    expect(en).toContain('- dep-b (department/B): group removed; 1 value(s) not carried');
    expect(en).toContain('- dist (district): level removed; 1 value(s) not carried');
    expect(migrationToMarkdown(result, 'vi')).toContain('- dist (district): cấp không còn trong bộ mới; 1 giá trị không chuyển');
  });
});
