import type { CommandSpec } from '../spec.js';
import { compare } from './compare.js';
import { exportSpec } from './export.js';
import { criteriaDiffSpec, criteriaListSpec, criteriaNewSpec, criteriaPublishSpec, criteriaVerifySpec } from './criteria.js';
import { migrate } from './migrate.js';
import { report } from './report.js';
import { score } from './score.js';
import { template } from './template.js';
import { validate } from './validate.js';
import { verifyResultsSpec } from './verify-results.js';

/** Every command of `dti`, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  score,
  validate,
  template,
  report,
  exportSpec,
  migrate,
  compare,
  verifyResultsSpec,
  criteriaListSpec,
  criteriaNewSpec,
  criteriaPublishSpec,
  criteriaVerifySpec,
  criteriaDiffSpec,
];
