import { expect, test, type Page } from '@playwright/test';
import { SEED_SLUG, seedParagraphs } from './helpers';

test.describe.configure({ timeout: 180_000 });

const READER = `/nl/read/${SEED_SLUG}`;
const english = (page: Page, kind: string) => page.locator(`[data-kind="${kind}"] > [data-lang-col="en"]`).first();
const allDone = (page: Page) =>
  expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 120_000 });

async function importFile(page: Page, name: string, content: Buffer | string) {
  await page.goto('/nl/data');
  await page.getByLabel('Correcties importeren (JSON of TMX)').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
  return page.getByTestId('import-message');
}

test('a TMX as CAT tools write it imports: header srclang "en", nl-NL/en-GB units, inline codes, a unit without English', async ({
  page,
}) => {
  // What po2tmx writes (header srclang="en" whatever the units say), plus what OmegaT's level-2 TMX adds.
  const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Translate Toolkit" creationtoolversion="3.8.4" segtype="sentence" o-tmf="UTF-8" adminlang="en" srclang="en" datatype="PlainText"/><body>
<tu><tuv xml:lang="nl-NL"><seg><bpt i="1">&lt;b&gt;</bpt>Kruisraketten<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="en-GB"><seg>Cruise <hi>missiles</hi></seg></tuv></tu>
<tu><tuv xml:lang="NL"><seg>Lees ook:</seg></tuv></tu>
</body></tmx>`;
  // Saved as UTF-16, as Windows tools often do.
  const message = await importFile(
    page,
    'memory.tmx',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tmx, 'utf16le')]),
  );
  await expect(message).toHaveText('1 correctie geïmporteerd; geen bestond al; 1 eenheid overgeslagen: geen Engels.');
  await page.goto(READER);
  await allDone(page);
  await expect(english(page, 'heading').locator('[data-state="done"] > [lang="en"]')).toHaveText('Cruise missiles');
});

test('sentence units are translation memory by sentence: the sentence shows from memory, marked, the rest from the model', async ({
  page,
}) => {
  const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="nl" segtype="sentence" datatype="plaintext" adminlang="en" creationtool="OmegaT" creationtoolversion="3.6" o-tmf="OmegaT TMX"/><body>
<tu><tuv xml:lang="nl"><seg>Concrete afspraken werden niet gemaakt in Kiev.</seg></tuv><tuv xml:lang="en"><seg>No concrete agreements were made in Kyiv.</seg></tuv></tu></body></tmx>`;
  await expect(await importFile(page, 'zinnen.tmx', tmx)).toContainText('1 correctie geïmporteerd');
  await page.goto('/en/read/' + SEED_SLUG);
  await allDone(page);
  const cell = english(page, 'aside-paragraph');
  const text = cell.locator('[data-state="done"] > [lang="en"]');
  const remembered = text.locator('[data-memory]');
  await expect(remembered).toHaveText('No concrete agreements were made in Kyiv.');
  await expect(remembered).toHaveAttribute('title', 'From your translation memory');
  await expect(text.locator('.sentence')).toHaveCount(3);
  await expect(text.locator('.sentence:not([data-memory])')).toHaveCount(2);
  await cell.screenshot({ path: 'test-results/screenshots/sentence-memory-en-desktop.png' });
});

test('a UTF-16 text file (Notepad’s “Unicode”) opens as text', async ({ page }) => {
  await page.goto('/nl/texts/new');
  const text = 'Een notitie uit Kladblok\n\nMet één alinea, in UTF-16 bewaard.';
  await page.locator('#text-file').setInputFiles({
    name: 'kladblok.txt',
    mimeType: 'text/plain',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  });
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een notitie uit Kladblok');
  await expect(page.locator('[data-lang-col="nl"] [data-align]')).toHaveText(['Met één alinea, in UTF-16 bewaard.']);
});
