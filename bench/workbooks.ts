/**
 * Filled commune forms for the goal bench's workbook row: `count` synthetic
 * communes (bench/generate.ts, the goal table's workload) each typed into its
 * own template as a person would (numbers as numbers, yes/no as "có"/"không",
 * choices by their label, checklists item by item, `%` cells in percent units:
 * test/fixtures/xlsx/workbook-helpers.ts, whose cells come from the template's
 * `_meta`), written as `<id>.xlsx` into `dir`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CriteriaSet } from '../src/index.js';
import { workbookFor } from '../test/fixtures/xlsx/workbook-helpers.js';
import { benchWorkload, generateSubmission } from './generate.js';

export async function writeCommuneForms(dir: string, set: CriteriaSet, count: number, seed: number, progress: (s: string) => void = () => {}): Promise<number> {
  const { submission } = generateSubmission(set, benchWorkload(count, seed));
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [index, unit] of submission.units.entries()) {
    const form = await workbookFor(set, unit, { ...(submission.period ? { period: submission.period } : {}) });
    fs.writeFileSync(path.join(dir, `${unit.id}.xlsx`), form);
    bytes += form.byteLength;
    if (index % 10 === 9) progress('.');
  }
  return bytes;
}
