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
 * The statuses a node result can have ([format reference §5](../../docs/reference/criteria-format.md#5-giá-trị-thiếu-và-không-áp-dụng)).
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
  const issue = z.looseObject({
    code: z.string().meta({ description: 'Mã lỗi (criteria/missing-points) / The issue code (criteria/missing-points)' }),
    path: z.string().meta({ description: 'Đường dẫn JSON dạng chữ; các trường khác (segments, params, message, …) giữ nguyên như đã ghi / The JSON path as text; other fields (segments, params, message, ...) are kept as written' }),
  });
  return {
    criteriaStamp: z.strictObject({
      id: z.string().meta({ description: 'Mã bộ tiêu chí / The set\'s id' }),
      version: z.string().meta({ description: 'Phiên bản bộ tiêu chí / The set\'s version' }),
      sha256: z.string().meta({ description: 'SHA-256 của JSON chuẩn hóa của bộ tiêu chí / The SHA-256 of the set\'s canonical JSON' }),
    }),
    generator: z.strictObject({
      name: z.string().meta({ description: 'Tên thư viện đã chấm (dti-criteria) / The library that scored (dti-criteria)' }),
      version: z.string().meta({ description: 'Phiên bản thư viện / The library\'s version' }),
    }),
    input: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 của JSON chuẩn hóa (RFC 8785) của đầu vào đã đọc / The SHA-256 of the canonical JSON (RFC 8785) of the input as read' }) }),
    issue,
    rank: z.int().min(1).nullable(),
    rejectedUnit: z.strictObject({
      unit: z.string().meta({ description: 'Mã đơn vị bị loại / The rejected unit\'s id' }),
      position: z.int().min(0).meta({ description: 'Vị trí của đơn vị trong bài nộp, từ 0 / The unit\'s position in the submission, from 0' }),
      issues: z.array(issue).meta({ description: 'Mọi lỗi tìm thấy ở đơn vị / Every problem found in the unit' }),
    }),
  };
});

function nodeResultSchema(places: ResultsPlaces) {
  const points = fixedDecimalSchema(places.points);
  return z.strictObject({
    points: points.nullable().meta({ description: 'Điểm đạt được; null khi nút không được tính / The points earned; null when the node does not count' }),
    maxPoints: points.nullable().meta({ description: 'Điểm tối đa của đơn vị tại nút; null khi nút không được tính / The most the unit could earn here; null when the node does not count' }),
    index: fixedDecimalSchema(places.index).nullable().optional().meta({ description: 'Nút tổng hợp: points ÷ maxPoints, đã làm tròn; null khi điểm tối đa bằng 0 / Aggregates: points ÷ maxPoints, rounded; null when the maximum is 0' }),
    status: z.enum(NODE_STATUSES).meta({ description: 'Trạng thái: scored, not-applicable, missing hoặc info / The status: scored, not-applicable, missing or info' }),
    selfPoints: points.nullable().optional().meta({ description: 'Khi có giá trị thẩm định ở nút hoặc bên dưới: điểm của phần tự đánh giá / Where an appraised value lies at or below the node: the self-assessment\'s points' }),
    appraisal: z
      .strictObject({
        reason: z.string().meta({ description: 'Mã lý do thẩm định / The reason\'s id' }),
        note: z.string().optional().meta({ description: 'Ghi chú của thẩm định / The appraisal\'s note' }),
        at: commonSchemas().date.optional().meta({ description: 'Ngày thẩm định / The date of the appraisal' }),
        by: z.string().optional().meta({ description: 'Người thẩm định, chỉ khi được yêu cầu (withAppraisers) / Who appraised, only when asked (withAppraisers)' }),
      })
      .optional()
      .meta({ description: 'Tiêu chí lá được thẩm định qua appraisal: lý do, ghi chú, ngày / A leaf appraised through appraisal: the reason, note and date' }),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional().meta({ description: 'Tiêu chí info: giá trị được ghi nhận / info leaves: the value recorded' }),
    given: z
      .strictObject({
        self: z.json().optional().meta({ description: 'Giá trị tự đánh giá như đơn vị đã ghi / The self-assessed value as the unit gave it' }),
        appraised: z.json().optional().meta({ description: 'Giá trị thẩm định như đã ghi / The appraised value as given' }),
      })
      .optional()
      .meta({ description: 'Tiêu chí lá, khi chấm với keepInputs (dti score --keep-inputs): giá trị đơn vị đã nộp / Leaves scored with keepInputs (dti score --keep-inputs): the values as given' }),
    explanation: commonSchemas().localized.optional().meta({ description: 'Lời giải thích phép tính, tiếng Việt và tiếng Anh / The computation in words, Vietnamese and English' }),
  });
}

/** One unit's result, fields in the order the scorer writes them. */
export function unitResultSchema(places: ResultsPlaces) {
  const points = fixedDecimalSchema(places.points);
  const rankSchema = resultsSchemas().rank;
  return z.strictObject({
    unit: z.string().min(1).meta({ description: 'Mã đơn vị, như đã đọc (cắt khoảng trắng, NFC) / The unit\'s id as read (trimmed, NFC)' }),
    name: z.string().nullable().meta({ description: 'Tên đơn vị; null khi bài nộp không ghi / The unit\'s name; null when the submission gives none' }),
    level: z.string().meta({ description: 'Mã cấp / The level\'s id' }),
    group: z.string().nullable().meta({ description: 'Mã nhóm; null khi cấp không có nhóm / The group\'s id; null for a level without groups' }),
    parent: z.string().nullable().meta({ description: 'Mã đơn vị cấp trên; null khi không ghi / The id of the unit above; null when none is given' }),
    input: resultsSchemas().input.optional().meta({ description: 'Dấu đầu vào của đơn vị (khi chấm với inputHashes, như dti score --format json) / The unit\'s input stamp (when scored with inputHashes, as dti score --format json does)' }),
    points: points.meta({ description: 'Tổng điểm / The total points' }),
    maxPoints: points.meta({ description: 'Tổng điểm tối đa của đơn vị / The most the unit could earn' }),
    index: fixedDecimalSchema(places.index).nullable().meta({ description: 'Chỉ số points ÷ maxPoints, đã làm tròn; null khi điểm tối đa bằng 0 / The index points ÷ maxPoints, rounded; null when the maximum is 0' }),
    rating: z.string().nullable().meta({ description: 'Mã mức xếp loại; null khi không có mức nào / The rating\'s id; null when no band applies' }),
    rank: rankSchema.meta({ description: 'Thứ hạng trong nhóm xếp hạng; null khi chỉ số là null / The rank within the cohort; null when the index is null' }),
    rankInParent: rankSchema.meta({ description: 'Thứ hạng giữa các đơn vị cùng cấp có cùng parent; null khi không có parent / The rank among units of the same level with the same parent; null without a parent' }),
    selfPoints: points.optional().meta({ description: 'Khi có giá trị thẩm định: tổng điểm tự đánh giá / With appraised values: the self-assessed total' }),
    difference: points.optional().meta({ description: 'Khi có giá trị thẩm định: points − selfPoints / With appraised values: points − selfPoints' }),
    evidence: z
      .strictObject({
        lacking: z.array(z.string()).meta({ description: 'Mã các tiêu chí thiếu minh chứng bắt buộc, theo thứ tự cây / The leaves lacking required evidence, in tree order' }),
        flags: z.array(resultsSchemas().issue).meta({ description: 'Các ghi nhận không loại đơn vị (evidence/incomplete, …) / The findings that do not reject the unit (evidence/incomplete, ...)' }),
      })
      .optional()
      .meta({ description: 'Khi bộ bắt buộc minh chứng ở một tiêu chí của đơn vị, hoặc đơn vị có gửi minh chứng / When the set requires evidence on a leaf of the unit, or the unit gave evidence' }),
    nodes: z.record(z.string(), nodeResultSchema(places)).meta({ description: 'Kết quả từng nút áp dụng cho đơn vị, theo thứ tự cây / The result of every node that applies to the unit, in tree order' }),
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
    criteria: criteriaStamp.meta({ description: 'Dấu bộ tiêu chí đã dùng để chấm / The stamp of the set that scored' }),
    period: z.string().nullable().meta({ description: 'Kỳ đánh giá; null khi bài nộp không ghi / The period; null when the submission names none' }),
    results: units.meta({ description: 'Kết quả từng đơn vị, theo thứ tự nộp / Each unit\'s result, in the order submitted' }),
    rejected: z.array(rejectedUnit).meta({ description: 'Đơn vị bị loại khi chấm với skipInvalid (--skip-invalid); không thì rỗng / Units rejected under skipInvalid (--skip-invalid); empty otherwise' }),
    warnings: z.array(issue).meta({ description: 'Cảnh báo không ngăn việc chấm (version/out-of-period, version/draft) / Warnings that do not stop scoring (version/out-of-period, version/draft)' }),
  };
  if (format === 0) return z.strictObject(body);
  return z.strictObject({
    format: z.literal(1).meta({ description: 'Phiên bản định dạng tệp kết quả: 1, luôn là khóa đầu tiên / The results format version: 1, always the first key' }),
    criteria: body.criteria,
    derivedFrom: criteriaStamp.optional().meta({ description: 'Chấm bằng biến thể phân tích: dấu của bộ chính thức; không bao giờ là kết quả chính thức / Scored with an analysis variant: the official set\'s stamp; never an official result' }),
    generator: generator.meta({ description: 'Thư viện đã chấm / The library that scored' }),
    input: input.optional().meta({ description: 'Dấu đầu vào của cả lô (khi chấm với inputHashes) / The batch\'s input stamp (when scored with inputHashes)' }),
    period: body.period,
    results: body.results,
    rejected: body.rejected,
    warnings: body.warnings,
  });
}
