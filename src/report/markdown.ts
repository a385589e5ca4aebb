import type { DtiError } from '../errors.js';
import type { CriteriaSet } from '../compile/types.js';
import { parseScoreReport } from '../results/parse.js';
import type { ScoreReport } from '../scoring/result-types.js';
import { withExplanations } from '../scoring/explain.js';
import { reportLabels } from './labels.js';
import { buildReportModel, type Cell, type TableModel } from './model.js';

/** Options of {@link reportToMarkdown}. */
export interface MarkdownReportOptions {
  /** Language of the report: `vi` (default) or `en`. */
  readonly lang?: 'vi' | 'en';
  /** The document's heading; default the criteria set's title. */
  readonly title?: string;
  /** Show who appraised (an appraisal's `by`, personal data) where the results keep it; default `false`. */
  readonly withAppraisers?: boolean;
  /** The report's date (ISO `YYYY-MM-DD`, written `15/03/2023` in Vietnamese), among the header's facts; a date that does not exist is refused (`schema/date`). */
  readonly date?: string;
}

/** Escapes text for Markdown prose and table cells: no line breaks, no table pipes, no raw HTML, no emphasis. */
function md(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

function cellText(value: Cell): string {
  return md(typeof value === 'string' ? value : value.text);
}

function table(model: TableModel): string {
  const head = `| ${model.head.map(md).join(' | ')} |`;
  const rule = `|${model.numeric.map((n) => (n ? '---:' : '---')).join('|')}|`;
  const rows = model.rows.map((row) => `| ${row.map(cellText).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

/**
 * The report of {@link reportToHtml} as Markdown, minus the charts: header
 * (criteria title, `id@version`, sha256, period, the set's caveat), method,
 * and per level (and group) the ranking table, the rating distribution,
 * self-assessed against appraised points, the main indices as a table, and a
 * profile per unit (its pillars against the level average, its 5 strongest
 * and 5 weakest criteria with how each was computed). Text is escaped for
 * Markdown; figures are the report's own digits, written with a decimal
 * comma and thousands dots in Vietnamese (`0,9346`, `1.000,00`), as the
 * results write them in English.
 *
 * The report is first checked against `criteria` as {@link parseScoreReport}
 * does: throws {@link DtiError} (paths under `report`) when it was not scored
 * with that set or is inconsistent (a figure that does not add up, a unit
 * listed twice, a changed rank, an unknown field, …).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { reportToMarkdown } from 'dti-criteria/report';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { period: '2022', units: [
 *   { id: 'thoi-lai', name: 'Huyện Thới Lai', level: 'district', values: { 'CQS.2.1': true } },
 * ] });
 * const text = reportToMarkdown(report, criteria, { lang: 'en' });
 * console.log(text.includes('## District People\'s Committees')); // true
 * console.log(text.includes('| 1 | Huyện Thới Lai | 15.00 | 1000.00 | 0.0150 | Weak |')); // true
 * ```
 */
export function reportToMarkdown(report: ScoreReport, criteria: CriteriaSet, options: MarkdownReportOptions = {}): string {
  return markdownOf(parseScoreReport(withExplanations(report), criteria, { path: ['report'] }), criteria, options);
}

/** The Markdown of a report already checked against its set. */
function markdownOf(report: ScoreReport, criteria: CriteriaSet, options: MarkdownReportOptions): string {
  const lang = options.lang ?? 'vi';
  const w = reportLabels(lang);
  const model = buildReportModel(report, criteria, lang, options.title, { withAppraisers: options.withAppraisers === true, ...(options.date === undefined ? {} : { date: options.date }) });
  const out: string[] = [];
  out.push(`# ${md(model.title)}`, '');
  out.push(`_${md(w.kicker)}_`, '');
  for (const [label, value] of model.facts) out.push(`- **${md(label)}:** ${md(value)}`);
  out.push(`- **${md(w.sha256)}:** \`${model.sha256}\``, '');
  if (model.draft) out.push(`> **${md(w.draftWarning)}**`, '');
  if (model.caveat !== null) out.push(`> **${md(w.caveat)}:** ${md(model.caveat)}`, '');
  if (model.warnings.length > 0) {
    out.push(`**${md(w.warnings)}**`, '', ...model.warnings.map((m) => `- ${md(m)}`), '');
  }
  if (model.rejected.length > 0) {
    out.push(`**${md(w.rejected)}**`, '');
    for (const r of model.rejected) out.push(`- ${md(r.heading)}`, ...r.issues.map((i) => `  - ${md(i)}`));
    out.push('');
  }
  out.push(`## ${md(w.method)}`, '', ...model.method.map((m) => `- ${md(m)}`), '');

  for (const cohort of model.cohorts) {
    out.push(`## ${md(cohort.heading)}`, '', md(w.unitsCount(cohort.units.length)), '');
    out.push(`### ${md(w.ranking)}`, '', table(cohort.ranking), '');
    out.push(`### ${md(w.distribution)}`, '', table(cohort.distribution), '');
    if (cohort.appraisal !== null) out.push(`### ${md(w.appraisal)}`, '', md(w.appraisalNote), '', table(cohort.appraisal), '');
    out.push(`### ${md(w.heatmapTable)}`, '', table(cohort.heatmap), '', md(cohort.heatmapKey), '');
    out.push(`### ${md(w.profiles)}`, '');
    for (const profile of cohort.profiles) {
      out.push(`#### ${md(profile.heading)}`, '', md(profile.summary.join(' · ')), '');
      out.push(table(profile.axes), '', md(profile.averageNote), '');
      out.push(`**${md(w.strongest(profile.count))}**`, '', profile.strongest.rows.length === 0 ? md(w.none) : table(profile.strongest), '');
      out.push(`**${md(w.weakest(profile.count))}**`, '', profile.weakest.rows.length === 0 ? md(w.none) : table(profile.weakest), '');
    }
  }
  if (model.appraisal !== null) {
    const section = model.appraisal;
    out.push(`## ${md(w.appraisalReport)}`, '', ...section.intro.flatMap((line) => [md(line), '']));
    out.push(`### ${md(w.appraisalByReason)}`, '', table(section.byReason), '');
    out.push(`### ${md(w.appraisalByPillar)}`, '', table(section.byPillar), '');
    out.push(`### ${md(w.appraisalUnits)}`, '');
    for (const unit of section.units) {
      out.push(`#### ${md(unit.heading)}`, '', md(unit.summary), '');
      if (unit.changes !== null) out.push(table(unit.changes), '');
      if (unit.lacking !== null) out.push(`**${md(unit.lackingHeading)}**`, '', table(unit.lacking), '');
      if (unit.flags !== null) out.push(md(unit.flags), '');
    }
  }
  out.push('---', '', `_${md(model.footer)}_`, '');
  return out.join('\n');
}
