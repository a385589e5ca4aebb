import type { Issue } from '../errors.js';
import type { Localized } from '../format/localized.js';

/** How a node was scored for a unit ([format reference §5](../../docs/reference/criteria-format.md#5-giá-trị-thiếu-và-không-áp-dụng)). */
export type NodeStatus = 'scored' | 'not-applicable' | 'missing' | 'info';

/**
 * The appraisal of a leaf as results keep it ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): the reason id (its
 * label is the set's, see `appraisalReasonsOf`), the note and date when given,
 * and who appraised only when the caller asked (`ScoreOptions.withAppraisers`).
 */
export interface AppraisalNote {
  readonly reason: string;
  readonly note?: string;
  readonly at?: string;
  readonly by?: string;
}

/**
 * What a unit's evidence says ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): `lacking`, the leaves that require
 * evidence whose self-assessed value has no complete entry dated within the
 * period (tree order); `flags`, the findings that do not reject the unit
 * (`evidence/incomplete`, `evidence/after-period`, `evidence/number-format`),
 * each a coded issue with its path.
 */
export interface UnitEvidence {
  readonly lacking: readonly string[];
  readonly flags: readonly Issue[];
}

/**
 * A value as a unit gave it for a leaf, copied from its submission (a JSON
 * value: a number or decimal string, `true`/`false`, an option id, `"n/a"`,
 * `{ numerator, denominator }`, a checklist's list or record of items).
 */
export type InputValue = string | number | boolean | null | readonly InputValue[] | { readonly [key: string]: InputValue };

/**
 * A leaf's raw inputs kept in its result (`ScoreOptions.keepInputs`): the
 * value of the unit's self-assessment (`values`) and its appraised value
 * (`appraised`, or an `appraisal`'s `value`), each as the unit gave it and
 * absent when it gave none (`{}` for a leaf left empty).
 */
export interface GivenInputs {
  readonly self?: InputValue;
  readonly appraised?: InputValue;
}

/** One node's result for one unit. Decimals are strings with the set's fixed decimals. */
export interface NodeResult {
  /** Points earned; `null` when the node does not count (not applicable, excluded, info). */
  readonly points: string | null;
  /** The most the unit could earn here; `null` when the node does not count. */
  readonly maxPoints: string | null;
  /** Aggregates only: `points / maxPoints`, rounded; `null` when the maximum is 0. */
  readonly index?: string | null;
  readonly status: NodeStatus;
  /** Where the unit has an appraised value below this node: the points of its self-assessment. */
  readonly selfPoints?: string | null;
  /** A leaf appraised with a reason (the unit's `appraisal`): the reason, note, date and (when asked) who. */
  readonly appraisal?: AppraisalNote;
  /** `info` leaves: the value recorded. */
  readonly value?: string | number | boolean | null;
  /**
   * Leaves, when scored with `keepInputs`: the raw inputs the unit gave (see
   * {@link GivenInputs}); absent otherwise. Never on an aggregate.
   */
  readonly given?: GivenInputs;
  /**
   * The computation in words, Vietnamese and English: present in a result that
   * carries its texts (from `explainUnit` / `withExplanations`, or read from a
   * results file written with them); scoring leaves it out (see `explainNode`).
   */
  readonly explanation?: Localized;
}

/** One unit's result ([format reference §8](../../docs/reference/criteria-format.md#8-tệp-kết-quả), plus name, parent, rank within the parent and self-assessment totals). */
export interface UnitResult {
  readonly unit: string;
  readonly name: string | null;
  readonly level: string;
  readonly group: string | null;
  readonly parent: string | null;
  /**
   * The unit's input stamp ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): the SHA-256 of the canonical JSON of
   * its submission as read (see `unitInputHash`). Present when scored with
   * `inputHashes` (as `dti score --format json` does); absent in files
   * written before it existed.
   */
  readonly input?: InputStamp;
  readonly points: string;
  readonly maxPoints: string;
  readonly index: string | null;
  readonly rating: string | null;
  readonly rank: number | null;
  /** Rank among units of the same level with the same `parent` (communes within their district). */
  readonly rankInParent: number | null;
  /** Present when the unit has appraised values: its self-assessed total and the difference (final − self). */
  readonly selfPoints?: string;
  readonly difference?: string;
  /** Present when the set requires evidence for a leaf of the unit, or the unit gave evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
  readonly evidence?: UnitEvidence;
  readonly nodes: Readonly<Record<string, NodeResult>>;
}

/** A unit left out by `skipInvalid`, with every problem found in it. */
export interface RejectedUnit {
  readonly unit: string;
  readonly position: number;
  readonly issues: readonly Issue[];
}

/** The stamp of the rules that produced a result. */
export interface CriteriaStamp {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

/** What an input stamp holds ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)): a SHA-256 as 64 lowercase hex digits. */
export interface InputStamp {
  readonly sha256: string;
}

/** The library (and its version) that produced a result ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)). */
export interface GeneratorStamp {
  readonly name: string;
  readonly version: string;
}

/**
 * The scored batch: what `dti score --format json` prints. A results file is
 * read back, checked against its criteria set, with `parseScoreReport` /
 * `safeParseScoreReport` (src/results/).
 */
export interface ScoreReport {
  /**
   * The results format version ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra)), always the first key: `1`.
   * A file without it is format 0, the layout before `format` and `generator`
   * existed; the readers accept it and return it as format 1.
   */
  readonly format: 1;
  readonly criteria: CriteriaStamp;
  /** Scored with an analysis variant (`deriveVariant`): the official set it was derived from. Never an official result. */
  readonly derivedFrom?: CriteriaStamp;
  readonly generator: GeneratorStamp;
  /**
   * The batch's input stamp ([format reference §13](../../docs/reference/criteria-format.md#13-dấu-kiểm-tra), see `batchInputHash`): present when
   * scored with `inputHashes`, with each unit's `input`.
   */
  readonly input?: InputStamp;
  readonly period: string | null;
  readonly results: readonly UnitResult[];
  /** Units rejected under `skipInvalid`; empty otherwise. */
  readonly rejected: readonly RejectedUnit[];
  /** Problems that do not stop scoring, such as a period outside the version's dates. */
  readonly warnings: readonly Issue[];
}
