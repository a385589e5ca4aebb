import { run } from './run.js';
import { VERSION } from '../version.js';

// A reader that stops early (`dti report … | head`) closes the pipe: that is the reader's choice, not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) };
const debug = (process.env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'dti' || name === '*');
Promise.resolve(run(process.argv.slice(2), io, VERSION, { debug })).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // run() turns every fault into a coded line; this is the last resort.
    process.stderr.write(`dti: lỗi nội bộ / internal error [internal/error]${debug && error instanceof Error ? `\n${error.stack ?? ''}` : ''}\n`);
    process.exitCode = 3;
  },
);
