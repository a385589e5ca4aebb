// Internal: what the appraisal changed, per unit and for the batch (format reference §12), as
// plain data shared by the HTML and Markdown reports and the results workbook.
// Every figure is a decimal string: the results' own, or an exact sum of them.
import { appraisalReasonsOf } from '../compile/appraisal-reasons.js';
import type { CriteriaSet } from '../compile/types.js';
import { ExactSum } from '../exact/exact-sum.js';
import type { Exact } from '../exact/exact.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import { pick } from '../format/localized.js';
import type { AppraisalNote, ScoreReport, UnitResult } from '../scoring/result-types.js';
import { nodesByCode, unitName, type Lang } from './data.js';

/** The pseudo reason of a leaf appraised through `appraised` (values only, no reason given). */
export const NO_REASON = '';

/** One appraised leaf of a unit: self-assessed against appraised points, and why. */
export interface AppraisalChange {
  readonly code: string;
  readonly name: string;
  /** The top-level node (pillar) above the leaf. */
  readonly pillar: string;
  /** Points of the self-assessment; `null` when it did not count (not applicable, excluded). */
  readonly self: string | null;
  /** Points after appraisal; `null` when the leaf does not count. */
  readonly appraised: string | null;
  /** `appraised − self` (a `null` side as 0), exact, with the set's decimals. */
  readonly delta: string;
  /** The reason id; {@link NO_REASON} when the leaf was appraised without one. */
  readonly reason: string;
  /** The reason's label in the report's language ("—" for no reason; the id itself when the set does not know it). */
  readonly reasonLabel: string;
  readonly note: string | null;
  readonly at: string | null;
  /** Who appraised: only when asked and present in the results. */
  readonly by: string | null;
}

/** A leaf of a unit lacking required evidence. */
export interface LackingLeaf {
  readonly code: string;
  readonly name: string;
  /** The leaf's points in the results (0 under `zero`, unless appraised). */
  readonly points: string | null;
  /** `true` when an appraised value stands for it (whatever the policy). */
  readonly appraised: boolean;
}

/** The appraisal of one unit. */
export interface UnitAppraisal {
  readonly unit: UnitResult;
  readonly name: string;
  /** The unit's self-assessed total (its final points when nothing was appraised). */
  readonly self: string;
  readonly appraised: string;
  /** The results' own difference (`appraised − self`), `"0.00"`-like when nothing was appraised. */
  readonly difference: string;
  readonly changes: readonly AppraisalChange[];
  readonly lacking: readonly LackingLeaf[];
  /** Evidence findings that do not reject the unit (the results' `evidence.flags`). */
  readonly flags: number;
}

/** A row of the batch distribution: how many appraised leaves, and the points they moved (net, exact). */
export interface AppraisalTally {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** Leaves whose points went down / up. */
  readonly lowered: number;
  readonly raised: number;
  /** The net sum of the leaves' `delta`. */
  readonly moved: string;
}

/** The appraisal report of a batch. */
export interface AppraisalSummary {
  readonly policy: 'flag' | 'zero';
  readonly places: number;
  /** Units with an appraised leaf or a leaf lacking evidence, in the results' order. */
  readonly units: readonly UnitAppraisal[];
  /** Every reason of the set (or the default list) in its order, then "no reason" when used. */
  readonly byReason: readonly AppraisalTally[];
  /** Every top-level node with an appraised leaf, in tree order. */
  readonly byPillar: readonly AppraisalTally[];
  readonly total: AppraisalTally;
  /** Units appraised (with at least one appraised leaf). */
  readonly appraisedUnits: number;
  /** Leaves lacking evidence, over all units. */
  readonly lackingLeaves: number;
}

/** Options of {@link appraisalSummary}. */
export interface AppraisalSummaryOptions {
  /** Keep who appraised (`by`, personal data) where the results have it; default `false`. */
  readonly withAppraisers?: boolean;
}

const zero = readExact('0')!;
const exactOf = (text: string | null | undefined): Exact => (text === null || text === undefined ? zero : (readExact(text) ?? zero));

/**
 * Every leaf the appraisal touched, per unit, and the distribution of the
 * changes by reason and by pillar. A leaf is listed when the results keep its
 * self-assessed points (`selfPoints`), even when the appraisal confirmed them
 * (a delta of 0): nothing appraised is left out. Pure: reads `report` and
 * `criteria`, returns new plain data.
 *
 * @internal
 */
export function appraisalSummary(report: ScoreReport, criteria: CriteriaSet, lang: Lang, options: AppraisalSummaryOptions = {}): AppraisalSummary {
  const places = criteria.rounding?.points ?? 2;
  const nodes = nodesByCode(criteria);
  const reasons = appraisalReasonsOf(criteria);
  const labels = new Map(reasons.map((reason) => [reason.id, pick(reason.label, lang)]));
  const noReason = lang === 'vi' ? 'Không ghi lý do (chỉ có giá trị thẩm định)' : 'No reason given (appraised value only)';
  const pillarOf = (code: string): string => {
    let at = code;
    for (let parent = nodes.get(at)?.parent ?? null; parent !== null; parent = nodes.get(at)?.parent ?? null) at = parent;
    return at;
  };
  const name = (code: string): string => {
    const node = nodes.get(code)?.node;
    return node ? pick(node.name, lang) : code;
  };

  const units: UnitAppraisal[] = [];
  for (const unit of report.results) {
    const changes: AppraisalChange[] = [];
    for (const [code, node] of Object.entries(unit.nodes)) {
      // Leaves only: an aggregate has an index (possibly null); its selfPoints is the sum of its leaves'.
      if (node.index !== undefined || node.selfPoints === undefined) continue;
      const note: AppraisalNote | undefined = node.appraisal;
      const reason = note?.reason ?? NO_REASON;
      changes.push({
        code,
        name: name(code),
        pillar: pillarOf(code),
        self: node.selfPoints,
        appraised: node.points,
        delta: fixedText(exactOf(node.points).minus(exactOf(node.selfPoints)), places),
        reason,
        reasonLabel: reason === NO_REASON ? '—' : (labels.get(reason) ?? reason),
        note: note?.note ?? null,
        at: note?.at ?? null,
        by: options.withAppraisers === true ? (note?.by ?? null) : null,
      });
    }
    const lacking: LackingLeaf[] = (unit.evidence?.lacking ?? []).map((code) => ({
      code,
      name: name(code),
      points: unit.nodes[code]?.points ?? null,
      appraised: unit.nodes[code]?.selfPoints !== undefined,
    }));
    if (changes.length === 0 && lacking.length === 0) continue;
    units.push({
      unit,
      name: unitName(unit),
      self: unit.selfPoints ?? unit.points,
      appraised: unit.points,
      difference: unit.difference ?? fixedText(zero, places),
      changes,
      lacking,
      flags: unit.evidence?.flags.length ?? 0,
    });
  }

  const all = units.flatMap((u) => u.changes);
  const tally = (key: string, label: string, changes: readonly AppraisalChange[]): AppraisalTally => {
    const sum = new ExactSum();
    let lowered = 0;
    let raised = 0;
    for (const change of changes) {
      const delta = exactOf(change.delta);
      sum.add(delta);
      if (delta.sign() < 0) lowered++;
      else if (delta.sign() > 0) raised++;
    }
    return { key, label, count: changes.length, lowered, raised, moved: fixedText(sum.value(), places) };
  };
  const byReason = reasons.map((reason) => tally(reason.id, pick(reason.label, lang), all.filter((c) => c.reason === reason.id)));
  // A reason the set does not know (results of another set would be refused before this) still gets its row.
  const unknown = [...new Set(all.map((c) => c.reason))].filter((id) => id !== NO_REASON && !labels.has(id));
  for (const id of unknown) byReason.push(tally(id, id, all.filter((c) => c.reason === id)));
  if (all.some((c) => c.reason === NO_REASON)) byReason.push(tally(NO_REASON, noReason, all.filter((c) => c.reason === NO_REASON)));
  const pillars = [...new Set(all.map((c) => c.pillar))].sort((a, b) => order(a) - order(b));
  function order(code: string): number {
    return [...nodes.keys()].indexOf(code);
  }
  const byPillar = pillars.map((code) => tally(code, name(code), all.filter((c) => c.pillar === code)));

  return {
    policy: criteria.evidencePolicy ?? 'flag',
    places,
    units,
    byReason,
    byPillar,
    total: tally('', lang === 'vi' ? 'Tổng' : 'Total', all),
    appraisedUnits: units.filter((u) => u.changes.length > 0).length,
    lackingLeaves: units.reduce((n, u) => n + u.lacking.length, 0),
  };
}
