import { expect, test } from '@playwright/test';
import { SEED_SLUG } from './helpers';

// Not assertions about pixels: these pictures are for people to look at (test-results/screenshots).
const shots = [
  ['library', ''],
  ['reader', `/read/${SEED_SLUG}`],
] as const;
const viewports = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

for (const locale of ['nl', 'en'] as const) {
  for (const [name, path] of shots) {
    for (const [device, viewport] of viewports) {
      test(`screenshot ${name} ${locale} ${device}`, async ({ page }) => {
        test.setTimeout(150_000);
        await page.setViewportSize(viewport);
        await page.goto(`/${locale}${path}`);
        await expect(page.locator('main')).toBeVisible();
        if (name === 'reader') {
          await expect(page.locator('[data-state="done"]')).toHaveCount(9, { timeout: 120_000 });
        }
        await page.screenshot({ path: `test-results/screenshots/${name}-${locale}-${device}.png`, fullPage: device === 'desktop' });
      });
    }
  }
}
