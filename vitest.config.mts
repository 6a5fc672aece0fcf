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
    // Node 20's V8 has relaxed SIMD behind a flag (Chromium ships it), so the kernels' relaxed build is tested too;
    // its baseline compiler (Liftoff) doubles i32x4.relaxed_dot_i8x16_i7x16_add_s's first product there, so the
    // tests compile with the optimizing one. Chromium's own result is checked by tests/e2e/kernels.spec.ts.
    execArgv: ['--experimental-wasm-relaxed-simd', '--no-liftoff'],
  },
});
