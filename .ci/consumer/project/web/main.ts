// Browser consumer: the core entry point bundled by Vite and run in Chromium.
// Scores the examples and writes the report JSON into <pre id="out">;
// data-status is "ok" or "error" once done.
import { scoreBatch, withExplanations, type ScoreReport } from 'dti-criteria';
import { getCriteria } from 'dti-criteria/sets';
import submission from './submissions.json';

const out = document.getElementById('out') as HTMLPreElement;
try {
  const report: ScoreReport = withExplanations(scoreBatch(getCriteria('can-tho@2022.1.0'), submission, { inputHashes: true })); // as dti score --format json writes it
  out.textContent = `${JSON.stringify(report, null, 2)}\n`;
  out.dataset['status'] = 'ok';
} catch (error) {
  out.textContent = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  out.dataset['status'] = 'error';
}
