import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { submissionSchemas } from '../src/format/submission-schema.js';
import { isPlainUnit, plainHead } from '../src/format/plain-submission.js';

// Pieces a unit is made of: valid ones and every near miss the schemas refuse or normalise.
const idLike = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('u1', 'ninh-kieu', 'ninh-kiều', 'Phường_7', 'ấp.3', '__proto__') },
  { weight: 1, arbitrary: fc.constantFrom('ninh-kie\u0302\u0300u', ' u1', 'u1 ', 'u\u200b1', '', ' ', 'a b', 'x/y') },
);
const levelLike = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('commune', 'district', 'department', 'A', 'a_b') },
  { weight: 1, arbitrary: fc.constantFrom('-a', '', 'cấp', 'a.b') },
);
const code = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('CQS.1.1', 'CQS.1.3', 'KTS.2', '__proto__') },
  { weight: 1, arbitrary: fc.constantFrom(' CQS.1.1', 'CQS.1.1 ', 'X.Ạ', 'CQS\u200b.1', '') },
);
const value = fc.oneof(fc.integer(), fc.boolean(), fc.constant('n/a'), fc.record({ numerator: fc.nat(), denominator: fc.nat() }), fc.constant(null));
const record = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(code, value, { maxKeys: 4 }) },
  fc.constant([] as unknown),
  fc.constant(null),
  fc.constant('values'),
  fc.constant(Object.create(null) as object),
  fc.constant(new Map() as unknown),
);
/** Mostly a valid piece, sometimes a bad one: so that plain units are common and near misses too. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
const unitArb = fc
  .record(
    {
      id: mostly(idLike, fc.integer()),
      name: mostly(fc.string(), fc.oneof(fc.constant(null), fc.integer())),
      level: mostly(levelLike, fc.constant(null)),
      group: mostly(levelLike, fc.constant(null)),
      parent: mostly(idLike, fc.oneof(fc.constant(null), fc.integer())),
      values: record,
      appraised: record,
    },
    { requiredKeys: ['id', 'level', 'values'] },
  )
  .chain((unit) => fc.oneof({ weight: 9, arbitrary: fc.constant(unit) }, { weight: 1, arbitrary: fc.anything().map((extra) => ({ ...unit, extra })) }));

describe('the fast structural check accepts only what the schemas accept', () => {
  it('units: isPlainUnit ⇒ the schema accepts it, with nothing to normalise', () => {
    let plain = 0;
    fc.assert(
      fc.property(unitArb, (unit) => {
        if (!isPlainUnit(unit)) return;
        plain += 1;
        expect(submissionSchemas().unit.safeParse(unit).success).toBe(true);
        // Nothing to normalise: ids and codes are already in their compared form.
        expect(unit.id).toBe(unit.id.trim().normalize('NFC'));
        for (const key of Object.keys(unit.values)) expect(key).toBe(key.trim().normalize('NFC'));
      }),
      { numRuns: 3000, seed: 42 },
    );
    expect(plain).toBeGreaterThan(50); // the property is not vacuous
  });

  it('heads: plainHead ⇒ the schema accepts the head', () => {
    const head = fc.record(
      {
        $schema: fc.oneof(fc.string(), fc.integer()),
        $comment: fc.oneof(fc.string(), fc.constant(null)),
        criteria: fc.constantFrom('can-tho', 'can-tho@2022.1.0', 'Can-Tho', 'can-tho@2022', '', 7),
        period: fc.constantFrom('2022', '', 2022, null),
        units: fc.oneof(fc.constant([]), fc.constant({}), fc.constant(null)),
        other: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(head, (input) => {
        if (plainHead(input) !== undefined) expect(submissionSchemas().head.safeParse(input).success).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('every unit of the example batches takes the fast path', () => {
    for (const year of ['2022', '2023', '2025']) {
      const batch = JSON.parse(readFileSync(`examples/can-tho-${year}/submissions.json`, 'utf8')) as { units: unknown[] };
      expect(plainHead(batch), year).toBeDefined();
      expect(batch.units.filter((unit) => !isPlainUnit(unit)).length, year).toBe(0);
    }
  });

  it('a Vietnamese unit id in NFC takes the fast path; the same id decomposed goes to the schema', () => {
    const unit = { id: 'ninh-kiều', level: 'district', values: {} };
    expect(isPlainUnit(unit)).toBe(true);
    expect(isPlainUnit({ ...unit, id: 'ninh-kie\u0302\u0300u' })).toBe(false);
    expect(isPlainUnit({ ...unit, id: 'ninh kiều' })).toBe(false);
    expect(isPlainUnit({ ...unit, values: { 'CQS.1.1 ': true } })).toBe(false);
  });
});

describe('the fast structural check of evidence and appraisal (spec §12)', () => {
  const text = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('12/KH-UBND', 'https://cantho.gov.vn', '2022-03-01', 'a'.repeat(64), '') }, { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined)) });
  const entry = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('document', 'link', 'file', 'photo', 7), number: text, date: text, issuer: text, title: text, url: text, sha256: text }, { requiredKeys: ['kind'] }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant('x'), fc.record({ kind: fc.constant('link'), numbr: fc.string() }), fc.record({ title: fc.string() })) },
  );
  const evidenceList = fc.oneof({ weight: 6, arbitrary: fc.array(entry, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.oneof(fc.constant({}), fc.constant(null), fc.constant('x')) });
  const appraisalEntry = fc.oneof(
    { weight: 6, arbitrary: fc.record({ value: fc.oneof(value, fc.constant(undefined)), reason: fc.oneof(fc.constantFrom('other', 'evidence-missing'), fc.integer()), note: text, by: text, at: text, extra: fc.string() }, { requiredKeys: ['reason'] }) },
    { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant([]), fc.constant(true)) },
  );
  const unit = fc.record(
    {
      id: idLike,
      level: levelLike,
      values: fc.dictionary(code, value, { maxKeys: 2 }),
      evidence: fc.oneof({ weight: 6, arbitrary: fc.dictionary(code, evidenceList, { maxKeys: 3 }) }, { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.constant(null)) }),
      appraisal: fc.oneof({ weight: 6, arbitrary: fc.dictionary(code, appraisalEntry, { maxKeys: 3 }) }, { weight: 1, arbitrary: fc.oneof(fc.constant([]), fc.constant(null)) }),
    },
    { requiredKeys: ['id', 'level', 'values'] },
  );

  it('isPlainUnit ⇒ the schema accepts the unit, evidence and appraisal keys included', () => {
    let plain = 0;
    fc.assert(
      fc.property(unit, (candidate) => {
        if (!isPlainUnit(candidate)) return;
        plain += 1;
        expect(submissionSchemas().unit.safeParse(candidate).success).toBe(true);
        for (const record of [candidate.evidence ?? {}, candidate.appraisal ?? {}]) for (const key of Object.keys(record)) expect(key).toBe(key.trim().normalize('NFC'));
      }),
      { numRuns: 3000, seed: 14 },
    );
    expect(plain).toBeGreaterThan(50);
  });

  it('a unit with complete evidence and an appraisal takes the fast path', () => {
    const golden = JSON.parse(readFileSync('test/golden/cases/evidence-policy-zero.json', 'utf8')) as { submission: { units: unknown[] } };
    expect(golden.submission.units.filter((u) => !isPlainUnit(u)).length).toBe(0);
    expect(isPlainUnit({ id: 'u', level: 'commune', values: {}, appraisal: { 'A.1': { reason: 'other' } } })).toBe(false);
    expect(isPlainUnit({ id: 'u', level: 'commune', values: {}, evidence: { 'A.1': [{ kind: 'photo' }] } })).toBe(false);
  });
});
