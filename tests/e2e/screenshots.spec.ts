import { expect, test } from '@playwright/test';
import { installStorageFaults, setStorageFault } from './faults';
import { LONG_SLUG, SEED_SLUG } from './helpers';

// Not assertions about pixels: these pictures are for people to look at (test-results/screenshots).
const shots = [
  ['library', ''],
  ['reader', `/read/${SEED_SLUG}`],
  ['new-text', '/texts/new'],
] as const;
const viewports = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

for (const locale of ['nl', 'en'] as const) {
  for (const [name, path] of shots) {
    for (const [device, viewport] of viewports) {
      test(`screenshot ${name} ${locale} ${device}`, async ({ page }) => {
        test.setTimeout(150_000);
        await page.setViewportSize(viewport);
        await page.goto(`/${locale}${path}`);
        await expect(page.locator('main')).toBeVisible();
        if (name === 'reader') {
          await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 120_000 });
        }
        await page.screenshot({
          path: `test-results/screenshots/${name}-${locale}-${device}.png`,
          fullPage: device === 'desktop',
        });
      });
    }
  }
}

for (const locale of ['nl', 'en'] as const) {
  test(`screenshot stored data ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/data`);
    await expect(page.getByTestId('count-corrections')).toHaveText('0');
    await page.screenshot({ path: `test-results/screenshots/data-${locale}-desktop.png` });
  });
}

test('screenshot a corrected paragraph with its diff', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(`/en/read/${SEED_SLUG}`);
  await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 120_000 });
  const cell = page.locator('[data-kind="aside-paragraph"] > [data-lang-col="en"]');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell
    .getByRole('textbox')
    .fill(
      'No concrete agreements were made in Kyiv. Prime Minister Mark Rutte did say he intends to support Ukraine with more resources.',
    );
  await cell.getByRole('button', { name: 'Save' }).click();
  await cell.getByRole('button', { name: 'Compare with machine' }).click();
  await expect(cell.getByTestId('machine-diff')).toBeVisible();
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/correction-en-desktop.png' });
});

// The model's help: alternatives, a gloss, doubtful words, a completion; in both languages, desktop and phone.
for (const locale of ['nl', 'en'] as const) {
  for (const [device, viewport] of viewports) {
    test(`screenshot assist ${locale} ${device}`, async ({ page }) => {
      test.setTimeout(200_000);
      const shot = (what: string) =>
        page.screenshot({ path: `test-results/screenshots/assist-${what}-${locale}-${device}.png` });
      await page.setViewportSize(viewport);
      await page.goto(`/${locale}/read/${SEED_SLUG}`);
      await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 150_000 });
      const paragraph = page.locator('[data-kind="paragraph"]').nth(1);
      await paragraph.scrollIntoViewIfNeeded();

      const sentence = paragraph.locator('[data-lang-col="en"] [data-s="0"]');
      await sentence.click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await shot('alternatives');
      await page.keyboard.press('Escape');

      const dutch = paragraph.locator('[data-lang-col="nl"] [data-s="0"]');
      await dutch.scrollIntoViewIfNeeded();
      await dutch.dblclick({ position: { x: 50, y: 10 } }); // inside "militaire"
      await expect(page.getByRole('listbox')).toBeVisible();
      await shot('gloss');
      await page.keyboard.press('Escape');

      await page.locator('input[name="doubt"]').check();
      await page.locator('[data-lang-col="en"] [data-doubtful]').first().scrollIntoViewIfNeeded();
      await shot('doubt');

      const cell = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
      await cell.scrollIntoViewIfNeeded();
      await cell.getByRole('button', { name: locale === 'nl' ? 'Bewerken' : 'Edit' }).click();
      await cell.getByRole('textbox').fill('');
      await cell.getByRole('textbox').pressSequentially('ruis');
      await expect(cell.getByTestId('completion-ghost')).toBeVisible();
      await shot('completion');
    });
  }
}

// What issue 25's fixes show a reader: the question before typed text goes, full storage while typing, a
// suggestion to tap, an export made while translating, and Stored data with something in it.
for (const locale of ['nl', 'en'] as const) {
  for (const [device, viewport] of viewports) {
    test(`screenshot typed text ${locale} ${device}`, async ({ page, context }) => {
      test.setTimeout(200_000);
      await installStorageFaults(context);
      const shot = (what: string) =>
        page.screenshot({ path: `test-results/screenshots/typed-${what}-${locale}-${device}.png` });
      await page.setViewportSize(viewport);
      await page.goto(`/${locale}/read/${SEED_SLUG}`);
      await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 150_000 });
      const cell = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
      await cell.getByRole('button', { name: locale === 'nl' ? 'Bewerken' : 'Edit' }).click();
      const box = cell.getByRole('textbox');
      await box.fill('');
      await box.pressSequentially('ruis');
      await expect(cell.getByTestId('completion-hint')).toBeVisible();
      await shot('suggestion');
      await box.press('Escape');
      await box.pressSequentially('Q');
      const question = cell.getByRole('alertdialog');
      await expect(async () => {
        if (!(await question.isVisible())) await box.press('Escape');
        await expect(question).toBeVisible({ timeout: 500 });
      }).toPass();
      await shot('question');
      await question.getByRole('button', { name: locale === 'nl' ? 'Verder bewerken' : 'Keep editing' }).click();
      await setStorageFault(page, 'quota');
      await box.pressSequentially(' typed while full');
      await expect(page.getByTestId('storage-warning')).toBeVisible();
      await cell.getByRole('button', { name: locale === 'nl' ? 'Bewaren' : 'Save' }).click();
      await expect(cell.getByTestId('correction-failure')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('storage-full');
      await cell.scrollIntoViewIfNeeded();
      await shot('save-failed');
      await setStorageFault(page, null);

      await page.goto(`/${locale}/read/${LONG_SLUG}`);
      await expect(page.getByTestId('export-untranslated')).toBeVisible({ timeout: 60_000 });
      await shot('export-while-translating');

      await page.goto(`/${locale}/data`);
      await expect(page.getByTestId('count-corrections')).not.toHaveText('');
      await page.screenshot({ path: `test-results/screenshots/typed-data-${locale}-${device}.png`, fullPage: true });
    });
  }
}

// The glossary: its page, and its terms marked in an article (one focused, showing its entry); both languages.
for (const locale of ['nl', 'en'] as const) {
  for (const [device, viewport] of viewports) {
    test(`screenshot glossary ${locale} ${device}`, async ({ page }) => {
      test.setTimeout(200_000);
      const shot = (what: string, fullPage = false) =>
        page.screenshot({ path: `test-results/screenshots/glossary-${what}-${locale}-${device}.png`, fullPage });
      await page.setViewportSize(viewport);
      await page.goto(`/${locale}/glossary`);
      const form = page.getByTestId('glossary-add-form');
      for (const [nl, en, variants] of [
        ['Navo', 'NATO', "Navo's"],
        ['Kruisraketten', 'cruise missiles', 'kruisraket'],
      ]) {
        await form.locator('[name="source"]').fill(nl!);
        await form.locator('[name="target"]').fill(en!);
        await form.locator('[name="variants"]').fill(variants!);
        await form.locator('button[type="submit"]').click();
        await expect(page.getByTestId('glossary-entry').filter({ hasText: en! })).toBeVisible();
      }
      await shot('page', device === 'desktop');

      await page.goto(`/${locale}/read/${SEED_SLUG}`);
      await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 150_000 });
      const mark = page.locator('[data-kind="heading"] mark[data-term]').first();
      await expect(mark).toBeVisible({ timeout: 60_000 });
      await mark.scrollIntoViewIfNeeded();
      await mark.focus();
      await shot('marks');
    });
  }
}
