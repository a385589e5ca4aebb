import * as z from 'zod';
import type { CompiledCriteria, CompiledNode } from '../compile/compiled.js';
import { commonSchemas } from '../format/common.js';
import { coded } from '../format/coded.js';
import { submissionSchemas, type UnitSubmission } from '../format/submission-schema.js';
import type { CriteriaSet } from '../compile/types.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { Issue } from '../errors.js';
import { fromZodIssues } from '../format/zod-issues.js';
import { idKey } from '../format/identity.js';
import { unitValueIssues } from '../scoring/values.js';
import type { Exact } from '../exact/exact.js';
import type { InputOption, InputShape } from '../rules/input-shape.js';
import { leavesFor, resolveScope, type FormScope } from './scope.js';

// The schemas below describe a leaf's value for JSON Schema only (`leafSchema`): the values themselves
// are checked by the scorer's own readers (`build`). So they carry no refinement, only the keywords a
// portal in another language validates with.
// JSON Schema keywords added next to the decimal schema's `anyOf` (string | number): `pattern`
// constrains the string branch only, `minimum` / `maximum` / `multipleOf` the number branch only.
/** A decimal string that is not negative (`"-0"` reads as 0, as in the scorer). */
const NON_NEGATIVE_PATTERN = '^(?:\\d+(?:\\.\\d+)?|-0+(?:\\.0+)?)$';
/** A whole decimal string `>= 0` (`"3"`, `"3.0"`). */
const WHOLE_PATTERN = '^(?:\\d+(?:\\.0+)?|-0+(?:\\.0+)?)$';
/** `"n/a"` as the scorer recognises it: trimmed, any case. */
const NA_PATTERN = '^\\s*[nN]/[aA]\\s*$';

const nonNegative = (): z.ZodType => commonSchemas().nonNegativeDecimal.meta({ pattern: NON_NEGATIVE_PATTERN, minimum: 0 });

const whole = (): z.ZodType => commonSchemas().nonNegativeDecimal.meta({ pattern: WHOLE_PATTERN, minimum: 0, multipleOf: 1 });

/** A whole decimal, of either sign. */
const wholeDecimal = (): z.ZodType => commonSchemas().decimal.meta({ multipleOf: 1 });

/** `{ numerator, denominator }` (`n <= d` is the scorer's to check: JSON Schema cannot compare two fields). */
const fraction = (): z.ZodType => z.strictObject({ numerator: nonNegative(), denominator: nonNegative() });

function appraisedPoints(max: Exact): z.ZodType {
  const text = max.toString();
  return commonSchemas().nonNegativeDecimal.meta({ pattern: NON_NEGATIVE_PATTERN, minimum: 0, maximum: Number(text), description: `Điểm 0..${text} / points 0..${text}` });
}

function info(allowNA: boolean): z.ZodType {
  const text = allowNA ? z.string() : z.string().meta({ not: { pattern: NA_PATTERN } });
  return z.union([text, z.number(), z.boolean(), z.null()]);
}

function checklist(items: readonly InputOption[]): z.ZodType {
  const ids = items.map((item) => item.id) as [string, ...string[]];
  const list = z.array(z.enum(ids)).meta({ uniqueItems: true });
  const flags = z.strictObject(Object.fromEntries(ids.map((id) => [id, z.boolean().optional()])));
  return z.union([list, flags]);
}

/** A `number` input's schema: a decimal, whole and within bounds as the shape says. */
function numberSchema(shape: Extract<InputShape, { type: 'number' }>): z.ZodType {
  const { min, max } = shape;
  // A kind's own `>= 0` (counts, relative values) keeps its string pattern; a leaf's domain (format reference §9) is given as bounds.
  const domain = max !== undefined || shape.percent || (min !== undefined && !min.isZero());
  const nonNegativeOnly = !domain && min !== undefined;
  const plain = nonNegativeOnly ? (shape.whole ? whole() : nonNegative()) : shape.whole ? wholeDecimal() : commonSchemas().decimal;
  const number = domain ? plain.meta({ ...(min !== undefined ? { minimum: Number(min.toString()) } : {}), ...(max !== undefined ? { maximum: Number(max.toString()) } : {}) }) : plain;
  return shape.orFraction ? z.union([fraction(), number]) : number;
}

/** The schema of one leaf's value, `"n/a"` aside. */
function valueSchema(shape: InputShape, allowNA: boolean): z.ZodType {
  switch (shape.type) {
    case 'yes-no':
      return z.boolean();
    case 'fraction':
      return fraction();
    case 'number':
      return numberSchema(shape);
    case 'one-of':
      return z.enum(shape.options.map((option) => option.id) as [string, ...string[]]);
    case 'any-of':
      return checklist(shape.items);
    case 'points':
      return appraisedPoints(shape.max);
    case 'note':
      return info(allowNA);
  }
}

function answerSchema(node: CompiledNode, level: string): z.ZodType {
  const leaf = node.leaf!;
  const shape = inputOfLeaf(leaf, level);
  const value = valueSchema(shape, leaf.allowNA);
  if (!leaf.allowNA || shape.type === 'note') return value;
  return z.union([value, z.string().meta({ const: 'n/a' })]);
}

interface Built {
  readonly schema: z.ZodType<UnitSubmission>;
  readonly required: readonly string[];
}

/**
 * A leaf's value in the unit schema: checked by the scorer's own reader (see
 * `build`), described for JSON Schema by the leaf's shape (the fragment a
 * portal in another language validates with).
 */
function leafSchema(node: CompiledNode, level: string): z.ZodType {
  return z.unknown().optional().meta(leafFragment(node, level));
}

/** The JSON Schema of a leaf's value at `level` (see {@link leafSchema}). */
function leafFragment(node: CompiledNode, level: string): Record<string, unknown> {
  const { $schema: _drop, ...fragment } = z.toJSONSchema(answerSchema(node, level), { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return fragment;
}

/** A schema that accepts anything, described in JSON Schema as `schema` (its values are checked elsewhere). */
function describedOnly(schema: z.ZodType): z.ZodType {
  const { $schema: _drop, ...fragment } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return z.unknown().optional().meta(fragment);
}

/** The submission schema's issues for the field `key` (none when it is absent or well formed). */
function shapeOf(value: unknown, schema: z.ZodType, key: string): Issue[] {
  if (value === undefined) return [];
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fromZodIssues(parsed.error.issues, value, [key]);
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The scorer's issues as zod issues (the code and its parameters in `params`, the message in both languages). */
function addIssues(ctx: z.core.$RefinementCtx, issues: readonly Issue[]): void {
  for (const issue of issues) {
    ctx.addIssue({ code: 'custom', path: [...issue.segments], ...coded(issue.code, issue.params), message: `${issue.message.vi} / ${issue.message.en}`, input: undefined });
  }
}

const cache = new WeakMap<CompiledCriteria, Map<string, Built>>();

function build(scope: FormScope): Built {
  let byAtom = cache.get(scope.compiled);
  if (!byAtom) {
    byAtom = new Map();
    cache.set(scope.compiled, byAtom);
  }
  const hit = byAtom.get(scope.atom);
  if (hit) return hit;
  const leaves = leavesFor(scope.compiled, scope.atom);
  // Keys and values are the scorer's to check (below), so that its codes and messages are the schema's;
  // JSON Schema still lists the leaves and refuses any other key.
  const values = z
    .looseObject(Object.fromEntries(leaves.map((node) => [node.code, leafSchema(node, scope.level)])))
    .meta({ description: 'Giá trị theo mã tiêu chí lá / Values keyed by leaf code', additionalProperties: false });
  // Evidence and appraisal (format reference §12): described for JSON Schema (the leaves that apply as keys, an appraisal's
  // value like the leaf's, its reason one of the set's); checked by the submission schema's shapes, then by the
  // scorer's readers (below), so that their issues are the scorer's.
  const reasons = [...scope.compiled.appraisalReasons.keys()] as [string, ...string[]];
  const appraisalEntry = (node: CompiledNode): z.ZodType =>
    z.strictObject({ value: z.unknown().meta(leafFragment(node, scope.level)), reason: z.enum(reasons), note: z.string().optional(), by: z.string().optional(), at: z.string().optional().meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }).optional();
  const evidence = describedOnly(
    z.looseObject(Object.fromEntries(leaves.map((node) => [node.code, z.array(submissionSchemas().evidenceEntry).optional()]))).meta({ description: 'Minh chứng theo mã tiêu chí lá / Evidence keyed by leaf code', additionalProperties: false }),
  );
  const appraisal = describedOnly(
    z.looseObject(Object.fromEntries(leaves.map((node) => [node.code, appraisalEntry(node)]))).meta({ description: 'Thẩm định kèm lý do theo mã tiêu chí lá / Appraisal with reasons keyed by leaf code', additionalProperties: false }),
  );
  const required = scope.compiled.missing === 'error' ? leaves.filter((node) => node.leaf?.rule.scored).map((node) => node.code) : [];
  const { compiled, atom } = scope;
  const unit = z
    .strictObject({
      id: submissionSchemas().unitId,
      name: z.string().optional(),
      level: z.literal(scope.level),
      group: scope.group === undefined ? z.null().optional() : z.literal(scope.group),
      parent: submissionSchemas().unitId.nullable().optional(),
      values,
      appraised: values.optional(),
      appraisal: appraisal.optional(),
      evidence: evidence.optional(),
    })
    // Run even when another field is wrong (a bad id), as the scorer reports every problem at once.
    .superRefine(
      (data, ctx) => {
        const { id, values: given, appraised, appraisal: rich, evidence: proofs } = data as { id?: unknown; values?: unknown; appraised?: unknown; appraisal?: unknown; evidence?: unknown };
        if (!isRecord(given) || (appraised !== undefined && !isRecord(appraised))) return;
        // The shapes of `appraisal` and `evidence` must hold for the scorer to read them.
        const shapeIssues = [shapeOf(rich, submissionSchemas().appraisal, 'appraisal'), shapeOf(proofs, submissionSchemas().evidence, 'evidence')].flat();
        if (shapeIssues.length > 0) return addIssues(ctx, shapeIssues);
        const unitId = typeof id === 'string' ? idKey(id) : '';
        const unit = { id: unitId, level: scope.level, values: given, ...(appraised !== undefined ? { appraised } : {}), ...(rich !== undefined ? { appraisal: rich } : {}), ...(proofs !== undefined ? { evidence: proofs } : {}) };
        addIssues(ctx, unitValueIssues(compiled, atom, unit as UnitSubmission));
      },
      { when: () => true },
    );
  const built: Built = { schema: unit as unknown as z.ZodType<UnitSubmission>, required };
  byAtom.set(scope.atom, built);
  return built;
}

/**
 * A strict zod schema of one unit's submission at `level` (and `group`), for
 * server-side checks: `level` and `group` fixed; `values` (and the optional
 * `appraised`) an object with only the leaves that apply, each optional, each
 * value of the exact shape its rule reads ([format reference §4](../../docs/reference/criteria-format.md#4-quy-tắc-chấm-điểm)), or `"n/a"` where
 * the leaf allows it. Under `missing: error` every scored leaf must be
 * answered in `values` or `appraised`. A unit it accepts passes the scorer's
 * checks.
 *
 * One vocabulary: the keys and values are checked by the scorer's own
 * readers, so each problem is the scorer's issue for the same input: its
 * code and parameters under the zod issue's `params.dti`, its message in
 * Vietnamese and English as the zod issue's `message`, at the same path
 * (`values["CQS.1.3"].numerator`); they are reported even when another
 * field (the `id`) is wrong too.
 *
 * Stricter than the scorer on the form only: decimals must be written plainly
 * (no surrounding spaces) and `"n/a"` in lower case. For a level without groups
 * `group` may be absent or `null`. Schemas are cached per set and level/group.
 *
 * Throws a {@link DtiError} for an invalid set or a bad level or group (see {@link formFields}).
 *
 * @example
 * ```ts
 * import { unitSubmissionSchemaFor } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const schema = unitSubmissionSchemaFor(getCriteria('can-tho@2022.1.0'), 'district');
 * const ok = schema.safeParse({ id: 'ninh-kieu', level: 'district', values: { 'CQS.1.3': { numerator: 12, denominator: 15 } } });
 * console.log(ok.success); // true
 * const bad = schema.safeParse({ id: 'ninh-kieu', level: 'district', values: { 'CQS.1.3': { numerator: -1, denominator: 15 } } });
 * console.log(bad.error?.issues[0]?.path); // ["values", "CQS.1.3", "numerator"]
 * console.log(bad.error?.issues[0]?.message); // đơn vị "ninh-kieu": giá trị không được âm / unit "ninh-kieu": value must not be negative
 * ```
 */
export function unitSubmissionSchemaFor(criteria: CriteriaSet, level: string, group?: string | null): z.ZodType<UnitSubmission> {
  return build(resolveScope(criteria, level, group)).schema;
}

/**
 * {@link unitSubmissionSchemaFor} as a JSON Schema (draft 2020-12, input
 * side), for portals written in other languages. It checks the same shapes
 * and bounds (unknown codes, option and item ids, unique items, `>= 0`, whole
 * counts, `"n/a"` only where allowed and, under `missing: error`, each scored
 * leaf answered in `values` or `appraised`), except three checks JSON Schema
 * cannot express, left to the zod schema and the scorer:
 * `numerator <= denominator`; an `appraised` leaf's points above `P` when
 * written as a string (a number is bounded); decimals of more than 30
 * significant digits.
 *
 * @example
 * ```ts
 * import { unitSubmissionJsonSchemaFor } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const schema = unitSubmissionJsonSchemaFor(getCriteria('can-tho@2022.1.0'), 'department', 'C');
 * console.log(schema.$schema); // https://json-schema.org/draft/2020-12/schema
 * const values = (schema.properties as Record<string, { properties: Record<string, unknown> }>).values;
 * console.log(values?.properties['CQS.4.2']); // {"type":"string","enum":["chuyen-trach","kiem-nhiem","chua-co"]}
 * ```
 */
export function unitSubmissionJsonSchemaFor(criteria: CriteriaSet, level: string, group?: string | null): Record<string, unknown> {
  const scope = resolveScope(criteria, level, group);
  const { schema, required } = build(scope);
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  const set = scope.compiled.set;
  return {
    ...json,
    title: `${set.id}@${set.version}: ${scope.atom} / Số liệu tự đánh giá của một đơn vị`,
    ...(required.length > 0
      ? {
          allOf: required.map((code) => ({
            anyOf: [
              { properties: { values: { required: [code] } } },
              { required: ['appraised'], properties: { appraised: { required: [code] } } },
            ],
          })),
        }
      : {}),
  };
}
