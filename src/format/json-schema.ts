import { z } from 'zod';
import { criteriaSetSchema } from './criteria-schema.js';
import { submissionSchema } from './submission-schema.js';

/**
 * The JSON Schema (draft 2020-12) of a criteria set file, generated from the
 * zod schemas: put `"$schema": "…/criteria.schema.json"` in a criteria file for
 * autocompletion and checks in an editor. Cross-field rules (totals, points per
 * level, ...) are checked by {@link validateCriteria}, not by JSON Schema.
 *
 * @example
 * ```ts
 * import { criteriaJsonSchema } from 'dti-criteria';
 * console.log(criteriaJsonSchema().type); // "object"
 * ```
 */
export function criteriaJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(criteriaSetSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }),
    $id: 'https://unpkg.com/dti-criteria/schema/criteria.schema.json',
    title: 'dti-criteria criteria set, format 1 / Bộ tiêu chí đánh giá chuyển đổi số',
  };
}

/**
 * The JSON Schema of a submission batch (spec section 7), for portals written
 * in other languages. Leaf codes and value shapes depend on the criteria set and
 * are checked by the scorer.
 *
 * @example
 * ```ts
 * import { submissionJsonSchema } from 'dti-criteria';
 * console.log(Object.keys(submissionJsonSchema().properties as object)); // [ "$schema", "$comment", "criteria", "period", "units" ]
 * ```
 */
export function submissionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(submissionSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }),
    $id: 'https://unpkg.com/dti-criteria/schema/submission.schema.json',
    title: 'dti-criteria submission batch / Số liệu tự đánh giá',
  };
}
