import type { CriteriaRegistry } from '../criteria/registry.js';
import { embeddedCriteria } from '../sets/registry.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { InputLimits } from '../limits.js';
import { join } from 'node:path';
import { ioFailure, makeIssue, type Issue, type Result } from '../errors.js';
import type { Submission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { byCodeUnits } from '../order.js';
import { readWorkbookBatch, type RejectedWorkbook } from '../xlsx/read-workbook.js';

/**
 * The `.xlsx` files of a folder (not its sub-folders), in name order, without
 * Excel's `~$` lock files and hidden files. A symbolic link is followed: to a
 * file it is that workbook; a link that leads nowhere is `input/read`, never
 * skipped without a word.
 */
function workbooksIn(folder: string, issues: Issue[]): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!/\.xlsx$/i.test(entry.name) || entry.name.startsWith('~$') || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        if (statSync(path).isFile()) names.push(entry.name);
      } catch (error) {
        issues.push(makeIssue('input/read', path, { file: path, reason: ioFailure(error) }));
      }
    } else if (entry.isFile()) {
      names.push(entry.name);
    }
  }
  return names.sort(byCodeUnits).map((name) => join(folder, name));
}

/** Filled-in workbooks read as one batch: the valid ones, and each one left out with why (see `readWorkbookBatch`). */
export interface WorkbookInput {
  readonly submission: Submission;
  readonly rejected: readonly RejectedWorkbook[];
  /** Paths that name no workbook (a missing file or folder, a folder without workbooks): `input/read`. */
  readonly unnamed: readonly Issue[];
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
  const { submission, rejected, unnamed } = await readWorkbookInput(paths, criteria, options);
  const issues = [...unnamed, ...rejected.flatMap((entry) => entry.issues)];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: submission };
}

/**
 * {@link readSubmissionWorkbooks}, keeping going past bad workbooks (for
 * `--skip-invalid`): the valid ones as one batch, and each file left out
 * (unreadable, not a workbook, invalid, or in conflict with an earlier one)
 * with every problem found in it; and the paths that name no workbook.
 */
export async function readWorkbookInput(
  paths: readonly string[],
  criteria: CriteriaSet | undefined,
  options: { readonly locale?: 'vi' | 'en'; readonly registry?: CriteriaRegistry; readonly limits?: Partial<InputLimits> } = {},
): Promise<WorkbookInput> {
  const issues: Issue[] = [];
  const unread: RejectedWorkbook[] = [];
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    let names: string[];
    const found: Issue[] = [];
    try {
      names = statSync(path).isDirectory() ? workbooksIn(path, found) : [path];
    } catch (error) {
      issues.push(makeIssue('input/read', path, { file: path, reason: ioFailure(error) }));
      continue;
    }
    for (const issue of found) unread.push({ file: issue.path, issues: [issue] });
    if (names.length === 0 && found.length === 0) issues.push(makeIssue('input/read', path, { file: path, reason: 'no-workbooks' }));
    for (const name of names) {
      try {
        files.push({ name, bytes: readFileSync(name) });
      } catch (error) {
        unread.push({ file: name, issues: [makeIssue('input/read', name, { file: name, reason: ioFailure(error) })] });
      }
    }
  }
  const batch = await readWorkbookBatch(files, { ...(criteria ? { criteria } : {}), ...(options.locale ? { locale: options.locale } : {}), registry: options.registry ?? embeddedCriteria, ...(options.limits ? { limits: options.limits } : {}) });
  return { submission: batch.submission, rejected: [...unread, ...batch.rejected], unnamed: issues };
}
