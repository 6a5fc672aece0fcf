import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_SLUG = 'amerikaanse-troepen-oostflank';
export const SEED_TITLE = 'Amerikaanse troepen versterken de oostflank van Europa';
export const LONG_SLUG = 'heel-lang-artikel';

/** The seed article's paragraphs exactly as delivered (the reader must show them word for word). */
export const seedParagraphs: string[] = readFileSync(
  path.join(process.cwd(), 'tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'),
  'utf8',
)
  .split(/\n\n/)
  .map((p) => p.trim());

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
}

/** Where on screen a word of an element's text is (inside it, a letter or two in), for a reader's double-click. */
export function pointAtWord(element: Locator, word: string) {
  return element.evaluate((el, w) => {
    const node = [...el.childNodes].find((n) => n.textContent?.includes(w))!;
    const range = document.createRange();
    const at = node.textContent!.indexOf(w);
    range.setStart(node, at + 2);
    range.setEnd(node, at + 3);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, word);
}
