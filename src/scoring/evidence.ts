import type { Issue } from '../errors.js';
import type { Atom } from '../compile/compiled.js';
import { checkEvidenceEntry, type EntryCheck } from '../format/evidence-entry.js';
import type { UnitSubmission } from '../format/submission-schema.js';
import type { PathSegment } from '../path.js';
import { evidenceLeaves, type LeafReader, type ScoringPlan } from './plan.js';
import type { UnitEvidence } from './result-types.js';
import { misplacedCode, NA } from './read-value.js';

/** What reading a unit's `evidence` needs; `own` (the self-assessed columns) is `undefined` to check only. */
export interface EvidenceReading {
  readonly plan: ScoringPlan;
  readonly readers: ReadonlyMap<string, LeafReader>;
  readonly atom: Atom;
  readonly unit: UnitSubmission;
  /** The unit's path (`["units", 3]`; `[]` for a unit on its own). */
  readonly base: readonly PathSegment[];
  readonly issues: Issue[];
  readonly own: readonly (readonly unknown[])[] | undefined;
  readonly position: number;
  /** The period's last day; `undefined` when the batch has no readable period. */
  readonly end: string | undefined;
}

/** What a unit's evidence says: the slots lacking required evidence, and the `evidence` result. */
export interface EvidenceFacts {
  readonly lacking: ReadonlySet<number> | undefined;
  readonly evidence: UnitEvidence | undefined;
}

const NONE: EvidenceFacts = Object.freeze({ lacking: undefined, evidence: undefined });

/**
 * Reads a unit's `evidence` ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)): a code that is not a leaf of the unit
 * is refused as in `values`; each entry is checked (refusals to `issues`,
 * flags kept, see `checkEvidenceEntry`). A leaf that requires evidence lacks
 * it when the unit gave it a value of its own (not `"n/a"`) and no entry that
 * counts: complete, sound and not dated after the period. An appraised value
 * does not change what the self-assessment lacks (the scorer lets it stand).
 */
export function readEvidence(reading: EvidenceReading): EvidenceFacts {
  const { plan, readers, atom, unit, base, issues, own, position, end } = reading;
  const required = evidenceLeaves(plan, atom);
  const record = unit.evidence;
  if (record === undefined && required.length === 0) return NONE;
  const supported = new Set<number>();
  const flags: Issue[] = [];
  const check: EntryCheck = { unit: unit.id, end, issues, flags };
  for (const code of Object.keys(record ?? {})) {
    const path = [...base, 'evidence', code];
    const reader = readers.get(code);
    if (reader === undefined) {
      issues.push(misplacedCode(plan.criteria, code, unit.id, path));
      continue;
    }
    let counts = false;
    (record![code] ?? []).forEach((entry, i) => {
      if (checkEvidenceEntry(entry, [...path, i], check)) counts = true;
    });
    if (counts) supported.add(reader.slot);
  }
  if (own === undefined) return NONE;
  const lacking = required.filter(({ slot }) => {
    const value = own[slot]![position];
    return value !== undefined && value !== NA && !supported.has(slot);
  });
  return {
    lacking: lacking.length > 0 ? new Set(lacking.map(({ slot }) => slot)) : undefined,
    evidence: { lacking: lacking.map(({ code }) => code), flags },
  };
}
