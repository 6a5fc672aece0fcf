/** The reader's corrections as the browser tests drive them. */
import { expect, type Page } from '@playwright/test';
import { SEED_SLUG, seedParagraphs } from './helpers';

export const READER = `/nl/read/${SEED_SLUG}`;
export const english = (page: Page, kind: string, n = 0) =>
  page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).nth(n);
export const text = (page: Page, kind: string, n = 0) =>
  english(page, kind, n).locator('[data-state="done"] > [lang="en"]');
export const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
export const shownEnglish = (page: Page) =>
  page.locator('[data-lang-col="en"] [data-state="done"] > [lang="en"]').allTextContents();

/** Saves a correction with markup in it (to be shown as text) and returns the whole article's English. */
export async function correctWithMarkup(page: Page, n: number, words: string) {
  const cell = english(page, 'paragraph', n);
  await cell.getByRole('button', { name: 'Bewerken' }).click();
  await cell.getByRole('textbox').fill(`<img src=x onerror="window.hacked=1"> ${words}`);
  await cell.getByRole('button', { name: 'Bewaren' }).click();
  await expect(cell.locator('[data-mark="edited"]')).toBeVisible();
  return { cell, shown: await shownEnglish(page) };
}
