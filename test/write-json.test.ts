import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreBatch, withExplanations, writeReportJson } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { dti } from './support/cli.js';

const written = (value: object, pretty?: boolean): string => {
  const chunks: string[] = [];
  writeReportJson(value, (chunk) => chunks.push(chunk), pretty === undefined ? {} : { pretty });
  return chunks.join('');
};

const examples = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8')) as { units: unknown[] };
// As `dti score --format json` scores: with the input stamps (spec §13).
const report = scoreBatch(getCriteria('can-tho@2022.1.0'), examples, { inputHashes: true });

describe('writeReportJson: the report unit by unit, the same text as JSON.stringify', () => {
  it('for the scored examples, compact and pretty', () => {
    expect(written(report)).toBe(JSON.stringify(report));
    expect(written(report, true)).toBe(JSON.stringify(report, null, 2));
  });

  it('for any JSON object, with or without results and rejected lists', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const reportLike = fc.record(
      { format: fc.constant(1), results: fc.array(json, { maxLength: 4 }), rejected: fc.oneof(fc.array(json, { maxLength: 3 }), json), warnings: json, other: json },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(reportLike, fc.boolean(), (value, pretty) => {
      expect(written(value, pretty)).toBe(JSON.stringify(value, null, pretty ? 2 : undefined));
    }), { numRuns: 500 });
    expect(written({})).toBe('{}');
    expect(written({ a: undefined, results: [undefined] } as object)).toBe(JSON.stringify({ a: undefined, results: [undefined] }));
  });

  it('dti score --format json is compact; --pretty keeps the indented layout; both parse to the same report', () => {
    const compact = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json').out;
    const pretty = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json', '--pretty').out;
    expect(compact).toBe(`${JSON.stringify(JSON.parse(compact))}\n`);
    expect(pretty).toBe(`${JSON.stringify(JSON.parse(compact), null, 2)}\n`);
    expect(JSON.parse(compact)).toEqual(JSON.parse(JSON.stringify(withExplanations(report))));
  });
});
