import { expect, test, type Page } from '@playwright/test';
import { LONG_SLUG, SEED_SLUG, seedParagraphs } from './helpers';

const READER = `/nl/read/${SEED_SLUG}`;
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });

test.describe.configure({ timeout: 180_000 });

test('printing gives both columns and no controls, whatever the view', async ({ page }) => {
  await page.goto(`${READER}?view=nl`);
  await allDone(page);
  await page.getByRole('checkbox', { name: 'Engels verbergen tot ik het aanwijs' }).check();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['[data-reader-toolbar]', 'header.no-print', '[data-testid="correction-bar"]']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  // Hidden elements are out of the accessibility tree: not one Edit button or view switch is left on paper.
  await expect(page.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  const pair = page.locator('.pair[data-kind="paragraph"]').first();
  await expect(pair.locator('[data-lang-col="nl"]')).toBeVisible();
  await expect(pair.locator('[data-lang-col="en"]')).toBeVisible();
  const [nl, en] = await Promise.all([
    pair.locator('[data-lang-col="nl"]').boundingBox(),
    pair.locator('[data-lang-col="en"]').boundingBox(),
  ]);
  expect(en!.x, 'English to the right of the Dutch').toBeGreaterThan(nl!.x + nl!.width - 1);
  expect(Math.abs(en!.y - nl!.y), 'side by side, same row').toBeLessThan(2);
  expect(await pair.locator('[data-lang-col="en"] [data-align]').evaluate((el) => getComputedStyle(el).filter)).toBe(
    'none',
  );
  await page.screenshot({ path: 'test-results/screenshots/print-nl.png', fullPage: true });
});

test('export as a standalone HTML page: both languages, corrections included, no script', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const en = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
  await en.getByRole('button', { name: 'Bewerken' }).click();
  await en.getByRole('textbox').fill('Cruise missiles <b>');
  await page.keyboard.press('Control+Enter');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporteren als losse HTML-pagina' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`${SEED_SLUG}.nl-en.html`);
  const html = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(html).toContain('<h2 lang="nl">Kruisraketten</h2><h2 lang="en">Cruise missiles &lt;b&gt;</h2>');
  for (const p of seedParagraphs.slice(0, 3)) expect(html).toContain(`<p lang="nl">${p}</p>`);
  expect(html).not.toMatch(/<script/i);
  // Opened on its own, it is a readable two-column page.
  await page.setContent(html);
  const pair = page.locator('.pair:not(.head)').nth(1);
  const [nl, english] = await Promise.all([
    pair.locator('[lang="nl"]').boundingBox(),
    pair.locator('[lang="en"]').boundingBox(),
  ]);
  expect(english!.x).toBeGreaterThan(nl!.x + nl!.width - 1);
});

for (const [locale, button, menu, file] of [
  [
    'en',
    'Export bilingual Markdown',
    /^[\d,]+ of 1,000 paragraphs are not translated yet: an export made now lacks their English\.$/,
    /When this was exported, [\d,]+ of 1,000 paragraphs were not translated yet/,
  ],
  [
    'nl',
    'Tweetalige Markdown exporteren',
    /^[\d.]+ van 1\.000 alinea's zijn nog niet vertaald: een export van nu mist hun Engels\.$/,
    /Bij het exporteren waren [\d.]+ van 1\.000 alinea's nog niet vertaald/,
  ],
] as const) {
  test(`an export made while translating says how many paragraphs lack their English, in the menu and the file (${locale})`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/read/${LONG_SLUG}`);
    await expect(page.getByTestId('export-untranslated')).toHaveText(menu, { timeout: 60_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    const markdown = await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(markdown).toMatch(file);
  });
}

test('a 1,000-paragraph article lays out only what is near the screen, and a link to a far paragraph still lands on it', async ({
  page,
}) => {
  await page.goto(`/nl/read/${LONG_SLUG}`);
  const pairs = page.locator('.pair');
  await expect(pairs).toHaveCount(1000);
  const laidOut = () =>
    pairs.evaluateAll((els) => els.filter((e) => e.checkVisibility({ contentVisibilityAuto: true })).length);
  // A few groups of pairs around the first screen, not the whole article.
  expect(await laidOut()).toBeLessThanOrEqual(64);
  // The browser checks each content-visibility element on every frame: groups of pairs, not each pair.
  const checked = await page.evaluate(
    () =>
      [...document.querySelectorAll('body *')].filter((e) => getComputedStyle(e).contentVisibility === 'auto').length,
  );
  expect(checked).toBeLessThanOrEqual(Math.ceil(1000 / 16));

  const far = pairs.nth(700);
  const id = await far.getAttribute('id');
  await page.goto(`/nl/read/${LONG_SLUG}#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await expect(page.locator(`[id="${id}"] [data-lang-col="nl"]`)).toBeVisible();
  expect(await page.locator(`[id="${id}"]`).evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true }))).toBe(
    true,
  );
});
