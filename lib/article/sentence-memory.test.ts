import { describe, expect, it } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { MemoryStore } from '@/lib/store/memory-store';
import { ArticleTranslator } from './article-translator';
import { DEFAULT_CONFIG, translationCacheKey } from '../engine/shared/config';
import { shownText } from './segment-state';
import { sentencesOf } from './sentence-memory';

const key = translationCacheKey(DEFAULT_CONFIG);
const hash = (text: string) => sourceHash(text);
const paragraph = 'De kat zit op de mat. De hond blaft. Het regent.';
const unit = (source: string, text: string) => ({
  sourceHash: hash(source),
  source,
  text,
  status: 'edited' as const,
  machineText: '',
  origin: { article: 'import', segment: '' },
  createdAt: 1,
  updatedAt: 1,
  history: [],
});

async function open(store: MemoryStore) {
  const t = new ArticleTranslator([{ id: 's-1', text: paragraph }], {
    fetchConfig: async () => DEFAULT_CONFIG,
    openStore: async () => store,
    article: 'artikel',
    createClient: () => {
      throw new Error('the engine was started');
    },
  });
  t.start();
  await new Promise<void>((resolve) => {
    const check = () => ['done', 'failed'].includes(t.getProgress().phase) && resolve();
    t.subscribeProgress(check);
    check();
  });
  return t;
}

describe('translation memory by sentence', () => {
  const sentences = sentencesOf(paragraph);

  it('shows the sentences the memory has and the machine’s English for the rest, marked per sentence', async () => {
    const store = new MemoryStore();
    await store.putMachine({
      cacheKey: key,
      sourceHash: hash(paragraph),
      source: paragraph,
      text: 'MT one. MT two. MT three.',
      sentences: sentences.map((s, i) => ({
        source: s.text,
        start: s.start,
        end: s.end,
        target: `MT ${['one', 'two', 'three'][i]}.`,
      })),
    });
    await store.importCorrections([unit('De hond blaft.', 'The dog barks.')]);
    const t = await open(store);
    const state = t.getSegment('s-1');
    expect(shownText(state)).toBe('MT one. The dog barks. MT three.');
    expect(state.memory?.map((m) => m.target)).toEqual([null, 'The dog barks.', null]);
    expect(state.fromMemory).toBe(false);
    t.dispose();
  });

  it('needs no model when every sentence is in memory: the paragraph is a memory match', async () => {
    const store = new MemoryStore();
    await store.importCorrections([
      unit('De kat zit op de mat.', 'The cat sits on the mat.'),
      unit('De hond blaft.', 'The dog barks.'),
      unit('Het regent.', 'It rains.'),
    ]);
    const t = await open(store);
    expect(t.getProgress().phase).toBe('done');
    expect(shownText(t.getSegment('s-1'))).toBe('The cat sits on the mat. The dog barks. It rains.');
    expect(t.getSegment('s-1').fromMemory).toBe(true);
    t.dispose();
  });
});
