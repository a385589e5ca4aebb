import { criteriaDiff, criteriaList, criteriaNew, criteriaPublish, criteriaVerify } from '../criteria-command.js';
import type { CommandSpec, OptionSpec } from '../spec.js';
import { criteriaDirOption, formatOption, langOption, periodOption } from './options.js';

const dirOption: OptionSpec = {
  name: 'dir',
  type: 'text',
  value: '<folder>',
  default: 'criteria',
  help: { vi: 'thư mục bộ tiêu chí của Sở (có manifest.json)', en: 'the department\'s criteria folder (with manifest.json)' },
};

/** `dti criteria list`. */
export const criteriaListSpec: CommandSpec = {
  name: 'criteria list',
  summary: { vi: 'liệt kê các bộ tiêu chí dùng được theo tên', en: 'list the criteria sets usable by name' },
  args: [],
  options: [criteriaDirOption, formatOption(['text', 'json'], 'text', { vi: 'dòng chữ hoặc JSON', en: 'lines or JSON' })],
  examples: [{ command: 'dti criteria list', help: { vi: 'id@phiên-bản, trạng thái, thời gian hiệu lực, mã băm, nguồn', en: 'id@version, status, effective period, hash, source' } }],
  run: (context) => criteriaList(context.io, { criteriaDir: context.text('criteria-dir'), format: context.choice('format') }),
};

/** `dti criteria new`. */
export const criteriaNewSpec: CommandSpec = {
  name: 'criteria new',
  summary: { vi: 'tạo bản nháp phiên bản mới từ một phiên bản có sẵn', en: 'make a draft of a new version from an existing one' },
  args: [{ name: 'id', help: { vi: 'mã bộ tiêu chí, ví dụ can-tho', en: 'the set id, for example can-tho' } }],
  options: [
    { name: 'from', type: 'text', value: '<version>', required: true, help: { vi: 'phiên bản gốc', en: 'the version to start from' } },
    { name: 'version', type: 'text', value: '<new>', required: true, help: { vi: 'phiên bản mới, ví dụ 2026.1.0', en: 'the new version, for example 2026.1.0' } },
    { name: 'title', type: 'text', value: '<tên>', required: true, help: { vi: 'tên tiếng Việt của phiên bản mới', en: 'the Vietnamese title of the new version' } },
    { name: 'title-en', type: 'text', value: '<name>', help: { vi: 'tên tiếng Anh', en: 'the English title' } },
    { name: 'description', type: 'text', value: '<mô tả>', help: { vi: 'mô tả tiếng Việt', en: 'the Vietnamese description' } },
    { name: 'description-en', type: 'text', value: '<text>', help: { vi: 'mô tả tiếng Anh', en: 'the English description' } },
    { name: 'effective-from', type: 'text', value: '<YYYY-MM-DD>', help: { vi: 'ngày bắt đầu hiệu lực', en: 'the first day in force' } },
    { name: 'effective-to', type: 'text', value: '<YYYY-MM-DD>', help: { vi: 'ngày hết hiệu lực', en: 'the last day in force' } },
    dirOption,
    criteriaDirOption,
  ],
  examples: [{ command: 'dti criteria new can-tho --from 2025.1.0 --version 2026.1.0 --title "Bộ chỉ số 2026" --effective-from 2026-01-01', help: { vi: 'bản nháp 2026 trong ./criteria', en: 'a 2026 draft in ./criteria' }, overview: true }],
  run: (context) => criteriaNew(context.io, context.args[0]!, {
    dir: context.text('dir')!,
    criteriaDir: context.text('criteria-dir'),
    from: context.text('from')!,
    version: context.text('version')!,
    title: context.text('title')!,
    titleEn: context.text('title-en'),
    description: context.text('description'),
    descriptionEn: context.text('description-en'),
    effectiveFrom: context.text('effective-from'),
    effectiveTo: context.text('effective-to'),
  }),
};

/** `dti criteria publish`. */
export const criteriaPublishSpec: CommandSpec = {
  name: 'criteria publish',
  summary: { vi: 'công bố một bản nháp: kiểm tra, đánh dấu published, ghi mã băm vào manifest', en: 'publish a draft: validate it, mark it published, record its hash in the manifest' },
  args: [{ name: 'file', help: { vi: 'tệp bản nháp trong thư mục bộ tiêu chí', en: 'the draft file in the criteria folder' } }],
  options: [dirOption],
  examples: [{ command: 'dti criteria publish criteria/can-tho/2026.1.0.json', help: { vi: 'công bố bộ 2026', en: 'publish the 2026 set' }, overview: true }],
  run: (context) => criteriaPublish(context.io, context.args[0]!, { dir: context.text('dir')! }),
};

/** `dti criteria verify`. */
export const criteriaVerifySpec: CommandSpec = {
  name: 'criteria verify',
  summary: { vi: 'kiểm tra mọi tệp đã công bố khớp manifest (mã băm, trạng thái)', en: 'check that every published file matches the manifest (hash, status)' },
  args: [],
  options: [dirOption, formatOption(['text', 'json'], 'text', { vi: 'dòng chữ hoặc JSON', en: 'lines or JSON' })],
  examples: [{ command: 'dti criteria verify', help: { vi: 'kiểm tra ./criteria', en: 'check ./criteria' } }],
  run: (context) => criteriaVerify(context.io, { dir: context.text('dir')!, format: context.choice('format') }),
};

/** `dti criteria diff`. */
export const criteriaDiffSpec: CommandSpec = {
  name: 'criteria diff',
  summary: { vi: 'so sánh hai bộ tiêu chí: tiêu chí thêm, bỏ, đổi tên, đổi điểm', en: 'compare two criteria sets: criteria added, removed, renamed, re-pointed' },
  args: [
    { name: 'a', help: { vi: 'bộ thứ nhất: id@phiên-bản, id hoặc tệp .json', en: 'the first set: id@version, id or a .json file' } },
    { name: 'b', help: { vi: 'bộ thứ hai', en: 'the second set' } },
  ],
  options: [
    periodOption({ vi: 'kỳ để chọn bản có hiệu lực khi a hoặc b là id; mặc định năm nay', en: 'the period that picks the version in force when a or b is an id; default this year' }),
    criteriaDirOption,
    formatOption(['md', 'json'], 'md', { vi: 'Markdown hoặc JSON', en: 'Markdown or JSON' }),
    langOption,
  ],
  examples: [{ command: 'dti criteria diff can-tho@2023.1.0 can-tho@2025.1.0', help: { vi: 'những gì đổi từ 2023 đến 2025', en: 'what changed from 2023 to 2025' }, overview: true }],
  run: (context) => criteriaDiff(context.io, context.args[0]!, context.args[1]!, { criteriaDir: context.text('criteria-dir'), period: context.text('period'), format: context.choice('format'), lang: context.choice('lang') }),
};
