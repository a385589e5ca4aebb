import type { CriteriaSet } from '../compile/types.js';
import { pick } from '../format/localized.js';
import { cohortLabel, findGroup, findLevel, ranksByGroup, type Lang } from './data.js';
import { chartLabels } from './labels.js';
import { el, escapeXml, fitText, heading, num, slug, svgDocument, text, textWidth } from './svg.js';
import { formatNumber } from '../text/number-text.js';

/** One unit of a rank band chart: what an uncertainty analysis gives per unit (`UncertainUnit` of `dti-criteria/analysis`). */
export interface RankBandUnit {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  readonly official: { readonly rank: number | null };
  readonly rank: { readonly median: number | null; readonly low: number | null; readonly high: number | null };
}

/** What a rank band chart draws: an uncertainty analysis's result (`UncertaintyResult` of `dti-criteria/analysis`). */
export interface RankBands {
  readonly samples: number;
  /** The probabilities of the band's ends (0.05 and 0.95). */
  readonly band: { readonly low: number; readonly high: number };
  readonly derivedFrom: { readonly criteria: { readonly id: string; readonly version: string }; readonly period: string | null };
  readonly units: readonly RankBandUnit[];
}

/** Options of {@link rankBandChart}. */
export interface RankBandOptions {
  /** The level to chart (`district`, `commune`, `department`, ...). */
  readonly level: string;
  /** Only this group of the level; without it, every unit of the level (in group blocks when the set ranks within groups). */
  readonly group?: string;
  /** Only the first units in official rank order (per group block); default all. */
  readonly limit?: number;
  /** Language of the title, description, axis and legend: `vi` (default) or `en`. Unit names are shown as given. */
  readonly lang?: 'vi' | 'en';
  /** Width in px (default 760; at least 390, a phone's width, where every text is still 11 px or more). The height follows from the number of units. */
  readonly width?: number;
  /** The id of the `<svg>` (its `<title>` and `<desc>` get `-title` and `-desc`); default derived from the level and group. */
  readonly id?: string;
}

const PAD = 16;
const ROW = 24;
const BAND = 10;
const BAND_COLOUR = '#56B4E9';
const MEDIAN_COLOUR = '#0072B2';
const OFFICIAL_COLOUR = '#D55E00';

/** A probability as a percentage without trailing zeros (`0.05` → `5`; `2,5` in Vietnamese). */
const percentIn = (lang: Lang) => (p: number): string => formatNumber(String(Math.round(p * 10000) / 100), lang);
/** A rank or quantile as printed: its shortest decimal (`2`, `2.5`, `1.45`; `2,5` in Vietnamese), `—` for none. */
const rankTextIn = (lang: Lang) => (value: number | null): string => (value === null ? '—' : formatNumber(String(value), lang));

/** Tick values for ranks 1..max: 1 and the multiples of a round step, at most `most` of them. */
function rankTicks(max: number, most: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
  const step = steps.find((s) => Math.floor(max / s) + 1 <= most) ?? Math.ceil(max / most);
  const ticks = [1];
  for (let t = step; t <= max; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** The diamond marking the official rank, centred on (x, y). */
const diamond = (x: number, y: number, r: number): string =>
  el('path', { d: `M${num(x)} ${num(y - r)}L${num(x + r)} ${num(y)}L${num(x)} ${num(y + r)}L${num(x - r)} ${num(y)}Z`, fill: '#ffffff', stroke: OFFICIAL_COLOUR, 'stroke-width': 2 });

/**
 * A rank band chart of an uncertainty analysis (`safeUncertainty` of
 * `dti-criteria/analysis`): for every unit of a level (or a level's group),
 * in official rank order, its 5–95 % rank band as a bar, its median rank as a
 * dot and its official rank as a diamond, on a rank axis with rank 1 on the
 * left; the band and median printed beside each row. Returns a standalone,
 * deterministic SVG string with `role="img"`, a `<title>` and a `<desc>`
 * (which lists every unit, for screen readers), Vietnamese by default;
 * readable down to 390 px wide (no text below 11 px).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { uncertainty } from 'dti-criteria/analysis';
 * import { rankBandChart } from 'dti-criteria/charts';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submission = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const result = uncertainty(criteria, submission, { samples: 10, seed: 1, inputs: [{ kind: 'weights', spread: '0.2' }] });
 * const svg = rankBandChart(result, criteria, { level: 'district', width: 390 });
 * console.log(svg.startsWith('<svg') && svg.includes('role="img"')); // true
 * console.log(svg.includes('<title id="dti-rank-band-district-title">Độ bất định của xếp hạng — UBND quận, huyện — kỳ 2022</title>')); // true
 * ```
 * @category Charts
 */
export function rankBandChart(result: RankBands, criteria: CriteriaSet, options: RankBandOptions): string {
  const lang: Lang = options.lang ?? 'vi';
  const words = chartLabels(lang);
  const width = Math.max(390, Math.round(options.width ?? 760));
  const group = options.group ?? null;
  const levelDef = findLevel(criteria, options.level);
  if (group !== null) findGroup(levelDef, group);
  const id = options.id ?? `dti-rank-band-${slug(options.level)}${group === null ? '' : `-${slug(group)}`}`;
  const cohort = cohortLabel(criteria, options.level, group, lang);
  const period = result.derivedFrom.period === null ? '' : ` — ${words.period} ${result.derivedFrom.period}`;
  const title = `${words.bandTitle} — ${cohort}${period}`;
  const percent = percentIn(lang);
  const rankText = rankTextIn(lang);
  const low = percent(result.band.low);
  const high = percent(result.band.high);

  // Units of the level (and group): by group when the set ranks within groups and none is chosen, then by official rank.
  const grouped = group === null && ranksByGroup(criteria) && (levelDef.groups?.length ?? 0) > 0;
  const groupOrder = new Map((levelDef.groups ?? []).map((g, i) => [g.id, i]));
  const last = Number.MAX_SAFE_INTEGER;
  const chosen = result.units
    .map((unit, position) => ({ unit, position }))
    .filter(({ unit }) => unit.level === options.level && (group === null || unit.group === group))
    .sort((a, b) => (grouped ? (groupOrder.get(a.unit.group ?? '') ?? last) - (groupOrder.get(b.unit.group ?? '') ?? last) : 0)
      || (a.unit.official.rank ?? last) - (b.unit.official.rank ?? last)
      || (a.unit.rank.median ?? last) - (b.unit.rank.median ?? last)
      || a.position - b.position)
    .map(({ unit }) => unit);
  const blocks: { heading: string | null; units: RankBandUnit[] }[] = [];
  for (const unit of chosen) {
    const label = grouped ? (unit.group === null ? words.dash : `${words.group} ${unit.group}: ${pick(findGroup(levelDef, unit.group).name, lang)}`) : null;
    const block = blocks[blocks.length - 1];
    if (block && block.heading === label) block.units.push(unit);
    else blocks.push({ heading: label, units: [unit] });
  }
  const limit = options.limit === undefined ? last : Math.max(1, Math.floor(options.limit));
  for (const block of blocks) block.units = block.units.slice(0, limit);
  if (blocks.length === 0) blocks.push({ heading: null, units: [] });
  const shown = blocks.flatMap((block) => block.units);

  const name = (unit: RankBandUnit): string => unit.name ?? unit.unit;
  const valueLabel = (unit: RankBandUnit): string => `${rankText(unit.rank.median)} (${rankText(unit.rank.low)}–${rankText(unit.rank.high)})`;
  // Narrow (a phone): each unit on two lines, its name above its band, so the band gets the width.
  const stacked = width < 560;
  const rowHeight = stacked ? 40 : ROW;
  const rankWidth = 30;
  const nameX = PAD + rankWidth + 6;
  const labelWidth = stacked ? width - PAD - nameX : Math.min(Math.max(80, ...shown.map((u) => textWidth(name(u), 13))), width * 0.3);
  const valueWidth = Math.min(Math.max(60, ...shown.map((u) => textWidth(valueLabel(u), 12))) + 8, width * 0.26);
  const x0 = stacked ? nameX + 6 : nameX + labelWidth + 10;
  const x1 = width - PAD - valueWidth;
  const maxRank = Math.max(2, ...shown.flatMap((u) => [u.official.rank ?? 1, u.rank.high ?? 1]));
  const xOf = (rank: number): number => x0 + ((x1 - x0) * (rank - 1)) / (maxRank - 1);
  const ticks = rankTicks(maxRank, Math.max(2, Math.floor((x1 - x0) / 40)));

  const parts: string[] = [];
  const head = heading(title, `${result.derivedFrom.criteria.id}@${result.derivedFrom.criteria.version} · ${words.samplesCount(result.samples)} · ${words.unitsCount(shown.length)}`, width);
  parts.push(head.svg);
  let y = head.bottom;
  // What the printed figures are, over their column.
  parts.push(text(width - PAD, y + 11, words.bandColumn(low, high), { 'text-anchor': 'end', 'font-size': 11, fill: '#555555' }));
  y += 16;
  const top = y;
  const spans: [number, number][] = [];
  let cursor = top;
  for (const block of blocks) {
    if (block.heading !== null) cursor += ROW;
    spans.push([cursor, cursor + Math.max(block.units.length, 1) * rowHeight]);
    cursor += block.units.length * rowHeight;
  }
  const grid = spans.flatMap(([y1, y2]) => ticks.map((t) => el('line', { x1: xOf(t), y1, x2: xOf(t), y2, stroke: t === 1 ? '#666666' : '#cccccc', 'stroke-width': 1, 'stroke-dasharray': t === 1 ? undefined : '3 3' }))).join('');
  parts.push(`<g aria-hidden="true">${grid}</g>`);

  const descRows: string[] = [];
  if (shown.length === 0) parts.push(text(nameX, y + 16, words.noUnits, { 'font-style': 'italic' }));
  for (const block of blocks) {
    if (block.heading !== null) {
      parts.push(text(PAD, y + 17, fitText(block.heading, width - 2 * PAD, 13), { 'font-weight': 'bold', 'font-size': 13 }));
      descRows.push(`${block.heading}.`);
      y += ROW;
    }
    for (const unit of block.units) {
      const full = name(unit);
      const fitted = fitText(full, labelWidth, 13);
      const official = rankText(unit.official.rank);
      const row: string[] = [];
      row.push(text(PAD + rankWidth, y + 16, official, { 'text-anchor': 'end', 'font-variant-numeric': 'tabular-nums' }));
      row.push(fitted === full ? text(nameX, y + 16, full) : el('text', { x: nameX, y: y + 16 }, `${escapeXml(fitted)}<title>${escapeXml(full)}</title>`));
      const mid = stacked ? y + 29 : y + ROW / 2;
      if (unit.rank.low !== null && unit.rank.high !== null) {
        const a = xOf(unit.rank.low);
        const b = xOf(unit.rank.high);
        row.push(el('rect', { x: a - 1, y: mid - BAND / 2, width: Math.max(b - a + 2, 2), height: BAND, rx: 2, fill: BAND_COLOUR, stroke: '#333333', 'stroke-width': 0.5 }));
      }
      if (unit.official.rank !== null) row.push(diamond(xOf(unit.official.rank), mid, 5));
      if (unit.rank.median !== null) row.push(el('circle', { cx: xOf(unit.rank.median), cy: mid, r: 3.5, fill: MEDIAN_COLOUR }));
      row.push(text(width - PAD, mid + 4, valueLabel(unit), { 'text-anchor': 'end', 'font-size': 12, 'font-variant-numeric': 'tabular-nums' }));
      parts.push(`<g>${row.join('')}</g>`);
      descRows.push(words.bandRow(official, rankText(unit.rank.median), rankText(unit.rank.low), rankText(unit.rank.high), full));
      y += rowHeight;
    }
  }
  y = Math.max(y, top + ROW);

  // The rank axis under the rows.
  parts.push(`<g aria-hidden="true">${ticks.map((t) => text(xOf(t), y + 14, String(t), { 'text-anchor': 'middle', 'font-size': 11, fill: '#555555' })).join('')}</g>`);
  parts.push(text((x0 + x1) / 2, y + 30, words.rankAxis, { 'text-anchor': 'middle', 'font-size': 11, fill: '#555555' }));
  y += 42;

  // Legend: the three marks, wrapped to the width.
  const legend: { mark: string; label: string }[] = [
    { mark: el('circle', { cx: 6, cy: 7, r: 3.5, fill: MEDIAN_COLOUR }), label: words.bandMedian },
    { mark: el('rect', { x: 0, y: 2, width: 14, height: BAND, rx: 2, fill: BAND_COLOUR, stroke: '#333333', 'stroke-width': 0.5 }), label: words.bandRange(low, high) },
    { mark: diamond(7, 7, 5), label: words.bandOfficial },
  ];
  let lx = PAD;
  const items: string[] = [];
  for (const item of legend) {
    const w = 20 + textWidth(item.label, 12) + 14;
    if (lx + w > width - PAD && lx > PAD) {
      lx = PAD;
      y += 20;
    }
    items.push(`<g transform="translate(${lx} ${y})">${item.mark}${text(20, 12, item.label, { 'font-size': 12 })}</g>`);
    lx += w;
  }
  parts.push(`<g>${items.join('')}</g>`);
  const height = y + 28;

  const desc = [words.bandDesc(shown.length, cohort, result.samples, low, high), ...descRows].join(' ');
  return svgDocument(id, width, height, title, desc, parts.join(''), lang);
}
