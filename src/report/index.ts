/**
 * `dti-criteria/report`: a score report for the people who read it —
 * councils, the press, the Department of Information and Communications — as
 * one self-contained, printable HTML file (inline CSS and SVG charts, no
 * external resources) or as Markdown. Vietnamese by default, English with
 * `lang: 'en'`. Browser-safe, no DOM; the same input always gives the same text.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { reportToHtml, reportToMarkdown } from 'dti-criteria/report';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { period: '2022', units: [{ id: 'vinh-thanh', name: 'Huyện Vĩnh Thạnh', level: 'district', values: {} }] });
 * console.log(reportToHtml(report, criteria).includes('<h2 id="c-district-h">UBND quận, huyện</h2>')); // true
 * console.log(reportToMarkdown(report, criteria).includes('## UBND quận, huyện')); // true
 * ```
 *
 * @packageDocumentation
 */
export { reportToHtml, type HtmlReportOptions } from './html.js';
export { reportToMarkdown, type MarkdownReportOptions } from './markdown.js';
