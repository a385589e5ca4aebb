// Evidence the officer attaches to a leaf (spec §12), as typed, and how it
// becomes the unit's `evidence`: one entry per row, `kind` and the fields
// filled in, each exactly as typed (an empty input is no field). The library
// judges them when it scores: refusals (a `javascript:` link, a date that is
// not YYYY-MM-DD) and flags (incomplete, dated after the period) come back as
// coded issues at their paths, shown at the entry (see issues.ts).
import type { EvidenceEntry, EvidenceKind, FormField } from 'dti-criteria';

/** The text fields of an evidence entry, in the spec's order. */
export type EvidenceField = 'number' | 'date' | 'issuer' | 'title' | 'url' | 'sha256';

export const EVIDENCE_FIELDS: readonly EvidenceField[] = ['number', 'date', 'issuer', 'title', 'url', 'sha256'];

/** The kinds, in the spec's order. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['document', 'link', 'file'];

/**
 * The fields the form offers for each kind (docs/guides/evidence-and-appraisal.md):
 * what completes the entry first. A field filled in under another kind stays
 * shown and sent: what the officer typed is never hidden or dropped.
 */
export const FIELDS_OF_KIND: Readonly<Record<EvidenceKind, readonly EvidenceField[]>> = {
  document: ['number', 'title', 'date', 'issuer', 'url'],
  link: ['url', 'title', 'date', 'issuer'],
  file: ['title', 'sha256', 'date'],
};

/** One entry as the officer types it. */
export interface EvidenceDraft {
  kind: EvidenceKind;
  readonly text: Record<EvidenceField, string>;
}

export function emptyDraft(kind: EvidenceKind = 'document'): EvidenceDraft {
  return { kind, text: { number: '', date: '', issuer: '', title: '', url: '', sha256: '' } };
}

/** The fields an entry's form shows: its kind's, then any other one holding text. */
export function shownFields(draft: EvidenceDraft): EvidenceField[] {
  const own = FIELDS_OF_KIND[draft.kind];
  return [...own, ...EVIDENCE_FIELDS.filter((field) => !own.includes(field) && draft.text[field] !== '')];
}

/** The entry the submission carries: the kind, then every field holding text, as typed, in the spec's order. */
export function entryOf(draft: EvidenceDraft): EvidenceEntry {
  const entry: { kind: EvidenceKind } & Partial<Record<EvidenceField, string>> = { kind: draft.kind };
  for (const field of EVIDENCE_FIELDS) if (draft.text[field] !== '') entry[field] = draft.text[field];
  return entry;
}

/** Key of one entry of one leaf, for the entries a retry leaves out. */
export const entryKey = (code: string, index: number): string => `${code}#${index}`;

/** A unit's `evidence` and, per leaf, which draft each sent entry is (a retry leaves refused entries out). */
export interface EvidenceRecord {
  /** Keyed by leaf code in form order; leaves without entries are left out. */
  readonly evidence: Record<string, EvidenceEntry[]>;
  /** `origin.get(code)[k]`: the draft index of the k-th entry sent for `code`. */
  readonly origin: ReadonlyMap<string, readonly number[]>;
}

/** The `evidence` of the unit's submission for the form's fields, leaving out the entries in `skip` (see {@link entryKey}). */
export function evidenceOf(fields: readonly FormField[], drafts: ReadonlyMap<string, readonly EvidenceDraft[]>, skip: ReadonlySet<string> = new Set()): EvidenceRecord {
  const evidence: Record<string, EvidenceEntry[]> = {};
  const origin = new Map<string, number[]>();
  for (const field of fields) {
    const list = drafts.get(field.code) ?? [];
    const sent: number[] = [];
    const entries: EvidenceEntry[] = [];
    list.forEach((draft, index) => {
      if (skip.has(entryKey(field.code, index))) return;
      sent.push(index);
      entries.push(entryOf(draft));
    });
    if (entries.length === 0) continue;
    evidence[field.code] = entries;
    origin.set(field.code, sent);
  }
  return { evidence, origin };
}
