// Rewrites the generated reference of docs/guides/command-line.md from the command specs in src/cli/commands.
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../test/support/command-line-doc.js';

const file = 'docs/guides/command-line.md';
writeFileSync(file, withReference(readFileSync(file, 'utf8')));
console.log(`${file}: reference written`);
