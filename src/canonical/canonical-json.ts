/** A string JSON writes as itself between quotes: no quote, backslash, control character or surrogate (those go through `JSON.stringify`). */
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * A string as JSON text (what `JSON.stringify` writes), without calling it for
 * the plain strings that are nearly all of a submission.
 *
 * @internal
 */
export function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * The keys of an object that hold a value, sorted by UTF-16 code units (what
 * `Array.prototype.sort` does without a comparator).
 *
 * @internal
 */
export function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(record)) if (record[key] !== undefined) keys.push(key);
  return keys.sort();
}

/**
 * The canonical JSON of a record with its entries written by `entry`: keys
 * sorted ({@link sortedKeys}), a key whose `entry` gives `undefined` left out.
 *
 * @internal
 */
export function canonicalRecord(record: Readonly<Record<string, unknown>>, entry: (value: unknown, key: string) => string | undefined): string {
  let out = '{';
  let first = true;
  for (const key of sortedKeys(record)) {
    const text = entry(record[key], key);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${jsonString(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The canonical JSON of an array with its items written by `entry` (an
 * `undefined` item as `null`, as `JSON.stringify` writes it).
 *
 * @internal
 */
export function canonicalArray(items: readonly unknown[], entry: (value: unknown) => string): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const item = items[i];
    out += entry(item === undefined ? null : item);
  }
  return `${out}]`;
}

/**
 * The canonical JSON of a value: object keys sorted by UTF-16 code units, no
 * insignificant white space, numbers in their shortest round-trip form.
 * Two files that differ only in key order or layout have the same canonical JSON.
 *
 * @example
 * ```ts
 * import { canonicalJson } from 'dti-criteria';
 * console.log(canonicalJson({ b: 1, a: [true, null] })); // {"a":[true,null],"b":1}
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value, canonicalJson) : canonicalRecord(value as Record<string, unknown>, canonicalJson);
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}
