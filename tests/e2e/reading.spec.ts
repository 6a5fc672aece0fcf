import { expect, test, type Page } from '@playwright/test';
import { splitSentences } from '@/lib/engine/shared/sentences';
import { expectedTranslations } from './expected';
import { expectNoSeriousAxeViolations, SEED_SLUG, seedParagraphs } from './helpers';

const READER = `/nl/read/${SEED_SLUG}`;
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
const pairOf = (page: Page, dutch: string) =>
  page.locator('.pair').filter({ has: page.locator('[data-lang-col="nl"] [data-align]', { hasText: dutch }) });
const side = (page: Page, dutch: string, lang: 'nl' | 'en') => pairOf(page, dutch).locator(`[data-lang-col="${lang}"]`);

test.describe.configure({ timeout: 180_000 });

test('hovering a Dutch sentence lights its own English sentence, and the other way round, on the seed article', async ({
  page,
}) => {
  await page.goto(READER);
  await allDone(page);
  const multi = seedParagraphs.filter((p) => splitSentences(p).length > 1);
  expect(multi.length).toBeGreaterThanOrEqual(4);
  let checked = 0;
  for (const paragraph of multi) {
    const sentences = splitSentences(paragraph).map((s) => s.text);
    // What the test model gives for each sentence on its own (Node, the real pipeline).
    const expected = await expectedTranslations(sentences, 'fp32');
    const shown = await side(page, paragraph, 'en').locator('[data-align]').textContent();
    // Only where the browser's paragraph is exactly Node's (float near-ties can differ on long input).
    if (shown !== expected.filter(Boolean).join(' ')) continue;
    for (const [i, sentence] of sentences.entries()) {
      if (!expected[i]) continue;
      const nl = side(page, paragraph, 'nl').locator(`[data-s="${i}"]`);
      await expect(nl).toHaveText(sentence);
      await nl.hover();
      const lit = side(page, paragraph, 'en').locator('[data-aligned]');
      await expect(lit).toHaveCount(1);
      await expect(lit).toHaveText(expected[i]!);
      await expect(lit).toHaveAttribute('data-s', String(i));
      // And back: the English sentence lights its Dutch one.
      await side(page, paragraph, 'en').locator(`[data-s="${i}"]`).hover();
      await expect(side(page, paragraph, 'nl').locator('[data-aligned]')).toHaveText(sentence);
    }
    checked++;
  }
  expect(checked, 'paragraphs whose every sentence pair was checked').toBeGreaterThanOrEqual(3);
  // Pointing at nothing in particular lights nothing.
  await page.locator('h1').hover();
  await expect(page.locator('[data-aligned]')).toHaveCount(0);
});

test("Confirm keeps the engine's sentences: each still lights its Dutch one and lists its alternatives, after a reload too", async ({
  page,
}) => {
  await page.goto(READER);
  await allDone(page);
  const multi = seedParagraphs.filter((p) => splitSentences(p).length > 1);
  const before = new Map<string, string[]>();
  for (const paragraph of multi) {
    const sentences = await side(page, paragraph, 'en').locator('[data-s]').allTextContents();
    expect(sentences.length, paragraph).toBe(splitSentences(paragraph).length);
    before.set(paragraph, sentences);
    await side(page, paragraph, 'en').getByRole('button', { name: 'Bevestigen' }).click();
    await expect(side(page, paragraph, 'en').locator('[data-mark="confirmed"]')).toBeVisible();
  }
  for (const reloaded of [false, true]) {
    if (reloaded) {
      await page.reload();
      await allDone(page);
    }
    for (const paragraph of multi) {
      const en = side(page, paragraph, 'en');
      await expect(en.locator('[data-s]'), paragraph).toHaveText(before.get(paragraph)!);
      await side(page, paragraph, 'nl').locator('[data-s="1"]').hover();
      await expect(en.locator('[data-aligned]')).toHaveText(before.get(paragraph)![1]!);
    }
    // A confirmed sentence still has its other translations.
    await side(page, multi[0]!, 'en').locator('[data-s="1"]').click();
    await expect(page.getByRole('listbox', { name: 'Andere vertalingen' }).getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Escape');
  }
});

test('a correction with as many sentences keeps sentence alignment; with fewer, the paragraph is aligned whole', async ({
  page,
}) => {
  await page.goto(READER);
  await allDone(page);
  const paragraph = seedParagraphs.find((p) => splitSentences(p).length === 3)!;
  const en = side(page, paragraph, 'en');
  await en.getByRole('button', { name: 'Bewerken' }).click();
  await en.getByRole('textbox').fill('First sentence here. Second one, corrected. And the third.');
  await page.keyboard.press('Control+Enter');
  await side(page, paragraph, 'nl').locator('[data-s="1"]').hover();
  await expect(en.locator('[data-aligned]')).toHaveText('Second one, corrected.');

  await en.getByRole('button', { name: 'Bewerken' }).click();
  await en.getByRole('textbox').fill('Everything in one corrected sentence.');
  await page.keyboard.press('Control+Enter');
  await side(page, paragraph, 'nl').locator('[data-s="2"]').hover();
  await expect(en.locator('[data-s]')).toHaveCount(0);
  await expect(en.locator('[data-align][data-aligned]')).toHaveText('Everything in one corrected sentence.');
  await expect(side(page, paragraph, 'nl').locator('[data-aligned]')).toHaveText(splitSentences(paragraph)[2]!.text);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('on a phone, tapping an English sentence brings its Dutch sentence into view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(READER);
    await allDone(page);
    const paragraph = seedParagraphs.find((p) => splitSentences(p).length >= 3)!;
    const nl = side(page, paragraph, 'nl').locator('[data-s="0"]');
    const en = side(page, paragraph, 'en').locator('[data-s="0"]');
    // Scroll until the Dutch sentence has just gone out of sight; its English (stacked below) is still on screen.
    // The top of what the reader sees: below the toolbar where it is sticky, else the top of the screen.
    const visible = (el: Element) => {
      const toolbar = document.querySelector('[data-reader-toolbar]')!;
      const bar =
        getComputedStyle(toolbar).position === 'sticky' ? Math.max(0, toolbar.getBoundingClientRect().bottom) : 0;
      const r = el.getBoundingClientRect();
      return r.top >= bar - 1 && r.bottom <= window.innerHeight + 1;
    };
    await nl.evaluate((el) => window.scrollBy({ top: el.getBoundingClientRect().bottom + 4, behavior: 'instant' }));
    expect(await nl.evaluate(visible)).toBe(false);
    expect(await en.evaluate(visible)).toBe(true);
    await en.tap();
    await expect.poll(() => nl.evaluate(visible)).toBe(true);
    await expect(nl).toHaveAttribute('data-aligned', '');
    await expect(en).toHaveAttribute('data-aligned', '');
    // The first tap only lights the pair (touch has no hover); a second tap on it asks for other translations.
    await expect(page.getByRole('listbox', { name: 'Andere vertalingen' })).toHaveCount(0);
    await en.tap();
    await expect(page.getByRole('listbox', { name: 'Andere vertalingen' })).toBeVisible();
  });
});

test('learner view blurs the English until it is pointed at or focused, and is remembered', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const filter = (n: number) =>
    page
      .locator('[data-lang-col="en"] [data-align]')
      .nth(n)
      .evaluate((el) => getComputedStyle(el).filter);
  expect(await filter(1)).toBe('none');
  await page.getByRole('checkbox', { name: 'Engels verbergen tot ik het aanwijs' }).check();
  await expect.poll(() => filter(1)).toMatch(/^blur/);
  await expect.poll(() => filter(2)).toMatch(/^blur/);
  // The Dutch is never blurred.
  expect(
    await page
      .locator('[data-lang-col="nl"] [data-align]')
      .nth(1)
      .evaluate((el) => getComputedStyle(el).filter),
  ).toBe('none');

  await page.locator('[data-lang-col="en"]').nth(2).hover();
  await expect.poll(() => filter(1)).toBe('none');
  await expect.poll(() => filter(2)).toMatch(/^blur/);
  // Keyboard: the focused pair's English is readable.
  await page.locator('h1').hover();
  await page.locator('.pair').nth(2).focus();
  await expect.poll(() => filter(2)).toBe('none');

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Engels verbergen tot ik het aanwijs' })).toBeChecked();
  await allDone(page);
  await expect.poll(() => filter(1)).toMatch(/^blur/);
  await page.screenshot({ path: 'test-results/screenshots/learner-nl-desktop.png' });
  await expectNoSeriousAxeViolations(page);
});
