import { makeIssue, type Issue } from '../errors.js';
import type { CompiledCriteria } from '../compile/compiled.js';
import { isIsoDate } from '../format/common.js';
import type { AppraisalEntry, UnitSubmission } from '../format/submission-schema.js';
import type { PathSegment } from '../path.js';
import type { LeafReader } from './plan.js';
import type { AppraisalNote } from './result-types.js';
import { misplacedCode, readLeafValue, ReadingContext } from './read-value.js';

/** What reading a unit's `appraisal` needs; `columns` is `undefined` to check only. */
export interface AppraisalReading {
  readonly criteria: CompiledCriteria;
  readonly readers: ReadonlyMap<string, LeafReader>;
  readonly unit: UnitSubmission;
  /** The unit's path (`["units", 3]`; `[]` for a unit on its own). */
  readonly base: readonly PathSegment[];
  readonly issues: Issue[];
  readonly columns: (unknown[] | undefined)[] | undefined;
  readonly position: number;
  readonly size: number;
  /** Keep `by` in the notes. */
  readonly withAppraisers: boolean;
}

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The note results keep of an appraisal: its reason, note and date, and who only when asked. */
function noteOf(entry: AppraisalEntry, withAppraisers: boolean): AppraisalNote {
  return {
    reason: entry.reason,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.at !== undefined ? { at: entry.at } : {}),
    ...(withAppraisers && entry.by !== undefined ? { by: entry.by } : {}),
  };
}

/**
 * Reads a unit's `appraisal` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) into the appraised columns: each
 * entry's `value` as an appraised value is read (the leaf's rule, `"n/a"`
 * where allowed) at `appraisal["CODE"].value`; its `reason` one of the set's
 * (`appraisal/unknown-reason`, listing them), with a `note` where the reason
 * needs one (`appraisal/note-required`); `at` a real date (`value/date`); a
 * leaf also in `appraised` is `submission/appraised-twice`; a code that is not
 * a leaf of the unit is refused as in `values`. Returns whether any value was
 * read, and the notes by slot.
 */
export function readAppraisal(reading: AppraisalReading): { readonly any: boolean; readonly notes: ReadonlyMap<number, AppraisalNote> | undefined } {
  const { criteria, readers, unit, base, issues, columns, position, size, withAppraisers } = reading;
  const record = unit.appraisal ?? {};
  const ctx = new ReadingContext(unit.id, [...base, 'appraisal'], issues, ['value']);
  const notes = new Map<number, AppraisalNote>();
  let any = false;
  for (const code of Object.keys(record)) {
    const path = [...base, 'appraisal', code];
    const reader = readers.get(code);
    if (reader === undefined) {
      issues.push(misplacedCode(criteria, code, unit.id, path));
      continue;
    }
    const entry = record[code];
    if (entry === undefined) continue;
    const before = issues.length;
    if (unit.appraised !== undefined && hasOwn(unit.appraised, code)) issues.push(makeIssue('submission/appraised-twice', path, { unit: unit.id, code }));
    const value = readLeafValue(reader.leaf, entry.value, ctx.at(code, reader));
    const reason = criteria.appraisalReasons.get(entry.reason);
    if (reason === undefined) issues.push(makeIssue('appraisal/unknown-reason', [...path, 'reason'], { unit: unit.id, reason: entry.reason, allowed: [...criteria.appraisalReasons.keys()] }));
    else if (reason.noteRequired === true && (entry.note === undefined || entry.note.trim() === '')) issues.push(makeIssue('appraisal/note-required', [...path, 'note'], { unit: unit.id, reason: reason.id }));
    if (entry.at !== undefined && !isIsoDate(entry.at)) issues.push(makeIssue('value/date', [...path, 'at'], { unit: unit.id, date: entry.at }));
    if (value === undefined || issues.length > before) continue;
    any = true;
    notes.set(reader.slot, noteOf(entry, withAppraisers));
    if (columns === undefined) continue;
    const column = (columns[reader.slot] ??= new Array<unknown>(size).fill(undefined));
    column[position] = value;
  }
  return { any, notes: notes.size > 0 ? notes : undefined };
}
