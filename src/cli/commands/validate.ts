import type { CommandSpec } from '../spec.js';
import { validateCommand } from '../validate-command.js';
import { formatOption, limitOptions, limitsGiven } from './options.js';

const LIMITS = ['nodes', 'depth', 'issues'] as const;

/** `dti validate`: checks a criteria file against the format, every problem at once. */
export const validate: CommandSpec = {
  name: 'validate',
  summary: { vi: 'kiểm tra một tệp bộ tiêu chí, liệt kê mọi lỗi cùng lúc', en: 'check a criteria file, listing every problem at once' },
  args: [{ name: 'criteria.json', help: { vi: 'tệp bộ tiêu chí', en: 'the criteria file' } }],
  options: [
    formatOption(['text', 'json'], 'text', { vi: 'lỗi dạng dòng chữ (trên stderr) hoặc { "errors": [...] } (trên stdout)', en: 'problems as lines (on stderr) or as { "errors": [...] } (on stdout)' }),
    ...limitOptions(LIMITS),
  ],
  examples: [
    { command: 'dti validate criteria/can-tho/2025.1.0.json', help: { vi: 'kiểm tra bộ tiêu chí 2025', en: 'check the 2025 set' }, overview: true },
    { command: 'dti validate draft.json --format json', help: { vi: 'lỗi dạng JSON cho chương trình khác', en: 'problems as JSON for another program' } },
  ],
  run: (context) => validateCommand(context.io, context.args[0]!, context.choice('format'), limitsGiven(context, LIMITS)),
};
