/**
 * A reader who translated an article with the old greedy decoding comes back after the move to beam search:
 * the stored greedy English is made again with beams (the real engine, on the test model), and a correction
 * is kept exactly as it was.
 */
import type { TranslationPipeline } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { MemoryStore } from '@/lib/store/memory-store';
import { ArticleTranslator } from '@/lib/article/article-translator';
import type { TranslationClient } from '../client/client';
import { DEFAULT_CONFIG, translationCacheKey } from '../shared/config';
import { loadTestPipeline } from '@/tests/tools/test-model';
import { engineFor } from './from-pipeline';

const segments = [
  { id: 's-1', text: 'Concrete afspraken werden niet gemaakt in Kiev.' },
  { id: 's-2', text: 'Volgens dhr. Jansen is het plan bijv. te duur.' },
];
const hash = (text: string) => sourceHash(text);
/** The key stored translations had before this change: greedy decoding, no quality in the key. */
const greedyKey = [
  DEFAULT_CONFIG.modelId,
  DEFAULT_CONFIG.revision,
  DEFAULT_CONFIG.hubUrl,
  DEFAULT_CONFIG.dtype,
  DEFAULT_CONFIG.device,
  'decoding-v1',
].join('|');

describe('translations stored by the old greedy decoding', () => {
  it('are made again with beam search; corrections are untouched', async () => {
    const translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
    const best = engineFor(translator, 'best', { batchRows: 4 });
    const fast = engineFor(translator, 'fast', { batchRows: 4 });
    const store = new MemoryStore();
    const greedy: string[] = [];
    for (const s of segments) {
      greedy.push((await fast.translate(s.text)).text);
      await store.putMachine({
        cacheKey: greedyKey,
        sourceHash: hash(s.text),
        source: s.text,
        text: greedy.at(-1)!,
        sentences: [],
      });
    }
    const correction = {
      sourceHash: hash(segments[0]!.text),
      source: segments[0]!.text,
      text: 'No firm agreements were made in Kyiv.',
      status: 'edited' as const,
      machineText: 'old',
      origin: { article: 'a', segment: 's-1' },
    };
    await store.saveCorrection(correction);

    const asked: string[] = [];
    const client = {
      load: async () => ({ device: 'wasm' as const, threads: 1, crossOriginIsolated: false, projection: null }),
      translate: async (text: string) => (asked.push(text), best.translate(text)),
      dispose: () => undefined,
      workersStarted: 1,
    } as unknown as TranslationClient;
    const t = new ArticleTranslator(segments, {
      fetchConfig: async () => DEFAULT_CONFIG,
      openStore: async () => store,
      createClient: () => client,
    });
    t.start();
    await new Promise<void>((resolve) => {
      const check = () => t.getProgress().phase === 'done' && resolve();
      t.subscribeProgress(check);
      check();
    });

    // Only the uncorrected paragraph goes to the engine, and it is stored under the new key, with beams' English.
    expect(asked).toEqual([segments[1]!.text]);
    const [beams] = await store
      .getMachine(translationCacheKey(DEFAULT_CONFIG), [hash(segments[1]!.text)])
      .then((m) => [...m.values()]);
    expect(beams?.text).toBe((await best.translate(segments[1]!.text)).text);
    expect(beams?.text).not.toBe(greedy[1]); // on this sentence the test model's beams and greedy differ
    expect(t.shownArticle().map((s) => s.english)).toEqual([correction.text, beams?.text]);
    const [kept] = await store.getCorrections([correction.sourceHash]).then((m) => [...m.values()]);
    expect(kept).toMatchObject({ text: correction.text, status: 'edited', history: [] });
    t.dispose();
  });
});
