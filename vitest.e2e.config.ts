// End-to-end tests: the portal example built with Vite and driven in headless
// Debian Chromium (playwright-core), and the HTML report opened in Chromium.
// Run with `npx vitest run -c vitest.e2e.config.ts` (kept out of `npm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test-e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser, one build: the files run one after another.
    fileParallelism: false,
  },
});
