// The live score panel: total points, maximum, index and rating, the
// pillars' points and index, unit-level issues, the batch's warnings, and the
// radar chart.
//
//   total-points, max-points, index, rating (data-rating-id), status (data-state)
//   pillar-<code>-points, pillar-<code>-index, general-issues, warnings
import type { CriteriaSet, FormSection, Issue, UnitResult } from 'dti-criteria';
import { pillarRadar } from 'dti-criteria/charts';
import { bilingual, h } from './dom.js';
import { fieldMessage } from './issues.js';

export type ScoreState =
  /** Every value and evidence entry valid: the unit's score, and the batch's warnings (a period the library cannot read...). */
  | { readonly kind: 'ok'; readonly unit: UnitResult; readonly warnings: readonly Issue[] }
  /** Some values or evidence entries invalid: the score without them (they are flagged at their fields). */
  | { readonly kind: 'partial'; readonly unit: UnitResult; readonly invalidFields: number; readonly general: readonly Issue[]; readonly warnings: readonly Issue[] }
  /** No score at all: issues that concern the unit as a whole. */
  | { readonly kind: 'failed'; readonly general: readonly Issue[] };

function ratingName(criteria: CriteriaSet, id: string | null): { vi: string; en: string } | null {
  if (id === null) return null;
  const rating = criteria.ratings?.find((r) => r.id === id);
  return rating ? { vi: rating.name.vi, en: rating.name.en ?? rating.name.vi } : { vi: id, en: id };
}

function issueList(issues: readonly Issue[], unitId: string): HTMLElement {
  return h(
    'ul',
    { class: 'issues', 'data-testid': 'general-issues' },
    ...issues.map((issue) => h('li', { 'data-code': issue.code }, fieldMessage(issue), ' ', h('code', {}, `[${issue.code}]`), h('span', { class: 'path' }, ` ${issue.path}`))),
  );
}

export function renderScore(panel: HTMLElement, radar: HTMLElement, state: ScoreState, criteria: CriteriaSet, pillars: readonly FormSection[], unitId: string): void {
  if (state.kind === 'failed') {
    panel.replaceChildren(
      h(
        'div',
        { class: 'status status-failed', 'data-testid': 'status', 'data-state': 'failed', role: 'status' },
        h('p', {}, h('strong', {}, 'Chưa tính được điểm.'), ' ', h('span', { class: 'sub', lang: 'en' }, 'No score yet.')),
        issueList(state.general, unitId),
      ),
    );
    radar.replaceChildren();
    return;
  }
  const unit = state.unit;
  const rating = ratingName(criteria, unit.rating);
  const status =
    state.kind === 'ok'
      ? h('p', { class: 'status status-ok', 'data-testid': 'status', 'data-state': 'ok' }, 'Mọi giá trị hợp lệ.', ' ', h('span', { class: 'sub', lang: 'en' }, 'All values valid.'))
      : h(
          'div',
          { class: 'status status-partial', 'data-testid': 'status', 'data-state': 'partial', role: 'status' },
          h(
            'p',
            {},
            h('strong', {}, `${state.invalidFields} trường có lỗi`),
            ' (đánh dấu đỏ tại trường), điểm dưới đây chưa tính các giá trị và minh chứng có lỗi.',
            ' ',
            h('span', { class: 'sub', lang: 'en' }, `${state.invalidFields} field(s) with errors, flagged in red; the score below leaves out the values and evidence entries with errors.`),
          ),
          state.general.length > 0 ? issueList(state.general, unitId) : null,
        );

  const pillarRows = pillars
    .filter((p) => p.code !== null)
    .map((p) => {
      const node = unit.nodes[p.code!];
      return h(
        'tr',
        { 'data-testid': `pillar-${p.code}` },
        h('th', { scope: 'row' }, h('span', { class: 'code' }, p.code!), ' ', bilingual(p.name.vi, p.name.en)),
        h('td', { class: 'num', 'data-testid': `pillar-${p.code}-points` }, node?.points ?? '—'),
        h('td', { class: 'num' }, node?.maxPoints ?? p.maxPoints),
        h('td', { class: 'num', 'data-testid': `pillar-${p.code}-index` }, node?.index ?? '—'),
      );
    });

  // The batch's warnings (spec §8): a period the library cannot read (evidence dates are then not judged), a draft set...
  const warnings =
    state.warnings.length > 0
      ? h(
          'ul',
          { class: 'warnings', 'data-testid': 'warnings' },
          ...state.warnings.map((issue) => h('li', { 'data-code': issue.code }, h('strong', {}, 'Lưu ý: '), fieldMessage(issue), ' ', h('code', {}, `[${issue.code}]`))),
        )
      : null;
  panel.replaceChildren(
    status,
    ...(warnings ? [warnings] : []),
    h(
      'dl',
      { class: 'totals' },
      h('div', {}, h('dt', {}, 'Tổng điểm', h('span', { class: 'sub', lang: 'en' }, 'Total points')), h('dd', {}, h('strong', { 'data-testid': 'total-points', id: 'total-points' }, unit.points), h('span', { class: 'of' }, 'trên tối đa ', h('span', { 'data-testid': 'max-points', id: 'max-points' }, unit.maxPoints)))),
      h('div', {}, h('dt', {}, 'Chỉ số', h('span', { class: 'sub', lang: 'en' }, 'Index')), h('dd', {}, h('strong', { 'data-testid': 'index', id: 'index' }, unit.index ?? '—'))),
      h(
        'div',
        {},
        h('dt', {}, 'Xếp loại', h('span', { class: 'sub', lang: 'en' }, 'Rating')),
        h('dd', {}, h('strong', { 'data-testid': 'rating', id: 'rating', 'data-rating-id': unit.rating ?? '' }, rating?.vi ?? '—'), rating && rating.en !== rating.vi ? h('span', { class: 'sub', lang: 'en' }, ` ${rating.en}`) : null),
      ),
    ),
    h(
      'table',
      { class: 'pillars' },
      h('caption', {}, 'Theo trụ cột ', h('span', { class: 'sub', lang: 'en' }, 'By pillar')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trụ cột'), h('th', { scope: 'col', class: 'num' }, 'Điểm'), h('th', { scope: 'col', class: 'num' }, 'Tối đa'), h('th', { scope: 'col', class: 'num' }, 'Chỉ số'))),
      h('tbody', {}, ...pillarRows),
    ),
  );

  // The chart is the library's own SVG string (escaped, deterministic, role="img" with title and desc).
  try {
    radar.innerHTML = pillarRadar(unit, criteria, { lang: 'vi', width: 420 });
  } catch (error) {
    radar.replaceChildren(h('p', { class: 'status status-failed' }, `Không vẽ được biểu đồ: ${error instanceof Error ? error.message : String(error)}`));
  }
}
