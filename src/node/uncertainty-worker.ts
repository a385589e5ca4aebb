/**
 * A worker thread of `safeUncertaintyInWorkers` and `safeSensitivityInWorkers`:
 * plans the analysis from the set, the submission and the options it is
 * given, then runs the blocks of samples it is sent, one message each, and
 * answers each with its figures (buffers transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DtiError } from '../errors.js';
import { planUncertainty, runSensitivityBlock, runUncertaintyBlock } from '../analysis/uncertainty-run.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './uncertainty-workers.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const plan = planUncertainty(setup.criteria, setup.submission, setup.options);
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

if (!plan.ok) {
  reply({ kind: 'issues', issues: plan.issues });
} else {
  port.on('message', ({ from, to }: WorkerRequest) => {
    try {
      if (setup.task === 'uncertainty') {
        const block = runUncertaintyBlock(plan.value, from, to);
        reply({ kind: 'block', block }, [block.ranks.buffer as ArrayBuffer, block.ratings.buffer as ArrayBuffer, block.shifts.buffer as ArrayBuffer]);
      } else {
        const outputs = runSensitivityBlock(plan.value, from, to);
        reply({ kind: 'outputs', from, to, outputs }, [outputs.buffer as ArrayBuffer]);
      }
    } catch (error) {
      if (error instanceof DtiError) reply({ kind: 'issues', issues: error.issues });
      else reply({ kind: 'failure', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  reply({ kind: 'ready' });
}
