// The format reference (docs/reference/criteria-format.md) is generated from scripts/reference/ and the
// library; these tests keep the committed page current, check that it covers every field the
// schemas have, that its JSON blocks are what they say, that its links resolve, and that the
// defaults and codes it states are the library's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compileCriteria } from '../src/compile/parse-criteria.js';
import { commonSchemas } from '../src/format/common.js';
import { Dec } from '../src/decimal.js';
import { Exact } from '../src/exact/exact.js';
import {
  criteriaJsonSchema,
  ISSUE_CODES,
  nodeSchema,
  RULE_KINDS,
  safeParseCriteria,
  safeParseScoreReport,
  safeParseSubmission,
  safeScoreBatch,
  scoreReportSchema,
  submissionJsonSchema,
  type CriteriaSet,
} from '../src/index.js';
import { REFERENCE_FILE, referenceMarkdown, slugOf } from '../scripts/reference/build.js';
import { EXAMPLE_SET, KIND_CASES } from '../scripts/reference/examples.js';
import { FormatSchemas } from '../scripts/reference/schema-tables.js';
import { scored } from '../scripts/reference/worked.js';

const committed = readFileSync(REFERENCE_FILE, 'utf8');
const generated = referenceMarkdown();

/** Every `"properties"` object of a JSON Schema, as the list of its keys. */
function propertyLists(schema: unknown, found: string[][] = []): string[][] {
  if (Array.isArray(schema)) for (const item of schema) propertyLists(item, found);
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) found.push(Object.keys(value));
      propertyLists(value, found);
    }
  }
  return found;
}

/** The field names of every field table of the reference. */
function fieldTables(markdown: string): Set<string>[] {
  const tables: Set<string>[] = [];
  let current: Set<string> | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('| Trường / field |')) current = new Set();
    else if (current !== undefined && line.startsWith('| `')) current.add(/^\| `([^`]+)`/.exec(line)![1]!);
    else if (current !== undefined && !line.startsWith('| ---')) {
      tables.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) tables.push(current);
  return tables;
}

/** The fenced blocks of the reference with their info string. */
function codeBlocks(markdown: string): { readonly info: string; readonly text: string }[] {
  const blocks: { info: string; text: string }[] = [];
  const pattern = /^```(.*)\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) blocks.push({ info: match[1]!.trim(), text: match[2]! });
  return blocks;
}

/** The anchors of a Markdown page's headings (outside code blocks). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.+)$/.exec(line);
    if (heading) anchors.add(slugOf(heading[1]!));
  }
  return anchors;
}

/** A set around one node, with every kind of level (for the reference's node blocks). */
function setAround(node: unknown): unknown {
  return {
    format: 1,
    id: 'thu',
    version: '2026.1.0',
    status: 'draft',
    title: { vi: 'Thử' },
    basis: [],
    effective: { from: '2026-01-01', to: null },
    levels: [
      { id: 'department', name: { vi: 'Sở' }, groups: [{ id: 'A', name: { vi: 'A' } }, { id: 'B', name: { vi: 'B' } }] },
      { id: 'district', name: { vi: 'Huyện' } },
      { id: 'commune', name: { vi: 'Xã' } },
    ],
    nodes: [node],
  };
}

const issuesText = (issues: readonly { path: string; code: string }[]): string => issues.map((i) => `${i.path} [${i.code}]`).join('; ');

describe('docs/reference/criteria-format.md', () => {
  it('is the generated reference (regenerate with npx tsx scripts/docs-reference.ts)', () => {
    expect(committed).toBe(generated);
  });

  it('has a field table for every object of the criteria, submission and results schemas, with exactly its fields', () => {
    const tables = fieldTables(committed);
    const objects = [
      ...propertyLists(criteriaJsonSchema()),
      ...propertyLists(submissionJsonSchema()),
      ...propertyLists(z.toJSONSchema(scoreReportSchema({ points: 2, index: 4 }), { unrepresentable: 'any', io: 'input' })),
    ];
    // The rule union's selector (`{ kind: { enum } }`) is not an object of the format: each kind's own branch is.
    const real = objects.filter((keys) => !(keys.length === 1 && keys[0] === 'kind'));
    expect(real.length).toBeGreaterThan(30);
    for (const keys of real) {
      const match = tables.some((table) => table.size === keys.length && keys.every((key) => table.has(key)));
      expect(match, `no table lists exactly ${keys.join(', ')}`).toBe(true);
    }
  });

  it('every property of the JSON Schema files carries a description of its own (a rule\'s kind constant aside)', () => {
    const missing: string[] = [];
    for (const [name, root] of [['criteria', criteriaJsonSchema()], ['submission', submissionJsonSchema()]] as const) {
      const text = JSON.stringify(root);
      const defs = (root.$defs ?? {}) as Record<string, Record<string, unknown>>;
      // A property that only refers to a definition no other place uses (zod moves some there) is described by it.
      const own = (property: Record<string, unknown>): Record<string, unknown> => {
        const ref = typeof property.$ref === 'string' && Object.keys(property).length === 1 ? property.$ref : undefined;
        return ref !== undefined && text.split(`"${ref}"`).length === 2 ? (defs[ref.replace('#/$defs/', '')] ?? property) : property;
      };
      const visit = (schema: unknown, path: string): void => {
        if (Array.isArray(schema)) schema.forEach((item, i) => visit(item, `${path}[${i}]`));
        else if (schema !== null && typeof schema === 'object') {
          for (const [key, value] of Object.entries(schema)) {
            if (key === 'properties' && value !== null && typeof value === 'object') {
              for (const [field, property] of Object.entries(value as Record<string, Record<string, unknown>>)) {
                const kindConstant = field === 'kind' && ('const' in property || 'enum' in property);
                if (!kindConstant && typeof own(property).description !== 'string') missing.push(`${path}.${field}`);
              }
            }
            visit(value, `${path}.${key}`);
          }
        }
      };
      visit(root, name);
    }
    expect(missing).toEqual([]);
  });

  it('stops on a field without a description, or one not Vietnamese first', () => {
    const schemas = new FormatSchemas();
    expect(() => schemas.rowsOf(z.strictObject({ a: z.string() }), 'test')).toThrow(/test\.a: the field has no description/);
    // A decimal's own description says what a decimal is, not what the field means.
    expect(() => schemas.rowsOf(z.strictObject({ a: commonSchemas().decimal.optional() }), 'test')).toThrow(/test\.a: the field has no description/);
    expect(() => schemas.rowsOf(z.strictObject({ a: z.string().meta({ description: 'The count / Số đếm' }) }), 'test')).toThrow(/does not start with Vietnamese/);
    expect(schemas.rowsOf(z.strictObject({ a: z.string().optional().meta({ description: 'Số đếm / The count', default: 'x' }) }), 'test')).toEqual([
      { name: 'a', type: { vi: 'chữ', en: 'text' }, required: false, nullable: false, defaultValue: 'x', meaning: { vi: 'Số đếm', en: 'The count' } },
    ]);
  });

  it('every JSON block is a valid set, node, submission or results file, as its info string says', () => {
    const blocks = codeBlocks(committed).filter((block) => block.info.startsWith('json'));
    expect(blocks.length).toBeGreaterThan(15);
    const sets = new Map<string, CriteriaSet>();
    const kinds = new Set<string>();
    for (const block of blocks) {
      const value = JSON.parse(block.text) as Record<string, unknown>;
      const kind = block.info.split(/\s+/)[1];
      kinds.add(String(kind));
      switch (kind) {
        case 'set': {
          const read = safeParseCriteria(value);
          expect(read.ok, read.ok ? '' : issuesText(read.issues)).toBe(true);
          if (read.ok) sets.set(`${read.value.id}@${read.value.version}`, read.value);
          break;
        }
        case 'node': {
          expect(nodeSchema.safeParse(value).success, block.text).toBe(true);
          const read = safeParseCriteria(setAround(value));
          expect(read.ok, read.ok ? '' : issuesText(read.issues)).toBe(true);
          break;
        }
        case 'submission': {
          const read = safeParseSubmission(value);
          expect(read.ok, read.ok ? '' : issuesText(read.issues)).toBe(true);
          const set = typeof value.criteria === 'string' ? sets.get(value.criteria) : undefined;
          if (typeof value.criteria === 'string') {
            expect(set, `the set ${value.criteria} comes before its submission`).toBeDefined();
            const report = safeScoreBatch(set!, value);
            expect(report.ok, report.ok ? '' : issuesText(report.issues)).toBe(true);
          }
          break;
        }
        case 'results': {
          const stamp = value.criteria as { id: string; version: string };
          const set = sets.get(`${stamp.id}@${stamp.version}`);
          expect(set, 'the set of a results block comes before it').toBeDefined();
          const read = safeParseScoreReport(value, set!);
          expect(read.ok, read.ok ? '' : issuesText(read.issues)).toBe(true);
          break;
        }
        default:
          expect.fail(`a JSON block says it is "${block.info}": write json set, json node, json submission or json results`);
      }
    }
    expect([...kinds].sort()).toEqual(['node', 'results', 'set', 'submission']);
  });

  it('the example results file is what its set and submission give', () => {
    const blocks = codeBlocks(committed);
    const set = JSON.parse(blocks.find((b) => b.info === 'json set' && b.text.includes('"id": "vi-du"'))!.text) as CriteriaSet;
    const submission = JSON.parse(blocks.find((b) => b.info === 'json submission' && b.text.includes('"criteria": "vi-du@2026.1.0"'))!.text) as unknown;
    const results = JSON.parse(blocks.find((b) => b.info === 'json results')!.text) as unknown;
    const checked = safeParseCriteria(set);
    if (!checked.ok) throw new Error(issuesText(checked.issues));
    expect(JSON.parse(JSON.stringify(scored(checked.value, submission, 'example', { inputHashes: true })))).toEqual(results);
  });

  it('every link within the reference, and from the sources, guides and README to it, finds its heading; every guide it links to exists', () => {
    const anchors = anchorsOf(committed);
    const broken: string[] = [];
    for (const [, anchor] of committed.matchAll(/\]\(#([^)]+)\)/g)) if (!anchors.has(anchor!)) broken.push(`reference: #${anchor}`);
    for (const [, target] of committed.matchAll(/\]\((\.\.\/[^)#]+)(?:#[^)]*)?\)/g)) {
      try {
        readFileSync(join('docs/reference', target!));
      } catch {
        broken.push(`reference: ${target}`);
      }
    }
    const files = [
      ...walk('src').filter((file) => file.endsWith('.ts')),
      ...readdirSync('docs/guides').filter((name) => name.endsWith('.md')).map((name) => join('docs/guides', name)),
      'README.md',
    ];
    let links = 0;
    for (const file of files) {
      for (const [, anchor] of readFileSync(file, 'utf8').matchAll(/criteria-format\.md#([^)\s>]+)/g)) {
        links += 1;
        if (!anchors.has(anchor!)) broken.push(`${file}: #${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(50);
  });

  it('every error code the text names is in the catalogue', () => {
    const prefixes = new Set(ISSUE_CODES.map((code) => code.split('/')[0]!));
    const named = [...committed.matchAll(/`([a-z]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!).filter((code) => prefixes.has(code.split('/')[0]!));
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((code) => !(ISSUE_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('the defaults the tables state are what the library does when the field is left out', () => {
    const schemas = new FormatSchemas();
    // Links the build would set; only the defaults matter here.
    schemas.typeAnchor = '#types';
    schemas.ruleAnchor = () => '#rules';
    for (const [origin, entry] of schemas.objects) schemas.anchors.set(origin, `#${entry.path}`);
    const checked: string[] = [];
    for (const [, entry] of schemas.objects) {
      for (const row of schemas.rows(entry)) {
        if (row.defaultValue === undefined) continue;
        checked.push(`${entry.path}.${row.name}`);
        const [without, withDefault] = variants(entry.path, row.name, row.defaultValue);
        expect(withDefault, `${entry.path}.${row.name}: the default ${JSON.stringify(row.defaultValue)}`).toEqual(without);
      }
    }
    expect(checked.sort()).toEqual([
      'node.allowNA', 'node.evidenceRequired', 'rule:bands.else', 'rule:ratio.allowOver', 'rule:ratio.target', 'rule:ratio.zeroDenominator', 'rule:relative.cohort',
      'set.appraisalReasons', 'set.appraisalReasons[].noteRequired', 'set.evidencePolicy', 'set.missing', 'set.ranking.by', 'set.ranking.cohort', 'set.ranking.ties', 'set.rounding',
    ]);
  });

  it('the rule kinds\' config interfaces document every property', () => {
    const undocumented: string[] = [];
    for (const file of readdirSync('src/rules').filter((name) => name.endsWith('.ts'))) {
      const source = ts.createSourceFile(file, readFileSync(join('src/rules', file), 'utf8'), ts.ScriptTarget.Latest, true);
      source.forEachChild((node) => {
        if (!ts.isInterfaceDeclaration(node) || !/(?:Rule|^Band|^ChoiceOption|^ChecklistItem)$/.test(node.name.text)) return;
        for (const member of node.members) {
          if (ts.getJSDocCommentsAndTags(member).length === 0) undocumented.push(`${file}: ${node.name.text}.${member.name?.getText(source)}`);
        }
      });
    }
    expect(undocumented).toEqual([]);
  });

  it('no source or guide cites the specification by section: they link to the reference', () => {
    const citations: string[] = [];
    const files = [...walk('src').filter((file) => file.endsWith('.ts')), ...readdirSync('docs/guides').filter((name) => name.endsWith('.md')).map((name) => join('docs/guides', name)), 'README.md'];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/spec(?:ification)? ?(?:section|§)|spec sections|reference, \d|shared\/spec|mục \d+ của đặc tả|Đặc tả mục/i.test(line)) citations.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(citations).toEqual([]);
  });

  it('ships, with the guides it links to: package.json lists them, and TypeDoc renders it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    const shipped = (file: string): boolean => pkg.files.some((entry) => file === entry || file.startsWith(`${entry}/`));
    expect(shipped(REFERENCE_FILE)).toBe(true);
    const linked = [...committed.matchAll(/\]\(\.\.\/([^)#]+)(?:#[^)]*)?\)/g)].map((m) => join('docs', m[1]!));
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.filter((file) => !shipped(file))).toEqual([]);
    const typedoc = JSON.parse(readFileSync('typedoc.json', 'utf8')) as { projectDocuments: string[] };
    expect(typedoc.projectDocuments).toContain(REFERENCE_FILE);
  });
});

/** Every file under `dir`. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** A compiled set or rule as plain data, for comparing two: exact numbers as text, maps and sets as lists, the raw input left out. */
function plain(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Exact || value instanceof Dec) return value.toString();
  if (typeof value === 'function') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[seen]';
  seen.add(value);
  if (value instanceof Map) return [...value.entries()].map(([key, item]) => [key, plain(item, seen)]);
  if (value instanceof Set) return [...value].map((item) => plain(item, seen));
  if (Array.isArray(value)) return value.map((item) => plain(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'set' || key === 'node') continue; // the raw set and nodes, which differ by the field itself
    if (key === 'rule' && item !== null && typeof item === 'object' && 'kind' in item && typeof (item as { compile?: unknown }).compile === 'function') out[key] = (item as { kind: string }).kind;
    else out[key] = plain(item, seen);
  }
  return out;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What the library makes of the object at `path` without `field`, and with `field` set to `value`. */
function variants(path: string, field: string, value: unknown): [unknown, unknown] {
  const compiled = (set: unknown): unknown => plain(compileCriteria(set as CriteriaSet));
  if (path === 'set') {
    const without = copy(EXAMPLE_SET) as Record<string, unknown>;
    delete without[field];
    return [compiled(without), compiled({ ...without, [field]: value })];
  }
  if (path === 'set.ranking') {
    return [compiled({ ...copy(EXAMPLE_SET), ranking: {} }), compiled({ ...copy(EXAMPLE_SET), ranking: { [field]: value } })];
  }
  if (path === 'node') {
    const withField = (given: boolean): unknown => {
      const set = copy(EXAMPLE_SET) as { nodes: { children: Record<string, unknown>[] }[] };
      const leaf = set.nodes[0]!.children[0]!;
      delete leaf[field];
      if (given) leaf[field] = value;
      return set;
    };
    return [compiled(withField(false)), compiled(withField(true))];
  }
  if (path === 'set.appraisalReasons[]') {
    // A reason's default as an appraisal meets it: one without a note, scored.
    const outcome = (reason: Record<string, unknown>): unknown => {
      const set = { ...copy(EXAMPLE_SET), appraisalReasons: [reason] };
      const read = safeParseCriteria(set);
      if (!read.ok) return read.issues.map((issue) => issue.code);
      const report = safeScoreBatch(read.value, { units: [{ id: 'a', level: 'commune', values: {}, appraisal: { 'CQS.2': { value: true, reason: 'x' } } }] });
      return report.ok ? report.value.results[0]!.points : report.issues.map((issue) => issue.code);
    };
    const reason = { id: 'x', label: { vi: 'Lý do x' } };
    return [outcome(reason), outcome({ ...reason, [field]: value })];
  }
  const kind = /^rule:([a-z]+)$/.exec(path)?.[1];
  if (kind !== undefined) {
    const rule = copy(KIND_CASES[kind]![0]!.leaf.rule) as Record<string, unknown>;
    delete rule[field];
    const implementation = RULE_KINDS[kind as keyof typeof RULE_KINDS];
    return [plain(implementation.compile(rule as never)), plain(implementation.compile({ ...rule, [field]: value } as never))];
  }
  throw new Error(`no check of the defaults of ${path}: add one to variants() in test/docs-reference.test.ts`);
}

