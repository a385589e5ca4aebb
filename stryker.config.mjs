// Mutation testing of the rules, the exact number and the scoring code (src/rules, src/exact, src/scoring/*.ts): `npm run mutate` (not in CI: about 45 minutes on 2 cores).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['src/rules/**/*.ts', 'src/exact/**/*.ts', 'src/scoring/*.ts', '!src/**/types.ts', '!src/scoring/result-types.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  disableTypeChecks: '{src,test}/**/*.ts',
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 85, break: null },
  ignorePatterns: ['dist', 'docs/api', 'coverage', 'reports', 'examples/analyst/node_modules', 'examples/notebooks/node_modules', 'test/.examples'],
  tempDirName: '.stryker-tmp',
};
