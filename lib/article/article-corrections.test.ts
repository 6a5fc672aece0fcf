import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { sourceHash } from '@/lib/content/block-id';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import type { TranslationStore } from '@/lib/store/types';
import { CorrectionFailure } from './article-corrections';
import { ArticleTranslator } from '@/lib/article/article-translator';
import { DEFAULT_CONFIG, translationCacheKey } from '@/lib/engine/shared/config';

const segments = [
  { id: 's-1', text: 'Eerste alinea.' },
  { id: 's-2', text: 'Tweede alinea.' },
];
const key = translationCacheKey(DEFAULT_CONFIG);
const hash = (text: string) => sourceHash(text);
let n = 0;

/** A real IndexedDB store whose writes can be made to fail, as a full disk or a closed database would. */
async function faultyStore() {
  const store = new IndexedDBStore(await openReaderDB(`corrections-${++n}`));
  const faults = { next: null as DOMException | null };
  const guarded = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (faults.next && (prop === 'saveCorrection' || prop === 'putDraft')) return Promise.reject(faults.next);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as TranslationStore;
  for (const s of segments) {
    await store.putMachine({
      cacheKey: key,
      sourceHash: hash(s.text),
      source: s.text,
      text: `EN ${s.text}`,
      sentences: [],
    });
  }
  return { store: guarded, faults };
}

async function opened(store: TranslationStore) {
  const t = new ArticleTranslator(segments, {
    fetchConfig: async () => DEFAULT_CONFIG,
    openStore: async () => store,
    article: 'artikel',
  });
  t.start();
  await new Promise<void>((resolve) => {
    const check = () => t.getProgress().phase === 'done' && resolve();
    t.subscribeProgress(check);
    check();
  });
  return t;
}

describe('a correction that storage refuses', () => {
  it('rejects with why, changes nothing shown, warns the page, and lands once storage is back', async () => {
    const { store, faults } = await faultyStore();
    const t = await opened(store);
    faults.next = new DOMException('full', 'QuotaExceededError');
    const error = await t.corrections.save('s-1', 'Mine.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorrectionFailure);
    expect(error).toMatchObject({ action: 'save', code: 'quota' });
    expect(t.getSegment('s-1').correction).toBeNull();
    expect(t.getProgress().storage).toBe('failing');
    // The export offered with the warning carries the text the reader could not save.
    t.corrections.drafts.keep('s-1', 'Mine.');
    expect(JSON.parse(await t.corrections.json(true)).corrections).toMatchObject([
      { source: 'Eerste alinea.', text: 'Mine.', status: 'edited' },
    ]);

    faults.next = null;
    await t.corrections.save('s-1', 'Mine.');
    expect(t.getSegment('s-1').correction?.text).toBe('Mine.');
    expect(t.getProgress().storage).toBe('persistent');
    t.dispose();
  });

  it('never stores an empty text, and names it', async () => {
    const { store } = await faultyStore();
    const t = await opened(store);
    await expect(t.corrections.save('s-1', '  \n ')).rejects.toMatchObject({ code: 'empty' });
    expect((await store.getCorrections([hash('Eerste alinea.')])).size).toBe(0);
    t.dispose();
  });
});

describe('undo', () => {
  it('is offered while there is something to undo, and not after the last', async () => {
    const { store } = await faultyStore();
    const t = await opened(store);
    await t.corrections.save('s-1', 'One.');
    await t.corrections.save('s-1', 'Two.');
    expect(t.getSegment('s-1').canUndo).toBe(true);
    await t.corrections.undoLast('s-1');
    expect(t.getSegment('s-1').correction?.text).toBe('One.');
    expect(t.getSegment('s-1').canUndo).toBe(true);
    await t.corrections.undoLast('s-1');
    expect(t.getSegment('s-1').correction).toMatchObject({ status: 'machine', text: 'EN Eerste alinea.' });
    expect(t.getSegment('s-1').canUndo).toBe(false);
    t.dispose();
  });
});

describe('drafts', () => {
  it('a draft that storage refuses warns the page at once, and the export carries its text', async () => {
    const { store, faults } = await faultyStore();
    const t = await opened(store);
    faults.next = new DOMException('full', 'QuotaExceededError');
    t.corrections.drafts.keep('s-1', 'Typed while the disk is full');
    await vi.waitFor(() => expect(t.getProgress().storage).toBe('failing'));
    expect(t.corrections.drafts.failing).toBe(true);
    expect(JSON.parse(await t.corrections.json(true)).corrections).toMatchObject([
      { text: 'Typed while the disk is full' },
    ]);
    // Storage back: the next keystroke is kept, and the warning goes.
    faults.next = null;
    t.corrections.drafts.keep('s-1', 'Typed while the disk is full, then not');
    await vi.waitFor(() => expect(t.getProgress().storage).toBe('persistent'));
    expect((await store.getDrafts('artikel')).map((d) => d.text)).toEqual(['Typed while the disk is full, then not']);
    t.dispose();
  });

  it('come back when the article is opened again, and go on save', async () => {
    const { store } = await faultyStore();
    const first = await opened(store);
    first.corrections.drafts.keep('s-2', 'Half');
    first.corrections.drafts.keep('s-2', 'Half a sentence');
    first.dispose();
    await new Promise((r) => setTimeout(r, 20)); // the last write lands after the page has gone, as it does in a browser

    const second = await opened(store);
    expect(second.getSegment('s-2').draft).toBe('Half a sentence');
    expect(second.corrections.drafts.hasUnsaved()).toBe(true);
    await second.corrections.save('s-2', 'Half a sentence, finished.');
    expect(second.getSegment('s-2').draft).toBeNull();
    expect(await store.getDrafts('artikel')).toEqual([]);
    second.dispose();
  });
});
