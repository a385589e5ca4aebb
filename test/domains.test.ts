// Value domains (spec §9): a leaf's `range`, a `%` leaf's implied [0, 1]; outside is an error, never clamped.
import { describe, expect, it } from 'vitest';
import { fromZodIssues } from '../src/format/zod-issues.js';
import { leafInput, readExact, safeParseCriteria, safeScoreBatch, unitSubmissionSchemaFor, type CriteriaSet } from '../src/index.js';

/** A one-pillar set with the leaves given (points 10 each), at level `commune`. */
function setWith(leaves: readonly Record<string, unknown>[]): ReturnType<typeof safeParseCriteria> {
  return safeParseCriteria({
    format: 1, id: 'domains', version: '2026.1.0', status: 'draft', title: { vi: 'Miền giá trị' }, basis: [],
    effective: { from: '2026-01-01', to: null },
    levels: [{ id: 'commune', name: { vi: 'Xã' } }],
    nodes: [{ code: 'A', name: { vi: 'A' }, children: leaves.map((leaf, i) => ({ code: `A.${i + 1}`, name: { vi: `A.${i + 1}` }, points: '10', ...leaf })) }],
  });
}

function valid(leaves: readonly Record<string, unknown>[]): CriteriaSet {
  const parsed = setWith(leaves);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.code} ${i.path}`).join('\n'));
  return parsed.value;
}

const LEAVES = [
  { unit: '%', rule: { kind: 'linear', from: '0', to: '1' } }, // A.1: [0, 1] implied
  { unit: '%', range: { min: '0', max: '2' }, rule: { kind: 'linear', from: '0', to: '2' } }, // A.2: a growth rate up to 200 %
  { range: { max: '5' }, rule: { kind: 'count', each: '2' } }, // A.3: at most 5, whole, >= 0 (its own)
  { unit: '%', rule: { kind: 'bands', bands: [{ min: '0.5', fraction: '1' }] } }, // A.4: a number or n/d, in [0, 1]
  { range: { min: '-10', max: '10' }, rule: { kind: 'relative' } }, // A.5: relative is >= 0 on its own: [0, 10]
  { unit: '%', rule: { kind: 'ratio' } }, // A.6: a ratio's % is its own n/d: no domain
];

function codes(values: Record<string, unknown>): string[][] {
  const outcome = safeScoreBatch(valid(LEAVES), { units: [{ id: 'x', level: 'commune', values }] });
  return outcome.ok ? [] : outcome.issues.map((i) => [i.code, i.path]);
}

describe('a set declares domains', () => {
  it('refuses an empty range, a range on a leaf that takes no number, a range on an aggregate', () => {
    const bad = setWith([
      { range: { min: '2', max: '1' }, rule: { kind: 'linear', from: '0', to: '1' } },
      { range: { max: '1' }, rule: { kind: 'boolean' } },
    ]);
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path])).toEqual([
      ['criteria/range-order', 'nodes[0].children[0].range'],
      ['criteria/range-not-numeric', 'nodes[0].children[1].range'],
    ]);
    const onAggregate = safeParseCriteria({ ...valid(LEAVES), nodes: [{ ...valid(LEAVES).nodes[0]!, range: { max: '1' } }] });
    expect(onAggregate.ok ? [] : onAggregate.issues.map((i) => [i.code, i.path])).toEqual([['criteria/node-shape', 'nodes[0].range']]);
  });

  it('gives each leaf\'s input its bounds: the kind\'s own narrowed by the domain', () => {
    const set = valid(LEAVES);
    const shape = (code: string): unknown => {
      const input = leafInput(set, code, 'commune');
      return input?.type === 'number' ? [input.min?.toString(), input.max?.toString(), input.whole, input.percent] : input?.type;
    };
    expect(shape('A.1')).toEqual(['0', '1', false, true]);
    expect(shape('A.2')).toEqual(['0', '2', false, true]);
    expect(shape('A.3')).toEqual(['0', '5', true, false]);
    expect(shape('A.4')).toEqual(['0', '1', false, true]);
    expect(shape('A.5')).toEqual(['0', '10', false, false]);
    expect(shape('A.6')).toBe('fraction');
  });
});

describe('a value outside its domain is an error, never clamped', () => {
  it('accepts the bounds themselves', () => {
    expect(codes({ 'A.1': 1, 'A.2': '2', 'A.3': 5, 'A.4': { numerator: 1, denominator: 1 }, 'A.5': 10, 'A.6': { numerator: 3, denominator: 4 } })).toEqual([]);
    expect(codes({ 'A.1': 0, 'A.2': 0, 'A.3': 0, 'A.4': 0, 'A.5': 0 })).toEqual([]);
  });

  it('names a percentage typed where data holds a fraction', () => {
    expect(codes({ 'A.1': 3 })).toEqual([['value/percent-slip', 'units[0].values["A.1"]']]);
    const outcome = safeScoreBatch(valid(LEAVES), { units: [{ id: 'x', level: 'commune', values: { 'A.1': 3 } }] });
    expect(outcome.ok ? '' : outcome.issues[0]!.message.en).toBe('unit "x": 3 > 1: for 3% write 0.03 (a % value is given as a fraction in data)');
    // 150 % on a leaf whose range allows up to 2 is 1.5, inside: no slip to name; 300 is neither.
    expect(codes({ 'A.2': 150 })).toEqual([['value/percent-slip', 'units[0].values["A.2"]']]);
    expect(codes({ 'A.2': 300 })).toEqual([['value/out-of-range', 'units[0].values["A.2"]']]);
  });

  it('refuses below and above, for numbers and for n/d', () => {
    expect(codes({ 'A.1': '-0.05' })).toEqual([['value/out-of-range', 'units[0].values["A.1"]']]);
    expect(codes({ 'A.3': 6 })).toEqual([['value/out-of-range', 'units[0].values["A.3"]']]);
    expect(codes({ 'A.3': -1 })).toEqual([['value/negative', 'units[0].values["A.3"]']]);
    expect(codes({ 'A.5': 11 })).toEqual([['value/out-of-range', 'units[0].values["A.5"]']]);
    // n <= d keeps a bands fraction within [0, 1]; a zero denominator is the rule's (not applicable).
    expect(codes({ 'A.4': { numerator: 0, denominator: 0 } })).toEqual([]);
    expect(codes({ 'A.4': 1.5 })).toEqual([['value/percent-slip', 'units[0].values["A.4"]']]); // 1.5 %?
    expect(codes({ 'A.4': 150 })).toEqual([['value/out-of-range', 'units[0].values["A.4"]']]);
  });

  it('says the range in the message', () => {
    const outcome = safeScoreBatch(valid(LEAVES), { units: [{ id: 'x', level: 'commune', values: { 'A.3': 6, 'A.5': 11 } }] });
    // The leaf's range as the set declares it (a count is >= 0 by its kind: -1 is value/negative).
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.params)).toEqual([{ unit: 'x', range: '≤ 5' }, { unit: 'x', range: '[-10, 10]' }]);
  });

  it('the unit schema says the same, issue for issue', () => {
    const set = valid(LEAVES);
    const values = { 'A.1': 3, 'A.2': 300, 'A.3': 6, 'A.4': 1.5 };
    const parsed = unitSubmissionSchemaFor(set, 'commune').safeParse({ id: 'x', level: 'commune', values });
    const fromSchema = parsed.success ? [] : fromZodIssues(parsed.error.issues, values, ['units', 0]).map((i) => [i.code, i.path, i.message.en]);
    const scored = safeScoreBatch(set, { units: [{ id: 'x', level: 'commune', values }] });
    expect(fromSchema).toEqual(scored.ok ? [] : scored.issues.map((i) => [i.code, i.path, i.message.en]));
    expect(fromSchema).toHaveLength(4);
    expect(readExact('0.03')?.toString()).toBe('0.03');
  });
});
