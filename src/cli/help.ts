import { valueOf, type Bilingual, type CommandSpec, type OptionSpec } from './spec.js';

/** Two lines, Vietnamese then English, indented. */
const both = (text: Bilingual, indent: string): string => `${indent}${text.vi}\n${indent}${text.en}\n`;

function optionLine(option: OptionSpec): string {
  const value = option.type === 'flag' ? '' : ` ${valueOf(option)}`;
  const notes = [option.required === true ? 'bắt buộc / required' : undefined, option.default !== undefined ? `mặc định / default: ${option.default}` : undefined].filter((note) => note !== undefined);
  return `  --${option.name}${value}${notes.length > 0 ? `   (${notes.join('; ')})` : ''}\n`;
}

/** The usage line of a command: `dti score <inputs…> [tùy chọn / options]`. */
export function usageLine(spec: CommandSpec): string {
  const args = spec.args.map((arg) => {
    const name = `<${arg.name}${arg.variadic === true ? '…' : ''}>`;
    return arg.optional === true ? `[${name}]` : name;
  });
  const required = spec.options.filter((option) => option.required === true).map((option) => `--${option.name} ${valueOf(option)}`);
  return ['dti', spec.name, ...args, ...required, '[tùy chọn / options]'].join(' ');
}

/**
 * The help of one command, generated from its spec: usage, arguments,
 * options (with defaults and choices) and examples, Vietnamese then English.
 *
 * @example
 * ```ts
 * import { commandHelp } from './help.js';
 * import { validate } from './commands/validate.js';
 * console.log(commandHelp(validate).split('\n')[0]); // dti validate — kiểm tra một tệp bộ tiêu chí, liệt kê mọi lỗi cùng lúc / check a criteria file, listing every problem at once
 * ```
 */
export function commandHelp(spec: CommandSpec): string {
  let text = `dti ${spec.name} — ${spec.summary.vi} / ${spec.summary.en}\n\nCách dùng / usage:\n  ${usageLine(spec)}\n`;
  if (spec.args.length > 0) {
    text += '\nĐối số / arguments:\n';
    for (const arg of spec.args) text += `  <${arg.name}${arg.variadic === true ? '…' : ''}>\n${both(arg.help, '      ')}`;
  }
  text += '\nTùy chọn / options:\n';
  for (const option of spec.options) text += `${optionLine(option)}${both(option.help, '      ')}`;
  text += `  -h, --help\n${both({ vi: 'in hướng dẫn này', en: 'print this help' }, '      ')}`;
  if (spec.examples.length > 0) {
    text += '\nVí dụ / examples:\n';
    for (const example of spec.examples) text += `  ${example.command}\n${both(example.help, '      ')}`;
  }
  return text;
}

const FOOTER = `Bộ tiêu chí / criteria sets: "id@version" (ví dụ / e.g. can-tho@2025.1.0), "id" (phiên bản có hiệu lực trong kỳ /
  the version in force for the period; mặc định / default can-tho, kỳ mặc định / default period: năm nay / this year)
  hoặc đường dẫn tệp / or a file path. Tìm theo thứ tự / searched in order: --criteria-dir <folder> (hoặc / or
  DTI_CRITERIA_DIR), ./criteria (khi có / when it has manifest.json), các bộ có sẵn / the embedded sets.

Mã thoát / exit codes: 0 thành công / success · 1 dữ liệu hoặc bộ tiêu chí không hợp lệ / invalid input or criteria ·
  2 sai cú pháp lệnh / usage error · 3 lỗi nội bộ / internal error (DEBUG=dti in chi tiết / prints the details)
`;

/**
 * The overview `dti --help` prints: every command (or every sub-command of a
 * group such as `criteria`) with its summary, then the examples the specs mark
 * for the overview (`overview: true`), in the order of the commands.
 *
 * @example
 * ```ts
 * import { overviewHelp } from './help.js';
 * import { COMMANDS } from './commands/index.js';
 * console.log(overviewHelp(COMMANDS).includes('  criteria diff')); // true
 * console.log(overviewHelp(COMMANDS).includes('Ví dụ / examples:\n  dti score ')); // true
 * ```
 */
export function overviewHelp(commands: readonly CommandSpec[], group?: string): string {
  const width = Math.max(...commands.map((spec) => spec.name.length)) + 3;
  let text = group === undefined
    ? 'dti — bộ chỉ số chuyển đổi số / digital-transformation criteria\n\nLệnh / commands:\n'
    : `dti ${group} — các lệnh / commands\n\n`;
  for (const spec of commands) text += `  ${spec.name.padEnd(width)}${spec.summary.vi}\n  ${' '.repeat(width)}${spec.summary.en}\n`;
  const examples = commands.flatMap((spec) => spec.examples.filter((example) => example.overview === true));
  if (examples.length > 0) {
    text += '\nVí dụ / examples:\n';
    for (const example of examples) text += `  ${example.command}\n${both(example.help, '      ')}`;
  }
  text += '\nXem / see: dti help <lệnh / command>, dti <lệnh / command> --help; dti --version\n';
  return group === undefined ? `${text}\n${FOOTER}` : text;
}
