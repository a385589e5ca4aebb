import { makeIssue } from '../../errors.js';
import { printIssues } from '../output.js';
import type { CommandSpec } from '../spec.js';
import { criteriaDirOption, criteriaOption, outOption, periodOption } from './options.js';

/** `dti template`: writes the self-assessment workbook of one level (and group). */
export const template: CommandSpec = {
  name: 'template',
  summary: { vi: 'tạo sổ tính tự đánh giá (.xlsx) cho một cấp, một nhóm, hoặc cho từng đơn vị', en: 'write the self-assessment workbook (.xlsx) of one level and group, or one per unit' },
  args: [],
  options: [
    { name: 'level', type: 'text', value: '<level>', help: { vi: 'cấp đơn vị: department, district, commune, ... (hoặc --units)', en: 'the unit level: department, district, commune, ... (or --units)' } },
    { name: 'units', type: 'text', value: '<units.csv|units.json>', help: { vi: 'danh sách đơn vị (id, name, level, group, parent): mỗi đơn vị một mẫu đã ghi sẵn và khóa thông tin đơn vị, ghi vào thư mục --out', en: 'a units list (id, name, level, group, parent): one form per unit, its identity filled in and locked, written into the folder --out' } },
    { name: 'group', type: 'text', value: '<group>', help: { vi: 'nhóm trong cấp (khi bộ tiêu chí chia nhóm, ví dụ A)', en: 'the group within the level (when the set has groups, for example A)' } },
    outOption({ vi: 'tệp .xlsx sẽ ghi (thư mục phải có sẵn); với --units: thư mục ghi các mẫu', en: 'the .xlsx file to write (its folder must exist); with --units: the folder the forms go to' }, true),
    criteriaOption(),
    criteriaDirOption,
    periodOption({ vi: 'kỳ của mẫu: chọn bản có hiệu lực khi --criteria là một id; mặc định năm nay', en: 'the period of the form: picks the version in force when --criteria is an id; default this year' }),
    {
      name: 'lang',
      type: 'text',
      choices: ['vi', 'en', 'both'],
      default: 'vi',
      help: {
        vi: 'ngôn ngữ của mẫu: vi chỉ tiếng Việt (mặc định), en chỉ tiếng Anh, both tiếng Việt rồi tiếng Anh (tên tiêu chí mỗi thứ tiếng một cột)',
        en: 'the language of the form: vi Vietnamese only (default), en English only, both Vietnamese then English (criteria names in a column each)',
      },
    },
  ],
  examples: [
    { command: 'dti template --level commune --out mau-xa.xlsx', help: { vi: 'mẫu cho xã, phường theo bộ can-tho có hiệu lực năm nay', en: 'the commune form of the can-tho set in force this year' } },
    { command: 'dti template --criteria can-tho@2022.1.0 --level department --group A --out so-nhom-a.xlsx', help: { vi: 'mẫu cho sở nhóm A theo bộ 2022', en: 'the form of group A departments, 2022 set' } },
    { command: 'dti template --criteria can-tho@2025.1.0 --units don-vi.csv --out mau/', help: { vi: 'mỗi đơn vị trong don-vi.csv một mẫu, tên tệp theo mã đơn vị', en: 'one form per unit of don-vi.csv, named after its id' }, overview: true },
    { command: 'dti template --level commune --lang both --out mau-xa-song-ngu.xlsx', help: { vi: 'mẫu song ngữ Việt – Anh', en: 'a bilingual form, Vietnamese and English' } },
  ],
  async run(context) {
    // Loaded only when asked for: the workbook writer (exceljs) is not needed to score.
    const { templateCommand } = await import('../template-command.js');
    const [level, units] = [context.text('level'), context.text('units')];
    if ((level === undefined) === (units === undefined)) {
      const issue = level === undefined
        ? makeIssue('cli/missing-option', '--level', { option: '--level <level> | --units <units.csv|units.json>', command: 'dti template' })
        : makeIssue('cli/option-conflict', '--units', { options: ['--level', '--units'], command: 'dti template' });
      printIssues(context.io, [issue], 'text');
      return 2;
    }
    return templateCommand(context.io, {
      units,
      criteria: context.text('criteria'),
      criteriaDir: context.text('criteria-dir'),
      period: context.text('period'),
      level,
      group: context.text('group'),
      out: context.text('out')!,
      lang: context.choice('lang'),
    });
  },
};
