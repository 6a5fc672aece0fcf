import { expect, test } from '@playwright/test';
import { expectedTranslations } from './expected';
import { SEED_SLUG, seedParagraphs } from './helpers';

// The service worker is the subject here (playwright.config.ts blocks it everywhere else).
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 300_000 });

test('offline: the library, an article read before, a text of yours and a new text all work, with their English and corrections', async ({
  page,
  context,
}) => {
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
  await expect(page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]')).toHaveText(textEnglish, {
    timeout: 30_000,
  });

  // A text written offline is translated offline: the model and ONNX Runtime are in the browser's caches.
  await page.goto('/en/texts/new');
  await page.getByLabel('Dutch text').fill(fresh);
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]')).toHaveText([expectedFresh!], {
    timeout: 120_000,
  });

  // The Dutch interface, never visited: kept at install.
  await page.goto('/nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Artikelen' })).toBeVisible();
  await expect(page.getByTestId('offline-notice')).toHaveText(/Je bent offline/);

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('offline-notice')).toHaveCount(0);
});

test('offline on a profile that never pasted a text: pasting, a file, Stored data and the glossary work; a web address or a feed says why not', async ({
  page,
  context,
}) => {
  await page.goto('/nl');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  // The worker has kept every file of the build, not only what the first page loaded.
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('tweetalig-static')).keys()).length), {
      timeout: 60_000,
    })
    .toBeGreaterThan(20);
  await context.setOffline(true);

  await page.goto('/nl/texts/new');
  await page.getByLabel('Nederlandse tekst').fill('De kat zit op de mat.\n\nDe hond blaft in de tuin.');
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page).toHaveURL(/\/nl\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.locator('[data-lang-col="nl"] [data-align]')).toHaveText([
    'De kat zit op de mat.',
    'De hond blaft in de tuin.',
  ]);

  await page.goto('/nl/texts/new');
  await page.locator('#text-file').setInputFiles({
    name: 'notitie.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Mijn notitie\n\nEen alinea uit een bestand.'),
  });
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn notitie');

  // A web address offline: the app's own reason, in both languages, the address kept.
  for (const [locale, label, submit, reason] of [
    [
      'nl',
      'Adres van een Nederlandse pagina',
      'Openen',
      'Je bent offline: webadressen en feeds hebben het netwerk nodig.',
    ],
    ['en', 'Address of a Dutch page', 'Open', 'You are offline: web addresses and feeds need the network.'],
  ] as const) {
    await page.goto(`/${locale}/texts/new`);
    await page.getByLabel(label).fill('nos.nl/artikel/2500000');
    await page.getByRole('button', { name: submit, exact: true }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(reason);
    await expect(page.getByLabel(label)).toHaveValue('nos.nl/artikel/2500000');
  }
  await page.goto('/en');
  await page.getByLabel('Feed address').fill('https://feeds.nos.nl/nosnieuwsalgemeen');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'You are offline: web addresses and feeds need the network.',
  );

  // Stored data and its import, never opened online.
  await page.goto('/en/data');
  await page.getByLabel('Import corrections (JSON or TMX)').setInputFiles({
    name: 'x.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Titel\n\nKruisraketten\n\n> Cruise missiles\n'),
  });
  await expect(page.getByTestId('import-message')).toContainText('it is a bilingual Markdown export, made for reading');

  // The glossary, never opened online: an entry added offline is kept.
  await page.goto('/en/glossary');
  const form = page.getByTestId('glossary-add-form');
  await form.getByLabel('Dutch term').fill('Navo');
  await form.getByLabel('English term').fill('NATO');
  await form.getByRole('button', { name: 'Add to glossary' }).click();
  await page.reload();
  await expect(page.getByTestId('glossary-entry')).toHaveText([/Navo→NATO/]);
  await context.setOffline(false);
});
