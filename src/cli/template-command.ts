import { DtiError, makeIssue, relocateIssue, type Issue } from '../errors.js';
import { resolveScope } from '../forms/scope.js';
import type { CriteriaSet } from '../compile/types.js';
import { unitForms } from './unit-forms.js';
import { chooseCriteria, commandRegistry, criteriaFile, currentPeriod } from './criteria-choice.js';
import { outIsInput, writeOut } from './out-file.js';
import { printIssues, type Io } from './output.js';

/** Options of `dti template`. */
export interface TemplateCommandOptions {
  /** `id@version`, `id` or a path to a criteria file; default the set in force for `period`. */
  readonly criteria?: string | undefined;
  /** `--criteria-dir`: a criteria folder searched before `./criteria` and the embedded sets. */
  readonly criteriaDir?: string | undefined;
  /** The period the form is for (a bare id resolves to the version in force then); default the current year. */
  readonly period?: string | undefined;
  /** The level of the form (without `units`). */
  readonly level?: string | undefined;
  readonly group?: string | undefined;
  /**
   * A units list (`units.csv` or `units.json`): one form per unit, its id,
   * name, level, group and parent filled in and locked, written into the
   * folder `out` as `<id slug>.xlsx`.
   */
  readonly units?: string | undefined;
  /** The `.xlsx` file to write, or with `units` the folder. */
  readonly out: string;
  /** The language of the form: Vietnamese, English, or both (`TemplateOptions.lang`). */
  readonly lang: 'vi' | 'en' | 'both';
}

/**
 * `dti template --criteria <ref> --level <level> [--group <group>] --out <file.xlsx> [--lang vi|en|both]`:
 * writes the self-assessment workbook a unit of that level (and group) fills in.
 * Exit code 0 on success, 1 when the criteria, level or group is invalid or
 * the file cannot be written (`output/write`), 2 when `--out` is the criteria file.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { templateCommand } from './template-command.js';
 * const io = { out: (text: string) => void process.stdout.write(text), err: (text: string) => void process.stderr.write(text) };
 * const out = join(mkdtempSync(join(tmpdir(), 'dti-')), 'mau-xa.xlsx');
 * console.log(await templateCommand(io, { criteria: 'can-tho@2022.1.0', level: 'commune', out, lang: 'vi' })); // 0
 * console.log(await templateCommand(io, { criteria: 'can-tho@2022.1.0', level: 'district', group: 'A', out, lang: 'vi' })); // 1
 * ```
 */
export async function templateCommand(io: Io, options: TemplateCommandOptions): Promise<number> {
  const clash = outIsInput(options.out, [criteriaFile(options.criteria)]);
  if (clash) {
    printIssues(io, [clash], 'text');
    return 2;
  }
  const registry = commandRegistry(options.criteriaDir);
  const chosen = registry.ok ? chooseCriteria(registry.value, options.criteria, options.period ?? currentPeriod()) : registry;
  if (!chosen.ok) {
    printIssues(io, chosen.issues, 'text');
    return 1;
  }
  const criteria = chosen.value.set;
  io.err(chosen.value.note);
  // Loaded only when asked for: the workbook writer (exceljs) is the heaviest part of the command line.
  const { buildTemplate } = await import('../xlsx/template.js');
  if (options.units !== undefined) return unitFormsCommand(io, options, options.units, criteria, buildTemplate);
  let bytes: Uint8Array;
  try {
    bytes = await buildTemplate(criteria, { level: options.level!, ...(options.group !== undefined ? { group: options.group } : {}), ...(options.period !== undefined ? { period: options.period } : {}), lang: options.lang });
  } catch (error) {
    if (!(error instanceof DtiError)) throw error;
    printIssues(io, error.issues, 'text');
    return 1;
  }
  const unwritten = writeOut(options.out, bytes);
  if (unwritten) {
    printIssues(io, [unwritten], 'text');
    return 1;
  }
  const scope = options.group !== undefined ? `${options.level}/${options.group}` : options.level;
  io.out(`đã tạo mẫu / template written: ${options.out} (${criteria.id}@${criteria.version}, ${scope})\n`);
  return 0;
}

/** `dti template --units <units.csv|json> --out <folder>`: one form per unit, named and locked. */
async function unitFormsCommand(io: Io, options: TemplateCommandOptions, file: string, criteria: CriteriaSet, build: typeof import('../xlsx/template.js').buildTemplate): Promise<number> {
  const forms = unitForms(file, criteria, options.out);
  if (!forms.ok) {
    printIssues(io, forms.issues, 'text');
    return 1;
  }
  // Every form is built before any is written: a unit of an unknown level stops the run with nothing half done.
  const built: { path: string; bytes: Uint8Array }[] = [];
  const issues: Issue[] = [];
  for (const [position, { unit, path }] of forms.value.entries()) {
    try {
      // The unit's level and group, checked as the scorer checks them (issues at units[i].level / .group).
      resolveScope(criteria, unit.level, unit.group);
    } catch (error) {
      if (!(error instanceof DtiError)) throw error;
      for (const issue of error.issues) issues.push(makeIssue(issue.code, ['units', position, issue.path], { ...issue.params, unit: unit.id } as never, { file }));
      continue;
    }
    try {
      const bytes = await build(criteria, {
        level: unit.level,
        ...(unit.group ? { group: unit.group } : {}),
        unit: { id: unit.id, name: unit.name ?? unit.id, ...(unit.parent ? { parent: unit.parent } : {}), locked: true },
        ...(options.period !== undefined ? { period: options.period } : {}),
        lang: options.lang,
      });
      built.push({ path, bytes });
    } catch (error) {
      if (!(error instanceof DtiError)) throw error;
      for (const issue of error.issues) issues.push(relocateIssue(issue, ['units', position, issue.path], { unit: unit.id, file }));
    }
  }
  if (issues.length > 0) {
    printIssues(io, issues, 'text');
    return 1;
  }
  for (const { path, bytes } of built) {
    const unwritten = writeOut(path, bytes);
    if (unwritten) {
      printIssues(io, [unwritten], 'text');
      return 1;
    }
  }
  io.out(`đã tạo ${built.length} mẫu / ${built.length} forms written: ${options.out} (${criteria.id}@${criteria.version})\n`);
  return 0;
}
