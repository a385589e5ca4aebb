// The evidence entries of one leaf (spec §12): add, edit, remove; each entry's
// kind (document, link, file) and its fields, typed as text and sent as typed;
// the library's issues shown at the entry and its input; a link opened only
// when the library accepts it as one (evidenceHref): a `javascript:` address
// is shown as text, never as a live href. Stable ids and data-testid values:
//
//   entries-<code>                     the leaf's evidence block (data-lacking true / false / unknown)
//   entries-<code>-add, -count         adds an entry; how many there are
//   entry-<code>-<i>                   entry i (from 0) as listed
//   entry-<code>-<i>-kind              its kind
//   entry-<code>-<i>-<field>           its number, date, issuer, title, url, sha256
//   entry-<code>-<i>-hash-file         computes sha256 from a file (read locally, never sent)
//   entry-<code>-<i>-link              the link to open, or why there is none
//   entry-<code>-<i>-issues            its issues (data-severity refused / flag, data-code)
//   entry-<code>-<i>-remove            removes it
//   lacking-<code>                     "required evidence missing", as the results say
import { evidenceHref, formatPath, issueText, makeIssue, sha256Hex, type EvidenceKind, type FormField } from 'dti-criteria';
import { bilingual, h } from './dom.js';
import { emptyDraft, EVIDENCE_KINDS, shownFields, type EvidenceDraft, type EvidenceField } from './evidence.js';
import { fieldMessage, type EvidenceIssue } from './issues.js';

/** A leaf's evidence block, and how to show what the library says of it. */
export interface EvidenceView {
  readonly root: HTMLElement;
  /**
   * The entries' issues (refusals and flags), and whether the leaf lacks the
   * evidence it requires as the results list it (`undefined`: no results).
   */
  setEvidence(issues: readonly EvidenceIssue[], lacking: boolean | undefined): void;
}

const KIND_LABELS: Readonly<Record<EvidenceKind, readonly [string, string]>> = {
  document: ['Văn bản', 'document'],
  link: ['Trang web', 'link'],
  file: ['Tệp', 'file'],
};

const FIELD_LABELS: Readonly<Record<EvidenceField, { readonly vi: string; readonly en: string; readonly placeholder?: string }>> = {
  number: { vi: 'Số hiệu', en: 'Number', placeholder: '123/QĐ-UBND' },
  title: { vi: 'Tên, trích yếu', en: 'Title' },
  date: { vi: 'Ngày (năm-tháng-ngày)', en: 'Date (YYYY-MM-DD)', placeholder: 'YYYY-MM-DD' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  url: { vi: 'Liên kết', en: 'Link (http/https)', placeholder: 'https://' },
  sha256: { vi: 'Mã băm SHA-256', en: 'SHA-256 of the file', placeholder: '64 chữ số thập lục phân' },
};

/** Inputs whose text is a code or an address: no spelling, no autocompletion. */
const VERBATIM: ReadonlySet<EvidenceField> = new Set(['number', 'date', 'url', 'sha256']);

interface EntryView {
  readonly item: HTMLLIElement;
  setIssues(issues: readonly EvidenceIssue[]): void;
}

export function renderEvidence(field: FormField, drafts: Map<string, EvidenceDraft[]>, onChange: () => void): EvidenceView {
  const code = field.code;
  const id = (...parts: (string | number)[]): string => ['entry', code, ...parts].join('-');
  const blockId = (...parts: string[]): string => ['entries', code, ...parts].join('-');
  const list = h('ol', { class: 'evidence-list', role: 'list' });
  const count = h('span', { 'data-testid': blockId('count') }, '0');
  const add = h('button', { type: 'button', class: 'add', 'data-testid': blockId('add') }, '+ Thêm minh chứng', h('span', { class: 'sub', lang: 'en' }, ' add evidence'));
  const lacking = h(
    'p',
    { class: 'lacking', id: `lacking-${code}`, 'data-testid': `lacking-${code}`, role: 'status', hidden: true },
    h('strong', {}, 'Còn thiếu minh chứng bắt buộc'),
    ' (theo kết quả chấm)',
    h('span', { class: 'sub', lang: 'en' }, ' Required evidence missing (as scored)'),
  );
  const root = h(
    'div',
    { class: 'evidence', 'data-testid': blockId() },
    h('div', { class: 'evidence-head' }, h('p', {}, h('span', {}, 'Minh chứng đã kèm: '), count, h('span', { class: 'sub', lang: 'en' }, ' evidence attached')), add),
    lacking,
    list,
  );

  let views: EntryView[] = [];
  let issues: readonly EvidenceIssue[] = [];
  const entries = (): EvidenceDraft[] => drafts.get(code) ?? [];

  const render = (): void => {
    views = entries().map((draft, index) => renderEntry(draft, index));
    list.replaceChildren(...views.map((view) => view.item));
    count.textContent = String(views.length);
    showIssues();
  };

  const showIssues = (): void => views.forEach((view, index) => view.setIssues(issues.filter((issue) => issue.entry === index)));

  function renderEntry(draft: EvidenceDraft, index: number): EntryView {
    const inputs = new Map<EvidenceField, HTMLInputElement>();
    const issuesId = id(index, 'issues');
    const messages = h('ul', { class: 'entry-issues', id: issuesId, 'data-testid': issuesId, 'aria-live': 'polite', hidden: true });
    const kindId = id(index, 'kind');
    const kind = h(
      'select',
      { id: kindId, 'data-testid': kindId, 'aria-describedby': issuesId },
      ...EVIDENCE_KINDS.map((k) => h('option', { value: k, selected: draft.kind === k }, `${KIND_LABELS[k][0]} (${KIND_LABELS[k][1]})`)),
    );
    const fieldsBox = h('div', { class: 'entry-fields' });
    const link = h('p', { class: 'entry-link', 'data-testid': id(index, 'link') });
    const showLink = (): void => {
      const url = draft.text.url;
      const href = evidenceHref(url === '' ? undefined : url);
      if (href !== undefined) {
        link.replaceChildren(h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, 'Mở liên kết', h('span', { class: 'sub', lang: 'en' }, ' open the link')), ' ↗');
      } else if (url !== '') {
        // Shown as text only: not an http(s) address the library accepts.
        link.replaceChildren(h('span', {}, 'Không mở liên kết này: không phải địa chỉ http(s) hợp lệ.'), h('span', { class: 'sub', lang: 'en' }, ' Not opened: not a valid http(s) address.'));
      } else {
        link.replaceChildren();
      }
      link.hidden = url === '';
    };
    const fill = (): void => {
      inputs.clear();
      fieldsBox.replaceChildren(
        ...shownFields(draft).map((name) => {
          const inputId = id(index, name);
          const label = FIELD_LABELS[name];
          const input = h('input', {
            id: inputId,
            'data-testid': inputId,
            type: 'text',
            value: draft.text[name],
            placeholder: label.placeholder,
            'aria-describedby': issuesId,
            ...(VERBATIM.has(name) ? { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' } : {}),
            ...(name === 'url' ? { inputmode: 'url' } : {}),
          });
          input.addEventListener('input', () => {
            draft.text[name] = input.value;
            if (name === 'url') showLink();
            onChange();
          });
          inputs.set(name, input);
          const wrap = h('label', { for: inputId, class: `entry-field field-${name}` }, bilingual(label.vi, label.en), input);
          if (name !== 'sha256') return wrap;
          // The file is read here to hash it (the library's SHA-256); nothing is sent anywhere.
          const fileId = id(index, 'hash-file');
          const picker = h('input', { id: fileId, 'data-testid': fileId, type: 'file' });
          const failed = h('span', { class: 'hash-failed', role: 'alert' });
          picker.addEventListener('change', () => {
            const file = picker.files?.[0];
            if (!file) return;
            file.arrayBuffer().then(
              (bytes) => {
                draft.text.sha256 = sha256Hex(new Uint8Array(bytes));
                if (draft.text.title === '') draft.text.title = file.name;
                fill();
                onChange();
              },
              (error: unknown) => {
                const issue = makeIssue('input/read', formatPath(['units', 0, 'evidence', code, index, 'sha256']), { file: file.name, reason: error instanceof Error ? error.name : 'unknown' });
                failed.replaceChildren(issueText(issue, 'vi'), ' ', h('code', {}, `[${issue.code}]`));
              },
            );
          });
          return h('div', { class: 'entry-field field-sha256' }, wrap, h('label', { for: fileId, class: 'hash-file' }, bilingual('Hoặc tính từ tệp (tệp không gửi đi đâu)', 'or hash a file (never uploaded)'), picker), failed);
        }),
      );
      showLink();
    };
    kind.addEventListener('change', () => {
      draft.kind = EVIDENCE_KINDS.find((k) => k === kind.value) ?? draft.kind;
      fill();
      onChange();
    });
    const remove = h('button', { type: 'button', class: 'link remove', 'data-testid': id(index, 'remove') }, `Xóa minh chứng ${index + 1}`, h('span', { class: 'sub', lang: 'en' }, ' remove'));
    remove.addEventListener('click', () => {
      drafts.set(code, entries().filter((other) => other !== draft));
      issues = [];
      render();
      add.focus();
      onChange();
    });
    fill();
    const item = h(
      'li',
      { class: 'evidence-entry', id: id(index), 'data-testid': id(index) },
      h('div', { class: 'entry-head' }, h('span', { class: 'entry-title' }, `Minh chứng ${index + 1}`), h('label', { for: kindId, class: 'entry-kind' }, bilingual('Loại', 'kind'), kind), remove),
      fieldsBox,
      link,
      messages,
    );
    return {
      item,
      setIssues(own) {
        for (const [name, input] of inputs) {
          const here = own.filter((issue) => issue.field === name);
          if (here.some((issue) => issue.severity === 'refused')) input.setAttribute('aria-invalid', 'true');
          else input.removeAttribute('aria-invalid');
          input.classList.toggle('is-flagged', here.some((issue) => issue.severity === 'flag'));
        }
        item.classList.toggle('has-error', own.some((issue) => issue.severity === 'refused'));
        messages.replaceChildren(
          ...own.map(({ issue, severity }) =>
            h(
              'li',
              { class: severity, 'data-severity': severity, 'data-code': issue.code },
              h('strong', {}, severity === 'refused' ? 'Lỗi: ' : 'Lưu ý: '),
              fieldMessage(issue),
              ' ',
              h('code', {}, `[${issue.code}]`),
            ),
          ),
        );
        messages.hidden = own.length === 0;
      },
    };
  }

  add.addEventListener('click', () => {
    const next = [...entries(), emptyDraft()];
    drafts.set(code, next);
    render();
    list.lastElementChild?.querySelector<HTMLSelectElement>('select')?.focus();
    onChange();
  });
  render();

  return {
    root,
    setEvidence(next, lacks) {
      issues = next;
      showIssues();
      lacking.hidden = lacks !== true;
      root.dataset['lacking'] = lacks === undefined ? 'unknown' : String(lacks);
    },
  };
}
