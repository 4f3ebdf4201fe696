import { defineConfig } from 'vitest/config';

// Run alone (npm test here) or as a project of the dashboard's `npm test`, whose JUnit report counts it.
export default defineConfig({
  test: {
    name: 'realtime',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
