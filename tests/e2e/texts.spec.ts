import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './helpers';

const MARKER = 'Zeldzaamwoord';
const PASTED = `${MARKER} staat in de eerste alinea. Hij heeft twee zinnen.\n\nDe tweede alinea is kort.\n\nDe derde alinea sluit af.`;

test.describe.configure({ timeout: 180_000 });

async function openNew(page: Page) {
  await page.goto('/nl/texts/new');
  await expect(page.getByRole('heading', { name: 'Eigen tekst lezen' })).toBeVisible();
}

const file = (name: string, content: string | Buffer, mimeType = 'text/plain') => ({
  name,
  mimeType,
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
});
const dutchTexts = (page: Page) => page.locator('[data-lang-col="nl"] [data-align]').allTextContents();

test('paste Dutch text, read it translated, find it under "Your texts": and the text never leaves the browser', async ({
  page,
  context,
}) => {
  const leaks: string[] = [];
  context.on('request', (r) => {
    if (`${r.url()} ${r.postData() ?? ''}`.includes(MARKER)) leaks.push(r.url());
  });
  await openNew(page);
  await page.getByLabel('Nederlandse tekst').fill(PASTED);
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page).toHaveURL(/\/nl\/texts\/[a-f0-9]{24}(\?|$)/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${MARKER} staat in de eerste alinea. Hij heeft…`);
  expect(await dutchTexts(page)).toEqual([
    `${MARKER} staat in de eerste alinea. Hij heeft twee zinnen.`,
    'De tweede alinea is kort.',
    'De derde alinea sluit af.',
  ]);
  // The same engine and cache: each paragraph gets its English from the worker.
  await expect(page.locator('[data-state="done"]')).toHaveCount(3, { timeout: 120_000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/your-text-reader-nl-phone.png' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A correction on one's own text survives a reload, like anywhere else.
  const en = page.locator('.pair').nth(1).locator('[data-lang-col="en"]');
  await en.getByRole('button', { name: 'Bewerken' }).click();
  await en.getByRole('textbox').fill('The second paragraph is short.');
  await page.keyboard.press('Control+Enter');
  await expect(en.locator('[data-mark="edited"]')).toHaveText('Bewerkt'); // stored: the mark shows once it is
  await page.reload();
  await expect(page.locator('.pair').nth(1).locator('[data-lang-col="en"] [data-align]')).toHaveText(
    'The second paragraph is short.',
    { timeout: 60_000 },
  );

  await expectNoSeriousAxeViolations(page);

  await page.goto('/nl');
  const yours = page.getByRole('region', { name: 'Je eigen teksten' });
  await expect(yours.getByRole('link', { name: new RegExp(MARKER) })).toBeVisible();
  await expect(yours).toContainText("3 alinea's");
  await yours.screenshot({ path: 'test-results/screenshots/your-texts-nl-desktop.png' });
  expect(leaks, 'requests that carried the text').toEqual([]);
  await expectNoSeriousAxeViolations(page);
});

test('open a .txt, a .md and an .html file; the HTML keeps only its readable text', async ({ page }) => {
  await openNew(page);
  await page
    .locator('#text-file')
    .setInputFiles(file('notitie.txt', 'Mijn notitie\n\nEen alinea uit een tekstbestand.\n\nNog een.'));
  await expect(page.getByTestId('chosen-file')).toHaveText('notitie.txt');
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn notitie');
  expect(await dutchTexts(page)).toEqual(['Een alinea uit een tekstbestand.', 'Nog een.']);

  await openNew(page);
  await page
    .locator('#text-file')
    .setInputFiles(
      file(
        'stuk.md',
        '---\ntitle: Een Markdown-stuk\n---\n\n## Tussenkop\n\nTekst met *nadruk* en een [link](https://example.org).\n\n- Een punt.\n',
        'text/markdown',
      ),
    );
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een Markdown-stuk');
  expect(await dutchTexts(page)).toEqual(['Tussenkop', 'Tekst met nadruk en een link.', 'Een punt.']);

  const errors: string[] = [];
  page.on('dialog', (d) => {
    errors.push(d.message());
    void d.dismiss();
  });
  await openNew(page);
  const html = `<!doctype html><html><head><title>Een webpagina</title><style>p { color: red } .verborgen {}</style>
    <script>alert('script in head')</script></head><body><nav><a href="/">Menu-item</a></nav>
    <main><h1>Een webpagina</h1><p>Eerste alinea met <b>vet</b> en &lt;geen tag&gt;.</p>
    <script>document.title = 'gehackt'; alert('script in body')</script><img src=x onerror="alert('img')">
    <ul><li>Een lijstpunt.</li></ul><noscript>Zonder script</noscript></main><footer>Voettekst</footer></body></html>`;
  await page.locator('#text-file').setInputFiles(file('pagina.html', html, 'text/html'));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een webpagina');
  expect(await dutchTexts(page)).toEqual(['Eerste alinea met vet en <geen tag>.', 'Een lijstpunt.']);
  const body = await page.locator('main').textContent();
  for (const never of ['alert', 'color: red', 'Menu-item', 'Voettekst', 'Zonder script'])
    expect(body).not.toContain(never);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('each limit gets a clear message and the text stays in the form', async ({ page }) => {
  await openNew(page);
  const alert = page.locator('form').getByRole('alert');
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/Er is geen tekst om te lezen/);

  // 20,001 paragraphs pasted at once (set as a paste would; typing 180 kB key by key takes minutes here).
  const box = page.getByLabel('Nederlandse tekst');
  const many = 'Alinea.\n\n'.repeat(20_001);
  await box.evaluate((el: HTMLTextAreaElement, value) => (el.value = value), many);
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/meer dan 20\.000 alinea's/);
  expect(await box.inputValue()).toBe(many); // nothing lost
  await box.evaluate((el: HTMLTextAreaElement) => (el.value = ''));

  // The same limit for a file.
  await page.locator('#text-file').setInputFiles(file('lang.txt', 'Zin.\n\n'.repeat(20_001)));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/meer dan 20\.000 alinea's/);

  const input = page.locator('#text-file');
  await input.setInputFiles(
    file('foto.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])),
  );
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/geen tekstbestand/);

  await input.setInputFiles(file('groot.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61)));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/groter dan 5 MB/);

  await input.setInputFiles(file('rapport.pdf', '%PDF-1.4', 'application/pdf'));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/‘rapport\.pdf’ is geen formaat/);

  await input.setInputFiles(file('leeg.md', '\n\n   \n', 'text/markdown'));
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(alert).toHaveText(/Er is geen tekst om te lezen/);
  await expect(page).toHaveURL(/\/texts\/new$/);
  await expectNoSeriousAxeViolations(page);
});

test('rename and delete a text from the library', async ({ page }) => {
  await openNew(page);
  await page.getByLabel('Titel').fill('Tijdelijke tekst');
  await page.getByLabel('Nederlandse tekst').fill('Een alinea om te bewaren.');
  await page.getByRole('button', { name: 'Lezen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tijdelijke tekst');
  const url = page.url();

  await page.goto('/en');
  const yours = page.getByRole('region', { name: 'Your texts' });
  await yours.getByRole('button', { name: 'Rename “Tijdelijke tekst”' }).click();
  await yours.getByRole('textbox', { name: 'New title' }).fill('Mijn eigen stuk');
  await page.keyboard.press('Enter');
  await expect(yours.getByRole('link', { name: 'Mijn eigen stuk' })).toBeVisible();
  await page.reload();
  await expect(yours.getByRole('link', { name: 'Mijn eigen stuk' })).toBeVisible();

  await yours.getByRole('button', { name: 'Delete “Mijn eigen stuk”' }).click();
  await expect(yours.getByRole('alertdialog')).toContainText('Your corrections stay in your translation memory');
  await yours.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(yours.getByRole('link', { name: 'Mijn eigen stuk' })).toHaveCount(0);
  await expect(yours).toContainText('Texts you paste or open appear here.');

  await page.goto(url.replace('/nl/', '/en/'));
  await expect(page.getByRole('heading', { name: 'This text is not in this browser' })).toBeVisible();
});
