import type { CommandSpec } from '../spec.js';
import { criteriaDirOption, criteriaOption, langOption, limitOptions, limitsGiven, localeOption, outOption, periodOption } from './options.js';

const LIMITS = ['units', 'issues'] as const;

/** `dti export`: results as a table (CSV) for pandas, R or Excel. */
export const exportSpec: CommandSpec = {
  name: 'export',
  summary: { vi: 'xuất kết quả thành bảng CSV (rộng hoặc dài) cho pandas, R hoặc Excel', en: 'export results as a CSV table (wide or long) for pandas, R or Excel' },
  args: [{
    name: 'input',
    help: {
      vi: 'tệp kết quả (dti score --format json), hoặc bài nộp .json / .csv (được chấm trước, giữ giá trị đã nộp)',
      en: 'a results file (dti score --format json), or a .json / .csv submission (scored first, keeping the values given)',
    },
  }],
  options: [
    { name: 'shape', type: 'text', choices: ['wide', 'long'], default: 'wide', help: { vi: 'wide: mỗi đơn vị một dòng, mỗi tiêu chí và số liệu một cột; long: mỗi đơn vị và tiêu chí một dòng', en: 'wide: one row per unit, a column per node and figure; long: one row per unit and node' } },
    {
      name: 'values',
      type: 'text',
      value: '<list>',
      help: {
        vi: 'các số liệu của mỗi tiêu chí, cách nhau bằng dấu phẩy: input, points, maxPoints, index, status, selfPoints; mặc định input,points,status khi có giá trị đã nộp (bài nộp, hoặc dti score --keep-inputs), không thì points,status',
        en: 'the figures per node, comma-separated: input, points, maxPoints, index, status, selfPoints; default input,points,status when the values given are kept (a submission, or dti score --keep-inputs), else points,status',
      },
    },
    { name: 'nodes', type: 'text', choices: ['all', 'leaves', 'aggregates'], default: 'all', help: { vi: 'mọi tiêu chí, chỉ tiêu chí lá, hoặc chỉ nút tổng hợp', en: 'every node, the leaves only, or the aggregates only' } },
    outOption({ vi: 'tệp CSV sẽ ghi; mặc định in ra màn hình', en: 'the CSV file to write; default standard output' }),
    criteriaOption({ vi: 'bộ tiêu chí; mặc định theo dấu của tệp kết quả, hoặc như dti score cho bài nộp', en: 'the criteria set; default the results\' stamp, or as dti score chooses for a submission' }),
    criteriaDirOption,
    langOption,
    localeOption({ vi: 'cách viết số: vi đọc CSV dạng 1.234,5 và ghi BOM, dấu ; và dấu phẩy thập phân (Excel tiếng Việt)', en: 'how numbers are written: vi reads CSV such as 1.234,5 and writes a BOM, ; and decimal commas (a Vietnamese Excel)' }),
    { name: 'bom', type: 'flag', help: { vi: 'ghi BOM UTF-8 ở đầu tệp để Excel trên Windows đọc đúng tiếng Việt', en: 'start with a UTF-8 byte order mark, so Excel on Windows reads Vietnamese text right' } },
    periodOption({ vi: 'kỳ đánh giá của tệp CSV hoặc bài nộp không ghi kỳ', en: 'the period of a CSV file or of a submission that names none' }),
    ...limitOptions(LIMITS),
  ],
  examples: [
    { command: 'dti export results.json --out ket-qua.csv', help: { vi: 'bảng rộng: mỗi đơn vị một dòng', en: 'a wide table: one row per unit' } },
    { command: 'dti export examples/can-tho-2022/submissions.json --shape long --values input,points,maxPoints,status', help: { vi: 'chấm bài nộp rồi xuất bảng dài kèm giá trị đã nộp', en: 'score a submission and export a long table with the values given' } },
    { command: 'dti export results.json --locale vi --lang vi --out ket-qua.csv', help: { vi: 'tệp mở đúng trong Excel tiếng Việt', en: 'a file a Vietnamese Excel opens right' } },
  ],
  async run(context) {
    // Loaded only for this command: the analysis entry is not on the start-up path of the others.
    const { exportCommand } = await import('../export-command.js');
    return exportCommand(context.io, context.args[0]!, {
    shape: context.choice<'wide' | 'long'>('shape'),
    values: context.text('values'),
    nodes: context.choice<'all' | 'leaves' | 'aggregates'>('nodes'),
    out: context.text('out'),
    criteria: context.text('criteria'),
    criteriaDir: context.text('criteria-dir'),
    lang: context.choice<'vi' | 'en'>('lang'),
    locale: context.choice<'vi' | 'en'>('locale'),
    bom: context.flag('bom'),
    period: context.text('period'),
    limits: limitsGiven(context, LIMITS),
    });
  },
};
