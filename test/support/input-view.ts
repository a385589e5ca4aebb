// The reference for input hashes (spec §13), written the plain way: the unit as an object view,
// then canonical JSON of it. The library writes the same text in one pass (canonicalInput in
// src/canonical/input-hash.ts); test/canonical.test.ts checks the two agree on arbitrary units.
import { canonicalJson } from '../../src/canonical/canonical-json.js';
import { valueView } from '../../src/canonical/input-hash.js';

const VALUE_MAPS = new Set(['values', 'appraised']);
const NULLABLE = new Set(['group', 'parent']);
const EMPTY_MAPS = new Set(['appraised', 'appraisal', 'evidence']);
const isEmptyRecord = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

/** A unit as hashed: null `group`/`parent` and empty maps left out, numbers given for leaves as decimal text. */
export function inputView(unit: unknown): unknown {
  if (unit === null || typeof unit !== 'object' || Array.isArray(unit)) return unit;
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(unit)) {
    if (value === undefined || (NULLABLE.has(key) && value === null) || (EMPTY_MAPS.has(key) && isEmptyRecord(value))) continue;
    if (VALUE_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      view[key] = Object.fromEntries(Object.entries(value).map(([code, given]) => [code, valueView(given)]));
    } else if (key === 'appraisal' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      view[key] = Object.fromEntries(Object.entries(value).map(([code, entry]) => [code, entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? { ...entry, value: valueView((entry as { value?: unknown }).value) } : entry]));
    } else {
      view[key] = value;
    }
  }
  return view;
}

/** The canonical JSON input hashes are taken of, the reference way. */
export function referenceCanonicalInput(unit: unknown): string {
  return canonicalJson(inputView(unit));
}
