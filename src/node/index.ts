/**
 * Node-only helpers of dti-criteria: loading criteria files from disk, and the
 * DIC's workflow on a criteria folder (new version, publish, verify).
 *
 * @packageDocumentation
 */
export { loadCriteria } from './load-criteria.js';
export { MANIFEST_FILE, newCriteriaVersion, publishCriteriaFile, readCriteriaDir, readManifest, verifyCriteriaDir } from './criteria-dir.js';
