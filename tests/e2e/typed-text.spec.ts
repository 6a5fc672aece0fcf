import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectedCompletion } from './expected';
import { expectNoPageErrors, installStorageFaults, setStorageFault, watchPageErrors } from './faults';
import { SEED_SLUG, seedParagraphs } from './helpers';

// What a reader types is never lost: not to Esc, not to another tab, not to full storage; and a suggestion taken
// can be taken back, and taken on a phone.
const english = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).first();
const shown = (page: Page, kind: string) => english(page, kind).locator('[data-state="done"] > [lang="en"]');
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"], [data-state="editing"]')).toHaveCount(seedParagraphs.length, {
    timeout: 120_000,
  });
const TYPED = 'Cruise missiles, typed with care over a long minute';

/** Drafts as IndexedDB holds them, every tab's. */
const storedDrafts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ editor: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('tweetalig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('drafts').objectStore('drafts').getAll();
          get.onsuccess = () =>
            resolve(get.result.map((d: { editor: string; text: string }) => ({ editor: d.editor, text: d.text })));
          get.onerror = () => reject(get.error);
        };
      }),
  );

test.describe.configure({ timeout: 180_000 });

for (const locale of ['en', 'nl'] as const) {
  const l =
    locale === 'en'
      ? {
          edit: 'Edit',
          cancel: 'Cancel',
          keep: 'Keep editing',
          discard: 'Discard it',
          ask: 'Discard the text you typed here?',
        }
      : {
          edit: 'Bewerken',
          cancel: 'Annuleren',
          keep: 'Verder bewerken',
          discard: 'Weggooien',
          ask: 'De tekst die je hier typte weggooien?',
        };

  test(`Esc with a suggestion pending only drops the suggestion; leaving typed text asks first (${locale})`, async ({
    page,
  }) => {
    const errors = await watchPageErrors(page);
    await page.goto(`/${locale}/read/${SEED_SLUG}`);
    await allDone(page);
    const cell = english(page, 'heading');
    await cell.getByRole('button', { name: l.edit }).click();
    const box = cell.getByRole('textbox');
    await box.fill('');
    await box.pressSequentially('ru');
    // A suggestion showing: Esc drops it, and only it.
    await expect(cell.getByTestId('completion-ghost')).toBeVisible();
    await box.press('Escape');
    await expect(cell.getByTestId('completion-ghost')).toHaveCount(0);
    await expect(cell.getByRole('alertdialog')).toHaveCount(0);
    await expect(box).toBeFocused();
    // A letter the suggestion does not fit hides it until the next answer; Esc at once is for that answer
    // (or, if it came already and fits nothing, asks): the text stays either way.
    await box.press('Q');
    await box.press('Escape');
    await expect(box).toHaveValue('ruQ');
    // With nothing suggested, Esc asks before letting the text go; Esc again (or Keep editing) keeps it.
    const question = cell.getByRole('alertdialog', { name: l.ask });
    await expect(async () => {
      if (!(await question.isVisible())) await box.press('Escape');
      await expect(question).toBeVisible({ timeout: 500 });
    }).toPass();
    await expect(question.getByRole('button', { name: l.keep })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(box).toHaveValue('ruQ');
    await expect(box).toBeFocused();
    // The draft is kept until the reader really chooses to discard it.
    await expect.poll(() => storedDrafts(page)).toEqual([expect.objectContaining({ text: 'ruQ' })]);
    await cell.getByRole('button', { name: l.cancel }).click();
    await expect.poll(() => storedDrafts(page)).toHaveLength(1);
    await question.getByRole('button', { name: l.discard }).click();
    await expect(box).toHaveCount(0);
    await expect(shown(page, 'heading')).toHaveText('ruisraketten K');
    await expect.poll(() => storedDrafts(page)).toEqual([]);
    // An editor with nothing changed closes on Esc without a question.
    await cell.getByRole('button', { name: l.edit }).click();
    await box.press('Escape');
    await expect(box).toHaveCount(0);
    expectNoPageErrors(errors);
  });
}

test("another tab's save, alternative or cancel never deletes this tab's unsaved text; a newer save is offered beside it", async ({
  page,
  context,
}) => {
  await page.goto(`/en/read/${SEED_SLUG}`);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill(TYPED);
  await expect.poll(() => storedDrafts(page)).toEqual([expect.objectContaining({ text: TYPED })]);

  const other = await context.newPage();
  await other.goto(`/en/read/${SEED_SLUG}`);
  await allDone(other);
  // Tab B opens the same paragraph's editor and cancels: it shows the translation, not tab A's text, and takes nothing.
  const otherCell = english(other, 'heading');
  await otherCell.getByRole('button', { name: 'Edit' }).click();
  await expect(otherCell.getByRole('textbox')).toHaveValue('ruisraketten K');
  await otherCell.getByRole('button', { name: 'Cancel' }).click();
  // Tab B chooses another translation, then saves one of its own.
  await shown(other, 'heading').locator('[data-s="0"]').click();
  await other.getByRole('listbox', { name: 'Other translations' }).getByRole('option').first().click();
  await otherCell.getByRole('button', { name: 'Edit' }).click();
  await otherCell.getByRole('textbox').fill('Cruise missiles (saved in tab B)');
  await otherCell.getByRole('button', { name: 'Save' }).click();
  await expect(shown(other, 'heading')).toHaveText('Cruise missiles (saved in tab B)');

  // Tab A still holds its text, and says a newer correction exists, offering both.
  await expect(cell.getByRole('textbox')).toHaveValue(TYPED);
  const newer = cell.getByTestId('newer-correction');
  await expect(newer).toContainText('Meanwhile a newer translation of this paragraph was saved');
  await expect(newer).toContainText('Cruise missiles (saved in tab B)');
  await cell.screenshot({ path: 'test-results/screenshots/typed-newer-correction-en-desktop.png' });
  await newer.getByRole('button', { name: 'Keep mine in the editor' }).click();
  await expect(newer).toHaveCount(0);
  expect((await storedDrafts(page)).map((d) => d.text)).toEqual([TYPED]);

  // Reloaded, tab A's editor is back with its text.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(english(page, 'heading').getByRole('textbox')).toHaveValue(TYPED, { timeout: 60_000 });
  await other.close();
});

test('typing while storage is full warns at once, and the export carries the unsaved text', async ({
  page,
  context,
}) => {
  const errors = await watchPageErrors(page);
  await installStorageFaults(context);
  await page.goto(`/nl/read/${SEED_SLUG}`);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await setStorageFault(page, 'quota');
  await cell.getByRole('textbox').fill(TYPED);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('Opslaan in deze browser is net mislukt');
  await expect(warning).toContainText('niet-bewaarde tekst');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Correcties exporteren (JSON)' }).click(),
  ]);
  expect(JSON.parse(await readFile((await file.path())!, 'utf8')).corrections).toEqual([
    expect.objectContaining({ source: 'Kruisraketten', text: TYPED }),
  ]);
  // Storage back: the next keystroke is kept, and the warning goes.
  await setStorageFault(page, null);
  await cell.getByRole('textbox').press('End');
  await cell.getByRole('textbox').press('.');
  await expect(warning).toHaveCount(0);
  await expect.poll(() => storedDrafts(page)).toEqual([expect.objectContaining({ text: `${TYPED}.` })]);
  expectNoPageErrors(errors);
});

test('a taken suggestion is undone by Ctrl+Z, as is what was typed before; after Esc, Tab leaves the editor', async ({
  page,
}) => {
  const full = await expectedCompletion('Kruisraketten', 'ruisr');
  await page.goto(`/en/read/${SEED_SLUG}`);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Edit' }).click();
  const box = cell.getByRole('textbox');
  await box.fill('');
  await box.pressSequentially('ruisr');
  await expect(cell.getByTestId('completion-ghost')).toHaveText(full);
  await box.press('Tab');
  const word = /^\S+/.exec(full.slice(5))![0];
  await expect(box).toHaveValue(`ruisr${word}`);
  await box.press('Control+z');
  await expect(box).toHaveValue('ruisr');
  await box.press('Control+z');
  await expect(box).not.toHaveValue('ruisr');
  await box.press('Control+Shift+z');
  await expect(box).toHaveValue('ruisr');
  // The hint says how to get out; after Esc drops the suggestion, Tab moves on.
  await expect(cell.getByTestId('completion-ghost')).toHaveText(full);
  await expect(cell.getByTestId('completion-hint')).toContainText('Esc hides it, so Tab moves on');
  await box.press('Escape');
  await expect(cell.getByTestId('completion-ghost')).toHaveCount(0);
  await box.press('Tab');
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue('ruisr');
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a suggestion is taken by a tap, the keyboard stays in the editor, and the hints speak of tapping (nl)', async ({
    page,
  }) => {
    const full = await expectedCompletion('Kruisraketten', 'ruisr');
    const word = /^\S+/.exec(full.slice(5))![0];
    await page.goto(`/nl/read/${SEED_SLUG}`);
    await allDone(page);
    const cell = english(page, 'heading');
    await cell.getByRole('button', { name: 'Bewerken' }).tap();
    const box = cell.getByRole('textbox');
    await box.fill('');
    await box.pressSequentially('ruisr');
    const hint = cell.getByTestId('completion-hint');
    await expect(hint).toBeVisible();
    await expect(hint).not.toContainText('Tab');
    await expect(cell).not.toContainText('Ctrl+Enter');
    await hint.getByRole('button', { name: `Neem het volgende woord: ${word}` }).tap();
    await expect(box).toHaveValue(`ruisr${word}`);
    await expect(box).toBeFocused();
    // The rest, word by word, as long as the model suggests it.
    const next = /^\s*\S+/.exec(full.slice(5 + word.length))?.[0];
    if (next) {
      await hint.getByRole('button', { name: `Neem het volgende woord: ${next.trim()}` }).tap();
      await expect(box).toHaveValue(`ruisr${word}${next}`);
    }
  });
});
