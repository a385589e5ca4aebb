/**
 * What-if and targets of `dti-criteria/analysis` (issue #15, item 3): to be
 * merged into the entry point's `index.ts`.
 */
export { gapToRating, safeGapToRating, type RatingGap } from './gap-to-rating.js';
export { pathsToRating, pathToRating, safePathsToRating, safePathToRating, type PathChange, type PathOptions, type RatingPath, type RatingTarget } from './path-to-rating.js';
export type { Subject, SubjectOptions } from './targets-cohort.js';
export type { HeldLeaf, HoldReason } from './targets-leaves.js';
export { safeWhatIf, whatIf, type ChangeEffect, type ChangeEffectKind, type LeafChanges, type NodeFiguresText, type NodeMove, type OtherUnitMove, type UnitStanding, type WhatIf } from './what-if.js';
