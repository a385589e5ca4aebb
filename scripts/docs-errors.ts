// Writes docs/guides/error-codes.md from the issue catalogue in src/errors.ts.
import { writeFileSync } from 'node:fs';
import { errorCodesMarkdown } from '../test/support/error-codes-doc.js';

writeFileSync('docs/guides/error-codes.md', errorCodesMarkdown());
console.log('docs/guides/error-codes.md written');
