import { describe, expect, it } from 'vitest';
import { explainNode, safeScoreBatch, type CriteriaSet } from '../src/index.js';
import { SHARE_AFTER } from '../src/scoring/plan.js';

/** A small set: an aggregate whose first child is an aggregate that can end up with nothing counted, and a leaf worth a lot. */
const set = {
  format: 1,
  id: 'edges',
  version: '2024.1.0',
  status: 'draft',
  title: { vi: 'Bộ thử', en: 'Test set' },
  basis: [],
  effective: { from: '2024-01-01', to: null },
  levels: [{ id: 'commune', name: { vi: 'Xã', en: 'Communes' } }],
  rounding: { points: 2, index: 4 },
  missing: 'zero',
  nodes: [
    {
      code: 'A',
      name: { vi: 'A', en: 'A' },
      children: [
        { code: 'A.1', name: { vi: 'A.1', en: 'A.1' }, children: [{ code: 'A.1.1', name: { vi: 'A.1.1', en: 'A.1.1' }, points: '10', allowNA: true, rule: { kind: 'ratio' } }] },
        { code: 'A.2', name: { vi: 'A.2', en: 'A.2' }, points: '10', rule: { kind: 'boolean' } },
      ],
    },
    // Worth 1000.00: more steps of 0.01 than the results shared per leaf, so each unit gets its own.
    { code: 'B', name: { vi: 'B', en: 'B' }, points: '1000', rule: { kind: 'linear', from: '0', to: '100' } },
    { code: 'Z', name: { vi: 'Z', en: 'Z' }, children: [{ code: 'Z.1', name: { vi: 'Z.1', en: 'Z.1' }, points: '0', rule: { kind: 'boolean' } }] },
  ],
} as unknown as CriteriaSet;

const score = (units: readonly object[]) => {
  const outcome = safeScoreBatch(set, { units });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value.results;
};

describe('scoring edges', () => {
  it('a child aggregate with nothing counted is left out of its parent sum, and says so', () => {
    const [unit] = score([{ id: 'u', level: 'commune', values: { 'A.1.1': 'n/a', 'A.2': true, B: 50, 'Z.1': true } }]);
    expect(unit!.nodes['A.1']).toEqual({ points: '0.00', maxPoints: '0.00', index: null, status: 'not-applicable' });
    expect(explainNode(unit!, 'A')?.en).toBe('Sum 10.00 = 10.00 of 10.00 → index 1.0000');
    expect(explainNode(unit!, 'A.1')?.en).toBe('No criterion counts (all not applicable or excluded) → left out of the maximum');
    // An aggregate worth 0: no index, and its words say none.
    expect(unit!.nodes.Z).toEqual({ points: '0.00', maxPoints: '0.00', index: null, status: 'scored' });
    expect(explainNode(unit!, 'Z')).toEqual({ vi: 'Tổng 0,00 = 0,00 / tối đa 0,00', en: 'Sum 0.00 = 0.00 of 0.00' });
  });

  it('leaf results are shared between units with the same points once the leaf is scored often, frozen; a leaf worth many steps gets its own', () => {
    const half = (i: number) => ({ id: `u${i}`, level: 'commune', values: { 'A.1.1': { numerator: i + 1, denominator: 2 * (i + 1) }, 'A.2': true, B: 50 } });
    const results = score([...Array.from({ length: SHARE_AFTER + 1 }, (_, i) => half(i)), { id: 'c', level: 'commune', values: { 'A.1.1': { numerator: 3, denominator: 4 }, 'A.2': false, B: 100 } }]);
    const [a, b, c] = [results[SHARE_AFTER - 1], results[SHARE_AFTER], results[SHARE_AFTER + 1]];
    // A short run makes no room for shared results: each unit has its own (equal) one.
    expect(results[0]!.nodes['A.1.1']).not.toBe(results[1]!.nodes['A.1.1']);
    expect(results[0]!.nodes['A.1.1']).toEqual(results[1]!.nodes['A.1.1']);
    expect(a!.nodes['A.1.1']).toBe(b!.nodes['A.1.1']);
    expect(a!.nodes['A.1.1']).toEqual({ points: '5.00', maxPoints: '10.00', status: 'scored' });
    expect(Object.isFrozen(a!.nodes['A.1.1'])).toBe(true);
    expect(c!.nodes['A.1.1']).toEqual({ points: '7.50', maxPoints: '10.00', status: 'scored' });
    expect(a!.nodes.B).toEqual({ points: '500.00', maxPoints: '1000.00', status: 'scored' });
    expect(c!.nodes.B).toEqual({ points: '1000.00', maxPoints: '1000.00', status: 'scored' });
    expect(a!.nodes.B).toEqual(b!.nodes.B);
  });

  it('a value given as undefined (from JavaScript) is no value', () => {
    const [unit] = score([{ id: 'u', level: 'commune', values: { 'A.1.1': undefined, 'A.2': true } }]);
    expect(unit!.nodes['A.1.1']).toEqual({ points: '0.00', maxPoints: '10.00', status: 'missing' });
    expect(explainNode(unit!, 'A.1.1')?.en).toBe('No value → 0.00 points');
  });

  it('an appraised unit publishes self-assessed figures; one without appraised values does not', () => {
    const [self, appraised] = score([
      { id: 's', level: 'commune', values: { 'A.2': true } },
      { id: 'p', level: 'commune', values: { 'A.2': true }, appraised: { 'A.2': false } },
    ]);
    expect(self!.selfPoints).toBeUndefined();
    expect(self!.nodes.A!.selfPoints).toBeUndefined();
    expect(appraised!.selfPoints).toBe('10.00');
    expect(appraised!.difference).toBe('-10.00');
    expect(appraised!.nodes.A).toEqual({ points: '0.00', maxPoints: '20.00', index: '0.0000', status: 'scored', selfPoints: '10.00' });
    expect(appraised!.nodes['A.2']).toEqual({ points: '0.00', maxPoints: '10.00', status: 'scored', selfPoints: '10.00' });
    expect(explainNode(appraised!, 'A.2')?.vi.startsWith('Thẩm định: ')).toBe(true);
    // An empty appraised record is no appraisal.
    const [empty] = score([{ id: 'e', level: 'commune', values: { 'A.2': true }, appraised: {} }]);
    expect(empty!.selfPoints).toBeUndefined();
  });

  it('under missing: "exclude" a leaf without a value is left out, and its words say so', () => {
    const excluding = { ...(set as object), missing: 'exclude' } as unknown as CriteriaSet;
    const outcome = safeScoreBatch(excluding, { units: [{ id: 'u', level: 'commune', values: { 'A.2': true } }] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const unit = outcome.value.results[0]!;
    expect(unit.nodes['A.1.1']).toEqual({ points: null, maxPoints: null, status: 'missing' });
    expect(explainNode(unit, 'A.1.1')).toEqual({ vi: 'Không có số liệu → không tính vào điểm tối đa', en: 'No value → left out of the maximum' });
    expect(explainNode(unit, 'A')?.en).toBe('Sum 10.00 = 10.00 of 10.00 → index 1.0000');
  });

  it('a text with a slash is "n/a" only when it says so', () => {
    const outcome = safeScoreBatch(set, { units: [{ id: 'u', level: 'commune', values: { 'A.1.1': ' N/A ', 'A.2': 'có/không' } }] });
    expect(outcome.ok ? [] : outcome.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['units[0].values["A.2"] value/shape']);
  });
});
