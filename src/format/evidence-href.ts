import { urlProblem } from './evidence-entry.js';

/**
 * The address a page may link to for an evidence entry's `url` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)):
 * the URL itself when the scorer accepts it (an `http://` or `https://`
 * address with a host, no spaces or control characters), else `undefined`.
 * A `javascript:`, `data:`, `vbscript:` or `file:` address, a relative one,
 * one with a space or a tab (which browsers drop), or anything not a string
 * is never a live `href`: show it as text. The same check that refuses such
 * a URL in a submission (`evidence/url`), so a page and the scorer agree.
 *
 * @param url - An evidence entry's `url` as given (it may be missing).
 * @returns The URL, unchanged, when it may be linked to; `undefined` otherwise.
 *
 * @example
 * ```ts
 * import { evidenceHref } from 'dti-criteria';
 * console.log(evidenceHref('https://cantho.gov.vn/ke-hoach-cds-2022')); // https://cantho.gov.vn/ke-hoach-cds-2022
 * console.log(evidenceHref('javascript:alert(1)')); // undefined
 * console.log(evidenceHref(' https://cantho.gov.vn')); // undefined
 * console.log(evidenceHref(undefined)); // undefined
 * ```
 */
export function evidenceHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  return urlProblem(url) === undefined ? url : undefined;
}
