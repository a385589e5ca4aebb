import { pick } from '../format/localized.js';
import type { CriteriaSet } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { axisNodes, cohortAverage, cohortShortLabel, findLevel, nodeIndex, peersOf, ranksByGroup, unitName, type Lang } from './data.js';
import { chartLabels } from './labels.js';
import { el, escapeXml, fitText, heading, num, slug, svgDocument, text, textWidth, wrapText } from './svg.js';
import { formatNumber } from '../text/number-text.js';

/** Options of {@link pillarRadar}. */
export interface PillarRadarOptions {
  /** `1` (default): one axis per top-level node (pillar); `2`: one per main index. */
  readonly depth?: 1 | 2;
  /**
   * A second series: another unit, or `'level-average'`, the mean of the
   * reported index of each axis over the units of the unit's ranking cohort
   * (its level; its level and group when the set ranks within groups),
   * computed exactly and rounded half-up to the set's index decimals.
   * `'level-average'` needs `report`.
   */
  readonly compareWith?: UnitResult | 'level-average';
  /** The report the unit belongs to: required for `compareWith: 'level-average'`. */
  readonly report?: ScoreReport;
  /** Language of the labels: `vi` (default) or `en`. */
  readonly lang?: 'vi' | 'en';
  /** Width in px (default 560; at least 320, a phone's width, where no text is under 12 px). */
  readonly width?: number;
  /** The id of the `<svg>`; default derived from the unit id and depth. */
  readonly id?: string;
  /** At depth 2, list each axis code with its name under the chart (default `true`); turn off when a table beside the chart names them. */
  readonly key?: boolean;
}

const MAIN = { stroke: '#0072B2', text: '#005A8C', fill: '#0072B2' };
const OTHER = { stroke: '#D55E00', text: '#A14400' };

interface Series {
  readonly label: string;
  readonly values: readonly (string | null)[];
}

/**
 * A radar (spider) chart of one unit's index on each pillar (`depth: 1`) or
 * each main index (`depth: 2`), on a 0–1 scale, optionally overlaid with
 * another unit or the average of the unit's level. A `null` index leaves a
 * gap in the outline and is listed in a note. Values are printed as in the
 * report (with a decimal comma in Vietnamese); the scale's 0.5 and 1 are
 * written over the shapes, never hidden by them. Returns a deterministic SVG
 * string with `<title>` and `<desc>`.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { pillarRadar } from 'dti-criteria/charts';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [
 *   { id: 'a', name: 'Xã Mỹ Khánh', level: 'commune', values: { 'CQS.2.1': true } },
 *   { id: 'b', name: 'Xã Nhơn Ái', level: 'commune', values: {} },
 * ] });
 * const svg = pillarRadar(report.results[0]!, criteria, { compareWith: 'level-average', report, lang: 'en' });
 * console.log(svg.includes('<title id="dti-radar-a-1-title">Index profile — Xã Mỹ Khánh</title>')); // true
 * console.log(svg.includes('Average of Commune, ward and town People&#39;s Committees (2 units)')); // true
 * ```
 */
export function pillarRadar(unit: UnitResult, criteria: CriteriaSet, options: PillarRadarOptions = {}): string {
  const lang: Lang = options.lang ?? 'vi';
  const words = chartLabels(lang);
  const depth = options.depth ?? 1;
  const width = Math.max(320, Math.round(options.width ?? 560));
  const shown = (figure: string | null): string => (figure === null ? words.dash : formatNumber(figure, lang));
  const id = options.id ?? `dti-radar-${slug(unit.unit)}-${depth}`;
  findLevel(criteria, unit.level);
  const axes = axisNodes(criteria, [unit], depth);
  const n = axes.length;
  const name = unitName(unit);
  const title = `${words.radarTitle} — ${name}`;

  const series: Series[] = [{ label: name, values: axes.map((a) => nodeIndex(unit, a.code)) }];
  if (options.compareWith === 'level-average') {
    if (!options.report) throw new TypeError("pillarRadar: compareWith 'level-average' needs options.report");
    const report = options.report;
    const averages = axes.map((a) => cohortAverage(report, criteria, unit, a.code));
    const peers = averages[0]?.peers ?? peersOf(report, criteria, unit).length;
    const cohort = cohortShortLabel(criteria, unit.level, ranksByGroup(criteria) ? unit.group : null, lang);
    series.push({ label: words.averageOf(cohort, peers), values: averages.map((a) => a.value) });
  } else if (options.compareWith) {
    const other = options.compareWith;
    series.push({ label: unitName(other), values: axes.map((a) => nodeIndex(other, a.code)) });
  }

  const levelName = pick(findLevel(criteria, unit.level).name, lang);
  const sub = `${levelName}${unit.group === null ? '' : ` · ${words.group.toLowerCase()} ${unit.group}`} · ${shown(unit.index)}`;
  const head = heading(title, sub, width);
  const parts: string[] = [head.svg];

  const radius = Math.min(170, width * 0.28);
  const labelLines = depth === 1 ? 2 : 1;
  const labelBlock = (labelLines + series.length) * 15;
  const cx = width / 2;
  const cy = head.bottom + labelBlock + 8 + radius;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
  const point = (i: number, value: number): [number, number] => {
    const r = radius * Math.min(1, Math.max(0, value));
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };

  // Grid: rings at 0.2 … 1 and one spoke per axis.
  const grid: string[] = [];
  for (const ring of [0.2, 0.4, 0.6, 0.8, 1]) {
    if (n >= 3) grid.push(el('polygon', { points: axes.map((_, i) => point(i, ring).map(num).join(',')).join(' '), fill: 'none', stroke: ring === 1 ? '#999999' : '#dddddd', 'stroke-width': 1 }));
    else grid.push(el('circle', { cx, cy, r: radius * ring, fill: 'none', stroke: ring === 1 ? '#999999' : '#dddddd', 'stroke-width': 1 }));
  }
  axes.forEach((_, i) => {
    const [x, y] = point(i, 1);
    grid.push(el('line', { x1: cx, y1: cy, x2: x, y2: y, stroke: '#cccccc', 'stroke-width': 1 }));
  });
  parts.push(`<g aria-hidden="true">${grid.join('')}</g>`);
  // The scale's labels go on top of the shapes (below), each on a white halo, beside the top spoke.
  const tick = (y: number, label: string): string =>
    text(cx + 5, y, label, { 'font-size': 12, fill: '#555555', stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
  const ticks = `<g aria-hidden="true">${tick(cy - radius * 0.5 + 4, shown('0.5'))}${tick(cy - radius - 3, '1')}</g>`;

  // Series: a closed outline when every value is known; otherwise only the segments between known neighbours.
  series.forEach((s, k) => {
    const style = k === 0 ? MAIN : OTHER;
    const pts = s.values.map((v, i) => (v === null ? null : point(i, Number(v))));
    const shapes: string[] = [];
    const complete = pts.every((p) => p !== null);
    if (n >= 3 && complete) {
      shapes.push(el('polygon', { points: pts.map((p) => p!.map(num).join(',')).join(' '), fill: k === 0 ? MAIN.fill : 'none', 'fill-opacity': k === 0 ? 0.18 : undefined, stroke: style.stroke, 'stroke-width': 2, 'stroke-dasharray': k === 0 ? undefined : '6 4', 'stroke-linejoin': 'round' }));
    } else if (n >= 3) {
      const d: string[] = [];
      pts.forEach((p, i) => {
        const next = pts[(i + 1) % n];
        if (p && next) d.push(`M${num(p[0])},${num(p[1])}L${num(next[0])},${num(next[1])}`);
      });
      if (d.length > 0) shapes.push(el('path', { d: d.join(''), fill: 'none', stroke: style.stroke, 'stroke-width': 2, 'stroke-dasharray': k === 0 ? undefined : '6 4' }));
    } else {
      pts.forEach((p) => {
        if (p) shapes.push(el('line', { x1: cx, y1: cy, x2: p[0], y2: p[1], stroke: style.stroke, 'stroke-width': 3, 'stroke-dasharray': k === 0 ? undefined : '6 4' }));
      });
    }
    pts.forEach((p) => {
      if (!p) return;
      shapes.push(k === 0
        ? el('circle', { cx: p[0], cy: p[1], r: 4, fill: style.stroke, stroke: '#ffffff', 'stroke-width': 1 })
        : el('rect', { x: p[0] - 3.5, y: p[1] - 3.5, width: 7, height: 7, fill: style.stroke, stroke: '#ffffff', 'stroke-width': 1, transform: `rotate(45 ${num(p[0])} ${num(p[1])})` }));
    });
    parts.push(`<g>${shapes.join('')}</g>`);
  });
  parts.push(ticks);

  // Axis labels: the name (depth 1) or code (depth 2), then one value line per series.
  const labels: string[] = [];
  let lowest = cy + radius;
  axes.forEach((axis, i) => {
    const a = angle(i);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const anchor = Math.abs(cos) < 0.25 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lx = cx + (radius + 12) * cos;
    // Room for the label between its anchor and the chart's edge.
    const room = anchor === 'start' ? width - lx - 6 : anchor === 'end' ? lx - 6 : 2 * Math.min(lx, width - lx) - 12;
    const perLine = Math.max(6, Math.min(18, Math.floor(room / (12 * 0.62))));
    const head = depth === 1 ? wrapText(pick(axis.node.name, lang), perLine, 2) : [axis.code];
    const lines: { content: string; colour: string; bold: boolean }[] = head.map((h) => ({ content: h, colour: '#1a1a1a', bold: true }));
    series.forEach((s, k) => lines.push({ content: `${k === 0 ? '●' : '◆'} ${shown(s.values[i] ?? null)}`, colour: k === 0 ? MAIN.text : OTHER.text, bold: false }));
    const blockHeight = lines.length * 15;
    // Above the centre the block grows upward, below it downward, at the sides it is centred.
    const top = sin < -0.25 ? cy + (radius + 12) * sin - blockHeight + 4 : sin > 0.25 ? cy + (radius + 12) * sin + 10 : cy + (radius + 12) * sin - blockHeight / 2 + 11;
    lowest = Math.max(lowest, top + (lines.length - 1) * 15 + 4);
    const tspans = lines.map((line, j) => el('tspan', { x: lx, y: top + j * 15, fill: line.colour, 'font-weight': line.bold ? 'bold' : undefined }, escapeXml(line.content))).join('');
    labels.push(el('text', { 'text-anchor': anchor, 'font-size': 12 }, tspans));
  });
  parts.push(`<g>${labels.join('')}</g>`);

  let y = lowest + 30;
  // Legend.
  series.forEach((s, k) => {
    const marker = k === 0
      ? el('circle', { cx: 22, cy: y - 4, r: 5, fill: MAIN.stroke })
      : el('rect', { x: 18, y: y - 8, width: 8, height: 8, fill: OTHER.stroke, transform: `rotate(45 22 ${num(y - 4)})` });
    const line = el('line', { x1: 32, y1: y - 4, x2: 52, y2: y - 4, stroke: k === 0 ? MAIN.stroke : OTHER.stroke, 'stroke-width': 2, 'stroke-dasharray': k === 0 ? undefined : '6 4' });
    const lines = wrapText(s.label, Math.max(10, Math.floor((width - 76) / (12 * 0.58))), 2);
    parts.push(`<g>${marker}${line}${lines.map((l, j) => text(60, y + j * 15, l, { 'font-size': 12 })).join('')}</g>`);
    y += 18 + (lines.length - 1) * 15;
  });

  // Notes: gaps, too few axes.
  const nulls = axes.filter((_, i) => series.some((s) => s.values[i] === null)).map((a) => a.code);
  if (nulls.length > 0) {
    parts.push(text(16, y + 2, fitText(`${words.dash} ${words.nullNote}: ${nulls.join(', ')}`, width - 32, 12), { 'font-size': 12, 'font-style': 'italic', fill: '#555555' }));
    y += 18;
  }
  if (n < 3) {
    parts.push(text(16, y + 2, fitText(words.tooFewAxes, width - 32, 12), { 'font-size': 12, 'font-style': 'italic', fill: '#555555' }));
    y += 18;
  }
  // Key of codes at depth 2.
  if (depth === 2 && n > 0 && options.key !== false) {
    y += 6;
    parts.push(text(16, y, `${words.key}:`, { 'font-size': 12, 'font-weight': 'bold' }));
    y += 4;
    const columns = width >= 440 ? 2 : 1;
    const colWidth = (width - 32) / columns;
    const rows = Math.ceil(n / columns);
    const key: string[] = [];
    axes.forEach((axis, i) => {
      const col = Math.floor(i / rows);
      const row = i % rows;
      const x = 16 + col * colWidth;
      const codeWidth = Math.max(...axes.map((a) => textWidth(a.code, 12))) + 14;
      key.push(text(x, y + 15 + row * 16, axis.code, { 'font-size': 12, 'font-weight': 'bold' }));
      key.push(text(x + codeWidth, y + 15 + row * 16, fitText(pick(axis.node.name, lang), colWidth - codeWidth - 8, 12), { 'font-size': 12 }));
    });
    parts.push(`<g>${key.join('')}</g>`);
    y += rows * 16 + 6;
  }
  const height = Math.ceil(y + 10);

  const descAxes = axes.map((axis, i) => {
    const values = series.map((s, k) => (k === 0 ? shown(s.values[i] ?? null) : `${s.label}: ${shown(s.values[i] ?? null)}`));
    return `${axis.code} ${pick(axis.node.name, lang)}: ${values.join('; ')}.`;
  });
  const desc = [words.radarDesc(n), `${name}.`, ...descAxes].join(' ');
  return svgDocument(id, width, height, title, desc, parts.join(''), lang);
}
