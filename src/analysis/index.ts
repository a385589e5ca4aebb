/**
 * `dti-criteria/analysis`: what analysts do with results beyond publishing
 * them — `toRows` (a report as wide or long rows, exact decimals, empty cells
 * with a status where a node does not count), `toCsv` (RFC 4180,
 * Excel-friendly options), `describeResults` (distributions, correlations,
 * Cronbach's alpha, flags per cohort) and the statistics it is built on;
 * variants with other weights (`safeDeriveVariant`), other aggregations
 * (`safeAlternativeIndex`), merged units (`safeMergeUnits`), panels over
 * years (`safeBuildPanel`), what-if and targets (`whatIf`, `gapToRating`,
 * `pathToRating`: each rule kind's exact `inverse`), and uncertainty and
 * sensitivity analysis (`uncertainty`, `sensitivity`; in worker threads
 * through `dti-criteria/node`). Pure, plain
 * data in and out, browser-safe (zod and decimal.js only). Statistics are
 * analysis, never published scores: the moments, correlations and alpha are
 * computed in float64 and say so; counts and order statistics are exact.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { scoreBatch } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * import { describeResults, toCsv, toRows } from 'dti-criteria/analysis';
 * const criteria = getCriteria('can-tho@2022.1.0');
 * const submissions = JSON.parse(readFileSync('examples/can-tho-2022/submissions.json', 'utf8'));
 * const report = scoreBatch(criteria, submissions, { keepInputs: true });
 * const csv = toCsv(toRows(report, { criteria, values: ['input', 'points', 'status'] }));
 * console.log(csv.split('\r\n').length - 2); // 47
 * const districts = describeResults(report, criteria).cohorts.find((c) => c.level === 'district');
 * console.log([districts?.units, districts?.index.min, districts?.index.max]); // [9,"0.5989","0.8153"]
 * ```
 *
 * @packageDocumentation
 */
export { averageRanks } from './ranks.js';
export { cronbachAlpha } from './cronbach.js';
export type { CorrelationMatrix, CorrelationVariable } from './correlation-matrix.js';
export { pearson, spearman } from './correlation.js';
export { describeResults, safeDescribeResults, type CohortDescription, type DescribeCohort, type DescribeOptions, type Description, type LeafFlag, type LeafFlagKind, type NodeDescription, type PillarAlpha } from './describe.js';
export type { Distribution } from './distribution.js';
export type { Numeric } from './numeric.js';
export { quantile } from './quantile.js';
export { TABLE_VALUES, type Cell, type Column, type ColumnType, type Row, type Table, type TableShape, type TableValue } from './table.js';
export { toCsv, type CsvOptions } from './to-csv.js';
export { safeToRows, toRows, type RowsOptions } from './to-rows.js';
export { MERGE_METHODS, safeMergeUnits, type Crosswalk, type MergedReport, type MergedUnit, type MergeMethod, type MergeOptions } from './merge-units.js';
export { safeBuildPanel, type Panel, type PanelChange, type PanelEntry, type PanelInput, type PanelOptions, type PanelRow } from './panel.js';
export { AGGREGATION_METHODS, safeAlternativeIndex, type AggregationMethod, type AlternativeIndexOptions, type AlternativeIndexReport, type AlternativeUnit } from './alternative-index.js';
export { safeDeriveVariant, type VariantChanges, type VariantOptions } from './derive-variant.js';
export { gapToRating, safeGapToRating, type RatingGap } from './gap-to-rating.js';
export { pathsToRating, pathToRating, safePathsToRating, safePathToRating, type PathChange, type PathOptions, type RatingPath, type RatingTarget } from './path-to-rating.js';
export type { Subject, SubjectOptions } from './targets-cohort.js';
export type { HeldLeaf, HoldReason } from './targets-leaves.js';
export { safeWhatIf, whatIf, type ChangeEffect, type ChangeEffectKind, type LeafChanges, type NodeFiguresText, type NodeMove, type OtherUnitMove, type UnitStanding, type WhatIf } from './what-if.js';
export type { AggregationInput, MissingInput, UncertainInput, WeightsInput } from './uncertain-inputs.js';
export { MAX_SAMPLES, type SensitivityIndex, type SensitivityResult, type UncertainUnit, type UncertaintyOptions, type UncertaintyResult } from './uncertainty-run.js';
export { safeUncertainty, uncertainty } from './uncertainty.js';
export { safeSensitivity, sensitivity } from './sensitivity.js';
