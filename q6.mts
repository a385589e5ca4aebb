import { getCriteria } from './src/sets/index.js';
import { benchWorkload, generateSubmission } from './bench/generate.js';
import { canonicalJson } from './src/canonical/canonical-json.js';
import { sha256Hex } from './src/canonical/sha256.js';
import { inputView } from './src/canonical/input-hash.js';
const set = getCriteria('can-tho@2022.1.0');
const { submission } = generateSubmission(set, benchWorkload(10600, 2022, 'commune'));
const units = submission.units as unknown[];
for (let r = 0; r < 4; r++) {
  let t = performance.now(); const views = units.map((u) => inputView(u)); const tv = performance.now() - t;
  t = performance.now(); const texts = views.map((u) => canonicalJson(u)); const tc = performance.now() - t;
  t = performance.now(); for (const x of texts) sha256Hex(x); const ts = performance.now() - t;
  t = performance.now(); const enc = new TextEncoder(); for (const x of texts) enc.encode(x); const te = performance.now() - t;
  console.log({ view: tv.toFixed(0), canonical: tc.toFixed(0), sha: ts.toFixed(0), encodeOnly: te.toFixed(0), sample: texts[0]!.slice(0, 300) });
}
