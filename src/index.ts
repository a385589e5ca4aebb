/**
 * dti-criteria: versioned digital-transformation criteria sets and exact,
 * explained scoring for Cần Thơ city (departments, districts, communes).
 *
 * @packageDocumentation
 */
export { canonicalJson } from './canonical/canonical-json.js';
export { criteriaHash } from './compile/criteria-hash.js';
export { sha256Hex } from './canonical/sha256.js';
export { batchInputHash, unitInputHash } from './canonical/input-hash.js';
export { criteriaInForce, isInForce, type VersionFacts } from './criteria/in-force.js';
export { periodRange, type PeriodRange } from './criteria/period.js';
export { CRITERIA_REF_PATTERN, parseCriteriaRef, type CriteriaRef } from './format/reference.js';
export { createRegistry, criteriaSource, type CriteriaListing, type CriteriaRegistry, type CriteriaSource, type CriteriaSourceEntry, type ResolveOptions } from './criteria/registry.js';
export { compareVersions } from './criteria/versions.js';
export { criteriaWarnings } from './criteria/warnings.js';
export { Dec, divideRounded, readDecimal, roundHalfUp, toFixed } from './decimal.js';
export { Exact } from './exact/exact.js';
export { ExactSum } from './exact/exact-sum.js';
export { fixedText } from './exact/fixed-text.js';
export { formatNumber, type NumberLanguage } from './text/number-text.js';
export { parseExact, readExact } from './exact/read-exact.js';
export { roundQuotient } from './exact/round-quotient.js';
export { DtiError, formatIssue, inFile, ioFailure, ISSUE_CODES, issueLocation, issueParamKinds, issueText, makeIssue, relocateIssue, type Issue, type IssueArgs, type IssueCode, type IssueLanguage, type IssueMessage, type IssueParam, type IssueParamKind, type IssueParamsOf, type IssueTextOptions, type IssueWhere, type Result } from './errors.js';
export { criteriaSetSchema, nodeSchema, ruleSchema, submissionSchema, unitSubmissionSchema } from './compile/schemas.js';
export { idKey, normalizeId, safeNormalizeId } from './format/identity.js';
export type { Localized } from './format/localized.js';
export { parseCriteria, safeParseCriteria, safeParseCriteriaJson, type CriteriaReadOptions } from './compile/parse-criteria.js';
export { parseSubmission, safeParseSubmission, safeParseSubmissionJson, type SubmissionReadOptions } from './format/parse-submission.js';
export type { AppraisalEntry, Submission, UnitSubmission } from './format/submission-schema.js';
export type { EvidenceEntry, EvidenceKind } from './format/evidence-entry.js';
export { evidenceHref } from './format/evidence-href.js';
export type { AppraisalReason, Basis, CriteriaNode, CriteriaSet, Decimalish, DerivedFrom, EvidencePolicy, Group, Level, LevelScope, MissingPolicy, PerLevel, Ranking, Rating, ValueRange } from './compile/types.js';
export { appraisalReasonsOf, DEFAULT_APPRAISAL_REASONS } from './compile/appraisal-reasons.js';
export { formatPath, parsePath, type PathSegment } from './path.js';
export { appendAll, capIssues, DEFAULT_LIMITS, type InputLimits } from './limits.js';
export { RULE_KINDS, withRuleKinds, type Rule, type RuleKindName, type RuleKindRegistry } from './rules/registry.js';
export { NODE_STATUSES, parseScoreReport, readResultsStamp, RESULTS_FORMAT, safeParseScoreReport, scoreReportSchema, UNKNOWN_GENERATOR, writeReportJson, type JsonSink, type ResultsPlaces, type ResultsReadOptions, type WriteJsonOptions, safeVerifyResults, verifyResults, type Verification, type VerifyOptions } from './results/index.js';
export { rankEntries, type RankKey, type TieRule } from './scoring/rank.js';
export type { AppraisalNote, CriteriaStamp, GeneratorStamp, GivenInputs, InputStamp, InputValue, NodeResult, NodeStatus, RejectedUnit, ScoreReport, UnitEvidence, UnitResult } from './scoring/result-types.js';
export { scoreBatch, safeScoreBatch, type ScoreOptions } from './scoring/score-batch.js';
export { explainNode, explainUnit, withExplanations } from './scoring/explain.js';
export { criteriaJsonSchema, submissionJsonSchema } from './compile/json-schema.js';
export { strengthsAndWeaknesses, type LeafStanding } from './scoring/strengths.js';
export type { AnyRuleKind } from './rules/registry.js';
export type { EvalContext, Evaluation, InputContext, Inverse, InverseChange, InverseContext, InvertibleRuleKind, NotApplicable, RuleKind, Scored, ValueContext, ValueDomain } from './rules/types.js';
export type { InputOption, InputShape, InputType } from './rules/input-shape.js';
export { leafInput } from './compile/leaf-input.js';
export { fractionToPercent, percentToFraction } from './format/percent.js';
export { readTypedNumber, type TypedNumber, type TypedNumberOptions } from './format/typed-number.js';
export type { AppraisedRule } from './rules/appraised.js';
export type { Band, BandsRule } from './rules/bands.js';
export type { BooleanRule } from './rules/boolean.js';
export type { ChecklistItem, ChecklistRule } from './rules/checklist.js';
export type { ChoiceOption, ChoiceRule } from './rules/choice.js';
export type { CountRule } from './rules/count.js';
export type { InfoRule } from './rules/info.js';
export type { LinearRule } from './rules/linear.js';
export type { RatioRule, ZeroDenominator } from './rules/ratio.js';
export type { RelativeCohort, RelativeRule } from './rules/relative.js';
export type { IssueParams } from './errors.js';
export { buildManifest, manifestEntry, safeParseManifest, verifyCriteriaFiles, type CriteriaFileContent, type Manifest, type ManifestEntry } from './criteria/manifest.js';
export { diffCriteria, isEmptyDiff, type CriteriaDiff, type NodeChange, type NodeChangeKind, type NodeKind, type NodeDetails, type DiffStamp, type GroupRef, type LevelsDiff, type LevelValueChange, type RuleChange, type TotalChange, type DiffSummary } from './versioning/diff.js';
export { diffToMarkdown, type DiffLanguage } from './versioning/diff-markdown.js';
export { migrateSubmission, migrationToMarkdown, type CodeMove, type DropReason, type DroppedUnit, type DroppedValue, type MigrationPointsChange, type MigrationResult, type MigrationRuleChange, type MigrationSummary, type UnitDropReason, type UnitMigration } from './versioning/migrate.js';
export { compareReports, comparisonToMarkdown, type ChangeFigures, type ComparedSide, type CompareOptions, type Comparison, type ComparisonUnitRef, type RebasedFigures, type UnitComparison } from './versioning/compare.js';
export { formFields, listFormFields, type FormField, type FormFractionPart, type FormFractionParts, type FormInput, type FormItem, type FormLanguage, type FormOption, type FormSection, type FormText } from './forms/form-fields.js';
export { unitSubmissionJsonSchemaFor, unitSubmissionSchemaFor } from './forms/unit-schema.js';
