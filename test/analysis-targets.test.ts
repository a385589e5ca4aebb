// What-if, gap and path to a rating (src/analysis/): properties checked against the scorer itself
// (whatIf is scoring the changed batch) and against the independent BigInt reference scorer of the
// fuzz tests (a path said to reach a rating reaches it there too), on random criteria sets; the gap's
// points checked with rationals; a rule kind of one's own with and without an inverse.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeGapToRating, safePathsToRating, safePathToRating, safeWhatIf } from '../src/analysis/index.js';
import { Exact, idKey, safeParseCriteria, safeScoreBatch, scoreBatch, withRuleKinds, type AnyRuleKind, type CriteriaSet, type RuleKind, type Submission, type UnitResult, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { caseArb, SeededRnd, valueFor } from './fuzz/arbitraries.js';
import * as R from './fuzz/rational.js';
import { referenceScore } from './fuzz/reference-scorer.js';
import { ONE, starsRule, ZERO, type StarsRule } from './support/stars-rule.js';

const runs = Number(process.env.FC_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const Q = (text: string): R.Q => R.readDecimal(text)!;

/** The batch with the unit's values changed. */
function changed(batch: Submission, unit: string, changes: Readonly<Record<string, unknown>>): Submission {
  return { ...batch, units: batch.units.map((u) => (idKey(u.id) === unit ? { ...u, values: { ...u.values, ...changes } } : u)) };
}

const standing = (r: { points: string; maxPoints: string; index: string | null; rating: string | null; rank: number | null; rankInParent?: number | null }): unknown => ({
  points: r.points,
  maxPoints: r.maxPoints,
  index: r.index,
  rating: r.rating,
  rank: r.rank,
  ...(r.rankInParent !== undefined ? { rankInParent: r.rankInParent } : {}),
});

describe('whatIf is the batch scored again with the changes (fuzz sets)', () => {
  it('the unit\'s result and every other unit\'s standing are those of scoreBatch on the changed batch', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, pick, seed) => {
        const set = c.generated.set;
        const before = safeScoreBatch(set, c.submission);
        fc.pre(before.ok && before.value.results.length > 0);
        if (!before.ok) return;
        const result = before.value.results[pick % before.value.results.length]!;
        // New values for some of the unit's leaves, drawn as the fuzz draws values.
        const r = new SeededRnd(seed);
        const atom = result.group === null ? result.level : `${result.level}/${result.group}`;
        const leaves = c.generated.leaves.filter((leaf) => leaf.scope.has(atom) && leaf.node.rule?.kind !== 'info');
        const changes: Record<string, unknown> = {};
        for (const leaf of leaves) if (r.bool(0.3)) changes[leaf.code] = valueFor(r, leaf, result.level);
        const after = safeScoreBatch(set, changed(c.submission, result.unit, changes), { explain: false });
        const mine = safeWhatIf(set, c.submission, changes, { unit: result.unit });
        // The same values are refused by both.
        expect(mine.ok).toBe(after.ok);
        if (!mine.ok || !after.ok) return;
        const theirs = after.value.results.find((u) => u.unit === result.unit)!;
        expect(standing(mine.value.after)).toEqual(standing(theirs));
        expect(JSON.parse(JSON.stringify(mine.value.result.nodes))).toEqual(JSON.parse(JSON.stringify(theirs.nodes)));
        expect(standing(mine.value.before)).toEqual(standing(result));
        const moved = after.value.results
          .filter((u, i) => u.unit !== result.unit && JSON.stringify(standing(u)) !== JSON.stringify(standing(before.value.results[i]!)))
          .map((u) => u.unit);
        expect(mine.value.others.map((o) => o.unit)).toEqual(moved);
        // Each change's moved nodes are nodes that moved, and each moved node names the changes below it.
        for (const effect of mine.value.changes) for (const code of effect.moved) expect(mine.value.nodes.map((n) => n.code)).toContain(code);
      }),
      { numRuns: runs, seed: SEED },
    );
  }, 120_000);
});

describe('pathToRating, checked by the reference scorer (fuzz sets)', () => {
  it('a reached path reaches the rating there, an unreachable one ends where it says, an appraised leaf is never changed', () => {
    let states = new Set<string>();
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), (c, pickUnit, pickRating) => {
        const set = c.generated.set;
        const scored = safeScoreBatch(set, c.submission);
        fc.pre(scored.ok && scored.value.results.length > 0 && (set.ratings?.length ?? 0) > 0);
        if (!scored.ok) return;
        const result = scored.value.results[pickUnit % scored.value.results.length]!;
        const band = set.ratings![pickRating % set.ratings!.length]!;
        const path = safePathToRating(set, c.submission, band.id, { unit: result.unit });
        if (!path.ok) throw new Error(JSON.stringify(path.issues.map((i) => [i.code, i.path])));
        states.add(path.value.state);
        const source = c.submission.units.find((u) => idKey(u.id) === result.unit)!;
        const appraised = new Set([...Object.keys(source.appraised ?? {}), ...Object.keys(source.appraisal ?? {})].map(idKey));
        for (const change of path.value.changes) expect(appraised.has(change.code), `${change.code} is appraised`).toBe(false);
        for (const code of appraised) if (leafApplies(set, result, code)) expect(path.value.held).toContainEqual({ code, reason: 'appraised' });
        const min = R.readDecimal(band.min)!;
        const reference = referenceScore(set, changed(c.submission, result.unit, Object.fromEntries(path.value.changes.map((change) => [change.code, change.after]))));
        if (!reference.ok) throw new Error(`the reference refuses the path: ${JSON.stringify(reference.rejected)}`);
        const theirs = reference.results.find((u) => u.unit === result.unit)!;
        const reaches = theirs.index !== null && R.ge(Q(theirs.index), min);
        if (path.value.state === 'already') {
          expect(path.value.changes).toEqual([]);
          expect(reaches).toBe(true);
        } else {
          expect(reaches).toBe(path.value.state === 'reached');
          expect(standing(path.value.best)).toEqual(standing(theirs));
          // Every path with changes was scored again; none without (a unit without an index: no change helps).
          expect(path.value.verification !== undefined).toBe(path.value.changes.length > 0);
        }
      }),
      { numRuns: runs, seed: SEED + 1 },
    );
    expect([...states].sort()).toEqual(['already', 'reached', 'unreachable']);
  }, 120_000);
});

/** Whether `code` is a leaf that applies to the unit's level and group in the set. */
function leafApplies(set: CriteriaSet, result: UnitResult, code: string): boolean {
  return result.nodes[code] !== undefined && (result.nodes[code]!.status !== 'info');
}

describe('gapToRating: the least points whose rounded index reaches the rating', () => {
  it('neededPoints reaches the rating once the index is rounded half-up; a hundredth less does not', () => {
    const arb = fc.record({
      max: fc.integer({ min: 1, max: 10_000_000 }),
      share: fc.integer({ min: 0, max: 10_000 }),
      min: fc.integer({ min: 1, max: 10_000 }),
    });
    const set = getCriteria('can-tho@2022.1.0');
    fc.assert(
      fc.property(arb, ({ max, share, min }) => {
        // A result as the scorer writes it, for a set whose rating `kha` is at 0.7: its figures drawn.
        const maxPoints = Exact.scaled(max, 2);
        const points = Exact.scaled(Math.floor((max * share) / 10_000), 2);
        const index = R.roundHalfUp(R.div(Q(points.toString()), Q(maxPoints.toString())), 4);
        const result = { unit: 'u', points: points.toString(), maxPoints: maxPoints.toString(), index: R.toFixed(index, 4), rating: null } as unknown as UnitResult;
        void min;
        const gap = safeGapToRating(result, set, 'kha');
        if (!gap.ok) throw new Error('refused');
        const threshold = Q('0.7');
        const roundedIndex = (p: R.Q): R.Q => R.roundHalfUp(R.div(p, Q(maxPoints.toString())), 4);
        const needed = Q(gap.value.neededPoints!);
        expect(R.ge(roundedIndex(needed), threshold)).toBe(true);
        const less = R.sub(needed, Q('0.01'));
        if (R.ge(less, R.ZERO)) expect(R.lt(roundedIndex(less), threshold)).toBe(true);
        expect(gap.value.state).toBe(R.ge(index, threshold) ? 'already' : 'gap');
        if (gap.value.state === 'gap') expect(R.toPlain(Q(gap.value.gapPoints!))).toBe(R.toPlain(R.sub(needed, Q(points.toString()))));
      }),
      { numRuns: runs * 5 },
    );
  });
});

describe('every unit of the examples, to the next rating', () => {
  for (const year of ['2022', '2023', '2025']) {
    it(`can-tho ${year}: pathsToRating agrees with pathToRating, and every path is what its rescoring says`, () => {
      const batch = JSON.parse(readFileSync(new URL(`../examples/can-tho-${year}/submissions.json`, import.meta.url), 'utf8')) as Submission;
      const set = getCriteria(batch.criteria!);
      const paths = safePathsToRating(set, batch, { next: true });
      if (!paths.ok) throw new Error(JSON.stringify(paths.issues.slice(0, 3)));
      const report = scoreBatch(set, batch);
      expect(paths.value.map((p) => p.unit)).toEqual(report.results.map((r) => r.unit));
      for (const [i, path] of paths.value.entries()) {
        const band = set.ratings!.find((b) => b.id === path.rating)!;
        const index = path.best.index;
        const reaches = index !== null && R.ge(Q(index), R.readDecimal(band.min)!);
        expect(reaches, `${path.unit} ${path.state}`).toBe(path.state !== 'unreachable');
        if (path.state === 'already') expect(report.results[i]!.rating).toBe(path.rating);
        // One rating up: the band just above the unit's, or its own at the top.
        const ratings = set.ratings!;
        const at = ratings.findIndex((b) => b.id === report.results[i]!.rating);
        expect(path.rating).toBe(ratings[Math.max(0, at - 1)]!.id);
      }
      // Three units, one at a time, give the same paths.
      for (const i of [0, Math.floor(paths.value.length / 2), paths.value.length - 1]) {
        const one = safePathToRating(set, batch, { next: true }, { unit: report.results[i]!.unit });
        expect(one.ok && JSON.parse(JSON.stringify({ ...one.value, verification: undefined }))).toEqual(JSON.parse(JSON.stringify({ ...paths.value[i]!, verification: undefined })));
      }
    }, 60_000);
  }
});

// ---------------------------------------------------------------- a rule kind of one's own

/** The same kind with an inverse: all the stars (the simplest answer that a kind of one's own may give). */
const starsWithInverse: RuleKind<StarsRule, Exact, Exact> = {
  ...starsRule,
  inverse: (of, target, ctx, current) => {
    const full = ctx.max;
    if (current !== undefined && full.times(current).gte(target.times(of))) return { state: 'already', points: full.times(current) };
    return full.gte(target) ? { state: 'value', value: of, raw: Number(of.toString()), points: full, change: { distance: of.minus(current ?? ZERO), step: ONE } } : { state: 'unreachable', most: full };
  },
};

function starsSet(kind: AnyRuleKind): CriteriaSet {
  const source = {
    format: 1, id: 'stars-path', version: '2026.1.0', status: 'draft', title: { vi: 'Sao', en: 'Stars' }, basis: [], effective: { from: '2026-01-01', to: null },
    levels: [{ id: 'commune', name: { vi: 'Xã', en: 'Commune' } }],
    ratings: [{ id: 'tot', name: { vi: 'Tốt' }, min: '0.8' }, { id: 'yeu', name: { vi: 'Yếu' }, min: '0' }],
    nodes: [{ code: 'A', name: { vi: 'A', en: 'A' }, children: [
      { code: 'A.1', name: { vi: 'A.1', en: 'A.1' }, points: '10', rule: { kind: 'boolean' } },
      { code: 'A.2', name: { vi: 'A.2', en: 'A.2' }, points: '10', rule: { kind: 'stars', of: 5 } },
    ] }],
  };
  const parsed = safeParseCriteria(source, { ruleKinds: withRuleKinds([kind]) });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path} ${i.code}`).join('; '));
  return parsed.value;
}

describe('a rule kind of one\'s own', () => {
  const unit: UnitSubmission = { id: 'u', level: 'commune', values: { 'A.1': false, 'A.2': 1 } };
  it('without an inverse: its leaf is left as it is and said so (no-inverse); the others still move', () => {
    const path = safePathToRating(starsSet(starsRule as unknown as AnyRuleKind), unit, 'tot');
    if (!path.ok) throw new Error('refused');
    expect(path.value.held).toEqual([{ code: 'A.2', reason: 'no-inverse' }]);
    // A.1 alone: 2 + 10 = 12 of 20 = 0.6 < 0.8.
    expect([path.value.state, path.value.changes.map((c) => c.code), path.value.best.points]).toEqual(['unreachable', ['A.1'], '12.00']);
  });
  it('with one: the path uses it', () => {
    const path = safePathToRating(starsSet(starsWithInverse as unknown as AnyRuleKind), unit, 'tot');
    if (!path.ok) throw new Error('refused');
    expect(path.value.held).toEqual([]);
    expect([path.value.state, path.value.changes.map((c) => [c.code, c.after]), path.value.best.points]).toEqual(['reached', [['A.1', true], ['A.2', 5]], '20.00']);
  });
  it('whatIf needs no inverse', () => {
    const change = safeWhatIf(starsSet(starsRule as unknown as AnyRuleKind), unit, { 'A.2': 4 });
    expect(change.ok && [change.value.before.points, change.value.after.points]).toEqual(['2.00', '8.00']);
  });
});

describe('docs/guides/analysis-targets.md', () => {
  it('shows the figures the 2022 example batch gives for phuong-an-binh', () => {
    const guide = readFileSync(new URL('../docs/guides/analysis-targets.md', import.meta.url), 'utf8');
    const batch = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
    const set = getCriteria(batch.criteria!);
    const result = scoreBatch(set, batch).results.find((r) => r.unit === 'phuong-an-binh')!;
    const gap = safeGapToRating(result, set, 'kha');
    if (!gap.ok) throw new Error('refused');
    const { index, points, neededPoints, gapPoints, gapIndex } = gap.value;
    expect(guide).toContain(`state: 'gap', index: '${index}', min: '0.7000', points: '${points}', maxPoints: '1000.00',`);
    expect(guide).toContain(`neededPoints: '${neededPoints}', gapPoints: '${gapPoints}', gapIndex: '${gapIndex}'`);
    const change = safeWhatIf(set, batch, { 'CQS.2.1': true }, { unit: 'phuong-an-binh' });
    if (!change.ok) throw new Error('refused');
    const { before, after } = change.value;
    expect(guide).toContain(`before ${before.points} (${before.index}, ${before.rating}, hạng ${before.rank}) → after ${after.points} (${after.index}, ${after.rating}, hạng ${after.rank})`);
    const path = safePathToRating(set, 'phuong-an-binh', 'kha', { batch });
    if (!path.ok) throw new Error('refused');
    expect(path.value.changes.map((c) => c.code)).toEqual(['CQS.2.1', 'CQS.4.2', 'XHS.1.1']);
    const best = path.value.best;
    expect(guide).toContain(`chấm lại: ${best.points} (${best.index}, ${best.rating}, hạng ${best.rank})`);
  });
});
