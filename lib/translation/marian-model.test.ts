import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TranslationPipeline } from '@huggingface/transformers';
import { chunkSentence } from './chunk';
import { MAX_INPUT_TOKENS, maxNewTokensFor } from './limits';
import { marianModel } from './marian-model';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from './test-model';
import { translateParagraph, type SentenceModel } from './translate-paragraph';

interface Reference {
  sentences: { text: string; input_ids: number[]; output_ids: number[]; output_text: string }[];
}
const reference: Reference = JSON.parse(readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'));
const seed = readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'), 'utf8')
  .split(/\n\n/)
  .map((p) => p.trim());

let translator: TranslationPipeline;
beforeAll(async () => {
  translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
});

describe('the real transformers.js pipeline on the test model', () => {
  it('tokenizes and translates every reference sentence exactly as torch does', async () => {
    expect(reference.sentences.length).toBeGreaterThanOrEqual(10);
    for (const ref of reference.sentences) {
      const inputs = translator.tokenizer(ref.text);
      expect(Array.from(inputs.input_ids.data as BigInt64Array, Number), ref.text).toEqual(ref.input_ids);
      const maxNew = maxNewTokensFor(ref.input_ids.length);
      const ids = (await translator.model.generate({ ...inputs, max_new_tokens: maxNew })) as { tolist(): bigint[][] };
      expect(ids.tolist()[0]?.map(Number), ref.text).toEqual(ref.output_ids);
      const [out] = (await translator(ref.text, { max_new_tokens: maxNew } as never)) as { translation_text: string }[];
      expect(out?.translation_text, ref.text).toBe(ref.output_text);
    }
  });

  it('gives each paragraph of the seed its own translation, streamed as it grows', async () => {
    const model = marianModel(translator, { streamIntervalMs: 0 }); // every token, not every 150 ms
    const outputs: string[] = [];
    for (const paragraph of seed) {
      const partials: string[] = [];
      const result = await translateParagraph(model, paragraph, { onPartial: (t) => partials.push(t) });
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.sentences.map((s) => s.source).join(' ')).toBe(paragraph.replace(/\s+/g, ' '));
      // Streaming: partials grow token by token and end at the final text.
      expect(partials.length).toBeGreaterThan(2);
      expect(partials.at(-1)).toBe(result.text);
      outputs.push(result.text);
    }
    expect(new Set(outputs).size).toBe(seed.length);
    // The test model reverses its input's pieces: a paragraph's translation ends where its Dutch begins.
    expect(outputs[3]).toBe('ruisraketten K');
  });

  it('translates a sentence on its own exactly as the bare pipeline does', async () => {
    const model = marianModel(translator);
    const sentence = 'Die reacties lekten woensdag uit via de Spaanse krant El Pais.';
    const result = await translateParagraph(model, sentence);
    const ref = reference.sentences.find((r) => r.text === sentence);
    expect(result.text).toBe(ref?.output_text);
    expect(result.sentences).toEqual([{ source: sentence, start: 0, end: sentence.length, target: ref?.output_text }]);
  });

  it('truncates nothing on a 2,000-word paragraph: every word reaches the model in pieces of at most 512 tokens', async () => {
    const words = seed.join(' ').split(/\s+/);
    // One 1,500-word sentence without a full stop, then ordinary sentences: 2,000 words in all.
    const runOn = Array.from({ length: 1500 }, (_, i) => words[i % words.length]?.replace(/[.!?]+$/, '') ?? 'woord').join(' ');
    const tail = Array.from({ length: 500 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const paragraph = `${runOn}. ${tail}`;
    expect(paragraph.split(/\s+/).length).toBe(2000);

    const real = marianModel(translator);
    const seen: string[] = [];
    const spy: SentenceModel = {
      tokensOfWord: (w) => real.tokensOfWord(w),
      translate: (text, o) => {
        seen.push(text);
        return real.translate(text, o);
      },
    };
    const result = await translateParagraph(spy, paragraph);

    expect(seen.join(' ').split(' ')).toEqual(paragraph.split(/\s+/));
    for (const input of seen) {
      expect(translator.tokenizer(input).input_ids.dims.at(-1)).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
    }
    expect(seen.length).toBeGreaterThan(4); // the run-on sentence really was split
    expect(result.sentences.map((s) => s.source).join(' ')).toBe(paragraph);
    expect(result.sentences.every((s) => s.target.length > 0)).toBe(true);
  });
});

describe('chunkSentence', () => {
  const perChar = (w: string) => w.length; // a stand-in tokenizer: one token per character
  it('keeps a sentence that fits whole', () => {
    expect(chunkSentence('kort en goed', perChar, 20)).toEqual(['kort en goed']);
  });
  it('cuts at clause punctuation once a piece is half full, and loses no word', () => {
    const s = 'eerst dit, dan dat; en verder nog veel meer woorden hier';
    const chunks = chunkSentence(s, perChar, 24);
    expect(chunks.join(' ')).toBe(s);
    expect(chunks[0]).toBe('eerst dit, dan dat;');
    for (const c of chunks) expect(c.split(' ').reduce((n, w) => n + w.length, 0)).toBeLessThanOrEqual(23);
  });
  it('splits a single over-long word', () => {
    const chunks = chunkSentence('x'.repeat(50), perChar, 20);
    expect(chunks.join('')).toBe('x'.repeat(50));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(19);
  });
});
