// Writes src/sets/hashes.ts: the sha256 of every embedded set's canonical JSON, computed at build time
// so that no start-up hashes them (test/embedded.test.ts recomputes them and compares).
import { writeFileSync } from 'node:fs';
import { embeddedHashesModule } from '../test/support/embedded-hashes.js';

writeFileSync('src/sets/hashes.ts', embeddedHashesModule());
console.log('src/sets/hashes.ts written');
