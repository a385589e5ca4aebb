// Drafts: what the officer typed, kept in this browser (localStorage) as they type,
// keyed by set, level, group and unit, and restored when the page opens again.
// "Xoá bản nháp" removes the draft and empties the form (with an undo while the
// page stays open). Nothing leaves the browser.
//
//   draft                       the draft line (data-state none / saved / restored / cleared)
//   draft-saved                 when it was last saved
//   draft-clear, draft-undo     remove it (and empty the form); bring it back
//   draft-list, draft-open-<i>  the other drafts kept in this browser, to open one
import { makeIssue, type EvidenceKind, type FormField, type Issue } from 'dti-criteria';
import type { Answer } from './answers.js';
import { bilingual, h } from './dom.js';
import { EVIDENCE_FIELDS, type EvidenceDraft, type EvidenceField } from './evidence.js';
import { issueList } from './issue-view.js';

const PREFIX = 'dti-portal:v1:draft:';
const LAST = 'dti-portal:v1:last';

/** One field's answer as stored (the items of a checklist as a list). */
interface StoredAnswer {
  readonly type: FormField['input']['type'];
  readonly na: boolean;
  readonly value: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly mode: 'value' | 'fraction';
  readonly items: readonly string[];
}

/** A draft as stored. */
export interface Draft {
  readonly format: 1;
  /** Which draft this is, kept while it moves to another key (the unit renamed, another level). */
  readonly id: string;
  readonly savedAt: string;
  readonly period: string;
  readonly set: string;
  readonly level: string;
  readonly group: string | null;
  readonly unitName: string;
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly evidence: Readonly<Record<string, readonly { readonly kind: EvidenceKind; readonly text: Readonly<Record<EvidenceField, string>> }[]>>;
}

/** The scope a draft is kept under. */
export interface DraftScope {
  readonly period: string;
  readonly set: string;
  readonly level: string;
  readonly group: string | null;
  readonly unitName: string;
}

/** The unit's part of a key: its name trimmed, NFC, lower case. */
const unitKey = (name: string): string => name.trim().normalize('NFC').toLocaleLowerCase('vi');

/** The storage key of a draft: set, level, group and unit. */
export function draftKey(scope: DraftScope): string {
  return `${PREFIX}${scope.set}|${scope.level}|${scope.group ?? ''}|${unitKey(scope.unitName)}`;
}

/** What the form holds, as a draft to store. */
export function toDraft(id: string, scope: DraftScope, answers: ReadonlyMap<string, Answer>, evidence: ReadonlyMap<string, readonly EvidenceDraft[]>, now: Date): Draft {
  const storedAnswers: Record<string, StoredAnswer> = {};
  for (const [code, a] of answers) {
    // A field never touched is not kept (its mode is the form's default either way).
    if (!a.na && a.value === '' && a.numerator === '' && a.denominator === '' && a.items.size === 0) continue;
    storedAnswers[code] = { type: a.type, na: a.na, value: a.value, numerator: a.numerator, denominator: a.denominator, mode: a.mode, items: [...a.items] };
  }
  const storedEvidence: Record<string, { kind: EvidenceKind; text: Record<EvidenceField, string> }[]> = {};
  for (const [code, list] of evidence) if (list.length > 0) storedEvidence[code] = list.map((d) => ({ kind: d.kind, text: { ...d.text } }));
  return { format: 1, id, savedAt: now.toISOString(), ...scope, answers: storedAnswers, evidence: storedEvidence };
}

/** Whether a draft holds anything typed (an empty form is not kept). */
export function isEmpty(draft: Draft): boolean {
  return Object.keys(draft.answers).length === 0 && Object.keys(draft.evidence).length === 0;
}

/** Puts a stored draft back into the form's state. */
export function restoreInto(draft: Draft, answers: Map<string, Answer>, evidence: Map<string, EvidenceDraft[]>): void {
  answers.clear();
  evidence.clear();
  for (const [code, a] of Object.entries(draft.answers)) answers.set(code, { type: a.type, na: a.na, value: a.value, numerator: a.numerator, denominator: a.denominator, mode: a.mode, items: new Set(a.items) });
  for (const [code, list] of Object.entries(draft.evidence)) {
    evidence.set(
      code,
      list.map((d) => ({ kind: d.kind, text: Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, d.text[f] ?? ''])) as Record<EvidenceField, string> })),
    );
  }
}

function parse(text: string | null): Draft | undefined {
  if (text === null) return undefined;
  try {
    const draft = JSON.parse(text) as Draft;
    return draft && draft.format === 1 && typeof draft.set === 'string' && typeof draft.level === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** The drafts kept in a browser's storage. */
export class DraftStore {
  constructor(private readonly storage: Storage | undefined) {}

  /** The draft saved last (the one to restore when the page opens), if any. */
  last(): { key: string; draft: Draft } | undefined {
    const key = this.storage?.getItem(LAST);
    const draft = key ? parse(this.storage!.getItem(key)) : undefined;
    return key && draft ? { key, draft } : undefined;
  }

  /** Every draft kept, newest first. */
  list(): { key: string; draft: Draft }[] {
    if (!this.storage) return [];
    const out: { key: string; draft: Draft }[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const draft = parse(this.storage.getItem(key));
      if (draft) out.push({ key, draft });
    }
    return out.sort((a, b) => (a.draft.savedAt < b.draft.savedAt ? 1 : a.draft.savedAt > b.draft.savedAt ? -1 : 0));
  }

  get(key: string): Draft | undefined {
    return parse(this.storage?.getItem(key) ?? null);
  }

  /**
   * Saves `draft` under `key`; the draft's copy under `previous` (the same
   * draft before the unit was renamed or the level changed) is removed.
   * Returns the library's `output/write` issue when the storage refuses.
   */
  save(key: string, draft: Draft, previous: string | undefined): Issue | undefined {
    if (!this.storage) return undefined;
    try {
      if (previous !== undefined && previous !== key && this.get(previous)?.id === draft.id) this.storage.removeItem(previous);
      this.storage.setItem(key, JSON.stringify(draft));
      this.storage.setItem(LAST, key);
      return undefined;
    } catch (error) {
      return makeIssue('output/write', '$', { file: 'localStorage', reason: error instanceof Error ? error.name : 'unknown' });
    }
  }

  remove(key: string): void {
    this.storage?.removeItem(key);
    if (this.storage?.getItem(LAST) === key) this.storage.removeItem(LAST);
  }
}

/** What the draft line shows. */
export type DraftState =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved' | 'restored'; readonly savedAt: string }
  | { readonly kind: 'cleared' }
  | { readonly kind: 'failed'; readonly issue: Issue };

/** A time as the officer reads it: `08:15, 08/12/2026`. */
function shownTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}, ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The draft line: when it was saved (or restored), "Xoá bản nháp", undo after a clear, and the other drafts to open. */
export function renderDraft(
  el: HTMLElement,
  state: DraftState,
  others: readonly { key: string; draft: Draft }[],
  actions: { clear: () => void; undo: (() => void) | undefined; open: (key: string) => void },
): void {
  // Drawn again only when what it says changes (it is saved at every keystroke).
  const shown = state.kind === 'saved' || state.kind === 'restored' ? { kind: state.kind, savedAt: shownTime(state.savedAt) } : state;
  const signature = JSON.stringify([shown, actions.undo !== undefined, others.map(({ key, draft }) => [key, draft.savedAt.slice(0, 16)])]);
  if (el.dataset['signature'] === signature) return;
  el.dataset['signature'] = signature;
  el.dataset['state'] = state.kind;
  const parts: HTMLElement[] = [];
  if (state.kind === 'saved' || state.kind === 'restored') {
    const clear = h('button', { type: 'button', class: 'link', 'data-testid': 'draft-clear' }, 'Xoá bản nháp', h('span', { class: 'sub', lang: 'en' }, ' clear the draft'));
    clear.addEventListener('click', actions.clear);
    parts.push(
      h(
        'p',
        {},
        h('span', { 'data-testid': 'draft-saved' }, state.kind === 'restored' ? `Đã mở lại bản nháp lưu lúc ${shownTime(state.savedAt)}.` : `Đã lưu bản nháp lúc ${shownTime(state.savedAt)} trong trình duyệt này.`),
        ' ',
        h('span', { class: 'sub', lang: 'en' }, state.kind === 'restored' ? 'Draft restored.' : 'Draft saved in this browser.'),
        ' ',
        clear,
      ),
    );
  } else if (state.kind === 'cleared') {
    const undo = actions.undo ? h('button', { type: 'button', class: 'link', 'data-testid': 'draft-undo' }, 'Hoàn tác', h('span', { class: 'sub', lang: 'en' }, ' undo')) : null;
    if (undo && actions.undo) undo.addEventListener('click', actions.undo);
    parts.push(h('p', {}, bilingual('Đã xoá bản nháp; phiếu để trống.', 'Draft cleared; the form is empty.'), ' ', undo));
  } else if (state.kind === 'failed') {
    parts.push(h('div', { class: 'status status-failed' }, h('p', {}, bilingual('Không lưu được bản nháp.', 'The draft could not be saved.')), issueList([state.issue])));
  }
  if (others.length > 0) {
    parts.push(
      h(
        'details',
        { class: 'draft-others' },
        h('summary', {}, `Bản nháp khác trong trình duyệt này (${others.length})`, h('span', { class: 'sub', lang: 'en' }, ' other drafts')),
        h(
          'ul',
          { 'data-testid': 'draft-list' },
          ...others.map(({ key, draft }, i) => {
            const open = h('button', { type: 'button', class: 'link', 'data-testid': `draft-open-${i}` }, 'Mở', h('span', { class: 'sub', lang: 'en' }, ' open'));
            open.addEventListener('click', () => actions.open(key));
            return h('li', {}, `${draft.unitName || '(chưa đặt tên)'} — ${draft.set}, ${draft.level}${draft.group ? `/${draft.group}` : ''}${draft.period ? `, kỳ ${draft.period}` : ''} (${shownTime(draft.savedAt)}) `, open);
          }),
        ),
      ),
    );
  }
  el.replaceChildren(...parts);
}
