// The format's TypeScript types are checked against the zod schemas that read the data (type tests:
// `npm run typecheck` fails when they drift apart). What a schema outputs must be assignable to the
// type the library declares for it, and the declared keys must be the schema's keys.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { criteriaSetSchema, submissionSchema, unitSubmissionSchema } from '../src/compile/schemas.js';
import type { CriteriaSet } from '../src/compile/types.js';
import type { Submission, UnitSubmission } from '../src/format/submission-schema.js';

/** Optional fields as zod writes them (`x?: T | undefined`) read as `x?: T` (the project's exactOptionalPropertyTypes). */
type Defined<T> = T extends readonly (infer I)[] ? Defined<I>[] : T extends object ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> } : T;
type Assignable<A, B> = [A] extends [B] ? true : false;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;

type SchemaSet = z.output<typeof criteriaSetSchema>;

describe('format types against the schemas (checked by tsc)', () => {
  it('the criteria schema outputs a CriteriaSet (the rules of the nodes are typed by each rule kind, from the registry), with the same keys', () => {
    const assignable: Assignable<Defined<Omit<SchemaSet, 'nodes'>>, Omit<CriteriaSet, 'nodes'>> = true;
    const keys: SameKeys<SchemaSet, CriteriaSet> = true;
    expect([assignable, keys]).toEqual([true, true]);
  });

  it('the submission types are the schema outputs', () => {
    const submission: Assignable<Defined<z.output<typeof submissionSchema>>, Submission> = true;
    const unit: Assignable<Defined<z.output<typeof unitSubmissionSchema>>, UnitSubmission> = true;
    const keys: SameKeys<z.output<typeof unitSubmissionSchema>, UnitSubmission> = true;
    expect([submission, unit, keys]).toEqual([true, true, true]);
  });
});
