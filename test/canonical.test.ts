import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, criteriaHash, sha256Hex } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { canonicalInput } from '../src/canonical/input-hash.js';
import { referenceCanonicalInput } from './support/input-view.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on random text, including Vietnamese and every padding length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (let n = 0; n < 130; n++) {
      const text = 'ệ'.repeat(n);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops white space and is independent of key order', () => {
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: true })).toBe('{"a":true,"b":[1,{"c":null,"d":"x"}]}');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('rejects values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

describe('criteriaHash', () => {
  it('is the sha256 of the file’s canonical JSON, whatever the layout of the file', () => {
    const file = readFileSync('criteria/can-tho/2022.1.0.json', 'utf8');
    const expected = createHash('sha256').update(canonicalJson(JSON.parse(file)), 'utf8').digest('hex');
    expect(criteriaHash(getCriteria('can-tho@2022.1.0'))).toBe(expected);
    const compact = JSON.parse(JSON.stringify(JSON.parse(file)));
    expect(criteriaHash(compact)).toBe(expected);
  });
});

describe('the canonical text input hashes are taken of (one pass)', () => {
  /** Values a unit may hold: JSON values and undefined (left out), numbers of every kind, odd strings. */
  const leafValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.double({ noNaN: false }), fc.integer(), fc.constantFrom(1e21, 1e-7, -0, 0.1, 4.5, 123456789012345680000),
      fc.string({ unit: 'binary' }), fc.constantFrom('n/a', '4,50', '\u2028', '\ud800', 'a"b\\c\n'), fc.boolean(), fc.constant(null), fc.constant(undefined),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  const unitArb = fc.record({
    id: fc.string({ unit: 'binary', maxLength: 6 }),
    level: fc.constantFrom('commune', 'department'),
    group: fc.constantFrom(null, undefined, 'A'),
    parent: fc.constantFrom(null, undefined, 'p'),
    name: fc.option(fc.string({ unit: 'binary', maxLength: 6 }), { nil: undefined }),
    values: fc.dictionary(fc.string({ unit: 'binary', maxLength: 5 }), leafValue, { maxKeys: 5 }),
    appraised: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), leafValue, { maxKeys: 3 }), { nil: undefined }),
    appraisal: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.record({ value: leafValue, reason: fc.string({ maxLength: 4 }) }, { requiredKeys: ['reason'] }), leafValue), { maxKeys: 3 }), { nil: undefined }),
    evidence: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), fc.array(fc.record({ kind: fc.constant('document'), number: fc.double() }), { maxLength: 2 }), { maxKeys: 2 }), { nil: undefined }),
    extra: fc.option(leafValue, { nil: undefined }),
  }, { requiredKeys: ['id', 'level', 'values'] });
  const outcome = (write: () => string): string => {
    try {
      return write();
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };

  it('is the canonical JSON of the unit as hashed, the reference way, for any unit (and throws alike)', () => {
    fc.assert(fc.property(fc.oneof(unitArb, leafValue), (unit) => {
      expect(outcome(() => canonicalInput(unit))).toBe(outcome(() => referenceCanonicalInput(unit)));
    }), { numRuns: 3000 });
  });

  it('writes strings as JSON.stringify does, whatever they hold', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', 'a\udfffb', '\ud83d\ude00', '\u2028', '\u007f', '"', '\\')), (text) => {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }), { numRuns: 2000 });
  });
});
