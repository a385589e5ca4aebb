// Small Markdown pieces the reference's tables and examples share.
import type { Issue } from '../../src/errors.js';

/** Where the reference's links to the error codes point, from docs/reference/. */
export const ERROR_CODES = '../guides/error-codes.md';

/** A table cell: pipes escaped, line breaks as spaces. */
export const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** JSON on one line, as a code span. */
export const inlineJson = (value: unknown): string => `\`${oneLine(value)}\``;

/** An error code, linked to the catalogue. */
export const codeLink = (code: string): string => `[\`${code}\`](${ERROR_CODES})`;

/** A block of JSON the test reads back: `kind` says what it is (`set`, `node`, `submission`, `results`). */
export function jsonBlock(kind: 'set' | 'node' | 'submission' | 'results', value: unknown): string[] {
  return [`\`\`\`json ${kind}`, readableJson(value), '```'];
}

/** Widest line of {@link readableJson}. */
const WIDTH = 100;

/**
 * JSON for people: an object or list on one line when it fits in {@link WIDTH}
 * characters at its indentation (`{ "vi": "…", "en": "…" }`), else one entry a
 * line, two spaces deeper. The same value as `JSON.stringify` gives.
 */
export function readableJson(value: unknown, indent = 0): string {
  const inline = oneLine(value);
  return indent + inline.length <= WIDTH || value === null || typeof value !== 'object' ? inline : brokenUp(value, indent);
}

/** An object or list one entry a line, its closing bracket at `indent`. */
function brokenUp(value: object, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) return `[\n${value.map((item) => `${pad}${readableJson(item, indent + 2)}`).join(',\n')}\n${' '.repeat(indent)}]`;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  const entry = ([key, item]: [string, unknown]): string => {
    const head = `${pad}${JSON.stringify(key)}: `;
    const inline = oneLine(item);
    return head.length + inline.length <= WIDTH || item === null || typeof item !== 'object' ? `${head}${inline}` : `${head}${brokenUp(item, indent + 2)}`;
  };
  return `{\n${entries.map(entry).join(',\n')}\n${' '.repeat(indent)}}`;
}

/** A value on one line, with a space after each `:` and `,` and inside braces. */
export function oneLine(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ')} }`;
}

/** Refused values and what the library says of each. */
export function refusedTable(rows: readonly { readonly value: unknown; readonly issue: Issue }[]): string[] {
  if (rows.length === 0) return [];
  return [
    '| Giá trị bị từ chối / refused | Mã lỗi / code | Thông báo | Message |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${cell(inlineJson(row.value))} | ${codeLink(row.issue.code)} | ${cell(row.issue.message.vi)} | ${cell(row.issue.message.en)} |`),
  ];
}
