/**
 * Analysis of scored batches: what-if, targets and paths to a rating.
 * TEMPORARY (branch analysis-targets): the entry point's real index is
 * written on another branch; this file only re-exports targets-index.ts so
 * the doc examples run, and is replaced at the merge.
 *
 * @packageDocumentation
 */
export * from './targets-index.js';
