// Internal: the content of a report, built once and rendered as HTML or Markdown,
// so both formats say the same thing. Every figure is a string of the report,
// written for people in the report's language (a decimal comma in Vietnamese).
import { DtiError, formatIssue, makeIssue } from '../errors.js';
import { isIsoDate } from '../format/common.js';
import { axisNodes, cohortAverage, cohortLabel, cohortShortLabel, cohortUnits, indexPlaces, nodeIndex, nodeName, peersOf, plainDecimal, ranksByGroup, ratingName, unitName, type Lang } from '../charts/data.js';
import { NO_RATING_STYLE, ratingStyles, type RatingStyle } from '../charts/palette.js';
import { slug } from '../charts/svg.js';
import { pick } from '../format/localized.js';
import type { CriteriaSet, Group, Level } from '../compile/types.js';
import type { ScoreReport, UnitResult } from '../scoring/result-types.js';
import { strengthsAndWeaknesses, type LeafStanding } from '../scoring/strengths.js';
import { appraisalSummary, type AppraisalTally, type UnitAppraisal } from '../charts/appraisal.js';
import { formatNumber } from '../text/number-text.js';
import { reportLabels } from './labels.js';

/** A table cell: text, optionally with a swatch of the rating's colour and pattern. */
export type Cell = string | { readonly text: string; readonly swatch: RatingStyle };

/**
 * A table: header, rows, which columns are numeric (right-aligned) and which
 * hold names kept on one line (units, parents, ratings: a narrow screen
 * scrolls the table rather than break them).
 */
export interface TableModel {
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly numeric: readonly boolean[];
  readonly nowrap?: readonly boolean[];
}

export interface ProfileModel {
  readonly anchor: string;
  readonly unit: UnitResult;
  readonly heading: string;
  readonly summary: readonly string[];
  readonly depth: 1 | 2;
  readonly axes: TableModel;
  /** What the "average" column averages. */
  readonly averageNote: string;
  readonly strongest: TableModel;
  readonly weakest: TableModel;
  readonly count: number;
}

export interface CohortModel {
  readonly anchor: string;
  readonly level: Level;
  readonly group: Group | null;
  readonly heading: string;
  readonly units: readonly UnitResult[];
  readonly ranking: TableModel;
  readonly distribution: TableModel;
  readonly appraisal: TableModel | null;
  readonly heatmap: TableModel;
  /** The heat map's columns by code and name (the table's header has the codes only). */
  readonly heatmapKey: string;
  readonly profiles: readonly ProfileModel[];
}

/** One unit of the appraisal section. */
export interface UnitAppraisalModel {
  readonly anchor: string;
  readonly heading: string;
  readonly summary: string;
  readonly changes: TableModel | null;
  readonly lackingHeading: string;
  readonly lacking: TableModel | null;
  readonly flags: string | null;
}

/** The appraisal section ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): the batch distribution, then each unit's changes. */
export interface AppraisalSectionModel {
  readonly anchor: string;
  readonly intro: readonly string[];
  readonly byReason: TableModel;
  readonly byPillar: TableModel;
  readonly units: readonly UnitAppraisalModel[];
}

/** Options of {@link buildReportModel}. */
export interface ReportModelOptions {
  /** Show who appraised (`by`, personal data) where the results have it; default `false`. */
  readonly withAppraisers?: boolean;
  /** The report's date (ISO `YYYY-MM-DD`). */
  readonly date?: string;
}

export interface ReportModel {
  readonly lang: Lang;
  readonly title: string;
  readonly criteriaTitle: string;
  readonly facts: readonly (readonly [label: string, value: string])[];
  readonly sha256: string;
  readonly caveat: string | null;
  readonly draft: boolean;
  readonly method: readonly string[];
  readonly warnings: readonly string[];
  readonly rejected: readonly { readonly heading: string; readonly issues: readonly string[] }[];
  readonly cohorts: readonly CohortModel[];
  /** `null` when no unit was appraised and none lacks evidence. */
  readonly appraisal: AppraisalSectionModel | null;
  readonly footer: string;
  /** The report's date as written in `lang` (`15/03/2023`), when one was given. */
  readonly date: string | null;
}

const STRENGTHS = 5;

/** Builds the content of a report in `lang`. */
export function buildReportModel(report: ScoreReport, criteria: CriteriaSet, lang: Lang, title: string | undefined, options: ReportModelOptions = {}): ReportModel {
  // A report's date is printed on every page: a date that does not exist is refused, never shown.
  if (options.date !== undefined && !isIsoDate(options.date)) throw new DtiError([makeIssue('schema/date', 'date')]);
  const w = reportLabels(lang);
  const styles = ratingStyles(criteria);
  const styleOf = (rating: string): RatingStyle => styles[rating] ?? NO_RATING_STYLE;
  // Figures as people read them in `lang`; `—` for none.
  const num = (figure: string | null | undefined): string => (figure === null || figure === undefined ? '—' : formatNumber(figure, lang));
  const stamp = `${report.criteria.id}@${report.criteria.version}`;
  const anchors = new Set<string>();
  const anchor = (base: string): string => {
    let candidate = base;
    for (let i = 2; anchors.has(candidate); i++) candidate = `${base}-${i}`;
    anchors.add(candidate);
    return candidate;
  };
  const names = new Map(report.results.map((r) => [r.unit, unitName(r)]));
  const ratingCell = (rating: string | null): Cell => (rating === null ? '—' : { text: ratingName(criteria, rating, lang), swatch: styleOf(rating) });

  const facts: [string, string][] = [];
  if (title !== undefined && title !== pick(criteria.title, lang)) facts.push([w.criteriaTitle, pick(criteria.title, lang)]);
  facts.push([w.stamp, `${stamp} (${criteria.status === 'published' ? w.published : w.draft})`]);
  facts.push([w.period, report.period ?? '—']);
  if (criteria.basis.length > 0) facts.push([w.basis, criteria.basis.map((b) => `${b.ref}${b.date ? ` (${w.date(b.date)})` : ''}${b.title ? `: ${pick(b.title, lang)}` : ''}`).join('; ')]);
  facts.push([w.effective, w.effectiveRange(w.date(criteria.effective.from), criteria.effective.to === null ? null : w.date(criteria.effective.to))]);
  facts.push([w.unitsScored, String(report.results.length)]);
  if (options.date !== undefined) facts.push([w.reportDate, w.date(options.date)]);

  const ranking = { by: criteria.ranking?.by ?? 'index', cohort: criteria.ranking?.cohort ?? 'level', ties: criteria.ranking?.ties ?? 'competition' } as const;
  const method = [
    w.methodIndex(indexPlaces(criteria), criteria.rounding?.points ?? 2),
    w.methodRanking(ranking.by, ranking.cohort, ranking.ties),
    ...((criteria.ratings ?? []).length > 0 ? [`${w.methodRatings}: ${(criteria.ratings ?? []).map((r) => `${pick(r.name, lang)} ≥ ${num(plainDecimal(r.min))}`).join('; ')}.`] : []),
    w.methodMissing(criteria.missing ?? 'zero'),
    w.methodAverage,
  ];

  const cohorts: CohortModel[] = [];
  const byGroup = ranksByGroup(criteria);
  // Every unit must land in a section: a unit of an undeclared level or group is an error, never silently left out.
  for (const r of report.results) {
    const level = criteria.levels.find((l) => l.id === r.level);
    if (!level) throw new RangeError(`unit "${r.unit}": level "${r.level}" is not a level of ${criteria.id}@${criteria.version}`);
    if (byGroup && (level.groups?.length ?? 0) > 0 && !level.groups?.some((g) => g.id === r.group)) {
      throw new RangeError(`unit "${r.unit}": group "${r.group ?? 'null'}" is not a group of level "${r.level}"`);
    }
  }
  for (const level of criteria.levels) {
    const groups: (Group | null)[] = byGroup && level.groups && level.groups.length > 0 ? [...level.groups] : [null];
    for (const group of groups) {
      const units = cohortUnits(report, criteria, level.id, group?.id ?? null);
      if (units.length === 0) continue;
      cohorts.push(cohortModel(level, group, units));
    }
  }

  function cohortModel(level: Level, group: Group | null, units: readonly UnitResult[]): CohortModel {
    const cohortAnchor = anchor(`c-${slug(level.id)}${group ? `-${slug(group.id)}` : ''}`);
    const heading = cohortLabel(criteria, level.id, group?.id ?? null, lang);
    const pillars = axisNodes(criteria, units, 1);
    const withParent = units.some((u) => u.parent !== null);

    // A parent is named by its name where it is a unit of the report (its id otherwise: a parent outside the batch).
    const rankingTable: TableModel = {
      head: [w.rank, w.unit, w.points, w.max, w.index, w.rating, ...pillars.map((p) => `${pick(p.node.name, lang)} (${p.code})`), ...(withParent ? [w.parent, w.rankInParent] : [])],
      numeric: [true, false, true, true, true, false, ...pillars.map(() => true), ...(withParent ? [false, true] : [])],
      nowrap: [false, true, false, false, false, true, ...pillars.map(() => false), ...(withParent ? [true, false] : [])],
      rows: units.map((u) => [
        u.rank === null ? '—' : String(u.rank),
        unitName(u),
        num(u.points),
        num(u.maxPoints),
        num(u.index),
        ratingCell(u.rating),
        ...pillars.map((p) => num(nodeIndex(u, p.code))),
        ...(withParent ? [u.parent === null ? '—' : (names.get(u.parent) ?? u.parent), u.rankInParent === null ? '—' : String(u.rankInParent)] : []),
      ]),
    };

    const distributionRows: Cell[][] = (criteria.ratings ?? []).map((r) => [
      { text: pick(r.name, lang), swatch: styleOf(r.id) },
      `≥ ${num(plainDecimal(r.min))}`,
      String(units.filter((u) => u.rating === r.id).length),
    ]);
    const unrated = units.filter((u) => u.rating === null).length;
    if (unrated > 0) distributionRows.push([w.notRated, '—', String(unrated)]);
    distributionRows.push([w.total, '', String(units.length)]);
    const distribution: TableModel = { head: [w.rating, w.threshold, w.count], numeric: [false, false, true], nowrap: [true, true, false], rows: distributionRows };

    const appraised = units.filter((u) => u.selfPoints !== undefined);
    const appraisal: TableModel | null = appraised.length === 0 ? null : {
      head: [w.unit, w.selfAssessed, w.appraised, w.difference, w.changedLeaves],
      numeric: [false, true, true, true, false],
      nowrap: [true, false, false, false, false],
      rows: appraised.map((u) => [unitName(u), num(u.selfPoints), num(u.points), num(u.difference), changedLeaves(u)]),
    };

    const mains = axisNodes(criteria, units, 2);
    const heatmap: TableModel = {
      head: [w.rank, w.unit, ...mains.map((m) => m.code)],
      numeric: [true, false, ...mains.map(() => true)],
      nowrap: [false, true, ...mains.map(() => false)],
      rows: units.map((u) => [u.rank === null ? '—' : String(u.rank), unitName(u), ...mains.map((m) => num(nodeIndex(u, m.code)))]),
    };
    const heatmapKey = `${w.codes}: ${mains.map((m) => `${m.code} ${pick(m.node.name, lang)}`).join('; ')}.`;

    const profiles = units.map((u) => profileModel(u, units.length));
    return { anchor: cohortAnchor, level, group, heading, units, ranking: rankingTable, distribution, appraisal, heatmap, heatmapKey, profiles };
  }

  function changedLeaves(unit: UnitResult): string {
    const changes: string[] = [];
    for (const [code, node] of Object.entries(unit.nodes)) {
      if (node.index !== undefined || node.selfPoints === undefined || node.selfPoints === null || node.selfPoints === node.points) continue;
      changes.push(`${code}: ${num(node.selfPoints)} → ${num(node.points)}`);
    }
    return changes.length === 0 ? '—' : changes.join('; ');
  }

  function profileModel(unit: UnitResult, cohortSize: number): ProfileModel {
    const depth: 1 | 2 = axisNodes(criteria, [unit], 1).length >= 3 ? 1 : 2;
    const axes = axisNodes(criteria, [unit], depth);
    const peers = axes.length > 0 ? cohortAverage(report, criteria, unit, axes[0]!.code).peers : peersOf(report, criteria, unit).length;
    const cohort = cohortShortLabel(criteria, unit.level, byGroup ? unit.group : null, lang);
    const axesTable: TableModel = {
      head: [w.code, depth === 1 ? w.pillar : w.mainIndex, w.points, w.max, w.index, w.average],
      numeric: [false, false, true, true, true, true],
      rows: axes.map((a) => {
        const node = unit.nodes[a.code];
        return [a.code, pick(a.node.name, lang), num(node?.points), num(node?.maxPoints), num(nodeIndex(unit, a.code)), num(cohortAverage(report, criteria, unit, a.code).value)];
      }),
    };
    const { strongest, weakest } = strengthsAndWeaknesses(unit, STRENGTHS);
    const leafTable = (leaves: readonly LeafStanding[]): TableModel => ({
      head: [w.code, w.criterion, w.points, w.max, w.explanation],
      numeric: [false, false, true, true, false],
      rows: leaves.map((l) => [l.code, nodeName(criteria, l.code, lang), num(l.points), num(l.maxPoints), l.explanation ? pick(l.explanation, lang) : w.noExplanation]),
    });
    const summary: string[] = [
      w.summaryRank(unit.rank === null ? '—' : String(unit.rank), cohortSize),
      `${w.index} ${num(unit.index)}`,
      unit.rating === null ? w.notRated : ratingName(criteria, unit.rating, lang),
      w.summaryPoints(num(unit.points), num(unit.maxPoints)),
    ];
    if (unit.selfPoints !== undefined) summary.push(w.summarySelf(num(unit.selfPoints), num(unit.difference)));
    if (unit.parent !== null) summary.push(w.summaryParent(names.get(unit.parent) ?? unit.parent, unit.rankInParent === null ? '—' : String(unit.rankInParent)));
    return {
      anchor: anchor(`u-${slug(unit.unit)}`),
      unit,
      heading: unitName(unit),
      summary,
      depth,
      axes: axesTable,
      averageNote: `${w.average}: ${w.averageOf(cohort, peers)}.`,
      strongest: leafTable(strongest),
      weakest: leafTable(weakest),
      count: STRENGTHS,
    };
  }

  function appraisalModel(): AppraisalSectionModel | null {
    const summary = appraisalSummary(report, criteria, lang, options);
    if (summary.units.length === 0) return null;
    const signed = (text: string): string => (/^(?:[1-9]|0\.\d*[1-9])/.test(text) ? `+${num(text)}` : num(text));
    const withBy = options.withAppraisers === true && summary.units.some((u) => u.changes.some((c) => c.by !== null));
    const tallyTable = (first: string, rows: readonly AppraisalTally[], codes: boolean): TableModel => ({
      head: [...(codes ? [w.code] : []), first, w.leaves, w.lowered, w.raised, w.moved],
      numeric: [...(codes ? [false] : []), false, true, true, true, true],
      rows: [...rows, summary.total].map((t, i, all) => [
        ...(codes ? [i === all.length - 1 ? '' : t.key] : []),
        t.label,
        String(t.count),
        String(t.lowered),
        String(t.raised),
        signed(t.moved),
      ]),
    });
    const unitModel = (u: UnitAppraisal): UnitAppraisalModel => ({
      anchor: anchor(`a-${slug(u.unit.unit)}`),
      heading: u.name,
      summary: w.appraisalUnitSummary(num(u.self), num(u.appraised), signed(u.difference), u.changes.length),
      changes: u.changes.length === 0 ? null : {
        head: [w.code, w.criterion, w.selfAssessed, w.appraised, w.difference, w.reason, w.note, w.appraisedOn, ...(withBy ? [w.appraiser] : [])],
        numeric: [false, false, true, true, true, false, false, false, ...(withBy ? [false] : [])],
        rows: u.changes.map((c) => [c.code, c.name, num(c.self), num(c.appraised), signed(c.delta), c.reasonLabel, c.note ?? '—', c.at === null ? '—' : w.date(c.at), ...(withBy ? [c.by ?? '—'] : [])]),
      },
      lackingHeading: w.lackingEvidence(summary.policy),
      lacking: u.lacking.length === 0 ? null : {
        head: [w.code, w.criterion, w.points],
        numeric: [false, false, true],
        rows: u.lacking.map((l) => [l.code, l.name, `${num(l.points)}${l.appraised ? ` (${w.lackingAppraised})` : ''}`]),
      },
      flags: u.flags === 0 ? null : w.evidenceFlags(u.flags),
    });
    return {
      anchor: anchor('appraisal'),
      intro: [w.appraisalReportIntro(summary.appraisedUnits, summary.total.count, signed(summary.total.moved)), w.appraisalPolicy(summary.policy)],
      byReason: tallyTable(w.reason, summary.byReason, false),
      byPillar: tallyTable(w.pillar, summary.byPillar, true),
      units: summary.units.map(unitModel),
    };
  }

  return {
    lang,
    title: title ?? pick(criteria.title, lang),
    criteriaTitle: pick(criteria.title, lang),
    facts,
    sha256: report.criteria.sha256,
    caveat: criteria.description ? pick(criteria.description, lang) : null,
    draft: criteria.status !== 'published',
    method,
    warnings: report.warnings.map((i) => formatIssue(i, lang)),
    rejected: report.rejected.map((r) => ({ heading: w.rejectedUnit(r.unit, r.position), issues: r.issues.map((i) => formatIssue(i, lang)) })),
    cohorts,
    appraisal: appraisalModel(),
    footer: w.footer(stamp, report.criteria.sha256),
    date: options.date === undefined ? null : w.date(options.date),
  };
}
