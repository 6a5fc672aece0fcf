import { expect, test, type Page } from '@playwright/test';
import { expectNoPageErrors, watchPageErrors } from './faults';
import { SEED_SLUG, seedParagraphs } from './helpers';

const english = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).first();
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"], [data-state="editing"]')).toHaveCount(seedParagraphs.length, {
    timeout: 120_000,
  });
const DRAFT = 'Cruise missiles, half-way through a thought';

test.describe.configure({ timeout: 180_000 });

test('an unsaved correction survives a language switch, a reload and a trip to the library, and goes on cancel', async ({
  page,
}) => {
  const errors = await watchPageErrors(page);
  await page.goto(`/nl/read/${SEED_SLUG}`);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill(DRAFT);

  // The interface language changes: the editor is open again, with the text.
  await page.getByRole('navigation', { name: 'Taal van de interface' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/read\//);
  await expect(
    english(page, 'heading').getByRole('textbox', { name: 'English translation of this paragraph' }),
  ).toHaveValue(DRAFT, { timeout: 60_000 });
  await expect(english(page, 'heading')).toContainText('Unsaved text kept from before.');

  // Leaving the page asks first; after the reload the editor is back with the text.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(english(page, 'heading').getByRole('textbox')).toHaveValue(DRAFT, { timeout: 60_000 });

  // Away to the library and back, through the app's own links.
  await page
    .getByRole('banner')
    .getByRole('link', { name: /^Tweetalig/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await page.getByRole('link', { name: /Amerikaanse troepen/ }).click();
  await expect(english(page, 'heading').getByRole('textbox')).toHaveValue(DRAFT, { timeout: 60_000 });

  // Cancel lets it go, for good: nothing asks on leaving, and a reload shows the translation.
  await english(page, 'heading').getByRole('button', { name: 'Cancel' }).click();
  await english(page, 'heading').getByRole('alertdialog').getByRole('button', { name: 'Discard it' }).click();
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  await expect(english(page, 'heading').locator('[data-state="done"] > [lang="en"]')).toHaveText('ruisraketten K', {
    timeout: 60_000,
  });
  await expect(english(page, 'heading').getByRole('textbox')).toHaveCount(0);
  expect(asked).toEqual(['beforeunload']);
  expectNoPageErrors(errors);
});

test('a saved correction leaves no draft behind, and keeps the line breaks typed in it', async ({ page }) => {
  await page.goto(`/en/read/${SEED_SLUG}`);
  await allDone(page);
  const cell = english(page, 'aside-paragraph');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill('First line of the teaser\nSecond line');
  await cell.getByRole('button', { name: 'Save' }).click();
  const text = cell.locator('[data-state="done"] > [lang="en"]');
  await expect(text).toHaveText('First line of the teaser Second line'); // the text, whitespace aside
  expect(await text.evaluate((el) => (el as HTMLElement).innerText)).toBe('First line of the teaser\nSecond line');
  await page.reload(); // no draft: nothing asks
  await expect(cell.locator('[data-state="done"] > [lang="en"]')).toHaveText('First line of the teaser Second line', {
    timeout: 60_000,
  });
  expect(await cell.locator('[data-state="done"] > [lang="en"]').evaluate((el) => (el as HTMLElement).innerText)).toBe(
    'First line of the teaser\nSecond line',
  );
  await expect(cell.getByRole('textbox')).toHaveCount(0);
});
