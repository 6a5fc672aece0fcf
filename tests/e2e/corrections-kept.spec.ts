import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SEED_SLUG, seedParagraphs } from './helpers';
import { allDone, correctWithMarkup, english, READER, shownEnglish, text } from './corrections-page';
import { recordRequests } from './model-server';
import { configFromEnv, translationCacheKey } from '@/lib/engine/shared/config';

test.describe.configure({ timeout: 180_000 });

test('reopening a fully translated article requests no model file and starts no worker', async ({ page, context }) => {
  await page.goto(READER);
  await allDone(page);
  const requests = recordRequests(context);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.reload();
  await allDone(page);
  await expect(page.getByTestId('translation-status')).toContainText('Alle 9 passages vertaald');
  expect(requests.filter((u) => u.includes('/models/') || u.includes('/ort/'))).toEqual([]);
  expect(workers).toEqual([]);
});

test('reopened, the stored English and the corrections show before the app has loaded, as text, and stay once it has', async ({
  page,
  context,
}) => {
  await page.goto(READER);
  await allDone(page);
  const { cell, shown } = await correctWithMarkup(page, 2, 'Mine.');

  // The app's JavaScript never arrives: only the page's own inline script can show the English. A change
  // stamped as if by another tab refuses the quick-open copy, so the English comes from IndexedDB.
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.evaluate(() => localStorage.setItem('tweetalig:stamp', 'changed-in-another-tab'));
  await page.reload();
  const early = page.locator('[data-lang-col="en"] [data-quick-open]');
  await expect(early).toHaveCount(seedParagraphs.length);
  await expect.poll(() => early.allTextContents(), { timeout: 15_000 }).toEqual(shown);
  await expect(page.locator('[data-lang-col="en"] [data-placeholder]').first()).toBeHidden();
  await expect(page.locator('[data-state="done"]')).toHaveCount(0); // React has not run
  expect(await page.evaluate(() => performance.getEntriesByName('quick-open:copy').length)).toBe(0);
  await expect(cell.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();

  // With the app back, it takes over with the same text and the controls.
  await context.unroute('**/_next/static/**/*.js');
  await page.reload();
  await allDone(page);
  expect(await shownEnglish(page)).toEqual(shown);
  await expect(page.locator('[data-quick-open]')).toHaveCount(0);
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
});

test('reopened, the English comes with the Dutch from the quick-open copy, and never once the store has changed since', async ({
  page,
  context,
}) => {
  await page.goto(READER);
  await allDone(page);
  // The server tells each page which settings are current, so the copy's settings can be checked before paint.
  const cookie = (await context.cookies()).find((c) => c.name === 'tweetalig-key');
  expect(decodeURIComponent(cookie?.value ?? '')).toBe(
    translationCacheKey(
      configFromEnv({
        TRANSLATION_MODEL_SOURCE: 'self',
        TRANSLATION_MODEL_ID: 'tiny-marian-nl-en',
        TRANSLATION_DTYPE: 'fp32',
      }),
    ),
  );
  const { shown } = await correctWithMarkup(page, 1, 'Copied.');

  // Only the copy can paint: the app's JavaScript never arrives and IndexedDB never answers.
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  const silent = await context.newPage();
  await silent.addInitScript(() => {
    IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
  });
  await silent.goto(READER);
  const early = silent.locator('[data-lang-col="en"] [data-quick-open]');
  await expect(early).toHaveCount(seedParagraphs.length);
  // Painted while the page was parsed: there by the load event, with nothing left to wait for.
  expect(await early.allTextContents()).toEqual(shown);
  expect(await silent.evaluate(() => performance.getEntriesByName('quick-open:copy').length)).toBe(1);
  await expect(silent.locator('[data-lang-col="en"] img')).toHaveCount(0);
  expect(await silent.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();

  // Another tab changes the store (a correction, an import, a clear): the copy is no longer vouched for.
  await silent.evaluate(() => localStorage.setItem('tweetalig:stamp', 'changed-in-another-tab'));
  await silent.reload();
  await expect(early).toHaveCount(seedParagraphs.length);
  expect(await early.allTextContents()).toEqual(seedParagraphs.map(() => ''));
});

test('a correction is offered for the same Dutch text in another article, marked as a memory match', async ({
  page,
}) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'aside-paragraph');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('No concrete agreements were made in Kyiv.');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();

  await page.goto('/nl/read/herhaling');
  const repeated = page.locator('[data-segment]').nth(1).locator('[data-lang-col="en"]');
  await expect(repeated.locator('[data-state="done"] > [lang="en"]')).toHaveText(
    'No concrete agreements were made in Kyiv.',
    { timeout: 60_000 },
  );
  await expect(repeated.locator('[data-mark="memory"]')).toHaveText('Uit je vertaalgeheugen');
});

test('two open tabs stay in step, and the later save wins in both', async ({ page, context }) => {
  await page.goto(READER);
  await allDone(page);
  const other = await context.newPage();
  await other.goto(READER);
  await allDone(other);

  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('Cruise missiles');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(text(other, 'heading')).toHaveText('Cruise missiles');

  // The later save wins in both tabs.
  const cell2 = english(other, 'heading');
  await cell2.getByRole('button', { name: 'Bewerken' }).click();
  await cell2.getByRole('textbox').fill('Cruise missiles!');
  await cell2.getByRole('button', { name: 'Bewaren' }).click();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles!');
});

test('with IndexedDB unavailable the reader still translates and says corrections will not survive', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await page.goto(`/en/read/${SEED_SLUG}`);
  await expect(page.getByTestId('storage-warning')).toContainText('will not survive a reload');
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill('Cruise missiles');
  await cell.getByRole('button', { name: 'Save' }).click();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles');
  // The warning offers the way out: export before leaving.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('storage-warning').getByRole('button', { name: 'Export corrections (JSON)' }).click(),
  ]);
  expect(readFileSync(await file.path(), 'utf8')).toContain('"text": "Cruise missiles"');
});
