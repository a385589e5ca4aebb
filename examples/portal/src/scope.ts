// The officer's scope, chosen in this order: the period (the set in force for it
// follows, as the library resolves it: `criteriaInForce` on the period's last day),
// the set (changeable by hand), then the level and the group. Nothing is preselected
// but the set: the form appears once the level (and its group) are chosen.
//
//   set, level, group          the pickers (level and group start at "— Chọn … —")
//   in-force                   which set is in force for the period, or why none is (coded)
import { criteriaInForce, makeIssue, periodRange, type CriteriaSet, type Issue, type VersionFacts } from 'dti-criteria';
import { embeddedCriteria, getCriteria } from 'dti-criteria/sets';
import { bilingual, h } from './dom.js';
import { issueItem } from './issue-view.js';
import type { LoadedSet } from './published-set.js';

/** The portal offers the Cần Thơ sets; other embedded sets work the same way. */
export const SET_ID = 'can-tho';

/** A set the picker offers: its picker value, facts and how to get it. */
export interface SetChoice extends VersionFacts {
  readonly value: string;
  readonly label: string;
  readonly criteria: () => CriteriaSet;
}

/** The embedded sets of {@link SET_ID} and the sets loaded in this browser, in picker order. */
export function setChoices(loaded: ReadonlyMap<string, LoadedSet>): SetChoice[] {
  const embedded = embeddedCriteria
    .list()
    .filter((entry) => entry.id === SET_ID)
    .map((entry): SetChoice => ({ ...entry, value: entry.ref, label: `${entry.ref}${entry.status === 'draft' ? ' (dự thảo / draft)' : ''}`, criteria: () => getCriteria(entry.ref) }));
  const fromFiles = [...loaded.values()].map((set): SetChoice => {
    const c = set.criteria;
    return {
      id: c.id,
      version: c.version,
      status: c.status,
      effective: c.effective,
      value: set.value,
      label: `${c.id}@${c.version} — ${set.verified ? 'đã kiểm tra sha256' : 'chưa kiểm tra'}, ${set.origin}${c.status === 'draft' ? ' (dự thảo / draft)' : ''}`,
      criteria: () => c,
    };
  });
  return [...embedded, ...fromFiles];
}

/** Which set is in force for a period: the choice, or the library's issue saying why none is. */
export type InForce = { readonly ok: true; readonly choice: SetChoice; readonly date: string } | { readonly ok: false; readonly issue: Issue };

/**
 * The published set of `id` in force on the last day of `period` among the
 * choices (the library's rule, as `registry.resolve(id, { period })`);
 * `undefined` for an empty period. A set loaded in the browser counts like an
 * embedded one (a newer version in force wins).
 */
export function inForceFor(id: string, period: string, choices: readonly SetChoice[]): InForce | undefined {
  const text = period.trim();
  if (text === '') return undefined;
  const range = periodRange(text);
  if (!range) return { ok: false, issue: makeIssue('version/period-format', 'period', { period: text }) };
  const choice = criteriaInForce(id, range.end, choices);
  if (choice) return { ok: true, choice, date: range.end };
  const versions = choices.filter((c) => c.id === id && c.status === 'published').map((c) => `${c.id}@${c.version} (${c.effective.from} → ${c.effective.to ?? '…'})`);
  return { ok: false, issue: makeIssue('criteria/none-in-force', '$', { id, period: text, date: range.end, versions }) };
}

/** The set in force today, for a portal opened without a period. */
export function inForceToday(choices: readonly SetChoice[]): SetChoice | undefined {
  return criteriaInForce(SET_ID, new Date().toISOString().slice(0, 10), choices);
}

/** The line under the pickers: the set in force for the period, and whether the chosen one is it. */
export function renderInForce(el: HTMLElement, inForce: InForce | undefined, chosen: string): void {
  el.dataset['state'] = inForce === undefined ? 'none' : inForce.ok ? (inForce.choice.value === chosen ? 'chosen' : 'other') : 'issue';
  if (inForce === undefined) {
    el.replaceChildren();
    return;
  }
  if (!inForce.ok) {
    el.replaceChildren(h('ul', { class: 'issues in-force-issue' }, issueItem(inForce.issue)));
    return;
  }
  const { choice, date } = inForce;
  el.replaceChildren(
    h(
      'p',
      {},
      bilingual(
        `Bộ chỉ số có hiệu lực ngày ${date} (cuối kỳ): ${choice.id}@${choice.version}, từ ${choice.effective.from}.${choice.value === chosen ? '' : ' Bộ đang chọn khác bộ này.'}`,
        `In force on ${date} (the period's last day): ${choice.id}@${choice.version}, from ${choice.effective.from}.${choice.value === chosen ? '' : ' The set chosen is another one.'}`,
      ),
    ),
  );
}

/** Fills a picker with a placeholder first ("— Chọn cấp —"), keeping the previous value when it is still offered. */
export function fillPicker(select: HTMLSelectElement, placeholder: string, options: readonly { readonly value: string; readonly label: string }[], wanted: string): void {
  const keep = options.some((o) => o.value === wanted) ? wanted : options.length === 1 ? options[0]!.value : '';
  select.replaceChildren(
    h('option', { value: '', selected: keep === '', disabled: options.length > 0 }, placeholder),
    ...options.map((o) => h('option', { value: o.value, selected: o.value === keep }, o.label)),
  );
  select.value = keep;
}
