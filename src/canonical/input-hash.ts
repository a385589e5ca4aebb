import { parseExact } from '../exact/read-exact.js';
import { canonicalArray, canonicalJson, canonicalRecord, jsonString } from './canonical-json.js';
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

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The canonical JSON of {@link valueView}`(value)`, written in one pass. */
function canonicalValue(value: unknown): string {
  if (typeof value === 'number') {
    const text = decimalText(value);
    if (typeof text === 'number') throw new TypeError('canonicalJson: non-finite number');
    return jsonString(text);
  }
  if (Array.isArray(value)) return canonicalArray(value, canonicalValue);
  if (isRecord(value)) return canonicalRecord(value, canonicalValue);
  return canonicalJson(value);
}

/** An appraisal entry as hashed: its `value` as {@link valueView} sees it, the rest as given. */
function canonicalAppraisal(entry: unknown): string {
  return isRecord(entry) ? canonicalRecord(entry, (value, key) => (key === 'value' ? canonicalValue(value) : canonicalJson(value))) : canonicalJson(entry);
}

/** A unit's entry as hashed; `undefined` for one that says nothing (a `null` group or parent, an empty map). */
function canonicalUnitEntry(value: unknown, key: string): string | undefined {
  if ((NULLABLE.has(key) && value === null) || (EMPTY_MAPS.has(key) && isRecord(value) && Object.keys(value).length === 0)) return undefined;
  if (VALUE_MAPS.has(key) && isRecord(value)) return canonicalRecord(value, canonicalValue);
  if (key === 'appraisal' && isRecord(value)) return canonicalRecord(value, canonicalAppraisal);
  return canonicalJson(value);
}

/**
 * The canonical JSON of a unit's submission as it is hashed ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)),
 * written in one pass: the unit as read, with `group` and `parent` left out
 * when `null` (as when absent), `appraised`, `appraisal` and `evidence` left
 * out when empty, and every JSON number given for a leaf (in `values`,
 * `appraised`, an appraisal's `value`, at any depth) written as the plain
 * decimal text it denotes: so a unit read from CSV or a workbook (where
 * numbers are decimal text) and the same unit given as JSON are the same
 * object. Text is hashed as given (`"4.50"` stays `"4.50"`). Throws a
 * `TypeError` for what is not JSON.
 *
 * @internal
 */
export function canonicalInput(unit: unknown): string {
  return isRecord(unit) ? canonicalRecord(unit, canonicalUnitEntry) : canonicalJson(unit);
}

/**
 * The input stamp of one unit ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): the SHA-256 of the RFC 8785
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
    text = canonicalInput(unit);
  } catch {
    return undefined;
  }
  return sha256Hex(text);
}

/**
 * The input stamp of a batch ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): the SHA-256 of the RFC 8785
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
