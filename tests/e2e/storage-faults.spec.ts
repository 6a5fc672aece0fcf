import { expect, test, type Page } from '@playwright/test';
import {
  closeDatabaseLikeTheBrowser,
  expectNoPageErrors,
  installStorageFaults,
  setStorageFault,
  watchPageErrors,
} from './faults';
import { SEED_SLUG, seedParagraphs } from './helpers';

const READER = `/nl/read/${SEED_SLUG}`;
const english = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).first();
const shown = (page: Page, kind: string) => english(page, kind).locator('[data-state="done"] > [lang="en"]');
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });

test.describe.configure({ timeout: 180_000 });

for (const fault of ['quota', 'abort'] as const) {
  test(`a save that storage refuses (${fault}) keeps the editor open with the text, says why, and lands on retry`, async ({
    page,
    context,
  }) => {
    const errors = await watchPageErrors(page);
    await installStorageFaults(context);
    await page.goto(READER);
    await allDone(page);
    const cell = english(page, 'heading');
    await cell.getByRole('button', { name: 'Bewerken' }).click();
    await cell.getByRole('textbox').fill('Cruise missiles, typed with care');

    await setStorageFault(page, fault);
    await cell.getByRole('button', { name: 'Bewaren' }).click();
    const alert = cell.getByTestId('correction-failure');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('Je correctie is niet bewaard.');
    await expect(alert).toContainText(
      fault === 'quota' ? 'De opslag van deze browser voor de site is vol' : 'De browser weigerde het op te slaan.',
    );
    await expect(alert).toContainText('je tekst staat nog in het bewerkveld');
    // Full storage: old machine translations were dropped to make room first; the way to Stored data is offered.
    if (fault === 'quota')
      await expect(alert.getByRole('link', { name: 'Opgeslagen gegevens' })).toHaveAttribute('href', '/nl/data');
    await expect(cell.getByRole('textbox')).toHaveValue('Cruise missiles, typed with care');
    // The page warns, and offers the way out: the export carries the unsaved text.
    const warning = page.getByTestId('storage-warning');
    await expect(warning).toContainText('Opslaan in deze browser is net mislukt');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      warning.getByRole('button', { name: 'Correcties exporteren (JSON)' }).click(),
    ]);
    expect(
      JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')).corrections,
    ).toEqual([expect.objectContaining({ source: 'Kruisraketten', text: 'Cruise missiles, typed with care' })]);

    await setStorageFault(page, null);
    await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(shown(page, 'heading')).toHaveText('Cruise missiles, typed with care');
    await expect(page.getByTestId('storage-warning')).toHaveCount(0);
    await page.reload();
    await expect(shown(page, 'heading')).toHaveText('Cruise missiles, typed with care', { timeout: 60_000 });
    expectNoPageErrors(errors);
  });
}

test('an alternative chosen while storage is full says what happened to it, not that an editor holds it', async ({
  page,
  context,
}) => {
  await installStorageFaults(context);
  await page.goto('/en/read/' + SEED_SLUG);
  await allDone(page);
  await setStorageFault(page, 'quota');
  await shown(page, 'heading').locator('[data-s="0"]').click();
  const list = page.getByRole('listbox', { name: 'Other translations' });
  await list.getByRole('option').first().click();
  const failure = page.getByTestId('assist-alternatives').getByTestId('correction-failure');
  await expect(failure).toContainText('The translation you chose was not saved.');
  await expect(failure).toContainText('The paragraph shows what it showed before');
  await expect(failure).not.toContainText('editor');
  await expect(shown(page, 'heading')).toHaveText('ruisraketten K');
  // The storage warning above stays readable with the list open (the toolbar sits above popovers).
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toBeVisible();
  expect(
    await warning.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (
        document.elementFromPoint(r.left + 10, r.top + r.height / 2)?.closest('[data-testid="storage-warning"]') !==
        null
      );
    }),
  ).toBe(true);
});

test('confirm, revert and undo that storage refuses change nothing, say so, and work on retry', async ({
  page,
  context,
}) => {
  const errors = await watchPageErrors(page);
  await installStorageFaults(context);
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('Cruise missiles');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();

  await setStorageFault(page, 'abort');
  for (const [button, message] of [
    ['Bevestigen', 'De bevestiging is niet bewaard.'],
    ['Terug naar machine', 'De alinea is niet teruggezet.'],
    ['Ongedaan maken', 'Het ongedaan maken is niet bewaard.'],
  ] as const) {
    await cell.getByRole('button', { name: button }).click();
    await expect(cell.getByTestId('correction-failure')).toContainText(message);
    await expect(cell.getByTestId('correction-failure')).toContainText('Er is niets veranderd.');
    await expect(shown(page, 'heading')).toHaveText('Cruise missiles');
    await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
  }
  await setStorageFault(page, null);
  await cell.getByTestId('correction-failure').getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(shown(page, 'heading')).toHaveText('ruisraketten K'); // the undo, now stored
  await expect(cell.getByTestId('correction-failure')).toHaveCount(0);
  expectNoPageErrors(errors);
});

test('the browser closes the database under the page: the next save still lands', async ({ page }) => {
  const errors = await watchPageErrors(page);
  await page.goto(READER);
  await allDone(page);
  await closeDatabaseLikeTheBrowser(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('Saved after the database was closed');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
  await page.reload();
  await expect(shown(page, 'heading')).toHaveText('Saved after the database was closed', { timeout: 60_000 });
  expectNoPageErrors(errors);
});

test('an empty correction is never saved, and the editor says why', async ({ page }) => {
  await page.goto('/en/read/' + SEED_SLUG);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill('   \n  ');
  await cell.getByRole('button', { name: 'Save' }).click();
  await expect(cell.getByRole('alert')).toHaveText(
    'A correction cannot be empty. Type the English, or cancel to keep the translation as it is.',
  );
  await expect(cell.getByRole('textbox')).toBeVisible();
  await cell.getByRole('button', { name: 'Cancel' }).click();
  await expect(shown(page, 'heading')).toHaveText('ruisraketten K');
  await expect(cell.locator('[data-mark]')).toHaveCount(0);
});

test('revert on an imported correction translates the paragraph first, and a confirmed revert survives a reload', async ({
  page,
}) => {
  const errors = await watchPageErrors(page);
  // A TMX from elsewhere: a correction for the heading, with no machine text behind it.
  const tmx = `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="nl" segtype="paragraph" datatype="plaintext" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
    <tu><tuv xml:lang="nl"><seg>Kruisraketten</seg></tuv><tuv xml:lang="en"><seg>Cruise missiles (imported)</seg></tuv></tu></body></tmx>`;
  await page.goto('/nl/data');
  await page
    .getByLabel('Correcties importeren (JSON of TMX)')
    .setInputFiles({ name: 'mem.tmx', mimeType: 'text/xml', buffer: Buffer.from(tmx) });
  await expect(page.getByTestId('import-message')).toContainText('1 correctie geïmporteerd');

  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'heading');
  await expect(shown(page, 'heading')).toHaveText('Cruise missiles (imported)');
  await cell.getByRole('button', { name: 'Terug naar machine' }).click();
  await expect(shown(page, 'heading')).toHaveText('ruisraketten K', { timeout: 60_000 });
  await cell.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(cell.locator('[data-mark="confirmed"]')).toBeVisible();
  await page.reload();
  await allDone(page);
  await expect(shown(page, 'heading')).toHaveText('ruisraketten K');
  expectNoPageErrors(errors);
});
