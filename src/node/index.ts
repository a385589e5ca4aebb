/**
 * Node-only helpers of dti-criteria: loading criteria files from disk, and the
 * DIC's workflow on a criteria folder (new version, publish, verify).
 *
 * @packageDocumentation
 */
export { loadCriteria, type LoadCriteriaOptions } from './load-criteria.js';
export { criteriaFolderSource } from './criteria-folder.js';
export { readCriteriaFile } from './read-criteria-file.js';
export { CRITERIA_DIR_ENV, openCriteriaRegistry, type OpenRegistryOptions } from './registry.js';
export { MANIFEST_FILE, newCriteriaVersion, publishCriteriaFile, readCriteriaDir, readManifest, verifyCriteriaDir, type NewVersionOptions } from './criteria-dir.js';
export { decodeUtf8, type DecodedText } from '../format/text-bytes.js';
export { parseManifest, type CriteriaFileContent } from '../versioning/manifest.js';
