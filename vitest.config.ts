// Vitest configuration: unit tests run in Node, deterministic (UTC, no network).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/helpers/langs.ts'],
    testTimeout: 60_000,
  },
});
