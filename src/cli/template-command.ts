import { writeFileSync } from 'node:fs';
import { DtiError, makeIssue } from '../errors.js';
import { loadCriteria } from '../node/load-criteria.js';
import { buildTemplate } from '../xlsx/template.js';
import { printIssues, type Io } from './output.js';

/** Options of `dti template`. */
export interface TemplateCommandOptions {
  /** `id@version`, `id` or a path to a criteria file. */
  readonly criteria: string;
  readonly level: string;
  readonly group?: string | undefined;
  /** The `.xlsx` file to write. */
  readonly out: string;
  readonly lang: 'vi' | 'en';
}

/**
 * `dti template --criteria <ref> --level <level> [--group <group>] --out <file.xlsx> [--lang vi|en]`:
 * writes the self-assessment workbook a unit of that level (and group) fills in.
 * Exit code 0 on success, 1 when the criteria, level or group is invalid,
 * 2 when the file cannot be written.
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
  const loaded = loadCriteria(options.criteria);
  if (!loaded.ok) {
    printIssues(io, loaded.issues, 'text');
    return 1;
  }
  const criteria = loaded.value;
  let bytes: Uint8Array;
  try {
    bytes = await buildTemplate(criteria, { level: options.level, ...(options.group !== undefined ? { group: options.group } : {}), lang: options.lang });
  } catch (error) {
    if (!(error instanceof DtiError)) throw error;
    printIssues(io, error.issues, 'text');
    return 1;
  }
  try {
    writeFileSync(options.out, bytes);
  } catch (error) {
    printIssues(io, [makeIssue('cli/usage', '--out', { detail: `cannot write "${options.out}" / không ghi được tệp: ${(error as Error).message}` })], 'text');
    return 2;
  }
  const scope = options.group !== undefined ? `${options.level}/${options.group}` : options.level;
  io.out(`đã tạo mẫu / template written: ${options.out} (${criteria.id}@${criteria.version}, ${scope})\n`);
  return 0;
}
