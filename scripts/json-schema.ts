// Writes schema/criteria.schema.json and schema/submission.schema.json from the zod schemas.
import { writeFileSync } from 'node:fs';
import { criteriaJsonSchema, submissionJsonSchema } from '../src/compile/json-schema.js';

writeFileSync('schema/criteria.schema.json', `${JSON.stringify(criteriaJsonSchema(), null, 2)}\n`);
writeFileSync('schema/submission.schema.json', `${JSON.stringify(submissionJsonSchema(), null, 2)}\n`);
console.log('schema/criteria.schema.json, schema/submission.schema.json written');
