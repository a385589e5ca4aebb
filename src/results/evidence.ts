import { Dec, toFixed } from '../decimal.js';
import { shown } from './figures.js';
import type { UnitCheck } from './nodes.js';

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * A unit's `evidence` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)) against the set: present whenever a leaf of
 * the unit requires evidence; each code of `lacking` a leaf of the unit that
 * requires evidence, listed once; under `evidencePolicy: "zero"` a lacking
 * leaf scores 0 unless appraised (then its `selfPoints` is 0).
 */
export function checkEvidence(check: UnitCheck): void {
  const { criteria, unit, atom, position, sink } = check;
  const evidence = unit.evidence;
  if (evidence === undefined) {
    if (criteria.leaves.some((node) => node.leaf?.evidenceRequired === true && node.scope.has(atom))) sink.add('schema/required', ['results', position, 'evidence']);
    return;
  }
  const seen = new Set<string>();
  const zero = toFixed(new Dec(0), criteria.rounding.points);
  evidence.lacking.forEach((code, i) => {
    const at = ['results', position, 'evidence', 'lacking', i];
    const node = criteria.byCode.get(code);
    if (node === undefined) return sink.add('results/unknown-node', at, { unit: unit.unit, code }, { node: code });
    if (!node.scope.has(atom)) return sink.add('results/node-not-applicable', at, { unit: unit.unit, code }, { node: code });
    if (node.leaf?.evidenceRequired !== true) return sink.add('results/evidence-lacking', at, { unit: unit.unit, code, problem: 'not-required' }, { node: code });
    if (seen.has(code)) return sink.add('results/evidence-lacking', at, { unit: unit.unit, code, problem: 'repeated' }, { node: code });
    seen.add(code);
    const result = has(unit.nodes, code) ? unit.nodes[code] : undefined;
    if (criteria.evidencePolicy !== 'zero' || result === undefined || result.status === 'info') return;
    // An appraised value stands; its self-assessed points are what lacked the evidence.
    const field = has(result, 'selfPoints') ? 'selfPoints' : 'points';
    const figure = result[field];
    if (figure !== null && figure !== undefined && !new Dec(figure).isZero()) {
      sink.add('results/inconsistent', ['results', position, 'nodes', code, field], { unit: unit.unit, field, published: shown(figure), expected: zero }, { node: code });
    }
  });
}
