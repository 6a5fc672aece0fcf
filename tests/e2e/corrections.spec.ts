import { expect, test } from '@playwright/test';
import { allDone, english, READER, text } from './corrections-page';

test.describe.configure({ timeout: 180_000 });

test('edit with the mouse, save, reload: the correction is there, marked, and shown as text', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'heading');
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  const box = cell.getByRole('textbox', { name: 'Engelse vertaling van deze alinea' });
  await expect(box).toHaveValue('ruisraketten K');
  await box.fill('Cruise missiles <img src=x onerror=alert(1)>');
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles <img src=x onerror=alert(1)>');
  await expect(cell.locator('[data-mark="edited"]')).toHaveText('Bewerkt');

  await page.reload();
  await expect(text(page, 'heading')).toHaveText('Cruise missiles <img src=x onerror=alert(1)>', { timeout: 60_000 });
  await expect(english(page, 'heading').locator('[data-mark="edited"]')).toBeVisible();
  // Text, never HTML: no image element was created from the correction.
  await expect(english(page, 'heading').locator('img')).toHaveCount(0);
});

test('keyboard only: Enter opens the editor, Ctrl+Enter saves, Esc cancels, focus comes back', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'aside-label');
  const edit = cell.getByRole('button', { name: 'Bewerken' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const box = cell.getByRole('textbox');
  await expect(box).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Read also:');
  await page.keyboard.press('Control+Enter');
  await expect(text(page, 'aside-label')).toHaveText('Read also:');
  await expect(cell.getByRole('button', { name: 'Bewerken' })).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type(' nothing');
  // Esc drops a suggestion first, then asks before letting typed text go: Tab to "Discard it", Enter.
  const question = cell.getByRole('alertdialog');
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(question).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(text(page, 'aside-label')).toHaveText('Read also:');
  await expect(cell.getByRole('button', { name: 'Bewerken' })).toBeFocused();
});

test('compare with the machine text, revert, undo, and confirm', async ({ page }) => {
  await page.goto(READER);
  await allDone(page);
  const cell = english(page, 'aside-title');
  const machine = await text(page, 'aside-title').textContent();
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill('Rutte in Kyiv: the West cannot stand by');
  await cell.getByRole('button', { name: 'Bewaren' }).click();

  await cell.getByRole('button', { name: 'Vergelijk met machine' }).click();
  const diff = cell.getByTestId('machine-diff');
  await expect(diff.locator('ins')).toContainText(['Rutte in Kyiv: the West cannot stand by']);
  await expect(diff.locator('del').first()).toBeVisible();

  await cell.getByRole('button', { name: 'Terug naar machine' }).click();
  await expect(text(page, 'aside-title')).toHaveText(machine!);
  await expect(cell.locator('[data-mark]')).toHaveCount(0);

  await cell.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(text(page, 'aside-title')).toHaveText('Rutte in Kyiv: the West cannot stand by');

  await cell.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(cell.locator('[data-mark="confirmed"]')).toContainText('Bevestigd');
  await page.reload();
  await expect(english(page, 'aside-title').locator('[data-mark="confirmed"]')).toBeVisible({ timeout: 60_000 });
  await expect(text(page, 'aside-title')).toHaveText('Rutte in Kyiv: the West cannot stand by');
});
