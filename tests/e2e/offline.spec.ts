import { expect, test } from '@playwright/test';
import { expectedTranslations } from './expected';
import { SEED_SLUG, seedParagraphs } from './helpers';

// The service worker is the subject here (playwright.config.ts blocks it everywhere else).
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 300_000 });

test('offline: the library, an article read before, a text of yours and a new text all work, with their English and corrections', async ({ page, context }) => {
  const fresh = 'Het regent al de hele dag in Amsterdam.';
  const [expectedFresh] = await expectedTranslations([fresh], 'fp32');

  await page.goto('/en');
  // Installed after load: it keeps the shell, then takes the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });

  // Read the article (its English is stored) and correct its heading.
  await page.goto(`/en/read/${SEED_SLUG}`);
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  const heading = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
  await heading.getByRole('button', { name: 'Edit' }).click();
  await heading.getByRole('textbox').fill('Cruise missiles');
  await page.keyboard.press('Control+Enter');
  await expect(heading.locator('[data-mark="edited"]')).toBeVisible();
  const english = await page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]').allTextContents();

  // One text of the reader's own.
  await page.goto('/en/texts/new');
  await page.getByLabel('Dutch text').fill('De kat zit op de mat.\n\nDe hond blaft in de tuin.');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.locator('[data-state="done"]')).toHaveCount(2, { timeout: 60_000 });
  const textUrl = page.url();
  const textEnglish = await page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]').allTextContents();

  await context.setOffline(true);

  await page.goto('/en');
  await expect(page.getByTestId('offline-notice')).toHaveText(/You are offline/);
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(page.getByRole('link', { name: /De kat zit op de mat/ })).toBeVisible();

  // A shared link with a view in it opens too: the view is applied in the browser, the page is the same.
  await page.goto(`/en/read/${SEED_SLUG}?view=en`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'en');
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 30_000 });
  await expect(page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]')).toHaveText(english);
  await expect(heading.locator('[data-state="done"] > [lang="en"]')).toHaveText('Cruise missiles');
  // Still cross-origin isolated: the cached pages kept their COOP/COEP headers.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await page.goto(textUrl);
  await expect(page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]')).toHaveText(textEnglish, { timeout: 30_000 });

  // A text written offline is translated offline: the model and ONNX Runtime are in the browser's caches.
  await page.goto('/en/texts/new');
  await page.getByLabel('Dutch text').fill(fresh);
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]')).toHaveText([expectedFresh!], { timeout: 120_000 });

  // The Dutch interface, never visited: kept at install.
  await page.goto('/nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Artikelen' })).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toHaveText(/Je bent offline/);

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});
