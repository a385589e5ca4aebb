import type { CriteriaRegistry } from '../criteria/registry.js';
import { embeddedCriteria } from '../sets/index.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { InputLimits } from '../limits.js';
import { join } from 'node:path';
import { ioFailure, makeIssue, type Issue, type Result } from '../errors.js';
import type { Submission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { byCodeUnits } from '../order.js';
import { safeReadWorkbooks } from '../xlsx/read-workbook.js';

/** The `.xlsx` files of a folder (not its sub-folders), in name order, without Excel's `~$` lock files and hidden files. */
function workbooksIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.xlsx$/i.test(entry.name) && !entry.name.startsWith('~$') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort(byCodeUnits)
    .map((name) => join(folder, name));
}

/**
 * Reads filled-in workbooks into one submission batch: each path is an
 * `.xlsx` file or a folder of them (its `.xlsx` files in name order), read
 * against `criteria`, or, when it is `undefined`, against the embedded set
 * the workbooks name (the batch's `criteria` field then says which). Issue paths name the file as given (`forms/an-binh.xlsx!Tự đánh giá!F12`).
 * A path that cannot be read, or a folder without workbooks, is `input/read`.
 * Every problem of every workbook is returned together.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { getCriteria } from '../sets/index.js';
 * import { buildTemplate } from '../xlsx/index.js';
 * import { readSubmissionWorkbooks } from './xlsx-input.js';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const folder = mkdtempSync(join(tmpdir(), 'dti-forms-'));
 * for (const [id, name] of [['an-binh', 'Phường An Bình'], ['an-cu', 'Phường An Cư']]) {
 *   writeFileSync(join(folder, `${id}.xlsx`), await buildTemplate(criteria, { level: 'commune', unit: { id: id!, name: name! } }));
 * }
 * const result = await readSubmissionWorkbooks([folder], criteria);
 * if (result.ok) console.log(result.value.units.map((unit) => unit.id)); // ["an-binh","an-cu"]
 * const named = await readSubmissionWorkbooks([folder], undefined);
 * if (named.ok) console.log(named.value.criteria); // can-tho@2022.1.0
 * const empty = await readSubmissionWorkbooks([mkdtempSync(join(tmpdir(), 'dti-empty-'))], criteria);
 * if (!empty.ok) console.log(empty.issues[0]?.code); // input/read
 * ```
 */
export async function readSubmissionWorkbooks(
  paths: readonly string[],
  criteria: CriteriaSet | undefined,
  options: { readonly locale?: 'vi' | 'en'; readonly registry?: CriteriaRegistry; readonly limits?: Partial<InputLimits> } = {},
): Promise<Result<Submission>> {
  const issues: Issue[] = [];
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    let names: string[];
    try {
      names = statSync(path).isDirectory() ? workbooksIn(path) : [path];
    } catch (error) {
      issues.push(makeIssue('input/read', path, { file: path, reason: ioFailure(error) }));
      continue;
    }
    if (names.length === 0) issues.push(makeIssue('input/read', path, { file: path, reason: 'no-workbooks' }));
    for (const name of names) {
      try {
        files.push({ name, bytes: readFileSync(name) });
      } catch (error) {
        issues.push(makeIssue('input/read', name, { file: name, reason: ioFailure(error) }));
      }
    }
  }
  const read = await safeReadWorkbooks(files, { ...(criteria ? { criteria } : {}), ...(options.locale ? { locale: options.locale } : {}), registry: options.registry ?? embeddedCriteria, ...(options.limits ? { limits: options.limits } : {}) });
  if (issues.length > 0) return { ok: false, issues: [...issues, ...(read.ok ? [] : read.issues)] };
  return read;
}
