import type { IssueCode } from '../errors.js';

/** The issue codes the workbook layer reports besides the general ones. */
export type XlsxIssueCode = Extract<IssueCode, `xlsx/${string}`>;

export { makeIssue as xlsxIssue } from '../errors.js';
