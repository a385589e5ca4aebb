import { Dec, exactOf, toFixed } from '../decimal.js';
import { fixedText } from '../exact/fixed-text.js';
import { nodeMaximum, type CompiledNode } from '../compile/compiled.js';
import type { Localized } from '../format/localized.js';
import type { CriteriaSet } from '../compile/types.js';
import { inputOfLeaf } from '../compile/leaf-input.js';
import type { InputOption, InputShape } from '../rules/input-shape.js';
import { leafMax, resolveScope, type FormScope } from './scope.js';

/** A language a form can be shown in. */
export type FormLanguage = 'vi' | 'en';

/**
 * Text of a form in both languages, plus `text` in the language asked for.
 * `en` falls back to the Vietnamese text when the set has no English.
 */
export interface FormText {
  readonly vi: string;
  readonly en: string;
  /** The text in the language passed to {@link formFields} (Vietnamese by default). */
  readonly text: string;
}

/** One part of a `{ numerator, denominator }` answer. */
export interface FormFractionPart {
  readonly label: FormText;
}

/** The two parts of a `{ numerator, denominator }` answer; the leaf's description says what each counts. */
export interface FormFractionParts {
  readonly numerator: FormFractionPart;
  readonly denominator: FormFractionPart;
}

/** An option of a `choice` leaf or an item of a `checklist` leaf, with what it earns at the level. */
export interface FormOption {
  readonly id: string;
  readonly label: FormText;
  /**
   * Points it earns at the level, with `rounding.points` decimals (an item's
   * points add up, the sum capped at the leaf's `maxPoints`).
   */
  readonly points: string;
}

/**
 * The input a field needs: the leaf's {@link InputShape} as a form shows it
 * (labels in the form's language, decimals as strings). Every bound is a
 * constraint the scorer enforces, never a hint.
 *
 * - `yes-no`: `true` / `false`.
 * - `fraction`: `{ numerator, denominator }`, both `>= 0`, `numerator <= denominator` unless `allowOver`.
 * - `number`: a decimal (a whole number with `whole`) within `min` / `max` when given; with
 *   `fraction`, a `{ numerator, denominator }` (`n <= d`) may be given instead and its quotient is used;
 *   with `percent`, a fraction in data that a person types as a percentage.
 * - `one-of`: one option id. `any-of`: the ids of the items met.
 * - `points`: points `0..max` set by the appraisal council.
 * - `note`: any scalar, recorded and never scored.
 */
export type FormInput =
  | { readonly type: 'yes-no' }
  | ({ readonly type: 'fraction'; readonly allowOver: boolean } & FormFractionParts)
  | {
      readonly type: 'number';
      readonly whole: boolean;
      /** Bounds of the value as data holds it (a `%` leaf's are fractions: `0` and `1`). */
      readonly min?: string;
      readonly max?: string;
      /** A `%` leaf: data holds a fraction; a person types and reads a percentage (see `readTypedNumber`). */
      readonly percent: boolean;
      readonly fraction?: FormFractionParts;
    }
  | { readonly type: 'one-of'; readonly options: readonly FormOption[] }
  | { readonly type: 'any-of'; readonly items: readonly FormOption[] }
  | { readonly type: 'points'; readonly min: '0'; readonly max: string }
  | { readonly type: 'note' };

/** One leaf of the form: what to ask, where the answer goes and what it can earn. */
export interface FormField {
  readonly type: 'field';
  readonly code: string;
  /** Where the answer goes in a unit's submission: `['values', code]` (the same key under `appraised`). */
  readonly valuePath: readonly ['values', string];
  readonly label: FormText;
  readonly description?: FormText;
  /** What proof the unit must attach. */
  readonly evidence?: FormText;
  /**
   * `true` when the leaf requires evidence ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định), `evidenceRequired`): a
   * self-assessed value without an entry that counts is listed in the
   * results' `evidence.lacking`, and under the set's `evidencePolicy: "zero"`
   * scores 0. The entries go in the unit's `evidence` under the leaf's code.
   */
  readonly evidenceRequired: boolean;
  /** Unit of the value as written in the set (`%`, `count`, ...). */
  readonly unit?: string;
  /** Where the criterion comes from. */
  readonly source?: string;
  readonly input: FormInput;
  /** Whether `"n/a"` (not applicable to the unit) is an accepted answer. */
  readonly allowNA: boolean;
  /** The leaf's points `P` at the level, with `rounding.points` decimals; `null` for `info` leaves. */
  readonly maxPoints: string | null;
  /** The rule's kind and the rule in words at the level. */
  readonly rule: { readonly kind: string; readonly text: FormText };
  /** `true` when the set's `missing` policy is `error` and the leaf is scored: the unit is rejected without it. */
  readonly required: boolean;
}

/**
 * A heading of the form: a pillar (depth 1), a main index (depth 2) or a
 * deeper aggregate, holding its fields and sub-sections in tree order. Leaves
 * at the top of the tree are gathered in sections with `code: null` named
 * after the set.
 */
export interface FormSection {
  readonly type: 'section';
  readonly code: string | null;
  readonly name: FormText;
  readonly description?: FormText;
  readonly evidence?: FormText;
  readonly source?: string;
  /** 1 for a pillar, 2 for a main index, and so on down the tree. */
  readonly depth: number;
  /** The most a unit of the level (and group) can earn here, caps applied, with `rounding.points` decimals. */
  readonly maxPoints: string;
  readonly items: readonly FormItem[];
}

/** An entry of a section: a field or a sub-section. */
export type FormItem = FormSection | FormField;

const NUMERATOR: Localized = { vi: 'Tử số (n)', en: 'Numerator (n)' };
const DENOMINATOR: Localized = { vi: 'Mẫu số (d)', en: 'Denominator (d)' };

interface Builder {
  readonly scope: FormScope;
  readonly dp: number;
  text(value: Localized): FormText;
}

function fractionParts(b: Builder): FormFractionParts {
  return { numerator: { label: b.text(NUMERATOR) }, denominator: { label: b.text(DENOMINATOR) } };
}

function optionOf(b: Builder, option: InputOption): FormOption {
  return { id: option.id, label: b.text(option.label), points: fixedText(option.worth, b.dp) };
}

function inputOf(b: Builder, shape: InputShape): FormInput {
  switch (shape.type) {
    case 'yes-no':
    case 'note':
      return { type: shape.type };
    case 'fraction':
      return { type: 'fraction', allowOver: shape.allowOver, ...fractionParts(b) };
    case 'number':
      return {
        type: 'number',
        whole: shape.whole,
        percent: shape.percent,
        ...(shape.min !== undefined ? { min: shape.min.toString() } : {}),
        ...(shape.max !== undefined ? { max: shape.max.toString() } : {}),
        ...(shape.orFraction ? { fraction: fractionParts(b) } : {}),
      };
    case 'one-of':
      return { type: 'one-of', options: shape.options.map((option) => optionOf(b, option)) };
    case 'any-of':
      return { type: 'any-of', items: shape.items.map((item) => optionOf(b, item)) };
    case 'points':
      return { type: 'points', min: '0', max: fixedText(shape.max, b.dp) };
  }
}

function fieldOf(b: Builder, node: CompiledNode): FormField {
  const leaf = node.leaf!;
  const source = node.node;
  const max = leafMax(node, b.scope.level);
  return {
    type: 'field',
    code: node.code,
    valuePath: ['values', node.code],
    label: b.text(source.name),
    ...(source.description ? { description: b.text(source.description) } : {}),
    ...(source.evidence ? { evidence: b.text(source.evidence) } : {}),
    evidenceRequired: leaf.evidenceRequired,
    ...(source.unit !== undefined ? { unit: source.unit } : {}),
    ...(source.source !== undefined ? { source: source.source } : {}),
    input: inputOf(b, inputOfLeaf(leaf, b.scope.level)),
    allowNA: leaf.allowNA,
    maxPoints: leaf.rule.scored ? toFixed(max, b.dp) : null,
    rule: { kind: leaf.kind, text: b.text(leaf.rule.describe(leaf.compiled, exactOf(max))) },
    required: b.scope.compiled.missing === 'error' && leaf.rule.scored,
  };
}

function sectionOf(b: Builder, node: CompiledNode, depth: number): FormSection | undefined {
  const items = itemsOf(b, node.children, depth + 1);
  if (items.length === 0) return undefined;
  return {
    type: 'section',
    code: node.code,
    name: b.text(node.node.name),
    ...(node.node.description ? { description: b.text(node.node.description) } : {}),
    ...(node.node.evidence ? { evidence: b.text(node.node.evidence) } : {}),
    ...(node.node.source !== undefined ? { source: node.node.source } : {}),
    depth,
    maxPoints: toFixed(nodeMaximum(node, b.scope.atom) ?? new Dec(0), b.dp),
    items,
  };
}

function itemsOf(b: Builder, nodes: readonly CompiledNode[], depth: number): FormItem[] {
  const out: FormItem[] = [];
  for (const node of nodes) {
    if (!node.scope.has(b.scope.atom)) continue;
    const item = node.leaf ? fieldOf(b, node) : sectionOf(b, node, depth);
    if (item) out.push(item);
  }
  return out;
}

/**
 * The self-assessment form of a unit at `level` (and `group`, required for a
 * level that has groups): one section per pillar, holding a section per main
 * index, holding a field per leaf that applies, all in tree order. Leaves at
 * the top of the tree (sets without pillars) are gathered, run by run, in a
 * section with `code: null` named after the set. Sections without any field
 * for the level are left out. The top-level sections' `maxPoints` add up to
 * the level's maximum.
 *
 * Every text comes in both languages plus `text` in `lang` (default `'vi'`).
 * Points are strings with the set's `rounding.points` decimals.
 *
 * Throws a {@link DtiError} when the set is invalid, and with
 * `submission/unknown-level`, `submission/group-required`,
 * `submission/unknown-group` or `submission/group-not-allowed` for a bad level
 * or group.
 *
 * @example
 * ```ts
 * import { formFields, listFormFields } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const sections = formFields(getCriteria('can-tho@2022.1.0'), 'department', 'A', 'en');
 * console.log(sections.map((s) => `${s.code} ${s.maxPoints}`)); // ["CQS 600.00", "KTS 200.00", "XHS 200.00"]
 * const field = listFormFields(sections).find((f) => f.code === 'CQS.1.3');
 * console.log(field?.label.text); // Share of DX meetings chaired by the head
 * console.log(field?.input); // {"type":"fraction","allowOver":false,"numerator":{"label":{"vi":"Tử số (n)","en":"Numerator (n)","text":"Numerator (n)"}},"denominator":{"label":{"vi":"Mẫu số (d)","en":"Denominator (d)","text":"Denominator (d)"}}}
 * console.log(field?.maxPoints); // "20.00"
 * console.log(field?.evidenceRequired); // false
 * ```
 */
export function formFields(criteria: CriteriaSet, level: string, group?: string | null, lang: FormLanguage = 'vi'): FormSection[] {
  const scope = resolveScope(criteria, level, group);
  const b: Builder = {
    scope,
    dp: scope.compiled.rounding.points,
    text: (value) => {
      const en = value.en ?? value.vi;
      return { vi: value.vi, en, text: lang === 'en' ? en : value.vi };
    },
  };
  const sections: FormSection[] = [];
  let loose: FormField[] = [];
  let looseMax = new Dec(0);
  const flush = (): void => {
    if (loose.length === 0) return;
    sections.push({ type: 'section', code: null, name: b.text(criteria.title), depth: 1, maxPoints: toFixed(looseMax, b.dp), items: loose });
    loose = [];
    looseMax = new Dec(0);
  };
  for (const node of scope.compiled.roots) {
    if (!node.scope.has(scope.atom)) continue;
    if (node.leaf) {
      loose.push(fieldOf(b, node));
      looseMax = looseMax.plus(nodeMaximum(node, scope.atom) ?? 0);
      continue;
    }
    const section = sectionOf(b, node, 1);
    if (section) {
      flush();
      sections.push(section);
    }
  }
  flush();
  return sections;
}

/**
 * Every field of a form (or of some of its sections), in tree order.
 *
 * @example
 * ```ts
 * import { formFields, listFormFields } from 'dti-criteria';
 * import { getCriteria } from 'dti-criteria/sets';
 * const fields = listFormFields(formFields(getCriteria('vn-dti-province@2022.1.0'), 'province'));
 * console.log(fields.map((f) => f.code).join(' ')); // DTI.1 DTI.2 DTI.3 DTI.4 DTI.5 DTI.6 DTI.7 DTI.8 DTI.9
 * console.log(fields[5]?.input.type); // note
 * console.log(fields[5]?.maxPoints); // null
 * ```
 */
export function listFormFields(sections: readonly FormItem[]): FormField[] {
  return sections.flatMap((item) => (item.type === 'field' ? [item] : listFormFields(item.items)));
}
