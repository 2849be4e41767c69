import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright drives Debian's Chromium against the built app (dist/). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
