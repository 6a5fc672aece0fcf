import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_SITE } from './fixture-site';
import { expectNoSeriousAxeViolations } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** The article's own paragraphs and heading, as the fixture page has them (tests/fixtures/web/nieuws.html). */
const ARTICLE = [
  'Door Anne de Vries',
  'De gemeente wil de komende twee jaar de binnenstad grotendeels autovrij maken. Fietsers en voetgangers krijgen daardoor veel meer ruimte op straat, en de parkeerplaatsen aan de grachten verdwijnen.',
  'Volgens de wethouder is het plan een antwoord op de drukte van de afgelopen jaren. Op sommige kruispunten komen dagelijks meer dan twintigduizend fietsers langs, terwijl de fietspaden daar nooit voor zijn gebouwd.',
  'Winkeliers zijn verdeeld',
  'Niet iedereen is blij met de plannen. Een deel van de winkeliers vreest dat klanten uit de omliggende dorpen wegblijven als zij hun auto niet meer dicht bij de winkel kunnen parkeren.',
  'Andere ondernemers zien juist kansen. Zij wijzen erop dat in steden die eerder autoluw werden, zoals Utrecht en Gent, het aantal bezoekers na een paar jaar juist is gestegen.',
  'De gemeenteraad praat volgende maand over het voorstel. Bewoners kunnen tot die tijd hun mening geven op een reeks avonden in de wijkcentra.',
];
const NOISE = /cookies|Advertentie|Voorpagina|Alle rechten|Script-tekst|pizza/i;

async function openAddress(page: Page, locale: 'nl' | 'en', url: string) {
  await page.goto(`/${locale}/texts/new`);
  await page.getByLabel(locale === 'en' ? 'Address of a Dutch page' : 'Adres van een Nederlandse pagina').fill(url);
  await page.getByRole('button', { name: locale === 'en' ? 'Open' : 'Openen', exact: true }).click();
}

const refusal = (page: Page) => page.locator('form[aria-labelledby="web-heading"]').getByRole('alert');
const dutch = (page: Page) => page.locator('[data-lang-col="nl"] [data-align]').allTextContents();

test('a Dutch news page: only its article comes through, kept as your text, translated, with its source', async ({
  page,
}) => {
  await openAddress(page, 'en', `${FIXTURE_SITE}/nieuws.html`);
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fietsers krijgen meer ruimte in de binnenstad');
  await expect.poll(() => dutch(page)).toEqual(ARTICLE.filter((p) => !p.startsWith('Door ')));
  await expect(page.locator('main')).not.toContainText(NOISE);
  await expect(page.getByText('From Het Stadsblad')).toBeVisible();
  await expect(page.getByText('Door Anne de Vries')).toBeVisible(); // the byline, beside the title, not a paragraph
  await expect(page.getByTestId('web-source')).toHaveAttribute('href', `${FIXTURE_SITE}/nieuws.html`);
  await expect(page.locator('[data-state="done"]')).toHaveCount(6, { timeout: 150_000 });
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'test-results/screenshots/web-article-en-desktop.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/web-article-en-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // It is one of "Your texts" now, and opens again from the library.
  await page.goto('/en');
  await page.getByRole('link', { name: 'Fietsers krijgen meer ruimte in de binnenstad' }).click();
  await expect(page.locator('[data-state="done"]')).toHaveCount(6, { timeout: 30_000 });
});

test('on a phone, a feed item with a long unbroken title wraps: the library never scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const key = `w${Date.now()}${Math.random().toString(36).slice(2)}`;
  const long = 'Verkeersveiligheidsmaatregelenpakketonderhandelingsresultaat'.repeat(4);
  await page.request.post(`${FIXTURE_SITE}/add-item?feed=${key}&title=${encodeURIComponent(long)}`);
  await page.goto('/nl');
  await page.getByLabel('Adres van de feed').fill(`${FIXTURE_SITE}/feed.xml?feed=${key}`);
  await page.getByRole('button', { name: 'Volgen' }).click();
  await expect(page.getByTestId('feed').getByRole('button', { name: long })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screenshots/feeds-long-title-nl-phone.png', fullPage: true });
});

test('refusals are clear and localized, and the address stays in the field', async ({ page }) => {
  const cases: [string, 'nl' | 'en', RegExp][] = [
    [`${FIXTURE_SITE}/english.html`, 'en', /not in Dutch \(it looks like English\)/],
    [`${FIXTURE_SITE}/english.html`, 'nl', /niet in het Nederlands \(het lijkt Engels\)/],
    ['http://127.0.0.1/', 'en', /“127\.0\.0\.1” is on a private or local network/],
    ['http://169.254.169.254/latest/meta-data/', 'nl', /privé- of lokaal netwerk/],
    ['http://[::1]/', 'en', /private or local network/],
    [`${FIXTURE_SITE}/to-loopback`, 'en', /private or local network/],
    ['http://localhost/', 'en', /“localhost” is on a private or local network/],
    [`http://localhost:${new URL(FIXTURE_SITE).port}/nieuws.html`, 'en', /port/],
    [`${FIXTURE_SITE}/big`, 'en', /larger than 5 MB/],
    [`${FIXTURE_SITE}/image.png`, 'en', /not a web page or a text \(it is image\/png\)/],
    ['ftp://example.org/', 'nl', /geen ftp:/],
  ];
  for (const [url, locale, message] of cases) {
    await openAddress(page, locale, url);
    await expect(refusal(page), url).toHaveText(message);
    await expect(page.locator('#web-url')).toHaveValue(url);
  }
});

test('a slow page is given up after 10 seconds, with a message', async ({ page }) => {
  await openAddress(page, 'en', `${FIXTURE_SITE}/slow`);
  await expect(refusal(page)).toHaveText(/did not arrive within 10 seconds/, { timeout: 20_000 });
});

test('news feeds: follow one, see its items, open one; new items appear when the feed is refreshed', async ({
  page,
}) => {
  const key = `k${Date.now()}${Math.random().toString(36).slice(2)}`;
  const feed = `${FIXTURE_SITE}/feed.xml?feed=${key}`;
  await page.goto('/en');
  await page.getByLabel('Feed address').fill(feed);
  await page.getByRole('button', { name: 'Follow' }).click();
  const list = page.getByTestId('feed');
  await expect(list.getByRole('heading')).toHaveText('Het Stadsblad');
  const items = list.getByRole('listitem');
  await expect(items.getByRole('button')).toHaveText([
    'Fietsers krijgen meer ruimte in de binnenstad',
    'Oud nieuws: de markt gaat weer open',
  ]);
  // The feed's name heads its items once, not under each of them.
  await expect(list.getByRole('heading', { name: 'Het Stadsblad' })).toBeVisible();
  await expect(items.first()).not.toContainText('Het Stadsblad');
  await expect(items.first().locator('time')).toHaveAttribute('datetime', '2026-11-28T08:30:00.000Z');
  await expectNoSeriousAxeViolations(page);
  await list.screenshot({ path: 'test-results/screenshots/feeds-en-desktop.png' });

  // The site publishes something new; within 15 minutes the library does not ask again, after that it does.
  await page.request.post(
    `${FIXTURE_SITE}/add-item?feed=${key}&title=${encodeURIComponent('Nieuw: de brug gaat dicht')}`,
  );
  await page.reload();
  await expect(items).toHaveCount(2);
  await page.clock.setSystemTime(Date.now() + 16 * 60 * 1000);
  await page.reload();
  await expect(items.first().getByRole('button')).toHaveText('Nieuw: de brug gaat dicht');

  await items.first().getByRole('button').click();
  await expect(page).toHaveURL(/\/en\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fietsers krijgen meer ruimte in de binnenstad');
});
