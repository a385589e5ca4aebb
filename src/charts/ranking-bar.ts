import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { cohortLabel, cohortUnits, findGroup, findLevel, plainDecimal, ranksByGroup, ratingName, unitName, type Lang } from './data.js';
import { chartLabels } from './labels.js';
import { NO_RATING_STYLE, ratingFill, ratingPatternDefs, ratingStyles, type RatingStyle } from './palette.js';
import { pick } from '../format/localized.js';
import { formatNumber } from '../text/number-text.js';
import { el, escapeXml, fitText, heading, slug, svgDocument, text, textWidth } from './svg.js';

/** Options of {@link rankingBarChart}. */
export interface RankingBarOptions {
  /** The level to chart (`district`, `commune`, `department`, ...). */
  readonly level: string;
  /** Only this group of the level; without it, every unit of the level (in group blocks when the set ranks within groups). */
  readonly group?: string;
  /** Language of the title, description, legend and ratings: `vi` (default) or `en`. Unit names are shown as given. */
  readonly lang?: 'vi' | 'en';
  /**
   * Width in px (default 760; at least 320). Below 560 the chart takes its
   * narrow layout, for a phone: each unit's name on a line of its own, its bar
   * under it. The height follows from the number of units. No text is smaller
   * than 12 px.
   */
  readonly width?: number;
  /** The id of the `<svg>` (its `<title>` and `<desc>` get `-title` and `-desc`); default derived from the level and group. Give distinct ids when several charts share a page. */
  readonly id?: string;
}

const PAD = 16;
const ROW = 24;
const BAR = 16;
/** Narrow layout: a row is the name's line, then the bar's. */
const NARROW_ROW = 42;
const NARROW_BAR = 14;

/**
 * A horizontal bar chart of the index of every unit of a level (or a level's
 * group), in rank order: bars coloured by rating (one colour-blind-safe colour
 * per rating, and a pattern per rating so that they read in black and white
 * too, with a legend and the thresholds as grid lines), the index and rating
 * printed beside each bar as in the report (with a decimal comma in
 * Vietnamese), Vietnamese names with full diacritics; each bar and legend
 * swatch names its rating in `data-rating` (empty: not rated). Narrower than 560 px it
 * lays each unit out on two lines, for a phone. Returns a standalone,
 * deterministic SVG string with a `<title>` and a `<desc>` (which lists every
 * unit, for screen readers).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { rankingBarChart } from 'dti-criteria/charts';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { period: '2022', units: [
 *   { id: 'ninh-kieu', name: 'Quận Ninh Kiều', level: 'district', values: { 'CQS.2.1': true } },
 *   { id: 'co-do', name: 'Huyện Cờ Đỏ', level: 'district', values: {} },
 * ] });
 * const svg = rankingBarChart(report, criteria, { level: 'district' });
 * console.log(svg.startsWith('<svg')); // true
 * console.log(svg.includes('Huyện Cờ Đỏ')); // true
 * console.log(svg.includes('<title id="dti-bar-district-title">Xếp hạng chỉ số chuyển đổi số — UBND quận, huyện — kỳ 2022</title>')); // true
 * ```
 */
export function rankingBarChart(report: ScoreReport, criteria: CriteriaSet, options: RankingBarOptions): string {
  const lang: Lang = options.lang ?? 'vi';
  const words = chartLabels(lang);
  const width = Math.max(320, Math.round(options.width ?? 760));
  const narrow = width < 560;
  const row = narrow ? NARROW_ROW : ROW;
  const shown = (figure: string): string => formatNumber(figure, lang);
  const group = options.group ?? null;
  const levelDef = findLevel(criteria, options.level);
  const units = cohortUnits(report, criteria, options.level, group);
  const id = options.id ?? `dti-bar-${slug(options.level)}${group === null ? '' : `-${slug(group)}`}`;
  const styles = ratingStyles(criteria);
  const styleOf = (rating: string | null): RatingStyle => (rating === null ? NO_RATING_STYLE : (styles[rating] ?? NO_RATING_STYLE));
  const ratings = criteria.ratings ?? [];
  const cohort = cohortLabel(criteria, options.level, group, lang);
  const period = report.period === null ? '' : ` — ${words.period} ${report.period}`;
  const title = `${words.rankingTitle} — ${cohort}${period}`;

  // Blocks: one per group when the set ranks within groups and no group is chosen.
  const grouped = group === null && ranksByGroup(criteria) && (levelDef.groups?.length ?? 0) > 0;
  const blocks: { heading: string | null; units: UnitResult[] }[] = [];
  if (grouped) {
    for (const unit of units) {
      const last = blocks[blocks.length - 1];
      const label = unit.group === null ? words.dash : `${words.group} ${unit.group}: ${pick(findGroup(levelDef, unit.group).name, lang)}`;
      if (last && last.heading === label) last.units.push(unit);
      else blocks.push({ heading: label, units: [unit] });
    }
  } else {
    blocks.push({ heading: null, units });
  }

  const valueLabel = (u: UnitResult): string => (u.index === null ? `${words.dash} ${words.noIndex}` : `${shown(u.index)}  ${ratingName(criteria, u.rating, lang)}`);
  const rankWidth = narrow ? 26 : 34;
  const nameX = PAD + rankWidth + 8;
  const longestName = Math.max(60, ...units.map((u) => textWidth(unitName(u), 13)));
  // Narrow: the name has a line of its own, the bar starts under it.
  const labelWidth = narrow ? width - PAD - nameX : Math.min(Math.max(120, longestName), width * 0.46);
  const valueWidth = Math.min(Math.max(90, ...units.map((u) => textWidth(valueLabel(u), 12))) + 10, width * (narrow ? 0.4 : 0.25));
  const x0 = narrow ? nameX : nameX + labelWidth + 8;
  const barMax = width - PAD - valueWidth - x0;
  const xOf = (value: number): number => x0 + barMax * Math.min(1, Math.max(0, value));

  const parts: string[] = [];
  const used = units.map((u) => styleOf(u.rating));
  parts.push(el('defs', {}, ratingPatternDefs(id, [...ratings.map((r) => styleOf(r.id)), ...used])));
  const head = heading(title, `${report.criteria.id}@${report.criteria.version} · ${words.unitsCount(units.length)}`, width, narrow ? 3 : 2);
  parts.push(head.svg);
  let y = head.bottom;
  const top = y;

  // Thresholds: 0, each rating's minimum, 1.
  const ticks = [...new Set(['0', ...ratings.map((r) => plainDecimal(r.min)), '1'])].sort((a, b) => Number(a) - Number(b));
  // Grid lines run beside the unit rows of each block, not through the group headings.
  const spans: [number, number][] = [];
  let cursor = top;
  for (const block of blocks) {
    if (block.heading !== null) cursor += ROW;
    spans.push([cursor, cursor + Math.max(block.units.length, 1) * row]);
    cursor += block.units.length * row;
  }
  const bottom = Math.max(cursor, top + row);
  const gridLine = (t: string, y1: number, y2: number): string => el('line', { x1: xOf(Number(t)), y1, x2: xOf(Number(t)), y2, stroke: t === '0' ? '#666666' : '#cccccc', 'stroke-width': 1, 'stroke-dasharray': t === '0' || t === '1' ? undefined : '3 3' });
  // Narrow: the grid runs beside the bars only, never through the names above them.
  const grid = spans.flatMap(([y1, y2]) => (narrow
    ? Array.from({ length: Math.round((y2 - y1) / row) }, (_, k) => ticks.map((t) => gridLine(t, y1 + k * row + 18, y1 + (k + 1) * row)).join(''))
    : ticks.map((t) => gridLine(t, y1, y2)))).join('');
  parts.push(`<g aria-hidden="true">${grid}</g>`);

  const descRows: string[] = [];
  if (units.length === 0) {
    parts.push(text(nameX, y + 16, words.noUnits, { 'font-style': 'italic' }));
  }
  for (const block of blocks) {
    if (block.heading !== null) {
      parts.push(text(PAD, y + 17, fitText(block.heading, width - 2 * PAD, 13), { 'font-weight': 'bold', 'font-size': 13 }));
      descRows.push(`${block.heading}.`);
      y += ROW;
    }
    for (const unit of block.units) {
      const name = unitName(unit);
      const rank = unit.rank === null ? words.dash : String(unit.rank);
      const fitted = fitText(name, labelWidth, 13);
      // Wide: name and bar on one line; narrow: the name's line (baseline y + 15), then the bar's (y + 19 to y + 33).
      const [textY, barY, barH, valueY] = narrow ? [y + 15, y + 20, NARROW_BAR, y + 32] : [y + 16, y + (ROW - BAR) / 2, BAR, y + 16];
      const rows: string[] = [];
      rows.push(text(PAD + rankWidth, textY, rank, { 'text-anchor': 'end', 'font-variant-numeric': 'tabular-nums' }));
      rows.push(fitted === name ? text(nameX, textY, name) : el('text', { x: nameX, y: textY }, `${escapeXml(fitted)}<title>${escapeXml(name)}</title>`));
      if (unit.index === null) {
        rows.push(text(x0 + 4, valueY, valueLabel(unit), { 'font-size': 12, 'font-style': 'italic', fill: '#555555' }));
      } else {
        const end = xOf(Number(unit.index));
        rows.push(el('rect', { x: x0, y: barY, width: Math.max(end - x0, 1), height: barH, fill: ratingFill(id, styleOf(unit.rating)), stroke: '#333333', 'stroke-width': 0.5, 'data-rating': unit.rating ?? '' }));
        const ratingText = unit.rating === null ? '' : el('tspan', { dx: 6, fill: '#444444', 'font-weight': 'normal' }, escapeXml(ratingName(criteria, unit.rating, lang)));
        rows.push(el('text', { x: end + 6, y: valueY, 'font-size': 12, 'font-weight': 'bold' }, `${escapeXml(shown(unit.index))}${ratingText}`));
      }
      parts.push(`<g>${rows.join('')}</g>`);
      descRows.push(`${rank}. ${name}: ${unit.index === null ? words.dash : shown(unit.index)}${unit.rating === null ? '' : `, ${ratingName(criteria, unit.rating, lang)}`}.`);
      y += row;
    }
  }
  y = Math.max(y, bottom);

  // Tick labels under the rows.
  // A label that would touch its neighbour is left out (0 and 1 are always kept; the grid line stays).
  const labelled: string[] = [];
  const half = (t: string): number => textWidth(shown(t), 12) / 2;
  for (const t of ticks) {
    const last = labelled[labelled.length - 1];
    const touches = (a: string): boolean => xOf(Number(t)) - xOf(Number(a)) < half(t) + half(a) + 4;
    if (last === undefined || !touches(last)) labelled.push(t);
    else if (t === '1') {
      while (labelled.length > 1 && touches(labelled[labelled.length - 1]!)) labelled.pop();
      labelled.push(t);
    }
  }
  const tickLabels = labelled.map((t) => text(xOf(Number(t)), y + 14, shown(t), { 'text-anchor': 'middle', 'font-size': 12, fill: '#555555' })).join('');
  parts.push(`<g aria-hidden="true">${tickLabels}</g>`);
  y += 26;

  // Legend: one swatch per rating with its threshold and count, then "not rated" when some unit is.
  const legend: { rating: string; style: RatingStyle; label: string }[] = ratings.map((r) => ({
    rating: r.id,
    style: styleOf(r.id),
    label: `${pick(r.name, lang)} (≥ ${shown(plainDecimal(r.min))}): ${units.filter((u) => u.rating === r.id).length}`,
  }));
  const unrated = units.filter((u) => u.rating === null).length;
  if (unrated > 0) legend.push({ rating: '', style: NO_RATING_STYLE, label: `${words.notRated}: ${unrated}` });
  let lx = PAD;
  parts.push(text(PAD, y + 12, `${words.rating}:`, { 'font-size': 12, 'font-weight': 'bold' }));
  lx += textWidth(`${words.rating}: `, 12) + 6;
  const legendItems: string[] = [];
  for (const item of legend) {
    const w = 16 + textWidth(item.label, 12) + 14;
    if (lx + w > width - PAD) {
      lx = PAD;
      y += 20;
    }
    legendItems.push(el('rect', { x: lx, y: y + 1, width: 14, height: 14, fill: ratingFill(id, item.style), stroke: '#333333', 'stroke-width': 0.5, 'data-rating': item.rating }) + text(lx + 18, y + 12, item.label, { 'font-size': 12 }));
    lx += w + 2;
  }
  parts.push(`<g>${legendItems.join('')}</g>`);
  const height = y + 24;

  const desc = [words.barDesc(units.length, cohort), ...descRows].join(' ');
  return svgDocument(id, width, height, title, desc, parts.join(''), lang);
}
