/**
 * Evidence and appraisal as properties (spec §12), on the Cần Thơ 2022 set
 * with evidence required on every third leaf: under `flag` evidence never
 * changes a figure; under `zero` a unit's points never rise when its evidence
 * is removed; an appraised value stands whatever the policy and the evidence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, safeParseScoreReport, scoreBatch, type CriteriaNode, type CriteriaSet, type EvidenceEntry, type UnitResult, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { batchFor, leavesOf, valueFor } from './support/arbitraries.js';

const runs = Number(process.env.FC_RUNS ?? 30);
/** Each property scores a few batches per run: room for a loaded machine. */
const TIMEOUT = 60_000;
const base = getCriteria('can-tho@2022.1.0');

/** The set with `evidenceRequired` on every third leaf (relative and appraised leaves among them) and the policy given. */
function withEvidence(policy: 'flag' | 'zero'): CriteriaSet {
  let i = 0;
  const mark = (nodes: readonly CriteriaNode[]): CriteriaNode[] =>
    nodes.map((node) => (node.children ? { ...node, children: mark(node.children) } : i++ % 3 === 0 ? { ...node, evidenceRequired: true } : node));
  return { ...base, status: 'draft', evidencePolicy: policy, nodes: mark(base.nodes) };
}
const flagSet = withEvidence('flag');
const zeroSet = withEvidence('zero');
const leaves = leavesOf(flagSet);
const relative = new Set(leaves.filter((leaf) => leaf.node.rule?.kind === 'relative').map((leaf) => leaf.node.code));
const atomOf = (unit: UnitSubmission): string => (unit.group ? `${unit.level}/${unit.group}` : unit.level);

/** Entries that count (a complete document in the period), and ones that do not (late, incomplete), and flagged ones that count. */
const entry: fc.Arbitrary<EvidenceEntry> = fc.constantFrom<EvidenceEntry>(
  { kind: 'document', number: '12/KH-UBND', date: '2022-03-01' },
  { kind: 'link', url: 'https://cantho.gov.vn/ke-hoach' },
  { kind: 'file', sha256: 'a'.repeat(64) },
  { kind: 'document', title: 'Báo cáo', number: 'số 7' },
  { kind: 'document', number: '15/QĐ-UBND', date: '2023-02-01' },
  { kind: 'link' },
  { kind: 'file', title: 'x.pdf' },
);

/** A batch whose units give evidence (and, with `appraise`, appraisals with reasons) for random leaves of theirs. */
function batchWithEvidence(appraise: boolean): fc.Arbitrary<UnitSubmission[]> {
  return batchFor(flagSet, 6).chain((units) =>
    fc.tuple(
      ...units.map((unit) => {
        const own = leaves.filter((leaf) => leaf.atoms.has(atomOf(unit)));
        const evidence = fc.tuple(...own.map((leaf) => fc.option(fc.array(entry, { maxLength: 2 }).map((list) => [leaf.node.code, list] as const), { freq: 2 })));
        const appraisal = fc.tuple(
          ...own.map((leaf) =>
            appraise && leaf.node.rule!.kind !== 'info'
              ? fc.option(valueFor(leaf.node, unit.level).map((value) => [leaf.node.code, { value, reason: 'value-recomputed' }] as const), { freq: 3 })
              : fc.constant(null),
          ),
        );
        return fc.tuple(evidence, appraisal).map(([proofs, appraisals]) => {
          const given = appraisals.filter((pair) => pair !== null);
          return {
            ...unit,
            evidence: Object.fromEntries(proofs.filter((pair) => pair !== null)),
            ...(given.length > 0 ? { appraisal: Object.fromEntries(given) } : {}),
          };
        });
      }),
    ),
  );
}

/** A result's figures, without what evidence adds besides them. */
function figures(result: UnitResult): unknown {
  const { evidence: _evidence, ...rest } = result;
  return rest;
}

const withoutEvidence = (units: readonly UnitSubmission[]): UnitSubmission[] => units.map(({ evidence: _evidence, ...unit }) => unit);

describe('evidence and appraisal (fast-check)', () => {
  it('under flag, evidence never changes a figure, status, rating or rank; it only adds the list of what lacks it', () => {
    fc.assert(
      fc.property(batchWithEvidence(true), (units) => {
        const withIt = scoreBatch(flagSet, { period: '2022', units }, { explain: false });
        const without = scoreBatch(flagSet, { period: '2022', units: withoutEvidence(units) }, { explain: false });
        expect(withIt.results.map(figures)).toEqual(without.results.map(figures));
        for (const result of withIt.results) expect(result.evidence).toBeDefined();
      }),
      { numRuns: runs },
    );
  }, TIMEOUT);

  it('under zero, removing a unit\'s evidence never raises its points, at any node', () => {
    let lowered = 0;
    fc.assert(
      fc.property(batchWithEvidence(true), fc.nat(), (units, pick) => {
        const k = pick % units.length;
        const stripped = units.map((unit, i) => (i === k ? { ...unit, evidence: {} } : unit));
        const before = scoreBatch(zeroSet, { period: '2022', units }, { explain: false }).results[k]!;
        const after = scoreBatch(zeroSet, { period: '2022', units: stripped }, { explain: false }).results[k]!;
        expect(new Dec(after.points).lte(before.points)).toBe(true);
        if (new Dec(after.points).lt(before.points)) lowered += 1;
        expect(after.maxPoints).toBe(before.maxPoints);
        for (const [code, node] of Object.entries(after.nodes)) {
          if (node.points !== null) expect(new Dec(node.points).lte(before.nodes[code]!.points!), code).toBe(true);
          expect(node.status, code).toBe(before.nodes[code]!.status);
        }
        // Under zero a leaf scores at most what it scores under flag (a relative leaf aside: under zero an
        // unsupported value is no one's best, so another unit's relative points can be higher).
        const flagged = scoreBatch(flagSet, { period: '2022', units: stripped }, { explain: false }).results[k]!;
        for (const [code, node] of Object.entries(after.nodes)) {
          if (node.points === null || node.index !== undefined || relative.has(code)) continue;
          expect(new Dec(node.points).lte(flagged.nodes[code]!.points!), code).toBe(true);
        }
      }),
      { numRuns: runs },
    );
    expect(lowered).toBeGreaterThan(0); // the property is not vacuous
  }, TIMEOUT);

  it('an appraised value stands whatever the policy and the evidence (relative leaves aside: their best depends on the others)', () => {
    let appraised = 0;
    fc.assert(
      fc.property(batchWithEvidence(true), (units) => {
        const runs = [
          scoreBatch(flagSet, { period: '2022', units }, { explain: false }),
          scoreBatch(zeroSet, { period: '2022', units }, { explain: false }),
          scoreBatch(zeroSet, { period: '2022', units: withoutEvidence(units) }, { explain: false }),
        ];
        units.forEach((unit, position) => {
          for (const code of Object.keys(unit.appraisal ?? {})) {
            if (leaves.find((leaf) => leaf.node.code === code)?.node.rule?.kind === 'relative') continue;
            appraised += 1;
            const points = runs.map((report) => report.results[position]!.nodes[code]!.points);
            expect(points[1], code).toBe(points[0]);
            expect(points[2], code).toBe(points[0]);
            expect(runs[1]!.results[position]!.nodes[code]!.appraisal).toEqual({ reason: 'value-recomputed' });
          }
        });
      }),
      { numRuns: runs },
    );
    expect(appraised).toBeGreaterThan(0);
  }, TIMEOUT);

  it('every results file the scorer writes reads back against its set, under both policies', () => {
    fc.assert(
      fc.property(batchWithEvidence(true), (units) => {
        for (const set of [flagSet, zeroSet]) {
          const report = JSON.parse(JSON.stringify(scoreBatch(set, { period: '2022', units }, { withAppraisers: true }))) as unknown;
          const checked = safeParseScoreReport(report, set);
          expect(checked.ok ? [] : checked.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([]);
        }
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  }, TIMEOUT);
});
