// The examples of the format reference other than the rule kinds', each run by the library when the
// reference is generated: the complete set, its submission and results file, missing values, rounding,
// ranking, value domains, ids and duplicate keys.
import { safeParseSubmissionJson } from '../../src/format/parse-submission.js';
import { isVietnameseLetter, safeNormalizeId } from '../../src/format/identity.js';
import { EXAMPLE_SET, EXAMPLE_SUBMISSION } from './examples.js';
import { cell, inlineJson, jsonBlock, refusedTable } from './markdown.js';
import { checkedSet, refused, scored, workKind, wrapperSet, type KindCase } from './worked.js';



/** The results file of the complete example: what `dti score --format json --pretty` writes for it. */
export function exampleReport(): unknown {
  const set = checkedSet(EXAMPLE_SET, 'the example set');
  return scored(set, EXAMPLE_SUBMISSION, 'the example submission', { inputHashes: true });
}

/** A few leaves with values accepted and refused, as the rule kinds' sections show them. */
function leafCases(cases: readonly KindCase[], what: string): string[] {
  const out: string[] = [];
  cases.forEach((example, i) => {
    const worked = workKind(example, `${what} ${i + 1}`);
    out.push(...jsonBlock('node', worked.leaf), '');
    out.push('| Giá trị / value | Điểm / points | Lời giải thích | Explanation |', '| --- | --- | --- | --- |');
    for (const row of worked.rows) out.push(`| ${cell(inlineJson(row.value))} | ${row.points} / ${row.maxPoints} | ${cell(row.explanation.vi)} | ${cell(row.explanation.en)} |`);
    out.push('', ...refusedTable(worked.refused), '');
  });
  return out;
}

/** Section 5: one unit scored under each `missing` policy. */
function missingExample(): string[] {
  const leaf = (code: string, vi: string, en: string, extra: Record<string, unknown> = {}) => ({ code, name: { vi, en }, points: '10', ...extra, rule: { kind: 'boolean' } });
  const nodes = [
    leaf('A.1', 'Có cổng thông tin điện tử', 'Has a web portal'),
    leaf('A.2', 'Có dịch vụ công trực tuyến toàn trình', 'Offers full online public services', { allowNA: true }),
    leaf('A.3', 'Có bộ phận một cửa điện tử', 'Has an electronic one-stop desk'),
  ];
  const submission = { period: '2026', units: [{ id: 'xa-1', level: 'commune', values: { 'A.1': true, 'A.2': 'n/a' } }] };
  const out = [
    ...jsonBlock('submission', submission),
    '',
    '| `missing` | `A.2` (`"n/a"`) | `A.3` (không ghi / not given) | Đơn vị / unit: points / maxPoints, index |',
    '| --- | --- | --- | --- |',
  ];
  for (const missing of ['zero', 'exclude', 'error'] as const) {
    const set = checkedSet(wrapperSet(nodes, { missing }), `missing: ${missing}`);
    if (missing === 'error') {
      const issue = refused(set, submission, 'missing: error')[0]!;
      out.push(`| \`"error"\` | — | — | bị từ chối / refused: \`${issue.code}\`: ${cell(issue.message.vi)} / ${cell(issue.message.en)} |`);
      continue;
    }
    const result = scored(set, submission, `missing: ${missing}`).results[0]!;
    const node = (code: string): string => {
      const n = result.nodes[code]!;
      return `\`${n.status}\`, ${n.points ?? '`null`'} / ${n.maxPoints ?? '`null`'}`;
    };
    out.push(`| \`"${missing}"\` | ${node('A.2')} | ${node('A.3')} | ${result.points} / ${result.maxPoints}, ${result.index ?? '`null`'} |`);
  }
  return out;
}

/** Section 6: points rounded once, half up, and an index. */
function roundingExample(): string[] {
  const cases: KindCase[] = [
    { leaf: { code: 'A.1', name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Share of online dossiers' }, points: '10', rule: { kind: 'ratio' } }, values: [{ numerator: 15, denominator: 16 }, { numerator: 1, denominator: 3 }, { numerator: 2, denominator: 3 }, { numerator: 201, denominator: 400 }] },
  ];
  return leafCases(cases, 'the rounding example');
}

/** Section 6: ratings and ranks of five units, ties `competition` then `dense`. */
function rankingExample(): string[] {
  const ratings = EXAMPLE_SET.ratings;
  const nodes = [{ code: 'A.1', name: { vi: 'Điểm hội đồng chấm', en: 'Points set by the council' }, points: '100', allowNA: true, rule: { kind: 'appraised' } }];
  const values: readonly unknown[] = [90, 85, '85', 70, 'n/a'];
  const submission = { period: '2026', units: values.map((value, i) => ({ id: `xa-${i + 1}`, level: 'commune', values: { 'A.1': value } })) };
  const competition = scored(checkedSet(wrapperSet(nodes, { ratings, ranking: { ties: 'competition' } }), 'ranking, competition'), submission, 'ranking, competition');
  const dense = scored(checkedSet(wrapperSet(nodes, { ratings, ranking: { ties: 'dense' } }), 'ranking, dense'), submission, 'ranking, dense');
  const out = [
    '| Đơn vị / unit | `A.1` | points / maxPoints | index | rating | rank, `competition` | rank, `dense` |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  competition.results.forEach((result, i) => {
    const other = dense.results[i]!;
    const show = (value: unknown): string => (value === null ? '`null`' : `\`${String(value)}\``);
    out.push(`| \`${result.unit}\` | ${inlineJson(values[i])} | ${result.points} / ${result.maxPoints} | ${show(result.index)} | ${show(result.rating)} | ${show(result.rank)} | ${show(other.rank)} |`);
  });
  return out;
}

/** Section 9: a `%` leaf, a count with a range, a `%` leaf whose range goes past 100 %. */
function domainsExample(): string[] {
  return leafCases([
    {
      leaf: { code: 'XHS.1', name: { vi: 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử', en: 'Share of adults with an e-payment account' }, unit: '%', points: '15', rule: { kind: 'linear', from: '0.2', to: '0.8' } },
      values: ['0.65', 1],
      refused: [65, 150],
    },
    {
      leaf: { code: 'KTS.2.1', name: { vi: 'Số doanh nghiệp công nghệ số đang hoạt động', en: 'Digital technology firms in operation' }, unit: 'count', range: { max: '500' }, points: '20', rule: { kind: 'count', each: '0.5' } },
      values: [30, 500],
      refused: [600],
    },
    {
      leaf: { code: 'KTS.3.1', name: { vi: 'Tăng trưởng doanh thu thương mại điện tử so với năm trước', en: 'E-commerce revenue growth on the year before' }, unit: '%', range: { min: '-1', max: '3' }, points: '10', rule: { kind: 'linear', from: '0', to: '0.5' } },
      values: ['1.2', '-0.1'],
      refused: ['-1.5', '3.5'],
    },
  ], 'the domains example');
}

/** An id with every character a reader could miss written as `\uXXXX`. */
function visible(text: string): string {
  let out = '';
  for (const char of text) out += /^[\x21-\x7e]$/.test(char) || isVietnameseLetter(char) ? char : `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${out}"`;
}

/** Section 10: ids as they are read. */
function idsExample(): string[] {
  const inputs = ['ninh-kie\u0302\u0300u', ' u1\t', 'an\u200bbinh', '\u0430n-binh', 'an binh', '  '];
  const out = ['| Mã ghi / id given | Đọc thành / read as | Mã lỗi / code | Thông báo | Message |', '| --- | --- | --- | --- | --- |'];
  for (const input of inputs) {
    const read = safeNormalizeId(input, ['units', 0, 'id']);
    if (read.ok) out.push(`| \`${visible(input)}\` | \`${visible(read.value)}\` | — | — | — |`);
    else {
      const issue = read.issues[0]!;
      out.push(`| \`${visible(input)}\` | — | \`${issue.code}\` | ${cell(issue.message.vi)} | ${cell(issue.message.en)} |`);
    }
  }
  return out;
}

/** Section 10: a key given twice. */
function duplicateKeyExample(): string[] {
  const text = '{ "units": [ { "id": "xa-1", "level": "commune", "values": { "A.1": true, "A.1": false } } ] }';
  const read = safeParseSubmissionJson(text);
  if (read.ok) throw new Error('the duplicate-key example was read');
  const issue = read.issues[0]!;
  return ['```text', text, `${issue.path}: ${issue.message.vi} [${issue.code}]`, `${issue.path}: ${issue.message.en} [${issue.code}]`, '```'];
}

/** The examples `<!-- example: NAME -->` writes. */
export const EXAMPLES: Readonly<Record<string, () => string[]>> = {
  'complete-set': () => jsonBlock('set', EXAMPLE_SET),
  'complete-submission': () => jsonBlock('submission', EXAMPLE_SUBMISSION),
  'complete-results': () => jsonBlock('results', exampleReport()),
  missing: missingExample,
  rounding: roundingExample,
  ranking: rankingExample,
  domains: domainsExample,
  ids: idsExample,
  'duplicate-key': duplicateKeyExample,
};
