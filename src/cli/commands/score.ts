import { makeIssue } from '../../errors.js';
import { printIssues } from '../output.js';
import { scoreCommand, scoreWorkbooksCommand } from '../score-command.js';
import type { CommandSpec } from '../spec.js';
import { isWorkbookInput } from '../workbook-paths.js';
import { criteriaDirOption, criteriaOption, formatOption, langOption, limitOptions, limitsGiven, localeOption, periodOption } from './options.js';

const LIMITS = ['units', 'nodes', 'depth', 'issues'] as const;

/** `dti score`: scores a batch (JSON, CSV, or filled workbooks) and prints the ranking. */
export const score: CommandSpec = {
  name: 'score',
  summary: { vi: 'chấm điểm các đơn vị và xếp hạng', en: 'score the units and rank them' },
  args: [{
    name: 'inputs',
    variadic: true,
    help: {
      vi: 'một tệp bài nộp .json hoặc .csv; hoặc các sổ tính .xlsx đã điền và thư mục chứa chúng',
      en: 'one .json or .csv submissions file; or filled .xlsx workbooks and folders of them',
    },
  }],
  options: [
    criteriaOption({
      vi: 'bộ tiêu chí (id@phiên-bản, id hoặc tệp .json); mặc định: trường "criteria" của bài nộp, rồi can-tho có hiệu lực trong kỳ',
      en: 'the criteria set (id@version, id or a .json file); default: the submission\'s "criteria" field, then can-tho in force for the period',
    }),
    criteriaDirOption,
    formatOption(['table', 'json', 'csv'], 'table', { vi: 'bảng cho người đọc, tệp kết quả JSON (tài liệu định dạng, mục 8) hoặc CSV mỗi đơn vị một dòng', en: 'a table for people, the JSON results file (format reference, section 8) or CSV, one row per unit' }),
    localeOption({ vi: 'cách viết số trong CSV và sổ tính: vi đọc 1.234,5; --format csv với vi ghi BOM, dấu ; và dấu phẩy thập phân', en: 'how numbers are written in CSV and workbooks: vi reads 1.234,5; --format csv with vi writes a BOM, ; and decimal commas' }),
    langOption,
    periodOption({ vi: 'kỳ đánh giá của tệp CSV hoặc bài nộp không ghi kỳ', en: 'the period of a CSV file or of a submission that names none' }),
    { name: 'skip-invalid', type: 'flag', help: { vi: 'chấm các đơn vị (và sổ tính) hợp lệ, liệt kê những cái bị bỏ qua và lý do', en: 'score the valid units (and workbooks), list the ones skipped and why' } },
    { name: 'pretty', type: 'flag', help: { vi: 'JSON thụt lề cho người đọc (mặc định gọn, mỗi đơn vị ghi ra ngay khi xong)', en: 'indented JSON for people (default compact, written unit by unit)' } },
    { name: 'with-appraisers', type: 'flag', help: { vi: 'ghi tên người thẩm định ("by" của appraisal) vào kết quả; đây là dữ liệu cá nhân, mặc định không ghi', en: 'write who appraised (an appraisal\'s "by") in the results; it is personal data, left out by default' } },
    { name: 'keep-inputs', type: 'flag', help: { vi: 'giữ giá trị mỗi đơn vị đã nộp cho từng tiêu chí lá ("given") trong báo cáo JSON, để lập bảng và phân tích (dti export)', en: 'keep the values each unit gave for every leaf ("given") in the JSON report, for tables and analysis (dti export)' } },
    { name: 'no-explanations', type: 'flag', help: { vi: 'không kèm lời giải thích (nhanh hơn, tệp nhỏ hơn)', en: 'leave the explanations out (faster, smaller output)' } },
    ...limitOptions(LIMITS),
  ],
  examples: [
    { command: 'dti score examples/can-tho-2022/submissions.json', help: { vi: 'bảng xếp hạng các đơn vị mẫu', en: 'the ranking of the example units' } },
    { command: 'dti score submissions.json --format json > results.json', help: { vi: 'kết quả để lập báo cáo (dti report) hoặc so sánh (dti compare)', en: 'results to report on (dti report) or compare (dti compare)' }, overview: true },
    { command: 'dti score phuong-an-binh.xlsx', help: { vi: 'kiểm tra một sổ tính đã điền trước khi gửi: lỗi nêu đúng ô, hoặc bảng điểm', en: 'check one filled workbook before sending it: each problem at its cell, or the score table' }, overview: true },
    { command: 'dti score forms/ --criteria can-tho@2025.1.0', help: { vi: 'chấm mọi sổ tính đã điền trong thư mục forms', en: 'score every filled workbook in the folder forms' }, overview: true },
  ],
  run(context) {
    const { io, args } = context;
    const options = {
      criteria: context.text('criteria'),
      criteriaDir: context.text('criteria-dir'),
      format: context.choice<'table' | 'json' | 'csv'>('format'),
      locale: context.choice<'vi' | 'en'>('locale'),
      lang: context.choice<'vi' | 'en'>('lang'),
      skipInvalid: context.flag('skip-invalid'),
      explain: !context.flag('no-explanations'),
      withAppraisers: context.flag('with-appraisers'),
      keepInputs: context.flag('keep-inputs'),
      pretty: context.flag('pretty'),
      period: context.text('period'),
      limits: limitsGiven(context, LIMITS),
    };
    if (args.length > 1 || isWorkbookInput(args[0]!)) {
      // Several inputs are workbooks only; the first one that is not (after the first argument) is the extra.
      const other = args.slice(1).find((arg) => !isWorkbookInput(arg)) ?? args.find((arg) => !isWorkbookInput(arg));
      if (other !== undefined) {
        printIssues(io, [makeIssue('cli/extra-argument', other, { command: 'dti score', argument: other })], 'text');
        return 2;
      }
      return scoreWorkbooksCommand(io, args, { ...options, localeGiven: context.given('locale') });
    }
    return scoreCommand(io, args[0]!, options);
  },
};
