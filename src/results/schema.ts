import * as z from 'zod';
import { commonSchemas } from '../format/common.js';
import { once } from '../format/once.js';
import { fixedDecimalSchema } from './decimals.js';

/** Decimals kept for points and for index values (a criteria set's `rounding`). */
export interface ResultsPlaces {
  readonly points: number;
  readonly index: number;
}

/**
 * The statuses a node result can have (spec section 5).
 *
 * @example
 * ```ts
 * import { NODE_STATUSES } from 'dti-criteria';
 * console.log(NODE_STATUSES); // ["scored","not-applicable","missing","info"]
 * ```
 */
export const NODE_STATUSES = ['scored', 'not-applicable', 'missing', 'info'] as const;

/**
 * The parts of a results file that do not depend on its decimals, built on
 * first use (see `once`): the criteria stamp (which set, which version, the
 * sha256 of its canonical JSON), the generator stamp (format 1), an issue as
 * the input stamp (`{ sha256 }`, optional: format-1 files written before
 * it have none), an issue as a results file holds it (in `rejected[].issues` and `warnings`, checked
 * loosely: a `code` and a `path`, both text; other fields are kept as they
 * are), a rank and a rejected unit.
 *
 * @internal
 */
export const resultsSchemas = once(() => {
  const issue = z.looseObject({ code: z.string(), path: z.string() });
  return {
    criteriaStamp: z.strictObject({ id: z.string(), version: z.string(), sha256: z.string() }),
    generator: z.strictObject({ name: z.string(), version: z.string() }),
    input: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    issue,
    rank: z.int().min(1).nullable(),
    rejectedUnit: z.strictObject({ unit: z.string(), position: z.int().min(0), issues: z.array(issue) }),
  };
});

function nodeResultSchema(places: ResultsPlaces) {
  const points = fixedDecimalSchema(places.points);
  return z.strictObject({
    points: points.nullable(),
    maxPoints: points.nullable(),
    index: fixedDecimalSchema(places.index).nullable().optional(),
    status: z.enum(NODE_STATUSES),
    selfPoints: points.nullable().optional(),
    appraisal: z.strictObject({ reason: z.string(), note: z.string().optional(), at: commonSchemas().date.optional(), by: z.string().optional() }).optional(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    given: z.strictObject({ self: z.json().optional(), appraised: z.json().optional() }).optional(),
    explanation: commonSchemas().localized.optional(),
  });
}

/** One unit's result, fields in the order the scorer writes them. */
export function unitResultSchema(places: ResultsPlaces) {
  const points = fixedDecimalSchema(places.points);
  const rankSchema = resultsSchemas().rank;
  return z.strictObject({
    unit: z.string().min(1),
    name: z.string().nullable(),
    level: z.string(),
    group: z.string().nullable(),
    parent: z.string().nullable(),
    input: resultsSchemas().input.optional(),
    points,
    maxPoints: points,
    index: fixedDecimalSchema(places.index).nullable(),
    rating: z.string().nullable(),
    rank: rankSchema,
    rankInParent: rankSchema,
    selfPoints: points.optional(),
    difference: points.optional(),
    evidence: z.strictObject({ lacking: z.array(z.string()), flags: z.array(resultsSchemas().issue) }).optional(),
    nodes: z.record(z.string(), nodeResultSchema(places)),
  });
}

/**
 * The strict zod schema of a results file (what `dti score --format json`
 * prints), for a set that rounds points and index values to `places`
 * decimals: unknown fields are refused, every figure is a plain decimal
 * string with exactly the set's decimals, statuses come from the known list.
 * `format` 1 (the default) is today's layout, `format` first, with the input stamps (`input`, per unit and for the batch) and the stamp of the official set an analysis variant was derived from (`derivedFrom`) optional; `format` 0 is
 * the layout before, without `format` and `generator`.
 *
 * The schema checks the shape only; {@link safeParseScoreReport} also checks
 * the file against its criteria set (stamp, units, nodes, arithmetic, ratings
 * and ranks) and reports every problem as a coded issue.
 *
 * @example
 * ```ts
 * import { scoreBatch, scoreReportSchema } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const report = scoreBatch(getCriteria('can-tho@2022.1.0'), { units: [{ id: 'cai-khe', level: 'commune', values: {} }] });
 * const schema = scoreReportSchema({ points: 2, index: 4 });
 * console.log(schema.safeParse(report).success); // true
 * console.log(schema.safeParse({ ...report, total: 1 }).success); // false
 * ```
 */
export function scoreReportSchema(places: ResultsPlaces, format: 0 | 1 = 1) {
  const units = z.array(unitResultSchema(places));
  const { criteriaStamp, rejectedUnit, issue, generator, input } = resultsSchemas();
  const body = {
    criteria: criteriaStamp,
    period: z.string().nullable(),
    results: units,
    rejected: z.array(rejectedUnit),
    warnings: z.array(issue),
  };
  if (format === 0) return z.strictObject(body);
  return z.strictObject({ format: z.literal(1), criteria: body.criteria, derivedFrom: criteriaStamp.optional(), generator, input: input.optional(), period: body.period, results: units, rejected: body.rejected, warnings: body.warnings });
}
