import * as z from 'zod';
import { RULE_KINDS, type RuleKindRegistry } from '../rules/registry.js';
import { commonSchemas } from '../format/common.js';

/** The schemas of a set, a node and a rule, for one registry of rule kinds. */
function schemasFor(kinds: RuleKindRegistry) {
  const { code: codeSchema, date: dateSchema, decimal: decimalSchema, id: idSchema, kebabId: kebabIdSchema, localized: localizedSchema, version: versionSchema } = commonSchemas();
  const perLevelSchema = z
    .union([decimalSchema, z.record(z.string(), decimalSchema)])
    .meta({ description: 'A decimal, or decimals keyed by level id: { "district": "20", "commune": "10" } / Số thập phân, hoặc theo từng cấp' });
  const levelScopeSchema = z.union([idSchema, z.strictObject({ level: idSchema, groups: z.array(idSchema).min(1) })]);
  const groupSchema = z.strictObject({ id: idSchema, name: localizedSchema, description: localizedSchema.optional() });
  const byKind: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(kinds)) byKind[name] = kind.schema();
  const rule = z.discriminatedUnion('kind', Object.values(byKind) as unknown as [z.ZodObject, ...z.ZodObject[]]);
  const node: z.ZodType = z.lazy(() => nodeObject);
  const nodeObject = z.strictObject({
    code: codeSchema,
    name: localizedSchema,
    description: localizedSchema.optional(),
    evidence: localizedSchema.optional(),
    source: z.string().optional(),
    unit: z.string().optional(),
    range: z
      .strictObject({ min: decimalSchema.optional(), max: decimalSchema.optional() })
      .optional()
      .meta({ description: 'Khoảng giá trị hợp lệ của tiêu chí nhận một số (gồm hai đầu; thay cho [0, 1] mặc định của tiêu chí tính theo %) / Leaves that take a number: the values a unit can give, bounds inclusive (replaces a % leaf\'s default [0, 1])' }),
    appliesTo: z.array(levelScopeSchema).optional(),
    aliases: z.array(codeSchema).optional(),
    points: perLevelSchema.optional(),
    allowNA: z.boolean().optional(),
    evidenceRequired: z
      .boolean()
      .optional()
      .meta({ description: 'Tiêu chí lá: đơn vị phải kèm minh chứng cho giá trị (xem evidencePolicy) / Leaves only: the unit must attach evidence for its value (see evidencePolicy)' }),
    rule: rule.optional(),
    cap: perLevelSchema.optional(),
    children: z.array(node).optional(),
  });
  const set = z.strictObject({
    $schema: z.string().optional(),
    format: z.literal(1),
    id: kebabIdSchema,
    version: versionSchema,
    status: z.enum(['draft', 'published']),
    title: localizedSchema,
    description: localizedSchema.optional(),
    basis: z.array(z.strictObject({ ref: z.string().min(1), date: dateSchema.optional(), title: localizedSchema.optional() })),
    effective: z.strictObject({ from: dateSchema, to: dateSchema.nullable() }),
    levels: z
      .array(
        z.strictObject({
          id: idSchema,
          name: localizedSchema,
          description: localizedSchema.optional(),
          groups: z.array(groupSchema).min(1).optional(),
          expectedMax: perLevelSchema.optional(),
        }),
      )
      .min(1),
    rounding: z
      .strictObject({ points: z.number().int().min(0).max(10), index: z.number().int().min(0).max(12) })
      .optional(),
    missing: z.enum(['zero', 'exclude', 'error']).optional(),
    evidencePolicy: z
      .enum(['flag', 'zero'])
      .optional()
      .meta({ description: 'Tiêu chí bắt buộc minh chứng mà thiếu minh chứng: flag (mặc định, chỉ ghi nhận) hoặc zero (0 điểm) / A leaf lacking required evidence: flag (default, listed) or zero (scores 0)' }),
    appraisalReasons: z
      .array(z.strictObject({ id: idSchema, label: localizedSchema, noteRequired: z.boolean().optional() }))
      .min(1)
      .optional()
      .meta({ description: 'Lý do thẩm định được dùng; mặc định: evidence-missing, evidence-insufficient, value-recomputed, not-applicable, other (cần ghi chú) / The reasons an appraisal may give; default: evidence-missing, evidence-insufficient, value-recomputed, not-applicable, other (needs a note)' }),
    ranking: z
      .strictObject({
        by: z.enum(['index', 'points']).optional(),
        ties: z.enum(['competition', 'dense']).optional(),
        cohort: z.enum(['level', 'level+group']).optional(),
      })
      .optional(),
    ratings: z.array(z.strictObject({ id: idSchema, name: localizedSchema, min: decimalSchema })).optional(),
    derivedFrom: z
      .strictObject({
        id: kebabIdSchema,
        version: versionSchema,
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        weights: z.record(z.string(), decimalSchema).optional(),
        points: z.record(z.string(), perLevelSchema).optional(),
        kept: z.array(codeSchema).optional(),
      })
      .optional()
      .meta({ description: 'Chỉ có ở biến thể phân tích: bộ chính thức mà nó được suy ra và các thay đổi; không bao giờ là phiên bản chính thức / Analysis variants only: the official set it was derived from and the changes; never an official version' }),
    nodes: z.array(node).min(1),
  });
  return { rule, node, nodeObject, set, kinds: byKind as Readonly<Record<string, z.ZodType>> };
}

const byRegistry = new WeakMap<RuleKindRegistry, ReturnType<typeof schemasFor>>();

/**
 * The schemas for a registry of rule kinds (the built-in kinds by default),
 * built on first use and once per registry: a set, a node, its object shape,
 * a rule, and each kind's rule schema by name.
 *
 * @internal
 */
export function schemasOf(kinds: RuleKindRegistry = RULE_KINDS): ReturnType<typeof schemasFor> {
  let found = byRegistry.get(kinds);
  if (found === undefined) {
    found = schemasFor(kinds);
    byRegistry.set(kinds, found);
  }
  return found;
}
