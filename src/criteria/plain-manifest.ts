import { isIsoDate } from '../format/common.js';

/**
 * The fast structural check of a `manifest.json`: what a valid manifest
 * passes without building its schema, in one pass. It accepts only what the
 * manifest's zod schema accepts (test/plain-manifest checks it against the
 * schema on generated input); anything else is left to the schema, which
 * reports it.
 */

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^\d{4}\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\.\d+\.\d+\.json$/;
const ENTRY_KEYS = ['id', 'version', 'status', 'effective', 'basis', 'sha256', 'file'];

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Exactly these own keys, each present (not `undefined`). */
function hasExactly(value: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined);
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && DATE.test(value) && isIsoDate(value);
}

function isEntry(value: unknown): boolean {
  if (!isPlainObject(value) || !hasExactly(value, ENTRY_KEYS)) return false;
  const { id, version, status, effective, basis, sha256, file } = value;
  if (typeof id !== 'string' || !KEBAB_ID.test(id) || typeof version !== 'string' || !VERSION.test(version)) return false;
  if (status !== 'draft' && status !== 'published') return false;
  if (!isPlainObject(effective) || !hasExactly(effective, ['from', 'to']) || !isDate(effective.from) || !(effective.to === null || isDate(effective.to))) return false;
  if (!Array.isArray(basis) || !basis.every((ref) => typeof ref === 'string' && ref.length > 0)) return false;
  return typeof sha256 === 'string' && SHA256.test(sha256) && typeof file === 'string' && FILE.test(file);
}

/** Whether `value` is a manifest the schema accepts as it is. */
export function isPlainManifest(value: unknown): boolean {
  return isPlainObject(value) && hasExactly(value, ['format', 'sets']) && value.format === 1 && Array.isArray(value.sets) && value.sets.every(isEntry);
}
