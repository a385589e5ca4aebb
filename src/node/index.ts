/**
 * Node-only helpers of dti-criteria: loading criteria files from disk, the
 * DIC's workflow on a criteria folder (new version, publish, verify), and the
 * uncertainty and sensitivity analyses of `dti-criteria/analysis` on worker
 * threads (`safeUncertaintyInWorkers`, `safeSensitivityInWorkers`).
 *
 * @packageDocumentation
 */
export { loadCriteria, safeLoadCriteria, type LoadCriteriaOptions } from './load-criteria.js';
export { safeCriteriaFolderSource } from './criteria-folder.js';
export { safeReadCriteriaFile } from './read-criteria-file.js';
export { safeReadTextFile } from './read-text-file.js';
export { CRITERIA_DIR_ENV, safeOpenCriteriaRegistry, type OpenRegistryOptions } from './registry.js';
export { MANIFEST_FILE, safeNewCriteriaVersion, safePublishCriteriaFile, readCriteriaDir, safeReadManifest, verifyCriteriaDir, type NewVersionOptions } from './criteria-dir.js';
export { safeDecodeUtf8, type DecodedText } from '../format/text-bytes.js';
export { safeParseManifest, type CriteriaFileContent } from '../criteria/manifest.js';
export { safeSensitivityInWorkers, safeUncertaintyInWorkers, type WorkerOptions } from './uncertainty-workers.js';
