/**
 * Start-up (#13 item 4): `dti score` on valid input builds no zod schema
 * (they are built on first use, when something is wrong); the library's
 * schemas are still there for a program that asks for them.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const built = vi.hoisted(() => ({ count: 0 }));

vi.mock('zod', async (importOriginal) => {
  const z = await importOriginal<Record<string, unknown>>();
  const factories = ['strictObject', 'object', 'looseObject', 'string', 'number', 'int', 'boolean', 'literal', 'enum', 'union', 'discriminatedUnion', 'record', 'array', 'unknown', 'lazy', 'null'];
  const counted: Record<string, unknown> = { ...z };
  for (const name of factories) {
    const make = z[name] as (...args: unknown[]) => unknown;
    counted[name] = (...args: unknown[]) => {
      built.count++;
      return make(...args);
    };
  }
  return counted;
});

const { dti } = await import('./support/cli.js');

describe('schemas built on first use', () => {
  it('scores valid JSON with the embedded set without building a zod schema, and builds them for bad input', () => {
    // Loading the command line builds none either.
    expect(built.count).toBe(0);
    const before = built.count;
    const scored = dti('score', 'examples/can-tho-2022/submissions.json', '--format', 'json');
    expect(scored.code).toBe(0);
    expect(built.count - before).toBe(0);

    const bad = join(tmpdir(), `dti-lazy-${process.pid}.json`);
    writeFileSync(bad, JSON.stringify({ period: '2022', criteria: 'can-tho@2022.1.0', units: [{ id: 'x', level: 'commune', values: {}, extra: 1 }] }));
    const refused = dti('score', bad);
    expect(refused.code).toBe(1);
    expect(built.count - before).toBeGreaterThan(0);
  });

  it('scores units with evidence and appraisals (spec §12) without building a zod schema', async () => {
    const { safeScoreBatch } = await import('../src/index.js');
    const { readFileSync } = await import('node:fs');
    const golden = JSON.parse(readFileSync('test/golden/cases/evidence-policy-zero.json', 'utf8')) as { criteria: never; submission: unknown };
    // The criteria set given as an object is checked with its schema: that build is not the scorer's.
    safeScoreBatch(golden.criteria, { units: [] });
    const before = built.count;
    const outcome = safeScoreBatch(golden.criteria, golden.submission);
    expect(outcome.ok).toBe(true);
    expect(built.count - before).toBe(0);
  });

  it('gives the public schemas as values', async () => {
    const { criteriaSetSchema, submissionSchema } = await import('../src/index.js');
    const { getCriteria } = await import('../src/sets/index.js');
    expect(criteriaSetSchema.safeParse(getCriteria('can-tho@2022.1.0')).success).toBe(true);
    expect(submissionSchema.safeParse({ units: [{ id: 'a', level: 'commune', values: {}, extra: 1 }] }).success).toBe(false);
  });
});
