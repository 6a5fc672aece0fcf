import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import { MemoryStore } from '@/lib/store/memory-store';
import { COPY_PREFIX, type Copy } from '@/lib/quick-open/copy';
import { restamp, storeStamp } from '@/lib/store/change-feed';
import { useMapStorage } from '@/lib/store/test-storage';
import type { MachineRecord } from '@/lib/store/types';
import { ArticleTranslator, type StoredRecords } from './article-translator';
import { DEFAULT_CONFIG, translationCacheKey } from '../engine/shared/config';

const segments = [
  { id: 's-1', text: 'Eerste alinea.' },
  { id: 's-2', text: 'Tweede alinea.' },
];
const hash = (text: string) => sourceHash(text);
const record = (cacheKey: string, text: string, english: string): MachineRecord => ({
  cacheKey,
  sourceHash: hash(text),
  source: text,
  text: english,
  sentences: [{ source: text, start: 0, end: text.length, target: english }],
  createdAt: 1,
  lastUsed: 1,
});
const key = translationCacheKey(DEFAULT_CONFIG);

/** Resolves once the translator has nothing left to do (or fails). */
function settled(t: ArticleTranslator) {
  return new Promise<void>((resolve) => {
    const check = () => ['done', 'failed'].includes(t.getProgress().phase) && resolve();
    t.subscribeProgress(check);
    check();
  });
}

function translator(store: MemoryStore, prefetched?: Promise<StoredRecords | null>) {
  return new ArticleTranslator(segments, {
    fetchConfig: async () => DEFAULT_CONFIG,
    openStore: async () => store,
    // Reopening a fully stored article must never start the engine.
    createClient: () => {
      throw new Error('the engine was started');
    },
    prefetched,
  });
}

describe('reopening an article', () => {
  it('shows every stored translation without starting the engine', async () => {
    const store = new MemoryStore();
    for (const s of segments) await store.putMachine(record(key, s.text, `EN ${s.text}`));
    const t = translator(store);
    t.start();
    await settled(t);
    expect(t.getProgress()).toMatchObject({ phase: 'done', done: 2, error: null });
    expect(t.shownArticle().map((s) => s.english)).toEqual(['EN Eerste alinea.', 'EN Tweede alinea.']);
    t.dispose();
  });

  it('uses what was read ahead during hydration, when it was read under the same settings', async () => {
    const machine = new Map(segments.map((s) => [hash(s.text), record(key, s.text, `early ${s.text}`)]));
    const t = translator(
      new MemoryStore(),
      Promise.resolve({ cacheKey: key, stamp: '', machine, corrections: new Map() }),
    );
    t.start();
    await settled(t);
    expect(t.shownArticle().map((s) => s.english)).toEqual(['early Eerste alinea.', 'early Tweede alinea.']);
    t.dispose();
  });

  it('ignores a read-ahead made under other settings (or one that failed) and reads the store itself', async () => {
    const store = new MemoryStore();
    for (const s of segments) await store.putMachine(record(key, s.text, `EN ${s.text}`));
    const other = new Map(segments.map((s) => [hash(s.text), record('other-key', s.text, 'stale')]));
    for (const prefetched of [
      Promise.resolve({ cacheKey: 'other-key', stamp: '', machine: other, corrections: new Map() }),
      Promise.reject(new Error('blocked')),
    ]) {
      const t = translator(store, prefetched);
      t.start();
      await settled(t);
      expect(t.shownArticle().map((s) => s.english)).toEqual(['EN Eerste alinea.', 'EN Tweede alinea.']);
      t.dispose();
    }
  });
});

describe('the quick-open copy (lib/quick-open/copy.ts)', () => {
  const storage = useMapStorage();

  const copy = (): Copy | null => JSON.parse(storage().getItem(`${COPY_PREFIX}artikel`) ?? 'null') as Copy | null;
  let db = 0;
  async function opened() {
    const store = new IndexedDBStore(await openReaderDB(`translator-copy-${++db}`));
    await store.putMachine(record(key, segments[0]!.text, 'EN one'));
    await store.putMachine(record(key, segments[1]!.text, 'EN two'));
    const t = new ArticleTranslator(segments, {
      fetchConfig: async () => DEFAULT_CONFIG,
      openStore: async () => store,
      article: 'artikel',
      quickOpen: 'artikel',
    });
    t.start();
    await settled(t);
    return t;
  }

  it('is kept once the article shows in full, under the settings and the stamp it was read under', async () => {
    const t = await opened();
    expect(copy()).toEqual({
      v: 1,
      key,
      stamp: storeStamp(),
      texts: { [hash(segments[0]!.text)]: 'EN one', [hash(segments[1]!.text)]: 'EN two' },
    });
    t.dispose();
  });

  it('follows a correction saved on this page, and goes when another tab stamped a change meanwhile', async () => {
    const t = await opened();
    await t.corrections.save('s-1', 'Mine.');
    expect(copy()?.texts[hash(segments[0]!.text)]).toBe('Mine.');
    expect(copy()?.stamp).toBe(storeStamp());

    restamp(); // another tab saves a correction: this page may not have seen it
    await t.corrections.save('s-2', 'Mine too.');
    expect(copy()).toBeNull();
    t.dispose();
    expect(copy()).toBeNull(); // and is not written back on leaving
  });

  it('is not kept when storage is memory only: the English would outlive what it stands for', async () => {
    const store = new MemoryStore();
    for (const s of segments) await store.putMachine(record(key, s.text, `EN ${s.text}`));
    const t = new ArticleTranslator(segments, {
      fetchConfig: async () => DEFAULT_CONFIG,
      openStore: async () => store,
      quickOpen: 'artikel',
    });
    t.start();
    await settled(t);
    t.dispose();
    expect(copy()).toBeNull();
  });
});
