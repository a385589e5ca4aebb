import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { criteriaHash, criteriaJsonSchema, scoreBatch, submissionJsonSchema, safeParseCriteria, type CriteriaSet } from '../src/index.js';
import { EMBEDDED_SETS, embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { leavesOf } from './support/arbitraries.js';
import { canonicalJson } from '../src/canonical/canonical-json.js';
import { sha256Hex } from '../src/canonical/sha256.js';
import { compactJsonText } from '../src/format/json-text.js';
import { checkAndCompile } from '../src/compile/validate-criteria.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { safeReadCriteriaFile } from '../src/node/index.js';
import { EMBEDDED_FILES } from './support/embedded-hashes.js';
import { EMBEDDED_HASHES } from '../src/sets/hashes.js';

const files = readdirSync('criteria', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(`criteria/${entry.name}`).map((f) => `criteria/${entry.name}/${f}`));

/** Maximum per level/group computed independently: sum of the leaf points that apply (no caps in these sets). */
function independentMax(set: CriteriaSet): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { node, atoms } of leavesOf(set)) {
    if (node.rule?.kind === 'info') continue;
    for (const atom of atoms) {
      const level = atom.split('/')[0]!;
      const p = node.points;
      const value = typeof p === 'object' ? Number(p[level]) : Number(p);
      totals.set(atom, (totals.get(atom) ?? 0) + value);
    }
  }
  return totals;
}

describe('criteria files', () => {
  it.each(files)('%s validates and its totals equal expectedMax', (file) => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CriteriaSet;
    const result = safeParseCriteria(data);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(file).toBe(`criteria/${data.id}/${data.version}.json`);
    const totals = independentMax(data);
    for (const level of data.levels) {
      const em = level.expectedMax;
      if (em === undefined) continue;
      if (typeof em === 'object') for (const [group, value] of Object.entries(em)) expect(totals.get(`${level.id}/${group}`)).toBe(Number(value));
      else expect(totals.get(level.id)).toBe(Number(em));
    }
  });

  it('can-tho@2022.1.0 is labelled a reconstruction and has the reference structure', () => {
    const set = getCriteria('can-tho@2022.1.0');
    expect(set.title.vi).toContain('tái dựng');
    expect(set.title.en).toContain('reconstruction');
    expect(set.levels.map((l) => l.id)).toEqual(['department', 'district', 'commune']);
    expect(set.nodes.map((n) => n.code)).toEqual(['CQS', 'KTS', 'XHS']);
    const leaves = leavesOf(set);
    expect(leaves).toHaveLength(55);
    const count = (atom: string): number => leaves.filter((l) => l.atoms.has(atom)).length;
    expect([count('department/A'), count('department/B'), count('department/C'), count('district'), count('commune')]).toEqual([41, 29, 25, 46, 44]);
    for (const { node } of leaves) {
      expect(node.evidence?.vi, node.code).toBeTruthy();
      expect(node.source, node.code).toBeTruthy();
    }
  });

  it('vn-dti-province@2022.1.0 has nine main indices, smart city as info, 1000 points', () => {
    const set = getCriteria('vn-dti-province@2022.1.0');
    expect(set.nodes).toHaveLength(9);
    expect(set.nodes[5]?.rule?.kind).toBe('info');
    expect(set.rounding?.index).toBe(4);
    expect(set.ranking?.ties).toBe('competition');
  });

  it('every embedded set is listed, and the loader resolves id@version and id', () => {
    expect(embeddedCriteria.list().map((e) => e.ref)).toEqual(EMBEDDED_SETS.map((set) => `${set.id}@${set.version}`));
    expect(getCriteria('can-tho@2022.1.0').version).toBe('2022.1.0');
    expect(getCriteria('vn-dti-province').version).toBe('2025.1.0');
    expect(getCriteria('can-tho').version).toBe('2025.1.0');
    expect(() => getCriteria('nowhere@1.0.0')).toThrowError(/criteria\/not-found|nowhere/);
  });
});

describe('hashes computed at build time (src/sets/hashes.ts)', () => {
  it('equal the sha256 of each embedded file\'s canonical JSON, recomputed', async () => {
    const { EMBEDDED_FILES, embeddedHashesModule, freshHash } = await import('./support/embedded-hashes.js');
    const { EMBEDDED_HASHES } = await import('../src/sets/hashes.js');
    expect(readFileSync('src/sets/hashes.ts', 'utf8')).toBe(embeddedHashesModule());
    expect(Object.keys(EMBEDDED_HASHES)).toEqual(EMBEDDED_SETS.map((set) => `${set.id}@${set.version}`));
    for (const file of EMBEDDED_FILES) {
      const { ref, sha256 } = freshHash(file);
      expect(EMBEDDED_HASHES[ref], file).toBe(sha256);
      const set = EMBEDDED_SETS.find((s) => `${s.id}@${s.version}` === ref)!;
      expect(criteriaHash(set), ref).toBe(sha256);
      expect(sha256Hex(canonicalJson(set)), ref).toBe(sha256);
    }
    expect(embeddedCriteria.list().map((entry) => entry.sha256)).toEqual(EMBEDDED_SETS.map((set) => EMBEDDED_HASHES[`${set.id}@${set.version}`]));
  });

  it('with the facts a registry lists (id, version, status, dates), read again from each set', () => {
    const listed = embeddedCriteria.list().map(({ id, version, status, effective, sha256 }) => ({ id, version, status, effective, sha256 }));
    expect(listed).toEqual(EMBEDDED_SETS.map((set) => ({ id: set.id, version: set.version, status: set.status, effective: { from: set.effective.from, to: set.effective.to }, sha256: criteriaHash(set) })));
  });
});

describe('embedded sets compiled without their checks (checked when built)', () => {
  it('compile to the plan the full check gives a copy of them', () => {
    for (const set of EMBEDDED_SETS) {
      const trusted = checkAndCompile(set, DEFAULT_LIMITS, true);
      const full = checkAndCompile(JSON.parse(JSON.stringify(set)), DEFAULT_LIMITS, false);
      expect(trusted.issues).toEqual([]);
      expect(full.issues).toEqual([]);
      const { set: ownSet, ...plan } = trusted.compiled!;
      const { set: copySet, ...fullPlan } = full.compiled!;
      expect(ownSet).toBe(set);
      expect(copySet).toEqual(set);
      expect(plan).toEqual(fullPlan);
    }
  });

  it('a set that only the checks would refuse is still refused when it is not the package\'s own', () => {
    const set = JSON.parse(JSON.stringify(getCriteria('can-tho@2022.1.0'))) as { levels: { expectedMax?: unknown }[] };
    set.levels[1]!.expectedMax = '999';
    expect(checkAndCompile(set, DEFAULT_LIMITS, false).issues.map((issue) => issue.code)).toEqual(['criteria/expected-max-mismatch']);
  });
});

describe('a copy of an embedded set in a criteria folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-twin-'));

  it('is read as that set (already checked and compiled), compared on its text', () => {
    for (const file of EMBEDDED_FILES) {
      const text = readFileSync(file, 'utf8');
      const set = EMBEDDED_SETS.find((s) => file === `criteria/${s.id}/${s.version}.json`)!;
      // The file is the set's own JSON text, white space aside.
      expect(compactJsonText(text), file).toBe(JSON.stringify(set));
      const read = safeReadCriteriaFile(file);
      expect(read.ok && read.value, file).toBe(set);
      // Indented otherwise, with a BOM and CRLF: the same tokens, the same set.
      const other = join(dir, 'other.json');
      writeFileSync(other, `\uFEFF${JSON.stringify(set, null, '\t').replace(/\n/g, '\r\n')}`);
      const again = safeReadCriteriaFile(other);
      expect(again.ok && again.value, file).toBe(set);
    }
  });

  it('read as any other file once a token differs: checked, a new set, or its issues', () => {
    const text = readFileSync('criteria/can-tho/2022.1.0.json', 'utf8');
    const file = join(dir, 'edited.json');
    // A value written another way (the same number): read and checked as any file, equal but not the embedded object.
    writeFileSync(file, text.replace('"points": 2,', '"points": 2.0,'));
    const respelt = safeReadCriteriaFile(file);
    expect(respelt.ok).toBe(true);
    if (respelt.ok) {
      expect(respelt.value).not.toBe(getCriteria('can-tho@2022.1.0'));
      expect(criteriaHash(respelt.value)).toBe(EMBEDDED_HASHES['can-tho@2022.1.0']);
    }
    // A key given twice is refused, as in any file.
    writeFileSync(file, text.replace('"status": "published",', '"status": "published", "status": "published",'));
    const twice = safeReadCriteriaFile(file);
    expect(twice.ok ? [] : twice.issues.map((issue) => issue.code)).toEqual(['json/duplicate-key']);
    // Under lower size limits the copy is checked against them.
    const small = safeReadCriteriaFile('criteria/can-tho/2022.1.0.json', { limits: { nodes: 10 } });
    expect(small.ok ? [] : small.issues.map((issue) => issue.code)).toEqual(['input/too-large']);
  });
});

describe('JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const criteriaSchema = ajv.compile(criteriaJsonSchema());
  const submissionSchema = ajv.compile(submissionJsonSchema());

  it('the committed schema files are the generated ones (run npm run build to refresh)', () => {
    expect(JSON.parse(readFileSync('schema/criteria.schema.json', 'utf8'))).toEqual(criteriaJsonSchema());
    expect(JSON.parse(readFileSync('schema/submission.schema.json', 'utf8'))).toEqual(submissionJsonSchema());
  });

  it.each(files)('%s is valid against the JSON Schema', (file) => {
    expect(criteriaSchema(JSON.parse(readFileSync(file, 'utf8'))), JSON.stringify(criteriaSchema.errors)).toBe(true);
  });

  it('flags a misspelt key, as an editor would', () => {
    const data = JSON.parse(readFileSync('criteria/can-tho/2022.1.0.json', 'utf8'));
    data.nodes[0].evidance = { vi: 'x' };
    expect(criteriaSchema(data)).toBe(false);
  });

  it('validates the example submissions, and rejects a unit without level', () => {
    const example = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
    expect(submissionSchema(example), JSON.stringify(submissionSchema.errors)).toBe(true);
    expect(submissionSchema({ units: [{ id: 'x', values: {} }] })).toBe(false);
    expect(scoreBatch(getCriteria('can-tho@2022.1.0'), example).results).toHaveLength(example.units.length);
  });
});

describe('docs', () => {
  it('docs/guides/error-codes.md lists every issue code (regenerate with npx tsx scripts/docs-errors.ts)', async () => {
    const { errorCodesMarkdown } = await import('./support/error-codes-doc.js');
    expect(readFileSync('docs/guides/error-codes.md', 'utf8')).toBe(errorCodesMarkdown());
  });
});
