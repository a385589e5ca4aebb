// The example submissions as a CSV file or a filled workbook carries them: values and
// appraised values (and, in a workbook, evidence). Their layouts have no place for an
// appraisal's reason, note, date and team, nor (CSV) for evidence, so a submission read
// from them is compared with this.
import type { Submission } from '../../src/index.js';

/**
 * `submission` with each unit's `appraisal` as bare `appraised` values, and without
 * `evidence` unless `keep.evidence` (a workbook's evidence sheet carries it).
 */
export function valuesOnly(submission: Submission, keep: { readonly evidence?: boolean } = {}): Submission {
  return {
    ...submission,
    units: submission.units.map((unit) => {
      const { evidence, appraisal, ...withoutEvidence } = unit;
      const rest = keep.evidence === true && evidence !== undefined ? { ...withoutEvidence, evidence } : withoutEvidence;
      if (appraisal === undefined) return rest;
      const values = Object.fromEntries(Object.entries(appraisal).map(([code, entry]) => [code, entry.value]));
      return { ...rest, appraised: { ...(rest.appraised ?? {}), ...values } };
    }),
  };
}
