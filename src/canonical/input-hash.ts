import { parseExact } from '../exact/read-exact.js';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

/** The keys of a unit whose entries are values read by a leaf's rule (numbers there are hashed as decimal text). */
const VALUE_MAPS = new Set(['values', 'appraised']);
/** Optional keys of a unit that say nothing when `null` (`group`, `parent`) or empty (`appraised`, `appraisal`, `evidence`). */
const NULLABLE = new Set(['group', 'parent']);
const EMPTY_MAPS = new Set(['appraised', 'appraisal', 'evidence']);

/** A finite JSON number as the plain decimal text it denotes, as `readExact` reads it (`4` → `"4"`, `1e21` → `"1000000000000000000000"`). */
function decimalText(value: number): string | number {
  if (!Number.isFinite(value)) return value;
  const text = String(value);
  return /e/i.test(text) ? (parseExact(text, { exponent: true })?.toString() ?? value) : text;
}

/**
 * A value given for a leaf, numbers as decimal text at any depth (a ratio's
 * numerator and denominator): how input hashes see it.
 *
 * @internal
 */
export function valueView(value: unknown): unknown {
  if (typeof value === 'number') return decimalText(value);
  if (Array.isArray(value)) return value.map(valueView);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, valueView(entry)]));
  return value;
}

const isEmptyRecord = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

/**
 * A unit's submission as it is hashed (spec §13): the unit as read, with
 * `group` and `parent` left out when `null` (as when absent), `appraised`,
 * `appraisal` and `evidence` left out when empty, and every JSON number given
 * for a leaf (in `values`, `appraised`, an appraisal's `value`, at any depth)
 * written as the plain decimal text it denotes: so a unit read from CSV or a
 * workbook (where numbers are decimal text) and the same unit given as JSON
 * are the same object. Text is hashed as given (`"4.50"` stays `"4.50"`).
 *
 * @internal
 */
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

/**
 * The input stamp of one unit (spec §13): the SHA-256 of the RFC 8785
 * canonical JSON of the unit's submission object as read (ids, parent ids and
 * leaf codes trimmed and in NFC, as the scorer compares them), whatever file
 * it came from. `null` and empty optional fields count as absent, and a JSON
 * number given for a leaf counts as its decimal text, so the same unit from
 * JSON, CSV or a workbook gets the same hash; anything else that changes
 * (a value, a name, an evidence entry) changes it.
 *
 * `undefined` for a value that is not JSON (a function, `NaN`: only a program
 * can give one, and the scorer rejects it).
 *
 * @example
 * ```ts
 * import { unitInputHash } from 'dti-criteria';
 * const fromJson = unitInputHash({ id: 'cai-khe', level: 'commune', parent: null, values: { 'CQS.1.2': 4, 'CQS.1.3': { numerator: 12, denominator: 15 } } });
 * const fromCsv = unitInputHash({ values: { 'CQS.1.3': { denominator: '15', numerator: '12' }, 'CQS.1.2': '4' }, level: 'commune', id: 'cai-khe' });
 * console.log(fromJson === fromCsv); // true
 * console.log(fromJson === unitInputHash({ id: 'cai-khe', level: 'commune', values: { 'CQS.1.2': 5, 'CQS.1.3': { numerator: 12, denominator: 15 } } })); // false
 * console.log(fromJson?.length); // 64
 * ```
 */
export function unitInputHash(unit: unknown): string | undefined {
  let text: string;
  try {
    text = canonicalJson(inputView(unit));
  } catch {
    return undefined;
  }
  return sha256Hex(text);
}

/**
 * The input stamp of a batch (spec §13): the SHA-256 of the RFC 8785
 * canonical JSON of `{ "period": <the submission's period or null>, "units":
 * [<each unit's input hash, in input order>] }`. It depends on the units (as
 * {@link unitInputHash} sees them), their order and the period, all of which
 * change the results, and on nothing else: not the file's layout or format,
 * not `$schema` or `$comment`, not the `criteria` reference (the criteria
 * stamp says which set scored). So it is reproducible from the submission
 * file alone, and a JSON file and a CSV file of the same units and period
 * give the same hash. A unit a program gave that is not JSON is `null` in
 * the list.
 *
 * @example
 * ```ts
 * import { batchInputHash, canonicalJson, sha256Hex, unitInputHash } from 'dti-criteria';
 * const units = [{ id: 'a', level: 'commune', values: {} }, { id: 'b', level: 'commune', values: {} }];
 * const hashes = units.map((unit) => unitInputHash(unit) ?? null);
 * const batch = batchInputHash('2022', hashes);
 * console.log(batch === sha256Hex(canonicalJson({ period: '2022', units: hashes }))); // true
 * console.log(batch === batchInputHash('2022', [...hashes].reverse())); // false
 * ```
 */
export function batchInputHash(period: string | null | undefined, unitHashes: readonly (string | null)[]): string {
  return sha256Hex(canonicalJson({ period: period ?? null, units: unitHashes }));
}
