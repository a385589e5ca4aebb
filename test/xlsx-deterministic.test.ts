// Workbooks the library writes are the same bytes on every run (issue #12, item 6): a published form
// or report can be checked against its sha256, whatever the clock or the time zone says.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreBatch, type Submission } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { buildTemplate, reportToXlsx } from '../src/xlsx/index.js';
import { open, sheet } from './fixtures/xlsx/workbook-helpers.js';

const criteria = getCriteria('can-tho@2022.1.0');
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

afterEach(() => { vi.useRealTimers(); });

/** Builds twice, a day and a half apart by the clock. */
async function twice(build: () => Promise<Uint8Array>): Promise<[Uint8Array, Uint8Array]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
  const first = await build();
  vi.setSystemTime(new Date('2026-03-02T20:30:07Z'));
  const second = await build();
  return [first, second];
}

describe('deterministic workbook bytes', () => {
  it('a template is byte-identical across runs, and still a workbook', async () => {
    const [a, b] = await twice(() => buildTemplate(criteria, { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' } }));
    expect(sha(a)).toBe(sha(b));
    vi.useRealTimers();
    const workbook = await open(a);
    expect(sheet(workbook, 'Đơn vị').getCell('B4').value).toBe('an-binh');
    // The document's own times are the set's first day in force, not the time it was written.
    expect(workbook.created.toISOString()).toBe(`${criteria.effective.from}T12:00:00.000Z`);
  });

  it('a results workbook is byte-identical across runs', async () => {
    const submission = JSON.parse(readFileSync(new URL('../examples/can-tho-2022/submissions.json', import.meta.url), 'utf8')) as Submission;
    const report = scoreBatch(criteria, submission);
    const [a, b] = await twice(() => reportToXlsx(report, criteria));
    expect(sha(a)).toBe(sha(b));
  });

  it('different content gives different bytes', async () => {
    const a = await buildTemplate(criteria, { level: 'commune', unit: { id: 'an-binh', name: 'Phường An Bình' } });
    const b = await buildTemplate(criteria, { level: 'commune', unit: { id: 'an-cu', name: 'Phường An Cư' } });
    expect(sha(a)).not.toBe(sha(b));
  });
});
