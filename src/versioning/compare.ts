import { Dec, divideRounded, toFixed } from '../decimal.js';
import { DtiError } from '../errors.js';
import { atomOf, type CompiledNode } from '../compile/compiled.js';
import { pick, type Localized } from '../format/localized.js';
import { compileCriteria } from '../compile/parse-criteria.js';
import type { CriteriaSet } from '../compile/types.js';
import { safeParseScoreReport } from '../results/parse.js';
import type { CriteriaStamp, ScoreReport, UnitResult } from '../scoring/result-types.js';
import { matchNodes, sameRule, samePoints, type NodePair } from './match-nodes.js';

/** One side of a comparison: a scored report and the criteria set that produced it. */
export interface ComparedSide {
  readonly report: ScoreReport;
  readonly criteria: CriteriaSet;
}

/** Options for {@link compareReports}. */
export interface CompareOptions {
  /** Unit id in A → unit id in B, for units renamed or merged; ids not listed match the same id. */
  readonly match?: Readonly<Record<string, string>>;
}

/** A value in A, in B, and the change `b − a` (exact; `null` when either side is `null`). */
export interface ChangeFigures {
  readonly a: string | null;
  readonly b: string | null;
  readonly change: string | null;
}

/**
 * The common-leaf sub-index: points ÷ maxima over the leaves both versions
 * score the same way for this unit (same code or alias, same rule, same points
 * at the level, applying to the unit and counted for it in both years).
 */
export interface RebasedFigures extends ChangeFigures {
  /** The common leaves, by their code in B (tree order of B). */
  readonly leaves: readonly string[];
  /** Common leaves whose code changed (A's code listed in the `aliases` of B's). */
  readonly renamed: readonly { readonly a: string; readonly b: string }[];
  /** Share of the unit's official maximum that the common leaves carry, per side (4 decimals; `null` when a maximum is 0). */
  readonly coverage: { readonly a: string | null; readonly b: string | null };
  /** Points earned on the common leaves, per side. */
  readonly points: { readonly a: string; readonly b: string };
  /** The common leaves' maximum (the same on both sides, since their points are the same). */
  readonly max: string;
}

/** One unit present in both reports. */
export interface UnitComparison {
  /** The unit's id in A. */
  readonly unit: string;
  /** The unit's id in B (differs when `options.match` renames it). */
  readonly unitB: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: { readonly a: string | null; readonly b: string | null };
  readonly groupChanged: boolean;
  /** The official indices, each under its own version's rules. */
  readonly official: ChangeFigures;
  readonly rebased: RebasedFigures;
  /** What the figures mean, in Vietnamese and English. */
  readonly note: Localized;
}

/** A unit found on one side only (or with a different level on the other side). */
export interface ComparisonUnitRef {
  readonly unit: string;
  readonly level: string;
  readonly group: string | null;
}

/** The comparison of two score reports, possibly under two versions of the criteria. */
export interface Comparison {
  readonly a: { readonly criteria: CriteriaStamp; readonly period: string | null };
  readonly b: { readonly criteria: CriteriaStamp; readonly period: string | null };
  /** `true` when both reports were scored by the very same set (same sha256). */
  readonly sameCriteria: boolean;
  /** What the comparison can and cannot say, in Vietnamese and English. */
  readonly note: Localized;
  /** Units present in both, in A's order. */
  readonly units: readonly UnitComparison[];
  readonly onlyA: readonly ComparisonUnitRef[];
  readonly onlyB: readonly ComparisonUnitRef[];
  /** Units matched by id whose level differs: not compared. */
  readonly levelChanged: readonly { readonly a: ComparisonUnitRef; readonly b: ComparisonUnitRef }[];
}

const refOf = (r: UnitResult): ComparisonUnitRef => ({ unit: r.unit, level: r.level, group: r.group });

const percent = (share: string | null): string => (share === null ? '—' : `${new Dec(share).times(100).toFixed(2)}%`);

/**
 * Both reports, each checked in full against the set given with it
 * ({@link safeParseScoreReport}); every problem of both sides at once, with
 * paths under `a.report` and `b.report`.
 */
function checkSides(a: ComparedSide, b: ComparedSide): { readonly a: ScoreReport; readonly b: ScoreReport } {
  const checkedA = safeParseScoreReport(a.report, a.criteria, { path: ['a', 'report'] });
  const checkedB = safeParseScoreReport(b.report, b.criteria, { path: ['b', 'report'] });
  if (!checkedA.ok || !checkedB.ok) throw new DtiError([...(checkedA.ok ? [] : checkedA.issues), ...(checkedB.ok ? [] : checkedB.issues)]);
  return { a: checkedA.value, b: checkedB.value };
}

function figures(a: string | null, b: string | null, places: number): ChangeFigures {
  const change = a === null || b === null ? null : toFixed(new Dec(b).minus(a), places);
  return { a, b, change };
}

function unitNote(ref: { a: string; b: string }, same: boolean, groups: { a: string | null; b: string | null }, rebased: RebasedFigures): Localized {
  const n = rebased.leaves.length;
  const cov = rebased.coverage.a === rebased.coverage.b ? { vi: percent(rebased.coverage.a), en: percent(rebased.coverage.a) } : { vi: `${percent(rebased.coverage.a)} (A) và ${percent(rebased.coverage.b)} (B)`, en: `${percent(rebased.coverage.a)} (A) and ${percent(rebased.coverage.b)} (B)` };
  const vi: string[] = [];
  const en: string[] = [];
  if (same) {
    vi.push(`Cùng một bộ tiêu chí (${ref.a}): chỉ số chính thức so sánh trực tiếp được.`);
    en.push(`Same criteria (${ref.a}): the official indices compare directly.`);
  } else {
    vi.push(`Hai bộ tiêu chí khác nhau (${ref.a} và ${ref.b}) là hai phương pháp, không phải một chuỗi số liệu: không so sánh trực tiếp chỉ số chính thức.`);
    en.push(`Two criteria versions (${ref.a} and ${ref.b}) are two methodologies, not one series: do not read the official indices as a trend.`);
  }
  vi.push(`Chỉ số quy đổi tính trên ${n} tiêu chí chung, chiếm ${cov.vi} điểm tối đa.`);
  en.push(`The rebased index uses the ${n} common leaves, ${cov.en} of the maximum.`);
  if (groups.a !== groups.b) {
    vi.push(`Đơn vị đổi nhóm: ${groups.a ?? '—'} → ${groups.b ?? '—'}.`);
    en.push(`The unit changed group: ${groups.a ?? '—'} → ${groups.b ?? '—'}.`);
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}

/**
 * Compares two score reports, typically of two years scored under two versions
 * of a set (totals as in [format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng); across
 * versions only what both score the same way is compared, as below).
 *
 * For each unit present in both (same level; a changed group is reported):
 * - `official`: each year's index under its own rules, and the change b − a;
 * - `rebased`: the common-leaf sub-index, points ÷ maxima over the leaves both
 *   versions score the same way for that unit (same code or alias, same rule
 *   and `allowNA`, same points at the level, applying to the unit in both, and
 *   counted in both years: a leaf answered `"n/a"` or excluded in either year is
 *   left out on both sides), computed from the result nodes, each side rounded
 *   half-up to its index decimals; `coverage` is the share of each year's
 *   official maximum those leaves carry.
 *
 * Units only in A or only in B are listed.
 *
 * Each report is first checked in full against the set given with it, as
 * {@link safeParseScoreReport} does: throws {@link DtiError} with every
 * problem of both sides (paths under `a.report` and `b.report`) when a
 * report was not produced by that set (`compare/criteria-mismatch`), lists a
 * unit twice (`submission/duplicate-unit`), or is otherwise inconsistent
 * (a figure that does not add up, a changed rank, an unknown field, …).
 *
 * @example
 * ```ts
 * import { compareReports, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const a = getCriteria('can-tho@2022.1.0');
 * const b = getCriteria('can-tho@2023.1.0');
 * const unit = (values: Record<string, unknown>) => ({ units: [{ id: 'ninh-kieu', level: 'district', values }] });
 * const c = compareReports(
 *   { report: scoreBatch(a, unit({ 'CQS.2.1': true, 'KTS.1.4': { numerator: 1, denominator: 2 }, 'CQS.3.2': true })), criteria: a },
 *   { report: scoreBatch(b, unit({ 'CQS.2.1': true, 'KTS.3.5': { numerator: 1, denominator: 1 } })), criteria: b },
 * );
 * const row = c.units[0]!;
 * console.log(row.official); // {"a":"0.0400","b":"0.0350","change":"-0.0050"}
 * console.log(row.rebased.points); // {"a":"25.00","b":"35.00"}
 * console.log(row.rebased.renamed); // [{"a":"KTS.1.4","b":"KTS.3.5"}]
 * console.log(row.rebased.coverage.a); // 0.9550
 * console.log(row.rebased.change); // 0.0104
 * ```
 */
export function compareReports(a: ComparedSide, b: ComparedSide, options: CompareOptions = {}): Comparison {
  const reports = checkSides(a, b);
  const ca = compileCriteria(a.criteria);
  const cb = compileCriteria(b.criteria);
  const refA = `${a.criteria.id}@${a.criteria.version}`;
  const refB = `${b.criteria.id}@${b.criteria.version}`;
  const same = reports.a.criteria.sha256 === reports.b.criteria.sha256;
  const idp = Math.max(ca.rounding.index, cb.rounding.index);
  const leafPairs = matchNodes(a.criteria, b.criteria).filter(
    (p): p is NodePair & { a: CompiledNode; b: CompiledNode } => p.a?.leaf !== undefined && p.b?.leaf !== undefined && sameRule(p.a, p.b),
  );

  const inB = new Map(reports.b.results.map((r) => [r.unit, r] as const));
  const usedB = new Set<string>();
  const units: UnitComparison[] = [];
  const onlyA: ComparisonUnitRef[] = [];
  const levelChanged: { a: ComparisonUnitRef; b: ComparisonUnitRef }[] = [];

  for (const ra of reports.a.results) {
    const idB = options.match?.[ra.unit] ?? ra.unit;
    const rb = inB.get(idB);
    if (!rb) {
      onlyA.push(refOf(ra));
      continue;
    }
    usedB.add(idB);
    if (ra.level !== rb.level) {
      levelChanged.push({ a: refOf(ra), b: refOf(rb) });
      continue;
    }
    const level = ra.level;
    const atomA = atomOf(level, ra.group);
    const atomB = atomOf(level, rb.group);
    const leaves: string[] = [];
    const renamed: { a: string; b: string }[] = [];
    let pointsA = new Dec(0);
    let pointsB = new Dec(0);
    let max = new Dec(0);
    for (const pair of leafPairs) {
      if (!pair.a.scope.has(atomA) || !pair.b.scope.has(atomB) || !samePoints(pair.a, pair.b, level)) continue;
      const na = ra.nodes[pair.a.code];
      const nb = rb.nodes[pair.b.code];
      if (na?.points == null || na.maxPoints == null || nb?.points == null || nb.maxPoints == null) continue;
      leaves.push(pair.b.code);
      if (pair.a.code !== pair.b.code) renamed.push({ a: pair.a.code, b: pair.b.code });
      pointsA = pointsA.plus(na.points);
      pointsB = pointsB.plus(nb.points);
      max = max.plus(na.maxPoints);
    }
    const share = (total: string): string | null => (new Dec(total).isZero() ? null : toFixed(divideRounded(max, new Dec(total), 4), 4));
    const sub = (points: Dec, places: number): string | null => (max.isZero() ? null : toFixed(divideRounded(points, max, places), places));
    const rebased: RebasedFigures = {
      ...figures(sub(pointsA, ca.rounding.index), sub(pointsB, cb.rounding.index), idp),
      leaves,
      renamed,
      coverage: { a: share(ra.maxPoints), b: share(rb.maxPoints) },
      points: { a: toFixed(pointsA, ca.rounding.points), b: toFixed(pointsB, cb.rounding.points) },
      max: toFixed(max, Math.max(ca.rounding.points, cb.rounding.points)),
    };
    const group = { a: ra.group, b: rb.group };
    units.push({
      unit: ra.unit,
      unitB: rb.unit,
      name: ra.name ?? rb.name,
      level,
      group,
      groupChanged: ra.group !== rb.group,
      official: figures(ra.index, rb.index, idp),
      rebased,
      note: unitNote({ a: refA, b: refB }, same, group, rebased),
    });
  }
  const onlyB = reports.b.results.filter((r) => !usedB.has(r.unit)).map(refOf);

  const vi: string[] = [];
  const en: string[] = [];
  if (same) {
    vi.push(`Hai kỳ chấm cùng một bộ tiêu chí (${refA}): chỉ số chính thức so sánh trực tiếp được.`);
    en.push(`Both periods were scored with the same criteria (${refA}): the official indices compare directly.`);
  } else {
    vi.push(
      `Hai kỳ chấm theo hai bộ tiêu chí khác nhau (${refA} và ${refB}): đó là hai phương pháp, không phải một chuỗi số liệu. Chỉ số quy đổi (trên các tiêu chí chung, cùng quy tắc và cùng điểm) là phép so sánh có thể bảo vệ được; độ phủ cho biết nó đại diện bao nhiêu phần điểm tối đa.`,
    );
    en.push(
      `The periods were scored with two criteria versions (${refA} and ${refB}): two methodologies, not one series. The rebased index (over the leaves common to both, with the same rule and points) is the defensible comparison; its coverage says how much of the maximum it represents.`,
    );
  }
  const levelsA = [...ca.levels.keys()];
  const levelsB = new Set(cb.levels.keys());
  if (levelsA.length !== levelsB.size || levelsA.some((l) => !levelsB.has(l))) {
    vi.push('Các cấp đơn vị của hai bộ khác nhau (ví dụ sau khi bỏ cấp huyện và sáp nhập năm 2025): đơn vị cùng mã có thể đã đổi địa giới, nên phép so sánh là so sánh quy tắc, không phải so sánh các đơn vị tương đương.');
    en.push('The two sets assess different levels of government (for example after the 2025 abolition of districts and mergers): a unit with the same id may have new boundaries, so the comparison compares rules, not like units.');
  }
  return {
    a: { criteria: reports.a.criteria, period: reports.a.period },
    b: { criteria: reports.b.criteria, period: reports.b.period },
    sameCriteria: same,
    note: { vi: vi.join(' '), en: en.join(' ') },
    units,
    onlyA,
    onlyB,
    levelChanged,
  };
}

const cell = (text: string | null): string => (text === null ? '—' : text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
const signed = (text: string | null): string => (text === null ? '—' : new Dec(text).gt(0) ? `+${text}` : text);

/**
 * Renders a {@link Comparison} as a Markdown section: the versions compared,
 * the note, one table row per unit (index A, index B, official change, rebased
 * A, rebased B, rebased change, coverage) and the units found on one side only.
 *
 * @example
 * ```ts
 * import { compareReports, comparisonToMarkdown, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const set = getCriteria('can-tho@2022.1.0');
 * const report = scoreBatch(set, { period: '2022', units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.2.1': true } }] });
 * const md = comparisonToMarkdown(compareReports({ report, criteria: set }, { report, criteria: set }), 'en');
 * console.log(md.split('\n').find((line) => line.startsWith('| cai-khe'))); // | cai-khe | 0.0150 | 0.0150 | 0.0000 | 0.0150 | 0.0150 | 0.0000 | 100.00% |
 * ```
 */
export function comparisonToMarkdown(c: Comparison, lang: 'vi' | 'en' = 'vi'): string {
  const en = lang === 'en';
  const label = (side: Comparison['a']): string => `${side.criteria.id}@${side.criteria.version}${side.period ? ` (${side.period})` : ''}`;
  const nameA = c.a.period && c.a.period !== c.b.period ? c.a.period : 'A';
  const nameB = c.b.period && c.a.period !== c.b.period ? c.b.period : 'B';
  const head = en
    ? ['Unit', `Index ${nameA}`, `Index ${nameB}`, 'Official change', `Rebased ${nameA}`, `Rebased ${nameB}`, 'Rebased change', 'Coverage']
    : ['Đơn vị', `Chỉ số ${nameA}`, `Chỉ số ${nameB}`, 'Thay đổi chính thức', `Quy đổi ${nameA}`, `Quy đổi ${nameB}`, 'Thay đổi quy đổi', 'Độ phủ'];
  const lines: string[] = [
    en ? `## Comparison: ${label(c.a)} → ${label(c.b)}` : `## So sánh: ${label(c.a)} → ${label(c.b)}`,
    '',
    `> ${pick(c.note, lang)}`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  for (const u of c.units) {
    const id = u.unit === u.unitB ? u.unit : `${u.unit} → ${u.unitB}`;
    const group = u.groupChanged ? ` (${u.group.a ?? '—'} → ${u.group.b ?? '—'})` : '';
    const coverage = u.rebased.coverage.a === u.rebased.coverage.b ? percent(u.rebased.coverage.a) : `${percent(u.rebased.coverage.a)} / ${percent(u.rebased.coverage.b)}`;
    const row = [
      cell(id + group),
      cell(u.official.a),
      cell(u.official.b),
      signed(u.official.change),
      cell(u.rebased.a),
      cell(u.rebased.b),
      signed(u.rebased.change),
      coverage,
    ];
    lines.push(`| ${row.join(' | ')} |`);
  }
  const list = (title: string, refs: readonly ComparisonUnitRef[]): void => {
    if (refs.length === 0) return;
    lines.push('', `${title}: ${refs.map((r) => `${r.unit} (${r.level}${r.group ? `/${r.group}` : ''})`).join(', ')}`);
  };
  list(en ? `Only in ${nameA}` : `Chỉ có ở ${nameA}`, c.onlyA);
  list(en ? `Only in ${nameB}` : `Chỉ có ở ${nameB}`, c.onlyB);
  if (c.levelChanged.length > 0) {
    lines.push('', `${en ? 'Level changed, not compared' : 'Đổi cấp, không so sánh'}: ${c.levelChanged.map((p) => `${p.a.unit} (${p.a.level} → ${p.b.level})`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
