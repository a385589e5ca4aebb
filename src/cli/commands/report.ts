import type { CommandSpec } from '../spec.js';
import { criteriaDirOption, criteriaOption, formatOption, langOption, outOption } from './options.js';

/** `dti report`: a report for people from a results file, checked first. */
export const report: CommandSpec = {
  name: 'report',
  summary: { vi: 'lập báo cáo (HTML, Markdown, Excel) từ tệp kết quả, sau khi kiểm tra tệp', en: 'make a report (HTML, Markdown, Excel) from a results file, after checking it' },
  args: [{ name: 'results.json', help: { vi: 'kết quả của "dti score --format json"', en: 'the output of "dti score --format json"' } }],
  options: [
    formatOption(['html', 'md', 'xlsx'], 'html', { vi: 'trang HTML in được, Markdown, hoặc sổ tính Excel (cần --out)', en: 'a printable HTML page, Markdown, or an Excel workbook (needs --out)' }),
    langOption,
    outOption({ vi: 'tệp sẽ ghi; mặc định in ra màn hình (html, md)', en: 'the file to write; default standard output (html, md)' }),
    criteriaOption({ vi: 'bộ tiêu chí; mặc định theo dấu của tệp kết quả (mã băm phải khớp)', en: 'the criteria set; default the results\' stamp (its sha256 must match)' }),
    criteriaDirOption,
    { name: 'date', type: 'text', value: '<YYYY-MM-DD>', help: { vi: 'ngày của báo cáo: ghi ở đầu báo cáo và chân mỗi trang in (HTML, Markdown); mặc định không ghi (chân trang ghi kỳ đánh giá)', en: 'the report\'s date: in its header and at the foot of every printed page (HTML, Markdown); default none (the footer names the period)' } },
    { name: 'with-appraisers', type: 'flag', help: { vi: 'ghi tên người thẩm định trong mục thẩm định (nếu tệp kết quả có, xem "dti score --with-appraisers"); đây là dữ liệu cá nhân, mặc định không ghi', en: 'show who appraised in the appraisal section (where the results keep it, see "dti score --with-appraisers"); it is personal data, left out by default' } },
  ],
  examples: [
    { command: 'dti report results.json --date 2023-03-15 --out bao-cao.html', help: { vi: 'báo cáo trình Hội đồng, ngày 15/03/2023 ở chân mỗi trang in', en: 'the report to the council, dated 15/03/2023 at the foot of every printed page' } },
    { command: 'dti report results.json --out bao-cao.html', help: { vi: 'báo cáo HTML để in hoặc đăng', en: 'an HTML report to print or publish' }, overview: true },
    { command: 'dti report results.json --format xlsx --out ket-qua.xlsx', help: { vi: 'kết quả dạng sổ tính Excel', en: 'the results as an Excel workbook' } },
    { command: 'dti report results.json --format md --with-appraisers', help: { vi: 'báo cáo kèm mục thẩm định có tên người thẩm định (dùng nội bộ)', en: 'a report whose appraisal section names the appraisers (for internal use)' } },
  ],
  async run(context) {
    // Loaded only when asked for: the report renderers are not needed to score.
    const { reportCommand } = await import('../report-command.js');
    return reportCommand(context.io, context.args[0]!, {
      format: context.choice('format'),
      lang: context.choice('lang'),
      out: context.text('out'),
      criteria: context.text('criteria'),
      criteriaDir: context.text('criteria-dir'),
      withAppraisers: context.flag('with-appraisers'),
      date: context.text('date'),
    });
  },
};
