import { expect, test } from '@playwright/test';
import { expectedTranslations } from './expected';
import { SEED_SLUG, seedParagraphs } from './helpers';
import { done, englishTexts, injectIntoWorker, isRuntimeThread, MODEL_FILES, READER } from './translation-page';

test.describe('faults', () => {
  test.setTimeout(120_000);

  const encoder = '**/models/tiny-marian-nl-en/onnx/encoder_model.onnx';
  for (const [name, file, fail, code, message] of [
    [
      'a missing model file (404)',
      encoder,
      (r: import('@playwright/test').Route) => r.fulfill({ status: 404, body: 'not found' }),
      'not-found',
      'niet gevonden',
    ],
    [
      'a blocked download',
      encoder,
      (r: import('@playwright/test').Route) => r.abort('blockedbyclient'),
      'blocked',
      'geweigerd of geblokkeerd',
    ],
    // ONNX Runtime fetches its .wasm itself (so the browser can keep its compiled code): still told apart.
    [
      'a blocked runtime file',
      '**/ort/*/*.wasm',
      (r: import('@playwright/test').Route) => r.abort('blockedbyclient'),
      'blocked',
      'geweigerd of geblokkeerd',
    ],
  ] as const) {
    test(`${name}: a clear message, the Dutch intact, and retry works`, async ({ page, context }) => {
      await context.route(file, fail);
      await page.goto(READER);
      const alert = page.getByTestId('load-error');
      await expect(alert).toBeVisible({ timeout: 60_000 });
      await expect(alert).toHaveAttribute('data-code', code);
      await expect(alert).toContainText(message);
      await expect(page.locator('[data-segment] > [data-lang-col="nl"]')).toHaveText(seedParagraphs);

      await context.unrouteAll({ behavior: 'wait' });
      await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
      await expect(alert).toBeHidden();
      await expect(page.locator(done).first()).toBeVisible({ timeout: 60_000 });
    });
  }

  test('going offline during the download: says so, in English too, and retry works once back online', async ({
    page,
    context,
  }) => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const requested = new Promise<void>((r) => (reached = r));
    let holding = true;
    await context.route(MODEL_FILES, async (route) => {
      if (holding) {
        reached();
        await held;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.goto(`/en/read/${SEED_SLUG}`);
    await expect
      .poll(() => page.locator('[data-testid="download-progress"], [role="status"]').count())
      .toBeGreaterThan(0);
    await requested; // the worker's first model request is held at the route: the download is under way
    await context.setOffline(true);
    release();
    const alert = page.getByTestId('load-error');
    await expect(alert).toHaveAttribute('data-code', 'offline', { timeout: 60_000 });
    await expect(alert).toContainText('You are offline');

    holding = false;
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator(done).first()).toBeVisible({ timeout: 60_000 });
  });

  test('the worker crashing mid-translation is restarted and nothing is lost', async ({ page, context }) => {
    await injectIntoWorker(
      context,
      `self.addEventListener('message', (e) => { if (e.data && e.data.type === 'translate' && !self.__crashed) { self.__crashed = true; setTimeout(() => { throw new Error('simulated worker crash'); }); } });`,
    );
    const workers: string[] = [];
    page.on('worker', (w) => {
      if (!isRuntimeThread(w.url())) workers.push(w.url());
    });
    await page.goto(READER);
    await expect(page.locator(done)).toHaveCount(seedParagraphs.length, { timeout: 100_000 });
    expect(workers.length).toBe(2);
    expect(await englishTexts(page)).toEqual(await expectedTranslations(seedParagraphs, 'fp32'));
  });

  test('a paragraph that fails shows an error on that paragraph alone, and can be retried', async ({
    page,
    context,
  }) => {
    await injectIntoWorker(
      context,
      `self.addEventListener('message', (e) => { if (e.data && e.data.type === 'translate' && e.data.text === 'Kruisraketten' && !self.__failed) { self.__failed = true; Object.defineProperty(e.data, 'text', { get() { throw new Error('simulated failure'); } }); } });`,
    );
    await page.goto(READER);
    const failed = page.locator('[data-kind="heading"] [data-lang-col="en"]');
    await expect(failed.getByRole('alert')).toContainText('Deze alinea kon niet worden vertaald.', { timeout: 60_000 });
    await expect(page.locator(done)).toHaveCount(seedParagraphs.length - 1, { timeout: 100_000 });
    await failed.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(failed.locator('[data-state="done"] > [lang="en"]')).toHaveText('ruisraketten K');
  });
});
