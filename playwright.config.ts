import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from './tests/e2e/browser';
import { FIXTURE_PORT } from './tests/e2e/fixture-site';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = findChromium();
const E2E_ENV = {
  CONTENT_DIR: '.e2e/content',
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
  // This build, and only a build made with TWEETALIG_E2E_BUILD, may read the fixture sites (next.config.mjs).
  TWEETALIG_E2E_BUILD: '1',
  WEB_IMPORT_TEST_ALLOW: `127.0.0.1:${FIXTURE_PORT}`,
  WEB_IMPORT_PER_MINUTE: '600',
};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The service worker would answer requests the specs route; offline.spec.ts turns it on where it is the subject.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromium?.path,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The production build, never the dev server: bundling problems with workers and WASM only show there.
  webServer: [
    {
      command: `node tests/fixtures/web/server.mjs ${FIXTURE_PORT}`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/nieuws.html`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Self-hosted test model (what most specs use): nothing leaves the app's origin.
      command: `node scripts/prepare-e2e.mjs && npm run build && node scripts/serve.mjs -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/nl`,
      env: {
        ...E2E_ENV,
        TRANSLATION_MODEL_SOURCE: 'self',
        TRANSLATION_MODEL_ID: 'tiny-marian-nl-en',
        TRANSLATION_DTYPE: 'fp32',
        // Two threads even on a 2-core CI machine, to prove ONNX Runtime really runs multi-threaded.
        TRANSLATION_THREADS: '2',
      },
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same build with the default configuration (the Hub, q8); hub.spec.ts routes the Hub's URLs.
      command: `node scripts/serve.mjs -p ${PORT + 1}`,
      url: `http://127.0.0.1:${PORT + 1}/nl`,
      env: E2E_ENV,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
