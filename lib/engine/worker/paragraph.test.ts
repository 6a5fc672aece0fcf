import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_TOKENS, maxNewTokensFor } from '../shared/limits';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch } from './batch-decoder';
import type { TranslationEngine } from './engine';
import { engineFor, generationRules } from './from-pipeline';
import { MarianSessions } from './marian-sessions';

interface Reference {
  sentences: {
    text: string;
    input_ids: number[];
    output_ids: number[];
    output_text: string;
    beams: Record<string, { nbest: { text: string }[] }>;
  }[];
}
const reference: Reference = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'),
);
const seed = readFileSync(
  path.resolve(import.meta.dirname, '../../../tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'),
  'utf8',
)
  .split(/\n\n/)
  .map((p) => p.trim());

let translator: TranslationPipeline;
let best: TranslationEngine;
let fast: TranslationEngine;
beforeAll(async () => {
  translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
  best = engineFor(translator, 'best', { batchRows: 8 });
  fast = engineFor(translator, 'fast', { batchRows: 8 });
});

describe('the engine on the real transformers.js sessions of the test model', () => {
  it('tokenizes as torch does, and its greedy loop gives the ids transformers.js generate() gives', async () => {
    const sessions = new MarianSessions(translator as never);
    const { rules } = generationRules((translator.model as unknown as { generation_config: object }).generation_config);
    for (const ref of reference.sentences) {
      const inputs = translator.tokenizer(ref.text);
      expect(Array.from(inputs.input_ids.data as BigInt64Array, Number), ref.text).toEqual(ref.input_ids);
      const maxNew = maxNewTokensFor(ref.input_ids.length);
      // transformers.js decodes greedily whatever num_beams says: its ids must be our greedy loop's.
      const ids = (await translator.model.generate({ ...inputs, max_new_tokens: maxNew })) as { tolist(): bigint[][] };
      const [ours] = await decodeBatch(
        sessions,
        [{ ids: ref.input_ids, maxNewTokens: maxNew, minNewTokens: 0, beams: null }],
        rules,
      );
      expect(ids.tolist()[0]?.map(Number), ref.text).toEqual([rules.start, ...ours!.tokens]);
      expect(ids.tolist()[0]?.map(Number), ref.text).toEqual(ref.output_ids);
    }
  });

  it('translates a sentence on its own as the references say: greedy when fast, the best beam when best', async () => {
    for (const ref of reference.sentences.slice(4, 8)) {
      expect((await fast.translate(ref.text)).text, ref.text).toBe(ref.output_text.trim());
      const result = await best.translate(ref.text);
      expect(result.text, ref.text).toBe(ref.beams['beams-4']!.nbest[0]!.text.trim());
      expect(result.sentences).toMatchObject([
        { source: ref.text, start: 0, end: ref.text.length, target: result.text },
      ]);
      expect(result.sentences[0]!.logprobs!.length).toBe(result.sentences[0]!.tokens!.length);
    }
  });

  it('gives each paragraph of the seed its own translation, streamed as it grows, many paragraphs at once', async () => {
    const partials = seed.map(() => [] as string[]);
    const results = await Promise.all(
      seed.map((p, i) => best.translate(p, { onPartial: (text) => partials[i]!.push(text()) })),
    );
    results.forEach((result, i) => {
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.sentences.map((s) => s.source).join(' ')).toBe(seed[i]!.replace(/\s+/g, ' '));
      expect(partials[i]!.length).toBeGreaterThan(2);
      expect(partials[i]!.at(-1)).toBe(result.text);
    });
    expect(new Set(results.map((r) => r.text)).size).toBe(seed.length);
    // The test model reverses its input's pieces: a paragraph's translation ends where its Dutch begins.
    expect(results[3]!.text).toBe('ruisraketten K');
    // Batching never changes a sentence's English: each paragraph alone gives the same.
    for (const [i, p] of seed.entries()) expect((await best.translate(p)).text).toBe(results[i]!.text);
  });

  it('fills a step with up to the row budget: eight sentences greedy, two sentences of four beams', async () => {
    const rowsOf = async (quality: 'best' | 'fast') => {
      const engine = engineFor(translator, quality, { batchRows: 8 });
      await Promise.all(seed.map((p) => engine.translate(p)));
      return (engine as unknown as { sessions: MarianSessions }).sessions.stats.maxRows;
    };
    expect(await rowsOf('fast')).toBe(8);
    expect(await rowsOf('best')).toBe(8); // the test model's generation config asks for 4 beams
  });

  it('truncates nothing on a 2,000-word paragraph: every word reaches the model in pieces of at most 512 tokens', async () => {
    const words = seed.join(' ').split(/\s+/);
    // One 1,500-word sentence without a full stop, then ordinary sentences: 2,000 words in all.
    const runOn = Array.from(
      { length: 1500 },
      (_, i) => words[i % words.length]?.replace(/[.!?]+$/, '') ?? 'woord',
    ).join(' ');
    const tail = Array.from({ length: 500 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const paragraph = `${runOn}. ${tail}`;
    expect(paragraph.split(/\s+/).length).toBe(2000);
    const encoded: number[] = [];
    const tokenizer = translator.tokenizer;
    const spy = tokenizer.encode.bind(tokenizer);
    tokenizer.encode = ((text: string, options?: object) => {
      const ids = spy(text, options as never);
      if (!options) encoded.push(ids.length);
      return ids;
    }) as typeof tokenizer.encode;
    try {
      const result = await fast.translate(paragraph);
      expect(result.sentences.map((s) => s.source).join(' ')).toBe(paragraph);
      expect(result.sentences.every((s) => s.target.length > 0)).toBe(true);
      expect(encoded.length).toBeGreaterThan(4); // the run-on sentence really was split
      for (const n of encoded) expect(n).toBeLessThanOrEqual(MAX_INPUT_TOKENS);
      expect(result.inputTokens).toBe(encoded.reduce((a, b) => a + b, 0));
    } finally {
      tokenizer.encode = spy;
    }
  });
});
