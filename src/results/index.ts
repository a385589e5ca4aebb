/**
 * Results files (what `dti score --format json` prints), read back and
 * checked against the criteria set that produced them: one strict schema,
 * every published figure recomputed from the set and the file's other
 * figures. Pure: no I/O.
 */
export { RESULTS_FORMAT, UNKNOWN_GENERATOR } from './format.js';
export { parseScoreReport, safeParseScoreReport } from './parse.js';
export { NODE_STATUSES, scoreReportSchema, type ResultsPlaces } from './schema.js';
export { readResultsStamp, type ResultsReadOptions } from './stamp.js';
export { writeReportJson, type JsonSink, type WriteJsonOptions } from './write-json.js';
export { safeVerifyResults, verifyResults, type Verification, type VerifyOptions } from './verify.js';
