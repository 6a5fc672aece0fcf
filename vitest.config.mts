import { defineConfig } from 'vitest/config';

export default defineConfig({
  // 'server-only' throws outside React's server condition: route handlers are tested as plain modules.
  resolve: {
    alias: { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/node_modules/server-only/empty.js` },
  },
  test: {
    include: [
      'app/**/*.test.ts',
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'tests/tools/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
