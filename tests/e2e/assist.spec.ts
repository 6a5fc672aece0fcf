import { expect, test, type Page } from '@playwright/test';
import { expectedAlternatives, expectedCompletion } from './expected';
import { expectNoSeriousAxeViolations, SEED_SLUG, seedParagraphs, pointAtWord } from './helpers';

const READER = `/en/read/${SEED_SLUG}`;
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
const pair = (page: Page, kind: string, n = 0) => page.locator(`[data-kind="${kind}"]`).nth(n);
const englishText = (page: Page, kind: string, n = 0) =>
  pair(page, kind, n).locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]');

test.describe.configure({ timeout: 240_000 });

test('a sentence’s other translations: chosen with the keyboard, it is the correction after a reload, marked as an alternative', async ({
  page,
}) => {
  const expected = (await expectedAlternatives('Kruisraketten')).filter((t) => t !== 'ruisraketten K');
  await page.goto(READER);
  await allDone(page);
  const heading = englishText(page, 'heading');
  await expect(heading).toHaveText('ruisraketten K');

  // The mouse opens it; the list is the model's n-best list, the shown translation left out.
  await heading.locator('[data-s="0"]').click();
  const list = page.getByRole('listbox', { name: 'Other translations' });
  await expect(list.getByRole('option')).toHaveText(expected.slice(0, 5));
  await expect(list).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  // A click chooses; Undo takes it back, like any correction.
  await list.getByRole('option').first().click();
  await expect(heading).toHaveText(expected[0]!);
  await pair(page, 'heading').getByRole('button', { name: 'Undo' }).click();
  await expect(heading).toHaveText('ruisraketten K');
  await heading.locator('[data-s="0"]').click();
  await expect(list).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);

  // The keyboard: the sentence focused, `a`, the arrows, Enter.
  await heading.locator('[data-s="0"]').focus();
  await page.keyboard.press('a');
  await expect(list.getByRole('option').first()).toHaveText(expected[0]!);
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(expected[1]!);
  await expect(pair(page, 'heading').locator('[data-mark="edited"]')).toBeVisible();

  await page.reload();
  await expect(englishText(page, 'heading')).toHaveText(expected[1]!, { timeout: 60_000 });
  const origin = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('tweetalig');
        open.onsuccess = () => {
          const all = open.result.transaction('corrections').objectStore('corrections').getAll();
          all.onsuccess = () => resolve(all.result[0]?.origin);
        };
      }),
  );
  expect(origin).toMatchObject({ via: 'alternative' });
});

test('a double-clicked Dutch word is glossed by the model; the list is asked for once and kept', async ({ page }) => {
  const word = 'militairen';
  const expected = await expectedAlternatives(word);
  await page.goto(READER);
  await allDone(page);
  const dutch = pair(page, 'paragraph', 1).locator('[data-lang-col="nl"] [data-s="0"]');
  // Double-click the word itself: select it by its position in the sentence.
  const box = await pointAtWord(dutch, word);
  await page.mouse.dblclick(box.x, box.y);
  const gloss = page.getByRole('listbox', { name: 'Translations' });
  await expect(page.getByRole('dialog', { name: `Translations of “${word}”` })).toBeVisible();
  await expect(gloss.getByRole('option')).toHaveText(expected.slice(0, 6));
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(gloss).toHaveCount(0);
});

test('doubtful words: marked on the words the model was unsure of, gone once the paragraph is corrected', async ({
  page,
}) => {
  await page.goto(READER);
  await allDone(page);
  // What the model said of its own words is stored with its translation; the marks must show exactly those below
  // one half (words holding a letter or digit), sentence by sentence.
  type Stored = { sentences: { source: string; target: string; words?: [number, number, number][] }[] };
  const records = await page.evaluate(
    () =>
      new Promise<Stored[]>((resolve) => {
        const open = indexedDB.open('tweetalig');
        open.onsuccess = () => {
          const all = open.result.transaction('machine-translations').objectStore('machine-translations').getAll();
          all.onsuccess = () => resolve(all.result as Stored[]);
        };
      }),
  );
  const unsure = (s: Stored['sentences'][number]) =>
    (s.words ?? [])
      .filter(([a, b, p]) => p < 0.5 && /[\p{L}\p{N}]/u.test(s.target.slice(a, b)))
      .map(([a, b]) => s.target.slice(a, b));
  const record = records.find((r) => r.sentences.some((s) => unsure(s).length > 0));
  expect(record, 'a stored paragraph with a doubtful word').toBeTruthy();
  const paragraph = page.locator('.pair').filter({ hasText: record!.sentences[0]!.source.slice(0, 40) });
  await expect(paragraph).toHaveCount(1);

  await expect(page.getByTestId('doubtful-count')).toBeVisible();
  await expect(paragraph.locator('.doubt')).toHaveCount(0); // off until asked for
  await page.keyboard.press('m');
  for (const [i, s] of record!.sentences.entries()) {
    const marked = paragraph.locator(`[data-lang-col="en"] [data-s="${i}"] .doubt`);
    await expect(marked, `sentence ${i}`).toHaveText(unsure(s));
  }
  await expect(paragraph.locator('.doubt').first()).toHaveAttribute('title', /unsure of this word \(\d+% likely\)/);
  await expectNoSeriousAxeViolations(page);

  // `d` goes to a sentence with a doubtful word.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('d');
  await expect(page.locator(':focus')).toHaveAttribute('data-doubtful', '');
  // A screen reader hears where `d` landed.
  const landed = await page.evaluate(() => {
    const pairs = [...document.querySelectorAll('.pair')];
    const focused = document.activeElement as HTMLElement;
    const side = [...focused.closest('[data-lang-col]')!.querySelectorAll('[data-s]')];
    return { n: pairs.indexOf(focused.closest('.pair')!) + 1, s: side.indexOf(focused) + 1, sentences: side.length };
  });
  await expect(page.getByTestId('reader-announcer')).toHaveText(
    new RegExp(`^Paragraph ${landed.n} of ${seedParagraphs.length}.*, sentence ${landed.s} of ${landed.sentences}$`),
  );

  const cell = paragraph.locator('[data-lang-col="en"]');
  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill('My own English, which is never marked.');
  await cell.getByRole('button', { name: 'Save' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
  await expect(paragraph.locator('.doubt')).toHaveCount(0);
});

test('completion: the model finishes the typed sentence; Tab takes a word, Ctrl+→ the rest; typing on asks again', async ({
  page,
}) => {
  const source = 'Kruisraketten';
  const full = await expectedCompletion(source, 'ruisr');
  const first = await expectedCompletion(source, 'ru');
  await page.goto(READER);
  await allDone(page);
  const cell = pair(page, 'heading').locator('[data-lang-col="en"]');
  await cell.getByRole('button', { name: 'Edit' }).click();
  const box = cell.getByRole('textbox');
  await box.fill('');
  // Typed fast: the completion for "ru" may still be in flight when "isr" follows; only the last one shows.
  await box.pressSequentially('ru');
  await expect(cell.getByTestId('completion-ghost')).toContainText(first.slice(2));
  await box.pressSequentially('isr', { delay: 5 });
  const ghost = cell.getByTestId('completion-ghost');
  await expect(ghost).toHaveText(full);
  await expect(ghost).toHaveAttribute('aria-hidden', 'true');
  await expect(cell.getByRole('status')).toHaveText(
    `Suggestion: ${full.slice(5).trim()}. Tab takes the next word, Ctrl+→ takes it all.`,
  );
  await expectNoSeriousAxeViolations(page);

  // Tab takes the next word only…
  await page.keyboard.press('Tab');
  const word = /^\S+/.exec(full.slice(5))![0];
  await expect(box).toHaveValue(`ruisr${word}`);
  await expect(box).toBeFocused();
  // …and Ctrl+→ the rest.
  await page.keyboard.press('Control+ArrowRight');
  await expect(box).toHaveValue(full);
  await expect(cell.getByTestId('completion-ghost')).toHaveCount(0);
  await page.keyboard.press('Control+Enter');
  await expect(englishText(page, 'heading')).toHaveText(full);
});
