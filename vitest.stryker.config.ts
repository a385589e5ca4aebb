import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the rules and scoring code: the suites that
// exercise scoring, without the slow I/O suites (workbooks, reports, the long fuzz run).
export default defineConfig({
  test: {
    // Instrumented code on a busy machine runs several times slower: the property suites need the room.
    testTimeout: 60_000,
    include: [
      'test/golden.test.ts',
      'test/properties.test.ts',
      'test/exact.test.ts',
      'test/exact-scoring.test.ts',
      'test/bad-input.test.ts',
      'test/decimal.test.ts',
      'test/strengths.test.ts',
      'test/explanations.test.ts',
      'test/cli.test.ts',
      'test/broken-criteria.test.ts',
      'test/forms.test.ts',
      'test/versioning-compare.test.ts',
      'test/rules-edges.test.ts',
      'test/exact-edges.test.ts',
      'test/scoring-edges.test.ts',
      'test/explain-on-demand.test.ts',
      'test/rank.test.ts',
      'test/built-in-sets.test.ts',
      'test/domains.test.ts',
      'test/typed-inputs.test.ts',
      'test/extra-rule-kind.test.ts',
    ],
  },
});
