// Writes docs/reference/criteria-format.md, the format reference, from scripts/reference/ (the
// hand-written sections, Vietnamese then English) and the library itself (the field tables from the
// zod schemas, the examples scored, the error codes from the catalogue). A test keeps it current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { REFERENCE_FILE, referenceMarkdown } from './reference/build.js';

mkdirSync(dirname(REFERENCE_FILE), { recursive: true });
writeFileSync(REFERENCE_FILE, referenceMarkdown());
console.log(`${REFERENCE_FILE} written`);
