/** The reader's translation as the browser tests see it: selectors, the English shown, fault injection. */
import type { BrowserContext, Page } from '@playwright/test';
import { SEED_SLUG } from './helpers';

export const READER = `/nl/read/${SEED_SLUG}`;
export const english = '[data-segment] > [data-lang-col="en"] > [data-state]';
export const done = `${english}[data-state="done"]`;
export const MODEL_FILES = '**/models/tiny-marian-nl-en/**';
/** ONNX Runtime's threads, and the projection kernel's helper (started from a Blob: lib/engine/kernels/). */
export const isRuntimeThread = (url: string) =>
  /\/ort\/[^/]+\/ort-wasm-[\w.-]+\.mjs$/.test(url) || url.startsWith('blob:');

export async function englishTexts(page: Page) {
  // The translated text itself, not the correction buttons under it.
  return page
    .locator(english)
    .evaluateAll((els) => els.map((e) => e.querySelector(':scope > [lang="en"]')?.textContent ?? ''));
}

/** Serves the app's worker script with `prelude` run first inside the worker, for fault injection. */
export async function injectIntoWorker(context: BrowserContext, prelude: string, times = 1) {
  let served = 0;
  await context.route('**/_next/static/chunks/turbopack-worker-*.js', async (route) => {
    if (served >= times) return route.continue();
    served++;
    const response = await route.fetch();
    await route.fulfill({ response, body: `${prelude}\n${await response.text()}` });
  });
}
