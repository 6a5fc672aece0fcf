import { expect, test, type Page } from '@playwright/test';
import { expectNoPageErrors, installStorageFaults, setStorageFault, watchPageErrors } from './faults';
import { SEED_SLUG, seedParagraphs } from './helpers';

test.describe.configure({ timeout: 180_000 });

const file = (name: string, content: string, mimeType = 'text/plain') => ({
  name,
  mimeType,
  buffer: Buffer.from(content, 'utf8'),
});
const dutchTexts = (page: Page) => page.locator('[data-lang-col="nl"] [data-align]').allTextContents();

async function newText(page: Page, { title = '', text = '' }: { title?: string; text?: string }) {
  await page.goto('/nl/texts/new');
  if (title) await page.getByLabel('Titel').fill(title);
  if (text) await page.getByLabel('Nederlandse tekst').fill(text);
  await page.getByRole('button', { name: 'Lezen' }).click();
}

test('a typed title never takes the first line of the text, and a word list keeps every word as a paragraph', async ({
  page,
}) => {
  await newText(page, { title: 'Mijn titel', text: 'Inleiding\nDe kat zit op de mat.\nTot slot\nDe hond blaft.' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn titel');
  await expect
    .poll(() => dutchTexts(page))
    .toEqual(['Inleiding', 'De kat zit op de mat.', 'Tot slot', 'De hond blaft.']);
  await expect(page.getByRole('main').locator('header')).toContainText("2 alinea's");

  await newText(page, { text: 'appel\npeer\nbanaan' });
  await expect(page).toHaveURL(/\/texts\/[a-f0-9]{24}/);
  await expect.poll(() => dutchTexts(page)).toEqual(['appel', 'peer', 'banaan']);
  await expect(page.getByRole('main').locator('header')).toContainText("3 alinea's");
});

test('an HTML file keeps all its readable text in order, with blocks as paragraphs; long titles and words fit a phone', async ({
  page,
}) => {
  const long = 'Zeer'.repeat(1250); // 5,000 characters, no space
  const html = `<!doctype html><html><head><title>${long}</title></head><body><main>
    <p>Een verhaal.</p><div>Tekst in een div naast de alinea's.</div>
    <p>gedichtregel een<br>gedichtregel twee</p>
    <div>Einde van het verhaal.<div>Dit is de tweede alinea.</div></div>
    <ul><li>Het punt zelf<p>en zijn alinea</p></li></ul><p>${'lang'.repeat(80)}</p>
    <script>document.title = 'x'</script><nav>Menu</nav></main></body></html>`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/nl/texts/new');
  await page.locator('#text-file').setInputFiles(file('verhaal.html', html, 'text/html'));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect
    .poll(() => dutchTexts(page))
    .toEqual([
      'Een verhaal.',
      "Tekst in een div naast de alinea's.",
      'gedichtregel een',
      'gedichtregel twee',
      'Einde van het verhaal.',
      'Dit is de tweede alinea.',
      'Het punt zelf',
      'en zijn alinea',
      'lang'.repeat(80),
    ]);
  expect(Array.from((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')).toHaveLength(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/screenshots/long-title-nl-phone.png' });
  await page.goto('/nl');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a typed title over 200 characters gets a message, and the form keeps everything', async ({ page }) => {
  await newText(page, { title: 'T'.repeat(201), text: 'Een alinea.' });
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'Een titel mag hoogstens 200 tekens lang zijn; deze heeft er 201. Maak hem korter.',
  );
  await expect(page.getByLabel('Nederlandse tekst')).toHaveValue('Een alinea.');
  await expect(page).toHaveURL(/\/texts\/new$/);
});

test('renaming and deleting: a blank name, Esc, and storage that refuses are all answered, and nothing is lost', async ({
  page,
  context,
}) => {
  const errors = await watchPageErrors(page);
  await installStorageFaults(context);
  await newText(page, { title: 'Mijn stuk', text: 'Een alinea om te houden.' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn stuk');
  await page.goto('/en');
  const yours = page.getByRole('region', { name: 'Your texts' });
  const rename = yours.getByRole('button', { name: 'Rename “Mijn stuk”' });

  await rename.click();
  await page.keyboard.press('Escape');
  await expect(rename).toBeFocused();

  await rename.click();
  await yours.getByRole('textbox', { name: 'New title' }).fill('   ');
  await page.keyboard.press('Enter');
  await expect(yours.getByRole('alert')).toHaveText(
    'A name cannot be empty. Type a new name, or cancel to keep “Mijn stuk”.',
  );
  await yours.getByRole('textbox', { name: 'New title' }).fill('Nieuwe naam');
  await setStorageFault(page, 'quota');
  await page.keyboard.press('Enter');
  await expect(yours.getByRole('alert')).toHaveText(
    "The new name was not saved: this browser's storage for the site is full. Try again.",
  );
  await expect(yours.getByRole('textbox', { name: 'New title' })).toHaveValue('Nieuwe naam');
  await setStorageFault(page, null);
  await page.keyboard.press('Enter');
  await expect(yours.getByRole('link', { name: 'Nieuwe naam' })).toBeVisible();

  const remove = yours.getByRole('button', { name: 'Delete “Nieuwe naam”' });
  await remove.click();
  await expect(yours.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(yours.getByRole('alertdialog')).toHaveCount(0);
  await expect(remove).toBeFocused();
  await remove.click();
  await setStorageFault(page, 'abort');
  await yours.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(yours.getByRole('alert')).toContainText('The text was not deleted');
  await expect(yours.getByRole('link', { name: 'Nieuwe naam' })).toBeVisible();
  await setStorageFault(page, null);
  await yours.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(yours.getByRole('link', { name: 'Nieuwe naam' })).toHaveCount(0);
  expectNoPageErrors(errors);
});

test('Stored data: sizes in the right unit, repeats counted as such, a refused import said, and an open article follows an import', async ({
  page,
  context,
}) => {
  const errors = await watchPageErrors(page);
  await installStorageFaults(context);
  const article = await context.newPage();
  await article.goto(`/nl/read/${SEED_SLUG}`);
  await expect(article.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });

  await page.goto('/nl/data');
  await expect(page.getByTestId('count-machine')).toHaveText(String(seedParagraphs.length));
  await expect(page.getByTestId('stored-size')).toHaveText(/^ongeveer [\d.,]+ (kB|bytes)$/);

  const tu = (en: string) =>
    `<tu><tuv xml:lang="nl"><seg>Kruisraketten</seg></tuv><tuv xml:lang="en"><seg>${en}</seg></tuv></tu>`;
  const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="nl" segtype="paragraph" datatype="plaintext" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>${tu('Cruise missiles')}${tu('Cruise missiles (again)')}</body></tmx>`;
  const input = page.getByLabel('Correcties importeren (JSON of TMX)');
  await setStorageFault(page, 'quota');
  await input.setInputFiles(file('twee.tmx', tmx, 'text/xml'));
  await expect(page.getByTestId('import-message')).toHaveText(
    'Er is niets geïmporteerd: de opslag van deze browser voor de site is vol. Je correcties zijn zoals ze waren; probeer het opnieuw.',
  );
  await expect(page.getByTestId('count-corrections')).toHaveText('0');

  await setStorageFault(page, null);
  await input.setInputFiles(file('twee.tmx', tmx, 'text/xml'));
  await expect(page.getByTestId('import-message')).toHaveText(
    '1 correctie geïmporteerd; geen bestond al; 1 eenheid herhaalde het Nederlands van een eerdere en staat in diens geschiedenis.',
  );
  // The article open in the other tab shows it without a reload.
  await expect(article.locator('[data-kind="heading"] [data-state="done"] > [lang="en"]')).toHaveText(
    'Cruise missiles',
  );
  expectNoPageErrors(errors);
});

test('undo is offered only while there is something to undo; the learner view blurs the machine text beside a correction', async ({
  page,
}) => {
  await page.goto(`/en/read/${SEED_SLUG}`);
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });
  const cell = page.locator('[data-kind="heading"] > [data-lang-col="en"]');
  for (const text of ['One', 'Two']) {
    await cell.getByRole('button', { name: 'Edit' }).click();
    await cell.getByRole('textbox').fill(text);
    await cell.getByRole('button', { name: 'Save' }).click();
    await expect(cell.locator('[data-state="done"] > [lang="en"]')).toHaveText(text);
  }
  await cell.getByRole('button', { name: 'Undo' }).click();
  await expect(cell.locator('[data-state="done"] > [lang="en"]')).toHaveText('One');
  await cell.getByRole('button', { name: 'Undo' }).click();
  await expect(cell.locator('[data-state="done"] > [lang="en"]')).toHaveText('ruisraketten K');
  await expect(cell.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  await cell.getByRole('button', { name: 'Edit' }).click();
  await cell.getByRole('textbox').fill('Cruise missiles');
  await cell.getByRole('button', { name: 'Save' }).click();
  await cell.getByRole('button', { name: 'Compare with machine' }).click();
  await page.getByLabel('Hide English until I point at it').check();
  await page.mouse.move(0, 0);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const machine = cell.getByTestId('machine-diff').locator('[lang="en"]');
  await expect.poll(() => machine.evaluate((el) => getComputedStyle(el).filter)).toContain('blur');
  await cell.hover();
  await expect.poll(() => machine.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
});
