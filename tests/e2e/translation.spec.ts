import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { expectedTranslations } from './expected';
import { LONG_SLUG, seedParagraphs } from './helpers';
import { recordRequests } from './model-server';
import { ortPackage } from '../../scripts/ort-files.mjs';

import { done, englishTexts, isRuntimeThread, READER } from './translation-page';

test('every block of the seed is translated in the worker, exactly as the test model translates it, without leaving the origin', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const requests = recordRequests(context);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await page.goto(READER);
  await expect(page.locator(done)).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  // ONNX Runtime's second thread is a worker of its own (its runtime script), possible only when cross-origin isolated.
  expect(workers.filter(isRuntimeThread).length).toBeGreaterThanOrEqual(1);
  expect(await englishTexts(page)).toEqual(await expectedTranslations(seedParagraphs, 'fp32'));
  // The English is marked as English, the Dutch as Dutch.
  await expect(page.locator(`${done} [lang="en"]`)).toHaveCount(seedParagraphs.length);

  expect(workers.filter((u) => !isRuntimeThread(u))).toHaveLength(1); // one long-lived worker, besides ONNX Runtime's own threads
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('translation-status')).toContainText('Alle 9 passages vertaald');
  await expect(page.getByTestId('translation-status')).toContainText('WebAssembly · 2 threads');
  // The fp32 decoder's Transpose of the tied table was rewritten away at load; the English above is unchanged.
  await expect(page.getByTestId('translation-status').locator('[data-projection]')).toHaveAttribute(
    'data-projection',
    'rewritten',
  );

  // Every request, the worker's model and runtime downloads included, stayed on the app's origin.
  const origin = new URL(page.url()).origin;
  expect(requests.some((u) => u.endsWith('/models/tiny-marian-nl-en/onnx/encoder_model.onnx'))).toBe(true);
  // Device wasm loads ONNX Runtime's plain build: the asyncify one is twice as slow and only WebGPU needs it.
  // From a folder named after ONNX Runtime's version and content (scripts/ort-files.mjs), so it can be cached for good.
  expect(
    requests.some((u) =>
      new RegExp(`/ort/${ortPackage().version}-[0-9a-f]{10}/ort-wasm-simd-threaded\\.wasm$`).test(u),
    ),
  ).toBe(true);
  expect(requests.some((u) => u.includes('asyncify'))).toBe(false);
  // transformers.js's cache holds the model, not the runtime: that is left to the HTTP cache, where the
  // browser also keeps the runtime's compiled code for the next visit.
  const cached = await page.evaluate(async () =>
    (await (await caches.open('transformers-cache')).keys()).map((r) => r.url),
  );
  expect(cached.some((u) => u.endsWith('/onnx/encoder_model.onnx'))).toBe(true);
  expect(cached.filter((u) => u.includes('/ort/'))).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')),
  ).toEqual([]);
});

test('a paragraph shows its English growing while it is translated, and the Dutch never waits', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { partials: string[] };
    w.partials = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-state="translating"] [lang="en"]')) {
        const text = el.textContent ?? '';
        if (text && !w.partials.includes(text)) w.partials.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(READER);
  await expect(page.locator('[data-segment] > [data-lang-col="nl"]').first()).toHaveText(seedParagraphs[0]!);
  await expect(page.locator(done)).toHaveCount(seedParagraphs.length, { timeout: 100_000 });
  const partials = await page.evaluate(() => (window as unknown as { partials: string[] }).partials);
  const final = await englishTexts(page);
  // Growing prefixes of a final translation were on screen before it was complete. How many depends on the
  // machine: the worker sends a partial at most every 150 ms, and the tiny test model finishes many paragraphs
  // inside one interval (a loaded machine renders fewer of them), so the test asks for what must always hold:
  // some paragraph's English was on screen unfinished, and it was the start of that paragraph's final English.
  const streamed = partials.filter((p) => final.some((f) => f !== p && f.startsWith(p.trim())));
  expect(streamed.length).toBeGreaterThan(0);
});

test('paragraphs on screen are translated first, and scrolling re-prioritises what is waiting', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { log: { sent?: string; onScreen?: string[] }[] };
    // One log, in the order things happen on the main thread: each paragraph sent to the worker, and each
    // time the page's intersection observers are told pairs are on screen (just before the app's callback
    // hands that to the scheduler). Order, not time: what the browser delivers when does not matter.
    w.log = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
      const m = message as { type?: string; text?: string };
      if (m?.type === 'translate' && typeof m.text === 'string') w.log.push({ sent: m.text });
      return post.call(this, message, ...rest);
    } as Worker['postMessage'];
    const Native = window.IntersectionObserver;
    window.IntersectionObserver = class extends Native {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super((entries, observer) => {
          const onScreen = entries
            .filter((e) => e.isIntersecting)
            .map((e) => e.target.getAttribute('data-segment') ?? '');
          if (onScreen.length > 0) w.log.push({ onScreen });
          callback(entries, observer);
        }, options);
      }
    };
  });
  await page.goto(`/nl/read/${LONG_SLUG}`);
  const pairs = page.locator('[data-segment]');
  await expect(pairs).toHaveCount(1000);
  const log = () => page.evaluate(() => (window as unknown as { log: { sent?: string; onScreen?: string[] }[] }).log);
  // The long article's paragraphs are numbered: "Alinea 900: ..." is pair 899.
  const number = (text: string) => Number(/^Alinea (\d+):/.exec(text)?.[1]);
  const sent = (entries: { sent?: string }[]) => entries.flatMap((e) => (e.sent ? [number(e.sent)] : []));

  // Jump to paragraph 500 before anything is translated: the first paragraph sent to the worker is one on screen there.
  await pairs.nth(499).scrollIntoViewIfNeeded();
  await expect(pairs.nth(499).locator('[data-state="done"]')).toBeVisible({ timeout: 60_000 });
  const first = sent(await log())[0]!;
  expect(first).toBeGreaterThanOrEqual(491);
  expect(first).toBeLessThanOrEqual(516);

  // Scroll to paragraph 900: once the app is told it is on screen, every paragraph it sends to the worker
  // until paragraph 900 is one from there, none of those waiting earlier in the article. (The two requests
  // already at the worker, the one running and the next, were sent before and finish first.)
  const target = await pairs.nth(899).getAttribute('data-segment');
  await pairs.nth(899).scrollIntoViewIfNeeded();
  await expect(pairs.nth(899).locator('[data-state="done"]')).toBeVisible({ timeout: 60_000 });
  const entries = await log();
  const known = entries.findIndex((e) => e.onScreen?.includes(target!));
  expect(known).toBeGreaterThan(0);
  const sentAfter = sent(entries.slice(known));
  const reached = sentAfter.indexOf(900);
  expect(reached).toBeGreaterThanOrEqual(0);
  expect(sentAfter.slice(0, reached + 1).every((n) => n >= 850 && n <= 950)).toBe(true);
});

test('the download progress shows each file the first time, and not once the model is in the browser cache', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // Hold the decoder back so the panel can be seen mid-download.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await context.route('**/models/tiny-marian-nl-en/onnx/decoder_model_merged.onnx', async (route) => {
    if (!route.request().headers()['range']) await held;
    await route.continue();
  });
  await page.goto(READER);
  const panel = page.getByTestId('download-progress');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Het vertaalmodel wordt gedownload');
  await expect(panel).toContainText('Dit gebeurt één keer');
  await expect(panel).toContainText('onnx/encoder_model.onnx');
  for (const file of ['tokenizer.json', 'onnx/encoder_model.onnx']) {
    const kB = Math.round(statSync(`tests/model/tiny-marian-nl-en/${file}`).size / 1000);
    await expect(panel).toContainText(new RegExp(`${file.replace('.', '\\.')}\\s*${kB} kB / ${kB} kB · 100%`));
  }
  await expect(panel).toContainText(/Totaal: [\d.,]+ [kM]B \/ [\d.,]+ [kM]B · \d+%/);
  release();
  await expect(page.locator(done)).toHaveCount(seedParagraphs.length, { timeout: 100_000 });
  await expect(panel).toBeHidden();

  await context.unrouteAll({ behavior: 'wait' });
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="download-progress"]'))
        document.documentElement.dataset.sawDownload = '1';
    }).observe(document, { subtree: true, childList: true });
  });
  await page.reload();
  await expect(page.locator(done).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('translation-status')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.sawDownload)).toBeUndefined();
});
