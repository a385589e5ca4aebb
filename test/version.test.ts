import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreBatch } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { GENERATOR, VERSION } from '../src/version.js';

describe('the generator stamp', () => {
  it('VERSION is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(VERSION).toBe(pkg.version);
    expect(GENERATOR).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('every scored report names the library and its version', () => {
    const report = scoreBatch(getCriteria('can-tho@2022.1.0'), { units: [{ id: 'x', level: 'commune', values: {} }] });
    expect(report.generator).toEqual({ name: 'dti-criteria', version: VERSION });
  });
});
