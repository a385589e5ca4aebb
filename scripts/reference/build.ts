// Builds docs/reference/criteria-format.md: the hand-written sections (scripts/reference/sections/*.md,
// Vietnamese then English) with their directives replaced by parts generated from the library itself:
//
//   <!-- types -->            the value types the field tables name
//   <!-- fields: PATH -->     the field table of an object (see FormatSchemas.entry for PATH)
//   <!-- kind: KIND -->       a rule kind: its fields, and its examples scored by the library
//   <!-- example: NAME -->    another example scored by the library (see EXAMPLES below)
//   <!-- codes: PREFIX … -->  the error codes of the catalogue with those prefixes
//   <!-- limits -->           the default size limits
//   <!-- reasons -->          the default appraisal reasons
//   <!-- values -->           the values each rule kind takes, from the kinds' worked examples
//   <!-- pattern: NAME -->    (within a line) a pattern the library checks with: criteria-ref
//
// Every object of the format must get a table and every rule kind a section, or the build fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_APPRAISAL_REASONS } from '../../src/compile/appraisal-reasons.js';
import { ISSUE_CODES, makeIssue, issueParamKinds, type IssueCode } from '../../src/errors.js';
import { CRITERIA_REF_PATTERN } from '../../src/format/reference.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { RULE_KINDS } from '../../src/rules/registry.js';
import { KIND_CASES } from './examples.js';
import { EXAMPLES } from './generated-examples.js';
import { FormatSchemas, originOf, type FieldRow } from './schema-tables.js';
import { workKind, type WorkedKind } from './worked.js';
import { cell, codeLink, inlineJson, jsonBlock, refusedTable } from './markdown.js';

/** Where the reference is written, and where its links to the guides start from. */
export const REFERENCE_FILE = 'docs/reference/criteria-format.md';

const SECTIONS = join(fileURLToPath(new URL('.', import.meta.url)), 'sections');

/**
 * The anchor a heading gets, as TypeDoc makes it (and GitHub, for the
 * headings this reference allows: letters, digits, spaces and dots).
 */
export function slugOf(heading: string): string {
  return heading
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, '')
    .replace(/\s/g, '-')
    .replace(/--+/, '-')
    .toLocaleLowerCase();
}

/**
 * A heading of the reference: words of letters (Vietnamese ones too) and digits, each perhaps
 * holding dots or ending with a comma, one space apart, so that every renderer gives it the same
 * anchor (TypeDoc and GitHub drop the dots and commas and join the words with hyphens).
 */
const PLAIN_HEADING = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.,]*(?: [\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.,]*)*$/u;

const DIRECTIVE = /^<!-- ([a-z]+)(?:: (.+?))? -->$/;
/** `<!-- pattern: NAME -->` within a line: the pattern the library checks with. */
const INLINE_PATTERN = /<!-- pattern: ([a-z-]+) -->/g;

function patternText(name: string): string {
  if (name !== 'criteria-ref') throw new Error(`no pattern "${name}"`);
  return `\`${CRITERIA_REF_PATTERN.source}\``;
}



/** The hand-written sections, in file order. */
function sectionTexts(): string[] {
  return readdirSync(SECTIONS)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(SECTIONS, name), 'utf8'));
}

interface Heading { readonly level: number; readonly text: string; readonly slug: string }

/** The headings of the sections (outside code blocks), each checked to be plain and unique. */
function headingsOf(lines: readonly string[]): Map<number, Heading> {
  const found = new Map<number, Heading>();
  const slugs = new Set<string>();
  let fenced = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6}) (.+)$/.exec(line);
    if (!match) return;
    const text = match[2]!;
    if (!PLAIN_HEADING.test(text)) throw new Error(`heading "${text}": only words of letters and digits (with dots, or a comma at the end), one space apart, so that its anchor is the same everywhere`);
    const slug = slugOf(text);
    if (slugs.has(slug)) throw new Error(`heading "${text}": its anchor #${slug} is taken`);
    slugs.add(slug);
    found.set(i, { level: match[1]!.length, text, slug });
  });
  return found;
}

/** The reference as Markdown. */
export function referenceMarkdown(): string {
  const lines = sectionTexts().join('\n').split('\n');
  const headings = headingsOf(lines);
  const schemas = new FormatSchemas();

  // First pass: where each object's table, the types and each rule kind are (the heading above their directive).
  let current = '';
  const kindAnchors = new Map<string, string>();
  lines.forEach((line, i) => {
    const heading = headings.get(i);
    if (heading !== undefined) current = `#${heading.slug}`;
    const directive = DIRECTIVE.exec(line);
    if (!directive) return;
    const [, name, arg] = directive;
    if (name === 'types') schemas.typeAnchor = current;
    if (name === 'fields') {
      const origin = originOf(schemas.entry(arg!).schema);
      if (!schemas.anchors.has(origin)) schemas.anchors.set(origin, current);
    }
    if (name === 'kind') {
      kindAnchors.set(arg!, current);
      KIND_ANCHORS.set(arg!, current);
      for (const [origin, entry] of schemas.objects) if (entry.path === `rule:${arg}` || entry.path.startsWith(`rule:${arg}.`)) if (!schemas.anchors.has(origin)) schemas.anchors.set(origin, current);
    }
    if (name === 'rules') {
      const anchor = current;
      schemas.ruleAnchor = () => anchor;
    }
  });
  const rulesAnchor = [...lines.entries()].find(([, line]) => line === '<!-- rules -->');
  if (rulesAnchor === undefined) throw new Error('no <!-- rules --> directive: the rule kinds\' section must have one');
  for (const kind of Object.keys(RULE_KINDS)) {
    if (!kindAnchors.has(kind)) throw new Error(`the rule kind "${kind}" has no section (<!-- kind: ${kind} -->)`);
    if (KIND_CASES[kind] === undefined) throw new Error(`the rule kind "${kind}" has no worked example (scripts/reference/examples.ts)`);
  }
  for (const [origin, entry] of schemas.objects) if (!schemas.anchors.has(origin)) throw new Error(`the object at "${entry.path}" has no table (<!-- fields: ${entry.path} -->)`);
  if (schemas.typeAnchor === '') throw new Error('no <!-- types --> directive');

  // Second pass: the directives replaced.
  const out: string[] = [];
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (!directive) {
      out.push(line.replace(INLINE_PATTERN, (_all, name: string) => patternText(name)));
      continue;
    }
    const [, name, arg] = directive;
    switch (name) {
      case 'types':
        out.push(...typesTable(schemas));
        break;
      case 'fields':
        out.push(...fieldsTable(schemas.rows(schemas.entry(arg!)), schemas.entry(arg!).loose));
        break;
      case 'kind':
        out.push(...kindSection(schemas, arg!));
        break;
      case 'example': {
        const example = EXAMPLES[arg!];
        if (example === undefined) throw new Error(`no example "${arg}"; known: ${Object.keys(EXAMPLES).join(', ')}`);
        out.push(...example());
        break;
      }
      case 'codes':
        out.push(...codesTable(arg!.split(' ')));
        break;
      case 'limits':
        out.push(...limitsTable());
        break;
      case 'reasons':
        out.push(...reasonsTable());
        break;
      case 'values':
        out.push(...valuesTable());
        break;
      case 'rules':
        break;
      case 'pattern':
        out.push(patternText(arg!));
        break;
      default:
        throw new Error(`unknown directive "${name}"`);
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function typesTable(schemas: FormatSchemas): string[] {
  return [
    '| Kiểu | type | Giá trị | Values |',
    '| --- | --- | --- | --- |',
    ...schemas.types.all.map((type) => `| ${cell(type.name.vi)} | ${cell(type.name.en)} | ${cell(type.meaning.vi)} | ${cell(type.meaning.en)} |`),
  ];
}

/** What the required column says of a field. */
function requirement(row: FieldRow): string {
  const [vi, en] = row.nullable ? [', có thể `null`', ', may be `null`'] : ['', ''];
  if (row.required) return `bắt buộc${vi} / required${en}`;
  if (row.defaultValue !== undefined) return `mặc định / default ${defaultText(row.defaultValue)}`;
  return `tùy chọn${vi} / optional${en}`;
}

/** What a unit gives for each rule kind: the values of the kinds' worked examples (each scored when generated). */
function valuesTable(): string[] {
  const rows = Object.keys(RULE_KINDS).map((kind) => {
    // The examples' values taken in turn, so that each example shows.
    const seen = new Set<string>();
    const cases = KIND_CASES[kind] ?? [];
    for (let i = 0; cases.some((example) => i < example.values.length); i++) for (const example of cases) if (i < example.values.length) seen.add(inlineJson(example.values[i]));
    return `| [\`${kind}\`](${KIND_ANCHORS.get(kind) ?? ''}) | ${cell([...seen].slice(0, 3).join(', '))} |`;
  });
  return ['| `kind` | Ví dụ giá trị / example values |', '| --- | --- |', ...rows, '| mọi loại, với `allowNA` / any kind, with `allowNA` | `"n/a"` |'];
}

/** Where each rule kind's section is (set by the first pass). */
const KIND_ANCHORS = new Map<string, string>();

/** A default as the table shows it: JSON, or the ids of a default list. */
function defaultText(value: unknown): string {
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null && 'id' in entry)) {
    return value.map((entry) => `\`${(entry as { id: string }).id}\``).join(', ');
  }
  return inlineJson(value).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/^`\{/, '`{ ').replace(/\}`$/, ' }`');
}

function fieldsTable(rows: readonly FieldRow[], loose: boolean): string[] {
  const table = [
    '| Trường / field | Kiểu / type | Bắt buộc? / required? | Ý nghĩa | Meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const type = row.type.vi === row.type.en ? row.type.vi : `${row.type.vi} / ${row.type.en}`;
      return `| \`${row.name}\` | ${cell(type)} | ${cell(requirement(row))} | ${cell(row.meaning.vi)} | ${cell(row.meaning.en)} |`;
    }),
  ];
  if (loose) table.push('', 'Các trường khác được giữ nguyên như đã ghi. *Other fields are kept as written.*');
  return table;
}

/** A value as a table shows it: JSON on one line. */
const valueText = (value: unknown): string => inlineJson(value);

function workedTable(worked: WorkedKind): string[] {
  const outcome = (row: WorkedKind['rows'][number]): string => {
    if (row.status === 'not-applicable') return 'không áp dụng / not applicable';
    if (row.status === 'info') return 'chỉ ghi nhận / recorded';
    return `${row.points} / ${row.maxPoints}`;
  };
  return [
    '| Đơn vị / unit | Giá trị / value | Điểm / points | Lời giải thích | Explanation |',
    '| --- | --- | --- | --- | --- |',
    ...worked.rows.map((row) => `| \`${row.unit}\` | ${cell(valueText(row.value))} | ${outcome(row)} | ${cell(row.explanation.vi)} | ${cell(row.explanation.en)} |`),
  ];
}

function kindSection(schemas: FormatSchemas, kind: string): string[] {
  const out: string[] = ['**Các trường / fields**', '', ...fieldsTable(schemas.rows(schemas.entry(`rule:${kind}`)), false), ''];
  // The objects its fields hold (a band, an option, an item), shared or not with another kind.
  for (const field of Object.keys(schemas.entry(`rule:${kind}`).schema.shape)) {
    for (const path of [`rule:${kind}.${field}[]`, `rule:${kind}.${field}`]) {
      let entry;
      try {
        entry = schemas.entry(path);
      } catch {
        continue;
      }
      out.push(`**Mỗi phần tử của \`${field}\` / each entry of \`${field}\`**`, '', ...fieldsTable(schemas.rows(entry), false), '');
      break;
    }
  }
  const cases = KIND_CASES[kind] ?? [];
  cases.forEach((example, i) => {
    const worked = workKind(example, `the ${kind} example ${i + 1}`);
    out.push(
      cases.length > 1 ? `**Ví dụ ${i + 1} / example ${i + 1}**` : '**Ví dụ / example**',
      '',
      ...jsonBlock('node', worked.leaf),
      '',
      `Quy tắc bằng lời, như biểu mẫu và sổ tính ghi: ${worked.describe.vi}. *The rule in words, as forms and workbooks show it: ${worked.describe.en}.*`,
      '',
      ...workedTable(worked),
      '',
      ...refusedTable(worked.refused),
      '',
    );
  });
  return out;
}

/** The codes of the catalogue with `prefixes`, each with its messages as templates. */
function codesTable(prefixes: readonly string[]): string[] {
  const codes = ISSUE_CODES.filter((code) => prefixes.some((prefix) => code.startsWith(`${prefix}/`)));
  if (codes.length === 0) throw new Error(`no error code starts with ${prefixes.join(', ')}`);
  const template = (code: IssueCode): { vi: string; en: string } => {
    const params = Object.fromEntries(Object.entries(issueParamKinds(code)).map(([name, kind]) => [name, kind.startsWith('list') ? [`{${name}}`] : `{${name}}`]));
    return makeIssue(code, '$', params as never).message;
  };
  return [
    '| Mã / code | Thông báo | Message |',
    '| --- | --- | --- |',
    ...codes.map((code) => {
      const { vi, en } = template(code);
      return `| ${codeLink(code)} | ${cell(vi)} | ${cell(en)} |`;
    }),
  ];
}

function limitsTable(): string[] {
  const rows: Record<keyof typeof DEFAULT_LIMITS, [string, string]> = {
    depth: ['Số tầng sâu nhất của cây tiêu chí (`criteria/too-deep`)', 'The deepest criteria tree (`criteria/too-deep`)'],
    nodes: ['Số nút nhiều nhất của một bộ (`input/too-large`)', 'The most nodes in one set (`input/too-large`)'],
    units: ['Số đơn vị nhiều nhất của một lô (`input/too-large`)', 'The most units in one batch (`input/too-large`)'],
    issues: ['Số lỗi liệt kê nhiều nhất cho một đầu vào; quá thì một lỗi `input/too-many-issues` cho biết tổng số', 'The most issues listed for one input; past it one `input/too-many-issues` gives the count'],
  };
  return [
    '| Giới hạn / limit | Mặc định / default | Ý nghĩa | Meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(DEFAULT_LIMITS).map(([name, value]) => {
      const [vi, en] = rows[name as keyof typeof DEFAULT_LIMITS];
      return `| \`${name}\` | \`${value}\` | ${vi} | ${en} |`;
    }),
  ];
}

function reasonsTable(): string[] {
  return [
    '| `id` | `label.vi` | `label.en` | `noteRequired` |',
    '| --- | --- | --- | --- |',
    ...DEFAULT_APPRAISAL_REASONS.map((reason) => `| \`${reason.id}\` | ${cell(reason.label.vi)} | ${cell(reason.label.en ?? '')} | ${reason.noteRequired === true ? '`true`' : ''} |`),
  ];
}
