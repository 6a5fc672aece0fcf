import { expect, test, type Page } from '@playwright/test';
import { splitSentences } from '@/lib/engine/shared/sentences';
import { expectedTranslations } from './expected';
import { expectNoSeriousAxeViolations, LONG_SLUG, SEED_SLUG, seedParagraphs } from './helpers';

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
