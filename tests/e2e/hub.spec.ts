import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from './browser';
import { expectedTranslations, withinTrainedLength } from './expected';
import { SEED_SLUG, seedParagraphs } from './helpers';
import { FakeHub, HUB_CDN, HUB_MODEL } from './hub-server';
import { recordRequests } from './model-server';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const HUB_PORT = PORT + 7;
// The server on PORT + 1 runs the default configuration: Xenova/opus-mt-nl-en from the Hub, q8, WASM. This
// browser resolves the Hub's host names to the FakeHub on this machine.
test.use({
  baseURL: `http://127.0.0.1:${PORT + 1}`,
  launchOptions: { executablePath: findChromium()?.path, args: [...CHROMIUM_ARGS, ...FakeHub.browserArgs(HUB_PORT)] },
});

// One FakeHub on one port: the tests of this file run one after another.
test.describe.configure({ mode: 'serial' });

let hub: FakeHub;
test.beforeAll(async () => {
  hub = await FakeHub.start(HUB_PORT);
});
test.afterAll(() => hub.close());

test('the default configuration loads the q8 model from the Hub and its CDN under COOP/COEP and the CSP, then from the browser cache', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  hub.requests.length = 0;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The decoder's download is held open, so the panel can be read while it is under way.
  hub.hold('onnx/decoder_model_merged_quantized.onnx', held);
  const requests = recordRequests(context);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await page.goto(`/en/read/${SEED_SLUG}`);
  // The panel shows true sizes, though the bytes came from another origin after a redirect.
  const panel = page.getByTestId('download-progress');
  const kB = Math.round(statSync('tests/model/tiny-marian-nl-en/onnx/encoder_model_quantized.onnx').size / 1000);
  await expect(panel).toContainText(new RegExp(`onnx/encoder_model_quantized\\.onnx\\s*${kB} kB / ${kB} kB · 100%`), {
    timeout: 60_000,
  });
  release();

  const done = page.locator('[data-segment] > [data-lang-col="en"] > [data-state="done"]');
  await expect(done).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  const shown = await done.evaluateAll((els) =>
    els.map((e) => e.querySelector(':scope > [lang="en"]')?.textContent ?? ''),
  );
  const expected = await expectedTranslations(seedParagraphs, 'q8');
  let compared = 0;
  for (const [i, paragraph] of seedParagraphs.entries()) {
    expect(shown[i]?.length, paragraph).toBeGreaterThan(0);
    // Exact where the test model is sure of itself (see withinTrainedLength).
    if (await withinTrainedLength(paragraph, 'q8')) {
      expect(shown[i], paragraph).toBe(expected[i]);
      compared++;
    }
  }
  expect(compared).toBeGreaterThanOrEqual(3); // the heading, the label and the title
  expect(new Set(shown).size).toBe(seedParagraphs.length);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  // The q8 decoder, in the Hub's structure, was cut at its last hidden state at load (lib/engine/model-files/) and
  // its output layer multiplied by our kernel (lib/engine/kernels/): the English above is still the unmodified file's.
  await expect(page.getByTestId('translation-status').locator('[data-projection]')).toHaveAttribute(
    'data-projection',
    'kernel',
  );
  // Two threads, as on a 2-core reader: ONNX Runtime on the engine's own and the kernel's helper (a Blob worker)
  // on the other, so no runtime thread of ONNX Runtime's spins beside the helper (lib/engine/worker/output-layer.ts).
  await expect(page.getByTestId('translation-status')).toContainText('WebAssembly · 2 threads');
  expect(workers.filter((u) => u.startsWith('blob:'))).toHaveLength(1);
  expect(workers.filter((u) => /\/ort-wasm-[\w.-]+\.mjs$/.test(u))).toHaveLength(0);

  const origin = new URL(page.url()).origin;
  const thirdParty = requests.filter(
    (u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'),
  );
  expect(thirdParty.filter((u) => !u.startsWith(HUB_MODEL) && !u.startsWith(HUB_CDN))).toEqual([]); // the Hub, its CDN, nothing else
  expect(thirdParty).toContain(`${HUB_MODEL}onnx/encoder_model_quantized.onnx`);
  expect(thirdParty).toContain(`${HUB_MODEL}onnx/decoder_model_merged_quantized.onnx`);
  // The large files came from the CDN, and nothing it refuses was asked of it (no CORS preflight, no HEAD).
  const fromCdn = hub.requests.filter((r) => r.host === new URL(HUB_CDN).host);
  expect(
    fromCdn
      .filter((r) => r.method === 'GET' && !r.range)
      .map((r) => Buffer.from(new URL(r.url).pathname.split('/').pop()!, 'hex').toString())
      .sort(),
  ).toEqual(['onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model_quantized.onnx', 'tokenizer.json']);
  expect(fromCdn.filter((r) => r.method !== 'GET')).toEqual([]);

  // A second visit reads every model file from the browser cache: nothing goes to the Hub or its CDN.
  requests.length = 0;
  await page.reload();
  await expect(done).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  expect(requests.filter((u) => u.startsWith(HUB_MODEL) || u.startsWith(HUB_CDN))).toEqual([]);
  await expect(page.getByTestId('download-progress')).toHaveCount(0);
});

test("in the default configuration (q8, beams, batch 8) a sentence's English does not depend on its neighbours", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The article: each sentence among the others of its paragraph and of the paragraphs translated with it.
  await page.goto(`/en/read/${SEED_SLUG}`);
  const done = page.locator('[data-segment] > [data-lang-col="en"] > [data-state="done"]');
  await expect(done).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  const pairs = await page.locator('[data-segment]').evaluateAll((els) =>
    els.flatMap((pair) => {
      const nl = [...pair.querySelectorAll('[data-lang-col="nl"] [data-s]')].map((s) => s.textContent ?? '');
      const en = [...pair.querySelectorAll('[data-lang-col="en"] [data-s]')].map((s) => s.textContent ?? '');
      return nl.length > 1 && en.length === nl.length ? nl.map((dutch, i) => ({ dutch, english: en[i]! })) : [];
    }),
  );
  expect(pairs.length, 'sentences of multi-sentence paragraphs').toBeGreaterThanOrEqual(8);

  // The same sentences, each a paragraph of its own, in reverse order, as a text of the reader's.
  await page.goto('/en/texts/new');
  await page.getByLabel('Dutch text').fill(
    [...pairs]
      .reverse()
      .map((p) => p.dutch)
      .join('\n\n'),
  );
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  const alone = page.locator('[data-lang-col="en"] > [data-state="done"] > [lang="en"]');
  await expect(alone).toHaveCount(pairs.length, { timeout: 150_000 });
  const english = await alone.allTextContents();
  expect(english).toEqual([...pairs].reverse().map((p) => p.english));
});
