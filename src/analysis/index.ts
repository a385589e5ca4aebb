// dti-criteria/analysis: what analysts do with results beyond publishing them.
export { MERGE_METHODS, safeMergeUnits, type Crosswalk, type MergedReport, type MergedUnit, type MergeMethod, type MergeOptions } from './merge-units.js';
export { safeBuildPanel, type Panel, type PanelChange, type PanelEntry, type PanelInput, type PanelOptions, type PanelRow } from './panel.js';
export { AGGREGATION_METHODS, safeAlternativeIndex, type AggregationMethod, type AlternativeIndexOptions, type AlternativeIndexReport, type AlternativeUnit } from './alternative-index.js';
export { safeDeriveVariant, type VariantChanges, type VariantOptions } from './derive-variant.js';
