import type { CommandSpec } from '../spec.js';
import { criteriaDirOption, criteriaOption, formatOption, limitOptions, limitsGiven, localeOption, periodOption } from './options.js';

const LIMITS = ['units', 'issues'] as const;

/** `dti verify-results`: recomputes published results from the criteria and the submission ([format reference §13](../../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)). */
export const verifyResultsSpec: CommandSpec = {
  name: 'verify-results',
  summary: {
    vi: 'kiểm tra kết quả đã công bố: tính lại từ bộ tiêu chí và bài nộp, liệt kê mọi khác biệt',
    en: 'check published results: recompute them from the criteria and the submission, list every difference',
  },
  args: [{ name: 'results.json', help: { vi: 'kết quả đã công bố (dti score --format json)', en: 'the published results (dti score --format json)' } }],
  options: [
    { name: 'submissions', type: 'text', value: '<file>', required: true, help: { vi: 'bài nộp đã chấm: tệp .json, .csv, hoặc sổ tính .xlsx đã điền (một tệp hay thư mục)', en: 'the submission scored: a .json or .csv file, or filled .xlsx workbooks (a file or a folder)' } },
    criteriaOption({
      vi: 'bộ tiêu chí để tính lại (id@phiên-bản, id hoặc tệp .json); mặc định: bộ ghi trong dấu của tệp kết quả',
      en: 'the criteria set to recompute with (id@version, id or a .json file); default: the one the results file\'s stamp names',
    }),
    criteriaDirOption,
    periodOption({ vi: 'kỳ đánh giá của tệp CSV hoặc bài nộp không ghi kỳ', en: 'the period of a CSV file or of a submission that names none' }),
    localeOption({ vi: 'cách viết số trong tệp CSV: vi đọc 1.234,5', en: 'how numbers are written in a CSV file: vi reads 1.234,5' }),
    formatOption(['text', 'json'], 'text', { vi: 'chữ cho người đọc, hoặc JSON { identical, differences } cho chương trình', en: 'text for people, or JSON { identical, differences } for programs' }),
    ...limitOptions(LIMITS),
  ],
  examples: [
    { command: 'dti verify-results ket-qua-2022.json --submissions bai-nop-2022.json', help: { vi: 'mọi số liệu công bố có đúng với bài nộp và bộ tiêu chí không', en: 'whether every published figure follows from the submission and the criteria' }, overview: true },
    { command: 'dti verify-results results.json --submissions submissions.csv --period 2022 --format json', help: { vi: 'bài nộp CSV; kết quả kiểm tra dạng JSON', en: 'a CSV submission; the answer as JSON' } },
    { command: 'dti verify-results ket-qua.json --submissions bieu-mau/', help: { vi: 'kết quả chấm từ các sổ tính trong thư mục bieu-mau/', en: 'results scored from the workbooks in the folder bieu-mau/' } },
  ],
  async run(context) {
    // Loaded only when asked for: reading and re-scoring a results file is not needed to score.
    const { verifyCommand } = await import('../verify-command.js');
    return verifyCommand(context.io, context.args[0]!, {
      submissions: context.text('submissions')!,
      criteria: context.text('criteria'),
      criteriaDir: context.text('criteria-dir'),
      period: context.text('period'),
      locale: context.choice<'vi' | 'en'>('locale'),
      format: context.choice<'text' | 'json'>('format'),
      limits: limitsGiven(context, LIMITS),
    });
  },
};
