// The `dti` command as installed (dist/cli.cjs): its files are loaded through the code caches made
// with the package (see useCodeCache), then the command runs (main.ts, a file of its own).
import { codeCacheMode, useCodeCache } from './code-cache.js';

useCodeCache(__dirname, codeCacheMode(process.env.DTI_CODE_CACHE));
void import('./main.js');
