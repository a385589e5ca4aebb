// Required evidence in the score panel (spec §12): the leaves of the form that
// require evidence (known from the form, before any value is scored), what the
// set's policy does without it, and the leaves still lacking it exactly as the
// library's results list them (the unit's `evidence.lacking`).
//
//   evidence-summary (data-lacking: how many lack it, or "unknown" without results)
//   required-list, required-item-<code>   the leaves requiring evidence
//   lacking-list, lacking-item-<code>     the leaves lacking it, as scored
import type { EvidencePolicy, FormField } from 'dti-criteria';
import { bilingual, h } from './dom.js';

const POLICY: Readonly<Record<EvidencePolicy, readonly [string, string]>> = {
  flag: ['Thiếu minh chứng bắt buộc: chỉ ghi nhận, điểm không đổi.', 'Missing required evidence is listed; points unchanged.'],
  zero: ['Thiếu minh chứng bắt buộc: tiêu chí được 0 điểm cho đến khi có minh chứng.', 'Missing required evidence scores 0 until evidence is given.'],
};

/** What the panel shows: `lacking` from the results, `undefined` when there are none; `partial` when values or entries with errors were left out. */
export interface EvidenceSummary {
  readonly fields: readonly FormField[];
  readonly policy: EvidencePolicy;
  readonly lacking: readonly string[] | undefined;
  readonly partial: boolean;
}

const item = (testId: string, field: FormField | undefined, code: string): HTMLLIElement =>
  h('li', { 'data-testid': testId, 'data-code': code }, h('span', { class: 'code' }, code), ' ', field ? field.label.vi : '');

export function renderEvidenceSummary(el: HTMLElement, summary: EvidenceSummary): void {
  const required = summary.fields.filter((field) => field.evidenceRequired);
  el.dataset['lacking'] = summary.lacking === undefined ? 'unknown' : String(summary.lacking.length);
  if (required.length === 0 && (summary.lacking?.length ?? 0) === 0) {
    el.replaceChildren(h('p', { class: 'hint' }, bilingual('Cấp này không có tiêu chí bắt buộc minh chứng.', 'No criterion of this level requires evidence.')));
    return;
  }
  const byCode = new Map(summary.fields.map((field) => [field.code, field]));
  const [policyVi, policyEn] = POLICY[summary.policy];
  let lackingPart: HTMLElement;
  if (summary.lacking === undefined) {
    lackingPart = h('p', { 'data-testid': 'lacking-list' }, bilingual('Chưa biết tiêu chí nào còn thiếu minh chứng: chưa tính được điểm.', 'Not known which lack evidence: no score yet.'));
  } else if (summary.lacking.length === 0) {
    lackingPart = h('p', { 'data-testid': 'lacking-list', class: 'lacking-none' }, bilingual('Không còn tiêu chí nào thiếu minh chứng bắt buộc.', 'No criterion lacks required evidence.'));
  } else {
    lackingPart = h(
      'div',
      {},
      h('p', { class: 'lacking-head' }, h('strong', {}, `Còn thiếu minh chứng bắt buộc (${summary.lacking.length}):`), h('span', { class: 'sub', lang: 'en' }, ' Lacking required evidence:')),
      h('ul', { class: 'lacking-list', 'data-testid': 'lacking-list' }, ...summary.lacking.map((code) => item(`lacking-item-${code}`, byCode.get(code), code))),
    );
  }
  el.replaceChildren(
    h('h3', {}, 'Minh chứng bắt buộc', h('span', { class: 'sub', lang: 'en' }, ' Required evidence')),
    h('p', { class: 'policy', 'data-testid': 'evidence-policy', 'data-policy': summary.policy }, bilingual(policyVi, policyEn)),
    h(
      'div',
      {},
      h('p', { class: 'required-head' }, `Tiêu chí bắt buộc minh chứng (${required.length}):`, h('span', { class: 'sub', lang: 'en' }, ' Criteria requiring evidence:')),
      h('ul', { class: 'required-list', 'data-testid': 'required-list' }, ...required.map((field) => item(`required-item-${field.code}`, field, field.code))),
    ),
    lackingPart,
    h(
      'p',
      { class: 'hint' },
      bilingual(
        `Theo kết quả chấm của thư viện${summary.partial ? ', chưa kể các giá trị và minh chứng có lỗi' : ''}. Tiêu chí chưa nhập giá trị (hay "n/a") chưa bị tính là thiếu.`,
        `As the library scores it${summary.partial ? ', leaving out the values and entries with errors' : ''}. A criterion without a value (or "n/a") does not lack evidence yet.`,
      ),
    ),
  );
}
