import { makeIssue, type Issue } from '../errors.js';
import type { PathSegment } from '../path.js';
import { isIsoDate } from './common.js';
import { isVietnameseLetter } from './identity.js';

/** What a piece of evidence is ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): an official document, a web page, a file known by its hash. */
export type EvidenceKind = 'document' | 'link' | 'file';

/** The kinds of evidence, in the order the format lists them. @internal */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['document', 'link', 'file'];

/**
 * One piece of evidence for a leaf ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). Complete when a `document` has
 * a `number` or a `title`, a `link` an `http(s)` `url`, a `file` a `sha256`.
 */
export interface EvidenceEntry {
  readonly kind: EvidenceKind;
  /** A Vietnamese document's number: `123/QĐ-UBND`, `45/2022/NĐ-CP`. */
  readonly number?: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string;
  readonly issuer?: string;
  readonly title?: string;
  /** An `http://` or `https://` address; any other scheme is refused. */
  readonly url?: string;
  /** 64 hexadecimal digits. */
  readonly sha256?: string;
}

const SHA256 = /^[0-9a-fA-F]{64}$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const SPACE_OR_CONTROL = /[\s\p{Cc}\p{Cf}]/u;
const ASCII_WORD = /^[A-Za-z0-9]$/;

/** Why a URL is not a link a report may show (`problem` and the scheme found), or `undefined` for an `http(s)` address with a host. */
export function urlProblem(url: string): { readonly problem: 'scheme' | 'spaces' | 'malformed'; readonly scheme?: string } | undefined {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { problem: 'scheme', scheme: scheme.slice(0, 32) };
  // Browsers drop spaces and controls around (and tabs inside) an address: " javascript:…" must not pass as something else.
  if (SPACE_OR_CONTROL.test(url)) return { problem: 'spaces' };
  if (scheme === undefined) return { problem: 'malformed' };
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' ? undefined : { problem: 'malformed' };
  } catch {
    return { problem: 'malformed' };
  }
}

/**
 * Whether `text` reads like a Vietnamese document number, loosely: digits, then
 * one or more `/`-separated parts of letters (Vietnamese ones too) and digits
 * joined by hyphens (`123/QĐ-UBND`, `45/2022/NĐ-CP`, `12/KH-UBND`).
 */
export function isDocumentNumber(text: string): boolean {
  const parts = text.normalize('NFC').split('/');
  if (parts.length < 2 || !/^\d+$/.test(parts[0]!)) return false;
  return parts.slice(1).every((part) => part.split('-').every((word) => word !== '' && [...word].every((c) => ASCII_WORD.test(c) || isVietnameseLetter(c))));
}

const filled = (text: string | undefined): boolean => text !== undefined && text.trim() !== '';

/** Whether an entry has what its kind needs ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
function complete(entry: EvidenceEntry): boolean {
  switch (entry.kind) {
    case 'document':
      return filled(entry.number) || filled(entry.title);
    case 'link':
      return filled(entry.url);
    default:
      return filled(entry.sha256);
  }
}

/** Where an entry's problems go: its path, the unit, and the two lists. */
export interface EntryCheck {
  readonly unit: string;
  /** The period's last day (`YYYY-MM-DD`); `undefined` when the batch has no readable period (dates are then not judged). */
  readonly end: string | undefined;
  /** Refusals: the unit is rejected. */
  readonly issues: Issue[];
  /** Findings that do not reject the unit: an incomplete entry, a date after the period, a document number of an unusual form. */
  readonly flags: Issue[];
}

/**
 * Checks one evidence entry ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) at `path`: a date that is not a real
 * `YYYY-MM-DD` (`value/date`), a URL that is not an `http(s)` address
 * (`evidence/url`: `javascript:`, `data:`, `file:` … never reach a report) and
 * a malformed `sha256` (`evidence/sha256`) are refusals; an incomplete entry
 * (`evidence/incomplete`), a date after the period's last day
 * (`evidence/after-period`) and a document number of an unusual form
 * (`evidence/number-format`) are flags. Returns whether the entry counts as
 * evidence for the period: complete, sound, and not dated after its end.
 *
 * @internal
 */
export function checkEvidenceEntry(entry: EvidenceEntry, path: readonly PathSegment[], check: EntryCheck): boolean {
  const { unit, end, issues, flags } = check;
  const before = issues.length;
  const { date, url, sha256, number } = entry;
  if (date !== undefined && !isIsoDate(date)) issues.push(makeIssue('value/date', [...path, 'date'], { unit, date }));
  const badUrl = url === undefined ? undefined : urlProblem(url);
  if (badUrl !== undefined) issues.push(makeIssue('evidence/url', [...path, 'url'], { unit, ...badUrl }));
  if (sha256 !== undefined && !SHA256.test(sha256)) issues.push(makeIssue('evidence/sha256', [...path, 'sha256'], { unit }));
  const whole = complete(entry);
  if (!whole) flags.push(makeIssue('evidence/incomplete', path, { unit, kind: entry.kind }));
  if (number !== undefined && !isDocumentNumber(number)) flags.push(makeIssue('evidence/number-format', [...path, 'number'], { unit, number }));
  const late = date !== undefined && end !== undefined && isIsoDate(date) && date > end;
  if (late) flags.push(makeIssue('evidence/after-period', [...path, 'date'], { unit, date, end }));
  return whole && !late && issues.length === before;
}
