import { IndexedDBStore, openReaderDB } from './db';
import { MemoryStore } from './memory-store';
import type { TranslationStore } from './types';

let shared: Promise<TranslationStore> | null = null;

/** The browser's store: IndexedDB if it opens, else memory (and the UI says so). Browser-only. */
export function openTranslationStore(): Promise<TranslationStore> {
  shared ??= (async () => {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      return new IndexedDBStore(await openReaderDB());
    } catch {
      return new MemoryStore();
    }
  })();
  return shared;
}
