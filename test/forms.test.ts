import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectWellFormedIssue } from './support/issues.js';
import { formFields, listFormFields, type FormField, type FormSection } from '../src/forms/form-fields.js';
import { unitSubmissionJsonSchemaFor, unitSubmissionSchemaFor } from '../src/forms/unit-schema.js';
import { fromZodIssues } from '../src/format/zod-issues.js';
import { DtiError, ISSUE_CODES, formatPath, parseCriteria, safeScoreBatch, type CriteriaNode, type CriteriaSet, type Issue, type PathSegment, type UnitSubmission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { leavesOf, unitFor } from './support/arbitraries.js';

const REFS = ['can-tho@2022.1.0', 'can-tho@2023.1.0', 'can-tho@2025.1.0', 'vn-dti-province@2022.1.0', 'vn-dti-province@2025.1.0'] as const;

/** Every level/group atom of a set, read from the JSON. */
function atomsOf(set: CriteriaSet): string[] {
  return set.levels.flatMap((level) => (level.groups?.length ? level.groups.map((g) => `${level.id}/${g.id}`) : [level.id]));
}

function split(atom: string): [string, string | undefined] {
  const [level, group] = atom.split('/') as [string, string | undefined];
  return [level, group];
}

/** The level's `expectedMax` for an atom, straight from the JSON. */
function expectedMax(set: CriteriaSet, atom: string): number {
  const [level, group] = split(atom);
  const em = set.levels.find((l) => l.id === level)?.expectedMax;
  if (em === undefined) throw new Error(`no expectedMax for ${atom}`);
  return Number(typeof em === 'object' ? em[group!] : em);
}

function pointsAt(node: CriteriaNode, level: string): number {
  const p = node.points;
  if (p === undefined) return 0;
  return Number(typeof p === 'object' ? p[level] : p);
}

const CASES = REFS.flatMap((ref) => atomsOf(getCriteria(ref)).map((atom) => [ref, atom] as const));

const scorerIssues = (set: CriteriaSet, unit: unknown): readonly Issue[] => {
  const outcome = safeScoreBatch(set, { units: [unit] });
  return outcome.ok ? [] : outcome.issues;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function jsonValidator(ref: string, atom: string): ReturnType<typeof ajv.compile> {
  const key = `${ref} ${atom}`;
  let validate = validators.get(key);
  if (!validate) {
    const [level, group] = split(atom);
    validate = ajv.compile(unitSubmissionJsonSchemaFor(getCriteria(ref), level, group));
    validators.set(key, validate);
  }
  return validate;
}

function zodIssues(set: CriteriaSet, atom: string, unit: unknown): Issue[] {
  const [level, group] = split(atom);
  const parsed = unitSubmissionSchemaFor(set, level, group).safeParse(unit);
  return parsed.success ? [] : fromZodIssues(parsed.error.issues, unit, ['units', 0]);
}

describe('formFields', () => {
  it.each(CASES)('%s %s: fields are exactly the leaves that apply, in tree order', (ref, atom) => {
    const set = getCriteria(ref);
    const [level, group] = split(atom);
    const fields = listFormFields(formFields(set, level, group));
    const leaves = leavesOf(set).filter((leaf) => leaf.atoms.has(atom));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.map((f) => f.code)).toEqual(leaves.map((leaf) => leaf.node.code));
    fields.forEach((field, i) => {
      const node = leaves[i]!.node;
      expect(field.valuePath).toEqual(['values', node.code]);
      expect(field.rule.kind).toBe(node.rule!.kind);
      expect(field.allowNA).toBe(node.allowNA ?? false);
      expect(field.label.vi).toBe(node.name.vi);
      expect(field.required).toBe(false); // every embedded set uses `missing: zero`
      expect(field.evidenceRequired).toBe(node.evidenceRequired ?? false);
      expect(field.rule.text.vi.length).toBeGreaterThan(0);
      if (node.rule!.kind === 'info') expect(field.maxPoints).toBeNull();
      else expect(Number(field.maxPoints)).toBe(pointsAt(node, level));
    });
  });

  it.each(CASES)('%s %s: section maxima add up to the level maximum and match the scorer', (ref, atom) => {
    const set = getCriteria(ref);
    const [level, group] = split(atom);
    const sections = formFields(set, level, group);
    const total = sections.reduce((acc, s) => acc + Number(s.maxPoints), 0);
    expect(total).toBe(expectedMax(set, atom));
    // An empty unit under `missing: zero` counts every leaf: the scorer's maxima are the form's.
    const outcome = safeScoreBatch(set, { units: [{ id: 'u', level, ...(group ? { group } : {}), values: {} }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const result = outcome.value.results[0]!;
    expect(Number(result.maxPoints)).toBe(total);
    const visit = (section: FormSection): void => {
      if (section.code !== null) expect(section.maxPoints).toBe(result.nodes[section.code]?.maxPoints);
      const childSum = section.items.reduce((acc, item) => acc + Number(item.maxPoints ?? 0), 0);
      expect(childSum).toBeCloseTo(Number(section.maxPoints), 6); // no caps in the embedded sets
      for (const item of section.items) if (item.type === 'section') { expect(item.depth).toBe(section.depth + 1); visit(item); }
    };
    sections.forEach((s) => { expect(s.depth).toBe(1); visit(s); });
  });

  it('describes each input by its rule', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const byCode = new Map(listFormFields(formFields(set, 'district', undefined, 'en')).map((f) => [f.code, f]));
    const input = (code: string): FormField['input'] => byCode.get(code)!.input;
    expect(input('CQS.2.1')).toEqual({ type: 'yes-no' });
    expect(input('CQS.1.3')).toMatchObject({ type: 'fraction', allowOver: false, numerator: { label: { text: 'Numerator (n)' } } });
    expect(input('CQS.1.2')).toMatchObject({ type: 'number', whole: false, fraction: { denominator: { label: { en: 'Denominator (d)' } } } });
    expect(input('CQS.7.3')).toEqual({ type: 'number', whole: false, percent: true, min: '0', max: '1' });
    expect(input('KTS.3.1')).toEqual({ type: 'number', whole: true, percent: false, min: '0' });
    expect(input('CQS.6.4')).toEqual({ type: 'points', min: '0', max: '20.00' });
    expect(input('CQS.8.1')).toEqual({ type: 'note' });
    expect(input('CQS.4.2')).toMatchObject({ type: 'one-of', options: [{ id: 'chuyen-trach', points: '15.00' }, { id: 'kiem-nhiem', points: '7.50' }, { id: 'chua-co', points: '0.00' }] });
    const checklist = input('CQS.1.4');
    expect(checklist.type).toBe('any-of');
    if (checklist.type === 'any-of') expect(checklist.items.map((i) => i.id)).toEqual(['chuyen-muc', 'mang-xa-hoi', 'truyen-thanh', 'ngay-cds']);
    expect(byCode.get('CQS.7.3')!.allowNA).toBe(true);
    expect(byCode.get('CQS.8.1')!.maxPoints).toBeNull();
    const department = listFormFields(formFields(set, 'department', 'A'));
    expect(department.find((f) => f.code === 'CQS.3.5')!.input).toEqual({ type: 'number', whole: false, percent: false, min: '0' });
  });

  it('marks the leaves that require evidence (spec §12), and only those', () => {
    // No embedded set requires evidence yet: the test set of the appraisal guide does (A.1.1, B.1.1).
    const set = parseCriteria(JSON.parse(readFileSync(new URL('./fixtures/appraisal/criteria.json', import.meta.url), 'utf8')));
    const fields = listFormFields(formFields(set, 'xa'));
    expect(fields.filter((f) => f.evidenceRequired).map((f) => f.code)).toEqual(['A.1.1', 'B.1.1']);
    expect(fields.map((f) => f.code)).toEqual(['A.1.1', 'A.1.2', 'A.2.1', 'B.1.1', 'C.1.1']);
    // An info leaf may require evidence too: it is marked, never scored.
    const info = parseCriteria({ ...set, nodes: [{ code: 'I.1', name: { vi: 'Ghi nhận' }, rule: { kind: 'info' }, evidenceRequired: true }, ...set.nodes] });
    const first = listFormFields(formFields(info, 'xa'))[0]!;
    expect([first.code, first.evidenceRequired, first.maxPoints]).toEqual(['I.1', true, null]);
  });

  it('gives both languages and `text` in the language asked for', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const vi = formFields(set, 'commune');
    const en = formFields(set, 'commune', undefined, 'en');
    expect(vi[0]!.name).toEqual({ vi: 'Chính quyền số', en: 'Digital government', text: 'Chính quyền số' });
    expect(en[0]!.name.text).toBe('Digital government');
    const field = listFormFields(en).find((f) => f.code === 'CQS.1.1')!;
    // No English evidence in the set: `en` falls back to Vietnamese.
    expect(field.evidence?.en).toBe(field.evidence?.vi);
    expect(field.rule.text.text).toBe(field.rule.text.en);
    expect(listFormFields(vi).find((f) => f.code === 'CQS.1.1')!.rule.text.text).toBe(field.rule.text.vi);
  });

  it('gathers top-level leaves in sections named after the set, and applies caps', () => {
    const set = parseCriteria({
      format: 1, id: 'mini', version: '2024.1.0', status: 'draft', title: { vi: 'Bộ nhỏ', en: 'Mini set' }, basis: [],
      effective: { from: '2024-01-01', to: null },
      levels: [{ id: 'x', name: { vi: 'X' }, expectedMax: '30' }],
      nodes: [
        { code: 'A', name: { vi: 'A' }, points: '10', rule: { kind: 'boolean' } },
        { code: 'B', name: { vi: 'B' }, cap: '15', children: [
          { code: 'B.1', name: { vi: 'B.1' }, points: '10', rule: { kind: 'boolean' } },
          { code: 'B.2', name: { vi: 'B.2' }, points: '10', rule: { kind: 'count', each: '2.5' } },
        ] },
        { code: 'C', name: { vi: 'C' }, points: '5', rule: { kind: 'ratio', allowOver: true } },
        { code: 'D', name: { vi: 'D' }, rule: { kind: 'info' }, allowNA: true },
      ],
    });
    const sections = formFields(set, 'x', null, 'en');
    expect(sections.map((s) => [s.code, s.maxPoints, s.name.text, s.items.length])).toEqual([
      [null, '10.00', 'Mini set', 1],
      ['B', '15.00', 'B', 2],
      [null, '5.00', 'Mini set', 2],
    ]);
    const fields = listFormFields(sections);
    expect(fields.map((f) => f.code)).toEqual(['A', 'B.1', 'B.2', 'C', 'D']);
    expect(fields[3]!.input).toMatchObject({ type: 'fraction', allowOver: true });
    expect(fields[4]!.allowNA).toBe(true);
    const schema = unitSubmissionSchemaFor(set, 'x');
    expect(schema.safeParse({ id: 'u', level: 'x', values: { C: { numerator: 9, denominator: 3 }, D: 'n/a' } }).success).toBe(true);
    expect(schema.safeParse({ id: 'u', level: 'x', group: null, values: { B: true } }).success).toBe(false);
  });

  it('rejects a bad level or group with the scorer\'s codes', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const codeOf = (run: () => unknown): string | undefined => {
      try { run(); } catch (error) { if (error instanceof DtiError) return error.issues[0]?.code; throw error; }
      return undefined;
    };
    for (const build of [
      (level: string, group?: string) => formFields(set, level, group),
      (level: string, group?: string) => unitSubmissionSchemaFor(set, level, group),
      (level: string, group?: string) => unitSubmissionJsonSchemaFor(set, level, group),
    ]) {
      expect(codeOf(() => build('province'))).toBe('submission/unknown-level');
      expect(codeOf(() => build('department'))).toBe('submission/group-required');
      expect(codeOf(() => build('department', 'Z'))).toBe('submission/unknown-group');
      expect(codeOf(() => build('commune', 'A'))).toBe('submission/group-not-allowed');
      expect(codeOf(() => build('department', 'B'))).toBeUndefined();
    }
  });

  it('marks scored leaves required under `missing: error`, and the schemas enforce it', () => {
    const base = JSON.parse(JSON.stringify(getCriteria('can-tho@2022.1.0'))) as Record<string, unknown>;
    const set = parseCriteria({ ...base, missing: 'error' });
    const fields = listFormFields(formFields(set, 'commune'));
    expect(fields.filter((f) => !f.required).map((f) => f.code)).toEqual(['CQS.8.1']);
    const full: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.code === 'CQS.8.1') continue;
      full[field.code] = field.allowNA ? 'n/a' : field.input.type === 'yes-no' ? true : field.input.type === 'fraction' ? { numerator: 1, denominator: 2 } : field.input.type === 'one-of' ? field.input.options[0]!.id : field.input.type === 'any-of' ? [] : 1;
    }
    const schema = unitSubmissionSchemaFor(set, 'commune');
    const validate = new Ajv2020({ strict: false }).compile(unitSubmissionJsonSchemaFor(set, 'commune'));
    const unit = { id: 'u', level: 'commune', values: full };
    expect(schema.safeParse(unit).success).toBe(true);
    expect(validate(unit)).toBe(true);
    expect(scorerIssues(set, unit)).toEqual([]);
    const { 'CQS.2.1': moved, ...rest } = full;
    const viaAppraisal = { id: 'u', level: 'commune', values: rest, appraised: { 'CQS.2.1': moved } };
    expect(schema.safeParse(viaAppraisal).success).toBe(true);
    expect(validate(viaAppraisal)).toBe(true);
    expect(scorerIssues(set, viaAppraisal)).toEqual([]);
    const missing = { id: 'u', level: 'commune', values: rest };
    const parsed = schema.safeParse(missing);
    expect(parsed.success).toBe(false);
    expect(fromZodIssues(parsed.error!.issues, missing).map((i) => `${i.code} ${i.path} ${JSON.stringify(i.params)}`)).toEqual(['submission/missing-values values {"unit":"u","codes":["CQS.2.1"]}']);
    expect(validate(missing)).toBe(false);
    expect(scorerIssues(set, missing).map((i) => i.code)).toEqual(['submission/missing-values']);
  });

  it('the form schema reads unit ids by the identity rules of spec section 10, with the same codes as the scorer', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const schema = unitSubmissionSchemaFor(set, 'commune');
    for (const [id, code] of [['an-binh\u200b', 'id/invisible'], ['   ', 'id/empty'], ['аn-binh', 'id/character']] as const) {
      const unit = { id, level: 'commune', values: {} };
      const parsed = schema.safeParse(unit);
      expect(parsed.success, id).toBe(false);
      expect(fromZodIssues(parsed.error!.issues, unit).map((i) => `${i.code} ${i.path}`)).toContain(`${code} id`);
      expect(scorerIssues(set, unit).map((i) => i.code)).toContain(code);
    }
    expect(schema.safeParse({ id: 'phường-an-bình', level: 'commune', values: {}, parent: 'ninh-kiều' }).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The zod schema, the scorer and the JSON Schema agree on random valid and corrupted units.

interface Corruption {
  readonly what: string;
  readonly value: unknown;
  /** Path below the leaf's value where the problem is reported. */
  readonly at: readonly PathSegment[];
  /** A check JSON Schema cannot express: the JSON Schema accepts this corruption. */
  readonly jsonBlind?: boolean;
}

const c = (what: string, value: unknown, at: readonly PathSegment[] = [], jsonBlind = false): Corruption => ({ what, value, at, ...(jsonBlind ? { jsonBlind } : {}) });

/** Every corruption of one leaf's value that both checkers must reject. */
function corruptionsOf(node: CriteriaNode, level: string): fc.Arbitrary<Corruption>[] {
  const rule = node.rule!;
  const out: fc.Arbitrary<Corruption>[] = [];
  const wrong: Record<string, unknown[]> = {
    boolean: ['yes', 1, null, { value: true }],
    ratio: [5, '0.5', true, [1, 2], null],
    bands: [true, [1], null, 'abc'],
    linear: [true, { x: 1 }, null, '1,5'],
    count: [true, [3], 'three', null],
    choice: [5, true, ['x'], null],
    checklist: ['x', 5, true, null],
    relative: [true, 'many', null],
    appraised: [true, [1], null],
    info: [{}, [1], { n: 1 }],
  };
  out.push(fc.constantFrom(...(wrong[rule.kind] ?? [])).map((v) => c('wrong type', v)));
  if (!node.allowNA) out.push(fc.constantFrom('n/a', 'N/A', ' n/a ').map((v) => c('n/a not allowed', v)));
  const negative = fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.integer({ min: -1000, max: -1 }).map((n) => `${n / 4}`));
  switch (rule.kind) {
    case 'ratio':
    case 'bands':
      out.push(fc.tuple(negative, fc.integer({ min: 0, max: 100 })).map(([n, d]) => c('negative numerator', { numerator: n, denominator: d }, ['numerator'])));
      out.push(fc.tuple(fc.integer({ min: 0, max: 100 }), negative).map(([n, d]) => c('negative denominator', { numerator: n, denominator: d }, ['denominator'])));
      out.push(fc.constantFrom({ numerator: 1 }, { denominator: 1 }).map((v) => c('missing part', v, 'numerator' in v ? ['denominator'] : ['numerator'])));
      if (rule.kind === 'bands' || !rule.allowOver) {
        out.push(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([d, k]) => c('n > d', { numerator: d + k, denominator: d }, [], true)));
      }
      break;
    case 'count':
      out.push(negative.map((v) => c('negative', v)));
      out.push(fc.constantFrom(2.5, '1.5', 0.1, '3.25').map((v) => c('fractional count', v)));
      break;
    case 'relative':
      out.push(negative.map((v) => c('negative', v)));
      break;
    case 'appraised': {
      const max = pointsAt(node, level);
      out.push(negative.map((v) => c('negative', v)));
      out.push(fc.integer({ min: 1, max: 10_000 }).map((k) => c('appraised > P (number)', max + k / 100)));
      out.push(fc.integer({ min: 1, max: 10_000 }).map((k) => c('appraised > P (string)', (max + k / 100).toFixed(2), [], true)));
      break;
    }
    case 'choice':
      out.push(fc.constantFrom('khong-co', 'Head', 'x').map((v) => c('unknown option', v)));
      break;
    case 'checklist': {
      const ids = rule.items.map((i) => i.id);
      out.push(fc.subarray(ids).map((chosen) => c('unknown item (list)', [...chosen, 'khong-co'], [chosen.length])));
      out.push(fc.constant(c('unknown item (object)', { [ids[0]!]: true, 'khong-co': true }, ['khong-co'])));
      out.push(fc.constantFrom(...ids).map((id) => c('duplicate item', [id, id], [1])));
      out.push(fc.constantFrom(...ids).map((id) => c('non-boolean item', { [id]: 'yes' }, [id])));
      out.push(fc.constant(c('non-string item', [7], [0])));
      break;
    }
    default:
      break;
  }
  return out;
}

interface Sample {
  readonly unit: UnitSubmission;
  readonly path: string;
  readonly what: string;
  readonly jsonBlind: boolean;
}

function corruptedUnit(set: CriteriaSet, atom: string): fc.Arbitrary<Sample> {
  const [level] = split(atom);
  const applying = leavesOf(set).filter((leaf) => leaf.atoms.has(atom));
  const elsewhere = leavesOf(set).filter((leaf) => !leaf.atoms.has(atom)).map((leaf) => leaf.node.code);
  const aggregates = set.nodes.filter((n) => n.children).map((n) => n.code);
  const leafCorruptions = applying.flatMap((leaf) => corruptionsOf(leaf.node, level).map((arb) => arb.map((corruption) => ({ code: leaf.node.code, corruption }))));
  const unknownCodes = fc
    .constantFrom('ZZZ.9.9', 'cqs.1.1', ...aggregates, ...elsewhere)
    .map((code) => ({ code, corruption: c(`unknown code ${code}`, true) }));
  return fc.tuple(unitFor(set, atom, 'u0'), fc.oneof(...leafCorruptions, unknownCodes), fc.boolean()).map(([unit, { code, corruption }, inAppraisal]) => {
    const where = inAppraisal ? 'appraised' : 'values';
    const record = { ...(inAppraisal ? {} : unit.values), [code]: corruption.value };
    return {
      unit: { ...unit, [where]: record },
      path: formatPath(['units', 0, where, code, ...corruption.at]),
      what: corruption.what,
      jsonBlind: corruption.jsonBlind ?? false,
    };
  });
}

describe('unitSubmissionSchemaFor and unitSubmissionJsonSchemaFor', () => {
  it.each(CASES)('%s %s: random valid units pass the zod schema, the scorer and the JSON Schema', (ref, atom) => {
    const set = getCriteria(ref);
    const validate = jsonValidator(ref, atom);
    fc.assert(
      fc.property(unitFor(set, atom, 'u0'), (unit) => {
        expect(zodIssues(set, atom, unit)).toEqual([]);
        expect(scorerIssues(set, unit)).toEqual([]);
        expect(validate(unit), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it.each(CASES)('%s %s: one corrupted value is rejected by both, with the same issues (code, path, message)', (ref, atom) => {
    const set = getCriteria(ref);
    const validate = jsonValidator(ref, atom);
    const known = new Set<string>(ISSUE_CODES);
    fc.assert(
      fc.property(corruptedUnit(set, atom), (sample) => {
        const fromZod = zodIssues(set, atom, sample.unit);
        const fromScorer = scorerIssues(set, sample.unit);
        const context = `${sample.what} at ${sample.path}: zod ${JSON.stringify(fromZod)} scorer ${JSON.stringify(fromScorer)}`;
        expect(fromZod.length, context).toBeGreaterThan(0);
        expect(fromScorer.length, context).toBeGreaterThan(0);
        expect([...new Set(fromZod.map((i) => i.path))], context).toEqual([sample.path]);
        expect([...new Set(fromScorer.map((i) => i.path))], context).toEqual([sample.path]);
        // One vocabulary: the schema says what the scorer says.
        expect(fromZod.map((i) => [i.code, i.path, i.params, i.message]), context).toEqual(fromScorer.map((i) => [i.code, i.path, i.params, i.message]));
        for (const issue of fromZod) {
          expect(known.has(issue.code), context).toBe(true);
          expectWellFormedIssue(issue);
        }
        expect(validate(sample.unit), `${context}; JSON Schema`).toBe(sample.jsonBlind);
      }),
      { numRuns: 150 },
    );
  });

  it('is strict about the unit itself', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const schema = unitSubmissionSchemaFor(set, 'department', 'B');
    const validate = new Ajv2020({ strict: false }).compile(unitSubmissionJsonSchemaFor(set, 'department', 'B'));
    const good = { id: 'stp', name: 'Sở Tư pháp', level: 'department', group: 'B', parent: null, values: {}, appraised: { 'CQS.6.4': '12.5' } };
    expect(schema.safeParse(good).success).toBe(true);
    expect(validate(good)).toBe(true);
    // Valid units of another level or group: the scorer takes them, this schema does not.
    for (const unit of [{ ...good, group: 'A' }, { ...good, level: 'district', group: undefined }]) {
      expect(schema.safeParse(unit).success, JSON.stringify(unit)).toBe(false);
      expect(validate(JSON.parse(JSON.stringify(unit))), JSON.stringify(unit)).toBe(false);
      expect(scorerIssues(set, unit), JSON.stringify(unit)).toEqual([]);
    }
    const bad = [
      { id: 'stp', level: 'department', values: {} },
      { ...good, id: '' },
      { ...good, extra: 1 },
      { ...good, values: { 'KTS.1.1': true } }, // a pillar group B is not assessed on
    ];
    for (const unit of bad) {
      expect(schema.safeParse(unit).success, JSON.stringify(unit)).toBe(false);
      expect(validate(unit), JSON.stringify(unit)).toBe(false);
      expect(scorerIssues(set, unit).length, JSON.stringify(unit)).toBeGreaterThan(0);
    }
    const district = unitSubmissionSchemaFor(set, 'district');
    expect(district.safeParse({ id: 'nk', level: 'district', group: null, values: {} }).success).toBe(true);
    expect(district.safeParse({ id: 'nk', level: 'district', group: 'A', values: {} }).success).toBe(false);
    expect(unitSubmissionSchemaFor(set, 'district')).toBe(district);
  });

  it('reports the scorer\'s own coded issues, in both languages', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const unit = {
      id: 'nk', level: 'district',
      values: { 'CQS.1.3': { numerator: 16, denominator: 15 }, 'KTS.3.1': 2.5, 'CQS.1.4': ['chuyen-muc', 'chuyen-muc'], 'CQS.6.4': 21, 'CQS.1.1': 'boss', 'CQS.7.1': 'n/a' },
    };
    const parsed = unitSubmissionSchemaFor(set, 'district').safeParse(unit);
    expect(parsed.success).toBe(false);
    const issues = fromZodIssues(parsed.error!.issues, unit, ['units', 4]);
    expect(issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual([
      'value/unknown-option units[4].values["CQS.1.1"]',
      'value/numerator-exceeds-denominator units[4].values["CQS.1.3"]',
      'value/duplicate-item units[4].values["CQS.1.4"][1]',
      'value/out-of-range units[4].values["CQS.6.4"]',
      'value/na-not-allowed units[4].values["CQS.7.1"]',
      'value/not-whole units[4].values["KTS.3.1"]',
    ].sort());
    expect(issues.find((i) => i.path.endsWith('["CQS.1.3"]'))!.message.en).toBe('unit "nk": numerator is greater than denominator');
    expect(issues.find((i) => i.path.endsWith('["CQS.6.4"]'))!.params).toEqual({ unit: 'nk', range: '[0, 20]' });
    // The very issues the scorer gives for the same unit, message for message (the schema lists them in the set's leaf order).
    const scored = safeScoreBatch(set, { units: [{}, {}, {}, {}, unit].map((u, i) => (i === 4 ? u : { id: `x${i}`, level: 'district', values: {} })) });
    const brief = (list: readonly Issue[]): string[] => list.map((i) => JSON.stringify([i.code, i.path, i.message])).sort();
    expect(brief(scored.ok ? [] : scored.issues)).toEqual(brief(issues));
    // A zod issue carries the code and the message itself, for code that reads zod's issues directly.
    expect(parsed.error!.issues[0]).toMatchObject({ code: 'custom', params: { dti: { code: 'value/unknown-option' } }, message: expect.stringContaining('unknown option "boss"') });
  });
});
