/**
 * Node-only helpers of dti-criteria: loading criteria files from disk.
 *
 * @packageDocumentation
 */
export { loadCriteria } from './load-criteria.js';
