// The self-assessment form, generated from `formFields`: one section per
// pillar, one sub-section per main index, one fieldset per leaf with the
// input its rule reads, the "n/a" toggle where allowed, the rule in words and
// the evidence to attach. Stable ids and data-testid values, keyed by leaf code:
//
//   field-<code>                      the field's <fieldset>
//   input-<code>                      single input (number, select, text)
//   input-<code>-numerator / -denominator   the two parts of a fraction
//   input-<code>-yes / -no            a boolean's radios
//   input-<code>-<item id>            a checklist item's checkbox
//   mode-<code>                       decimal or fraction, where a decimal leaf accepts both
//   na-<code>                         the "n/a — không áp dụng" toggle
//   error-<code>                      the issue message shown at the field
//   points-<code>, max-<code>, explain-<code>   the leaf's live result
//   evidence-required-<code>          "evidence required", on a leaf with evidenceRequired
//   entries-<code>, entry-<code>-<i>-…   the leaf's evidence entries (see evidence-view.ts)
//   section-<code>-points / -index    a section's live result
import type { FormField, FormItem, FormSection, NodeResult } from 'dti-criteria';
import { emptyAnswer, type Answer } from './answers.js';
import { append, bilingual, h } from './dom.js';
import type { EvidenceDraft } from './evidence.js';
import { renderEvidence } from './evidence-view.js';
import { fieldMessage, type EvidenceIssue, type FieldIssue, type Part } from './issues.js';

/** A rendered field: its inputs, and how to show its issues and its result. */
export interface FieldView {
  readonly field: FormField;
  readonly root: HTMLFieldSetElement;
  setIssues(issues: readonly FieldIssue[], unitId: string): void;
  /** The evidence entries' issues, and whether the leaf lacks required evidence (`undefined`: no results). */
  setEvidence(issues: readonly EvidenceIssue[], lacking: boolean | undefined): void;
  /** The leaf's result, or why there is none (`pending`). */
  setResult(node: NodeResult | undefined, pending?: { readonly vi: string; readonly en: string }): void;
}

export interface SectionView {
  readonly section: FormSection;
  setResult(node: NodeResult | undefined): void;
}

export interface RenderedForm {
  readonly fields: readonly FieldView[];
  readonly sections: readonly SectionView[];
}

/** Called after every change of an answer. */
export type OnChange = () => void;

/** Ids may hold dots (`CQS.1.3`): valid in HTML, and looked up with getElementById / [data-testid="…"]. */
const idOf = (...parts: string[]): string => parts.join('-');

/**
 * The set's `unit` shown next to a single input. A `%` value is typed in
 * percent (5 for 5 %): the library turns it into the fraction data holds.
 */
function unitHint(unit: string | undefined): HTMLElement | null {
  if (unit === undefined) return null;
  if (unit === '%') return h('span', { class: 'unit' }, '% (nhập 5 cho 5%)', h('span', { class: 'sub', lang: 'en' }, ' percent: type 5 for 5%'));
  if (unit === 'count') return h('span', { class: 'unit' }, 'số lượng', h('span', { class: 'sub', lang: 'en' }, ' count'));
  return h('span', { class: 'unit' }, unit);
}

/**
 * A number typed as text (`4,5`, `1.234,5` or `4.5`): a browser's number input
 * reads a decimal comma by the browser's own language and silently drops what
 * it cannot read (`0,05` became `005`); the library reads the text instead.
 */
function numberInput(id: string, attrs: Record<string, string | boolean | undefined>): HTMLInputElement {
  return h('input', { id, 'data-testid': id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

/** What the form edits, kept across sets by leaf code: the answers and the evidence entries. */
export interface FormState {
  readonly answers: Map<string, Answer>;
  readonly evidence: Map<string, EvidenceDraft[]>;
}

export function renderForm(container: HTMLElement, sections: readonly FormSection[], state: FormState, onChange: OnChange): RenderedForm {
  const fields: FieldView[] = [];
  const sectionViews: SectionView[] = [];
  container.replaceChildren(...sections.map((section) => renderSection(section, fields, sectionViews, state, onChange)));
  return { fields, sections: sectionViews };
}

function renderSection(section: FormSection, fields: FieldView[], views: SectionView[], state: FormState, onChange: OnChange): HTMLElement {
  const key = section.code ?? 'root';
  const headingId = idOf('section', key, 'h');
  const tag = section.depth === 1 ? 'h3' : section.depth === 2 ? 'h4' : 'h5';
  const points = h('span', { 'data-testid': idOf('section', key, 'points') }, '—');
  const index = h('span', { 'data-testid': idOf('section', key, 'index') }, '—');
  const heading = h(tag, { id: headingId }, section.code ? h('span', { class: 'code' }, section.code) : null, ' ', bilingual(section.name.vi, section.name.en));
  const max = h('span', { 'data-testid': idOf('section', key, 'max') }, section.maxPoints);
  const summary = h(
    'p',
    { class: 'section-score' },
    h('span', { class: 'label' }, 'Điểm: '),
    points,
    ' / ',
    max,
    h('span', { class: 'label' }, ' · chỉ số: '),
    index,
  );
  const el = h(
    'section',
    { class: `form-section depth-${section.depth}`, id: idOf('section', key), 'data-testid': idOf('section', key), 'aria-labelledby': headingId },
    h('header', { class: 'section-head' }, heading, summary),
    section.description ? h('p', { class: 'desc' }, bilingual(section.description.vi, section.description.en)) : null,
  );
  views.push({
    section,
    setResult(node) {
      points.textContent = node?.points ?? '—';
      // The maximum drops when leaves are answered "n/a".
      max.textContent = node?.maxPoints ?? section.maxPoints;
      index.textContent = node?.index ?? '—';
    },
  });
  for (const item of section.items) el.append(renderItem(item, fields, views, state, onChange));
  return el;
}

function renderItem(item: FormItem, fields: FieldView[], views: SectionView[], state: FormState, onChange: OnChange): HTMLElement {
  if (item.type === 'section') return renderSection(item, fields, views, state, onChange);
  const view = renderField(item, state, onChange);
  fields.push(view);
  return view.root;
}

/** The stored answer of a field, reset when the field's input kind changed (another set version). */
function answerFor(field: FormField, answers: Map<string, Answer>): Answer {
  let answer = answers.get(field.code);
  if (!answer || answer.type !== field.input.type) {
    answer = emptyAnswer(field.input.type);
    answers.set(field.code, answer);
  }
  const input = field.input;
  if (input.type === 'one-of' && !input.options.some((o) => o.id === answer.value)) answer.value = '';
  if (input.type === 'any-of') for (const id of [...answer.items]) if (!input.items.some((i) => i.id === id)) answer.items.delete(id);
  if (!field.allowNA) answer.na = false;
  if (!(input.type === 'number' && input.fraction)) answer.mode = input.type === 'fraction' ? 'fraction' : 'value';
  return answer;
}

function renderField(field: FormField, state: FormState, onChange: OnChange): FieldView {
  const code = field.code;
  const answer = answerFor(field, state.answers);
  const input = field.input;
  const errorId = idOf('error', code);
  const ruleId = idOf('rule', code);
  const evidenceId = idOf('evidence', code);
  const describedBy = [errorId, ruleId, field.evidence ? evidenceId : null].filter(Boolean).join(' ');
  const legendId = idOf('label', code);

  /** Every input of the field by part, for aria-invalid; `value` inputs belong to the 'field' part. */
  const parts: { part: Part | 'value'; el: HTMLInputElement | HTMLSelectElement }[] = [];
  const track = <T extends HTMLInputElement | HTMLSelectElement>(part: Part | 'value', el: T): T => {
    el.setAttribute('aria-describedby', describedBy);
    parts.push({ part, el });
    return el;
  };
  const changed = (): void => onChange();
  const readNumber = (el: HTMLInputElement, part: 'value' | 'numerator' | 'denominator'): void => {
    if (part === 'value') answer.value = el.value;
    else answer[part] = el.value;
  };

  const body = h('div', { class: `inputs input-${input.type}` });
  const fractionInputs = (container: HTMLElement, labels: { numerator: string; denominator: string; numeratorEn: string; denominatorEn: string }): void => {
    for (const part of ['numerator', 'denominator'] as const) {
      const id = idOf('input', code, part);
      const el = track(part, numberInput(id, { value: answer[part] }));
      el.addEventListener('input', () => {
        readNumber(el, part);
        changed();
      });
      const vi = part === 'numerator' ? labels.numerator : labels.denominator;
      const en = part === 'numerator' ? labels.numeratorEn : labels.denominatorEn;
      container.append(h('label', { for: id, class: `part part-${part}` }, bilingual(vi, en), el));
      if (part === 'numerator') container.append(h('span', { class: 'over', 'aria-hidden': 'true' }, '/'));
    }
  };

  /** One number input and its hint (a counter, points). */
  const singleNumber = (attrs: { inputmode: string }, hint: HTMLElement): HTMLElement => {
    const el = track('value', numberInput(idOf('input', code), { ...attrs, value: answer.value, 'aria-labelledby': legendId }));
    el.addEventListener('input', () => {
      readNumber(el, 'value');
      changed();
    });
    return h('div', { class: 'single' }, el, hint);
  };
  switch (input.type) {
    case 'yes-no': {
      const group = h('div', { class: 'radios', role: 'radiogroup', 'aria-labelledby': legendId });
      for (const [value, vi, en] of [
        ['yes', 'Có', 'Yes'],
        ['no', 'Không', 'No'],
      ] as const) {
        const id = idOf('input', code, value);
        const el = track('value', h('input', { id, 'data-testid': id, type: 'radio', name: idOf('input', code), value, checked: answer.value === value }));
        el.addEventListener('change', () => {
          if (el.checked) answer.value = value;
          changed();
        });
        group.append(h('label', { for: id, class: 'radio' }, el, ' ', bilingual(vi, en)));
      }
      const clear = h('button', { type: 'button', class: 'link', 'data-testid': idOf('clear', code) }, 'Bỏ chọn', h('span', { class: 'sub', lang: 'en' }, ' clear'));
      clear.addEventListener('click', () => {
        answer.value = '';
        for (const { el } of parts) if (el instanceof HTMLInputElement) el.checked = false;
        changed();
      });
      group.append(clear);
      body.append(group);
      break;
    }
    case 'fraction': {
      const row = h('div', { class: 'fraction' });
      fractionInputs(row, { numerator: input.numerator.label.vi, denominator: input.denominator.label.vi, numeratorEn: input.numerator.label.en, denominatorEn: input.denominator.label.en });
      body.append(row);
      if (input.allowOver) body.append(h('p', { class: 'hint' }, 'Tử số được phép lớn hơn mẫu số.', h('span', { class: 'sub', lang: 'en' }, ' The numerator may exceed the denominator.')));
      break;
    }
    case 'number':
      if (input.whole && !input.fraction) {
        const hint = h('span', { class: 'unit' }, 'số nguyên ≥ 0', h('span', { class: 'sub', lang: 'en' }, ' whole number'));
        body.append(singleNumber({ inputmode: 'numeric' }, hint));
        break;
      }
      {
        const id = idOf('input', code);
        const valueRow = h('div', { class: 'single' });
        const el = track('value', numberInput(id, { value: answer.value, 'aria-labelledby': legendId }));
        el.addEventListener('input', () => {
          readNumber(el, 'value');
          changed();
        });
        append(valueRow, [el, unitHint(field.unit)]);
        if (input.fraction) {
          const fraction = input.fraction;
          const modeId = idOf('mode', code);
          const mode = h(
            'select',
            { id: modeId, 'data-testid': modeId },
            h('option', { value: 'value', selected: answer.mode === 'value' }, 'Nhập giá trị x (value)'),
            h('option', { value: 'fraction', selected: answer.mode === 'fraction' }, 'Nhập tử số / mẫu số (n/d)'),
          );
          const fractionRow = h('div', { class: 'fraction' });
          fractionInputs(fractionRow, { numerator: fraction.numerator.label.vi, denominator: fraction.denominator.label.vi, numeratorEn: fraction.numerator.label.en, denominatorEn: fraction.denominator.label.en });
          const show = (): void => {
            valueRow.hidden = answer.mode !== 'value';
            fractionRow.hidden = answer.mode !== 'fraction';
          };
          mode.addEventListener('change', () => {
            answer.mode = mode.value === 'fraction' ? 'fraction' : 'value';
            show();
            changed();
          });
          show();
          body.append(h('label', { for: modeId, class: 'mode' }, h('span', {}, 'Cách nhập'), h('span', { class: 'sub', lang: 'en' }, ' How to enter'), mode), valueRow, fractionRow);
        } else {
          body.append(valueRow);
        }
      }
      break;
    case 'points': {
      const hint = h('span', { class: 'unit' }, `điểm 0–${input.max}`, h('span', { class: 'sub', lang: 'en' }, ' points'));
      body.append(singleNumber({ inputmode: 'decimal' }, hint));
      break;
    }
    case 'one-of': {
      const id = idOf('input', code);
      const el = track(
        'value',
        h(
          'select',
          { id, 'data-testid': id, 'aria-labelledby': legendId },
          h('option', { value: '' }, '— Chưa chọn (not answered) —'),
          ...input.options.map((o) => h('option', { value: o.id, selected: answer.value === o.id }, `${o.label.vi} (${o.points} điểm)`)),
        ),
      );
      el.addEventListener('change', () => {
        answer.value = el.value;
        changed();
      });
      body.append(el);
      break;
    }
    case 'any-of': {
      const list = h('ul', { class: 'checklist', role: 'list' });
      for (const item of input.items) {
        const id = idOf('input', code, item.id);
        const el = track('value', h('input', { id, 'data-testid': id, type: 'checkbox', value: item.id, checked: answer.items.has(item.id) }));
        el.addEventListener('change', () => {
          if (el.checked) answer.items.add(item.id);
          else answer.items.delete(item.id);
          changed();
        });
        list.append(h('li', {}, el, ' ', h('label', { for: id }, bilingual(item.label.vi, item.label.en), h('span', { class: 'worth' }, ` +${item.points}`))));
      }
      body.append(list);
      break;
    }
    case 'note': {
      const id = idOf('input', code);
      const el = track('value', h('input', { id, 'data-testid': id, type: 'text', value: answer.value, 'aria-labelledby': legendId }));
      el.addEventListener('input', () => {
        answer.value = el.value;
        changed();
      });
      body.append(h('div', { class: 'single' }, el, unitHint(field.unit)));
      break;
    }
  }

  // "n/a — không áp dụng": the other inputs are disabled while it is ticked.
  let naBox: HTMLInputElement | null = null;
  const applyNA = (): void => {
    for (const { el } of parts) el.disabled = answer.na;
    root.classList.toggle('is-na', answer.na);
  };
  if (field.allowNA) {
    const id = idOf('na', code);
    naBox = h('input', { id, 'data-testid': id, type: 'checkbox', checked: answer.na, 'aria-describedby': describedBy });
    naBox.addEventListener('change', () => {
      answer.na = naBox!.checked;
      applyNA();
      changed();
    });
    body.append(h('label', { for: id, class: 'na' }, naBox, ' n/a — không áp dụng', h('span', { class: 'sub', lang: 'en' }, ' not applicable to this unit')));
  }

  const error = h('p', { id: errorId, 'data-testid': errorId, class: 'error', 'aria-live': 'polite', hidden: true });
  const evidence = renderEvidence(field, state.evidence, changed);
  const pointsEl = h('strong', { 'data-testid': idOf('points', code) }, '—');
  const maxEl = h('span', { 'data-testid': idOf('max', code) }, field.maxPoints ?? '—');
  const explainEl = h('span', { 'data-testid': idOf('explain', code), class: 'explain' }, '');
  const explainEnEl = h('span', { class: 'sub', lang: 'en' }, '');
  const result = h(
    'p',
    { class: 'result', 'data-testid': idOf('result', code) },
    h('span', { class: 'label' }, 'Điểm: '),
    pointsEl,
    ' / ',
    maxEl,
    ' — ',
    explainEl,
    ' ',
    explainEnEl,
  );

  const root = h(
    'fieldset',
    { class: 'field', id: idOf('field', code), 'data-testid': idOf('field', code), 'data-input': input.type },
    h(
      'legend',
      { id: legendId },
      h(
        'span',
        { class: 'title-row' },
        h('span', { class: 'title' }, h('span', { class: 'code' }, code), ' ', h('span', { class: 'vi' }, field.label.vi)),
        h('span', { class: 'max' }, field.maxPoints !== null ? `tối đa ${field.maxPoints} điểm` : 'không tính điểm'),
      ),
      field.label.en !== field.label.vi ? h('span', { class: 'sub en-title', lang: 'en' }, field.label.en) : null,
      // Said in words, not by colour alone.
      field.evidenceRequired
        ? h('span', { class: 'required-evidence', 'data-testid': idOf('evidence', 'required', code) }, 'Bắt buộc có minh chứng', h('span', { class: 'sub', lang: 'en' }, ' evidence required'))
        : null,
    ),
    field.description ? h('p', { class: 'desc' }, bilingual(field.description.vi, field.description.en)) : null,
    body,
    error,
    h(
      'dl',
      { class: 'meta' },
      h('dt', {}, 'Cách chấm', h('span', { class: 'sub', lang: 'en' }, ' Rule')),
      h('dd', { id: ruleId, 'data-testid': ruleId }, bilingual(field.rule.text.vi, field.rule.text.en)),
      field.evidence ? h('dt', {}, 'Minh chứng', h('span', { class: 'sub', lang: 'en' }, ' Evidence')) : null,
      field.evidence ? h('dd', { id: evidenceId, 'data-testid': evidenceId }, bilingual(field.evidence.vi, field.evidence.en)) : null,
    ),
    evidence.root,
    result,
  );
  applyNA();

  return {
    field,
    root,
    setIssues(issues, unitId) {
      const bad = new Set<Part | 'value'>();
      for (const { part } of issues) {
        if (part === 'field') {
          bad.add('field');
          bad.add('value');
        } else bad.add(part);
      }
      for (const { part, el } of parts) {
        const invalid = bad.has('field') || bad.has(part);
        if (invalid) el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
      const lines = issues.map(({ issue }) => h('span', { class: 'issue', 'data-code': issue.code }, fieldMessage(issue), ' ', h('code', {}, `[${issue.code}]`)));
      error.replaceChildren(...lines.flatMap((line, i) => (i === 0 ? [line] : [h('br'), line])));
      error.hidden = lines.length === 0;
      root.classList.toggle('has-error', lines.length > 0);
      root.dataset['invalid'] = lines.length > 0 ? 'true' : 'false';
    },
    setEvidence(issues, lacking) {
      evidence.setEvidence(issues, lacking);
      root.classList.toggle('lacks-evidence', lacking === true);
    },
    setResult(node, pending) {
      pointsEl.textContent = node?.points ?? '—';
      if (node?.maxPoints) maxEl.textContent = node.maxPoints;
      else maxEl.textContent = field.maxPoints ?? '—';
      explainEl.textContent = node?.explanation?.vi ?? pending?.vi ?? '';
      explainEnEl.textContent = node ? (node.explanation?.en !== undefined && node.explanation.en !== node.explanation.vi ? node.explanation.en : '') : (pending?.en ?? '');
      root.dataset['status'] = node?.status ?? 'pending';
    },
  };
}
