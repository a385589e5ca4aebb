import { indexHeatmap } from '../charts/index-heatmap.js';
import { pillarRadar } from '../charts/pillar-radar.js';
import { rankingBarChart } from '../charts/ranking-bar.js';
import { ratingSwatchCss } from '../charts/palette.js';
import { escapeXml, FONT_STACK } from '../charts/svg.js';
import type { DtiError } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import { parseScoreReport } from '../results/parse.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { withExplanations } from '../scoring/explain.js';
import { reportLabels } from './labels.js';
import { buildReportModel, type AppraisalSectionModel, type Cell, type CohortModel, type ProfileModel, type TableModel } from './model.js';

/** Options of {@link reportToHtml}. */
export interface HtmlReportOptions {
  /** Language of the report: `vi` (default) or `en`. Unit names are shown as given. */
  readonly lang?: 'vi' | 'en';
  /** The document's heading; default the criteria set's title. The set's title is always shown in the header. */
  readonly title?: string;
  /**
   * Show who appraised each criterion (an appraisal's `by`, personal data)
   * where the results keep it (`dti score --with-appraisers`); default
   * `false`: the appraisal section leaves it out.
   */
  readonly withAppraisers?: boolean;
  /**
   * The report's date (ISO `YYYY-MM-DD`, written `15/03/2023` in
   * Vietnamese): shown in the header and printed in every page's footer
   * beside the title. Without it the footer names the period. The report
   * reads no clock: the same input gives the same file. A date that does not
   * exist is refused (`schema/date`).
   */
  readonly date?: string;
}

/**
 * The report's style. Screens: every table and every chart sits in a box that
 * scrolls sideways on a narrow screen (the page itself never gets wider than
 * the screen); names stay on one line, headers wrap; a chart is never shrunk
 * below the size where its smallest text is 11 px (`--min`, set per chart),
 * and the bar chart has a rendering of its own for phones; the header's facts
 * stack on a phone. Paper: A4, charts fitted to the page, every page's footer
 * with the title, the date and "Trang N/M" (`@page` margin boxes, see
 * {@link pageRules}).
 */
const CSS = `
*{box-sizing:border-box}
body{font-family:${FONT_STACK};font-size:15px;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
main{max-width:1140px;margin:0 auto;padding:24px 32px 48px}
p,li,dd,h1,h2,h3,h4{overflow-wrap:break-word}
h1{font-size:26px;line-height:1.25;margin:4px 0 16px;overflow-wrap:anywhere}
h2{font-size:22px;line-height:1.3;border-bottom:3px solid #0072B2;padding-bottom:4px;margin:48px 0 12px}
h3{font-size:18px;margin:28px 0 8px}
h4{font-size:16px;margin:16px 0 6px}
.kicker{text-transform:uppercase;letter-spacing:.06em;color:#005A8C;font-weight:bold;font-size:13px;margin:0}
dl.facts{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:4px 16px;margin:0 0 16px}
dl.facts dt{font-weight:bold;color:#444}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
code{font-family:'DejaVu Sans Mono','Liberation Mono',monospace;font-size:13px;word-break:break-all;overflow-wrap:anywhere}
.note{border-left:5px solid #E69F00;background:#fff8e6;padding:10px 16px;margin:16px 0}
.note.alert{border-left-color:#D55E00;background:#fdeee6}
.note p{margin:4px 0}
.scroll{overflow-x:auto;max-width:100%;margin:8px 0 16px}
.scroll:focus-visible{outline:3px solid #0072B2;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:0;font-size:14px}
th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef3f8}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,td.nowrap{white-space:nowrap}
tbody tr:nth-child(even){background:#f8f8f8}
table.compact{width:auto;min-width:min(320px,100%)}
.swatch{display:inline-block;width:1.05em;height:1.05em;border:1px solid #333;vertical-align:-.15em;margin-right:.4em}
figure{margin:12px 0 20px}
figure .scroll{margin:0}
figure svg{display:block;max-width:100%;min-width:var(--min,0);height:auto}
.chart-narrow{display:none}
nav.toc ol{margin:4px 0}
nav.toc>ol>li{margin-bottom:6px}
nav.toc ul{columns:3;column-gap:24px;font-size:14px;padding-left:20px;list-style:none}
.summary{font-size:15px;color:#333;margin:0 0 12px}
.small{font-size:13px;color:#555}
.profile{border-top:1px solid #bbb;padding-top:16px;margin-top:28px}
.profile-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.4fr);gap:24px;align-items:start}
.overview{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:24px;align-items:start}
footer{margin-top:40px;color:#555;font-size:13px;border-top:1px solid #ccc;padding-top:8px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media screen and (max-width:800px){.profile-grid,.overview{grid-template-columns:minmax(0,1fr)}nav.toc ul{columns:1}}
@media screen and (max-width:600px){
main{padding:16px 16px 40px}
h1{font-size:22px}
h2{font-size:19px;margin-top:36px}
h3{font-size:17px}
dl.facts{grid-template-columns:minmax(0,1fr);gap:0}
dl.facts dd{margin:0 0 8px}
table{font-size:13px}
th,td{padding:3px 6px}
th.long{min-width:9em}
.chart-wide{display:none}
.chart-narrow{display:block}
}
@media print{
body{font-size:9.5pt;line-height:1.35}
.profile h3{margin:0 0 2px}
.summary{margin:0 0 6px}
figure{margin:4px 0}
figure svg{min-width:0}
h4{margin:8px 0 4px}
.scroll{overflow:visible;margin:4px 0 8px}
main{max-width:none;padding:0}
h2{margin-top:0}
section.cohort,article.profile{break-before:page}
.profile{border-top:none;padding-top:0;margin-top:0}
h2,h3,h4{break-after:avoid}
table{font-size:8.5pt}
th,td{padding:2px 4px}
.overview{grid-template-columns:1fr}
thead{display:table-header-group}
tr,figure,.summary{break-inside:avoid}
.wide{page:wide}
.profile-grid{grid-template-columns:minmax(0,1fr) minmax(0,1.2fr);gap:12px}
nav.toc{break-after:page}
a{color:inherit;text-decoration:none}
footer{margin-top:16px}
}
`;

/** Text as a CSS string (`"…"`): quotes, backslashes and line breaks escaped, and `<`, `>` so that it cannot close the `<style>` element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\r\n\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * The pages on paper: A4 with room at the foot for a footer on every page,
 * the report's title and date on the left, "Trang N/M" ("Page N of M") on the
 * right (`@page` margin boxes, which Chromium prints and saves to PDF).
 */
function pageRules(footer: string, page: string, of: string): string {
  const font = `font-family:${FONT_STACK};font-size:8pt;color:#444;vertical-align:top;padding-top:3mm`;
  const boxes = `@bottom-left{content:${cssString(footer)};${font}}@bottom-right{content:${cssString(`${page} `)} counter(page) ${cssString(of)} counter(pages);${font};white-space:nowrap}`;
  return `@page{size:A4;margin:14mm 12mm 18mm;${boxes}}\n@page wide{size:A4 landscape;margin:12mm 12mm 16mm;${boxes}}\n`;
}

/** The smallest `font-size` of an SVG chart (its root's 13 when none is smaller). */
function smallestFont(svg: string): number {
  let smallest = 13;
  for (const match of svg.matchAll(/font-size="([\d.]+)"/g)) smallest = Math.min(smallest, Number(match[1]));
  return smallest;
}

/**
 * An SVG chart made for the page: on screen never shown smaller than the size
 * where its smallest text is 11 px (`--min`); its box scrolls beyond that.
 */
function chartMarkup(svg: string, className?: string): string {
  const width = Number(/^<svg [^>]*\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? '0');
  const min = Math.ceil((width * 11) / smallestFont(svg));
  return svg.replace(/^<svg /, `<svg${className === undefined ? '' : ` class="${className}"`} style="--min:${min}px" `);
}

function cell(value: Cell, numeric: boolean, nowrap: boolean, header = false): string {
  const tag = header ? 'th scope="col"' : 'td';
  const end = header ? 'th' : 'td';
  // A long header wraps on two or three lines, not one word a line, when a narrow screen squeezes the table.
  const long = header && typeof value === 'string' && [...value].length > 12;
  const classes = [...(numeric ? ['num'] : []), ...(nowrap && !header ? ['nowrap'] : []), ...(long ? ['long'] : [])];
  const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  if (typeof value === 'string') return `<${tag}${cls}>${escapeXml(value)}</${end}>`;
  // The swatch shows the rating's colour and pattern; its name follows as text.
  return `<${tag}${cls}><span class="swatch" style="${escapeXml(ratingSwatchCss(value.swatch))}"></span>${escapeXml(value.text)}</${end}>`;
}

/**
 * A table in a box that scrolls sideways when the screen is too narrow for it:
 * a focusable region named `label`, so that a keyboard can scroll it too.
 */
function table(model: TableModel, label: string, className?: string): string {
  const nowrap = (i: number): boolean => model.nowrap?.[i] ?? false;
  const head = `<thead><tr>${model.head.map((h, i) => cell(h, model.numeric[i] ?? false, nowrap(i), true)).join('')}</tr></thead>`;
  const body = `<tbody>${model.rows.map((row) => `<tr>${row.map((c, i) => cell(c, model.numeric[i] ?? false, nowrap(i))).join('')}</tr>`).join('\n')}</tbody>`;
  return `<div class="scroll" tabindex="0" role="region" aria-label="${escapeXml(label)}"><table${className ? ` class="${className}"` : ''}>${head}\n${body}</table></div>`;
}

/**
 * The whole report as ONE self-contained, printable HTML file: inline CSS and
 * SVG charts, no scripts, no external resources (it opens offline and prints
 * to A4, one page per level and per unit profile; heat maps print landscape).
 * Vietnamese by default. It holds: the header (criteria title, `id@version`,
 * sha256, period, legal basis, and the set's own description, where a
 * reconstructed or illustrative set says so); the method; then per level (and
 * group, when the set ranks within groups) the ranking table with the index of
 * each pillar, the ranking bar chart, the rating distribution, self-assessed
 * against appraised points, the heat map of main indices; and a profile per
 * unit: a radar of its pillars against the average of its level, its 5
 * strongest and 5 weakest criteria with how each was computed. Figures are
 * the report's own digits, never rounded again; a Vietnamese report writes
 * them with a decimal comma and thousands dots (`0,9346`, `1.000,00`), an
 * English one as the results do.
 *
 * It reads on a phone (390 px) as on a laptop: tables and wide charts scroll
 * sideways in their own box, a chart's text is never under 11 px, the bar
 * chart has a phone layout. On paper: A4, the heat maps landscape, every
 * page's footer with the title, the date and "Trang N/M"; ratings are told
 * apart by a pattern as well as a colour, and named, so a black-and-white
 * print reads too.
 *
 * The report is first checked against `criteria` as {@link parseScoreReport}
 * does: throws {@link DtiError} (paths under `report`) when it was not scored
 * with that set or is inconsistent (a figure that does not add up, a unit
 * listed twice, a changed rank, an unknown field, …), so a hand-edited file
 * is never published as if it were official.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { reportToHtml } from 'dti-criteria/report';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { period: '2022', units: [
 *   { id: 'cai-rang', name: 'Quận Cái Răng', level: 'district', values: { 'CQS.2.1': true } },
 * ] });
 * const html = reportToHtml(report, criteria);
 * console.log(html.startsWith('<!DOCTYPE html>')); // true
 * console.log(html.includes(report.criteria.sha256) && html.includes('Quận Cái Răng')); // true
 * console.log(/<link|<script|src="http/.test(html)); // false
 * ```
 */
export function reportToHtml(report: ScoreReport, criteria: CriteriaSet, options: HtmlReportOptions = {}): string {
  return htmlOf(parseScoreReport(withExplanations(report), criteria, { path: ['report'] }), criteria, options);
}

/** A chart (or its renderings) in a figure whose box scrolls sideways when the chart is wider than the screen; a focusable region named `label`. */
function figureOf(charts: string, label: string): string {
  return `<figure><div class="scroll" tabindex="0" role="region" aria-label="${escapeXml(label)}">${charts}</div></figure>`;
}

/** The HTML of a report already checked against its set. */
function htmlOf(report: ScoreReport, criteria: CriteriaSet, options: HtmlReportOptions): string {
  const lang = options.lang ?? 'vi';
  const w = reportLabels(lang);
  const figure = (charts: string, caption: string): string => figureOf(charts, w.chartOf(caption));
  const model = buildReportModel(report, criteria, lang, options.title, { withAppraisers: options.withAppraisers === true, ...(options.date === undefined ? {} : { date: options.date }) });
  const when = model.date ?? (report.period === null ? null : `${w.period} ${report.period}`);
  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${lang}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="dti-criteria">`);
  out.push(`<title>${escapeXml(model.title)}${report.period === null ? '' : ` — ${escapeXml(report.period)}`}</title>`);
  out.push(`<style>${CSS}${pageRules(when === null ? model.title : `${model.title} · ${when}`, w.page, w.pageOf)}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<main>');

  // Header.
  out.push('<header>');
  out.push(`<p class="kicker">${escapeXml(w.kicker)}</p>`);
  out.push(`<h1>${escapeXml(model.title)}</h1>`);
  out.push('<dl class="facts">');
  for (const [label, value] of model.facts) out.push(`<dt>${escapeXml(label)}</dt><dd>${escapeXml(value)}</dd>`);
  out.push(`<dt>${escapeXml(w.sha256)}</dt><dd><code>${escapeXml(model.sha256)}</code></dd>`);
  out.push('</dl>');
  if (model.draft) out.push(`<div class="note alert" role="note"><p><strong>${escapeXml(w.draftWarning)}</strong></p></div>`);
  if (model.caveat !== null) out.push(`<div class="note" role="note"><p><strong>${escapeXml(w.caveat)}</strong></p><p>${escapeXml(model.caveat)}</p></div>`);
  if (model.warnings.length > 0) out.push(`<div class="note alert" role="note"><p><strong>${escapeXml(w.warnings)}</strong></p><ul>${model.warnings.map((m) => `<li>${escapeXml(m)}</li>`).join('')}</ul></div>`);
  if (model.rejected.length > 0) {
    out.push(`<div class="note alert" role="note"><p><strong>${escapeXml(w.rejected)}</strong></p><ul>`);
    for (const r of model.rejected) out.push(`<li>${escapeXml(r.heading)}<ul>${r.issues.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul></li>`);
    out.push('</ul></div>');
  }
  out.push(`<h3>${escapeXml(w.method)}</h3>`);
  out.push(`<ul>${model.method.map((m) => `<li>${escapeXml(m)}</li>`).join('')}</ul>`);
  out.push('</header>');

  // Contents.
  out.push(`<nav class="toc" aria-label="${escapeXml(w.contents)}"><h2>${escapeXml(w.contents)}</h2><ol>`);
  for (const cohort of model.cohorts) {
    out.push(`<li><a href="#${cohort.anchor}">${escapeXml(cohort.heading)}</a> (${escapeXml(w.unitsCount(cohort.units.length))})<ul>`);
    out.push(cohort.profiles.map((p) => `<li><a href="#${p.anchor}">${escapeXml(p.heading)}</a></li>`).join(''));
    out.push('</ul></li>');
  }
  if (model.appraisal !== null) {
    out.push(`<li><a href="#${model.appraisal.anchor}">${escapeXml(w.appraisalReport)}</a> (${escapeXml(w.unitsCount(model.appraisal.units.length))})</li>`);
  }
  out.push('</ol></nav>');

  for (const cohort of model.cohorts) out.push(cohortHtml(cohort));
  if (model.appraisal !== null) out.push(appraisalHtml(model.appraisal));

  out.push(`<footer><p>${escapeXml(model.footer)}</p></footer>`);
  out.push('</main>');
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;

  function cohortHtml(cohort: CohortModel): string {
    const group = cohort.group?.id;
    const chartOptions = { level: cohort.level.id, lang, ...(group === undefined ? {} : { group }) };
    const parts: string[] = [];
    parts.push(`<section class="cohort" id="${cohort.anchor}" aria-labelledby="${cohort.anchor}-h">`);
    parts.push(`<h2 id="${cohort.anchor}-h">${escapeXml(cohort.heading)}</h2>`);
    parts.push(`<p class="summary">${escapeXml(w.unitsCount(cohort.units.length))}</p>`);
    parts.push(`<h3>${escapeXml(w.ranking)}</h3>`);
    const named = (what: string): string => `${what} — ${cohort.heading}`;
    parts.push(table(cohort.ranking, w.tableOf(named(w.ranking)), 'ranking'));
    // The bar chart twice: the laptop's and print's layout, and the phone's (one shown at a time).
    const wide = chartMarkup(rankingBarChart(report, criteria, { ...chartOptions, width: 700, id: `${cohort.anchor}-bar` }), 'chart-wide');
    const narrow = chartMarkup(rankingBarChart(report, criteria, { ...chartOptions, width: 340, id: `${cohort.anchor}-bar-phone` }), 'chart-narrow');
    parts.push(`<div class="overview"><div><h3>${escapeXml(w.rankingChart)}</h3>${figure(`${wide}${narrow}`, named(w.rankingChart))}</div>`);
    parts.push(`<div><h3>${escapeXml(w.distribution)}</h3>${table(cohort.distribution, w.tableOf(named(w.distribution)), 'compact')}</div></div>`);
    if (cohort.appraisal !== null) {
      parts.push(`<h3>${escapeXml(w.appraisal)}</h3><p>${escapeXml(w.appraisalNote)}</p>`);
      parts.push(table(cohort.appraisal, w.tableOf(named(w.appraisal))));
    }
    parts.push(`<div class="wide"><h3>${escapeXml(w.heatmap)}</h3>${figure(chartMarkup(indexHeatmap(report, criteria, { ...chartOptions, id: `${cohort.anchor}-heat` })), named(w.heatmap))}</div>`);
    parts.push('</section>');
    for (const profile of cohort.profiles) parts.push(profileHtml(profile, cohort));
    return parts.join('\n');
  }

  function appraisalHtml(section: AppraisalSectionModel): string {
    const parts: string[] = [];
    parts.push(`<section class="cohort appraisal" id="${section.anchor}" aria-labelledby="${section.anchor}-h">`);
    parts.push(`<h2 id="${section.anchor}-h">${escapeXml(w.appraisalReport)}</h2>`);
    for (const line of section.intro) parts.push(`<p>${escapeXml(line)}</p>`);
    parts.push(`<h3>${escapeXml(w.appraisalByReason)}</h3>`, table(section.byReason, w.tableOf(w.appraisalByReason), 'compact'));
    parts.push(`<h3>${escapeXml(w.appraisalByPillar)}</h3>`, table(section.byPillar, w.tableOf(w.appraisalByPillar), 'compact'));
    parts.push(`<h3>${escapeXml(w.appraisalUnits)}</h3>`);
    for (const unit of section.units) {
      parts.push(`<div class="appraised-unit" id="${unit.anchor}">`);
      parts.push(`<h4>${escapeXml(unit.heading)}</h4>`, `<p class="summary">${escapeXml(unit.summary)}</p>`);
      if (unit.changes !== null) parts.push(table(unit.changes, w.tableOf(`${w.appraisalReport} — ${unit.heading}`)));
      if (unit.lacking !== null) parts.push(`<p><strong>${escapeXml(unit.lackingHeading)}</strong></p>`, table(unit.lacking, w.tableOf(`${unit.lackingHeading} — ${unit.heading}`), 'compact'));
      if (unit.flags !== null) parts.push(`<p class="small">${escapeXml(unit.flags)}</p>`);
      parts.push('</div>');
    }
    parts.push('</section>');
    return parts.join('\n');
  }

  function profileHtml(profile: ProfileModel, cohort: CohortModel): string {
    // Drawn at a phone's width: it fits a phone's screen, and the profile's column beside the table on a laptop and on paper.
    const radar = chartMarkup(pillarRadar(profile.unit, criteria, { depth: profile.depth, compareWith: 'level-average', report, lang, width: 340, key: false, id: `${profile.anchor}-radar` }));
    const named = (what: string): string => `${what} — ${profile.heading}`;
    return [
      `<article class="profile" id="${profile.anchor}" aria-labelledby="${profile.anchor}-h">`,
      `<p class="kicker">${escapeXml(w.profiles)} · ${escapeXml(cohort.heading)}</p>`,
      `<h3 id="${profile.anchor}-h">${escapeXml(profile.heading)}</h3>`,
      `<p class="summary">${escapeXml(profile.summary.join(' · '))}</p>`,
      `<div class="profile-grid">${figure(radar, named(w.radar))}<div>${table(profile.axes, w.tableOf(named(profile.depth === 1 ? w.pillar : w.mainIndex)))}<p class="small">${escapeXml(profile.averageNote)}</p></div></div>`,
      `<h4>${escapeXml(w.strongest(profile.count))}</h4>`,
      profile.strongest.rows.length === 0 ? `<p>${escapeXml(w.none)}</p>` : table(profile.strongest, w.tableOf(named(w.strongest(profile.count)))),
      `<h4>${escapeXml(w.weakest(profile.count))}</h4>`,
      profile.weakest.rows.length === 0 ? `<p>${escapeXml(w.none)}</p>` : table(profile.weakest, w.tableOf(named(w.weakest(profile.count)))),
      '</article>',
    ].join('\n');
  }
}
