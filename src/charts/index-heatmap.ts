import { pick } from '../format/localized.js';
import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { axisNodes, cohortLabel, cohortUnits, findGroup, findLevel, nodeIndex, nodeName, ranksByGroup, unitName, type Lang } from './data.js';
import { chartLabels } from './labels.js';
import { sequentialColour, textColourOn } from './palette.js';
import { el, escapeXml, fitText, heading, slug, svgDocument, text, textWidth } from './svg.js';
import { formatNumber } from '../text/number-text.js';

/** Options of {@link indexHeatmap}. */
export interface IndexHeatmapOptions {
  /** The level to chart. */
  readonly level: string;
  /** Only this group of the level. */
  readonly group?: string;
  /** `2` (default): one column per main index; `1`: one per pillar. */
  readonly depth?: 1 | 2;
  /** Language of the labels: `vi` (default) or `en`. */
  readonly lang?: 'vi' | 'en';
  /** The id of the `<svg>`; default derived from the level, group and depth. */
  readonly id?: string;
}

const PAD = 16;
const ROW = 24;

/**
 * A heat map of a level (or group): one row per unit in rank order, one column
 * per main index (or pillar with `depth: 1`), each cell coloured by its index
 * on a sequential, colour-blind-safe scale (ColorBrewer YlGnBu, lighter for
 * lower values, so it reads in grey too) and printed as in the report (with a
 * decimal comma in Vietnamese); a cell without a value is hatched grey with "—".
 * A key below names every column. The width follows from the number of
 * columns. Returns a deterministic SVG string with `<title>` and `<desc>`.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { indexHeatmap } from 'dti-criteria/charts';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [
 *   { id: 'a', name: 'Phường An Bình', level: 'commune', values: { 'CQS.2.1': true } },
 * ] });
 * const svg = indexHeatmap(report, criteria, { level: 'commune' });
 * console.log(svg.includes('>CQS.2</text>')); // true
 * console.log(svg.includes('<desc id="dti-heat-commune-2-desc">Bản đồ nhiệt: 1 đơn vị')); // true
 * ```
 */
export function indexHeatmap(report: ScoreReport, criteria: CriteriaSet, options: IndexHeatmapOptions): string {
  const lang: Lang = options.lang ?? 'vi';
  const words = chartLabels(lang);
  const depth = options.depth ?? 2;
  const group = options.group ?? null;
  const levelDef = findLevel(criteria, options.level);
  const units = cohortUnits(report, criteria, options.level, group);
  const id = options.id ?? `dti-heat-${slug(options.level)}${group === null ? '' : `-${slug(group)}`}-${depth}`;
  const columns = axisNodes(criteria, units, depth);
  const cohort = cohortLabel(criteria, options.level, group, lang);
  const period = report.period === null ? '' : ` — ${words.period} ${report.period}`;
  const title = `${depth === 1 ? words.heatmapTitlePillars : words.heatmapTitle} — ${cohort}${period}`;

  const rankWidth = 34;
  const nameX = PAD + rankWidth + 8;
  const labelWidth = Math.min(Math.max(120, ...units.map((u) => textWidth(unitName(u), 13))), 320);
  const cellWidth = Math.max(56, ...columns.map((c) => textWidth(c.code, 12) + 12));
  const x0 = nameX + labelWidth + 10;
  const width = Math.max(480, x0 + columns.length * cellWidth + PAD);

  const parts: string[] = [];
  parts.push(
    el('defs', {}, el('pattern', { id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      el('rect', { width: 6, height: 6, fill: '#eeeeee' }) + el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#bbbbbb', 'stroke-width': 2 }))),
  );
  const head = heading(title, `${report.criteria.id}@${report.criteria.version} · ${words.unitsCount(units.length)}`, width);
  parts.push(head.svg);
  let y = head.bottom - 4;

  // Header: pillar bands over the main indices (depth 2), then the codes.
  if (depth === 2 && columns.length > 0) {
    let start = 0;
    while (start < columns.length) {
      const parent = columns[start]!.parent;
      let end = start;
      while (end + 1 < columns.length && columns[end + 1]!.parent === parent) end += 1;
      const x = x0 + start * cellWidth;
      const w = (end - start + 1) * cellWidth;
      const label = parent === null ? '' : `${parent} · ${nodeName(criteria, parent, lang)}`;
      parts.push(el('rect', { x: x + 1, y, width: w - 2, height: 20, fill: '#f0f0f0' }));
      parts.push(text(x + w / 2, y + 14, fitText(label, w - 6, 12), { 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' }));
      start = end + 1;
    }
    y += 24;
  }
  columns.forEach((c, j) => {
    parts.push(el('text', { x: x0 + j * cellWidth + cellWidth / 2, y: y + 14, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' }, `${escapeXml(c.code)}`));
  });
  y += 22;

  const grouped = group === null && ranksByGroup(criteria) && (levelDef.groups?.length ?? 0) > 0;
  let currentHeading: string | null = null;
  const descRows: string[] = [];
  if (units.length === 0) {
    parts.push(text(nameX, y + 16, words.noUnits, { 'font-style': 'italic' }));
    y += ROW;
  }
  for (const unit of units) {
    if (grouped) {
      const h = unit.group === null ? words.dash : `${words.group} ${unit.group}: ${pick(findGroup(levelDef, unit.group).name, lang)}`;
      if (h !== currentHeading) {
        currentHeading = h;
        parts.push(text(PAD, y + 17, fitText(h, width - 2 * PAD, 13), { 'font-weight': 'bold' }));
        descRows.push(`${h}.`);
        y += ROW;
      }
    }
    parts.push(rowOf(unit, y));
    y += ROW;
  }

  function rowOf(unit: UnitResult, top: number): string {
    const name = unitName(unit);
    const shown = fitText(name, labelWidth, 13);
    const rank = unit.rank === null ? words.dash : String(unit.rank);
    const cells: string[] = [];
    cells.push(text(PAD + rankWidth, top + 16, rank, { 'text-anchor': 'end' }));
    cells.push(shown === name ? text(nameX, top + 16, name) : el('text', { x: nameX, y: top + 16 }, `${escapeXml(shown)}<title>${escapeXml(name)}</title>`));
    const values: string[] = [];
    columns.forEach((c, j) => {
      const value = nodeIndex(unit, c.code);
      const x = x0 + j * cellWidth;
      if (value === null) {
        cells.push(el('rect', { x: x + 1, y: top + 1, width: cellWidth - 2, height: ROW - 2, fill: `url(#${id}-hatch)`, stroke: '#ffffff' }));
        cells.push(text(x + cellWidth / 2, top + 16, words.dash, { 'text-anchor': 'middle', 'font-size': 12, fill: '#555555' }));
      } else {
        const fill = sequentialColour(Number(value));
        cells.push(el('rect', { x: x + 1, y: top + 1, width: cellWidth - 2, height: ROW - 2, fill, stroke: '#ffffff' }));
        cells.push(text(x + cellWidth / 2, top + 16, formatNumber(value, lang), { 'text-anchor': 'middle', 'font-size': 12, fill: textColourOn(fill) }));
      }
      values.push(`${c.code} ${value === null ? words.dash : formatNumber(value, lang)}`);
    });
    descRows.push(`${rank}. ${name}: ${values.join('; ')}.`);
    return `<g>${cells.join('')}</g>`;
  }

  // Scale: eleven steps from 0 to 1, and the hatched "no value" swatch.
  y += 14;
  const scale: string[] = [text(PAD, y + 12, `${words.scale}:`, { 'font-size': 12, 'font-weight': 'bold' })];
  const sx = PAD + textWidth(`${words.scale}: `, 12) + 8;
  for (let k = 0; k <= 10; k++) {
    scale.push(el('rect', { x: sx + k * 22, y, width: 22, height: 14, fill: sequentialColour(k / 10) }));
  }
  scale.push(text(sx, y + 28, '0', { 'font-size': 12, 'text-anchor': 'middle', fill: '#555555' }));
  scale.push(text(sx + 5.5 * 22, y + 28, formatNumber('0.5', lang), { 'font-size': 12, 'text-anchor': 'middle', fill: '#555555' }));
  scale.push(text(sx + 11 * 22, y + 28, '1', { 'font-size': 12, 'text-anchor': 'middle', fill: '#555555' }));
  const hx = sx + 11 * 22 + 24;
  scale.push(el('rect', { x: hx, y, width: 22, height: 14, fill: `url(#${id}-hatch)`, stroke: '#bbbbbb' }));
  scale.push(text(hx + 28, y + 12, `${words.dash} ${words.nullNote}`, { 'font-size': 12 }));
  parts.push(`<g>${scale.join('')}</g>`);
  y += 40;

  // Key: every column's code and name.
  if (columns.length > 0) {
    parts.push(text(PAD, y + 12, `${words.key}:`, { 'font-size': 12, 'font-weight': 'bold' }));
    y += 16;
    const perRow = width >= 1100 ? 3 : width >= 600 ? 2 : 1;
    const colWidth = (width - 2 * PAD) / perRow;
    const rows = Math.ceil(columns.length / perRow);
    const codeWidth = Math.max(...columns.map((c) => textWidth(c.code, 12))) + 14;
    columns.forEach((c, i) => {
      const x = PAD + Math.floor(i / rows) * colWidth;
      const yy = y + 14 + (i % rows) * 16;
      parts.push(text(x, yy, c.code, { 'font-size': 12, 'font-weight': 'bold' }));
      parts.push(text(x + codeWidth, yy, fitText(pick(c.node.name, lang), colWidth - codeWidth - 10, 12), { 'font-size': 12 }));
    });
    y += rows * 16 + 8;
  }
  const height = Math.ceil(y + 10);

  const desc = [words.heatDesc(units.length, columns.length, cohort), ...descRows].join(' ');
  return svgDocument(id, width, height, title, desc, parts.join(''), lang);
}
