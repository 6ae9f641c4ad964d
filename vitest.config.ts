import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Generous: every wait is for an event, so a loaded machine is slower, never wrong; these only end a hung test.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Adapter tests start fake platform servers on loopback ports; two cores, so keep it modest.
    maxWorkers: 2,
    isolate: false,
  },
});
