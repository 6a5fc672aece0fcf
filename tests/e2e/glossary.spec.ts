import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectedTranslations, expectedWithTerms } from './expected';
import { expectNoPageErrors, installStorageFaults, setStorageFault, watchPageErrors } from './faults';
import { expectNoSeriousAxeViolations, SEED_SLUG, seedParagraphs, pointAtWord } from './helpers';

const READER = `/en/read/${SEED_SLUG}`;
const TERM = { source: 'Kruisraketten', target: 'cruise missiles', variants: [], caseSensitive: false };

test.describe.configure({ timeout: 240_000 });

const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
const heading = (page: Page) =>
  page.locator('[data-kind="heading"]').first().locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]');
const englishTexts = (page: Page) =>
  page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]').allTextContents();
/** The machine translations stored in the browser: one more means the model was asked once more. */
const storedMachine = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('tweetalig');
        open.onsuccess = () => {
          const count = open.result.transaction('machine-translations').objectStore('machine-translations').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

/** Selects a word of the Dutch column, as a reader's double-click does, and waits for its gloss. */
async function glossOf(page: Page, word: string) {
  const dutch = page.locator('[data-lang-col="nl"] [data-s]', { hasText: word }).first();
  await dutch.scrollIntoViewIfNeeded();
  const box = await pointAtWord(dutch, word);
  await page.mouse.dblclick(box.x, box.y);
  await expect(page.getByRole('dialog', { name: `Translations of “${word}”` })).toBeVisible();
}

test('a term from a selection: only the paragraphs holding it are translated again, the term marked; removed, the model’s own English comes back from the cache', async ({
  page,
  context,
}) => {
  const plain = await expectedTranslations(seedParagraphs, 'fp32');
  // Capitals do not matter: the heading and the paragraph with "kruisraketten" both hold the term.
  const touched = seedParagraphs.flatMap((p, i) => (/kruisraketten/i.test(p) ? [i] : []));
  expect(touched).toHaveLength(2);
  const glossed = await Promise.all(touched.map((i) => expectedWithTerms(seedParagraphs[i]!, [TERM])));
  for (const english of glossed) expect(english).toContain('cruise missiles');
  await page.goto(READER);
  await allDone(page);
  expect(await englishTexts(page)).toEqual(plain);
  const before = await storedMachine(page);

  // One step from the selection: "always translate as".
  await glossOf(page, 'Kruisraketten');
  await page.getByRole('textbox', { name: 'Always translate “Kruisraketten” as' }).fill('cruise missiles');
  await page.getByRole('button', { name: 'Always' }).click();
  await expect(page.getByTestId('glossary-added')).toContainText(
    'In your glossary: “Kruisraketten” → “cruise missiles”',
  );
  await page.keyboard.press('Escape');

  await expect(heading(page)).toHaveText(glossed[0]!, { timeout: 60_000 });
  const mark = heading(page).locator('mark[data-term]');
  await expect(mark).toHaveText('cruise missiles');
  await mark.focus();
  await expect(mark).toHaveAccessibleDescription('Glossary: “Kruisraketten” → “cruise missiles”');
  // Only those paragraphs: every other English as it was, and one new stored translation for each.
  await expect
    .poll(() => englishTexts(page), { timeout: 60_000 })
    .toEqual(plain.map((english, i) => (touched.includes(i) ? glossed[touched.indexOf(i)]! : english)));
  expect(await storedMachine(page)).toBe(before + touched.length);
  await expectNoSeriousAxeViolations(page);

  // A reload keeps it: the glossed English is the stored one, marked.
  await page.reload();
  await allDone(page);
  await expect(heading(page).locator('mark[data-term]')).toHaveText('cruise missiles');
  expect(await storedMachine(page)).toBe(before + touched.length);

  // Removed on the glossary page (another tab): the reader shows the model's own English again, from the cache.
  const glossaryPage = await context.newPage();
  await glossaryPage.goto('/en/glossary');
  await expect(glossaryPage.getByTestId('glossary-entry')).toHaveCount(1);
  await glossaryPage.getByRole('button', { name: 'Delete “Kruisraketten”' }).click();
  await expect(glossaryPage.getByTestId('glossary-entry')).toHaveCount(0);
  await expect.poll(() => englishTexts(page)).toEqual(plain);
  await expect(page.locator('mark[data-term]')).toHaveCount(0);
  expect(await storedMachine(page)).toBe(before + touched.length);
});

test('the glossary page: add, edit, and TBX and OmegaT round trips; a bad file refused, nothing half imported', async ({
  page,
}) => {
  await page.goto('/en/glossary');
  const form = page.getByTestId('glossary-add-form');
  await form.getByRole('button', { name: 'Add to glossary' }).click();
  await expect(form.getByRole('alert')).toHaveText('Type the Dutch term.');
  await form.getByLabel('Dutch term').fill('Navo');
  await form.getByLabel('English term').fill('NATO');
  await form.getByLabel('Other Dutch forms').fill("Navo's");
  await form.getByRole('button', { name: 'Add to glossary' }).click();
  await form.getByLabel('Dutch term').fill('de Tweede Kamer');
  await form.getByLabel('English term').fill('the House');
  await form.getByLabel('Match capitals exactly').check();
  await form.getByRole('button', { name: 'Add to glossary' }).click();
  // Listed by Dutch term, as a termbase lists them.
  await expect(page.getByTestId('glossary-entry')).toHaveText([
    /de Tweede Kamer→the Housecapitals exact/,
    /Navo→NATONavo's/,
  ]);
  await page.getByRole('button', { name: 'Edit “de Tweede Kamer”' }).click();
  await page.getByTestId('glossary-edit-form').getByLabel('English term').fill('the House of Representatives');
  await page.getByTestId('glossary-edit-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('glossary-entry').first()).toContainText('the House of Representatives');
  await expectNoSeriousAxeViolations(page);

  for (const [button, name] of [
    ['Export as TBX', /\.tbx$/],
    ['Export for OmegaT', /\.txt$/],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(name);
    const text = readFileSync((await file.path())!, 'utf8');
    // Empty the glossary, then bring it back from the file.
    for (const source of ['Navo', 'de Tweede Kamer'])
      await page.getByRole('button', { name: `Delete “${source}”` }).click();
    await expect(page.getByTestId('glossary-entry')).toHaveCount(0);
    await page.getByTestId('glossary-import').setInputFiles({
      name: file.suggestedFilename(),
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    await expect(page.getByTestId('glossary-message')).toHaveText('2 terms added.');
    await expect(page.getByTestId('glossary-entry')).toHaveText([
      /de Tweede Kamer→the House of Representativescapitals exact/,
      /Navo→NATONavo's/,
    ]);
  }

  await page.getByTestId('glossary-import').setInputFiles({
    name: 'kapot.tbx',
    mimeType: 'text/xml',
    buffer: Buffer.from('<martif><text><body><termEntry><langSet xml:lang="nl"><tig><term>zorg'),
  });
  await expect(page.getByTestId('glossary-message')).toContainText(
    'Nothing was imported from kapot.tbx: it is not well-formed XML',
  );
  await page.reload();
  await expect(page.getByTestId('glossary-entry')).toHaveCount(2);
});

test('a correction that replaces the same word in several places offers the entry; the paragraphs with the Dutch term follow it, the correction stays', async ({
  page,
}) => {
  const navo = { source: 'Navo', target: 'NATO', variants: [], caseSensitive: false };
  const touched = seedParagraphs.flatMap((p, i) => (/\bNavo\b/i.test(p) ? [i] : []));
  const plain = await expectedTranslations(seedParagraphs, 'fp32');
  // The paragraph to correct: its English says "Navo" more than once.
  const n = touched.find((i) => (plain[i]!.match(/\bNavo\b/g) ?? []).length >= 2)!;
  expect(n).toBeDefined();
  const glossed = await Promise.all(touched.map((i) => expectedWithTerms(seedParagraphs[i]!, [navo])));
  await page.goto(READER);
  await allDone(page);

  const cell = page.locator('.pair').nth(n).locator('[data-lang-col="en"]');
  await cell.getByRole('button', { name: 'Edit' }).click();
  const corrected = plain[n]!.replace(/\bNavo\b/g, 'NATO').replace(/ {2,}/g, ' '); // saved as the reader sees it
  await cell.getByRole('textbox').fill(corrected);
  await cell.getByRole('button', { name: 'Save' }).click();
  const offer = cell.getByTestId('term-offer');
  await expect(offer).toContainText('You changed “Navo” to “NATO” in');
  await expect(offer.getByRole('textbox', { name: 'Dutch term' })).toHaveValue('Navo');
  await offer.getByRole('button', { name: 'Add to glossary' }).click();
  await expect(offer).toHaveText('In your glossary: “Navo” → “NATO”.');

  // Every paragraph with "Navo" in its Dutch is translated again with the term; the corrected one shows the correction.
  await expect
    .poll(() => englishTexts(page), { timeout: 90_000 })
    .toEqual(
      plain.map((english, i) => (i === n ? corrected : touched.includes(i) ? glossed[touched.indexOf(i)]! : english)),
    );
  await page.goto('/en/glossary');
  await expect(page.getByTestId('glossary-entry')).toHaveText([/Navo→NATO/]);
});

test('a glossary write that fails after the page loaded says why, in the interface language, and keeps what was typed', async ({
  page,
  context,
}) => {
  await installStorageFaults(context);
  const errors = await watchPageErrors(page);
  await page.goto('/nl/glossary');
  const form = page.getByTestId('glossary-add-form');
  await form.getByLabel('Nederlandse term').fill('Navo');
  await form.getByLabel('Engelse term').fill('NATO');
  await setStorageFault(page, 'quota');
  await form.getByRole('button', { name: 'Aan woordenlijst toevoegen' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'De woordenlijst is niet gewijzigd: de opslag van deze browser voor de site is vol. Wat je typte staat er nog; probeer het opnieuw.',
  );
  await expect(form.getByLabel('Nederlandse term')).toHaveValue('Navo');
  await expect(form.getByLabel('Engelse term')).toHaveValue('NATO');
  await setStorageFault(page, null);
  await form.getByRole('button', { name: 'Aan woordenlijst toevoegen' }).click();
  await expect(page.getByTestId('glossary-entry')).toHaveText([/Navo→NATO/]);
  expectNoPageErrors(errors);
});
