import { ISSUE_CODES, makeIssue } from '../../src/index.js';

const placeholders = new Proxy({}, { get: (_target, key) => `{${String(key)}}` }) as Record<string, string>;

/** The error-code catalogue as Markdown: one row per code with its message template. */
export function errorCodesMarkdown(): string {
  const rows = ISSUE_CODES.map((code) => {
    const [vi, en] = makeIssue(code, '$', placeholders).message.split(' / ');
    return `| \`${code}\` | ${vi?.replace(/\|/g, '\\|')} | ${en?.replace(/\|/g, '\\|')} |`;
  });
  return [
    '---',
    'title: Error codes / Mã lỗi',
    '---',
    '',
    '# Error codes / Mã lỗi',
    '',
    'Every problem the library reports is an `Issue` `{ code, path, message }`. The `code` is stable:',
    'programs switch on it. The `path` is a JSON path into the input (`nodes[2].children[0].rule.target`,',
    '`units[3].values["CQS.1.3"].numerator`). The `message` is "Vietnamese / English", derived from the code.',
    'This page is generated from `src/errors.ts` (`npx tsx scripts/docs-errors.ts`); a test keeps it current.',
    '',
    '| code | thông báo (vi) | message (en) |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
