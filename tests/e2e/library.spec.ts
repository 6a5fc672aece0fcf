import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, SEED_SLUG, SEED_TITLE } from './helpers';

test('the Dutch library lists the seed article with its date, source and paragraph count', async ({ page }) => {
  await page.goto('/nl');
  await expect(page.getByRole('heading', { level: 1, name: 'Artikelen' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: SEED_TITLE });
  await expect(item.getByRole('link', { name: SEED_TITLE })).toHaveAttribute('href', `/nl/read/${SEED_SLUG}`);
  await expect(item).toContainText('2 februari 2022');
  await expect(item).toContainText('Nederlands nieuwsbericht');
  await expect(item).toContainText("5 alinea's");
});

test('the English library formats the same entry in English and opens the reader', async ({ page }) => {
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: SEED_TITLE });
  await expect(item).toContainText('February 2, 2022');
  await expect(item).toContainText('5 paragraphs');
  await item.getByRole('link', { name: SEED_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/en/read/${SEED_SLUG}`));
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
});

test('/ redirects by the browser language, Dutch otherwise', async ({ request }) => {
  for (const [accept, target] of [
    ['en-GB,en;q=0.9', '/en'],
    ['nl-BE,nl;q=0.9', '/nl'],
    ['de-DE,de;q=0.9', '/nl'],
  ] as const) {
    const res = await request.get('/', { headers: { 'accept-language': accept }, maxRedirects: 0 });
    expect(res.status(), accept).toBeGreaterThanOrEqual(300);
    expect(res.status(), accept).toBeLessThan(400);
    expect(new URL(res.headers().location ?? '', 'http://x').pathname, accept).toBe(target);
  }
});

for (const locale of ['nl', 'en'] as const) {
  test(`the ${locale} library has no serious accessibility violations`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(page.getByRole('link', { name: SEED_TITLE })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}
