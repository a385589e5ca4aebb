/**
 * `safeParseCriteria` reports every problem in one run: a schema problem (a
 * misspelt key, a malformed value) no longer hides the cross-field problems of
 * the rest of the set, and a check that depends on a malformed part is skipped
 * rather than reported on a guess. Every issue inside `nodes[...]` names the
 * code of the node it concerns (`Issue.node`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, safeParseCriteria, type Issue, type PathSegment } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_FILE = join(here, 'fixtures', 'criteria', 'small-valid.json');
const BROKEN_DIR = join(here, 'fixtures', 'broken-criteria');
const runs = Number(process.env.FC_RUNS ?? 60);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
const base = (): Json => readJson(BASE_FILE);
/** Leaf `j` of aggregate `i` of the small set (`CQS.<i+1>.<j+1>`). */
const leaf = (set: Json, i: number, j: number): Json => set.nodes[0].children[i].children[j];

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseCriteria(input);
  return result.ok ? [] : result.issues;
}
const brief = (issues: readonly Issue[]): [string, string, string | undefined][] => issues.map((i) => [i.code, i.path, i.node]);
const has = (issues: readonly Issue[], code: string, path: string): boolean => issues.some((i) => i.code === code && i.path === path);

/** Every node position of a set (`nodes[0].children[1]`) and its `code`, whatever it holds. */
function nodeCodes(set: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (list: unknown, path: PathSegment[]): void => {
    if (!Array.isArray(list)) return;
    list.forEach((node: unknown, i) => {
      const at = [...path, i];
      const isObject = typeof node === 'object' && node !== null && !Array.isArray(node);
      out.set(formatPath(at), isObject ? (node as Json).code : undefined);
      if (isObject) walk((node as Json).children, [...at, 'children']);
    });
  };
  walk((set as Json | null)?.nodes, ['nodes']);
  return out;
}

/** The code an issue at `path` must name: that of the nearest node position enclosing it, when a string. */
function expectedNode(path: string, codes: ReadonlyMap<string, unknown>): string | undefined {
  let nearest: string | undefined;
  for (const at of codes.keys()) {
    const inside = path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);
    if (inside && (nearest === undefined || at.length > nearest.length)) nearest = at;
  }
  const code = nearest === undefined ? undefined : codes.get(nearest);
  return typeof code === 'string' ? code : undefined;
}

function expectNodeCodes(input: unknown, issues: readonly Issue[]): void {
  const codes = nodeCodes(input);
  for (const issue of issues) expect(issue.node, `${issue.code} @ ${issue.path}`).toBe(expectedNode(issue.path, codes));
}

describe('safeParseCriteria in one pass', () => {
  it('reports a misspelt key, a duplicate code, missing points and expectedMax mismatches together', () => {
    const set = base();
    leaf(set, 0, 0).evidance = leaf(set, 0, 0).evidence;
    delete leaf(set, 0, 0).evidence;
    leaf(set, 1, 1).code = 'CQS.2.1';
    leaf(set, 0, 2).points = { department: '15' };
    set.levels[0].expectedMax.A = '1000';
    expect(brief(issuesOf(set))).toEqual([
      ['schema/unknown-key', 'nodes[0].children[0].children[0].evidance', 'CQS.1.1'],
      ['criteria/missing-points', 'nodes[0].children[0].children[2].points', 'CQS.1.3'],
      ['criteria/duplicate-code', 'nodes[0].children[1].children[1].code', 'CQS.2.1'],
      ['criteria/expected-max-mismatch', 'levels[0].expectedMax.A', undefined],
      // The commune lost the 10 points of CQS.1.3: 70, not 80.
      ['criteria/expected-max-mismatch', 'levels[1].expectedMax', undefined],
    ]);
  });

  it('reports the cross-field problems of the other rules beside a misspelt rule field', () => {
    const set = base();
    leaf(set, 0, 0).rule.targt = '0.5';
    leaf(set, 1, 1).rule.to = '10';
    leaf(set, 1, 2).rule.each = '0';
    set.ratings[1].min = '0.9';
    expect(brief(issuesOf(set))).toEqual([
      ['schema/unknown-key', 'nodes[0].children[0].children[0].rule.targt', 'CQS.1.1'],
      ['criteria/ratings-order', 'ratings[1].min', undefined],
      ['rule/from-equals-to', 'nodes[0].children[1].children[1].rule', 'CQS.2.2'],
      ['rule/each-not-positive', 'nodes[0].children[1].children[2].rule.each', 'CQS.2.3'],
    ]);
  });

  it('still checks a rule whose only unknown key looks like none of its fields', () => {
    const set = base();
    leaf(set, 0, 0).rule.note = 'ghi chú';
    leaf(set, 0, 0).rule.target = '0';
    expect(brief(issuesOf(set))).toEqual([
      ['schema/unknown-key', 'nodes[0].children[0].children[0].rule.note', 'CQS.1.1'],
      ['rule/target-not-positive', 'nodes[0].children[0].children[0].rule.target', 'CQS.1.1'],
    ]);
  });

  it('skips expectedMax only for the levels and groups a leaf with malformed points applies to', () => {
    const set = base();
    leaf(set, 0, 1).points = '15 điểm'; // CQS.1.2 applies to department only
    set.levels[0].expectedMax.A = '99';
    set.levels[1].expectedMax = '81';
    const issues = issuesOf(set);
    expect(brief(issues)).toEqual([
      ['schema/decimal', 'nodes[0].children[0].children[1].points', 'CQS.1.2'],
      ['criteria/expected-max-mismatch', 'levels[1].expectedMax', undefined],
    ]);
  });

  it('does not guess: no missing points under a misspelt "points" or a malformed rule kind', () => {
    const misspelt = base();
    misspelt.nodes[0].children[0].children[0] = Object.fromEntries(
      Object.entries(leaf(misspelt, 0, 0)).map(([key, value]) => [key === 'points' ? 'pionts' : key, value]),
    );
    expect(brief(issuesOf(misspelt))).toEqual([['schema/unknown-key', 'nodes[0].children[0].children[0].pionts', 'CQS.1.1']]);

    const unknownKind = base();
    leaf(unknownKind, 0, 0).rule.kind = 'percent';
    delete leaf(unknownKind, 0, 0).points;
    leaf(unknownKind, 1, 1).code = 'CQS.2.1';
    expect(brief(issuesOf(unknownKind))).toEqual([
      ['rule/unknown-kind', 'nodes[0].children[0].children[0].rule.kind', 'CQS.1.1'],
      ['criteria/duplicate-code', 'nodes[0].children[1].children[1].code', 'CQS.2.1'],
    ]);
  });

  it('checks the rest of the tree beside a node that is not an object, and beside a malformed level', () => {
    const set = base();
    set.nodes[0].children[0].children[1] = 'CQS.1.2';
    set.levels[0].groups[1].id = 'B nhóm';
    leaf(set, 1, 1).code = 'CQS.2.1';
    leaf(set, 0, 2).aliases = ['CQS.1.1'];
    expect(brief(issuesOf(set))).toEqual([
      ['schema/format', 'levels[0].groups[1].id', undefined],
      ['schema/type', 'nodes[0].children[0].children[1]', undefined], // a string has no code
      ['criteria/duplicate-code', 'nodes[0].children[1].children[1].code', 'CQS.2.1'],
      ['criteria/alias-collides', 'nodes[0].children[0].children[2].aliases[0]', 'CQS.1.3'],
    ]);
  });

  it('leaves a valid set valid, and reports nothing for a set that is not an object', () => {
    expect(safeParseCriteria(base()).ok).toBe(true);
    expect(brief(issuesOf(null))).toEqual([['schema/type', '$', undefined]]);
    expect(brief(issuesOf([]))).toEqual([['schema/type', '$', undefined]]);
  });
});

describe('Issue.node', () => {
  it('names the enclosing node for every issue of the broken-criteria catalogue, zod and cross-field alike', () => {
    const files = readdirSync(BROKEN_DIR).filter((name) => name.endsWith('.json') && name !== 'cases.json');
    let named = 0;
    for (const file of files) {
      const input = readJson(join(BROKEN_DIR, file));
      const issues = issuesOf(input);
      expectNodeCodes(input, issues);
      named += issues.filter((i) => i.node !== undefined).length;
    }
    expect(named).toBeGreaterThan(40);
  });

  it('does not change the path text', () => {
    const set = base();
    leaf(set, 1, 1).code = 'CQS.2.1';
    const [issue] = issuesOf(set);
    expect(issue).toMatchObject({ code: 'criteria/duplicate-code', path: 'nodes[0].children[1].children[1].code', node: 'CQS.2.1' });
  });
});

/** Breakages of the small set that keep its shape valid: each gives cross-field issues only. */
const BREAKAGES: Readonly<Record<string, (set: Json) => void>> = {
  duplicateCode: (s) => { leaf(s, 1, 1).code = 'CQS.2.1'; },
  missingPoints: (s) => { leaf(s, 0, 2).points = { department: '15' }; },
  expectedMax: (s) => { s.levels[0].expectedMax.A = '1000'; },
  bandWorthMore: (s) => { leaf(s, 0, 1).rule.bands[0].points = '20'; },
  targetZero: (s) => { leaf(s, 0, 0).rule.target = '0'; },
  fromEqualsTo: (s) => { leaf(s, 1, 1).rule.to = '10'; },
  aliasCollides: (s) => { leaf(s, 0, 2).aliases = ['CQS.1.1']; },
  appliesWidens: (s) => { leaf(s, 1, 2).appliesTo = ['department']; },
  notUnderParent: (s) => { leaf(s, 1, 0).code = 'CQS.1.7'; },
  ratingsOrder: (s) => { s.ratings[1].min = '0.9'; },
  infoWithPoints: (s) => { leaf(s, 1, 3).points = '5'; },
  eachZero: (s) => { leaf(s, 1, 2).rule.each = '0'; },
  pointsNotApplicable: (s) => { leaf(s, 0, 1).points = { department: '15', commune: '15' }; },
  capUnknownLevel: (s) => { s.nodes[0].children[0].cap = { district: '5', department: '1000' }; },
};

/** Every node of a set with its path. */
function nodesOf(set: Json): { path: PathSegment[]; node: Json }[] {
  const out: { path: PathSegment[]; node: Json }[] = [];
  const walk = (list: Json[], path: PathSegment[]): void =>
    list.forEach((node, i) => {
      out.push({ path: [...path, i], node });
      if (Array.isArray(node.children)) walk(node.children as Json[], [...path, i, 'children']);
    });
  walk(set.nodes as Json[], ['nodes']);
  return out;
}

/** An unknown key that looks like no field of a node (so it leaves every field known). */
const unknownKey = fc.oneof(
  fc.constantFrom('evidance', 'descripton', 'sorce', 'note', 'comment', 'remarks', 'ghiChu'),
  fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,12}$/).map((s) => `zz_${s}`),
);

describe('one pass (fast-check)', () => {
  it('an unknown key in any node adds its own issue and hides none of the cross-field issues', () => {
    fc.assert(
      fc.property(
        fc.subarray(Object.keys(BREAKAGES), { minLength: 1 }),
        fc.nat(),
        unknownKey,
        fc.jsonValue({ maxDepth: 2 }),
        (breakages, pick, key, value) => {
          const broken = base();
          for (const name of breakages) BREAKAGES[name]!(broken);
          const crossField = issuesOf(broken);
          expect(crossField.length).toBeGreaterThan(0);
          expect(crossField.filter((i) => i.code.startsWith('schema/'))).toEqual([]);

          const nodes = nodesOf(broken);
          const target = nodes[pick % nodes.length]!;
          fc.pre(!(key in target.node));
          target.node[key] = value;
          const issues = issuesOf(broken);
          expect(issues[0]).toMatchObject({ code: 'schema/unknown-key', path: formatPath([...target.path, key]), node: target.node.code });
          expect(issues.slice(1)).toEqual(crossField);
          expectNodeCodes(broken, issues);
        },
      ),
      { numRuns: runs * 5 },
    );
  });
});
