import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SEED_SLUG, seedParagraphs } from './helpers';
import { recordRequests } from './model-server';
import { configFromEnv, translationCacheKey } from '@/lib/engine/shared/config';

const READER = `/nl/read/${SEED_SLUG}`;
const english = (page: Page, kind: string, n = 0) =>
  page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).nth(n);
const text = (page: Page, kind: string, n = 0) => english(page, kind, n).locator('[data-state="done"] > [lang="en"]');
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
const shownEnglish = (page: Page) =>
  page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]').allTextContents();

/** Saves a correction with markup in it (to be shown as text) and returns the whole article's English. */
async function correctWithMarkup(page: Page, n: number, words: string) {
  const cell = english(page, 'paragraph', n);
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill(`<img src=x onerror="window.hacked=1"> ${words}`);
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
  return { cell, shown: await shownEnglish(page) };
}

test.describe.configure({ timeout: 180_000 });

test('edit with the mouse, save, reload: the correction is there, marked, and shown as text', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  const box = cell.getByRole('textbox', { name: 'Engelse vertaling van deze alinea' });
  await expect(box).toHaveValue('ruisraketten K');
  await box.fill('Cruise missiles <img src=x onerror=alert(1)>');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles <img src=x onerror=alert(1)>');
  await expect(cell.locator('[data-mark="edited"]')).toHaveText('Bewerkt');

  await page.reload();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles <img src=x onerror=alert(1)>', { timeout: 60_000 });
  await expect(english(page, 'heading').locator('[data-mark="edited"]')).toBeVisible();
  // Text, never HTML: no image element was created from the correction.
  await expect(english(page, 'heading').locator('img')).toHaveCount(0);
});

test('keyboard only: Enter opens the editor, Ctrl+Enter saves, Esc cancels, focus comes back', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'aside-label');
  const edit = cell.getByRole('button', { name: 'Bewerken' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const box = cell.getByRole('textbox');
  await expect(box).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Read also:');
  await page.keyboard.press('Control+Enter');
  await expect(text(page, 'aside-label')).toHaveText('Read also:');
  await expect(cell.getByRole('button', { name: 'Bewerken' })).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type(' nothing');
  // Esc drops a suggestion first, then asks before letting typed text go: Tab to "Discard it", Enter.
  const question = cell.getByRole('alertdialog');
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(question).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(text(page, 'aside-label')).toHaveText('Read also:');
  await expect(cell.getByRole('button', { name: 'Bewerken' })).toBeFocused();
});

test('compare with the machine text, revert, undo, and confirm', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'aside-title');
  const machine = await text(page, 'aside-title').textContent();
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('Rutte in Kyiv: the West cannot stand by');
  await cell.getByRole('button', { name: 'Bewaren' }).click();

  await cell.getByRole('button', { name: 'Vergelijk met machine' }).click();
  const diff = cell.getByTestId('machine-diff');
  await expect(diff.locator('ins')).toContainText(['Rutte in Kyiv: the West cannot stand by']);
  await expect(diff.locator('del').first()).toBeVisible();

  await cell.getByRole('button', { name: 'Terug naar machine' }).click();
  await expect(text(page, 'aside-title')).toHaveText(machine!);
  await expect(cell.locator('[data-mark]')).toHaveCount(0);

  await cell.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(text(page, 'aside-title')).toHaveText('Rutte in Kyiv: the West cannot stand by');

  await cell.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(cell.locator('[data-mark="confirmed"]')).toContainText('Bevestigd');
  await page.reload();
  await expect(english(page, 'aside-title').locator('[data-mark="confirmed"]')).toBeVisible({ timeout: 60_000 });
  await expect(text(page, 'aside-title')).toHaveText('Rutte in Kyiv: the West cannot stand by');
});

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
