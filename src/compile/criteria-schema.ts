import * as z from 'zod';
import { RULE_KINDS, type RuleKindRegistry } from '../rules/registry.js';
import { commonSchemas } from '../format/common.js';
import { DEFAULT_APPRAISAL_REASONS } from './appraisal-reasons.js';

/** The schemas of a set, a node and a rule, for one registry of rule kinds. */
function schemasFor(kinds: RuleKindRegistry) {
  const { code: codeSchema, date: dateSchema, decimal: decimalSchema, id: idSchema, kebabId: kebabIdSchema, localized: localizedSchema, version: versionSchema } = commonSchemas();
  const perLevelSchema = z
    .union([decimalSchema, z.record(z.string(), decimalSchema)])
    .meta({ description: 'Số thập phân, hoặc theo từng cấp: { "district": "20", "commune": "10" } / A decimal, or decimals keyed by level id: { "district": "20", "commune": "10" }' });
  const levelScopeSchema = z.union([
    idSchema,
    z.strictObject({
      level: idSchema.meta({ description: 'Mã cấp / The level\'s id' }),
      groups: z.array(idSchema).min(1).meta({ description: 'Các nhóm của cấp mà nút áp dụng / The groups of the level the node applies to' }),
    }),
  ]);
  const groupSchema = z.strictObject({
    id: idSchema.meta({ description: 'Mã nhóm (A, B) / The group\'s id (A, B)' }),
    name: localizedSchema.meta({ description: 'Tên nhóm / The group\'s name' }),
    description: localizedSchema.optional().meta({ description: 'Mô tả nhóm / What the group is' }),
  });
  const byKind: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(kinds)) byKind[name] = kind.schema();
  const rule = z.discriminatedUnion('kind', Object.values(byKind) as unknown as [z.ZodObject, ...z.ZodObject[]]);
  const node: z.ZodType = z.lazy(() => nodeObject);
  const nodeObject = z.strictObject({
    code: codeSchema.meta({ description: 'Mã tiêu chí, duy nhất trong bộ, dạng chấm (CQS.1.2); mã của nút con bắt đầu bằng mã nút cha và dấu chấm / The node\'s code, unique in the set, dotted (CQS.1.2); a child\'s code starts with its parent\'s and a dot' }),
    name: localizedSchema.meta({ description: 'Tên tiêu chí / The criterion\'s name' }),
    description: localizedSchema.optional().meta({ description: 'Mô tả: đo cái gì, đơn vị ghi giá trị nào / What is measured and what a unit gives' }),
    evidence: localizedSchema.optional().meta({ description: 'Minh chứng đơn vị phải nộp, bằng lời / What proof a unit must attach, in words' }),
    source: z.string().optional().meta({ description: 'Nguồn của tiêu chí (922/QĐ-BTTTT, 7.3) / Where the criterion comes from (922/QĐ-BTTTT, 7.3)' }),
    unit: z.string().optional().meta({ description: 'Đơn vị đo (%, count, …); "%": giá trị là phân số trong [0, 1] / The unit of measure (%, count, ...); "%": the value is a fraction in [0, 1]' }),
    range: z
      .strictObject({
        min: decimalSchema.optional().meta({ description: 'Giá trị nhỏ nhất được nhận (gồm cả nó) / The least value accepted, inclusive' }),
        max: decimalSchema.optional().meta({ description: 'Giá trị lớn nhất được nhận (gồm cả nó) / The greatest value accepted, inclusive' }),
      })
      .optional()
      .meta({ description: 'Khoảng giá trị hợp lệ của tiêu chí nhận một số (gồm hai đầu; thay cho [0, 1] mặc định của tiêu chí tính theo %) / Leaves that take a number: the values a unit can give, bounds inclusive (replaces a % leaf\'s default [0, 1])' }),
    appliesTo: z.array(levelScopeSchema).optional().meta({ description: 'Các cấp (và nhóm) mà nút áp dụng; không ghi: như nút cha, ở gốc là mọi cấp / The levels (and groups) the node applies to; absent: as its parent, every level at the top' }),
    aliases: z.array(codeSchema).optional().meta({ description: 'Mã của cùng tiêu chí ở các phiên bản trước / The codes the same criterion had in earlier versions' }),
    points: perLevelSchema.optional().meta({ description: 'Tiêu chí lá: điểm tối đa P, một số hoặc theo từng cấp / Leaves: the most the leaf can earn (P), one decimal or one per level' }),
    allowNA: z.boolean().optional().meta({ description: 'Tiêu chí lá: đơn vị được trả lời "n/a" (không áp dụng) / Leaves: a unit may answer "n/a" (not applicable)', default: false }),
    evidenceRequired: z
      .boolean()
      .optional()
      .meta({ description: 'Tiêu chí lá: đơn vị phải kèm minh chứng cho giá trị (xem evidencePolicy) / Leaves only: the unit must attach evidence for its value (see evidencePolicy)', default: false }),
    rule: rule.optional().meta({ description: 'Tiêu chí lá: quy tắc chấm điểm, chọn theo kind / Leaves: the scoring rule, chosen by its kind' }),
    cap: perLevelSchema.optional().meta({ description: 'Nút tổng hợp: mức trần của tổng điểm, một số hoặc theo từng cấp / Aggregates: the most the node can total, one decimal or one per level' }),
    children: z.array(node).optional().meta({ description: 'Nút tổng hợp: các nút con, ít nhất một / Aggregates: the child nodes, at least one' }),
  });
  const set = z.strictObject({
    $schema: z.string().optional().meta({ description: 'Địa chỉ JSON Schema cho trình soạn thảo (gợi ý và kiểm tra khi gõ); không ảnh hưởng đến điểm / The JSON Schema address for editors (completion and checks as you type); no effect on scores' }),
    format: z.literal(1).meta({ description: 'Phiên bản của định dạng: 1 / The format version: 1' }),
    id: kebabIdSchema.meta({ description: 'Mã bộ tiêu chí: chữ thường, số và gạch nối (can-tho) / The set\'s id: lowercase kebab-case (can-tho)' }),
    version: versionSchema.meta({ description: 'Phiên bản NĂM.CHÍNH.PHỤ: năm của kỳ đánh giá, rồi số lần sửa (2022.1.0) / The version YEAR.MAJOR.MINOR: the assessment year, then a revision (2022.1.0)' }),
    status: z.enum(['draft', 'published']).meta({ description: 'draft: bản nháp, còn sửa; published: đã công bố, không bao giờ sửa / draft: may still change; published: never changes again' }),
    title: localizedSchema.meta({ description: 'Tên bộ tiêu chí / The set\'s title' }),
    description: localizedSchema.optional().meta({ description: 'Mô tả: bộ tiêu chí là gì, nguồn gốc, lưu ý / What the set is, its provenance, caveats' }),
    basis: z
      .array(
        z.strictObject({
          ref: z.string().min(1).meta({ description: 'Số hiệu văn bản (2088/QĐ-UBND) / The instrument\'s number (2088/QĐ-UBND)' }),
          date: dateSchema.optional().meta({ description: 'Ngày ban hành / The date it was issued' }),
          title: localizedSchema.optional().meta({ description: 'Trích yếu / Its title' }),
        }),
      )
      .meta({ description: 'Các văn bản pháp lý làm căn cứ (có thể rỗng) / The legal instruments the set rests on (may be empty)' }),
    effective: z
      .strictObject({
        from: dateSchema.meta({ description: 'Ngày bắt đầu có hiệu lực / The first day in force' }),
        to: dateSchema.nullable().meta({ description: 'Ngày cuối cùng có hiệu lực; null: chưa có ngày kết thúc / The last day in force; null: no end yet' }),
      })
      .meta({ description: 'Thời gian phiên bản này có hiệu lực / The dates this version is in force' }),
    levels: z
      .array(
        z.strictObject({
          id: idSchema.meta({ description: 'Mã cấp (department, district, commune) / The level\'s id (department, district, commune)' }),
          name: localizedSchema.meta({ description: 'Tên cấp / The level\'s name' }),
          description: localizedSchema.optional().meta({ description: 'Mô tả cấp / What the level is' }),
          groups: z.array(groupSchema).min(1).optional().meta({ description: 'Các nhóm đơn vị trong cấp; khi có, mỗi đơn vị phải ghi nhóm của mình / The groups of the level; with groups, every unit names its own' }),
          expectedMax: perLevelSchema.optional().meta({ description: 'Điểm tối đa mong đợi của một đơn vị, để kiểm tra: một số, hoặc mỗi nhóm một số / The maximum a unit can reach, a check for authors: one decimal, or one per group' }),
        }),
      )
      .min(1)
      .meta({ description: 'Các cấp đơn vị được đánh giá, ít nhất một / The kinds of unit assessed, at least one' }),
    rounding: z
      .strictObject({
        points: z.number().int().min(0).max(10).meta({ description: 'Số chữ số thập phân của điểm / Decimals kept for points' }),
        index: z.number().int().min(0).max(12).meta({ description: 'Số chữ số thập phân của chỉ số / Decimals kept for index values' }),
      })
      .optional()
      .meta({ description: 'Số chữ số thập phân giữ lại, làm tròn một lần, nửa lên / The decimals kept, rounded once, half up', default: { points: 2, index: 4 } }),
    missing: z
      .enum(['zero', 'exclude', 'error'])
      .optional()
      .meta({ description: 'Giá trị bị thiếu: zero (0 điểm, vẫn tính vào điểm tối đa), exclude (không tính vào điểm tối đa) hoặc error (từ chối đơn vị) / A missing value: zero (0 points, counted in the maximum), exclude (left out of the maximum) or error (the unit is rejected)', default: 'zero' }),
    evidencePolicy: z
      .enum(['flag', 'zero'])
      .optional()
      .meta({ description: 'Tiêu chí bắt buộc minh chứng mà thiếu minh chứng: flag (chỉ ghi nhận) hoặc zero (0 điểm) / A leaf lacking required evidence: flag (listed) or zero (scores 0)', default: 'flag' }),
    appraisalReasons: z
      .array(
        z.strictObject({
          id: idSchema.meta({ description: 'Mã lý do / The reason\'s id' }),
          label: localizedSchema.meta({ description: 'Tên lý do, hiện trong báo cáo / The reason\'s label, shown in reports' }),
          noteRequired: z.boolean().optional().meta({ description: 'true: thẩm định ghi lý do này phải có ghi chú (note) / true: an appraisal giving this reason needs a note', default: false }),
        }),
      )
      .min(1)
      .optional()
      .meta({ description: 'Các lý do thẩm định được dùng / The reasons an appraisal may give', default: DEFAULT_APPRAISAL_REASONS }),
    ranking: z
      .strictObject({
        by: z.enum(['index', 'points']).optional().meta({ description: 'Xếp theo chỉ số (index) hay theo điểm (points), đã làm tròn / Rank by the rounded index or by the rounded points', default: 'index' }),
        ties: z.enum(['competition', 'dense']).optional().meta({ description: 'Đồng hạng: competition (1, 1, 3) hoặc dense (1, 1, 2) / Ties: competition (1, 1, 3) or dense (1, 1, 2)', default: 'competition' }),
        cohort: z.enum(['level', 'level+group']).optional().meta({ description: 'Xếp hạng trong cùng cấp (level) hay cùng cấp và nhóm (level+group) / Rank within the level, or within the level and group', default: 'level' }),
      })
      .optional()
      .meta({ description: 'Cách xếp hạng các đơn vị / How units are ranked' }),
    ratings: z
      .array(
        z.strictObject({
          id: idSchema.meta({ description: 'Mã mức xếp loại (xuat-sac) / The rating\'s id (xuat-sac)' }),
          name: localizedSchema.meta({ description: 'Tên mức xếp loại / The rating\'s name' }),
          min: decimalSchema.meta({ description: 'Chỉ số (đã làm tròn) thấp nhất của mức, từ 0 đến 1 / The least rounded index of the band, 0 to 1' }),
        }),
      )
      .optional()
      .meta({ description: 'Các mức xếp loại theo chỉ số, mức cao trước; không ghi: không xếp loại / Rating bands on the index, highest first; absent: no rating' }),
    derivedFrom: z
      .strictObject({
        id: kebabIdSchema.meta({ description: 'Mã bộ chính thức / The official set\'s id' }),
        version: versionSchema.meta({ description: 'Phiên bản bộ chính thức / The official set\'s version' }),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'Mã băm sha256 của bộ chính thức / The official set\'s sha256' }),
        weights: z.record(z.string(), decimalSchema).optional().meta({ description: 'Trọng số đã đổi, theo mã nút / The weights changed, by node code' }),
        points: z.record(z.string(), perLevelSchema).optional().meta({ description: 'Điểm đã đổi, theo mã tiêu chí lá / The points changed, by leaf code' }),
        kept: z.array(codeSchema).optional().meta({ description: 'Tiêu chí lá giữ nguyên điểm (loại quy tắc không đổi tỉ lệ được: appraised) / Leaves that kept their points (a kind that cannot be rescaled: appraised)' }),
      })
      .optional()
      .meta({ description: 'Chỉ có ở biến thể phân tích: bộ chính thức mà nó được suy ra và các thay đổi; không bao giờ là phiên bản chính thức / Analysis variants only: the official set it was derived from and the changes; never an official version' }),
    nodes: z.array(node).min(1).meta({ description: 'Cây tiêu chí: các nút gốc (trụ cột), ít nhất một / The criteria tree: its top-level nodes (the pillars), at least one' }),
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
