import { parseArgs } from 'node:util';
import { makeIssue } from '../errors.js';
import { criteriaCommand } from './criteria-command.js';
import { reportCommand } from './report-command.js';
import { templateCommand } from './template-command.js';
import { isWorkbookInput } from './xlsx-input.js';
import { printIssues, type Io } from './output.js';
import { scoreCommand, scoreWorkbooksCommand } from './score-command.js';
import { validateCommand } from './validate-command.js';
import { compareCommand, migrateCommand } from './versioning-commands.js';

export const HELP = `dti — bộ chỉ số chuyển đổi số / digital-transformation criteria

Cách dùng / usage:
  dti score <submissions.json|.csv|form.xlsx…|folder/> [--criteria <id>@<version> | <id> | <path.json>]
            [--format table|json|csv] [--locale vi|en] [--lang vi|en] [--skip-invalid] [--no-explanations]
            [--period <period>]   (kỳ đánh giá của tệp CSV / the period of a CSV file)
  dti validate <criteria.json> [--format text|json]
  dti template --level <level> [--group <g>] --out <form.xlsx> [--criteria <ref>] [--period <period>] [--lang vi|en]
  dti migrate <submissions.json> --to <id@version | id | path.json> [--criteria <from>] [--period <period>] [--out migrated.json] [--format md|json]
  dti compare <results-a.json> <results-b.json> [--criteria-a ref] [--criteria-b ref] [--format md|json]
  dti report <results.json> [--format html|md|xlsx] [--lang vi|en] [--out <file>] [--criteria <id@version | path.json>]
            (báo cáo từ kết quả "dti score --format json"; xlsx cần --out / a report from the results; xlsx needs --out)
  dti criteria list
  dti criteria new <id> --from <version> --version <new> --title <tên> [--title-en <name>]
            [--description <mô tả>] [--description-en <text>] [--effective-from YYYY-MM-DD] [--effective-to YYYY-MM-DD] [--dir criteria]
  dti criteria publish <file> [--dir criteria]
  dti criteria verify [--dir criteria] [--format text|json]
  dti criteria diff <a> <b> [--period <period>] [--format md|json] [--lang vi|en]   (a, b: id@version, id or path.json)
  dti --help | --version

Bộ tiêu chí / criteria sets: "id@version" (ví dụ / e.g. can-tho@2025.1.0), "id" (phiên bản có hiệu lực trong kỳ /
  the version in force for the period; mặc định / default can-tho, kỳ mặc định / default period: năm nay / this year)
  hoặc đường dẫn tệp / or a file path. Tìm theo thứ tự / searched in order: --criteria-dir <folder> (hoặc / or
  DTI_CRITERIA_DIR), ./criteria (khi có / when it has manifest.json), các bộ có sẵn / the embedded sets.

Mã thoát / exit codes: 0 thành công / success · 1 dữ liệu hoặc bộ tiêu chí không hợp lệ / invalid input or criteria · 2 sai cú pháp / usage error
`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
}

/** Runs the `dti` command line with `argv` (without node and script); returns the exit code. */
export function run(argv: readonly string[], io: Io, version: string): number | Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.out(`${version}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        criteria: { type: 'string' },
        'criteria-dir': { type: 'string' },
        title: { type: 'string' },
        'title-en': { type: 'string' },
        description: { type: 'string' },
        'description-en': { type: 'string' },
        'effective-from': { type: 'string' },
        'effective-to': { type: 'string' },
        format: { type: 'string' },
        locale: { type: 'string' },
        lang: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        'no-explanations': { type: 'boolean' },
        period: { type: 'string' },
        dir: { type: 'string' },
        level: { type: 'string' },
        group: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'criteria-a': { type: 'string' },
        'criteria-b': { type: 'string' },
        from: { type: 'string' },
        version: { type: 'string', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    printIssues(io, [makeIssue('cli/usage', '$', { detail: (error as Error).message })], 'text');
    io.err(HELP);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') { io.out(HELP); return command === undefined && !values.help ? 2 : 0; }
  try {
    switch (command) {
      case 'validate': {
        const format = oneOf(values.format, ['text', 'json'], 'text', 'format');
        if (rest.length !== 1) throw new Error('validate takes exactly one criteria file');
        return validateCommand(io, rest[0]!, format);
      }
      case 'score': {
        const scoreOptions = {
          criteria: values.criteria,
          criteriaDir: values['criteria-dir'],
          format: oneOf(values.format, ['table', 'json', 'csv'], 'table', 'format'),
          locale: oneOf(values.locale, ['vi', 'en'], 'en', 'locale'),
          lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang'),
          skipInvalid: values['skip-invalid'] ?? false,
          explain: !(values['no-explanations'] ?? false),
          period: values.period,
        };
        if (rest.length > 0 && rest.every(isWorkbookInput)) return scoreWorkbooksCommand(io, rest, { ...scoreOptions, localeGiven: values.locale !== undefined });
        if (rest.length !== 1) throw new Error('score takes one submissions file (JSON or CSV), or workbooks and folders of workbooks');
        return scoreCommand(io, rest[0]!, scoreOptions);
      }
      case 'migrate': {
        if (rest.length !== 1) throw new Error('migrate takes exactly one submissions file');
        return migrateCommand(io, rest[0]!, { to: values.to, from: values.criteria, criteriaDir: values['criteria-dir'], period: values.period, out: values.out, format: oneOf(values.format, ['md', 'json'], 'md', 'format'), lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang') });
      }
      case 'compare': {
        if (rest.length !== 2) throw new Error('compare takes two results files');
        return compareCommand(io, rest[0]!, rest[1]!, { criteriaA: values['criteria-a'], criteriaB: values['criteria-b'], criteriaDir: values['criteria-dir'], format: oneOf(values.format, ['md', 'json'], 'md', 'format'), lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang') });
      }
      case 'template': {
        if (rest.length !== 0 || !values.level || !values.out) throw new Error('template needs --level and --out <file.xlsx>');
        return templateCommand(io, { criteria: values.criteria, criteriaDir: values['criteria-dir'], period: values.period, level: values.level, group: values.group, out: values.out, lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang') });
      }
      case 'report': {
        if (rest.length !== 1) throw new Error('report takes exactly one results file');
        return reportCommand(io, rest[0]!, {
          format: oneOf(values.format, ['html', 'md', 'xlsx'], 'html', 'format'),
          lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang'),
          out: values.out,
          criteria: values.criteria,
          criteriaDir: values['criteria-dir'],
        });
      }
      case 'criteria':
        return criteriaCommand(io, rest, {
          dir: values.dir ?? 'criteria',
          criteriaDir: values['criteria-dir'],
          period: values.period,
          format: values.format,
          from: values.from,
          version: values.version,
          title: values.title,
          titleEn: values['title-en'],
          description: values.description,
          descriptionEn: values['description-en'],
          effectiveFrom: values['effective-from'],
          effectiveTo: values['effective-to'],
          lang: oneOf(values.lang, ['vi', 'en'], 'vi', 'lang'),
        });
      default:
        throw new Error(`unknown command "${command}"`);
    }
  } catch (error) {
    if (!(error instanceof Error) || error.name === 'DtiError') throw error;
    printIssues(io, [makeIssue('cli/usage', '$', { detail: error.message })], 'text');
    io.err(HELP);
    return 2;
  }
}
