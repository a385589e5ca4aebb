import { DtiError, makeIssue } from '../errors.js';
import type { Exact } from '../exact/exact.js';
import { ExactSum } from '../exact/exact-sum.js';
import { fixedText } from '../exact/fixed-text.js';
import { readExact } from '../exact/read-exact.js';
import { roundQuotient } from '../exact/round-quotient.js';
import type { Localized } from '../format/localized.js';
import { aggregateText, ANSWERED_NA, appraisedText, evidenceFlagged, evidenceZeroed, INFO_ONLY, MISSING_EXCLUDED, missingZero } from './node-texts.js';
import { atomPlan, isPlanLeaf, leafReaders, type AtomPlan, type PlanAggregate, type PlanLeaf, type ScoringPlan } from './plan.js';
import type { NodeResult, ScoreReport, UnitResult } from './result-types.js';
import { contextFor, type RunBest } from './score-tree.js';
import { NA, readLeafValue, ReadingContext } from './read-value.js';
import type { PreparedUnit } from './values.js';

/** What explaining a unit's result needs: the plan it was scored with, the unit as submitted and the run's best values. */
export interface ExplainLink {
  readonly plan: ScoringPlan;
  readonly unit: PreparedUnit;
  readonly best: RunBest;
}

/**
 * The results scored in this process whose texts can be built on demand. Held
 * weakly: a result no one keeps is collected with its link, and a link keeps
 * nothing but the unit as submitted (which the caller passed in) and the run's
 * best values.
 */
const links = new WeakMap<UnitResult, ExplainLink>();

/** Makes a fresh result explainable on demand (the scorer calls it; `explain: false` does not). */
export function linkExplanations(result: UnitResult, link: ExplainLink): void {
  links.set(result, link);
}

/** Reads the unit's value for `leaf` from a record of its submission: `undefined` when none is given. */
function readAgain(link: ExplainLink, leaf: PlanLeaf, record: Readonly<Record<string, unknown>> | undefined, ctx: ReadingContext): unknown {
  const raw = record?.[leaf.code];
  if (raw === undefined) return undefined;
  const reader = leafReaders(link.plan, link.unit.atom).get(leaf.code)!;
  return readLeafValue(reader.leaf, raw, ctx.at(leaf.code, reader));
}

/** The unit's appraised value for `leaf`, from `appraised` or from `appraisal` (its `value`). */
function appraisedAgain(link: ExplainLink, leaf: PlanLeaf, reading: ReadingContext): unknown {
  const { source } = link.unit;
  const entry = source.appraisal?.[leaf.code];
  if (entry !== undefined) return readAgain(link, leaf, { [leaf.code]: entry.value }, reading);
  return readAgain(link, leaf, source.appraised, reading);
}

function inputChanged(link: ExplainLink, code: string): DtiError {
  return new DtiError([makeIssue('explain/input-changed', ['units', link.unit.position, 'values', code], { unit: link.unit.source.id, code })]);
}

/**
 * A leaf's explanation: its value read again from the submission and
 * evaluated again for the words, checked against the points published. A
 * self-assessed value lacking its required evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) says so, and
 * under `evidencePolicy: "zero"` that it earns 0; an appraised value names
 * its reason.
 */
function leafText(link: ExplainLink, leaf: PlanLeaf, node: NodeResult, reading: ReadingContext): Localized {
  if (leaf.info) return INFO_ONLY;
  const { plan, unit } = link;
  const places = plan.places;
  const issues = reading.issues;
  const before = issues.length;
  const appraised = unit.appraised ? appraisedAgain(link, leaf, reading) : undefined;
  const answer = appraised !== undefined ? appraised : readAgain(link, leaf, unit.source.values, reading);
  const lacking = appraised === undefined && unit.lacking?.has(leaf.slot) === true;
  let points: Exact | undefined;
  let text: Localized;
  if (answer === undefined) {
    points = plan.criteria.missing === 'exclude' ? undefined : plan.zero;
    text = points === undefined ? MISSING_EXCLUDED : missingZero(fixedText(plan.zero, places));
  } else if (answer === NA) {
    text = ANSWERED_NA;
  } else {
    const ctx = contextFor(leaf, unit, link.best.final);
    const outcome = leaf.rule.evaluate(leaf.compiled, answer, ctx);
    if (outcome.state === 'scored') points = roundQuotient(outcome.numerator, outcome.denominator, places);
    text = leaf.rule.explain(leaf.compiled, answer, outcome, ctx, points === undefined ? '' : fixedText(points, places));
    if (lacking && points !== undefined && plan.evidenceZero) {
      points = plan.zero;
      text = evidenceZeroed(text, fixedText(points, places));
    } else if (lacking) {
      text = evidenceFlagged(text);
    }
  }
  if (issues.length > before || (points === undefined ? null : fixedText(points, places)) !== node.points) throw inputChanged(link, leaf.code);
  if (appraised === undefined) return text;
  const reason = unit.notes?.get(leaf.slot)?.reason;
  return appraisedText(text, reason === undefined ? undefined : plan.criteria.appraisalReasons.get(reason)?.label);
}

/** Whether a child counts in its parent's sum: a leaf with points, an aggregate with something scored below it. */
function counts(child: NodeResult, leaf: boolean): boolean {
  return leaf ? child.points !== null : child.status === 'scored';
}

/** An aggregate's explanation, from its children's published figures. */
function aggregateTextOf(plan: ScoringPlan, atom: AtomPlan, aggregate: PlanAggregate, result: UnitResult, node: NodeResult): Localized {
  const places = plan.places;
  const cap = aggregate.cap;
  const terms: string[] = [];
  const total = cap === undefined ? undefined : new ExactSum();
  total?.clear(places);
  for (const c of aggregate.children) {
    const child = atom.nodes[c]!;
    const figures = result.nodes[child.code];
    if (figures === undefined || !counts(figures, isPlanLeaf(child)) || figures.points === null) continue;
    terms.push(figures.points);
    total?.add(readExact(figures.points)!);
  }
  // Without a cap the node's points are the sum, written the same way; with one, the sum before it.
  const sum = total === undefined ? undefined : total.value();
  const capped = sum !== undefined && cap !== undefined && sum.gt(cap);
  const sumText = sum === undefined ? (node.points ?? fixedText(plan.zero, places)) : fixedText(sum, places);
  return aggregateText(node.status, terms, sumText, capped ? aggregate.capText : undefined, node.maxPoints ?? fixedText(plan.zero, places), node.index ?? null);
}

/** A context to read a unit's values again with (one per unit explained). */
function readingFor(link: ExplainLink): ReadingContext {
  return new ReadingContext(link.unit.source.id, [], []);
}

/** The text of one node of the unit's plan. */
function planNodeText(link: ExplainLink, atom: AtomPlan, planNode: PlanLeaf | PlanAggregate, result: UnitResult, node: NodeResult, reading: ReadingContext): Localized {
  return isPlanLeaf(planNode) ? leafText(link, planNode, node, reading) : aggregateTextOf(link.plan, atom, planNode, result, node);
}

function textOf(link: ExplainLink, result: UnitResult, code: string, node: NodeResult): Localized | undefined {
  const atom = atomPlan(link.plan, link.unit.atom);
  const position = atom.positions.get(code);
  return position === undefined ? undefined : planNodeText(link, atom, atom.nodes[position]!, result, node, readingFor(link));
}

/**
 * The explanation of one node of a unit's result, in Vietnamese and English:
 * the computation in words ("12/15 = 80% of the 100% target → 0.8 × 20 =
 * 16.00 points"). Built when asked, never before: scoring computes the figures
 * only. Works on a result just scored (unless scored with `explain: false`)
 * and on a result that carries its texts (read from a results file written
 * with explanations, or made by {@link explainUnit}); `undefined` otherwise,
 * and for a code the unit has no result for. A result copied (spread, JSON,
 * `structuredClone`) keeps only the texts it carries.
 *
 * The text is built from the unit's values as submitted: they must not be
 * changed after scoring (inputs are read-only). If they were, and the result
 * no longer matches them, it throws a `DtiError` coded `explain/input-changed`
 * rather than explain numbers that were not scored.
 *
 * @example
 * ```ts
 * import { explainNode, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), {
 *   units: [{ id: 'ninh-kieu', level: 'district', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } }],
 * });
 * const unit = report.results[0]!;
 * console.log(unit.nodes['CQS.1.3']); // {"points":"16.00","maxPoints":"20.00","status":"scored"}
 * console.log(explainNode(unit, 'CQS.1.3')?.en); // 12/15 = 80% of the 100% target → 0.8 × 20 = 16.00 points
 * console.log(explainNode(unit, 'CQS.1.3')?.vi); // 12/15 = 80% so với mục tiêu 100% → 0,8 × 20 = 16,00 điểm
 * ```
 */
export function explainNode(result: UnitResult, code: string): Localized | undefined {
  const node = result.nodes[code];
  if (node === undefined) return undefined;
  if (node.explanation !== undefined) return node.explanation;
  const link = links.get(result);
  return link === undefined ? undefined : textOf(link, result, code, node);
}

/**
 * The unit's result with every node's `explanation` filled in (a new object;
 * the result given is not changed): what `dti score --format json` writes,
 * unit by unit. A result that cannot be explained (see {@link explainNode})
 * comes back as it is.
 *
 * @example
 * ```ts
 * import { explainUnit, scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), {
 *   units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.4.2': 'kiem-nhiem' } }],
 * });
 * const explained = explainUnit(report.results[0]!);
 * console.log(explained.nodes['CQS.4.2']?.explanation?.en); // Option "Has a part-time officer, assigned in writing" → 7.50 points
 * console.log(report.results[0]!.nodes['CQS.4.2']?.explanation); // undefined
 * ```
 */
export function explainUnit(result: UnitResult): UnitResult {
  const link = links.get(result);
  if (link === undefined) return result;
  const atom = atomPlan(link.plan, link.unit.atom);
  const reading = readingFor(link);
  // The atom's template has the result's keys in the same (tree) order as its plan's nodes.
  const nodes: Record<string, NodeResult> = { ...atom.template };
  for (const planNode of atom.nodes) {
    const code = planNode.code;
    const node = result.nodes[code];
    if (node !== undefined) nodes[code] = withText(node, node.explanation ?? planNodeText(link, atom, planNode, result, node, reading));
  }
  return { ...result, nodes };
}

/** A node's result with its text, the fields in the order a results file has them. */
function withText(node: NodeResult, explanation: Localized): NodeResult {
  const { points, maxPoints, status, selfPoints, appraisal } = node;
  if (node.index !== undefined) {
    const index = node.index;
    return selfPoints !== undefined ? { points, maxPoints, index, status, selfPoints, explanation } : { points, maxPoints, index, status, explanation };
  }
  // A leaf's kept inputs (`keepInputs`) stay, before the text.
  const given = node.given !== undefined ? { given: node.given } : {};
  if (status === 'info') return { points, maxPoints, status, value: node.value ?? null, ...given, explanation };
  if (appraisal !== undefined) return { points, maxPoints, status, selfPoints: selfPoints ?? null, appraisal, ...given, explanation };
  return selfPoints !== undefined ? { points, maxPoints, status, selfPoints, ...given, explanation } : { points, maxPoints, status, ...given, explanation };
}

/**
 * The report with every unit's explanations filled in ({@link explainUnit} on
 * each): for a caller that sends or stores the whole report with its texts.
 * `dti score --format json` instead writes unit by unit, so the texts of one
 * unit at a time are held.
 *
 * @example
 * ```ts
 * import { scoreBatch, withExplanations } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = withExplanations(scoreBatch(getCriteria('can-tho@2022.1.0'), {
 *   units: [{ id: 'cai-khe', level: 'commune', values: { 'CQS.2.1': true } }],
 * }));
 * console.log(JSON.parse(JSON.stringify(report)).results[0].nodes['CQS.2.1'].explanation.vi); // Đạt → 15,00 điểm
 * ```
 */
export function withExplanations(report: ScoreReport): ScoreReport {
  return { ...report, results: report.results.map(explainUnit) };
}
