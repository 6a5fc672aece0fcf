import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, LONG_SLUG, SEED_SLUG, SEED_TITLE, seedParagraphs } from './helpers';

const READER = `/nl/read/${SEED_SLUG}`;
const dutchCells = '[data-segment] > [data-lang-col="nl"]';
const englishCells = '[data-segment] > [data-lang-col="en"]';

/** Clicks a view option the way a reader does: on its visible label. */
async function chooseView(page: Page, group: string, label: string) {
  await page.getByRole('group', { name: group }).getByText(label, { exact: true }).click();
  await expect(page.getByRole('radio', { name: label })).toBeChecked();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the Dutch text is in the HTML before any script runs', async ({ page }) => {
    await page.goto(READER);
    await expect(page.locator(dutchCells)).toHaveText(seedParagraphs);
  });
});

test('every Dutch block of the seed is shown in order, each as what it is', async ({ page }) => {
  await page.goto(READER);
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  const cells = page.locator(dutchCells);
  await expect(cells).toHaveText(seedParagraphs);
  const shape = await cells.evaluateAll((els) =>
    els.map((el) => `${el.firstElementChild?.tagName.toLowerCase()}${el.closest('aside') ? ' in aside' : ''}`),
  );
  expect(shape).toEqual(['p', 'p', 'p', 'h2', 'p', 'p', 'p in aside', 'h3 in aside', 'p in aside']);
  await expect(page.getByRole('heading', { level: 2, name: 'Kruisraketten' })).toBeVisible();
  await expect(page.getByRole('complementary')).toContainText('Lees ook:');
  // Each Dutch block has its English counterpart, marked with its language.
  await expect(page.locator(`${dutchCells}[lang="nl"]`)).toHaveCount(9);
  await expect(page.locator(`${englishCells}[lang="en"]`)).toHaveCount(9);
});

test('switching the interface language changes the interface and stays on the article', async ({ page }) => {
  await page.goto(READER);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('group', { name: 'Tonen' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Taal van de interface' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/read/${SEED_SLUG}`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('group', { name: 'Show' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await page.getByRole('navigation', { name: 'Interface language' }).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page).toHaveURL(new RegExp(`/nl/read/${SEED_SLUG}`));
  await expect(page.getByRole('group', { name: 'Tonen' })).toBeVisible();
});

test('the three views show and hide the right columns and survive a reload', async ({ page }) => {
  await page.goto(READER);
  const nl = page.locator(dutchCells).first();
  const en = page.locator(englishCells).first();
  await expect(nl).toBeVisible();
  await expect(en).toBeVisible();

  await chooseView(page, 'Tonen', 'Nederlands');
  await expect(en).toBeHidden();
  await expect(nl).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=nl/);
  await page.reload();
  await expect(en).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Nederlands' })).toBeChecked();

  await chooseView(page, 'Tonen', 'Engels');
  await expect(nl).toBeHidden();
  await expect(en).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=en/);

  // Remembered for the next visit, even without ?view= in the address.
  await page.goto(READER);
  await expect(page).toHaveURL(/[?&]view=en/);
  await expect(nl).toBeHidden();

  await chooseView(page, 'Tonen', 'Beide');
  await expect(nl).toBeVisible();
  await expect(en).toBeVisible();
});

test('?view= in a shared link wins over the remembered view', async ({ page }) => {
  await page.goto(`${READER}?view=en`);
  await expect(page.locator(dutchCells).first()).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Engels' })).toBeChecked();
});

type DOMRectLike = { x: number; y: number; width: number; height: number };

test('on a wide screen each pair shares a row; at 390×844 it stacks Dutch above English', async ({ page }) => {
  await page.goto(READER);
  const pair = page.locator('[data-segment]').first();
  // Both boxes in one frame: read one after the other, a line the toolbar gains in between would move only one.
  const boxes = () =>
    pair.evaluate((el) =>
      (['nl', 'en'] as const).map((lang) => {
        const r = el.querySelector(`[data-lang-col="${lang}"]`)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    ) as Promise<[DOMRectLike, DOMRectLike]>;
  // Measured once the page has settled (on a loaded machine the first frame can precede the app's own layout).
  await expect
    .poll(async () => {
      const [a, b] = await boxes();
      return Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1;
    })
    .toBe(true);
  let [nl, en] = await boxes();
  expect(Math.abs(nl.y - en.y)).toBeLessThan(2);
  expect(en.x).toBeGreaterThan(nl.x + nl.width - 1);

  await page.setViewportSize({ width: 390, height: 844 });
  [nl, en] = await boxes();
  expect(en.y).toBeGreaterThanOrEqual(nl.y + nl.height - 1);
  expect(nl.width).toBeGreaterThan(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the colour theme can be switched and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(READER);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /Kleurthema: Systeem/ }).click();
  await page.getByRole('button', { name: /Kleurthema: Licht/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: /Kleurthema: Donker/ })).toBeVisible();
});

test.describe('not found', () => {
  for (const [locale, title] of [
    ['nl', 'Pagina niet gevonden'],
    ['en', 'Page not found'],
  ] as const) {
    test(`an unknown slug gives a ${locale} 404`, async ({ page }) => {
      const res = await page.goto(`/${locale}/read/bestaat-niet`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    });
  }

  test('a path-traversal slug never reads outside content/', async ({ request }) => {
    for (const slug of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '%2Fetc%2Fpasswd',
      '..%2Fpackage.json',
    ]) {
      const res = await request.get(`/nl/read/${slug}`);
      expect(res.status(), slug).toBe(404);
      const body = await res.text();
      expect(body, slug).not.toContain('root:');
      expect(body, slug).not.toContain('"dependencies"');
    }
  });
});

test('a 1,000-paragraph article builds and renders', async ({ page }) => {
  await page.goto(`/nl/read/${LONG_SLUG}`);
  await expect(page.locator(dutchCells)).toHaveCount(1000);
  await expect(page.locator(dutchCells).last()).toContainText('Alinea 1000:');
});

for (const locale of ['nl', 'en'] as const) {
  test(`the ${locale} reader has no serious accessibility violations, light and dark`, async ({ page }) => {
    await page.goto(`/${locale}/read/${SEED_SLUG}`);
    await expect(page.locator(dutchCells).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoSeriousAxeViolations(page);
  });
}
