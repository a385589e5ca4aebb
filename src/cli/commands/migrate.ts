import type { CommandSpec } from '../spec.js';
import { migrateCommand } from '../versioning-commands.js';
import { criteriaDirOption, criteriaOption, formatOption, langOption, outOption, periodOption } from './options.js';

/** `dti migrate`: carries a submission to another criteria version, reporting every leaf. */
export const migrate: CommandSpec = {
  name: 'migrate',
  summary: { vi: 'chuyển bài nộp sang phiên bản bộ tiêu chí khác, báo từng tiêu chí', en: 'carry a submission to another criteria version, reporting every leaf' },
  args: [{ name: 'submissions.json', help: { vi: 'tệp bài nộp JSON', en: 'the JSON submissions file' } }],
  options: [
    { name: 'to', type: 'text', value: '<ref>', required: true, help: { vi: 'bộ tiêu chí đích: id@phiên-bản, id (bản có hiệu lực trong --period) hoặc tệp .json', en: 'the target set: id@version, id (the version in force in --period) or a .json file' } },
    criteriaOption({ vi: 'bộ tiêu chí gốc; mặc định trường "criteria" của bài nộp', en: 'the source set; default the submission\'s "criteria" field' }),
    criteriaDirOption,
    periodOption({ vi: 'kỳ của bài nộp mới (chọn bản --to khi là id); mặc định năm nay', en: 'the period of the migrated submission (picks the --to version for an id); default this year' }),
    outOption({ vi: 'ghi bài nộp đã chuyển vào tệp này (không được là tệp đầu vào)', en: 'write the migrated submission to this file (never an input file)' }),
    formatOption(['md', 'json'], 'md', { vi: 'báo cáo chuyển đổi dạng Markdown hoặc JSON', en: 'the migration report as Markdown or JSON' }),
    langOption,
  ],
  examples: [
    { command: 'dti migrate nop-2024.json --to can-tho@2025.1.0 --out nop-2025.json', help: { vi: 'chuyển bài nộp sang bộ 2025', en: 'carry the submission to the 2025 set' } },
  ],
  run: (context) => migrateCommand(context.io, context.args[0]!, {
    to: context.text('to')!,
    from: context.text('criteria'),
    criteriaDir: context.text('criteria-dir'),
    period: context.text('period'),
    out: context.text('out'),
    format: context.choice('format'),
    lang: context.choice('lang'),
  }),
};
