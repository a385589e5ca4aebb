import { DEFAULT_LIMITS, type InputLimits } from '../../limits.js';
import type { Bilingual, OptionSpec, ParsedCommand } from '../spec.js';

/** `--criteria <ref>`: a set by name, or a criteria file. */
export const criteriaOption = (help?: Bilingual): OptionSpec => ({
  name: 'criteria',
  type: 'text',
  value: '<ref>',
  help: help ?? {
    vi: 'bộ tiêu chí: id@phiên-bản (can-tho@2025.1.0), id (bản có hiệu lực trong kỳ) hoặc đường dẫn tệp .json',
    en: 'the criteria set: id@version (can-tho@2025.1.0), id (the version in force in the period) or a path to a .json file',
  },
});

/** `--criteria-dir <folder>`: a criteria folder searched first. */
export const criteriaDirOption: OptionSpec = {
  name: 'criteria-dir',
  type: 'text',
  value: '<folder>',
  help: {
    vi: 'thư mục bộ tiêu chí tìm trước ./criteria và các bộ có sẵn (hoặc biến môi trường DTI_CRITERIA_DIR)',
    en: 'a criteria folder searched before ./criteria and the embedded sets (or the DTI_CRITERIA_DIR variable)',
  },
};

/** `--period <period>`. */
export const periodOption = (help: Bilingual): OptionSpec => ({ name: 'period', type: 'text', value: '<period>', help });

/** `--locale vi|en` (default `en`): how numbers are written in the files read (`vi` reads 1.234,5). */
export const localeOption = (help: Bilingual): OptionSpec => ({ name: 'locale', type: 'text', choices: ['vi', 'en'], default: 'en', help });

/** `--lang vi|en`: the language of labels in what the command writes. */
export const langOption: OptionSpec = {
  name: 'lang',
  type: 'text',
  choices: ['vi', 'en'],
  default: 'vi',
  help: { vi: 'ngôn ngữ của nhãn trong kết quả', en: 'the language of the labels in the output' },
};

/** `--format`: one of `choices`, `fallback` when not given. */
export const formatOption = (choices: readonly string[], fallback: string, help: Bilingual): OptionSpec => ({ name: 'format', type: 'text', choices, default: fallback, help });

/** `--out <file>`. */
export const outOption = (help: Bilingual, required = false): OptionSpec => ({ name: 'out', type: 'text', value: '<file>', help, ...(required ? { required } : {}) });

/** `--max-depth`, `--max-nodes`, `--max-units`, `--max-issues`: the input limits (`DEFAULT_LIMITS`). */
export const limitOptions = (which: readonly (keyof InputLimits)[]): OptionSpec[] => {
  const helps: Record<keyof InputLimits, Bilingual> = {
    depth: { vi: 'độ sâu lớn nhất của cây tiêu chí', en: 'the deepest criteria tree read' },
    nodes: { vi: 'số nút nhiều nhất của một bộ tiêu chí', en: 'the most nodes in one criteria set' },
    units: { vi: 'số đơn vị nhiều nhất của một lần chấm', en: 'the most units in one batch' },
    issues: { vi: 'số lỗi liệt kê nhiều nhất, sau đó một dòng input/too-many-issues cho biết tổng số', en: 'the most problems listed; then one input/too-many-issues line gives the count' },
  };
  return which.map((key) => ({ name: `max-${key}`, type: 'integer', default: String(DEFAULT_LIMITS[key]), help: helps[key] }));
};

/** The limits a command line sets (`--max-…`), for the library's `limits` options. */
export function limitsGiven(parsed: ParsedCommand, which: readonly (keyof InputLimits)[]): Partial<InputLimits> {
  return Object.fromEntries(which.map((key) => [key, parsed.integer(`max-${key}`) ?? DEFAULT_LIMITS[key]]));
}
