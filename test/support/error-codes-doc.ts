import { ISSUE_CODES, issueParamKinds, makeIssue, type IssueCode } from '../../src/index.js';

/** Every parameter of `code` as a placeholder (`{name}`; a list as one placeholder item), so the message shows its template. */
function placeholders(code: IssueCode): Record<string, unknown> {
  return Object.fromEntries(Object.entries(issueParamKinds(code)).map(([name, kind]) => [name, kind.startsWith('list') ? [`{${name}}`] : `{${name}}`]));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The error-code catalogue as Markdown: one row per code with its parameters and message templates. */
export function errorCodesMarkdown(): string {
  const rows = ISSUE_CODES.map((code) => {
    const { vi, en } = makeIssue(code, '$', placeholders(code) as never).message;
    const params = Object.entries(issueParamKinds(code)).map(([name, kind]) => `\`${name}\` ${kind}`).join(', ') || '—';
    return `| \`${code}\` | ${cell(params)} | ${cell(vi)} | ${cell(en)} |`;
  });
  return [
    '---',
    'title: Mã lỗi / Error codes',
    '---',
    '',
    '# Error codes / Mã lỗi',
    '',
    'Mọi lỗi thư viện báo là một `Issue`: `code` cố định (chương trình rẽ nhánh theo mã), `path` (đường dẫn',
    'JSON dạng chữ) và `segments` (cùng đường dẫn dạng danh sách), `params` (tham số theo mã, là dữ liệu:',
    'số, mã, danh sách mã), `node`, `unit`, `file`, `cell` khi có, và `message: { vi, en }` sinh từ mã và',
    'tham số. Giao diện có thể hiện một ngôn ngữ (`formatIssue(issue, "vi")`) hoặc tự dựng câu từ `params`.',
    '',
    'Every problem the library reports is an `Issue`: a stable `code` (programs switch on it), the `path`',
    '(a JSON path as text: `nodes[2].children[0].rule.target`, `units[3].values["CQS.1.3"].numerator`) and',
    'the same path as `segments`, the `params` of the code (data: numbers, codes, lists of ids; never prose),',
    '`node`, `unit`, `file` and `cell` where they apply, and `message: { vi, en }` derived from the code and',
    'params. A UI shows one language (`formatIssue(issue, "en")`) or builds its own text from `params`; the',
    'text form is `path (node): message [code]`.',
    '',
    'Parameter kinds: `text` (text from the data: an id, a code, a decimal as written, a file name),',
    '`number`, `list` (a list of ids); `?` marks an optional parameter.',
    'This page is generated from `src/errors.ts` (`npx tsx scripts/docs-errors.ts`); a test keeps it current.',
    '',
    '| code | params | thông báo (vi) | message (en) |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
