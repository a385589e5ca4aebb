// The example submissions as a CSV file or a filled workbook carries them: values and
// appraised values only. Their layouts have no place for an appraisal's reason, note,
// date and team, nor for evidence, so a submission read from them is compared with this.
import type { Submission } from '../../src/index.js';

/** `submission` with each unit's `appraisal` as bare `appraised` values and no `evidence`. */
export function valuesOnly(submission: Submission): Submission {
  return {
    ...submission,
    units: submission.units.map((unit) => {
      const { evidence: _evidence, appraisal, ...rest } = unit;
      if (appraisal === undefined) return rest;
      const values = Object.fromEntries(Object.entries(appraisal).map(([code, entry]) => [code, entry.value]));
      return { ...rest, appraised: { ...(rest.appraised ?? {}), ...values } };
    }),
  };
}
