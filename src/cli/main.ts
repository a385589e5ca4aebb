import { run } from './run.js';

declare const __DTI_VERSION__: string | undefined;

const version = typeof __DTI_VERSION__ === 'string' ? __DTI_VERSION__ : 'dev';
const code = run(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, version);
process.exitCode = code;
