import type * as z from 'zod';
import { ISSUE_CODES, type IssueCode, type IssueParams } from '../errors.js';

/** A zod check's failure as the library reports it: a code and its parameters. */
export interface CodedCheck {
  readonly code: IssueCode;
  readonly params: IssueParams;
}

const KNOWN = new Set<string>(ISSUE_CODES);

/** String patterns whose failure has a code of its own, by the pattern as zod reports it (`/…/flags`). */
const byPattern = new Map<string, CodedCheck>();

/**
 * `schema` with the pattern `re`, whose failure is reported as `code` with
 * `params` (the JSON Schema keeps the pattern, for editors).
 */
export function codedPattern(schema: z.ZodString, re: RegExp, code: IssueCode, params: IssueParams = {}): z.ZodString {
  byPattern.set(String(re), { code, params });
  return schema.regex(re);
}

/**
 * The zod options of a refinement whose failure is reported as `code` with
 * `params`: kept under `params.dti` of the zod issue (an issue's own
 * parameters may be named `code` too, as `submission/unknown-leaf`'s is).
 */
export function coded(code: IssueCode, params: IssueParams = {}): { readonly params: { readonly dti: CodedCheck } } {
  return { params: { dti: { code, params } } };
}

/** The code a zod issue carries (a coded pattern or refinement), if any. */
export function codedCheckOf(issue: z.core.$ZodIssue): CodedCheck | undefined {
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    const pattern = (issue as { pattern?: unknown }).pattern;
    return typeof pattern === 'string' ? byPattern.get(pattern) : undefined;
  }
  if (issue.code === 'custom') {
    const dti = (issue.params as { dti?: { code?: unknown; params?: unknown } } | undefined)?.dti;
    if (typeof dti?.code === 'string' && KNOWN.has(dti.code)) return { code: dti.code as IssueCode, params: (dti.params ?? {}) as IssueParams };
  }
  return undefined;
}
