/**
 * Fuzz tests (CI size; `npm run fuzz` runs 100,000+ cases of the same checks).
 *
 * (a) every generated valid criteria set validates;
 * (b) the library agrees with an independent reference scorer
 *     (test/fuzz/reference-scorer.ts: exact BigInt rationals, written from
 *     the spec and docs/guides/criteria-format.md) on every generated
 *     (set, submission);
 * (c) garbage never causes an uncoded exception;
 * (d) `__proto__` payloads never pollute `Object.prototype`;
 * plus byte-identical output when the keys of the inputs are shuffled.
 *
 * Deterministic by default (fixed seed, so CI is not flaky); `FUZZ_SEED=123
 * FUZZ_SCALE=10 npx vitest run test/fuzz.test.ts` explores another seed with
 * ten times as many cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DtiError, safeParseSubmission, scoreBatch, safeScoreBatch, safeParseCriteria, type CriteriaSet, type Submission } from '../src/index.js';
import { caseArb, garbageArb, POLLUTION_SENTINEL, SeededRnd, validSetArb } from './fuzz/arbitraries.js';
import { badIssues, checkCase, checkGarbage, invariantProblem, polluted, type GarbageTally } from './fuzz/checks.js';
import { referenceScore } from './fuzz/reference-scorer.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
/** fast-check parameters: `n` runs (scaled) from the fixed seed, offset per property. */
const params = (n: number, offset: number): fc.Parameters<unknown> => ({ numRuns: runs(n), seed: SEED + offset });

/**
 * What the self-assessed totals of aggregates and units count for a leaf
 * without an appraised value. The spec is silent; the library takes the
 * leaf's final points (for a `relative` leaf: against the best *final* value
 * of the cohort), so the property below compares with that reading. The
 * other reading is pinned by the known-issue test at the end of this file.
 */
const REFERENCE = { selfTotals: 'self-run' } as const;

describe('fuzz: generated valid input', () => {
  it('(a) every generated criteria set validates', () => {
    fc.assert(
      fc.property(validSetArb, (generated) => {
        const result = safeParseCriteria(generated.set);
        expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([]);
      }),
      params(500, 1),
    );
  }, 60_000 * SCALE);

  it('(b) the library agrees with the reference scorer on every generated (set, submission)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const verdict = checkCase(c, { reference: REFERENCE });
        if (verdict.kind !== 'agree') throw new Error(`${verdict.kind}: ${verdict.detail}`);
      }),
      params(3000, 2),
    );
  }, 120_000 * SCALE);

  it('gives byte-identical output when every object key of the set and submission is shuffled', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, seed) => {
        const verdict = checkCase(c, { shuffle: new SeededRnd(seed), reference: REFERENCE });
        if (verdict.kind !== 'agree') throw new Error(`${verdict.kind}: ${verdict.detail}`);
      }),
      params(300, 3),
    );
  }, 60_000 * SCALE);

  it('keeps 0 <= points <= maxPoints and the index within [0, 1] when points and caps fit the rounding', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(c.generated.pointDecimals <= c.generated.roundingPoints);
        const outcome = safeScoreBatch(c.generated.set, c.submission);
        if (outcome.ok) expect(invariantProblem(outcome.value)).toBeUndefined();
      }),
      params(300, 4),
    );
  }, 60_000 * SCALE);
});

describe('fuzz: garbage', () => {
  it('(c) never causes an uncoded exception, and (d) never pollutes Object.prototype', () => {
    expect(polluted()).toBe(false);
    fc.assert(
      fc.property(garbageArb, (g) => {
        const tally: GarbageTally = { codes: [], invalidSetThrows: 0, soft: [] };
        const verdict = checkGarbage(g, tally, { reference: REFERENCE });
        if (verdict.kind !== 'agree') throw new Error(`${g.kind}: ${verdict.detail}`);
      }),
      params(2000, 5),
    );
    expect(polluted()).toBe(false);
  }, 120_000 * SCALE);

  it('(d) __proto__ and constructor.prototype payloads in JSON reach neither Object.prototype nor the result', () => {
    const payload = `{"${POLLUTION_SENTINEL}": "yes", "constructor": {"prototype": {"${POLLUTION_SENTINEL}": "yes"}}}`;
    const texts = [
      `{"__proto__": ${payload}, "units": []}`,
      `{"units": [{"__proto__": ${payload}, "id": "a", "level": "commune", "values": {}}]}`,
      `{"units": [{"id": "a", "level": "commune", "values": {"__proto__": ${payload}}, "appraised": {"constructor": ${payload}}}]}`,
      `{"units": [{"id": "a", "level": "commune", "values": {"CQS.4.2": {"__proto__": ${payload}}}}]}`,
    ];
    const set = validSetFor();
    expect(polluted()).toBe(false);
    for (const text of texts) {
      const input: unknown = JSON.parse(text);
      const parsed = safeParseSubmission(input);
      expect(parsed.ok ? undefined : badIssues(parsed.issues)).toBeUndefined();
      const outcome = safeScoreBatch(set, input);
      expect(outcome.ok ? undefined : badIssues(outcome.issues)).toBeUndefined();
      try {
        scoreBatch(set, input);
      } catch (error) {
        expect(error).toBeInstanceOf(DtiError);
      }
      const criteria: unknown = JSON.parse(`{"__proto__": ${payload}, "nodes": [{"__proto__": ${payload}, "code": "A"}], "levels": [{"constructor": ${payload}}]}`);
      const validated = safeParseCriteria(criteria);
      expect(validated.ok ? 'accepted' : badIssues(validated.issues)).toBeUndefined();
      expect(polluted()).toBe(false);
      expect(({} as Record<string, unknown>)[POLLUTION_SENTINEL]).toBeUndefined();
    }
  });
});

/** A small valid set from the generator, for the hand-written checks. */
function validSetFor(): CriteriaSet {
  const [generated] = fc.sample(validSetArb, { seed: 7, numRuns: 1 });
  return generated!.set;
}

// ------------------------------------------------------------------------------------------------
// Known issues found by the fuzz: each keeps the expectation the spec supports and runs as "must
// fail" until the library (or the documented decisions) change. Remove `.fails` once resolved.

const base = {
  format: 1,
  id: 'fuzz-known',
  version: '2024.1.0',
  status: 'draft',
  title: { vi: 'Ca đã biết' },
  basis: [],
  effective: { from: '2024-01-01', to: null },
} as const;

describe('fuzz: known issues', () => {
  it('safeParseCriteria never throws, even when rule.kind is a BigInt or a cyclic object (JS input)', () => {
    const set = JSON.parse(JSON.stringify(validSetFor())) as { nodes: unknown[] };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const kind of [10n, cyclic]) {
      set.nodes = [{ code: 'A', name: { vi: 'A' }, points: '1', rule: { kind } }];
      // Library: TypeError from JSON.stringify in src/format/zod-issues.ts (the rule/unknown-kind message).
      const result = safeParseCriteria(set);
      expect(result.ok ? undefined : badIssues(result.issues)).toBeUndefined();
    }
  });

  it('self-assessed totals score a non-appraised relative leaf against the best self-assessed value', () => {
    const set = {
      ...base,
      levels: [{ id: 'department', name: { vi: 'Sở' } }],
      nodes: [
        { code: 'R', name: { vi: 'Tương đối' }, points: '10', rule: { kind: 'relative' } },
        { code: 'B', name: { vi: 'Có/không' }, points: '10', rule: { kind: 'boolean' } },
      ],
    } as unknown as CriteriaSet;
    const submission: Submission = {
      units: [
        // a's self-assessment is the best of the cohort on R (10 of 10 points) and full on B.
        { id: 'a', level: 'department', values: { R: 10, B: true }, appraised: { B: false } },
        // b's appraised 20 raises the best final value of R to 20.
        { id: 'b', level: 'department', values: { R: 5 }, appraised: { R: 20 } },
      ],
    };
    const report = scoreBatch(set, submission);
    const a = report.results[0]!;
    expect(a.points).toBe('5.00'); // R 10/20 × 10 = 5.00, B 0
    // Self-assessed: R 10/10 × 10 = 10.00 (its value is the best self-assessed one), B 10.00.
    expect(a.selfPoints).toBe("20.00");
    expect(a.difference).toBe('-15.00');
    const ref = referenceScore(set, submission, { selfTotals: 'self-run' });
    expect(ref.ok && ref.results[0]?.selfPoints).toBe('20.00');
  });

  it('rejects points and caps with more decimals than rounding.points (they could not be published as written)', () => {
    const withCap = {
      ...base,
      rounding: { points: 0, index: 4 },
      levels: [{ id: 'commune', name: { vi: 'Xã' } }],
      nodes: [
        { code: 'A', name: { vi: 'A' }, cap: '9.5', children: [{ code: 'A.1', name: { vi: 'A.1' }, points: '10', rule: { kind: 'boolean' } }] },
        { code: 'B', name: { vi: 'B' }, points: '10', rule: { kind: 'boolean' } },
      ],
    };
    const capped = safeParseCriteria(withCap);
    expect(capped.ok ? [] : capped.issues.map((i) => `${i.code} @ ${i.path}`)).toContain('criteria/precision @ nodes[0].cap');
    const withPoints = {
      ...base,
      rounding: { points: 0, index: 4 },
      levels: [{ id: 'commune', name: { vi: 'Xã' } }],
      nodes: [{ code: 'A', name: { vi: 'A' }, children: [1, 2, 3].map((i) => ({ code: `A.${i}`, name: { vi: `A.${i}` }, points: '2.5', rule: { kind: 'boolean' } })) }],
    };
    const pointed = safeParseCriteria(withPoints);
    expect(pointed.ok ? [] : pointed.issues.map((i) => `${i.code} @ ${i.path}`)).toContain('criteria/precision @ nodes[0].children[0].points');
  });
});
