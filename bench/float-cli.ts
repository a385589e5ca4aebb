/**
 * The float64 scorer as a command, the yardstick of `dti score --format json`
 * end to end (bench/goals.ts bundles it with esbuild and runs it with plain
 * node): reads a criteria set and a submissions file, scores every unit and
 * writes compact JSON (per unit: points, maximum, index, rating, ranks and the
 * points of every node) to stdout.
 *
 *   node float-cli.mjs criteria.json submissions.json > results.json
 */
import fs from 'node:fs';
import type { CriteriaSet, Submission } from '../src/index.js';
import { FloatCriteria, prepareFloat, scoreFloat } from './float-scorer.js';

const [criteriaPath, submissionsPath] = process.argv.slice(2);
if (!criteriaPath || !submissionsPath) {
  console.error('usage: float-cli <criteria.json> <submissions.json>');
  process.exit(2);
}
const set = JSON.parse(fs.readFileSync(criteriaPath, 'utf8')) as CriteriaSet;
const submission = JSON.parse(fs.readFileSync(submissionsPath, 'utf8')) as Submission;
const fc = new FloatCriteria(set);
const input = prepareFloat(fc, submission);
const report = scoreFloat(fc, input);

const fixed = (x: number, d: number): string | null => (Number.isNaN(x) ? null : x.toFixed(d));
const results = submission.units.map((unit, u) => {
  const plan = input.plans[u]!.plan;
  const nodes: Record<string, string | null> = {};
  plan.nodes.forEach((node, i) => { nodes[node.code] = fixed(report.nodePoints[u * report.nodeStride + i]!, 2); });
  const rating = report.rating[u]!;
  return {
    unit: unit.id,
    points: fixed(report.points[u]!, 2),
    maxPoints: fixed(report.max[u]!, 2),
    index: fixed(report.index[u]!, 4),
    rating: rating < 0 ? null : fc.ratings[rating]!.id,
    rank: report.rank[u] || null,
    rankInParent: report.rankInParent[u] || null,
    nodes,
  };
});
process.stdout.write(JSON.stringify({ criteria: `${set.id}@${set.version}`, results }));
process.stdout.write('\n');
