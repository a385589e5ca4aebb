// The printout: the unit, period and set, the score (points, index, rating, each
// pillar), then every criterion of the form with the answer given, its points and
// its evidence, and room to sign. Built from what the page scored, just before
// printing (the "In" button and the browser's own print alike); the print
// stylesheet shows it alone.
//
//   print-view                    the printout
//   print-total, print-max, print-index, print-rating
//   print-row-<code>              a criterion's row; print-answer-<code>, print-points-<code>
import type { CriteriaSet, EvidenceEntry, FormField, FormItem, FormSection } from 'dti-criteria';
import { fractionToPercent } from 'dti-criteria';
import { h } from './dom.js';
import type { ScoreState } from './results.js';

/** What the printout shows. */
export interface PrintContent {
  readonly criteria: CriteriaSet;
  readonly unitName: string;
  readonly unitId: string;
  readonly period: string;
  readonly level: string;
  readonly group: string | null;
  readonly sections: readonly FormSection[];
  /** The values and evidence sent (the submission the page scores). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly evidence: Readonly<Record<string, readonly EvidenceEntry[]>>;
  readonly state: ScoreState;
}

const KINDS: Readonly<Record<string, string>> = { document: 'Văn bản', link: 'Trang web', file: 'Tệp' };

/** A value as the printout says it: the option's or items' labels, yes/no, `n / d`, a `%` value in percent. */
function answerText(field: FormField, value: unknown): string {
  if (value === undefined) return '— (chưa nhập)';
  if (value === 'n/a') return 'Không áp dụng (n/a)';
  const input = field.input;
  switch (input.type) {
    case 'yes-no':
      return value === true ? 'Có' : 'Không';
    case 'one-of':
      return input.options.find((o) => o.id === value)?.label.vi ?? String(value);
    case 'any-of': {
      const ticked = Array.isArray(value) ? value : [];
      return ticked.length === 0 ? 'Không mục nào' : input.items.filter((item) => ticked.includes(item.id)).map((item) => `✓ ${item.label.vi}`).join('\n');
    }
    default:
      if (typeof value === 'object' && value !== null) {
        const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
        return `${String(numerator ?? '…')} / ${String(denominator ?? '…')}`;
      }
      if (input.type === 'number' && input.percent && typeof value === 'string') return `${fractionToPercent(value) ?? value} %`;
      return String(value);
  }
}

function entryText(entry: EvidenceEntry): string {
  const parts = [entry.number, entry.date, entry.issuer, entry.title, entry.url, entry.sha256 === undefined ? undefined : `SHA-256 ${entry.sha256}`].filter((part): part is string => part !== undefined && part !== '');
  return `${KINDS[entry.kind] ?? entry.kind}: ${parts.join(' · ')}`;
}

function rows(items: readonly FormItem[], content: PrintContent, out: HTMLTableRowElement[]): void {
  const nodes = content.state.kind === 'failed' ? undefined : content.state.unit.nodes;
  for (const item of items) {
    if (item.type === 'section') {
      const node = item.code === null ? undefined : nodes?.[item.code];
      out.push(
        h(
          'tr',
          { class: `print-section depth-${item.depth}` },
          h('th', { scope: 'rowgroup', colspan: 3 }, item.code ? `${item.code} ` : '', item.name.vi),
          h('td', { class: 'num' }, node ? `${node.points} / ${node.maxPoints}` : item.maxPoints),
        ),
      );
      rows(item.items, content, out);
      continue;
    }
    const node = nodes?.[item.code];
    const entries = content.evidence[item.code] ?? [];
    out.push(
      h(
        'tr',
        { 'data-testid': `print-row-${item.code}` },
        h('td', { class: 'code' }, item.code),
        h('td', {}, item.label.vi, entries.length > 0 ? h('ul', { class: 'print-evidence' }, ...entries.map((entry) => h('li', {}, entryText(entry)))) : null),
        h('td', { class: 'answer', 'data-testid': `print-answer-${item.code}` }, answerText(item, content.values[item.code])),
        h('td', { class: 'num', 'data-testid': `print-points-${item.code}` }, node?.points !== undefined ? `${node.points} / ${node.maxPoints}` : item.maxPoints === null ? '—' : `— / ${item.maxPoints}`),
      ),
    );
  }
}

/** Fills the printout with the unit's answers and score as the page has them now. */
export function renderPrintView(el: HTMLElement, content: PrintContent): void {
  const { criteria, state } = content;
  const level = criteria.levels.find((l) => l.id === content.level);
  const group = level?.groups?.find((g) => g.id === content.group);
  const unit = state.kind === 'failed' ? undefined : state.unit;
  const rating = unit?.rating ? (criteria.ratings?.find((r) => r.id === unit.rating)?.name.vi ?? unit.rating) : '—';
  const out: HTMLTableRowElement[] = [];
  rows(content.sections, content, out);
  const pillars = content.sections.filter((s) => s.code !== null);
  el.replaceChildren(
    h('h1', {}, 'Phiếu tự đánh giá chỉ số chuyển đổi số'),
    h(
      'dl',
      { class: 'print-facts' },
      h('dt', {}, 'Đơn vị'),
      h('dd', {}, content.unitName === '' ? '(chưa đặt tên)' : content.unitName, ` (mã ${content.unitId})`),
      h('dt', {}, 'Kỳ đánh giá'),
      h('dd', {}, content.period === '' ? '(chưa ghi)' : content.period),
      h('dt', {}, 'Bộ chỉ số'),
      h('dd', {}, `${criteria.title.vi} (${criteria.id}@${criteria.version})`),
      h('dt', {}, 'Cấp, nhóm'),
      h('dd', {}, `${level?.name.vi ?? content.level}${group ? ` — ${group.name.vi}` : ''}`),
      h('dt', {}, 'In lúc'),
      h('dd', {}, new Date().toLocaleString('vi-VN')),
    ),
    h(
      'p',
      { class: 'print-score' },
      'Tổng điểm: ',
      h('strong', { 'data-testid': 'print-total' }, unit?.points ?? '—'),
      ' / ',
      h('span', { 'data-testid': 'print-max' }, unit?.maxPoints ?? '—'),
      ' · Chỉ số: ',
      h('strong', { 'data-testid': 'print-index' }, unit?.index ?? '—'),
      ' · Xếp loại: ',
      h('strong', { 'data-testid': 'print-rating' }, rating),
    ),
    state.kind === 'ok' ? '' : h('p', { class: 'print-warning' }, state.kind === 'partial' ? `${state.invalidFields} trường có lỗi: điểm trên chưa tính các giá trị có lỗi.` : 'Chưa tính được điểm.'),
    unit
      ? h(
          'table',
          { class: 'print-pillars' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trụ cột'), h('th', { scope: 'col' }, 'Điểm'), h('th', { scope: 'col' }, 'Chỉ số'))),
          h('tbody', {}, ...pillars.map((p) => h('tr', {}, h('th', { scope: 'row' }, `${p.code} ${p.name.vi}`), h('td', { class: 'num' }, `${unit.nodes[p.code!]?.points ?? '—'} / ${unit.nodes[p.code!]?.maxPoints ?? p.maxPoints}`), h('td', { class: 'num' }, unit.nodes[p.code!]?.index ?? '—')))),
        )
      : '',
    h(
      'table',
      { class: 'print-answers' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Mã'), h('th', { scope: 'col' }, 'Tiêu chí'), h('th', { scope: 'col' }, 'Trả lời'), h('th', { scope: 'col' }, 'Điểm'))),
      h('tbody', {}, ...out),
    ),
    h('div', { class: 'print-signatures' }, h('div', {}, h('strong', {}, 'Người lập biểu'), h('br'), '(Ký, ghi rõ họ tên)'), h('div', {}, h('strong', {}, 'Thủ trưởng đơn vị'), h('br'), '(Ký tên, đóng dấu)')),
    h('p', { class: 'print-foot' }, `Chấm bằng dti-criteria trong trình duyệt, bộ ${criteria.id}@${criteria.version}.`),
  );
}
