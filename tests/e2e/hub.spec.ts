import { expect, test } from '@playwright/test';
import { expectedTranslations, withinTrainedLength } from './expected';
import { SEED_SLUG, seedParagraphs } from './helpers';
import { HUB_MODEL, recordRequests, serveTestModelAsHub } from './model-server';

// The server on this port runs the default configuration: Xenova/opus-mt-nl-en from the Hub, q8, WASM.
test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` });

test('the default configuration loads the q8 model from the Hub under COOP/COEP, then from the browser cache', async ({ page, context }) => {
  test.setTimeout(180_000);
  await serveTestModelAsHub(context);
  const requests = recordRequests(context);

  await page.goto(`/en/read/${SEED_SLUG}`);
  const done = page.locator('[data-segment] > [data-lang-col="en"] > [data-state="done"]');
  await expect(done).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  const shown = await done.evaluateAll((els) => els.map((e) => e.querySelector(':scope > [lang="en"]')?.textContent ?? ''));
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

  const origin = new URL(page.url()).origin;
  const thirdParty = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(thirdParty.length).toBeGreaterThan(0);
  expect(thirdParty.filter((u) => !u.startsWith(HUB_MODEL))).toEqual([]); // the Hub and nothing else
  expect(thirdParty).toContain(`${HUB_MODEL}onnx/encoder_model_quantized.onnx`);
  expect(thirdParty).toContain(`${HUB_MODEL}onnx/decoder_model_merged_quantized.onnx`);

  // A second visit reads every model file from the browser cache: nothing goes to the Hub.
  requests.length = 0;
  await page.reload();
  await expect(done).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  expect(requests.filter((u) => u.startsWith(HUB_MODEL))).toEqual([]);
});
