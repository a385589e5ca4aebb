/**
 * `dti-criteria/charts`: charts of a score report as standalone SVG strings —
 * a ranking bar chart, a radar of a unit's pillars and a heat map of main
 * indices — and of an uncertainty analysis (`rankBandChart`: each unit's
 * 5–95 % rank band, median and official rank). Pure functions, no DOM, browser-safe; the same input always gives
 * the same string. Every chart has a `<title>` and a `<desc>` (Vietnamese by
 * default, English with `lang: 'en'`), `role="img"` and `aria-labelledby`;
 * numbers are printed exactly as in the report.
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { indexHeatmap, pillarRadar, rankingBarChart } from 'dti-criteria/charts';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(criteria, { units: [{ id: 'o-mon', name: 'Quận Ô Môn', level: 'district', values: { 'CQS.2.1': true } }] });
 * const svgs = [
 *   rankingBarChart(report, criteria, { level: 'district' }),
 *   pillarRadar(report.results[0]!, criteria, { compareWith: 'level-average', report }),
 *   indexHeatmap(report, criteria, { level: 'district' }),
 * ];
 * console.log(svgs.every((svg) => svg.includes('role="img"') && svg.includes('Quận Ô Môn'))); // true
 * ```
 *
 * @packageDocumentation
 */
export { indexHeatmap, type IndexHeatmapOptions } from './index-heatmap.js';
export { ratingColours } from './palette.js';
export { pillarRadar, type PillarRadarOptions } from './pillar-radar.js';
export { rankBandChart, type RankBandOptions, type RankBands, type RankBandUnit } from './rank-band.js';
export { rankingBarChart, type RankingBarOptions } from './ranking-bar.js';
