// JSON text (spec §10): a key given twice in one object is `json/duplicate-key` with the path and both
// positions, in every reader of JSON text; the scanner is proven against an independent parser
// (@humanwhocodes/momoa, the JSON parser ESLint's JSON language uses) on random texts with injected
// duplicates. Runs: DTI_FUZZ_RUNS (default 3,000 per property).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as momoaParse, type AnyNode } from '@humanwhocodes/momoa';
import { describe, expect, it } from 'vitest';
import { safeParseCriteriaJson, safeParseSubmissionJson, type Issue } from '../src/index.js';
import { safeParseManifest, safeReadCriteriaFile, safeReadManifest } from '../src/node/index.js';
import { hasDuplicateKeys, scanDuplicateKeys, type DuplicateKey } from '../src/format/json-keys.js';
import { parseJsonText } from '../src/format/json-text.js';
import type { PathSegment } from '../src/path.js';
import { dti, dtiAsync } from './support/cli.js';
import { expectWellFormedIssue } from './support/issues.js';

const RUNS = Number(process.env.DTI_FUZZ_RUNS ?? 3_000);
/** Time for one property of RUNS cases (about a quarter of a millisecond each). */
const FUZZ_TIMEOUT = 20_000 + RUNS * 2;

function refused(text: string, file?: string): readonly Issue[] {
  const result = parseJsonText(text, file);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  for (const issue of result.issues) expectWellFormedIssue(issue);
  return result.issues;
}

const brief = (issues: readonly Issue[]): string[] =>
  issues.map((i) => `${i.code} ${i.path} ${i.params.line}:${i.params.column} first ${i.params.firstLine}:${i.params.firstColumn}`);

describe('parseJsonText: duplicate keys', () => {
  it('a second "units" is refused (it would turn a batch into an empty one)', () => {
    const issues = refused('{ "units": [ { "id": "a" } ],\n  "units": [] }');
    expect(brief(issues)).toEqual(['json/duplicate-key units 2:3 first 1:3']);
    expect(issues[0]!.params.key).toBe('units');
    expect(issues[0]!.message.en).toContain('line 2, column 3 (first at line 1, column 3)');
    expect(issues[0]!.message.vi).toContain('dòng 2, cột 3');
  });

  it('a leaf given twice in values, at its JSON path', () => {
    const issues = refused('{"units":[{"id":"u","values":{"X.1":true,"X.1":false}}]}');
    expect(issues.map((i) => [i.path, i.segments])).toEqual([['units[0].values["X.1"]', ['units', 0, 'values', 'X.1']]]);
  });

  it('keys are compared after their escapes are decoded, as JSON.parse compares them', () => {
    expect(brief(refused('{"a":1,"\\u0061":2}'))).toEqual(['json/duplicate-key a 1:8 first 1:2']);
    expect(refused('{"\\"q\\\\":1,"\\u0022q\\u005C":2}')[0]!.params.key).toBe('"q\\');
    expect(refused('{"\\/":1,"/":2}')[0]!.params.key).toBe('/');
    // NFC and NFD spellings are different JSON keys (JSON.parse keeps both); identity rules judge them.
    expect(parseJsonText('{"ninh-ki\u1EC1u":1,"ninh-kie\u0302\u0300u":2}').ok).toBe(true);
  });

  it('quotes and backslashes inside strings, and keys in arrays of objects, are not confused', () => {
    expect(parseJsonText('{"a":"\\"b\\":1","b":"\\\\","c":["a","a"],"d":[{"a":1},{"a":2}]}').ok).toBe(true);
    expect(brief(refused('[{"a":1},{"b":1,"b":2}]'))).toEqual(['json/duplicate-key [1].b 1:17 first 1:11']);
  });

  it('every duplicate is listed, in document order, each object on its own', () => {
    const issues = refused('{"a":{"x":1,"x":2},"b":[{"y":1,"y":2,"y":3}],"a":0}');
    expect(issues.map((i) => i.path)).toEqual(['a.x', 'b[0].y', 'b[0].y', 'a']);
    expect(issues[2]!.params).toMatchObject({ column: 38, firstColumn: 26 });
  });

  it('lines count LF, CRLF and CR; a BOM is stripped first', () => {
    expect(brief(refused('{\r\n"a":1,\r\n"a":2}'))).toEqual(['json/duplicate-key a 3:1 first 2:1']);
    expect(brief(refused('{\r"a":1,\r\r"a":2}'))).toEqual(['json/duplicate-key a 4:1 first 2:1']);
    expect(brief(refused('\uFEFF{"a":1, "a":2}'))).toEqual(['json/duplicate-key a 1:9 first 1:2']);
  });

  it('names the file when given, and lists at most the issue limit', () => {
    expect(refused('{"a":1,"a":2}', 'sub.json')[0]).toMatchObject({ path: 'a', file: 'sub.json' });
    const many = `{${Array.from({ length: 1_500 }, () => '"k":0').join(',')}}`;
    const issues = refused(many);
    expect(issues).toHaveLength(1_001);
    expect(issues[1_000]).toMatchObject({ code: 'input/too-many-issues', params: { count: 1_499, limit: 1_000 } });
    expect(parseJsonText(many, '$', 3).ok ? 0 : (parseJsonText(many, '$', 3) as { issues: readonly Issue[] }).issues.length).toBe(4);
  });

  it('malformed JSON is still json/syntax, and valid JSON without duplicates reads as JSON.parse reads it', () => {
    expect(refused('{"a":1,"a":')[0]!.code).toBe('json/syntax');
    const text = readFileSync('examples/can-tho-2022/submissions.json', 'utf8');
    expect(parseJsonText(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(parseJsonText('"a"')).toEqual({ ok: true, value: 'a' });
  });

  it('scans any depth JSON.parse accepts without recursion', () => {
    const depth = 100_000;
    const text = `${'{"a":['.repeat(depth)}{"k":1,"k":2}${']}'.repeat(depth)}`;
    const scan = scanDuplicateKeys(text);
    expect(scan.count).toBe(1);
    expect(scan.duplicates[0]!.segments).toHaveLength(2 * depth + 1);
    expect(hasDuplicateKeys(text, JSON.parse(text))).toBe(true);
    expect(hasDuplicateKeys(text.replace('"k":2', '"j":2'), JSON.parse(text.replace('"k":2', '"j":2')))).toBe(false);
  });

  it('the quick count (members written against keys kept) sees duplicates exactly when the scanner does', () => {
    const cases = ['{}', '[]', '"a:b"', String.raw`{"a":":","b":"\\\":"}`, '{"a":{"b":1,"b":2}}', '[{"a":1},{"a":1}]', '{"__proto__":1,"__proto__":2}', String.raw`{"a":"\"","a":"x"}`];
    for (const text of cases) expect(hasDuplicateKeys(text, JSON.parse(text)), text).toBe(scanDuplicateKeys(text).count > 0);
    // A string of any length is skipped (no deep backtracking), escaped quotes included.
    const long = `{"a":"${'x'.repeat(5_000_000)}${String.raw`\\\"`}","a":1}`;
    expect(hasDuplicateKeys(long, JSON.parse(long))).toBe(true);
    // An enumerable key some code put on Object.prototype is not one of the value's.
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(hasDuplicateKeys('{"a":1,"a":2,"b":{}}', JSON.parse('{"a":1,"a":2,"b":{}}'))).toBe(true);
      expect(hasDuplicateKeys('{"a":1,"b":{}}', JSON.parse('{"a":1,"b":{}}'))).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});

describe('every reader of JSON text refuses duplicate keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-json-text-'));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const criteriaText = readFileSync('criteria/can-tho/2022.1.0.json', 'utf8');
  // A second "status" after the first: the last one ("draft") would silently win.
  const twiceStatus = criteriaText.replace('"status": "published",', '"status": "published",\n  "status": "draft",');
  const submissions = readFileSync('examples/can-tho-2022/submissions.json', 'utf8');
  const emptied = submissions.replace(/\}\s*$/, ',\n  "units": []\n}');

  it('criteria and submissions, as text', () => {
    expect(twiceStatus).not.toBe(criteriaText);
    const set = safeParseCriteriaJson(twiceStatus);
    expect(set.ok ? [] : set.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['json/duplicate-key status']);
    const batch = safeParseSubmissionJson(emptied);
    expect(batch.ok ? [] : batch.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['json/duplicate-key units']);
  });

  it('a criteria file and a manifest read from disk name the file', () => {
    const file = write('criteria/can-tho/2022.1.0.json', twiceStatus);
    const read = safeReadCriteriaFile(file);
    expect(read.ok ? [] : read.issues.map((i) => `${i.code} ${i.file} ${i.path}`)).toEqual([`json/duplicate-key ${file} status`]);
    const manifest = safeParseManifest('{ "format": 1, "sets": [], "sets": [] }', 'criteria/manifest.json');
    expect(manifest.ok ? [] : manifest.issues.map((i) => `${i.code} ${i.file} ${i.path}`)).toEqual(['json/duplicate-key criteria/manifest.json sets']);
    write('criteria/manifest.json', '{ "format": 1, "format": 1, "sets": [] }');
    const fromDisk = safeReadManifest(join(dir, 'criteria'));
    expect(fromDisk.ok ? [] : fromDisk.issues.map((i) => i.code)).toEqual(['json/duplicate-key']);
  });

  it('dti score, validate and report exit 1 with the path', async () => {
    const score = dti('score', write('emptied.json', emptied), '--format', 'json');
    expect(score.code).toBe(1);
    expect((JSON.parse(score.out) as { errors: Issue[] }).errors.map((e) => `${e.code} ${e.path}`)).toEqual(['json/duplicate-key units']);
    const validate = dti('validate', write('twice-status.json', twiceStatus));
    expect(validate.code).toBe(1);
    expect(validate.err).toContain('[json/duplicate-key]');
    const results = (await dtiAsync('score', 'examples/can-tho-2022/submissions.json', '--format', 'json')).out;
    const report = await dtiAsync('report', write('results.json', results.replace('"format": 1,', '"format": 1, "format": 1,').replace('"format":1,', '"format":1,"format":1,')));
    expect(report.code).toBe(1);
    expect(report.err).toContain('[json/duplicate-key]');
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing against momoa.

type Tree =
  | { readonly t: 'leaf'; readonly text: string }
  | { readonly t: 'arr'; readonly items: readonly Tree[] }
  | { readonly t: 'obj'; readonly members: readonly (readonly [key: Key, value: Tree])[] };

/** A key and how its text is written: plain, every character escaped as \uXXXX, or every other one. */
interface Key {
  readonly key: string;
  readonly style: 0 | 1 | 2;
}

const SHORT: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function quoted(text: string, style: 0 | 1 | 2): string {
  let out = '"';
  let index = 0;
  for (const unit of text.split('')) {
    const code = unit.charCodeAt(0);
    const escape = style === 1 || (style === 2 && index % 2 === 1);
    if (escape) {
      const hex = code.toString(16).padStart(4, '0');
      out += `\\u${index % 3 === 0 ? hex.toUpperCase() : hex}`;
    } else if (unit === '/' && index % 2 === 0) out += '\\/';
    else out += SHORT[unit] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : unit);
    index += 1;
  }
  return `${out}"`;
}

const SPACE = ['', '', ' ', '\n', '\r\n', '\r', '\t', '  \n    '] as const;

/** The JSON text of a tree, with white space chosen by `pick` (deterministic per tree). */
function render(tree: Tree, spaces: readonly number[]): string {
  let n = 0;
  const ws = (): string => SPACE[spaces.length === 0 ? 0 : spaces[n++ % spaces.length]! % SPACE.length]!;
  // Iterative: a stack of pending pieces (text, or a tree still to write).
  const out: string[] = [];
  const todo: (string | Tree)[] = [tree];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (typeof next === 'string') {
      out.push(next);
      continue;
    }
    if (next.t === 'leaf') out.push(next.text);
    else if (next.t === 'arr') {
      const parts: (string | Tree)[] = [`[${ws()}`];
      next.items.forEach((item, i) => parts.push(...(i > 0 ? [`${ws()},${ws()}`] : []), item));
      parts.push(`${ws()}]`);
      for (let i = parts.length - 1; i >= 0; i -= 1) todo.push(parts[i]!);
    } else {
      const parts: (string | Tree)[] = [`{${ws()}`];
      next.members.forEach(([key, value], i) => parts.push(`${i > 0 ? `${ws()},${ws()}` : ''}${quoted(key.key, key.style)}${ws()}:${ws()}`, value));
      parts.push(`${ws()}}`);
      for (let i = parts.length - 1; i >= 0; i -= 1) todo.push(parts[i]!);
    }
  }
  return out.join('');
}

const keyText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'X.1', 'units', 'ninh-kiều', 'ninh-kie\u0302\u0300u', '', '"', '\\', '/', 'a"b\\c', '\u0000\u001f', '𝒳', '\uFEFF', 'é') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);
const keyArb: fc.Arbitrary<Key> = fc.record({ key: keyText, style: fc.constantFrom(0 as const, 0 as const, 1 as const, 2 as const) });
const leafArb: fc.Arbitrary<Tree> = fc
  .oneof(
    fc.constantFrom('null', 'true', 'false', '0', '-0', '1e-7', '12.50'),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
    fc.tuple(fc.string({ maxLength: 6, unit: 'binary' }), fc.constantFrom(0 as const, 1 as const, 2 as const)).map(([s, style]) => quoted(s, style)),
  )
  .map((text) => ({ t: 'leaf' as const, text }));

const { tree: treeArb } = fc.letrec<{ tree: Tree; obj: Tree; arr: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('obj'), tie('arr')),
  arr: fc.array(tie('tree'), { maxLength: 4 }).map((items) => ({ t: 'arr' as const, items })),
  // Members, then maybe a copy of an earlier member's key (written another way) with a new value.
  obj: fc
    .tuple(fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 5 }), fc.option(fc.tuple(fc.nat(), fc.constantFrom(0 as const, 1 as const, 2 as const), tie('tree'))))
    .map(([members, again]) => {
      if (again === null || members.length === 0) return { t: 'obj' as const, members };
      const [which, style, value] = again;
      const [copied] = members[which % members.length]!;
      return { t: 'obj' as const, members: [...members, [{ key: copied.key, style }, value] as const] };
    }),
}));

const textArb = fc.tuple(treeArb, fc.array(fc.nat(SPACE.length - 1), { maxLength: 16 })).map(([tree, spaces]) => render(tree, spaces));

interface Found {
  readonly key: string;
  readonly segments: readonly PathSegment[];
  readonly at: string;
  readonly first: string;
}

/** Duplicates as momoa's syntax tree shows them (walked without recursion), in the order their keys stand in the text. */
function momoaDuplicates(text: string): Found[] {
  const found: (Found & { offset: number })[] = [];
  const todo: { node: AnyNode; path: readonly PathSegment[] }[] = [{ node: momoaParse(text, { mode: 'json' }).body, path: [] }];
  while (todo.length > 0) {
    const { node, path } = todo.pop()!;
    if (node.type === 'Object') {
      const seen = new Map<string, string>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const { line, column, offset } = member.name.loc.start;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, `${line}:${column}`);
        else found.push({ key: name, segments: [...path, name], at: `${line}:${column}`, first, offset });
        todo.push({ node: member.value, path: [...path, name] });
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, index) => todo.push({ node: element.value, path: [...path, index] }));
    }
  }
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _offset, ...rest }) => rest);
}

const ours = (duplicates: readonly DuplicateKey[]): Found[] =>
  duplicates.map((d) => ({ key: d.key, segments: d.segments, at: `${d.at.line}:${d.at.column}`, first: `${d.first.line}:${d.first.column}` }));

describe('fuzz: the duplicate-key scanner agrees with momoa', () => {
  it('on random JSON texts with injected duplicates, odd white space and escaped keys', () => {
    let withDuplicates = 0;
    let duplicatesSeen = 0;
    fc.assert(
      fc.property(textArb, (text) => {
        JSON.parse(text); // the generator writes valid JSON only
        const expected = momoaDuplicates(text);
        const scan = scanDuplicateKeys(text);
        expect(ours(scan.duplicates)).toEqual(expected);
        expect(scan.count).toBe(expected.length);
        expect(hasDuplicateKeys(text, JSON.parse(text))).toBe(expected.length > 0);
        const parsed = parseJsonText(text);
        expect(parsed.ok).toBe(expected.length === 0);
        if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
        if (expected.length > 0) withDuplicates += 1;
        duplicatesSeen += expected.length;
      }),
      { numRuns: RUNS },
    );
    if (process.env.DTI_FUZZ_RUNS !== undefined) console.log(`json-text fuzz: ${RUNS} texts, ${withDuplicates} with duplicates, ${duplicatesSeen} duplicates, all as momoa finds them`);
    // The generator must really exercise duplicates (about half the texts have some).
    expect(withDuplicates).toBeGreaterThan(RUNS / 5);
    expect(duplicatesSeen).toBeGreaterThan(withDuplicates);
  }, FUZZ_TIMEOUT);

  it('ends without throwing on any text, JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '\\', 'a', ' ', '\n', '\r') }), fc.string({ unit: 'binary' })), (text) => {
        const scan = scanDuplicateKeys(text);
        expect(scan.count).toBeGreaterThanOrEqual(scan.duplicates.length);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);

  it('finds none in any JSON.stringify output, at any indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(ours(scanDuplicateKeys(text).duplicates)).toEqual(momoaDuplicates(text));
        expect(scanDuplicateKeys(text).count).toBe(0);
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);
});
