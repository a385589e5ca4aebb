// The field tables of the format reference, read from the library's zod schemas: every object a
// criteria set, a submission or a results file can hold, each field with its type, whether it is
// required (or its default) and its meaning in Vietnamese and English, from the field's own
// description (`.meta({ description: "vi / en" })`). A field without one stops the generator.
import * as z from 'zod';
import { schemasOf } from '../../src/compile/criteria-schema.js';
import { commonSchemas, DECIMAL_PATTERN } from '../../src/format/common.js';
import { CRITERIA_REF_PATTERN } from '../../src/format/reference.js';
import { submissionSchemas } from '../../src/format/submission-schema.js';
import { fixedDecimalSchema } from '../../src/results/decimals.js';
import { scoreReportSchema } from '../../src/results/schema.js';
import { RULE_KINDS } from '../../src/rules/registry.js';

/** Text in both languages. */
export interface Both {
  readonly vi: string;
  readonly en: string;
}

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { readonly type: string };

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;
const parentOf = (schema: Schema): Schema | undefined => (schema._zod as { parent?: Schema }).parent;
const metaOf = (schema: Schema): Record<string, unknown> | undefined => z.globalRegistry.get(schema) as Record<string, unknown> | undefined;

/** The schema a clone (`.meta()`, a check) was made from, followed to the first one. */
export function originOf(schema: Schema): Schema {
  let current = schema;
  for (let parent = parentOf(current); parent !== undefined; parent = parentOf(current)) current = parent;
  return current;
}

/** The description a schema carries itself, not one it inherits from the schema it was cloned from. */
function ownDescription(schema: Schema): string | undefined {
  const own = metaOf(schema)?.description;
  if (typeof own !== 'string') return undefined;
  const parent = parentOf(schema);
  return parent !== undefined && metaOf(parent)?.description === own ? undefined : own;
}

/** `"vi / en"` split at its first ` / `; Vietnamese first (a Vietnamese letter in the first part). */
export function splitDescription(text: string, where: string): Both {
  const at = text.indexOf(' / ');
  if (at < 0) throw new Error(`${where}: the description "${text}" is not "Vietnamese / English"`);
  const both = { vi: text.slice(0, at).trim(), en: text.slice(at + 3).trim() };
  if (!VIETNAMESE_LETTER.test(both.vi)) throw new Error(`${where}: the description "${text}" does not start with Vietnamese`);
  return both;
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** A named kind of value: a row of the reference's table of types, and what a field of that type shows. */
export interface NamedType {
  readonly key: string;
  readonly name: Both;
  readonly meaning: Both;
}

/**
 * The value types the tables name instead of spelling out, each recognised by
 * the schema instance the library builds it with (or a string pattern).
 */
function namedTypes(): { readonly byOrigin: Map<Schema, NamedType>; readonly byPattern: Map<string, NamedType>; readonly all: readonly NamedType[] } {
  const common = commonSchemas();
  const unit = submissionSchemas();
  const t = (key: string, vi: string, en: string, meaningVi: string, meaningEn: string): NamedType => ({ key, name: { vi, en }, meaning: { vi: meaningVi, en: meaningEn } });
  const decimal = t('decimal', 'thập phân', 'decimal', 'Chuỗi JSON chứa số thập phân viết thường (`"12.5"`, `"-3"`, `"020"`) hoặc số JSON (`0.8` được đọc là `"0.8"`). Không nhận số mũ (`"1e3"`), dấu phẩy (`"1,5"`), khoảng trắng, `NaN`, quá 30 chữ số có nghĩa (`schema/decimal`).', 'A JSON string holding a plain decimal (`"12.5"`, `"-3"`, `"020"`) or a JSON number (`0.8` reads as `"0.8"`). No exponent (`"1e3"`), comma (`"1,5"`), spaces or `NaN`, at most 30 significant digits (`schema/decimal`).');
  const localized = t('localized', 'văn bản song ngữ', 'localized text', '`{ "vi": "…", "en": "…" }`: tiếng Việt bắt buộc, tiếng Anh tùy chọn; không có khóa nào khác.', '`{ "vi": "…", "en": "…" }`: Vietnamese required, English optional; no other key.');
  const kebab = t('kebab-id', 'mã gạch nối', 'kebab id', 'Chữ thường không dấu và chữ số, nối bằng `-` (`can-tho`, `xuat-sac`).', 'Lowercase ASCII letters and digits joined by `-` (`can-tho`, `xuat-sac`).');
  const id = t('id', 'mã', 'id', 'Chữ cái ASCII, chữ số, `-` và `_`, bắt đầu bằng chữ cái hoặc chữ số (`commune`, `A`, `head`).', 'ASCII letters, digits, `-` and `_`, starting with a letter or digit (`commune`, `A`, `head`).');
  const code = t('code', 'mã tiêu chí', 'code', 'Các phần nối bằng dấu chấm, phần đầu bắt đầu bằng chữ cái (`CQS`, `CQS.1`, `CQS.1.2`).', 'Parts joined by dots, the first starting with a letter (`CQS`, `CQS.1`, `CQS.1.2`).');
  const version = t('version', 'phiên bản', 'version', '`NĂM.CHÍNH.PHỤ` (`2022.1.0`).', '`YEAR.MAJOR.MINOR` (`2022.1.0`).');
  const date = t('date', 'ngày', 'date', 'Một ngày có thật, viết `YYYY-MM-DD` (`2022-07-14`).', 'A real date written `YYYY-MM-DD` (`2022-07-14`).');
  const perLevel = t('per-level', 'thập phân theo cấp', 'per-level decimal', 'Một số thập phân (như nhau ở mọi cấp), hoặc đối tượng theo mã cấp: `{ "district": "20", "commune": "10" }`.', 'One decimal (the same at every level), or an object keyed by level id: `{ "district": "20", "commune": "10" }`.');
  const unitId = t('unit-id', 'mã đơn vị', 'unit id', 'Chữ cái ASCII và chữ tiếng Việt có dấu, chữ số, `-`, `_`, `.`; so sánh sau khi cắt khoảng trắng hai đầu và chuẩn hóa NFC (xem mục 10).', 'ASCII and Vietnamese letters, digits, `-`, `_`, `.`; compared after trimming and Unicode NFC (see section 10).');
  const ref = t('criteria-ref', 'tên bộ tiêu chí', 'criteria reference', '`id` hoặc `id@phiên-bản` (`can-tho`, `can-tho@2022.1.0`); không bao giờ là đường dẫn tệp.', '`id` or `id@version` (`can-tho`, `can-tho@2022.1.0`); never a file path.');
  const sha = t('sha256', 'mã băm', 'sha256', '64 chữ số thập lục phân (0–9, a–f).', '64 hexadecimal digits (0–9, a–f).');
  const points = t('points-figure', 'số điểm công bố', 'published points', 'Chuỗi thập phân với đúng `rounding.points` chữ số sau dấu chấm (`"812.50"`).', 'A decimal string with exactly `rounding.points` decimals (`"812.50"`).');
  const index = t('index-figure', 'chỉ số công bố', 'published index', 'Chuỗi thập phân với đúng `rounding.index` chữ số sau dấu chấm (`"0.8125"`).', 'A decimal string with exactly `rounding.index` decimals (`"0.8125"`).');
  const byOrigin = new Map<Schema, NamedType>([
    [originOf(common.decimal), decimal],
    [originOf(common.localized), localized],
    [originOf(common.kebabId), kebab],
    [originOf(common.id), id],
    [originOf(common.code), code],
    [originOf(common.version), version],
    [originOf(common.date), date],
    [originOf(unit.unitId), unitId],
    [originOf(fixedDecimalSchema(2)), points],
    [originOf(fixedDecimalSchema(4)), index],
  ]);
  const perLevelSchema = schemasOf().nodeObject.shape.points;
  byOrigin.set(originOf(innermost(perLevelSchema)), perLevel);
  const byPattern = new Map<string, NamedType>([
    [String(CRITERIA_REF_PATTERN), ref],
    [String(/^[0-9a-f]{64}$/), sha],
    [String(/^[0-9a-fA-F]{64}$/), sha],
    [String(/^\d{4}-\d{2}-\d{2}$/), date],
    [String(new RegExp(DECIMAL_PATTERN)), decimal],
  ]);
  return { byOrigin, byPattern, all: [decimal, perLevel, localized, kebab, id, code, unitId, version, date, ref, sha, points, index] };
}

/** The schema inside `optional`, `nullable` and `default` wrappers. */
function innermost(schema: Schema): Schema {
  let current = schema;
  for (let def = defOf(current); def.type === 'optional' || def.type === 'nullable' || def.type === 'default'; def = defOf(current)) current = def.innerType as Schema;
  return current;
}

/** One row of a field table. */
export interface FieldRow {
  readonly name: string;
  readonly type: Both;
  readonly required: boolean;
  readonly nullable: boolean;
  readonly defaultValue: unknown;
  readonly meaning: Both;
}

/** An object the format holds, found by walking from a root schema. */
export interface ObjectEntry {
  /** Where it was first found: `set.levels[].groups[]`, `rule:bands.bands[]`, `report.results[].nodes{}`. */
  readonly path: string;
  readonly schema: z.ZodObject;
  /** Fields other than the listed ones are kept as written (a results file's issues). */
  readonly loose: boolean;
}

const KIND_FIELD: Both = { vi: 'Loại quy tắc', en: 'The rule kind' };

/** The objects of the format, each once, and the named types, for the generator and its test. */
export class FormatSchemas {
  readonly types = namedTypes();
  /** The descriptions the named types carry themselves, by origin. */
  readonly typeDescriptions = new Map<Schema, string>();
  readonly objects = new Map<Schema, ObjectEntry>();
  readonly byPath = new Map<string, ObjectEntry>();
  readonly roots: ReadonlyMap<string, Schema>;
  /** Where each object's table is, by object: a link target (`#anchor`) set by the generator. */
  readonly anchors = new Map<Schema, string>();
  /** Where each named type and the rule kinds are described (links). */
  typeAnchor = '';
  ruleAnchor = (_kind: string): string => '';

  constructor() {
    const { set, nodeObject, kinds } = schemasOf();
    // The node before the set, so that the node's objects are named from it (`node.range`, not `set.nodes[].range`).
    const roots = new Map<string, Schema>([
      ['node', nodeObject],
      ...Object.keys(RULE_KINDS).map((kind) => [`rule:${kind}`, kinds[kind]!] as [string, Schema]),
      ['set', set],
      ['submission', submissionSchemas().submission],
      ['report', scoreReportSchema({ points: 2, index: 4 })],
      ['localized', commonSchemas().localized],
    ]);
    this.roots = roots;
    const common = commonSchemas();
    for (const instance of [common.decimal, common.localized, common.kebabId, common.id, common.code, common.version, common.date, submissionSchemas().unitId, innermost(nodeObject.shape.points)]) {
      const description = metaOf(instance)?.description;
      if (typeof description === 'string') this.typeDescriptions.set(originOf(instance), description);
    }
    for (const [name, schema] of roots) this.visit(schema, name);
  }

  /** Registers every object under `schema` (first path wins). */
  private visit(schema: Schema, path: string): void {
    const inner = innermost(schema);
    const def = defOf(inner);
    switch (def.type) {
      case 'object': {
        const origin = originOf(inner);
        if (this.objects.has(origin)) return;
        if (this.types.byOrigin.has(origin) && path !== 'localized') return;
        const entry: ObjectEntry = { path, schema: inner as z.ZodObject, loose: defOf(def.catchall as Schema).type === 'unknown' };
        this.objects.set(origin, entry);
        this.byPath.set(path, entry);
        for (const [name, field] of Object.entries((inner as z.ZodObject).shape)) this.visit(field as Schema, `${path}.${name}`);
        return;
      }
      case 'array':
        this.visit(def.element as Schema, `${path}[]`);
        return;
      case 'record':
        this.visit(def.valueType as Schema, `${path}{}`);
        return;
      case 'lazy': {
        const target = (def.getter as () => Schema)();
        // The node's children: the node again (already registered as `node` or `set.nodes[]`).
        if (defOf(innermost(target)).type === 'object') this.visit(target, path);
        return;
      }
      case 'union':
        // The rule union (its kinds are roots of their own) and unions of plain types hold no object of their own, but for one object branch (`appliesTo` entries).
        if (typeof def.discriminator === 'string') return;
        for (const option of def.options as Schema[]) if (defOf(innermost(option)).type === 'object') this.visit(option, path);
        return;
      default:
        return;
    }
  }

  /**
   * The object at `path`: a root name (`set`, `node`, `rule:bands`, `submission`, `report`,
   * `localized`) then steps: `.field`, `[]` (a list's entries), `{}` (an object's values by code).
   */
  entry(path: string): ObjectEntry {
    const [root, ...steps] = path.split(/(?=\.[^.[{]+|\[\]|\{\})/);
    let current = root === undefined ? undefined : this.roots.get(root);
    for (const step of steps) {
      if (current === undefined) break;
      current = stepInto(current, step);
    }
    const object = current === undefined ? undefined : objectIn(current);
    const found = object === undefined ? undefined : this.objects.get(originOf(object));
    if (found === undefined) throw new Error(`no object of the format at "${path}"`);
    return found;
  }

  /** The rows of an object's table. */
  rows(entry: ObjectEntry): FieldRow[] {
    return this.rowsOf(entry.schema, entry.path);
  }

  /** The rows of any object schema's table (`path` names it in errors): a field without a description, or one not "Vietnamese / English", throws. */
  rowsOf(schema: z.ZodObject, path: string): FieldRow[] {
    return Object.entries(schema.shape).map(([name, field]) => this.row(path, name, field as Schema));
  }

  private row(path: string, name: string, field: Schema): FieldRow {
    const where = `${path}.${name}`;
    let required = true;
    let nullable = false;
    let described: string | undefined;
    let defaultValue: unknown;
    let current = field;
    for (;;) {
      described ??= ownDescription(current);
      const meta = metaOf(current);
      if (defaultValue === undefined && meta !== undefined && 'default' in meta) defaultValue = meta.default;
      const def = defOf(current);
      if (def.type === 'optional') required = false;
      else if (def.type === 'nullable') nullable = true;
      else break;
      current = def.innerType as Schema;
    }
    // A named type's description (a decimal's, localized text's) is the type's, not the field's.
    if (described !== undefined && this.types.byOrigin.has(originOf(current)) && described === this.typeDescriptions.get(originOf(current))) described = undefined;
    const meaning = described !== undefined ? splitDescription(described, where) : name === 'kind' && defOf(current).type === 'literal' ? KIND_FIELD : undefined;
    if (meaning === undefined) throw new Error(`${where}: the field has no description (add .meta({ description: "tiếng Việt / English" }) to its schema)`);
    return { name, type: this.typeOf(field, where), required, nullable, defaultValue, meaning };
  }

  /** The type of a field as the tables show it. */
  typeOf(schema: Schema, where: string): Both {
    const inner = innermost(schema);
    const named = this.types.byOrigin.get(originOf(inner));
    if (named !== undefined) return this.named(named);
    const def = defOf(inner);
    switch (def.type) {
      case 'string': {
        // The field itself: a pattern given for JSON Schema only (`.meta({ pattern })`) names its type too.
        const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as { pattern?: string; minLength?: number };
        const pattern = json.pattern === undefined ? undefined : this.types.byPattern.get(String(new RegExp(json.pattern)));
        if (pattern !== undefined) return this.named(pattern);
        return json.minLength === 1 ? { vi: 'chữ, không rỗng', en: 'text, not empty' } : { vi: 'chữ', en: 'text' };
      }
      case 'number': {
        const json = z.toJSONSchema(inner, { unrepresentable: 'any', io: 'input' }) as { type?: string; minimum?: number; maximum?: number };
        const whole = json.type === 'integer';
        const max = json.maximum !== undefined && json.maximum < Number.MAX_SAFE_INTEGER ? json.maximum : undefined;
        const bounds = json.minimum !== undefined && max !== undefined ? ` ${json.minimum}–${max}` : json.minimum !== undefined ? ` ≥ ${json.minimum}` : '';
        return whole ? { vi: `số nguyên${bounds}`, en: `integer${bounds}` } : { vi: `số${bounds}`, en: `number${bounds}` };
      }
      case 'boolean':
        return same('`true` | `false`');
      case 'literal':
        return same((def.values as unknown[]).map((value) => `\`${JSON.stringify(value)}\``).join(' | '));
      case 'enum':
        return same(Object.values(def.entries as Record<string, string>).map((value) => `\`"${value}"\``).join(' | '));
      case 'unknown':
        return { vi: 'giá trị JSON', en: 'JSON value' };
      case 'array': {
        const item = this.typeOf(def.element as Schema, `${where}[]`);
        const checks = ((def.checks ?? []) as Schema[]).map((check) => check._zod.def as unknown as { check: string; minimum?: number });
        const minItems = checks.find((check) => check.check === 'min_length')?.minimum;
        const least = minItems !== undefined && minItems > 0 ? { vi: `, ít nhất ${minItems}`, en: `, at least ${minItems}` } : { vi: '', en: '' };
        return { vi: `danh sách ${item.vi}${least.vi}`, en: `list of ${item.en}${least.en}` };
      }
      case 'record': {
        const value = this.typeOf(def.valueType as Schema, `${where}{}`);
        return { vi: `đối tượng theo mã: ${value.vi}`, en: `object by code: ${value.en}` };
      }
      case 'object': {
        const anchor = this.anchors.get(originOf(inner));
        if (anchor === undefined) throw new Error(`${where}: its object has no table in the reference`);
        return { vi: `[đối tượng](${anchor})`, en: 'object' };
      }
      case 'lazy': {
        const target = (def.getter as () => Schema)();
        if (defOf(innermost(target)).type === 'object') return this.typeOf(target, where);
        return { vi: 'giá trị JSON', en: 'JSON value' };
      }
      case 'union': {
        if (typeof def.discriminator === 'string') return { vi: `[quy tắc](${this.ruleAnchor('')})`, en: 'rule' };
        const options = (def.options as Schema[]).map((option) => this.typeOf(option, where));
        return { vi: options.map((o) => o.vi).join(' hoặc '), en: options.map((o) => o.en).join(' or ') };
      }
      case 'null':
        return same('`null`');
      default:
        throw new Error(`${where}: no type name for a zod "${def.type}"`);
    }
  }

  private named(type: NamedType): Both {
    return { vi: `[${type.name.vi}](${this.typeAnchor})`, en: type.name.en };
  }
}

const same = (text: string): Both => ({ vi: text, en: text });

/** One step of a path into a schema (see {@link FormatSchemas.entry}). */
function stepInto(schema: Schema, step: string): Schema | undefined {
  const inner = step === '[]' || step === '{}' ? innermost(schema) : objectIn(schema);
  if (inner === undefined) return undefined;
  const def = defOf(inner);
  if (step === '[]') return def.type === 'array' ? (def.element as Schema) : undefined;
  if (step === '{}') return def.type === 'record' ? (def.valueType as Schema) : undefined;
  return def.type === 'object' ? (inner as z.ZodObject).shape[step.slice(1)] : undefined;
}

/** The object schema `schema` stands for: through wrappers, a lazy schema, and a union with one object branch. */
function objectIn(schema: Schema): Schema | undefined {
  let inner = innermost(schema);
  for (let def = defOf(inner); def.type !== 'object'; def = defOf(inner)) {
    if (def.type === 'lazy') inner = innermost((def.getter as () => Schema)());
    else if (def.type === 'union' && typeof def.discriminator !== 'string') {
      const object = (def.options as Schema[]).find((option) => defOf(innermost(option)).type === 'object');
      if (object === undefined) return undefined;
      inner = innermost(object);
    } else return undefined;
  }
  return inner;
}
