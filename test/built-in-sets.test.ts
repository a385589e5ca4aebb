import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { criteriaHash, safeParseCriteria } from '../src/index.js';
import { safeReadCriteriaFile } from '../src/node/index.js';
import { EMBEDDED_SETS, getCriteria } from '../src/sets/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dti-built-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded sets: checked in full by this test, compiled without their schema check at run time', () => {
  it.each(EMBEDDED_SETS.map((set) => [`${set.id}@${set.version}`, set] as const))('%s passes every check as ordinary input', (_ref, set) => {
    const copy = structuredClone(set) as unknown;
    const checked = safeParseCriteria(copy);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    if (checked.ok) expect(criteriaHash(checked.value)).toBe(criteriaHash(set));
  });

  it('a file holding an embedded set word for word is that set (checked, compiled and hashed once)', () => {
    const set = getCriteria('can-tho@2022.1.0');
    const file = join(dir, 'same.json');
    writeFileSync(file, JSON.stringify(set, null, 2));
    const read = safeReadCriteriaFile(file);
    expect(read.ok && read.value).toBe(set);
    // The repository's criteria/ folder holds the same sets.
    const repo = safeReadCriteriaFile('criteria/can-tho/2022.1.0.json');
    expect(repo.ok && repo.value).toBe(set);
  });

  it('a file that differs in anything is checked as any other input', () => {
    const set = JSON.parse(readFileSync('criteria/can-tho/2022.1.0.json', 'utf8')) as { title: { vi: string }; rounding: { points: number } };
    const retitled = join(dir, 'retitled.json');
    writeFileSync(retitled, JSON.stringify({ ...set, title: { ...set.title, vi: 'Bộ tiêu chí (bản sao)' } }));
    const read = safeReadCriteriaFile(retitled);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value).not.toBe(getCriteria('can-tho@2022.1.0'));
      expect(criteriaHash(read.value)).not.toBe(criteriaHash(getCriteria('can-tho@2022.1.0')));
    }
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...set, rounding: { points: -1, index: 4 } }));
    const refused = safeReadCriteriaFile(broken);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.every((issue) => issue.file === broken)).toBe(true);
  });
});
