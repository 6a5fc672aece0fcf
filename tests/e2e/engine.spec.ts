import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SEED_SLUG, seedParagraphs } from './helpers';

interface Hyp {
  tokens: number[];
  logprobs: number[];
}
const reference: { sentences: { text: string; beams: Record<string, { nbest: Hyp[] }> }[] } = JSON.parse(
  readFileSync('tests/model/tiny-marian-nl-en/reference.json', 'utf8'),
);

test('in the browser, beam search gives the torch reference’s tokens and log-probabilities, batched as the app batches', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/nl/read/${SEED_SLUG}`);
  await expect(page.locator('[data-state="done"]')).toHaveCount(seedParagraphs.length, { timeout: 150_000 });
  // What the worker returned, as stored: every sentence's output tokens and their log-probabilities.
  const sentences = await page.evaluate(
    () =>
      new Promise<{ source: string; tokens: number[]; logprobs: number[] }[]>((resolve, reject) => {
        const open = indexedDB.open('tweetalig');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('machine-translations').objectStore('machine-translations').getAll();
          all.onsuccess = () =>
            resolve(
              all.result.flatMap(
                (r: { sentences: { source: string; tokens: number[]; logprobs: number[] }[] }) => r.sentences,
              ),
            );
        };
      }),
  );
  let compared = 0;
  for (const ref of reference.sentences) {
    const mine = sentences.find((s) => s.source === ref.text);
    if (!mine) continue; // a reference sentence that is not in the seed article
    const best = ref.beams['beams-4']!.nbest[0]!; // the test model's generation config asks for 4 beams
    expect(mine.tokens, ref.text).toEqual(best.tokens);
    mine.logprobs.forEach((lp, i) => expect(lp, `${ref.text}, token ${i}`).toBeCloseTo(best.logprobs[i]!, 4));
    compared++;
  }
  expect(compared).toBeGreaterThanOrEqual(5);
});
