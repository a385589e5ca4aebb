import type { Localized } from '../format/localized.js';
import type { Rule } from '../rules/registry.js';

/** A decimal as written in JSON: a plain decimal string or a number. */
export type Decimalish = string | number;

/** Where a node applies: a level id, or a level narrowed to some of its groups. */
export type LevelScope = string | { readonly level: string; readonly groups: readonly string[] };

/** A decimal, or decimals keyed by level id. */
export type PerLevel = Decimalish | Readonly<Record<string, Decimalish>>;

/**
 * The values a unit can truthfully give for a leaf ([format reference §9](../../docs/reference/criteria-format.md#9-miền-giá-trị)), both bounds
 * inclusive and optional: a value outside is an error, never clamped.
 */
export interface ValueRange {
  readonly min?: Decimalish;
  readonly max?: Decimalish;
}

/** A node of the criteria tree: an aggregate (with `children`) or a leaf (with `rule`); see [format reference §3](../../docs/reference/criteria-format.md#3-cây-tiêu-chí). */
export interface CriteriaNode {
  readonly code: string;
  readonly name: Localized;
  readonly description?: Localized;
  readonly evidence?: Localized;
  readonly source?: string;
  readonly unit?: string;
  /** Leaves whose rule reads a number: the values a unit can give (a `%` leaf's is `[0, 1]` unless set). */
  readonly range?: ValueRange;
  readonly appliesTo?: readonly LevelScope[];
  readonly aliases?: readonly string[];
  readonly points?: PerLevel;
  readonly allowNA?: boolean;
  /** Leaves only ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): the unit must attach evidence for its value (see the set's `evidencePolicy`). */
  readonly evidenceRequired?: boolean;
  readonly rule?: Rule;
  readonly cap?: PerLevel;
  readonly children?: readonly CriteriaNode[];
}

/** A group of units within a level (department groups A, B, C); see [format reference §2](../../docs/reference/criteria-format.md#2-cấp-và-nhóm). */
export interface Group {
  readonly id: string;
  readonly name: Localized;
  readonly description?: Localized;
}

/** A kind of unit assessed (`department`, `district`, `commune`); see [format reference §2](../../docs/reference/criteria-format.md#2-cấp-và-nhóm). */
export interface Level {
  readonly id: string;
  readonly name: Localized;
  readonly description?: Localized;
  readonly groups?: readonly Group[];
  readonly expectedMax?: PerLevel;
}

/** A legal instrument the set rests on; see [format reference §1](../../docs/reference/criteria-format.md#căn-cứ-basis). */
export interface Basis {
  readonly ref: string;
  readonly date?: string;
  readonly title?: Localized;
}

/** A rating band on the rounded index; see [format reference §6](../../docs/reference/criteria-format.md#xếp-loại-ratings). */
export interface Rating {
  readonly id: string;
  readonly name: Localized;
  readonly min: Decimalish;
}

/** What a missing value means. */
export type MissingPolicy = 'zero' | 'exclude' | 'error';

/**
 * What a leaf with `evidenceRequired` earns without evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): `flag`
 * (the default) lists it as lacking evidence, points unchanged; `zero` scores
 * it 0 (its maximum unchanged) until evidence is given.
 */
export type EvidencePolicy = 'flag' | 'zero';

/** A reason an appraisal may give for changing a value ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
export interface AppraisalReason {
  readonly id: string;
  readonly label: Localized;
  /** The appraisal must then carry a `note` (the default list's `other` does). */
  readonly noteRequired?: boolean;
}

/** How units are ranked; see [format reference §6](../../docs/reference/criteria-format.md#xếp-hạng-ranking). */
export interface Ranking {
  readonly by?: 'index' | 'points';
  readonly ties?: 'competition' | 'dense';
  readonly cohort?: 'level' | 'level+group';
}

/**
 * What an analysis variant was derived from (`deriveVariant` of
 * `dti-criteria/analysis`): the official set's id, version and hash, and the
 * changes made (weights per node, points per leaf). A set with it is never
 * an official version: its status is `draft`.
 */
export interface DerivedFrom {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
  readonly weights?: Readonly<Record<string, Decimalish>>;
  readonly points?: Readonly<Record<string, PerLevel>>;
  /** Weighted leaves that kept their points (their kind cannot be rescaled: `appraised`). */
  readonly kept?: readonly string[];
}

/** A criteria set, as written in `criteria/<id>/<version>.json` ([format reference §1](../../docs/reference/criteria-format.md#1-tệp-bộ-tiêu-chí)). */
export interface CriteriaSet {
  readonly $schema?: string;
  readonly format: 1;
  readonly id: string;
  readonly version: string;
  readonly status: 'draft' | 'published';
  readonly title: Localized;
  readonly description?: Localized;
  readonly basis: readonly Basis[];
  readonly effective: { readonly from: string; readonly to: string | null };
  readonly levels: readonly Level[];
  readonly rounding?: { readonly points: number; readonly index: number };
  readonly missing?: MissingPolicy;
  /** [format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định): what a leaf lacking required evidence earns; default `flag`. */
  readonly evidencePolicy?: EvidencePolicy;
  /** [format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định): the reasons an appraisal may give; default `DEFAULT_APPRAISAL_REASONS`. */
  readonly appraisalReasons?: readonly AppraisalReason[];
  readonly ranking?: Ranking;
  readonly ratings?: readonly Rating[];
  /** Present on an analysis variant only: the official set it was derived from, and how (never published). */
  readonly derivedFrom?: DerivedFrom;
  readonly nodes: readonly CriteriaNode[];
}
