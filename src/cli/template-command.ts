import { DtiError } from '../errors.js';
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
  readonly level: string;
  readonly group?: string | undefined;
  /** The `.xlsx` file to write. */
  readonly out: string;
  readonly lang: 'vi' | 'en';
}

/**
 * `dti template --criteria <ref> --level <level> [--group <group>] --out <file.xlsx> [--lang vi|en]`:
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
  let bytes: Uint8Array;
  try {
    bytes = await buildTemplate(criteria, { level: options.level, ...(options.group !== undefined ? { group: options.group } : {}), ...(options.period !== undefined ? { period: options.period } : {}), lang: options.lang });
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
