// The live score panel: total points, maximum, index and rating, the
// pillars' points and index, the fields with errors (each a link to its field),
// unit-level issues, the batch's warnings, and the radar chart; and the compact
// score bar phones show while filling.
//
//   total-points, max-points, index, rating (data-rating-id), status (data-state)
//   error-list, error-link-<code> (or error-link-<code>-entry-<i>)
//   pillar-<code>-points, pillar-<code>-index, general-issues, warnings
//   bar-points, bar-max, bar-index, bar-rating, bar-errors (data-count), bar-details
import { makeIssue, type CriteriaSet, type FormSection, type Issue, type UnitResult } from 'dti-criteria';
import { pillarRadar } from 'dti-criteria/charts';
import { bilingual, h } from './dom.js';
import { fieldMessage } from './issues.js';
import { issueList } from './issue-view.js';
import { jumpTo } from './jump.js';

/** A field (or one of its evidence entries) with errors, as the error list links to it. */
export interface FieldErrors {
  readonly code: string;
  readonly label: string;
  /** The evidence entry the errors are at (its index as listed), or none for the value. */
  readonly entry?: number;
  readonly issues: readonly Issue[];
}

export type ScoreState =
  /** Every value and evidence entry valid: the unit's score, and the batch's warnings (a period the library cannot read...). */
  | { readonly kind: 'ok'; readonly unit: UnitResult; readonly warnings: readonly Issue[] }
  /** Some values or evidence entries invalid: the score without them (they are flagged at their fields, and listed). */
  | { readonly kind: 'partial'; readonly unit: UnitResult; readonly invalidFields: number; readonly errors: readonly FieldErrors[]; readonly general: readonly Issue[]; readonly warnings: readonly Issue[] }
  /** No score at all: issues that concern the unit as a whole. */
  | { readonly kind: 'failed'; readonly errors: readonly FieldErrors[]; readonly general: readonly Issue[] };

/** The id of the element an error links to: the field, or its evidence entry. */
const targetOf = (error: FieldErrors): string => (error.entry === undefined ? `field-${error.code}` : `entry-${error.code}-${error.entry}`);

/** The fields with errors, each a link that shows the field fully and focuses its input. */
function errorList(errors: readonly FieldErrors[]): HTMLElement {
  return h(
    'ul',
    { class: 'error-list', id: 'error-list', 'data-testid': 'error-list' },
    ...errors.map((error) => {
      const target = targetOf(error);
      const link = h(
        'a',
        { href: `#${target}`, 'data-testid': `error-link-${error.code}${error.entry === undefined ? '' : `-entry-${error.entry}`}`, 'data-target': target },
        h('span', { class: 'code' }, error.code),
        ' ',
        error.entry === undefined ? error.label : `${error.label} — minh chứng ${error.entry + 1}`,
        ': ',
        ...error.issues.flatMap((issue, i) => [i > 0 ? '; ' : '', fieldMessage(issue), ' ', h('code', {}, `[${issue.code}]`)]),
      );
      link.addEventListener('click', (event) => {
        event.preventDefault();
        jumpTo(target);
      });
      return h('li', { 'data-code': error.code, 'data-path': error.issues[0]?.path ?? '' }, link);
    }),
  );
}

function ratingName(criteria: CriteriaSet, id: string | null): { vi: string; en: string } | null {
  if (id === null) return null;
  const rating = criteria.ratings?.find((r) => r.id === id);
  return rating ? { vi: rating.name.vi, en: rating.name.en ?? rating.name.vi } : { vi: id, en: id };
}

const generalIssues = (issues: readonly Issue[]): HTMLElement => issueList(issues, { 'data-testid': 'general-issues' });

export function renderScore(panel: HTMLElement, radar: HTMLElement, state: ScoreState, criteria: CriteriaSet, pillars: readonly FormSection[]): void {
  if (state.kind === 'failed') {
    panel.replaceChildren(
      h(
        'div',
        { class: 'status status-failed', 'data-testid': 'status', 'data-state': 'failed', role: 'status' },
        h('p', {}, h('strong', {}, 'Chưa tính được điểm.'), ' ', h('span', { class: 'sub', lang: 'en' }, 'No score yet.')),
        state.errors.length > 0 ? errorList(state.errors) : null,
        generalIssues(state.general),
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
          state.errors.length > 0 ? errorList(state.errors) : null,
          state.general.length > 0 ? generalIssues(state.general) : null,
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
    // Never expected (the chart draws any result); said with a code all the same.
    radar.replaceChildren(generalIssues([makeIssue('internal/error', '$', { command: 'pillarRadar', detail: error instanceof Error ? error.name : 'unknown' })]));
  }
}

/**
 * The compact score bar (phones and narrow windows, while filling): points of
 * the maximum, index, rating and how many fields have errors, a link to the
 * error list and one to the full panel. `undefined` state: no level chosen yet.
 */
export function renderBar(bar: HTMLElement, state: ScoreState | undefined, criteria: CriteriaSet | undefined): void {
  const details = h('a', { href: '#panel', class: 'bar-details', 'data-testid': 'bar-details' }, 'Chi tiết', h('span', { class: 'sub', lang: 'en' }, ' details'));
  details.addEventListener('click', (event) => {
    event.preventDefault();
    jumpTo('panel');
  });
  if (state === undefined || criteria === undefined) {
    bar.dataset['state'] = 'none';
    bar.replaceChildren(h('p', { class: 'bar-hint' }, bilingual('Chọn kỳ, cấp và nhóm để tính điểm.', 'Choose the period, level and group to score.')));
    return;
  }
  bar.dataset['state'] = state.kind;
  const errors = state.kind === 'ok' ? 0 : state.kind === 'partial' ? state.invalidFields : state.errors.length;
  const unit = state.kind === 'failed' ? undefined : state.unit;
  const rating = unit ? ratingName(criteria, unit.rating) : null;
  const figure = (label: string, en: string, value: HTMLElement): HTMLElement => h('div', { class: 'bar-figure' }, h('span', { class: 'bar-label' }, label, h('span', { class: 'sub', lang: 'en' }, ` ${en}`)), value);
  const errorsEl =
    errors > 0
      ? h('a', { href: '#error-list', class: 'bar-errors', 'data-testid': 'bar-errors', 'data-count': String(errors) }, `${errors} lỗi`, h('span', { class: 'sub', lang: 'en' }, ' errors'))
      : h('span', { class: 'bar-errors bar-errors-none', 'data-testid': 'bar-errors', 'data-count': '0' }, 'Không lỗi', h('span', { class: 'sub', lang: 'en' }, ' no errors'));
  if (errors > 0) {
    errorsEl.addEventListener('click', (event) => {
      event.preventDefault();
      const list = document.getElementById('error-list');
      if (!list) return;
      jumpTo('error-list');
      list.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
    });
  }
  bar.replaceChildren(
    figure('Điểm', 'points', h('strong', { 'data-testid': 'bar-points' }, unit?.points ?? '—', h('span', { class: 'bar-of' }, ' / ', h('span', { 'data-testid': 'bar-max' }, unit?.maxPoints ?? '—')))),
    figure('Chỉ số', 'index', h('strong', { 'data-testid': 'bar-index' }, unit?.index ?? '—')),
    figure('Xếp loại', 'rating', h('strong', { 'data-testid': 'bar-rating', 'data-rating-id': unit?.rating ?? '' }, rating?.vi ?? '—')),
    h('div', { class: 'bar-links' }, errorsEl, details),
  );
}
