import type { CommandSpec } from '../spec.js';
import { criteriaDirOption, criteriaOption, langOption, outOption, periodOption } from './options.js';

/** `dti template`: writes the self-assessment workbook of one level (and group). */
export const template: CommandSpec = {
  name: 'template',
  summary: { vi: 'tạo sổ tính tự đánh giá (.xlsx) cho một cấp, một nhóm', en: 'write the self-assessment workbook (.xlsx) of one level and group' },
  args: [],
  options: [
    { name: 'level', type: 'text', value: '<level>', required: true, help: { vi: 'cấp đơn vị: department, district, commune, ...', en: 'the unit level: department, district, commune, ...' } },
    { name: 'group', type: 'text', value: '<group>', help: { vi: 'nhóm trong cấp (khi bộ tiêu chí chia nhóm, ví dụ A)', en: 'the group within the level (when the set has groups, for example A)' } },
    outOption({ vi: 'tệp .xlsx sẽ ghi (thư mục phải có sẵn)', en: 'the .xlsx file to write (its folder must exist)' }, true),
    criteriaOption(),
    criteriaDirOption,
    periodOption({ vi: 'kỳ của mẫu: chọn bản có hiệu lực khi --criteria là một id; mặc định năm nay', en: 'the period of the form: picks the version in force when --criteria is an id; default this year' }),
    langOption,
  ],
  examples: [
    { command: 'dti template --level commune --out mau-xa.xlsx', help: { vi: 'mẫu cho xã, phường theo bộ can-tho có hiệu lực năm nay', en: 'the commune form of the can-tho set in force this year' } },
    { command: 'dti template --criteria can-tho@2022.1.0 --level department --group A --out so-nhom-a.xlsx', help: { vi: 'mẫu cho sở nhóm A theo bộ 2022', en: 'the form of group A departments, 2022 set' } },
  ],
  async run(context) {
    // Loaded only when asked for: the workbook writer (exceljs) is not needed to score.
    const { templateCommand } = await import('../template-command.js');
    return templateCommand(context.io, {
      criteria: context.text('criteria'),
      criteriaDir: context.text('criteria-dir'),
      period: context.text('period'),
      level: context.text('level')!,
      group: context.text('group'),
      out: context.text('out')!,
      lang: context.choice('lang'),
    });
  },
};
