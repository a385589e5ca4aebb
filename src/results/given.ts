import type { UnitCheck } from './nodes.js';

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * A unit's kept inputs (`given`, see `ScoreOptions.keepInputs`) against its
 * figures: kept for every leaf of the unit or for none (`schema/required`);
 * a leaf that keeps a value is not `missing`, and a scored leaf that keeps
 * none is (`results/given`); an appraised input goes with `selfPoints`, and
 * `selfPoints` on a leaf with kept inputs with an appraised one
 * (`schema/required`). Aggregates never keep inputs (refused as an unknown
 * key with their other fields).
 */
export function checkGiven(check: UnitCheck): void {
  const { criteria, unit, position, sink } = check;
  const leaves = Object.entries(unit.nodes).filter(([code]) => criteria.byCode.get(code)?.leaf !== undefined);
  if (!leaves.some(([, result]) => result.given !== undefined)) return;
  for (const [code, result] of leaves) {
    const at = ['results', position, 'nodes', code];
    const given = result.given;
    if (given === undefined) {
      sink.add('schema/required', [...at, 'given'], {}, { node: code });
      continue;
    }
    if (!criteria.byCode.get(code)!.leaf!.rule.scored) continue;
    const any = has(given, 'self') || has(given, 'appraised');
    if (any === (result.status === 'missing')) {
      sink.add('results/given', [...at, 'given'], { unit: unit.unit, code, status: result.status, given: any ? 'value' : 'none' }, { node: code });
    }
    const appraised = has(given, 'appraised');
    if (appraised && !has(result, 'selfPoints')) sink.add('schema/required', [...at, 'selfPoints'], {}, { node: code });
    else if (!appraised && has(result, 'selfPoints')) sink.add('schema/required', [...at, 'given', 'appraised'], {}, { node: code });
  }
}
