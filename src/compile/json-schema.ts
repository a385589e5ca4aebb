import { appendAll } from '../limits.js';
import * as z from 'zod';
import { schemasOf } from './criteria-schema.js';
import { submissionSchemas } from '../format/submission-schema.js';

/** A JSON Schema object (or a part of one). */
type JsonSchema = { [key: string]: unknown };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies `rewrite` to every schema object of `node`, innermost first. */
function mapSchemas(node: unknown, rewrite: (schema: JsonSchema) => JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((item) => mapSchemas(item, rewrite));
  if (!isSchema(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = mapSchemas(value, rewrite);
  return rewrite(out);
}

/** The keywords that only ever constrain values of one JSON type, by type. */
const TYPE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  string: ['pattern', 'minLength', 'maxLength', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  object: ['properties', 'required', 'additionalProperties', 'propertyNames', 'patternProperties', 'minProperties', 'maxProperties'],
  array: ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems'],
  boolean: [],
  null: [],
};
/** Annotations a branch may carry; they are dropped when its union is merged (the union keeps its own). */
const ANNOTATIONS = new Set(['description', 'title']);

/** `integer` checks numbers: two branches of those overlap. */
const typeFamily = (type: string): string => (type === 'integer' ? 'number' : type);

/**
 * `anyOf` branches that each accept only their own JSON types, with only
 * keywords of those types, merged into one schema: `{ anyOf: [{ type: "string",
 * pattern }, { type: "number" }] }` is `{ type: ["string", "number"], pattern }`.
 * JSON Schema applies a type's keywords to values of that type only, so the
 * merged schema accepts exactly the same values; an editor then reports one
 * error for a bad value ("does not match pattern") instead of one per branch
 * plus one for the union. Returns `undefined` when the branches do not qualify.
 */
function mergeTypeUnion(branches: readonly unknown[], resolve: (schema: JsonSchema) => JsonSchema): JsonSchema | undefined {
  const merged: JsonSchema = {};
  const types: string[] = [];
  for (const raw of branches) {
    if (!isSchema(raw)) return undefined;
    const branch = resolve(raw);
    const own = typeof branch.type === 'string' ? [branch.type] : Array.isArray(branch.type) ? branch.type : undefined;
    if (own === undefined || own.length === 0 || !own.every((t): t is string => typeof t === 'string' && (t in TYPE_KEYWORDS || t === 'integer'))) return undefined;
    if (own.some((t) => types.some((seen) => typeFamily(seen) === typeFamily(t)))) return undefined;
    const allowed = new Set(own.flatMap((t) => TYPE_KEYWORDS[typeFamily(t)] ?? []));
    for (const [key, value] of Object.entries(branch)) {
      if (key === 'type' || ANNOTATIONS.has(key)) continue;
      if (!allowed.has(key) || key in merged) return undefined;
      merged[key] = value;
    }
    appendAll(types, own);
  }
  return { type: types, ...merged };
}

/** Follows a local `$ref` (`#/$defs/x`) to the schema it names. */
function resolver(root: JsonSchema): (schema: JsonSchema) => JsonSchema {
  const defs = isSchema(root.$defs) ? root.$defs : {};
  return (schema) => {
    let current = schema;
    for (let hops = 0; hops < 8 && typeof current.$ref === 'string' && Object.keys(current).length === 1; hops += 1) {
      const match = /^#\/\$defs\/(.+)$/.exec(current.$ref as string);
      const target = match ? defs[match[1]!] : undefined;
      if (!isSchema(target)) break;
      current = target;
    }
    return current;
  };
}

/** Merges every qualifying type union of `root` (see {@link mergeTypeUnion}), repeatedly until none is left. */
function mergeTypeUnions(root: JsonSchema): JsonSchema {
  let current = root;
  for (let pass = 0; pass < 8; pass += 1) {
    const before = JSON.stringify(current);
    const resolve = resolver(current);
    current = mapSchemas(current, (schema) => {
      if (!Array.isArray(schema.anyOf)) return schema;
      const { anyOf, ...rest } = schema;
      const merged = mergeTypeUnion(anyOf, resolve);
      if (merged === undefined || Object.keys(merged).some((key) => key in rest)) return schema;
      return { ...rest, ...merged };
    }) as JsonSchema;
    if (JSON.stringify(current) === before) break;
  }
  return current;
}

/** The `kind` of a branch of a rule union: `{ type: "object", properties: { kind: { const: K } } }`. */
function kindOf(branch: unknown): string | undefined {
  if (!isSchema(branch) || branch.type !== 'object' || !isSchema(branch.properties)) return undefined;
  const kind = branch.properties.kind;
  return isSchema(kind) && typeof kind.const === 'string' ? kind.const : undefined;
}

/**
 * A union of object schemas told apart by a `kind` constant (the rule union),
 * rewritten so that `kind` selects the one schema that applies: `kind` must be
 * one of the kinds, and `allOf` holds one `if: { kind: K } then: <K's schema>`
 * per kind. Editors ignore the `discriminator` keyword and report every failed
 * branch of a `oneOf`; with if/then they report only the problems of the
 * rule's own kind. The `if` also requires an object, so a rule that is not an
 * object gets one type error, not one per kind.
 */
function selectByKind(schema: JsonSchema): JsonSchema {
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (key === undefined) return schema;
  const branches = schema[key] as unknown[];
  const kinds = branches.map(kindOf);
  if (branches.length < 2 || kinds.some((kind) => kind === undefined) || new Set(kinds).size !== kinds.length) return schema;
  const { [key]: _union, ...rest } = schema;
  return {
    ...rest,
    type: 'object',
    properties: { kind: { enum: kinds, description: 'Rule kind / Loại quy tắc' } },
    required: ['kind'],
    allOf: branches.map((branch, i) => ({
      if: { type: 'object', properties: { kind: { const: kinds[i] } }, required: ['kind'] },
      then: branch,
    })),
  };
}

/** Drops the `$defs` nothing refers to any more. */
function pruneDefinitions(root: JsonSchema): JsonSchema {
  if (!isSchema(root.$defs)) return root;
  const defs = root.$defs;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!isSchema(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = /^#\/\$defs\/(.+)$/.exec(value)?.[1];
        if (name !== undefined && !used.has(name)) {
          used.add(name);
          visit(defs[name]);
        }
      } else if (node !== root || key !== '$defs') visit(value);
    }
  };
  visit(root);
  const kept = Object.fromEntries(Object.entries(defs).filter(([name]) => used.has(name)));
  const { $defs: _all, ...rest } = root;
  return Object.keys(kept).length > 0 ? { ...rest, $defs: kept } : rest;
}

/**
 * Rewrites a generated JSON Schema for editors (which check with every error
 * shown, like ajv's `allErrors`): type unions merged into one schema, and the
 * rule union selected by `kind` with if/then. Accepts exactly the same
 * documents; one typo then gives one error, on the field that is wrong.
 *
 * @param schema - a JSON Schema as `z.toJSONSchema` generates it
 * @returns the same schema, shaped for editors
 */
export function forEditors(schema: Record<string, unknown>): Record<string, unknown> {
  const merged = mergeTypeUnions(schema);
  return pruneDefinitions(mapSchemas(merged, selectByKind) as JsonSchema);
}

/**
 * The JSON Schema (draft 2020-12) of a criteria set file, generated from the
 * zod schemas: put `"$schema": "…/criteria.schema.json"` in a criteria file for
 * autocompletion and checks in an editor. Cross-field rules (totals, points per
 * level, ...) are checked by {@link safeParseCriteria}, not by JSON Schema. A
 * rule's schema is chosen by its `kind` (if/then), so a typo in a rule is one
 * error on the field that is wrong.
 *
 * @example
 * ```ts
 * import { criteriaJsonSchema } from 'dti-criteria';
 * console.log(criteriaJsonSchema().type); // "object"
 * ```
 */
export function criteriaJsonSchema(): Record<string, unknown> {
  return {
    ...forEditors(z.toJSONSchema(schemasOf().set, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' })),
    $id: 'https://unpkg.com/dti-criteria/schema/criteria.schema.json',
    title: 'dti-criteria criteria set, format 1 / Bộ tiêu chí đánh giá chuyển đổi số',
  };
}

/**
 * The JSON Schema of a submission batch ([format reference §7](../../docs/reference/criteria-format.md#7-bài-nộp)), for portals written
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
    ...z.toJSONSchema(submissionSchemas().submission, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }),
    $id: 'https://unpkg.com/dti-criteria/schema/submission.schema.json',
    title: 'dti-criteria submission batch / Số liệu tự đánh giá',
  };
}
