// Writes criteria/manifest.json from the files in criteria/ (first set-up only:
// afterwards `dti criteria publish` records each new version and never re-hashes a published one).
import { writeFileSync } from 'node:fs';
import { safeParseCriteriaJson } from '../src/index.js';
import { buildManifest } from '../src/criteria/manifest.js';
import { readCriteriaDir } from '../src/node/criteria-dir.js';

const sets = [...readCriteriaDir('criteria').entries()].map(([file, text]) => {
  const result = safeParseCriteriaJson(text);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result.value;
});
writeFileSync('criteria/manifest.json', `${JSON.stringify(buildManifest(sets), null, 2)}\n`);
console.log(`criteria/manifest.json: ${sets.length} sets`);
