import { COMMANDS } from '../../src/cli/commands/index.js';
import { usageLine } from '../../src/cli/help.js';
import { valueOf } from '../../src/cli/spec.js';

/** Where the generated reference starts and ends in docs/guides/command-line.md. */
export const BEGIN = '<!-- reference: generated from the command specs (npx tsx scripts/docs-cli.ts) -->';
export const END = '<!-- end of the generated reference -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** The reference of every command as Markdown, from the same specs the parser and `dti help` use. */
export function commandReferenceMarkdown(): string {
  const parts: string[] = [];
  for (const spec of COMMANDS) {
    parts.push(`### \`dti ${spec.name}\``, '', `${sentence(spec.summary.vi)} *${sentence(spec.summary.en)}*`, '', '```text', usageLine(spec), '```', '');
    if (spec.args.length > 0) {
      parts.push('| Đối số / argument | Ý nghĩa | Meaning |', '| --- | --- | --- |');
      for (const arg of spec.args) parts.push(`| \`<${arg.name}${arg.variadic === true ? '…' : ''}>\` | ${cell(arg.help.vi)} | ${cell(arg.help.en)} |`);
      parts.push('');
    }
    parts.push('| Tùy chọn / option | Mặc định / default | Ý nghĩa | Meaning |', '| --- | --- | --- | --- |');
    for (const option of spec.options) {
      const name = option.type === 'flag' ? `--${option.name}` : `--${option.name} ${valueOf(option)}`;
      const fallback = option.required === true ? 'bắt buộc / required' : option.default !== undefined ? `\`${option.default}\`` : '—';
      parts.push(`| \`${cell(name)}\` | ${fallback} | ${cell(option.help.vi)} | ${cell(option.help.en)} |`);
    }
    parts.push('', 'Ví dụ / examples:', '', '```sh');
    for (const example of spec.examples) parts.push(`# ${example.help.vi} / ${example.help.en}`, example.command);
    parts.push('```', '');
  }
  return `${BEGIN}\n\n${parts.join('\n')}${END}`;
}

/** The guide with its reference region replaced by the generated one. */
export function withReference(guide: string): string {
  const start = guide.indexOf(BEGIN);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/guides/command-line.md has no generated-reference markers');
  return `${guide.slice(0, start)}${commandReferenceMarkdown()}${guide.slice(end + END.length)}`;
}
