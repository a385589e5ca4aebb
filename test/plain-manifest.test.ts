/** The fast check of a manifest accepts only what its schema accepts, and every manifest the library builds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildManifest, manifestSchema } from '../src/criteria/manifest.js';
import { isPlainManifest } from '../src/criteria/plain-manifest.js';
import { EMBEDDED_SETS } from '../src/sets/index.js';

const VALID = {
  id: 'can-tho',
  version: '2022.1.0',
  status: 'published',
  effective: { from: '2022-01-01', to: null },
  basis: ['2088/QĐ-UBND'],
  sha256: 'a'.repeat(64),
  file: 'can-tho/2022.1.0.json',
};
const date = fc.constantFrom('2022-01-01', '2025-07-01', '2024-02-29', '2023-02-29', '2025-13-01', '2025-1-01', '', 20220101);
/** For each field, values good and bad; an entry is the valid one with up to three fields replaced (or removed, or one added). */
const choices: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.constantFrom('vn-dti-province', 'Can-Tho', 'can--tho', '', 'a', 7, undefined),
  version: fc.constantFrom('2025.10.3', '2022.01.0', '22.1.0', '2022.1', undefined),
  status: fc.constantFrom('draft', 'published', 'final', undefined),
  effective: fc.oneof(
    fc.record({ from: date, to: fc.oneof(fc.constant(null), date) }),
    fc.record({ from: date }),
    fc.record({ from: date, to: fc.constant(null), extra: fc.constant(1) }),
    fc.constant('2022-01-01'),
  ),
  basis: fc.oneof(fc.array(fc.constantFrom('2088/QĐ-UBND', 'x', '', 5), { maxLength: 3 }), fc.constant('x')),
  sha256: fc.oneof(fc.constant('A'.repeat(64)), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 63, maxLength: 65 })),
  file: fc.constantFrom('can-tho/2025.1.0.json', 'can-tho/2022.1.0.JSON', '../x/2022.1.0.json', 'can-tho\\2022.1.0.json'),
  signedBy: fc.constantFrom('x', undefined),
};
const entry = fc
  .array(fc.constantFrom(...Object.keys(choices)), { maxLength: 3 })
  .chain((fields) => fc.tuple(...fields.map((field) => choices[field]!)).map((values) => {
    const result: Record<string, unknown> = { ...VALID };
    fields.forEach((field, i) => {
      if (values[i] === undefined) delete result[field];
      else result[field] = values[i];
    });
    return result;
  }));
const manifest = fc.oneof(
  { weight: 8, arbitrary: fc.record({ format: fc.constantFrom(1, 1, 1, 2, '1'), sets: fc.array(entry, { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ format: fc.constant(1), sets: fc.array(entry, { maxLength: 2 }), extra: fc.anything() }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('isPlainManifest', () => {
  it('accepts only what the manifest schema accepts', () => {
    fc.assert(
      fc.property(manifest, (value) => {
        if (isPlainManifest(value)) expect(manifestSchema().safeParse(value).success).toBe(true);
        // Both ways for these generated manifests (no key is left undefined, every value is JSON):
        // the fast check refuses only what the schema refuses, so valid manifests never pay for the schema.
        else if (typeof value === 'object' && value !== null && 'sets' in value) expect(manifestSchema().safeParse(value).success).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the manifest of the embedded sets and of the criteria folder, refuses each kind of flaw', async () => {
    const built = JSON.parse(JSON.stringify(buildManifest(EMBEDDED_SETS))) as { sets: Record<string, unknown>[] };
    expect(isPlainManifest(built)).toBe(true);
    const { readFileSync } = await import('node:fs');
    expect(isPlainManifest(JSON.parse(readFileSync('criteria/manifest.json', 'utf8')))).toBe(true);
    const first = built.sets[0]!;
    const flawed = [
      { ...first, id: 'Can-Tho' },
      { ...first, effective: { from: '2022-02-30', to: null } },
      { ...first, effective: { from: '2022-01-01' } },
      { ...first, sha256: 'A'.repeat(64) },
      { ...first, basis: [''] },
      { ...first, extra: 1 },
    ];
    for (const bad of flawed) {
      const value = { format: 1, sets: [bad] };
      expect(isPlainManifest(value)).toBe(false);
      expect(manifestSchema().safeParse(value).success).toBe(false);
    }
  });
});
