import type { CommandSpec } from '../spec.js';
import { compareCommand } from '../versioning-commands.js';
import { criteriaDirOption, formatOption, langOption } from './options.js';

/** `dti compare`: the change of every unit between two results files. */
export const compare: CommandSpec = {
  name: 'compare',
  summary: { vi: 'so sánh hai tệp kết quả: thay đổi chính thức và quy đổi của từng đơn vị', en: 'compare two results files: the official and rebased change of every unit' },
  args: [
    { name: 'results-a.json', help: { vi: 'kết quả kỳ trước (dti score --format json)', en: 'the earlier results (dti score --format json)' } },
    { name: 'results-b.json', help: { vi: 'kết quả kỳ sau', en: 'the later results' } },
  ],
  options: [
    { name: 'criteria-a', type: 'text', value: '<ref>', help: { vi: 'bộ tiêu chí của tệp thứ nhất; mặc định theo dấu của tệp', en: 'the set of the first file; default its stamp' } },
    { name: 'criteria-b', type: 'text', value: '<ref>', help: { vi: 'bộ tiêu chí của tệp thứ hai; mặc định theo dấu của tệp', en: 'the set of the second file; default its stamp' } },
    criteriaDirOption,
    formatOption(['md', 'json'], 'md', { vi: 'Markdown hoặc JSON', en: 'Markdown or JSON' }),
    langOption,
  ],
  examples: [
    { command: 'dti compare ket-qua-2024.json ket-qua-2025.json', help: { vi: 'thay đổi của từng đơn vị giữa hai năm', en: 'the change of every unit between two years' }, overview: true },
  ],
  run: (context) => compareCommand(context.io, context.args[0]!, context.args[1]!, {
    criteriaA: context.text('criteria-a'),
    criteriaB: context.text('criteria-b'),
    criteriaDir: context.text('criteria-dir'),
    format: context.choice('format'),
    lang: context.choice('lang'),
  }),
};
