import { run } from './run.js';
import { VERSION } from '../version.js';

const io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t) };
Promise.resolve(run(process.argv.slice(2), io, VERSION)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`internal error / lỗi nội bộ: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
