import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { safeParseSubmissionsCsv } from '../csv/index.js';
import { makeIssue, type Issue, type Result } from '../errors.js';
import { safeParseSubmission } from '../format/parse-submission.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { readJsonFile } from './read-input.js';
import { safeReadTextFile } from '../node/read-text-file.js';

/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A safe ASCII file name for a unit id: Vietnamese letters without their
 * marks (`đ` → `d`), lower case, only `a-z 0-9 - _ .`.
 *
 * @example
 * ```ts
 * import { slugOf } from './unit-forms.js';
 * console.log(slugOf('phường-ninh-kiều')); // phuong-ninh-kieu
 * console.log(slugOf('Đông_Thạnh.2')); // dong_thanh.2
 * ```
 */
export function slugOf(id: string): string {
  return id
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-');
}

/**
 * The units of a units list (`units.csv`, or `units.json` holding
 * `{ "units": [{ "id", "name", "level", "group", "parent" }] }`), read by the
 * submission readers (identity rules, level and group checked against the
 * set), and the file each unit's form is written to in `folder`: its id's
 * slug. Two ids with one slug (`output/same-file`), or a slug Windows
 * reserves (`output/reserved-name`), are errors naming the units.
 */
export function unitForms(file: string, criteria: CriteriaSet, folder: string): Result<{ unit: UnitSubmission; path: string }[]> {
  let units: readonly UnitSubmission[];
  if (extname(file).toLowerCase() === '.csv') {
    const text = safeReadTextFile(file);
    if (!text.ok) return text;
    const parsed = safeParseSubmissionsCsv(text.value, criteria, { locale: 'vi' });
    if (!parsed.ok) return parsed;
    units = parsed.value.units;
  } else {
    const data = readJsonFile(file);
    if (!data.ok) return data;
    const list = (data.value as { units?: unknown }).units;
    // A units list names units only: values (none expected) default to none.
    const withValues = Array.isArray(list) ? list.map((unit: unknown) => (typeof unit === 'object' && unit !== null && !('values' in unit) ? { ...unit, values: {} } : unit)) : list;
    const parsed = safeParseSubmission({ ...(data.value as object), units: withValues });
    if (!parsed.ok) return parsed;
    units = parsed.value.units;
  }
  const issues: Issue[] = [];
  const bySlug = new Map<string, number>();
  const forms = units.map((unit, position) => {
    const slug = slugOf(unit.id);
    const first = bySlug.get(slug);
    if (first !== undefined) issues.push(makeIssue('output/same-file', ['units', position, 'id'], { unit: unit.id, other: units[first]!.id, file: `${slug}.xlsx` }));
    else bySlug.set(slug, position);
    if (RESERVED.test(slug) || slug === '' || /^\.+$/.test(slug)) issues.push(makeIssue('output/reserved-name', ['units', position, 'id'], { unit: unit.id, file: `${slug}.xlsx` }));
    return { unit, path: join(folder, `${slug}.xlsx`) };
  });
  if (!existsSync(folder)) issues.push(makeIssue('output/write', folder, { file: folder, reason: 'ENOENT' }));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: forms };
}
