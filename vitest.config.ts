import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Adapter tests start fake platform servers on loopback ports; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
