/**
 * The committed JSON Schema as an editor uses it: every error shown at once
 * (ajv with `allErrors`, as VS Code and other editors check). One typo must
 * give one error, on the field that is wrong, never a list of complaints about
 * fields that are fine (which a plain `oneOf` of the rule kinds gave: about 26
 * errors for one typo in a rule).
 *
 * With the rule schema chosen by `kind` through `if`/`then`, ajv adds one
 * summary error for a typo inside a rule: keyword `if` ("must match "then"
 * schema") on the rule object that holds the typo. Editors do not show that
 * summary (they report the `then` schema's own errors); it is counted apart below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { criteriaJsonSchema, criteriaSetSchema, RULE_KINDS } from '../src/index.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schema = JSON.parse(readFileSync('schema/criteria.schema.json', 'utf8')) as Json;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const base = (): Json => JSON.parse(readFileSync('criteria/can-tho/2022.1.0.json', 'utf8')) as Json;

/** The leaf `nodes[a].children[b].children[c]` and its JSON pointer. */
function leafAt(set: Json, a: number, b: number, c: number): { node: Json; pointer: string } {
  return { node: set.nodes[a].children[b].children[c], pointer: `/nodes/${a}/children/${b}/children/${c}` };
}

function renameKey(object: Json, from: string, to: string): void {
  const entries = Object.entries(object).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(object)) delete object[key];
  for (const [key, value] of entries) object[key] = value;
}

interface Typo {
  readonly name: string;
  /** Made on a field another typo also changes: left out when all typos are made together. */
  readonly alone?: true;
  /** Makes the typo; returns the JSON pointer of the wrong field and of the rule holding it, if any. */
  readonly make: (set: Json) => { readonly at: string; readonly rule?: string };
}

const TYPOS: readonly Typo[] = [
  {
    name: 'misspelt key in a leaf: "evidance"',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 0, 2); // CQS.1.3, a ratio leaf
      renameKey(node, 'evidence', 'evidance');
      return { at: `${pointer}/evidance` };
    },
  },
  {
    name: 'misspelt rule field: "targt" in a ratio rule',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 5, 1); // CQS.6.2: { kind: "ratio", target: "0.8" }
      renameKey(node.rule, 'target', 'targt');
      return { at: `${pointer}/rule/targt`, rule: `${pointer}/rule` };
    },
  },
  {
    name: 'wrong kind: "ratoi"',
    alone: true,
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 5, 1);
      node.rule.kind = 'ratoi';
      return { at: `${pointer}/rule/kind` };
    },
  },
  {
    name: 'wrong kind: "Boolean"',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 1, 0); // CQS.2.1: { kind: "boolean" }
      node.rule.kind = 'Boolean';
      return { at: `${pointer}/rule/kind` };
    },
  },
  {
    name: 'a string where a number is wanted: count "each": "five"',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 2, 3); // CQS.3.4: { kind: "count", each: "5" }
      node.rule.each = 'five';
      return { at: `${pointer}/rule/each`, rule: `${pointer}/rule` };
    },
  },
  {
    name: 'a string where a number is wanted: ratio "target": "80%"',
    alone: true,
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 5, 1);
      node.rule.target = '80%';
      return { at: `${pointer}/rule/target`, rule: `${pointer}/rule` };
    },
  },
  {
    name: 'a boolean where a number is wanted: linear "from": true',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 6, 2); // CQS.7.3: { kind: "linear", from: "0.1", to: "0" }
      node.rule.from = true;
      return { at: `${pointer}/rule/from`, rule: `${pointer}/rule` };
    },
  },
  {
    name: 'misspelt key in a band: "mim"',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 0, 1); // CQS.1.2: bands
      renameKey(node.rule.bands[0], 'min', 'mim');
      return { at: `${pointer}/rule/bands/0/mim`, rule: `${pointer}/rule` };
    },
  },
  {
    name: 'points per level written "20%"',
    make: (set) => {
      const { node, pointer } = leafAt(set, 0, 0, 0); // CQS.1.1: points by level
      node.points.district = '20%';
      return { at: `${pointer}/points/district` };
    },
  },
];

/** Where an error points: its instance, and the property it names (an unknown or a missing one). */
function pointsAt(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  const named = params.additionalProperty ?? params.missingProperty;
  return named === undefined ? error.instancePath : `${error.instancePath}/${named}`;
}

function errorsOf(data: unknown): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

const show = (errors: readonly ErrorObject[]): string => errors.map((e) => `${pointsAt(e)} ${e.keyword}: ${e.message}`).join('\n');

describe('criteria.schema.json in an editor (ajv, allErrors)', () => {
  it('accepts the set the typos are made in', () => {
    expect(errorsOf(base()), show(errorsOf(base()))).toEqual([]);
  });

  it.each(TYPOS.map((typo) => [typo.name, typo] as const))('%s: one error, on the wrong field', (_name, typo) => {
    const set = base();
    const { at, rule } = typo.make(set);
    const errors = errorsOf(set);
    const own = errors.filter((e) => e.keyword !== 'if');
    const summaries = errors.filter((e) => e.keyword === 'if');
    expect(own.map(pointsAt), show(errors)).toEqual([at]);
    // ajv's if/then summary, on the rule holding the typo (editors do not show it).
    expect(summaries.map((e) => e.instancePath), show(errors)).toEqual(rule === undefined ? [] : [rule]);
    expect(errors).toHaveLength(rule === undefined ? 1 : 2);
  });

  it('all the typos at once: one error each (plus the if/then summaries), none on a valid field', () => {
    const set = base();
    const made = TYPOS.filter((typo) => !typo.alone).map((typo) => typo.make(set));
    expect(made.length).toBeGreaterThanOrEqual(6);
    const errors = errorsOf(set);
    const own = errors.filter((e) => e.keyword !== 'if');
    expect(own.map(pointsAt).sort(), show(errors)).toEqual(made.map((m) => m.at).sort());
    const rules = new Set(made.flatMap((m) => (m.rule === undefined ? [] : [m.rule])));
    expect(errors.filter((e) => e.keyword === 'if').map((e) => e.instancePath).sort()).toEqual([...rules].sort());
  });

  it('selects the rule schema by kind with if/then, and restricts kind to the rule kinds', () => {
    const generated = criteriaJsonSchema() as Json;
    const text = JSON.stringify(generated);
    expect(text).not.toContain('"oneOf"');
    expect(text).not.toContain('"discriminator"');
    const nodeRef = (generated.properties.nodes.items.$ref as string).replace('#/$defs/', '');
    // The node's `rule` field carries its own description: it refers to the rule schema.
    const field = generated.$defs[nodeRef].properties.rule as Json;
    expect(typeof field.description).toBe('string');
    const rule = (typeof field.$ref === 'string' ? generated.$defs[field.$ref.replace('#/$defs/', '')] : field) as Json;
    expect(rule.properties.kind.enum).toEqual(Object.keys(RULE_KINDS));
    expect(rule.required).toEqual(['kind']);
    expect(rule.allOf.map((entry: Json) => entry.if.properties.kind.const)).toEqual(Object.keys(RULE_KINDS));
    for (const entry of rule.allOf as Json[]) {
      expect(entry.if.required).toEqual(['kind']);
      expect(entry.then.properties.kind.const).toBe(entry.if.properties.kind.const);
      expect(entry.then.additionalProperties).toBe(false);
    }
  });

  it('a rule that is not an object is one error', () => {
    const set = base();
    const { node, pointer } = leafAt(set, 0, 5, 1);
    node.rule = 'ratio';
    expect(errorsOf(set).map((e) => [pointsAt(e), e.keyword])).toEqual([[`${pointer}/rule`, 'type']]);
  });

  it('accepts exactly what the schema zod generates accepts (the rewrite changes the errors, not the verdicts)', () => {
    const plain = ajv.compile({ ...z.toJSONSchema(criteriaSetSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' }), $id: 'plain' });
    const documents: unknown[] = TYPOS.map((typo) => {
      const set = base();
      typo.make(set);
      return set;
    });
    const dir = 'test/fixtures/broken-criteria';
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'cases.json')) documents.push(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
    documents.push(base(), { format: 1 }, null, []);
    const verdicts = documents.map((document) => [plain(document), validate(document)]);
    expect(verdicts.filter(([a, b]) => a !== b)).toEqual([]);
    expect(verdicts.filter(([a]) => a === false).length).toBeGreaterThan(30);
  });
});
