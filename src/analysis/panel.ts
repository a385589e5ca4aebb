/**
 * Panels: the results of several periods joined unit by unit (through
 * aliases where a unit changed its id), with the change of index and rank
 * from one period to the next, as published and among the units present
 * throughout.
 */
import { makeIssue, type Issue, type Result } from '../errors.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import { formatPath } from '../path.js';
import { rankEntries } from '../scoring/rank.js';
import type { CriteriaStamp, ScoreReport } from '../scoring/result-types.js';
import type { MergedReport } from './merge-units.js';

/**
 * One period's results, for {@link safeBuildPanel}: as scored, or merged
 * into the units that succeeded them (`safeMergeUnits`, stamped as derived).
 */
export interface PanelInput {
  readonly report: ScoreReport | MergedReport;
  /** The period's label; default the report's `period` (one of them is required). */
  readonly period?: string;
}

/** What the panel reads of a unit's result. */
interface UnitFigures {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly points: string | null;
  readonly maxPoints: string | null;
  readonly index: string | null;
  readonly rating: string | null;
  readonly rank: number | null;
}

/** The units of a period's results, and what they were scored with. */
function unitsOf(report: ScoreReport | MergedReport): { readonly units: readonly UnitFigures[]; readonly criteria: CriteriaStamp; readonly period: string | null; readonly merged: string | undefined } {
  if ('method' in report) {
    return {
      units: report.units.map((unit) => ({ unit: unit.successor, name: unit.name, level: unit.level, points: unit.points ?? null, maxPoints: unit.maxPoints ?? null, index: unit.index, rating: null, rank: unit.rank })),
      criteria: report.derivedFrom.criteria,
      period: report.derivedFrom.period,
      merged: report.method,
    };
  }
  return { units: report.results, criteria: report.criteria, period: report.period, merged: undefined };
}

/** Options of {@link safeBuildPanel}. */
export interface PanelOptions {
  /**
   * Ids a unit had in some period → its id in the panel (`{ "phuong-an-binh": "phuong-ninh-kieu" }`);
   * followed through chains (`a → b → c`), never in a cycle.
   */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** A unit's figures in one period. */
export interface PanelEntry {
  /** Its id in that period's results (differs from the panel's id through an alias). */
  readonly id: string;
  readonly level: string;
  /** Points and maximum as published; `null` for merged units whose method gives none. */
  readonly points: string | null;
  readonly maxPoints: string | null;
  readonly index: string | null;
  /** The rating as published; `null` for merged units. */
  readonly rating: string | null;
  /** The rank as published (for merged units: among the successors). */
  readonly rank: number | null;
  /**
   * The rank among the units of its level that have an index in every
   * period of the panel, by index (highest first, ties share a rank and the
   * next is skipped): units that enter or leave do not move it.
   */
  readonly commonRank: number | null;
}

/** How a unit changed from one period to the next. */
export interface PanelChange {
  readonly from: string;
  readonly to: string;
  /** `index(to) − index(from)`, exactly; `null` unless both have an index. */
  readonly index: string | null;
  /** Places gained in the published ranks (`rank(from) − rank(to)`: positive moved up); `null` unless both ranked. */
  readonly rank: number | null;
  /** The same among the units present throughout (see {@link PanelEntry.commonRank}). */
  readonly commonRank: number | null;
}

/** One unit across the periods. */
export interface PanelRow {
  /** Its id in the panel (the alias target where it changed). */
  readonly unit: string;
  /** Its name in the latest period it appears in. */
  readonly name: string | null;
  /** Its figures per period; `null` where it does not appear. */
  readonly periods: Readonly<Record<string, PanelEntry | null>>;
  /** From each period to the next, in order. */
  readonly changes: readonly PanelChange[];
}

/** The panel: the periods in order, what each was scored with, and one row per unit. */
export interface Panel {
  /** The periods in order: the criteria each was scored with, and the merge method where its units were merged. */
  readonly periods: readonly { readonly period: string; readonly criteria: CriteriaStamp; readonly merged?: string }[];
  /** Whether every period was scored with the same criteria version: otherwise changes compare different rules. */
  readonly sameCriteria: boolean;
  readonly rows: readonly PanelRow[];
}

/** An alias followed to its end; `undefined` when it runs into a cycle. */
function resolve(aliases: Readonly<Record<string, string>>, id: string): string | undefined {
  const seen = new Set<string>();
  let current = id;
  while (Object.prototype.hasOwnProperty.call(aliases, current) && aliases[current] !== current) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = aliases[current]!;
  }
  return current;
}

/**
 * Joins the results of several periods unit by unit (issue #15: panels over
 * years). Periods are put in order of their labels (`2022` < `2023`,
 * `2024-Q1` < `2024-Q2`); a unit is matched by its id, or through `aliases`
 * where its id changed (after the 2025 reform a commune may continue under a
 * new id; merged units are combined first with `safeMergeUnits`). Each row
 * gives the figures per period as published, the rank among the units
 * present throughout (`commonRank`), and from each period to the next the
 * exact change of index and the places gained. `sameCriteria` says whether
 * every period used one criteria version: when not, a change compares
 * results of different rules, and a report should say so.
 *
 * Refused, every problem at once: a period without a label
 * (`analysis/period-required`), a period given twice
 * (`analysis/period-twice`), an alias cycle (`analysis/alias-cycle`), two
 * units of one period that become the same panel unit
 * (`analysis/alias-collision`).
 *
 * @example
 * ```ts
 * import { scoreBatch } from 'dti-criteria';
 * import { safeBuildPanel } from 'dti-criteria/analysis';
 * import { getCriteria } from 'dti-criteria/sets';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const year = (period: string, value: number) => scoreBatch(criteria, { period, units: [
 *   { id: period === '2022' ? 'xa-a' : 'xa-a-moi', level: 'commune', values: { 'CQS.1.3': { numerator: value, denominator: 15 } } },
 *   { id: 'xa-b', level: 'commune', values: { 'CQS.1.3': { numerator: 10, denominator: 15 } } },
 * ] });
 * const panel = safeBuildPanel([{ report: year('2022', 9) }, { report: year('2023', 12) }], { aliases: { 'xa-a': 'xa-a-moi' } });
 * if (panel.ok) console.log(panel.value.rows.map((row) => [row.unit, row.changes[0]?.rank])); // [["xa-a-moi",1],["xa-b",-1]]
 * if (panel.ok) console.log(panel.value.rows[0]?.changes[0]?.index); // 0.0040
 * ```
 */
export function safeBuildPanel(inputs: readonly PanelInput[], options: PanelOptions = {}): Result<Panel> {
  const issues: Issue[] = [];
  const aliases = options.aliases ?? {};
  for (const id of Object.keys(aliases)) {
    if (resolve(aliases, id) === undefined) issues.push(makeIssue('analysis/alias-cycle', ['aliases', id], { unit: id }));
  }
  const labelled: { period: string; read: ReturnType<typeof unitsOf>; position: number }[] = [];
  const positions = new Map<string, number>();
  inputs.forEach((input, position) => {
    const read = unitsOf(input.report);
    const period = input.period ?? read.period ?? undefined;
    if (period === undefined) {
      issues.push(makeIssue('analysis/period-required', [position]));
      return;
    }
    const first = positions.get(period);
    if (first !== undefined) issues.push(makeIssue('analysis/period-twice', [position, 'period'], { period, first: formatPath([first]) }));
    else positions.set(period, position);
    labelled.push({ period, read, position });
  });
  if (issues.length > 0) return { ok: false, issues };
  labelled.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

  // Each period's units under their panel ids.
  const byPeriod = labelled.map(({ period, read, position }) => {
    const units = new Map<string, UnitFigures>();
    read.units.forEach((result, index) => {
      const id = resolve(aliases, result.unit)!;
      const other = units.get(id);
      if (other !== undefined) issues.push(makeIssue('analysis/alias-collision', [position, 'report', read.merged === undefined ? 'results' : 'units', index, read.merged === undefined ? 'unit' : 'successor'], { unit: id, ids: [other.unit, result.unit], period }));
      else units.set(id, result);
    });
    return { period, units };
  });
  if (issues.length > 0) return { ok: false, issues };

  // The units with an index in every period, ranked within their level in each.
  const ids = [...new Set(byPeriod.flatMap(({ units }) => [...units.keys()]))];
  const throughout = new Set(ids.filter((id) => byPeriod.every(({ units }) => units.get(id)?.index !== null && units.get(id) !== undefined)));
  const commonRanks = byPeriod.map(({ units }) => {
    const members = [...throughout];
    const ranks = rankEntries(members.map((id) => readExact(units.get(id)!.index)!), (position) => units.get(members[position]!)!.level, 'competition');
    return new Map(members.map((id, position) => [id, ranks[position] ?? null]));
  });

  const rows = ids.map((id): PanelRow => {
    const periods: Record<string, PanelEntry | null> = {};
    let name: string | null = null;
    byPeriod.forEach(({ period, units }, p) => {
      const result = units.get(id);
      if (result === undefined) {
        periods[period] = null;
        return;
      }
      name = result.name ?? name;
      periods[period] = {
        id: result.unit,
        level: result.level,
        points: result.points,
        maxPoints: result.maxPoints,
        index: result.index,
        rating: result.rating,
        rank: result.rank,
        commonRank: commonRanks[p]!.get(id) ?? null,
      };
    });
    const changes = byPeriod.slice(1).map(({ period: to }, p): PanelChange => {
      const from = byPeriod[p]!.period;
      const [a, b] = [periods[from], periods[to]];
      const before = a?.index === null || a === undefined || a === null ? undefined : readExact(a.index);
      const after = b?.index === null || b === undefined || b === null ? undefined : readExact(b.index);
      const places = Math.max(decimalsOf(a?.index), decimalsOf(b?.index));
      return {
        from,
        to,
        index: before === undefined || after === undefined ? null : fixedText(after.minus(before), places),
        rank: a?.rank == null || b?.rank == null ? null : a.rank - b.rank,
        commonRank: a?.commonRank == null || b?.commonRank == null ? null : a.commonRank - b.commonRank,
      };
    });
    return { unit: id, name, periods, changes };
  });
  const stamps = labelled.map(({ period, read }) => ({ period, criteria: read.criteria, ...(read.merged !== undefined ? { merged: read.merged } : {}) }));
  const sameCriteria = stamps.every(({ criteria }) => criteria.sha256 === stamps[0]!.criteria.sha256);
  return { ok: true, value: { periods: stamps, sameCriteria, rows } };
}

/** The decimals a published figure is written with (`"0.6924"` → 4); 0 for none. */
function decimalsOf(text: string | null | undefined): number {
  if (text === null || text === undefined) return 0;
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}
