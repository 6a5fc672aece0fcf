import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SEED_SLUG, seedParagraphs } from './helpers';

const READER = `/nl/read/${SEED_SLUG}`;
test.describe.configure({ timeout: 180_000 });

async function correctHeading(page: Page, text: string) {
  await page.goto(READER);
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
  const cell = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill(text);
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
}

async function exportFile(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

for (const [format, button] of [
  ['JSON', 'Correcties exporteren (JSON)'],
  ['TMX', 'Correcties exporteren (TMX, voor OmegaT en andere CAT-tools)'],
] as const) {
  test(`export as ${format}, import in a fresh browser: the corrections are back`, async ({ page, browser }) => {
    await correctHeading(page, 'Cruise missiles & <rockets>');
    await page.goto('/nl/data');
    await expect(page.getByTestId('count-corrections')).toHaveText('1');
    const file = await exportFile(page, button);
    expect(file.text).toContain(
      format === 'JSON' ? '"text": "Cruise missiles & <rockets>"' : '<seg>Cruise missiles &amp; &lt;rockets&gt;</seg>',
    );

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto('/nl/data');
    await expect(other.getByTestId('count-corrections')).toHaveText('0');
    await other
      .getByLabel('Correcties importeren (JSON of TMX)')
      .setInputFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) });
    await expect(other.getByTestId('import-message')).toContainText('1 correctie geïmporteerd');
    await expect(other.getByTestId('count-corrections')).toHaveText('1');
    await other.goto(READER);
    await expect(other.locator('[data-kind="heading"] [data-state="done"] > [lang="en"]')).toHaveText(
      'Cruise missiles & <rockets>',
      { timeout: 60_000 },
    );
    await fresh.close();
  });
}

test('a malformed import is rejected with a message naming the file and the problem, and changes nothing', async ({
  page,
}) => {
  await correctHeading(page, 'Cruise missiles');
  await page.goto('/en/data');
  await expect(page.getByTestId('count-corrections')).toHaveText('1');
  const input = page.getByLabel('Import corrections (JSON or TMX)');
  await input.setInputFiles({
    name: 'broken.tmx',
    mimeType: 'text/xml',
    buffer: Buffer.from('<tmx><body><tu></body>'),
  });
  await expect(page.getByTestId('import-message')).toContainText(
    'Nothing was imported: broken.tmx: not well-formed XML',
  );
  await expect(page.getByTestId('import-message')).toHaveAttribute('role', 'alert');
  await input.setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'tweetalig-corrections',
        version: 1,
        exportedAt: '',
        corrections: [{ sourceHash: 'x', text: 1 }],
      }),
    ),
  });
  await expect(page.getByTestId('import-message')).toContainText('wrong.json: corrections.0');
  await expect(page.getByTestId('count-corrections')).toHaveText('1');
});

test('clearing machine translations keeps corrections; the article is translated again', async ({ page }) => {
  await correctHeading(page, 'Cruise missiles');
  await page.goto('/nl/data');
  await expect(page.getByTestId('count-machine')).toHaveText(String(seedParagraphs.length));
  await page.getByRole('button', { name: 'Machinevertalingen verwijderen (correcties blijven)' }).click();
  await expect(page.getByTestId('count-machine')).toHaveText('0');
  await expect(page.getByTestId('count-corrections')).toHaveText('1');
  await page.goto(READER);
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
  await expect(page.locator('[data-kind="heading"] [data-state="done"] > [lang="en"]')).toHaveText('Cruise missiles');
});

test('one article exports as bilingual Markdown, corrections included', async ({ page }) => {
  await correctHeading(page, 'Cruise missiles');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tweetalige Markdown exporteren' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`${SEED_SLUG}.nl-en.md`);
  const md = readFileSync(await file.path(), 'utf8');
  expect(md).toContain('## Kruisraketten\n\n> Cruise missiles\n');
  expect(md).toContain(seedParagraphs[1]);
});
